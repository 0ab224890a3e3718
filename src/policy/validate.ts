/**
 * `validatePolicy`: the check of a policy in the model's form (a preset, one read by
 * `parsePolicy`, or one built in code), and, given the scenario it is to run on, of the steps
 * its batching names. `simulate` and the experiments call it before running, so a policy is
 * refused the same way wherever it is used.
 *
 * @packageDocumentation
 */
import { makeIssue, ScenarioError, type ScenarioIssue } from "../scenario/errors.js";
import { oneLineName } from "../scenario/fields.js";
import { didYouMean } from "../scenario/suggest.js";
import type { Scenario } from "../scenario/types.js";
import type { Policy } from "./types.js";

type Raw = Readonly<Record<string, unknown>>;

function isRecord(x: unknown): x is Raw {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const ROLES = ["front", "caseWork", "specialist", "field", "meeting"];

/** The keys of a policy and of its parts, for unknown keys and their suggestions. */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  "": ["name", "description", "frontOffice", "handlingTime", "caseHandling", "batching", "progressInformation", "closure", "completenessCheck", "activityMeasure", "consultPriority", "ownership"],
  frontOffice: ["scope", "skillCoverage"],
  handlingTime: ["frontMinutes", "frontFactor", "stepFactor", "cutShortProbability"],
  batching: ["everyMinutes", "byRole", "steps"],
};

/** The choices with a fixed set of values. */
const CHOICES: readonly [string, readonly string[]][] = [
  ["caseHandling", ["handoffs", "caseOwner"]],
  ["progressInformation", ["none", "proactive"]],
  ["closure", ["targetDriven", "citizenConfirms"]],
  ["completenessCheck", ["backOfficeLetter", "firstContact"]],
  ["activityMeasure", ["casesClosed", "endToEndTime"]],
  ["consultPriority", ["queue", "first"]],
  ["ownership", ["personal", "pool"]],
];

const isShare = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= 1;
const positiveOrNull = (x: unknown) => x === null || (typeof x === "number" && Number.isFinite(x) && x > 0);

/**
 * Checks a policy and returns it: every choice present and in range, no unknown key, and, when
 * the scenario is given, every `batching.steps` key naming a step of it (`"serviceId.stepId"`)
 * or a service's enquiries passed to the back office (`"serviceId.callback"`).
 *
 * @param policy - the policy
 * @param scenario - the scenario it is to run on (optional: without it, step keys are only
 *   checked to have the form "serviceId.stepId")
 * @returns the same policy
 * @throws {ScenarioError} listing every problem, each naming the field, the value and what was expected
 * @example
 * ```ts
 * validatePolicy({ ...policies.minutes, name: "strict", handlingTime: { ...policies.minutes.handlingTime, cutShortProbability: 0.9 } }).name; //=> "strict"
 * validatePolicy({ ...policies.whole, batching: { ...policies.whole.batching, steps: { "permit.intak": 40320 } } }, loadScenario("teaching"));
 * //=> throws ScenarioError "Invalid policy (1 problem):
 * //     - batching.steps.permit.intak: got "permit.intak"; expected a step of scenario "teaching" ... No step "intak" in service permit. Did you mean "permit.intake"?"
 * ```
 */
export function validatePolicy(policy: Policy, scenario?: Scenario): Policy {
  if (!isRecord(policy)) {
    throw new ScenarioError([makeIssue("policy", policy, "a policy: a preset such as policies.whole, or one from parsePolicy or parsePolicyText")], "Invalid policy");
  }
  const p: Raw = policy;
  const issues: ScenarioIssue[] = [];
  const check = (ok: boolean, path: string, value: unknown, expected: string) => {
    if (!ok) issues.push(makeIssue(path, value, expected));
  };
  unknownKeys(p, "", issues);
  check(oneLineName.safeParse(p["name"]).success, "name", p["name"], "a non-empty name on one line (no line breaks)");
  check(p["description"] === undefined || typeof p["description"] === "string", "description", p["description"], "text");
  const part = (key: string, expected: string): Raw | undefined => {
    const v = p[key];
    if (isRecord(v)) {
      unknownKeys(v, key, issues);
      return v;
    }
    issues.push(makeIssue(key, v, expected));
    return undefined;
  };
  const front = part("frontOffice", "the front office choice { scope, skillCoverage }");
  if (front !== undefined) {
    check(isShare(front["skillCoverage"]), "frontOffice.skillCoverage", front["skillCoverage"], "a number from 0 to 1");
    check(["logAndPass", "resolve"].includes(front["scope"] as string), "frontOffice.scope", front["scope"], "logAndPass or resolve");
  }
  const time = part("handlingTime", "the handling-time choice { frontMinutes, frontFactor, stepFactor, cutShortProbability }");
  if (time !== undefined) {
    check(positiveOrNull(time["frontMinutes"]), "handlingTime.frontMinutes", time["frontMinutes"], "minutes > 0, or null for no target");
    check(positiveOrNull(time["frontFactor"]), "handlingTime.frontFactor", time["frontFactor"], "a factor > 0, or null for no target");
    check(positiveOrNull(time["stepFactor"]), "handlingTime.stepFactor", time["stepFactor"], "a factor > 0, or null for no target");
    check(isShare(time["cutShortProbability"]), "handlingTime.cutShortProbability", time["cutShortProbability"], "a number from 0 to 1");
  }
  const batching = part("batching", "the batching choice { everyMinutes, byRole, steps }");
  if (batching !== undefined) checkBatching(batching, scenario, issues);
  for (const [key, values] of CHOICES) {
    const v = p[key];
    if (!values.includes(v as string)) issues.push(makeIssue(key, v, values.join(" or "), typeof v === "string" ? didYouMean(v, values) : undefined));
  }
  if (issues.length > 0) throw new ScenarioError(issues, "Invalid policy");
  return policy;
}

function unknownKeys(part: Raw, at: string, issues: ScenarioIssue[]): void {
  const known = KEYS[at] ?? [];
  for (const key of Object.keys(part)) {
    if (known.includes(key)) continue;
    const path = at === "" ? key : `${at}.${key}`;
    issues.push(makeIssue(path, part[key], `one of the keys ${known.join(", ")}`, didYouMean(key, known), "an unknown key"));
  }
}

function checkBatching(b: Raw, scenario: Scenario | undefined, issues: ScenarioIssue[]): void {
  if (!positiveOrNull(b["everyMinutes"])) issues.push(makeIssue("batching.everyMinutes", b["everyMinutes"], "minutes > 0, or null for flow"));
  const byRole = b["byRole"];
  if (!isRecord(byRole)) issues.push(makeIssue("batching.byRole", byRole, `intervals by team role { ${ROLES.join(", ")} } (an empty object for none)`));
  else {
    for (const [k, v] of Object.entries(byRole)) {
      if (!ROLES.includes(k)) issues.push(makeIssue(`batching.byRole.${k}`, v, `a team role: ${ROLES.join(", ")}`, didYouMean(k, ROLES), "an unknown role"));
      else if (v !== undefined && !positiveOrNull(v)) issues.push(makeIssue(`batching.byRole.${k}`, v, "minutes > 0, or null for flow"));
    }
  }
  const steps = b["steps"];
  if (!isRecord(steps)) {
    issues.push(makeIssue("batching.steps", steps, 'intervals by step { "serviceId.stepId": minutes } (an empty object for none)'));
    return;
  }
  const known = scenario === undefined ? undefined : stepKeys(scenario);
  for (const [k, v] of Object.entries(steps)) {
    const path = `batching.steps.${k}`;
    if (!/^[^.]+\.[^.]+$/.test(k)) issues.push(makeIssue(path, k, 'a key "serviceId.stepId"', undefined, "the key"));
    else if (known !== undefined && scenario !== undefined && !known.includes(k)) issues.push(unknownStep(path, k, known, scenario));
    if (!positiveOrNull(v)) issues.push(makeIssue(path, v, "minutes > 0, or null for flow"));
  }
}

/** The keys a policy may batch in a scenario: "serviceId.stepId", and "serviceId.callback" for enquiries passed on. */
function stepKeys(scenario: Scenario): string[] {
  const services = Array.isArray(scenario.services) ? scenario.services : [];
  return services.flatMap((s) => [`${s.id}.callback`, ...(Array.isArray(s.steps) ? s.steps.map((st: { id: string }) => `${s.id}.${st.id}`) : [])]);
}

function unknownStep(path: string, key: string, known: readonly string[], scenario: Scenario): ScenarioIssue {
  const [serviceId = "", stepId = ""] = key.split(".");
  const services = scenario.services.map((s) => s.id);
  const shown = known.slice(0, 8).join(", ") + (known.length > 8 ? ", ..." : "");
  const expected = `a step of scenario "${scenario.name}" as "serviceId.stepId" (${shown}), or "serviceId.callback"`;
  const where = services.includes(serviceId) ? `No step "${stepId}" in service ${serviceId}.` : `No service "${serviceId}" in the scenario (${services.join(", ")}).`;
  const hint = didYouMean(key, known);
  return makeIssue(path, key, expected, hint === "" ? where : `${where} ${hint}`);
}
