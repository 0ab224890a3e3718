/**
 * The `helhet` command's options: parsed with node:util parseArgs, then checked, each problem
 * named with the option, the value and what was expected.
 *
 * @packageDocumentation
 */
import { parseArgs } from "node:util";
import { SERIES_PERIODS, type SeriesPeriod } from "../model/index.js";
import { parseEventText, type ScenarioEventInput } from "../scenario/index.js";

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
  /** For `factorial`: the policies at level − and + (presets or policy files). */
  readonly low: string;
  readonly high: string;
  /** For `sensitivity`: the paths to vary, each as given (`path` or `path=LOW..HIGH`); empty for every GUESS parameter. */
  readonly params: readonly string[];
  /** For `sensitivity`: points of a Latin hypercube varying every parameter at once (0: none). */
  readonly samples: number;
  /** For `map`: the two axes as given (`PATH=A,B,C`). */
  readonly x: string | undefined;
  readonly y: string | undefined;
  /** Worker threads (1 = run in this thread). */
  readonly workers: number;
  /** Run only shard `index` of `count` (replications r with r mod count = index). */
  readonly shard: { readonly index: number; readonly count: number } | undefined;
  /** For `journey`: only needs of this service (id or name); checked against the scenario later. */
  readonly service: string | undefined;
  /** For `journey`: what the touchpoints are ranked by. */
  readonly rankBy: (typeof RANK_BY)[number];
  /** For `compare`, `run` and `merge`: print the series over time by this period instead of the table. */
  readonly series: SeriesPeriod | undefined;
  /** For `run`: write the need records of replication 0 to this file (CSV, or JSON lines for .jsonl). */
  readonly needs: string | undefined;
  /** Run past the run-cost limits (a warning instead of a refusal; docs/performance.md). */
  readonly allowLarge: boolean;
  /** For `playground`: the port on 127.0.0.1 (0: any free one). */
  readonly port: number;
  /** Scenario events from --event (repeatable), in the input format, added after the scenario's own. */
  readonly events: readonly { readonly text: string; readonly event: ScenarioEventInput }[];
}

/** What `helhet journey --rank-by` accepts (the outcomes of `touchpoints`). */
export const RANK_BY = ["failureDemand", "endToEndDays", "contactsPerNeed"] as const;

const FORMATS = ["table", "json", "csv", "markdown"] as const;

/** The commands, in the order of the help text. */
export const COMMANDS = ["compare", "run", "sweep", "factorial", "sensitivity", "map", "journey", "merge", "scenario", "scenarios", "schema", "validate", "playground", "help"] as const;

/** Options that may be given more than once. */
const REPEATABLE = ["event"];

/** Options every command accepts. */
const EVERYWHERE = ["quiet", "no-color", "help", "version"];
const WINDOW = ["scenario", "replications", "seed", "horizon", "warmup"];

/**
 * The options each command uses; any other option is refused (exit 2) instead of being ignored.
 * An option added to the parser must be added here for the commands that use it.
 */
const USES: Readonly<Record<(typeof COMMANDS)[number], readonly string[]>> = {
  compare: [...WINDOW, "event", "policies", "format", "out", "html", "workers", "shard", "series", "allow-large"],
  run: [...WINDOW, "event", "policy", "format", "out", "html", "workers", "shard", "series", "needs", "allow-large"],
  sweep: [...WINDOW, "event", "policies", "format", "out", "workers", "param", "values", "allow-large"],
  factorial: [...WINDOW, "event", "low", "high", "format", "out", "html", "workers", "shard", "allow-large"],
  sensitivity: [...WINDOW, "event", "policies", "format", "out", "html", "workers", "shard", "params", "samples", "allow-large"],
  map: [...WINDOW, "event", "policies", "format", "out", "html", "workers", "shard", "x", "y", "allow-large"],
  journey: [...WINDOW, "event", "policies", "format", "out", "html", "workers", "service", "rank-by", "allow-large"],
  merge: ["format", "out", "html", "series"],
  scenario: ["out"],
  scenarios: [],
  schema: ["out"],
  validate: [],
  playground: ["port"],
  help: [],
};

/**
 * The options a command takes, in the order of the help text (its own, then those of every
 * command).
 *
 * @param command - one of {@link COMMANDS}
 * @returns option names without the dashes
 * @example
 * ```ts
 * commandOptions("schema"); //=> ["out", "quiet", "no-color", "help", "version"]
 * ```
 */
export function commandOptions(command: (typeof COMMANDS)[number]): readonly string[] {
  return [...USES[command], ...EVERYWHERE];
}

/** A hint for an option a command does not use, where there is a better one. */
const INSTEAD: Readonly<Record<string, string>> = {
  "run --policies": "run takes one policy: --policy NAME|FILE; compare runs several",
  "compare --policy": "compare takes --policies LIST; run takes one --policy",
  "journey --policy": "journey takes --policies LIST",
  "sweep --policy": "sweep takes --policies LIST",
  "sweep --html": "sweep writes no HTML report",
  "sweep --shard": "sweep cannot be sharded",
  "journey --shard": "journey cannot be sharded",
  "factorial --policies": "factorial takes the two policies as --low and --high",
  "factorial --policy": "factorial takes the two policies as --low and --high",
  "merge --scenario": "the shard files name their scenario, seed and window",
  "merge --seed": "the shard files name their scenario, seed and window",
  "merge --replications": "the shard files name their scenario, seed and window",
  "merge --horizon": "the shard files name their scenario, seed and window",
  "merge --warmup": "the shard files name their scenario, seed and window",
  "merge --policies": "the shard files name their policies",
  "scenarios --out": "scenarios prints a list for reading",
  "scenarios --format": "scenarios prints a list for reading",
  "schema --format": "the schema is always JSON",
};

/** The formats each command writes (the first is the default). */
const FORMATS_OF: Readonly<Record<string, readonly string[]>> = {
  compare: FORMATS,
  run: FORMATS,
  merge: FORMATS,
  sweep: ["table", "json", "csv"],
  factorial: ["table", "json", "csv"],
  sensitivity: ["table", "json", "csv"],
  map: ["table", "json", "csv"],
  journey: ["table", "json"],
};

/**
 * Parses and checks the command line: every value, which options the command uses (an option it
 * does not use is refused, not ignored), options given twice, and arguments after the command.
 *
 * @param argv - arguments after the program name
 * @param env - environment (for NO_COLOR)
 * @param isTTY - whether stdout is a terminal (colours only there)
 * @param scenarioNames - the built-in scenario names, for hints (default: none)
 * @returns the options
 * @throws {UsageError} naming the option, the value and what was expected
 * @example
 * ```ts
 * parseOptions(["compare", "--replications", "5"], {}, false).replications; //=> 5
 * ```
 */
export function parseOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, isTTY: boolean, scenarioNames: readonly string[] = []): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      tokens: true,
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
        low: { type: "string", default: "minutes" },
        high: { type: "string", default: "whole" },
        params: { type: "string" },
        samples: { type: "string", default: "0" },
        x: { type: "string" },
        y: { type: "string" },
        workers: { type: "string", default: "1" },
        shard: { type: "string" },
        service: { type: "string" },
        "rank-by": { type: "string", default: "failureDemand" },
        series: { type: "string" },
        needs: { type: "string" },
        "allow-large": { type: "boolean", default: false },
        port: { type: "string", default: "8808" },
        event: { type: "string", multiple: true },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, "").replace(/\s*\n\s*/g, " "));
  }
  const v = parsed.values;
  const command = parsed.positionals[0] ?? "compare";
  let positionals = parsed.positionals.slice(1);
  const given = new Map<string, string[]>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind === "option") given.set(t.name, [...(given.get(t.name) ?? []), t.value ?? ""]);
  }
  const help = v.help === true;
  const version = v.version === true;
  if (!help && !version) checkCommandLine(command, positionals, given, scenarioNames);
  // a scenario given as the argument: helhet compare teaching, helhet run my-town.yaml
  let scenario = v.scenario as string;
  if (!help && !version && scenarioArgument(command, positionals, scenarioNames)) {
    scenario = positionals[0] as string;
    positionals = [];
  }
  const replications = wholeNumber("--replications", v.replications ?? "10", 1);
  const seedText = v.seed as string;
  const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : NaN;
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number in decimal digits, e.g. 7, got ${quote(seedText)}`);
  // factorial also takes "text" for its table
  const format = command === "factorial" && v.format === "text" ? "table" : (v.format as string);
  const formats = FORMATS_OF[command] ?? FORMATS;
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(
      formats === FORMATS ? `--format must be one of ${FORMATS.join(", ")}, got ${quote(format)}` : `${command} writes --format ${formats.slice(0, -1).join(", ")} or ${formats.at(-1)}, got ${quote(format)}`,
    );
  }
  const workers = wholeNumber("--workers", v.workers as string, 1);
  const samples = wholeNumber("--samples", v.samples as string, 0);
  if (samples === 1) throw new UsageError("--samples must be 0 (none) or at least 2: one point has no spread to rank");
  let shard: CliOptions["shard"];
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(v.shard);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!(count >= 1 && index >= 0 && index < count)) {
      throw new UsageError(`--shard must be K/N with 0 ≤ K < N (shard K of N, counting from 0), got ${quote(v.shard)}`);
    }
    // sensitivity and map shards split their parameters or cells, and check the count themselves
    if (count > replications && command !== "sensitivity" && command !== "map") {
      throw new UsageError(
        `--shard ${v.shard}: N must be at most the replications (${replications}${v.replications === undefined ? ", the default" : ""}): shard K runs the replications r with r mod N = K, so shards past them would be empty`,
      );
    }
    for (const [option, hint] of [["html", "a shard writes no HTML report: give --html to helhet merge"], ["workers", "a shard runs in one thread: run more shards instead"]] as const) {
      if (given.has(option)) throw new UsageError(`--${option} is not used with --shard (${hint})`);
    }
    if (given.has("format") && format !== "json") throw new UsageError(`--shard writes a shard file (JSON), so --format must be json or left out, got ${quote(format)}`);
    shard = { index, count };
  }
  for (const option of ["out", "html"] as const) {
    if (v[option] === "") throw new UsageError(`--${option} needs a file name, got ""`);
  }
  const rankBy = v["rank-by"] as string;
  if (!(RANK_BY as readonly string[]).includes(rankBy)) throw new UsageError(`--rank-by must be one of ${RANK_BY.join(", ")}, got ${quote(rankBy)}`);
  const series = v.series;
  if (series !== undefined && !(SERIES_PERIODS as readonly string[]).includes(series)) {
    throw new UsageError(`--series must be one of ${SERIES_PERIODS.join(", ")}, got ${quote(series)}`);
  }
  if (series !== undefined && format === "markdown") throw new UsageError(`--series writes csv (the default) or json, not markdown`);
  if (v.needs !== undefined && v.needs === "") throw new UsageError("--needs needs a file name, e.g. --needs needs.csv");
  if (v.needs !== undefined && v.shard !== undefined) throw new UsageError("--needs writes the need records of replication 0: run it without --shard");
  const policies = (v.policies as string).split(",").map((s) => s.trim()).filter(Boolean);
  if (policies.length === 0) throw new UsageError(`--policies needs at least one policy: preset names (minutes, whole) or policy files`);
  const policy = v.policy as string;
  if (policy.includes(",") && !/\.(ya?ml|json)$/i.test(policy)) {
    throw new UsageError(`--policy takes one policy (a preset or a policy file), got ${quote(policy)}; to compare several, use helhet compare --policies ${policy}`);
  }
  const events = (v.event ?? []).map((text) => {
    try {
      return { text, event: parseEventText(text) };
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  });
  return {
    command,
    positionals,
    scenario,
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
    // --no-color and NO_COLOR win; FORCE_COLOR (not "0" or "false") colours a pipe too
    color: v["no-color"] !== true && env["NO_COLOR"] === undefined && (isTTY || (env["FORCE_COLOR"] !== undefined && !["0", "false"].includes(env["FORCE_COLOR"]))),
    help,
    version,
    param: v.param,
    values: v.values === undefined ? [] : v.values.split(",").map((s) => s.trim()).filter((s) => s !== ""),
    policy,
    low: v.low as string,
    high: v.high as string,
    params: v.params === undefined ? [] : v.params.split(",").map((s) => s.trim()).filter((s) => s !== ""),
    samples,
    x: v.x,
    y: v.y,
    workers,
    shard,
    service: v.service,
    rankBy: rankBy as CliOptions["rankBy"],
    series: series as SeriesPeriod | undefined,
    needs: v.needs,
    allowLarge: v["allow-large"] === true,
    port: portNumber(v.port as string),
    events,
  };
}

/** The command is known, uses every option given (each once), and takes the arguments after it. */
function checkCommandLine(command: string, positionals: readonly string[], given: ReadonlyMap<string, readonly string[]>, scenarioNames: readonly string[]): void {
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const hint = scenarioNames.includes(command) || /\.(ya?ml|json)$/i.test(command) ? `; did you mean helhet compare ${command}?` : "";
    throw new UsageError(`unknown command ${quote(command)}; the commands are ${COMMANDS.join(", ")}${hint}`);
  }
  const uses = USES[command as (typeof COMMANDS)[number]];
  for (const [name, values] of given) {
    if (!EVERYWHERE.includes(name) && !uses.includes(name)) {
      const hint = INSTEAD[`${command} --${name}`];
      throw new UsageError(`${command} does not use --${name}${hint === undefined ? `; its options are ${[...uses, ...EVERYWHERE].map((o) => `--${o}`).join(", ")}` : ` (${hint})`}`);
    }
    if (values.length > 1 && !EVERYWHERE.includes(name) && !REPEATABLE.includes(name)) {
      throw new UsageError(`--${name} is given ${values.length} times (${values.map(quote).join(", ")}); give it once`);
    }
  }
  if (command === "merge" || command === "validate") return;
  if (command === "help") {
    if (positionals.length > 1 || (positionals[0] !== undefined && !(COMMANDS as readonly string[]).includes(positionals[0]))) {
      throw new UsageError(`help takes one command (${COMMANDS.join(", ")}), got ${positionals.map(quote).join(" ")}`);
    }
    return;
  }
  if (command === "scenario") {
    const [what, name, ...rest] = positionals;
    if (what === "list" && name === undefined) {
      if (given.has("out")) throw new UsageError("scenario list prints a list for reading: --out is for scenario export");
      return;
    }
    if (what === "export" && name !== undefined && rest.length === 0) {
      if (!scenarioNames.includes(name)) throw new UsageError(`scenario export takes a built-in scenario (${scenarioNames.join(", ")}), got ${quote(name)}`);
      return;
    }
    throw new UsageError(`scenario takes list, or export NAME (a built-in: ${scenarioNames.join(", ")}), got ${positionals.length === 0 ? "nothing" : positionals.map(quote).join(" ")}`);
  }
  const extra = positionals[0];
  if (extra === undefined) return;
  if (scenarioArgument(command, positionals, scenarioNames)) {
    if (given.has("scenario")) throw new UsageError(`the scenario is given twice: as --scenario ${quote(given.get("scenario")?.[0] ?? "")} and as the argument ${quote(extra)}; give one`);
    return;
  }
  const asScenario = scenarioNames.includes(extra) || /\.(ya?ml|json)$/i.test(extra);
  const asPolicy = command === "run" && (extra === "minutes" || extra === "whole");
  const hint = asPolicy ? `; did you mean --policy ${extra}?` : asScenario && uses.includes("scenario") ? `; did you mean --scenario ${extra}?` : "";
  throw new UsageError(`${command} takes no arguments besides its options, got ${quote(extra)}${positionals.length > 1 ? ` and ${positionals.length - 1} more` : ""}${hint}`);
}

/** Whether the command's one argument is its scenario: a built-in name or a scenario file. */
function scenarioArgument(command: string, positionals: readonly string[], scenarioNames: readonly string[]): boolean {
  const uses = (USES as Readonly<Record<string, readonly string[]>>)[command] ?? [];
  const extra = positionals[0];
  return positionals.length === 1 && extra !== undefined && uses.includes("scenario") && (scenarioNames.includes(extra) || /\.(ya?ml|json)$/i.test(extra));
}

/** A port: a whole number from 0 to 65535. */
function portNumber(text: string): number {
  const n = wholeNumber("--port", text, 0);
  if (n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (0: any free port), got ${quote(text)}`);
  return n;
}

/** A whole number written in decimal digits, at least `min`. */
function wholeNumber(option: string, text: string, min: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${option} must be a whole number ≥ ${min} in decimal digits, got ${quote(text)}`);
  return n;
}

/** A value in double quotes, with control characters escaped and long values cut. */
function quote(text: string): string {
  const cut = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(cut);
}
