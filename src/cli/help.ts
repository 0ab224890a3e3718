/**
 * The `helhet` command's help: the whole text (`helhet --help`), each command's own
 * (`helhet COMMAND --help`) and the version.
 *
 * @packageDocumentation
 */
import { commandOptions, COMMANDS } from "./options.js";

/** The help text of `helhet --help`: every command and option. */
export const HELP = `helhet — simulate a municipality's services under two ways of steering

Usage:
  helhet [compare] [options]      run the policies on the same citizens and compare (default)
  helhet run [--policy P]         one policy's metrics with intervals (default policy: whole)
  helhet sweep --param PATH --values A,B,C
                                  compare at each value of one scenario or policy parameter
  helhet factorial [--low P --high P]
                                  which design choices drive the difference: every choice in which
                                  two policies differ is a factor of a factorial study
  helhet sensitivity [--params LIST]
                                  does the conclusion hold? each GUESS parameter (or each of LIST)
                                  at both ends of its range, one at a time, with sign flips located
  helhet map --x PATH=A,B --y PATH=C,D
                                  where each design wins: the winner per outcome in every cell of a
                                  two-parameter grid, "tie" where the interval holds 0
  helhet journey                  sample journeys read aloud, the journey map, where failure demand
                                  comes from, and the touchpoints that matter most (what-if reruns;
                                  --replications defaults to 3 here)
  helhet merge SHARD...           merge shard files (from --shard K/N runs) into one comparison (or
                                  one factorial study, sensitivity study or winner map)
  helhet scenario list            list the built-in scenarios (also: helhet scenarios)
  helhet scenario export NAME     write a built-in scenario as commented YAML to start your own from
  helhet schema                   print the JSON Schema of scenario files
  helhet validate FILE...         check scenario files and list every problem
  helhet playground [--port N]    serve the playground (change the design in a browser, watch the
                                  citizens) on localhost
  helhet help [COMMAND]           this text, or one command's options and an example
  helhet --help | --version
  A scenario can also be given as the argument: helhet compare teaching, helhet run town.yaml

Options:
  --scenario NAME|FILE     built-in scenario or scenario file (default: soderhamn)
  --policies LIST          comma-separated presets (minutes, whole) or policy files (default: minutes,whole)
  --replications N         replications per policy (default: 10)
  --seed N                 master seed (default: 1)
  --horizon DURATION       measured period, e.g. "52 weeks" (default: the scenario's)
  --warmup DURATION        warm-up excluded from statistics, e.g. "8 weeks" (default: the scenario's)
  --event TEXT             a dated change during the run, added to the scenario's events
                           (repeatable; every command that runs): "demand +15% weeks 20-28",
                           "demand x1.3 service permit weeks 10-", "staff officers -2 weeks 30-34",
                           "hours desk Mon-Fri 09:00-12:00 weeks 40-44"; weeks count from the start
                           of the run, "weeks A-B" is from week A up to week B, "weeks A-" to the end
  --format FORMAT          table, json, csv or markdown (default: table; sweep: no markdown;
                           journey: table or json)
  --out FILE               write the result to FILE (whole or not at all) instead of stdout; never
                           an input of the run; a pipe or device (/dev/stdout) is written into
  --html FILE              also write a self-contained HTML report with charts (compare, run, merge,
                           journey, factorial, sensitivity, map); checked before the run, written
                           together with --out
  --series PERIOD          for compare, run and merge: print the series over time instead of the
                           table, by week, day or hour (CSV, or JSON with --format json)
  --needs FILE             for run: also write the need records of replication 0, one row per
                           need (CSV, or JSON lines when FILE ends in .jsonl)
  --workers N              run replications on N worker threads (same numbers as 1)
  --shard K/N              run only shard K of N and write a mergeable shard file (--out) for
                           helhet merge: replications r with r mod N = K (N at most the
                           replications); for sensitivity the parameters (and samples), for map
                           the cells, i with i mod N = K
  --quiet                  no progress and no reading, just the result
  --no-color               no colours (also when NO_COLOR is set)
  --policy NAME|FILE       for run: the policy (default: whole)
  --param PATH             for sweep: a dotted path, e.g. services.general.demandTypes or
                           policy.handlingTime.frontMinutes
  --values A,B,C           for sweep: the values (numbers, or durations such as "4 min")
  --low NAME|FILE          for factorial: the policy at level − (default: minutes)
  --high NAME|FILE         for factorial: the policy at level + (default: whole)
  --params LIST            for sensitivity: dotted paths to vary instead of every GUESS parameter,
                           each optionally with its range: mechanisms.misrouteWork=2 min..10 min
  --samples N              for sensitivity: also vary every parameter at once, at N points of a
                           Latin hypercube (default 0: none)
  --x PATH=A,B,C           for map: the parameter across and its values (numbers or "4 min")
  --y PATH=A,B,C           for map: the parameter down and its values
  --service ID             for journey: only this service's citizens (id or name)
  --rank-by OUTCOME        for journey: rank touchpoints by failureDemand (default), endToEndDays
                           or contactsPerNeed
  --allow-large            run even when the run-cost estimate is past the limits (docs/performance.md)
  --port N                 for playground: the port on 127.0.0.1 (default 8808; 0: any free one)

An option a command does not use is refused. Numbers are whole numbers in decimal digits.
Exit status: 0 success, 2 usage or validation error, 1 anything else (an output that cannot be
written, for one).
`;

/** Per command: what it does, how to call it, and an example (the options come from HELP). */
const COMMAND_HELP: Readonly<Record<(typeof COMMANDS)[number], { readonly what: string; readonly usage: readonly string[]; readonly example: string }>> = {
  compare: { what: "run the policies on the same citizens and compare them (the default command)", usage: ["helhet [compare] [SCENARIO] [options]"], example: "helhet compare teaching --replications 20 --html report.html" },
  run: { what: "one policy's metrics with intervals", usage: ["helhet run [SCENARIO] [--policy P] [options]"], example: "helhet run teaching --policy minutes --series week --format csv" },
  sweep: { what: "compare at each value of one scenario or policy parameter", usage: ["helhet sweep [SCENARIO] --param PATH --values A,B,C [options]"], example: "helhet sweep teaching --param policy.frontOffice.skillCoverage --values 0.3,0.6,0.9" },
  factorial: {
    what: "which design choices drive the difference between two policies: a factorial study (full up to 5 choices, a 32-cell fraction of resolution IV or better beyond) of the choices in which they differ, with main effects and two-factor interactions",
    usage: ["helhet factorial [SCENARIO] [--low P] [--high P] [options]"],
    example: "helhet factorial teaching --replications 5 --format json --out drivers.json",
  },
  sensitivity: {
    what: "does the conclusion hold over what we do not know? Each GUESS-labelled parameter (or each of --params) at both ends of its range (documented, else half to double), one at a time: the paired differences with 95% intervals, and where a sign flips, found by bisection; with --samples N also all at once, at N points of a Latin hypercube",
    usage: ["helhet sensitivity [SCENARIO] [--policies A,B] [--params LIST] [options]"],
    example: "helhet sensitivity teaching --replications 5 --params mechanisms.handoffInfoLoss,citizens.chaseRate --format json",
  },
  map: {
    what: "where each design wins: in every cell of a two-parameter grid, per outcome, the paired difference with its 95% interval and the winner (\"tie\" when the interval holds 0)",
    usage: ["helhet map [SCENARIO] --x PATH=A,B,.. --y PATH=C,D,.. [--policies A,B] [options]"],
    example: "helhet map teaching --x services.questions.demandTypes=2,10,20 --y policy.frontOffice.skillCoverage=0.3,0.8 --replications 5",
  },
  journey: { what: "journeys read aloud, the journey map, where failure demand comes from and the touchpoints that matter most", usage: ["helhet journey [SCENARIO] [options]"], example: "helhet journey teaching --html journeys.html" },
  merge: { what: "merge shard files (from --shard K/N runs) into one comparison", usage: ["helhet merge SHARD... [options]"], example: "helhet merge results/shard-*.json --format json --out comparison.json" },
  scenario: { what: "list the built-in scenarios, or write one as commented YAML to start your own from", usage: ["helhet scenario list", "helhet scenario export NAME [--out FILE]"], example: "helhet scenario export teaching --out my-town.yaml && helhet validate my-town.yaml" },
  scenarios: { what: "list the built-in scenarios (the same as helhet scenario list)", usage: ["helhet scenarios"], example: "helhet scenarios" },
  schema: { what: "print the JSON Schema of scenario files (for editors)", usage: ["helhet schema [--out FILE]"], example: "helhet schema --out scenario.schema.json" },
  validate: { what: "check scenario files and list every problem of each", usage: ["helhet validate FILE..."], example: "helhet validate my-town.yaml" },
  playground: { what: "serve the playground on localhost: change the design in a browser and watch the citizens (Ctrl-C stops it)", usage: ["helhet playground [--port N]"], example: "helhet playground --port 8808" },
  help: { what: "the help text, or one command's", usage: ["helhet help [COMMAND]", "helhet COMMAND --help"], example: "helhet help sweep" },
};

/** The help of one command: what it does, its usage, the options it takes (as in HELP) and an example. */
export function commandHelp(command: (typeof COMMANDS)[number]): string {
  const h = COMMAND_HELP[command];
  const options = HELP.slice(HELP.indexOf("\nOptions:\n") + "\nOptions:\n".length, HELP.indexOf("\nExit status"));
  const blocks = new Map<string, string>();
  let current = "";
  for (const line of options.split("\n")) {
    const m = /^ {2}--([a-z-]+)/.exec(line);
    if (m) current = m[1] as string;
    if (current !== "") blocks.set(current, blocks.has(current) ? `${blocks.get(current)}\n${line}` : line);
  }
  const own = commandOptions(command).flatMap((o) => (o === "help" || o === "version" ? [] : [blocks.get(o) ?? `  --${o}`]));
  return [
    `helhet ${command} — ${h.what}`,
    "",
    "Usage:",
    ...h.usage.map((u) => `  ${u}`),
    "",
    "Options:",
    ...own,
    "  --help                   this text",
    "",
    "Example:",
    `  ${h.example}`,
    "",
    "All commands: helhet --help. Exit status: 0 success, 2 usage or validation error, 1 anything else.",
    "",
  ].join("\n");
}

declare const __HELHET_VERSION__: string | undefined;
/** The package version, set when the CLI is bundled (0.0.0-dev from source). */
export const VERSION = typeof __HELHET_VERSION__ === "string" ? __HELHET_VERSION__ : "0.0.0-dev";
