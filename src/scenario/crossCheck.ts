/**
 * Cross-checks that a schema cannot express: unique ids, references to teams, channel mixes
 * that sum to 1 and are answered by a front team, front teams with channels, case flows with
 * steps, warm-up shorter than the horizon. They read the raw input defensively (skipping
 * values of the wrong type, which the schema reports), so they run together with the schema
 * and every problem is reported at once.
 *
 * @packageDocumentation
 */
import { makeIssue, type ScenarioIssue } from "./errors.js";
import { RUN_DEFAULTS } from "./defaults.js";
import { didYouMean } from "./suggest.js";
import { CHANNELS } from "./types.js";
import { readDuration } from "./units.js";
import { readHours } from "./hours.js";
import type { WeekInterval } from "../engine/index.js";

type Raw = Readonly<Record<string, unknown>>;

function isRecord(x: unknown): x is Raw {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function records(x: unknown): [Raw, number][] {
  return Array.isArray(x) ? x.flatMap((r, i): [Raw, number][] => (isRecord(r) ? [[r, i]] : [])) : [];
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : [];
}

/** A text from the file quoted in what an issue expects, cut short as formatValue cuts values. */
function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function listOf(ids: readonly string[]): string {
  const shown = ids.slice(0, 8).map(short).join(", ");
  return ids.length > 8 ? `${shown}, ...` : shown;
}

/** Reports ids used twice in `items` (at the later uses). */
function uniqueIds(items: [Raw, number][], where: (i: number) => string, what: string, out: ScenarioIssue[]): void {
  const first = new Map<string, number>();
  for (const [item, i] of items) {
    if (typeof item["id"] !== "string") continue;
    const earlier = first.get(item["id"]);
    if (earlier === undefined) first.set(item["id"], i);
    else out.push(makeIssue(`${where(i)}.id`, item["id"], `an id not used by another ${what}`, `${where(earlier)} has the same id.`));
  }
}

function checkTeams(teams: [Raw, number][], out: ScenarioIssue[]): void {
  uniqueIds(teams, (i) => `teams[${i}]`, "team", out);
  for (const [team, i] of teams) {
    const channels = team["channels"];
    const list = strings(channels);
    if (team["role"] === "front" && Array.isArray(channels) && channels.length === 0) {
      out.push(makeIssue(`teams[${i}].channels`, channels, "the channels a front team answers (phone, visit, email)"));
    } else if (team["role"] === "front" && channels === undefined) {
      out.push(makeIssue(`teams[${i}].channels`, undefined, "the channels a front team answers (phone, visit, email)"));
    } else if (typeof team["role"] === "string" && team["role"] !== "front" && list.length > 0) {
      out.push(makeIssue(`teams[${i}].channels`, channels, "no channels: only front teams answer channels", 'Set role: front, or remove channels.'));
    }
    const twice = list.filter((c, k) => list.indexOf(c) !== k);
    if (twice.length > 0) out.push(makeIssue(`teams[${i}].channels`, channels, "each channel at most once", `"${twice[0]}" is listed twice.`));
  }
}

function checkReference(value: unknown, path: string, teamIds: readonly string[], out: ScenarioIssue[]): void {
  if (typeof value !== "string" || teamIds.includes(value) || teamIds.length === 0) return;
  out.push(makeIssue(path, value, `the id of a team (${listOf(teamIds)})`, didYouMean(value, teamIds) || "No team has this id."));
}

function checkChannels(mix: unknown, path: string, answered: ReadonlySet<string>, out: ScenarioIssue[]): void {
  if (!isRecord(mix) || Object.keys(mix).some((k) => !(CHANNELS as readonly string[]).includes(k))) return;
  const shares = CHANNELS.map((c) => mix[c] ?? 0);
  if (!shares.every((s) => typeof s === "number" && s >= 0 && s <= 1)) return;
  const sum = (shares as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) {
    out.push(makeIssue(path, mix, "shares that sum to 1", `They sum to ${Number(sum.toPrecision(10))}.`));
  }
  CHANNELS.forEach((c, k) => {
    if (c === "eform" || !((shares[k] as number) > 0) || answered.has(c)) return;
    out.push(makeIssue(`${path}.${c}`, mix[c], `a channel that a front team answers (${listOf([...answered]) || "none"})`, `No team with role front lists "${c}" in its channels.`));
  });
}

function checkServices(services: [Raw, number][], teamIds: readonly string[], answered: ReadonlySet<string>, out: ScenarioIssue[]): void {
  uniqueIds(services, (i) => `services[${i}]`, "service", out);
  for (const [service, i] of services) {
    const at = `services[${i}]`;
    checkReference(service["backOffice"], `${at}.backOffice`, teamIds, out);
    checkChannels(service["channelMix"], `${at}.channelMix`, answered, out);
    const steps = records(service["steps"]);
    uniqueIds(steps, (j) => `${at}.steps[${j}]`, "step of this service", out);
    for (const [step, j] of steps) checkReference(step["team"], `${at}.steps[${j}].team`, teamIds, out);
    const caseShare = service["caseShare"];
    const rawSteps = service["steps"];
    if (typeof caseShare === "number" && caseShare > 0 && (rawSteps === undefined || (Array.isArray(rawSteps) && rawSteps.length === 0))) {
      out.push(makeIssue(`${at}.steps`, rawSteps, "at least one step when caseShare > 0", `caseShare is ${caseShare}: cases need a flow.`));
    }
  }
}

function checkRunLengths(input: Raw, out: ScenarioIssue[]): void {
  const horizonText = input["horizon"] ?? RUN_DEFAULTS.horizon;
  const warmupText = input["warmup"] ?? RUN_DEFAULTS.warmup;
  if (typeof horizonText !== "string" || typeof warmupText !== "string") return;
  const horizon = readDuration(horizonText);
  const warmup = readDuration(warmupText, { allowZero: true });
  if (horizon.ok && warmup.ok && warmup.value >= horizon.value) {
    out.push(makeIssue("warmup", warmupText, `a warm-up shorter than the horizon (${short(horizonText)})`));
  }
}

/** Whether every interval of `inner` lies within the union of `outer` (both merged by readHours). */
function within(inner: readonly WeekInterval[], outer: readonly WeekInterval[]): boolean {
  return inner.every(([s, e]) => outer.some(([a, b]) => a <= s && e <= b));
}

const CHANGES = ["demand", "staff", "hours"] as const;

/** Opening hours as text: an entry or a non-empty list of entries (anything else the schema reports). */
function isHours(x: unknown): x is string | string[] {
  return typeof x === "string" || (Array.isArray(x) && x.length > 0 && x.every((e) => typeof e === "string"));
}

function checkEvents(input: Raw, teams: [Raw, number][], out: ScenarioIssue[]): void {
  const teamIds = teams.map(([t]) => t["id"]).filter((id): id is string => typeof id === "string");
  const serviceIds = records(input["services"]).map(([s]) => s["id"]).filter((id): id is string => typeof id === "string");
  for (const [event, i] of records(input["events"])) {
    const at = `events[${i}]`;
    const changes = CHANGES.filter((k) => event[k] !== undefined);
    if (changes.length !== 1) {
      out.push(makeIssue(at, event, "exactly one change: demand, staff or hours", changes.length === 0 ? "The event changes nothing." : `It has ${changes.join(" and ")}: write one event for each.`));
      continue;
    }
    const change = changes[0] as string;
    const from = typeof event["at"] === "string" ? readDuration(event["at"], { allowZero: true }) : null;
    const to = typeof event["until"] === "string" ? readDuration(event["until"]) : null;
    if (from?.ok && to?.ok && !(to.value > from.value)) {
      out.push(makeIssue(`${at}.until`, event["until"], `a time later than at (${short(String(event["at"]))})`));
    }
    if (change === "demand") {
      if (event["team"] !== undefined) out.push(makeIssue(`${at}.team`, event["team"], "no team: a demand change applies to a service (service) or to all", "Use service: ID, or remove team."));
      const service = event["service"];
      if (typeof service === "string" && serviceIds.length > 0 && !serviceIds.includes(service)) {
        out.push(makeIssue(`${at}.service`, service, `the id of a service (${listOf(serviceIds)})`, didYouMean(service, serviceIds) || "No service has this id."));
      }
      continue;
    }
    if (event["service"] !== undefined) out.push(makeIssue(`${at}.service`, event["service"], `no service: a ${change} change applies to a team`, "Remove service."));
    if (event["team"] === undefined) {
      out.push(makeIssue(`${at}.team`, undefined, `the id of the team whose ${change} changes (${listOf(teamIds)})`));
      continue;
    }
    checkReference(event["team"], `${at}.team`, teamIds, out);
    const team = teams.find(([t]) => t["id"] === event["team"])?.[0];
    if (team === undefined) continue;
    const staff = change === "staff" ? (typeof event["staff"] === "number" ? event["staff"] : typeof event["staff"] === "string" ? Number(event["staff"]) : NaN) : NaN;
    if (typeof team["staff"] === "number" && Number.isInteger(staff) && team["staff"] + staff < 0) {
      out.push(makeIssue(`${at}.staff`, event["staff"], `at most ${team["staff"]} fewer people: the team has ${team["staff"]}`));
    }
    const usual = isHours(team["hours"]) ? readHours(team["hours"]) : null;
    const during = change === "hours" && isHours(event["hours"]) ? readHours(event["hours"]) : null;
    if (usual?.ok && during?.ok && !within(during.value, usual.value)) {
      out.push(makeIssue(`${at}.hours`, event["hours"], `hours within the team's usual hours (${short(String(team["hours"]))})`, "An event can shorten a team's hours, not lengthen them."));
    }
  }
}

/**
 * Cross-checks a raw scenario input (before or after schema validation).
 *
 * @param input - the scenario as written (any value; non-objects give no issues here)
 * @returns the problems found, possibly none
 * @example
 * ```ts
 * crossCheck({ teams: [{ id: "a", role: "caseWork" }], services: [{ backOffice: "b" }] })[0]?.path;
 * //=> "services[0].backOffice"
 * ```
 */
export function crossCheck(input: unknown): ScenarioIssue[] {
  if (!isRecord(input)) return [];
  const out: ScenarioIssue[] = [];
  const teams = records(input["teams"]);
  checkTeams(teams, out);
  const teamIds = [...new Set(teams.map(([t]) => t["id"]).filter((id): id is string => typeof id === "string"))];
  const answered = new Set(teams.filter(([t]) => t["role"] === "front").flatMap(([t]) => strings(t["channels"])));
  checkServices(records(input["services"]), teamIds, answered, out);
  checkRunLengths(input, out);
  checkEvents(input, teams, out);
  return out;
}
