/**
 * Run by test/model/shapes.test.ts in a process of its own with `--allow-natives-syntax`: makes
 * one of each object the event loop works on, runs `soderhamn` under both presets, makes them
 * again, and prints whether each pair still has the same hidden class (V8's map). A field that
 * changes representation in a run (an integer field given a fraction) retires the class, so the
 * pair differs. A control class that does that on purpose shows that the check can tell.
 *
 * Arrays too: an array's class includes the kind of its elements, so an empty array that gets
 * its first object changes class, and code compiled for a used one deoptimises on the next run's
 * new one. Each pair here is an empty array and one of the same making that holds an object; a
 * plain `[]` is the control.
 */
import { EventCalendar, Simulation, Team, TeamStatistics, WeeklyCalendar } from "../../src/engine/index.js";
import { loadScenario, policies, simulate } from "../../src/index.js";
import { Need } from "../../src/model/need.js";
import { Task } from "../../src/model/task.js";
import { rateProfile, seasonalArrivals } from "../../src/random/index.js";
import { objectArray } from "../../src/engine/shape.js";

// %HaveSameMap is V8's own test helper; the syntax is allowed only under --allow-natives-syntax
const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

class Control {
  at = 0;
}

function make(): Record<string, object> {
  const sim = new Simulation();
  return {
    Need: new Need(),
    Task: new Task(0),
    // made after the first of their class, which primed it: they must have its settled class
    "Need (not first)": new Need(false),
    "Task (not first)": new Task(1),
    Simulation: sim,
    EventCalendar: new EventCalendar(),
    TeamStatistics: new TeamStatistics(0, [WeeklyCalendar.always()], new Uint8Array(1)),
    Team: new Team(sim, { servers: 1 }, { done: () => {} }),
    SeasonalArrivals: seasonalArrivals(0.1, rateProfile({ byDay: [1, 1, 1, 1, 1, 1, 1], byHour: new Array(24).fill(1) }), new Array(12).fill(1)),
    Control: new Control(),
  };
}

const before = make();
const scenario = loadScenario("soderhamn");
for (const policy of [policies.minutes, policies.whole]) simulate(scenario, policy, { seed: 1, horizon: "12 weeks", warmup: "2 weeks" });
new Control().at = 0.5;
const after = make();
const same: Record<string, boolean> = Object.fromEntries(Object.keys(before).map((k) => [k, sameMap(before[k]!, after[k]!)]));

/** An empty array and a used one, both from `make`. */
function arrays(make: () => object[]): [object, object] {
  const used = make();
  used.push({});
  return [make(), used];
}
const handlersOf = (c: EventCalendar) => (c as unknown as { handlers: object[] }).handlers;
const usedCalendar = new EventCalendar();
usedCalendar.push(1, 0, () => {}, 0);
const pairs: Record<string, [object, object]> = {
  objectArray: arrays(() => objectArray<object>()),
  "EventCalendar.handlers": [handlersOf(new EventCalendar()), handlersOf(usedCalendar)],
  ControlArray: arrays(() => []),
  // a need and a task made after their class's first: the class the first one settled
  "Need (first and later)": [before["Need"]!, before["Need (not first)"]!],
  "Task (first and later)": [before["Task"]!, before["Task (not first)"]!],
};
for (const [k, [a, b]] of Object.entries(pairs)) same[k] = sameMap(a, b);
console.log(JSON.stringify(same));
