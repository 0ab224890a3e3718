/**
 * The `helhet` command's options: parsed with node:util parseArgs, then checked, each problem
 * named with the option, the value and what was expected.
 *
 * @packageDocumentation
 */
import { parseArgs } from "node:util";

/** A usage error: the command exits with status 2 and prints the message (no stack trace). */
export class UsageError extends Error {
  /** @param message - what was wrong and what was expected */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The options after checking. */
export interface CliOptions {
  readonly command: string;
  readonly positionals: readonly string[];
  readonly scenario: string;
  readonly policies: readonly string[];
  readonly replications: number;
  /** Whether --replications was given (commands choose their own default otherwise). */
  readonly replicationsGiven: boolean;
  readonly seed: number;
  readonly horizon: string | undefined;
  readonly warmup: string | undefined;
  readonly format: "table" | "json" | "csv" | "markdown";
  readonly out: string | undefined;
  /** Also write a self-contained HTML report with charts to this file. */
  readonly html: string | undefined;
  readonly quiet: boolean;
  readonly color: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** For `sweep`: the dotted path and its values. */
  readonly param: string | undefined;
  readonly values: readonly string[];
  /** For `run`: the policy. */
  readonly policy: string;
  /** Worker threads (1 = run in this thread). */
  readonly workers: number;
  /** Run only shard `index` of `count` (replications r with r mod count = index). */
  readonly shard: { readonly index: number; readonly count: number } | undefined;
  /** For `journey`: only needs of this service (id or name); checked against the scenario later. */
  readonly service: string | undefined;
  /** For `journey`: what the touchpoints are ranked by. */
  readonly rankBy: (typeof RANK_BY)[number];
  /** Run past the run-cost limits (a warning instead of a refusal; docs/performance.md). */
  readonly allowLarge: boolean;
}

/** What `helhet journey --rank-by` accepts (the outcomes of `touchpoints`). */
export const RANK_BY = ["failureDemand", "endToEndDays", "contactsPerNeed"] as const;

const FORMATS = ["table", "json", "csv", "markdown"] as const;

/**
 * Parses and checks the command line.
 *
 * @param argv - arguments after the program name
 * @param env - environment (for NO_COLOR)
 * @param isTTY - whether stdout is a terminal (colours only there)
 * @returns the options
 * @throws {UsageError} naming the option, the value and what was expected
 * @example
 * ```ts
 * parseOptions(["compare", "--replications", "5"], {}, false).replications; //=> 5
 * ```
 */
export function parseOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, isTTY: boolean): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        scenario: { type: "string", default: "soderhamn" },
        policies: { type: "string", default: "minutes,whole" },
        replications: { type: "string" },
        seed: { type: "string", default: "1" },
        horizon: { type: "string" },
        warmup: { type: "string" },
        format: { type: "string", default: "table" },
        out: { type: "string" },
        html: { type: "string" },
        quiet: { type: "boolean", default: false },
        "no-color": { type: "boolean", default: false },
        param: { type: "string" },
        values: { type: "string" },
        policy: { type: "string", default: "whole" },
        workers: { type: "string", default: "1" },
        shard: { type: "string" },
        service: { type: "string" },
        "rank-by": { type: "string", default: "failureDemand" },
        "allow-large": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  const v = parsed.values;
  const replications = Number(v.replications ?? "10");
  if (!Number.isInteger(replications) || replications < 1) {
    throw new UsageError(`--replications must be a whole number ≥ 1, got "${v.replications}"`);
  }
  const seed = Number(v.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${v.seed}"`);
  const format = v.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${format}"`);
  }
  const workers = Number(v.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number ≥ 1, got "${v.workers}"`);
  let shard: CliOptions["shard"];
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(v.shard);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!(count >= 1 && index >= 0 && index < count)) {
      throw new UsageError(`--shard must be K/N with 0 ≤ K < N (shard K of N, counting from 0), got "${v.shard}"`);
    }
    shard = { index, count };
  }
  const rankBy = v["rank-by"] as string;
  if (!(RANK_BY as readonly string[]).includes(rankBy)) throw new UsageError(`--rank-by must be one of ${RANK_BY.join(", ")}, got "${rankBy}"`);
  const policies = (v.policies as string).split(",").map((s) => s.trim()).filter(Boolean);
  if (policies.length === 0) throw new UsageError(`--policies needs at least one policy: preset names (minutes, whole) or policy files`);
  return {
    command: parsed.positionals[0] ?? "compare",
    positionals: parsed.positionals.slice(1),
    scenario: v.scenario as string,
    policies,
    replications,
    replicationsGiven: v.replications !== undefined,
    seed,
    horizon: v.horizon,
    warmup: v.warmup,
    format: format as CliOptions["format"],
    out: v.out,
    html: v.html,
    quiet: v.quiet === true,
    color: isTTY && v["no-color"] !== true && env["NO_COLOR"] === undefined,
    help: v.help === true,
    version: v.version === true,
    param: v.param,
    values: v.values === undefined ? [] : v.values.split(",").map((s) => s.trim()).filter((s) => s !== ""),
    policy: v.policy as string,
    workers,
    shard,
    service: v.service,
    rankBy: rankBy as CliOptions["rankBy"],
    allowLarge: v["allow-large"] === true,
  };
}
