/**
 * Stability warnings before a run: teams whose offered value-demand load is at or over their
 * capacity (queues grow without limit, unless enough of the citizens who leave when they wait
 * too long do so), or near it (M5: keep utilisation at or below 0.85), in words a user
 * understands.
 *
 * @packageDocumentation
 */
import { patientShare, type TeamLoad } from "./offeredLoad.js";

/** A team at, over or near its capacity before any failure demand. */
export interface LoadWarning {
  /** Team id, as in {@link TeamLoad.team}. */
  readonly team: string;
  readonly utilisation: number;
  /**
   * "over": utilisation ≥ 1, queues grow without limit (unless enough of the citizens who leave
   * when they wait too long do so, where they bring enough of the load); "near": utilisation ≥
   * the `near` threshold.
   */
  readonly level: "over" | "near";
  readonly message: string;
}

/** Options of {@link loadWarnings}. */
export interface LoadWarningOptions {
  /** Utilisation from which a team is "near" its capacity (default 0.85, M5 in docs/evidence.md). */
  readonly near?: number;
}

/** Default threshold of "near": M5 in docs/evidence.md (keep ρ at or below 0.85, GUESS; E40). */
export const NEAR_CAPACITY = 0.85;

/** The services that make up at least this share of a team's load are named in its warning (at most three). */
const DRIVER_SHARE = 0.8;
const MAX_DRIVERS = 3;

/**
 * Warnings for teams at or over capacity ("over") or near it ("near"), the most loaded first.
 * Each message names the team and the services that drive its load and says what to expect;
 * the load is value demand only, so failure demand made by the run comes on top.
 *
 * @param loads - from {@link offeredLoad}
 * @param options - `near`: the threshold of a "near" warning, in (0, 1] (default 0.85)
 * @returns one warning per team at or above the threshold
 * @throws RangeError if `near` is not in (0, 1]
 * @example
 * ```ts
 * const loads: TeamLoad[] = [{ team: "caseWorkers", name: "case workers", role: "caseWork", staff: 1,
 *   openMinutesPerWeek: 2400, offeredMinutesPerWeek: 3120, utilisation: 1.3,
 *   byService: { permit: 3120 }, serviceNames: { permit: "building permit" }, trainingMinutesPerWeek: 0, presentShare: 1 }];
 * loadWarnings(loads)[0]?.message;
 * //=> "case workers (building permit) are offered 130% of their capacity before any failure demand; queues will grow without limit"
 * ```
 */
export function loadWarnings(loads: readonly TeamLoad[], options: LoadWarningOptions = {}): LoadWarning[] {
  const near = options.near ?? NEAR_CAPACITY;
  if (!(near > 0 && near <= 1)) throw new RangeError(`loadWarnings: near must be a number in (0, 1], got ${String(near)}`);
  return loads
    .filter((t) => t.utilisation >= near)
    .sort((a, b) => b.utilisation - a.utilisation)
    .map((t) => {
      const level = t.utilisation >= 1 ? "over" : "near";
      return { team: t.team, utilisation: t.utilisation, level, message: messageOf(t, level) };
    });
}

function messageOf(t: TeamLoad, level: "over" | "near"): string {
  const named = drivers(t);
  // "case workers (building permit)"; a pooled team's name already has parentheses: "case owners (a, b) for building permit"
  const who = named === "" ? t.name : t.name.endsWith(")") ? `${t.name} for ${named}` : `${t.name} (${named})`;
  if (t.utilisation === Infinity) return `${who} are offered work but have no opening hours; queues will grow without limit`;
  // a "near" team never reads as 100%
  const percent = level === "near" ? Math.min(99, Math.round(t.utilisation * 100)) : Math.round(t.utilisation * 100);
  const offered = `${who} are offered ${percent}% of their capacity before any failure demand`;
  if (level === "near") return `${offered}; expect long queues, and failure demand will push them over`;
  const leaving = leavingShare(t);
  return leaving === undefined
    ? `${offered}; queues will grow without limit`
    : `${offered}, ${Math.round(leaving * 100)}% from citizens who leave when they wait too long; queues will grow without limit unless enough of them leave`;
}

/**
 * The load, as a share of capacity, of first contacts whose citizens leave when they wait too
 * long ({@link TeamLoad.patientMinutesPerWeek}), where the rest of the load alone is under
 * capacity; otherwise undefined. Such a team can stay stable over capacity: callers who hang
 * up free the time they would have taken (soderhamn's reception under whole, 101% offered, was
 * 86% busy in a year with a queue of 1.6 on average). Whether enough of them leave depends on
 * their patience and the line's priorities, so the warning says "unless", and the run's own
 * check (`unstableTeams`) tells. Where the rest alone fills the team, its queue grows whatever
 * callers do.
 */
function leavingShare(t: TeamLoad): number | undefined {
  const share = patientShare(t);
  if (!(share > 0)) return undefined;
  return t.utilisation * (1 - share) < 1 ? t.utilisation * share : undefined;
}

/** The services that together make up most of the load, the largest first: "a", "a and b", "a, b and c". */
function drivers(t: TeamLoad): string {
  const sorted = Object.entries(t.byService).sort((a, b) => b[1] - a[1]);
  const names: string[] = [];
  let covered = 0;
  for (const [id, minutes] of sorted) {
    if (names.length === MAX_DRIVERS || covered >= DRIVER_SHARE * t.offeredMinutesPerWeek) break;
    names.push(t.serviceNames[id] ?? id);
    covered += minutes;
  }
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
