/**
 * The playground's state: what the participant chose (scenario, demand and staff levels,
 * replications, horizon, seed, and the design choices of a third, hybrid policy), how it is
 * kept in the page's URL, and how it becomes the scenario and policies that run. Pure
 * functions, shared by the page, its worker and the tests.
 *
 * @packageDocumentation
 */
// the presets and types only: the page loads no model (its worker does)
import { policies } from "../src/policy/presets.js";
import type { Policy } from "../src/policy/types.js";
import type { Scenario } from "../src/scenario/types.js";

const WEEK = 7 * 24 * 60;

/** The design choices of the hybrid policy, one control each. */
export interface HybridChoices {
  readonly scope: Policy["frontOffice"]["scope"];
  readonly skillCoverage: number;
  /** Handling-time target at the front as a multiple of the mean work, or null for none. */
  readonly frontFactor: number | null;
  /** Handling-time target of case steps as a multiple of the mean work, or null for none. */
  readonly stepFactor: number | null;
  readonly cutShortProbability: number;
  readonly caseHandling: Policy["caseHandling"];
  /** Weeks between batch sweeps of case work, or null for flow. */
  readonly batchWeeks: number | null;
  /** Weeks between decision meetings, or null for none. */
  readonly meetingWeeks: number | null;
  readonly progressInformation: Policy["progressInformation"];
  readonly closure: Policy["closure"];
  readonly completenessCheck: Policy["completenessCheck"];
  readonly activityMeasure: Policy["activityMeasure"];
  readonly consultPriority: Policy["consultPriority"];
  readonly ownership: Policy["ownership"];
}

/** Everything the playground runs from. */
export interface PlaygroundState {
  /** A built-in scenario's name, or "file" for the participant's own file. */
  readonly scenario: string;
  readonly replications: number;
  readonly horizonWeeks: number;
  readonly seed: number;
  /** Multiplier of every service's arrivals (1 = the scenario's). */
  readonly demand: number;
  /** Multiplier of every team's staff, rounded to whole people, at least one (1 = the scenario's). */
  readonly staff: number;
  /** The hybrid policy's choices, or null to compare the two presets only. */
  readonly hybrid: HybridChoices | null;
}

/** Limits of the numeric controls (also applied to a state read from a URL). */
export const LIMITS = {
  replications: [1, 50],
  horizonWeeks: [4, 104],
  seed: [1, 1_000_000],
  demand: [0.5, 2],
  staff: [0.5, 2],
} as const;

/**
 * The state the page starts from: the presets on `teaching`, 5 replications of 26 weeks.
 *
 * @example
 * ```ts
 * DEFAULT_STATE.scenario; //=> "teaching"
 * ```
 */
export const DEFAULT_STATE: PlaygroundState = { scenario: "teaching", replications: 5, horizonWeeks: 26, seed: 1, demand: 1, staff: 1, hybrid: null };

/**
 * A policy's design choices as the hybrid's controls.
 *
 * @param p - a policy (a preset)
 * @returns its choices
 * @example
 * ```ts
 * choicesOf(policies.whole).scope; //=> "resolve"
 * ```
 */
export function choicesOf(p: Policy): HybridChoices {
  const meeting = p.batching.byRole.meeting;
  return {
    scope: p.frontOffice.scope,
    skillCoverage: p.frontOffice.skillCoverage,
    frontFactor: p.handlingTime.frontFactor,
    stepFactor: p.handlingTime.stepFactor,
    cutShortProbability: p.handlingTime.cutShortProbability,
    caseHandling: p.caseHandling,
    batchWeeks: p.batching.everyMinutes === null ? null : p.batching.everyMinutes / WEEK,
    meetingWeeks: meeting === undefined || meeting === null ? null : meeting / WEEK,
    progressInformation: p.progressInformation,
    closure: p.closure,
    completenessCheck: p.completenessCheck,
    activityMeasure: p.activityMeasure,
    consultPriority: p.consultPriority,
    ownership: p.ownership,
  };
}

/**
 * The hybrid policy of the choices (named "hybrid").
 *
 * @param c - the choices
 * @returns the policy
 * @example
 * ```ts
 * hybridPolicy({ ...choicesOf(policies.minutes), scope: "resolve" }).frontOffice.scope; //=> "resolve"
 * ```
 */
export function hybridPolicy(c: HybridChoices): Policy {
  return {
    name: "hybrid",
    description: "A hybrid built in the playground",
    frontOffice: { scope: c.scope, skillCoverage: c.skillCoverage },
    handlingTime: { frontMinutes: null, frontFactor: c.frontFactor, stepFactor: c.stepFactor, cutShortProbability: c.cutShortProbability },
    caseHandling: c.caseHandling,
    batching: { everyMinutes: c.batchWeeks === null ? null : c.batchWeeks * WEEK, byRole: c.meetingWeeks === null ? {} : { meeting: c.meetingWeeks * WEEK }, steps: {} },
    progressInformation: c.progressInformation,
    closure: c.closure,
    completenessCheck: c.completenessCheck,
    activityMeasure: c.activityMeasure,
    consultPriority: c.consultPriority,
    ownership: c.ownership,
  };
}

/**
 * The policies a state compares: the two presets, and the hybrid when there is one.
 *
 * @param state - the state
 * @returns minutes, whole (and hybrid)
 * @example
 * ```ts
 * policiesOf(DEFAULT_STATE).map((p) => p.name); //=> ["minutes", "whole"]
 * ```
 */
export function policiesOf(state: PlaygroundState): Policy[] {
  return [policies.minutes, policies.whole, ...(state.hybrid === null ? [] : [hybridPolicy(state.hybrid)])];
}

/**
 * The scenario with the state's demand and staff levels: every service's arrivals times
 * `demand`, every team's staff times `staff` rounded to whole people (at least one).
 *
 * @param s - the scenario
 * @param state - the levels
 * @returns the changed scenario (the same one at 1 and 1)
 * @example
 * ```ts
 * adjustScenario(loadScenario("teaching"), { ...DEFAULT_STATE, staff: 2 }).teams[0]!.staff; // twice the scenario's
 * ```
 */
export function adjustScenario(s: Scenario, state: Pick<PlaygroundState, "demand" | "staff">): Scenario {
  if (state.demand === 1 && state.staff === 1) return s;
  return {
    ...s,
    services: s.services.map((sv) => ({ ...sv, arrivalsPerMinute: sv.arrivalsPerMinute * state.demand })),
    teams: s.teams.map((t) => ({ ...t, staff: Math.max(1, Math.round(t.staff * state.staff)) })),
  };
}

/**
 * The run's window: the state's horizon, and the scenario's warm-up when it is at most half of
 * it, else a quarter of the horizon (whole weeks).
 *
 * @param s - the scenario
 * @param state - the horizon
 * @returns horizon and warm-up as durations
 * @example
 * ```ts
 * windowOf(loadScenario("teaching"), { horizonWeeks: 8 }); //=> { horizon: "8 weeks", warmup: "2 weeks" }
 * ```
 */
export function windowOf(s: Scenario, state: Pick<PlaygroundState, "horizonWeeks">): { horizon: string; warmup: string } {
  const h = state.horizonWeeks;
  const warmWeeks = s.warmupMinutes <= (h * WEEK) / 2 ? s.warmupMinutes / WEEK : Math.max(1, Math.floor(h / 4));
  return { horizon: `${h} weeks`, warmup: `${warmWeeks} weeks` };
}

const CHOICE_VALUES: { readonly [K in keyof HybridChoices]?: readonly string[] } = {
  scope: ["logAndPass", "resolve"],
  caseHandling: ["handoffs", "caseOwner"],
  progressInformation: ["none", "proactive"],
  closure: ["targetDriven", "citizenConfirms"],
  completenessCheck: ["backOfficeLetter", "firstContact"],
  activityMeasure: ["casesClosed", "endToEndTime"],
  consultPriority: ["queue", "first"],
  ownership: ["personal", "pool"],
};

/** The values a choice takes when it is one of a few words (for the page's selects). */
export const CHOICE_OPTIONS = CHOICE_VALUES as Readonly<Record<string, readonly string[]>>;

function encodeText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeText(b64: string): string {
  const bin = atob(b64.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/**
 * The state as the fragment of the page's URL (`#scenario=teaching&reps=5&…`), with the text of
 * one's own scenario file in it (base64url) so that a shared link runs exactly the same.
 *
 * @param state - the state
 * @param fileText - the scenario file's text when `state.scenario` is "file"
 * @returns the fragment, without "#"
 * @example
 * ```ts
 * encodeState(DEFAULT_STATE); //=> "scenario=teaching&reps=5&weeks=26&seed=1&demand=1&staff=1"
 * ```
 */
export function encodeState(state: PlaygroundState, fileText?: string): string {
  const q = new URLSearchParams();
  q.set("scenario", state.scenario);
  q.set("reps", String(state.replications));
  q.set("weeks", String(state.horizonWeeks));
  q.set("seed", String(state.seed));
  q.set("demand", String(state.demand));
  q.set("staff", String(state.staff));
  if (state.hybrid !== null) {
    for (const [k, v] of Object.entries(state.hybrid)) q.set(`h.${k}`, v === null ? "none" : String(v));
  }
  if (state.scenario === "file" && fileText !== undefined) q.set("file", encodeText(fileText));
  return q.toString();
}

/**
 * Reads a state from a URL fragment; what is missing or out of range is the default (and
 * told in `problems`).
 *
 * @param fragment - the fragment, with or without "#"
 * @param scenarioNames - the built-in scenarios' names
 * @returns the state, the scenario file's text when there is one, and what was ignored
 * @example
 * ```ts
 * decodeState("#scenario=teaching&reps=3", ["teaching"]).state.replications; //=> 3
 * ```
 */
export function decodeState(fragment: string, scenarioNames: readonly string[]): { state: PlaygroundState; fileText?: string; problems: string[] } {
  const q = new URLSearchParams(fragment.replace(/^#/, ""));
  const problems: string[] = [];
  const num = (key: string, name: keyof typeof LIMITS, fallback: number, whole: boolean): number => {
    const raw = q.get(key);
    if (raw === null) return fallback;
    const x = Number(raw);
    const [lo, hi] = LIMITS[name];
    if (!Number.isFinite(x) || x < lo || x > hi || (whole && !Number.isInteger(x))) {
      problems.push(`${key}=${raw} is not ${whole ? "a whole number" : "a number"} from ${lo} to ${hi}; using ${fallback}`);
      return fallback;
    }
    return x;
  };
  let scenario = q.get("scenario") ?? DEFAULT_STATE.scenario;
  let fileText: string | undefined;
  if (scenario === "file") {
    try {
      fileText = decodeText(q.get("file") ?? "");
      if (fileText === "") throw new Error("empty");
    } catch {
      problems.push(`the link names a scenario file but does not hold it; using ${DEFAULT_STATE.scenario}`);
      scenario = DEFAULT_STATE.scenario;
      fileText = undefined;
    }
  } else if (!scenarioNames.includes(scenario)) {
    problems.push(`scenario=${scenario} is not a built-in scenario (${scenarioNames.join(", ")}); using ${DEFAULT_STATE.scenario}`);
    scenario = DEFAULT_STATE.scenario;
  }
  let hybrid: HybridChoices | null = null;
  if ([...q.keys()].some((k) => k.startsWith("h."))) {
    const base = choicesOf(policies.minutes) as unknown as Record<string, string | number | null>;
    const out: Record<string, string | number | null> = { ...base };
    for (const key of Object.keys(base)) {
      const raw = q.get(`h.${key}`);
      if (raw === null) continue;
      const words = CHOICE_VALUES[key as keyof HybridChoices];
      if (words !== undefined) {
        if (words.includes(raw)) out[key] = raw;
        else problems.push(`h.${key}=${raw} is not one of ${words.join(", ")}`);
        continue;
      }
      if (raw === "none" && ["frontFactor", "stepFactor", "batchWeeks", "meetingWeeks"].includes(key)) {
        out[key] = null;
        continue;
      }
      const x = Number(raw);
      const share = key === "skillCoverage" || key === "cutShortProbability";
      if (Number.isFinite(x) && (share ? x >= 0 && x <= 1 : x > 0 && x <= 52)) out[key] = x;
      else problems.push(`h.${key}=${raw} is not ${share ? "a share from 0 to 1" : "a number above 0"}`);
    }
    hybrid = out as unknown as HybridChoices;
  }
  const state: PlaygroundState = {
    scenario,
    replications: num("reps", "replications", DEFAULT_STATE.replications, true),
    horizonWeeks: num("weeks", "horizonWeeks", DEFAULT_STATE.horizonWeeks, true),
    seed: num("seed", "seed", DEFAULT_STATE.seed, true),
    demand: num("demand", "demand", DEFAULT_STATE.demand, false),
    staff: num("staff", "staff", DEFAULT_STATE.staff, false),
    hybrid,
  };
  return fileText === undefined ? { state, problems } : { state, fileText, problems };
}
