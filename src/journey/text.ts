/**
 * The journey layer's tables and narratives as text for the terminal.
 *
 * @packageDocumentation
 */
import type { Attribution } from "./attribution.js";
import { spellDuration } from "./clock.js";
import type { JourneyMap } from "./journeyMap.js";
import type { TouchpointEffect, TouchpointRanking } from "./touchpoints.js";
import type { Journey } from "./types.js";

/**
 * A journey as text: its narrative, one line per event.
 *
 * @param journey - a journey from `journeys`
 * @returns the lines joined by "\n"
 * @example
 * ```ts
 * console.log(journeyText(pickJourneys(run).typical!));
 * ```
 */
export function journeyText(journey: Journey): string {
  return journey.narrative.join("\n");
}

/**
 * A journey map as text: the phases, the emotion curve through its biggest moments (pain points
 * marked ▼), and what citizens said afterwards.
 *
 * @param map - from `journeyMap`
 * @param options - how many moments to list (default 10, the biggest changes, in journey order)
 * @returns the text
 * @example
 * ```ts
 * console.log(journeyMapText(journeyMap(run)));
 * ```
 */
export function journeyMapText(map: JourneyMap, options: { readonly moments?: number } = {}): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const num = (x: number) => x.toFixed(2);
  const head = `Journey map — ${map.scenario}, ${map.policy}, ${map.serviceName}: ${map.citizens} journalled citizens (${map.resolved} met, ${map.abandoned} gave up; ${map.openLeftOut} still open, left out); end to end ${map.endToEndDays.toFixed(1)} days`;
  const phases = table(
    ["phase", "time", "waiting", "effort", "contacts", "failure demand", "emotion change", "emotion at end"],
    map.phases.map((p) => [p.phase, spellDuration(p.minutes), spellDuration(p.waitingMinutes), spellDuration(p.effortMinutes), num(p.contacts), num(p.failureContacts), signed(p.emotionChange), signed(p.emotionAtEnd)]),
  );
  const k = options.moments ?? 10;
  const big = new Set([...map.moments].sort((a, b) => Math.abs(b.emotionChange) - Math.abs(a.emotionChange)).slice(0, k));
  const curve = table(
    ["", "phase", "moment", "citizens", "per citizen", "change", "curve"],
    map.moments.filter((m) => big.has(m)).map((m) => [m.painPoint === null ? "" : `▼${m.painPoint}`, m.phase, clip(m.label, 64), pct(m.citizenShare), num(m.perCitizen), signed(m.emotionChange), signed(m.emotion)]),
    3,
  );
  const said = Object.entries(map.expression).map(([name, share]) => `${name} ${pct(share)}`).join(", ");
  return [head, phases, "", `Emotion curve (the ${k} biggest moments in journey order; ▼ pain point):`, curve, "", `Afterwards (all cohort needs that ended): ${said}`].join("\n");
}

/**
 * Attribution as text: failure demand and end-to-end time per touchpoint.
 *
 * @param a - from `attribution`
 * @returns the table
 * @example
 * ```ts
 * console.log(attributionText(attribution(run)));
 * ```
 */
export function attributionText(a: Attribution): string {
  const days = (m: number) => (m / 1440).toFixed(2);
  const head = `Touchpoints — ${a.scenario}, ${a.policy}${a.service === null ? "" : `, ${a.service}`}: ${a.failureContacts} failure-demand contacts in the window; ${a.citizens} journalled citizens, ${days(a.endToEndMinutes)} days end to end on average`;
  const rows = a.rows.map((r) => [
    clip(r.touchpoint, 48),
    String(r.failureContacts),
    `${(100 * r.failureShare).toFixed(1)}%`,
    String(r.failureCaused),
    String(r.waitCaused),
    days(r.endToEndMinutes),
    `${(100 * r.endToEndShare).toFixed(1)}%`,
    days(r.byKind.queue ?? 0),
    days(r.byKind.inbox ?? 0),
    days(r.byKind.handling ?? 0),
    days(r.byKind.away ?? 0),
  ]);
  return [head, table(["touchpoint", "failure demand", "share", "caused here", "by waiting", "days", "share", "queue", "inbox", "handling", "away"], rows)].join("\n");
}

/**
 * The touchpoint ranking as text: per team the change without its failures (what-if − baseline)
 * with paired 95% intervals.
 *
 * @param t - from `touchpoints`
 * @returns the table
 * @example
 * ```ts
 * console.log(touchpointText(touchpoints(loadScenario("teaching"), policies.minutes, { replications: 3 })));
 * ```
 */
export function touchpointText(t: TouchpointRanking): string {
  const weeks = ((t.horizonMinutes - t.warmupMinutes) / 10080).toFixed(0);
  const head = `What if a touchpoint's failures were removed? ${t.scenario}${t.service === null ? "" : ` (citizens of ${t.service})`}, ${t.policy}: ${t.replications} replications (seed ${t.seed}, ${weeks} measured weeks), ranked by ${t.rankBy}; change = what-if − baseline [95% paired interval]`;
  const rows = t.rows.map((r) => [
    String(r.rank),
    clip(r.touchpoint, 48),
    r.failureDemand.baseline.toFixed(1),
    change(r.failureDemand, 1),
    change(r.causedFailureDemand, 1),
    change(r.attributedFailureDemand, 1),
    change(r.endToEndDays, 2),
    change(r.contactsPerNeed, 3),
  ]);
  return [head, table(["rank", "touchpoint", "failure demand / week", "change", "caused there", "attributed there", "end-to-end days", "contacts per need"], rows, 2)].join("\n");
}

function change(e: TouchpointEffect, digits: number): string {
  const f = (x: number) => {
    // a figure that rounds to zero is 0, without a sign
    const t = x.toFixed(digits);
    return Number(t) === 0 ? (0).toFixed(digits) : `${x > 0 ? "+" : ""}${t}`;
  };
  return e.ci95 === null ? f(e.change) : `${f(e.change)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`;
}

/** Long names (pooled case-owner teams) cut for the terminal; JSON keeps them whole. */
function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function signed(x: number): string {
  const s = x.toFixed(2);
  return x > 0 && s !== "0.00" ? `+${s}` : s === "-0.00" ? "0.00" : s;
}

/**
 * A plain text table: the first `left` columns left-aligned, the others right-aligned.
 *
 * @param header - column titles
 * @param rows - cells
 * @param left - how many leading columns are left-aligned (default 1)
 * @returns the lines joined by "\n"
 * @example
 * ```ts
 * table(["a", "b"], [["x", "1"]]); //=> "a  b\nx  1"
 * ```
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], left = 1): string {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, k) => (k < left ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
