/**
 * Policies from files: the input format (YAML/JSON/objects with units), validated with zod,
 * with every problem reported at once, and `validatePolicy` for policies built in code.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { depthProblem } from "../scenario/depth.js";
import { ScenarioError, makeIssue, type ScenarioIssue } from "../scenario/errors.js";
import { duration, expecting, oneLineName, share, text } from "../scenario/fields.js";
import { readText } from "../scenario/parse.js";
import { fromZodIssues } from "../scenario/zodIssues.js";
import { policies } from "./presets.js";
import { validatePolicy } from "./validate.js";
import type { Policy } from "./types.js";

const none = z.union([z.literal("none"), z.null()]);
const factor = expecting(z.number().positive(), "a number > 0");
const durationOrNone = expecting(z.union([duration, none]), 'a duration such as "4 min" or "1 week", or "none"', "duration");
const factorOrNone = expecting(z.union([factor, none]), 'a number > 0 (a multiple of the mean work), or "none"');
const role = z.enum(["front", "caseWork", "specialist", "field", "meeting"]);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  expecting(z.enum(values), `one of ${values.map((v) => `"${v}"`).join(", ")}`);

/** The policy input schema (what users write). */
const policyInputSchema = expecting(z.strictObject({
  name: oneLineName,
  extends: oneOf(["minutes", "whole"]).optional(),
  description: text.optional(),
  frontOffice: z
    .strictObject({ scope: oneOf(["logAndPass", "resolve"]).optional(), skillCoverage: share.optional() })
    .optional(),
  handlingTime: z
    .strictObject({
      front: durationOrNone.optional(),
      frontFactor: factorOrNone.optional(),
      stepFactor: factorOrNone.optional(),
      cutShortProbability: share.optional(),
    })
    .optional(),
  caseHandling: oneOf(["handoffs", "caseOwner"]).optional(),
  batching: z
    .strictObject({
      every: durationOrNone.optional(),
      byRole: z.partialRecord(role, durationOrNone).optional(),
      steps: z.record(expecting(z.string().regex(/^[^.]+\.[^.]+$/), 'a key "serviceId.stepId"'), durationOrNone).optional(),
    })
    .optional(),
  progressInformation: oneOf(["none", "proactive"]).optional(),
  closure: oneOf(["targetDriven", "citizenConfirms"]).optional(),
  completenessCheck: oneOf(["backOfficeLetter", "firstContact"]).optional(),
  activityMeasure: oneOf(["casesClosed", "endToEndTime"]).optional(),
  consultPriority: oneOf(["queue", "first"]).optional(),
  ownership: oneOf(["personal", "pool"]).optional(),
}), 'a policy object { name, extends, ... }: a name, and a preset to start from ("extends: minutes" or "extends: whole") with the choices it changes');

/** The policy input format: every choice optional when `extends` names a preset. */
export type PolicyInput = z.input<typeof policyInputSchema>;

const REQUIRED = ["frontOffice", "handlingTime", "caseHandling", "batching", "progressInformation", "closure", "completenessCheck", "activityMeasure"] as const;

/**
 * Reads a policy in the input format: start from a preset with `extends` and change any
 * choice, or give every choice. Durations take units ("4 min", "1 week"); "none" means no
 * target or no batching.
 *
 * @param input - a plain object (e.g. from YAML or JSON)
 * @returns the policy
 * @throws {ScenarioError} listing every problem with its path, value and expectation
 * @example
 * ```ts
 * const hybrid = parsePolicy({ name: "hybrid", extends: "minutes", caseHandling: "caseOwner", batching: { every: "none" } });
 * hybrid.caseHandling; //=> "caseOwner"
 * hybrid.handlingTime.frontFactor; //=> 1.2 (kept from the preset)
 * ```
 */
export function parsePolicy(input: unknown): Policy {
  const deep = depthProblem(input, policyInputSchema);
  if (deep !== undefined) throw new ScenarioError([deep], "Invalid policy");
  const result = policyInputSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(fromZodIssues(result.error.issues, input, policyInputSchema).map(policyRoot), "Invalid policy");
  const p = result.data;
  if (p.extends === undefined) {
    const missing = REQUIRED.filter((k) => p[k] === undefined);
    if (missing.length > 0) {
      throw new ScenarioError(
        missing.map((k) => makeIssue(k, undefined, `a value (or "extends: minutes" or "extends: whole" to start from a preset)`)),
        "Invalid policy",
      );
    }
  }
  const base: Policy = policies[p.extends ?? "minutes"];
  const minutesOrNull = (v: number | "none" | null | undefined, fallback: number | null) => (v === undefined ? fallback : v === "none" || v === null ? null : v);
  const byRole = Object.fromEntries(Object.entries(p.batching?.byRole ?? {}).map(([k, v]) => [k, minutesOrNull(v, null)]));
  const steps = Object.fromEntries(Object.entries(p.batching?.steps ?? {}).map(([k, v]) => [k, minutesOrNull(v, null)]));
  return validatePolicy({
    name: p.name,
    description: p.description ?? (p.extends ? `${base.description} (changed: ${changedChoices(p).join(", ") || "nothing"})` : ""),
    frontOffice: { ...base.frontOffice, ...definedOnly(p.frontOffice ?? {}) },
    handlingTime: {
      frontMinutes: minutesOrNull(p.handlingTime?.front, base.handlingTime.frontMinutes),
      frontFactor: minutesOrNull(p.handlingTime?.frontFactor, base.handlingTime.frontFactor),
      stepFactor: minutesOrNull(p.handlingTime?.stepFactor, base.handlingTime.stepFactor),
      cutShortProbability: p.handlingTime?.cutShortProbability ?? base.handlingTime.cutShortProbability,
    },
    caseHandling: p.caseHandling ?? base.caseHandling,
    batching: {
      everyMinutes: minutesOrNull(p.batching?.every, base.batching.everyMinutes),
      byRole: p.batching?.byRole === undefined ? base.batching.byRole : byRole,
      steps: p.batching?.steps === undefined ? base.batching.steps : steps,
    },
    progressInformation: p.progressInformation ?? base.progressInformation,
    closure: p.closure ?? base.closure,
    completenessCheck: p.completenessCheck ?? base.completenessCheck,
    activityMeasure: p.activityMeasure ?? base.activityMeasure,
    consultPriority: p.consultPriority ?? base.consultPriority,
    ownership: p.ownership ?? base.ownership,
  });
}

/**
 * Reads a policy from YAML or JSON text (see {@link parsePolicy}).
 *
 * @param source - the file's contents
 * @returns the policy
 * @throws {ScenarioError} for broken YAML or any problem of {@link parsePolicy}
 * @example
 * ```ts
 * parsePolicyText("name: flow\nextends: minutes\nbatching: { every: none }").batching.everyMinutes; //=> null
 * ```
 */
export function parsePolicyText(text: string): Policy {
  return parsePolicy(readText(text, "yaml", "policy", policyInputSchema));
}

/** An issue about the whole policy is told as "(policy)", not as the "(scenario)" of makeIssue. */
function policyRoot(issue: ScenarioIssue): ScenarioIssue {
  return issue.path === "" ? { ...issue, message: issue.message.replace(/^\(scenario\)/, "(policy)") } : issue;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function changedChoices(p: z.output<typeof policyInputSchema>): string[] {
  return REQUIRED.filter((k) => p[k] !== undefined);
}
