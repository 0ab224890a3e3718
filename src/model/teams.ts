/**
 * Which engine teams a policy runs with. Under specialised hand-offs every scenario team is a
 * team of its own. Under one case owner per need, the teams that do a service's ordinary
 * (non-specialist) steps and answer its enquiries are pooled into one team of case owners,
 * with the same total staff: redesign moves people, it does not add them.
 *
 * @packageDocumentation
 */
import { WeeklyCalendar } from "../engine/index.js";
import type { Policy } from "../policy/types.js";
import type { Scenario, TeamRole } from "../scenario/types.js";
import { ownerGroups } from "../analysis/teamLayout.js";

/** A team as the model will run it. */
export interface TeamPlan {
  readonly id: string;
  readonly name: string;
  readonly role: TeamRole;
  readonly staff: number;
  /** When the team is open (any of its people). */
  readonly hours: WeeklyCalendar;
  /** Each person's own hours: pooled case owners keep the hours they worked before. */
  readonly serverHours: readonly WeeklyCalendar[];
  /** Indices of the scenario teams that make it up. */
  readonly members: readonly number[];
  /**
   * Pay as a multiple of the scenario's cost per staff hour, by role (a front line between the
   * scripted and the generalist rate by its breadth; pooled case owners keep their own pay:
   * the staff-weighted mean of their teams').
   */
  readonly pay: number;
  /** Training minutes per person per year that keep a broad repertoire up (0 for none). */
  readonly trainingPerYear: number;
  /** Who each server is: the scenario team the person belongs to and their index in it. */
  readonly people: readonly { readonly team: string; readonly index: number }[];
  /**
   * Whether the team's people are personal case owners (under "caseOwner" with "personal"
   * ownership): each need waits for its own owner instead of the first free person.
   */
  readonly personal: boolean;
}

/** The teams to run and where each scenario team's work goes. */
export interface TeamLayout {
  readonly teams: readonly TeamPlan[];
  /** For each scenario team, the index of the planned team doing its work. */
  readonly teamOf: readonly number[];
}

/**
 * Plans the teams for a scenario under a policy.
 *
 * @param scenario - the scenario
 * @param policy - the policy (its `caseHandling`, `ownership` and front-office breadth)
 * @returns the planned teams and the mapping from scenario teams
 * @example
 * ```ts
 * const layout = planTeams(loadScenario("teaching"), policies.whole);
 * layout.teams.length <= loadScenario("teaching").teams.length; //=> true
 * ```
 */
export function planTeams(scenario: Scenario, policy: Policy): TeamLayout {
  const n = scenario.teams.length;
  const { groups, owners } = ownerGroups(scenario, policy);
  const teams: TeamPlan[] = [];
  const teamOf = new Array<number>(n).fill(-1);
  const breadth = frontBreadth(policy, scenario.mechanisms.basicRepertoire);
  for (const members of groups) {
    for (const m of members) teamOf[m] = teams.length;
    const plan = planOf(scenario, members, breadth);
    const personal = policy.ownership === "personal" && members.some((m) => owners.has(m));
    teams.push(personal ? { ...plan, personal } : plan);
  }
  return { teams, teamOf };
}

/**
 * How broad the front line's repertoire is beyond the basic, scripted one: 0 at or below
 * `basicRepertoire`, 1 when it covers every front-resolvable type, in proportion between.
 *
 * @param policy - the policy
 * @param basicRepertoire - the scenario's basic repertoire share
 * @returns breadth in [0, 1]
 * @example
 * ```ts
 * frontBreadth(policies.minutes, 0.3); //=> 0
 * ```
 */
export function frontBreadth(policy: Policy, basicRepertoire: number): number {
  if (basicRepertoire >= 1) return 0;
  return Math.min(1, Math.max(0, (policy.frontOffice.skillCoverage - basicRepertoire) / (1 - basicRepertoire)));
}

/** Pay of one scenario team's people, as a multiple of the cost per staff hour. */
function payOf(scenario: Scenario, role: TeamRole, breadth: number): number {
  const pay = scenario.mechanisms.pay;
  switch (role) {
    case "front":
      return pay.scripted + breadth * (pay.generalist - pay.scripted);
    case "specialist":
      return pay.specialist;
    case "field":
      return pay.field;
    case "meeting":
      return pay.meeting;
    default:
      return pay.caseWork;
  }
}

function planOf(scenario: Scenario, members: readonly number[], breadth: number): TeamPlan {
  const specs = members.map((m) => scenario.teams[m]!);
  const first = specs[0]!;
  const calendars = specs.map((s) => WeeklyCalendar.fromIntervals(s.hours));
  const serverHours = specs.flatMap((s, i) => Array.from({ length: s.staff }, () => calendars[i] as WeeklyCalendar));
  const training = scenario.mechanisms.trainingMinutesPerYear;
  const people = specs.flatMap((s) => Array.from({ length: s.staff }, (_, index) => ({ team: s.id, index })));
  if (specs.length === 1) {
    return {
      id: first.id, name: first.name, role: first.role, staff: first.staff, hours: calendars[0] as WeeklyCalendar, serverHours, members,
      pay: payOf(scenario, first.role, breadth),
      trainingPerYear: first.role === "front" ? training * breadth : 0,
      people,
      personal: false,
    };
  }
  const staff = specs.reduce((a, s) => a + s.staff, 0);
  // pooled case owners: the same people, each keeping the hours they worked before, so the
  // team's capacity is exactly the sum of its members' (redesign moves people, adds none)
  return {
    id: `owners:${specs.map((s) => s.id).join("+")}`,
    name: `case owners (${specs.map((s) => s.name).join(", ")})`,
    role: "caseWork",
    staff: serverHours.length,
    hours: WeeklyCalendar.fromIntervals(specs.flatMap((s) => s.hours)),
    serverHours,
    members,
    pay: specs.reduce((a, s) => a + s.staff * payOf(scenario, s.role, breadth), 0) / staff,
    // case owners take on the other teams' work: they train for the whole repertoire
    trainingPerYear: training,
    people,
    personal: false,
  };
}
