/**
 * The teams as the model runs them, for the load analysis (offeredLoad.ts): which scenario teams
 * are pooled into one team of case owners under "caseOwner" ({@link ownerGroups}, which the
 * model's `planTeams` in src/model/teams.ts uses too), and each planned team's staff, capacity
 * and training, restated from the model.
 *
 * @packageDocumentation
 */
import { WeeklyCalendar } from "../engine/index.js";
import type { Policy } from "../policy/types.js";
import type { Scenario, TeamRole } from "../scenario/types.js";

/** A planned team: the rule of `planTeams` in src/model/teams.ts, restated. */
export interface PlannedTeam {
  readonly id: string;
  readonly name: string;
  readonly role: TeamRole;
  readonly staff: number;
  /** Σ staff × open minutes per week over the member teams. */
  readonly capacity: number;
  /** Training minutes per person per year (teams.ts: front line by breadth, pooled owners in full). */
  readonly trainingPerYear: number;
  /** Whether its people are personal case owners, each with a line of their own ("caseOwner" and "personal"). */
  readonly personal: boolean;
}

/**
 * The scenario's teams grouped as the model runs them: under "caseOwner" the non-front teams
 * of each service's non-specialist steps and its back office are one team of case owners
 * (union–find over the services), every other team stands alone. The model's `planTeams`
 * (src/model/teams.ts) and the load analysis both group with this.
 *
 * @param scenario - a parsed scenario
 * @param policy - the policy
 * @returns `groups`: scenario team indices per planned team, in order of each group's first
 *   team; `owners`: the teams whose people own cases under "caseOwner"
 * @example
 * ```ts
 * ownerGroups(loadScenario("teaching"), policies.whole).groups; //=> [[0], [1], [2]]
 * ```
 */
export function ownerGroups(scenario: Scenario, policy: Policy): { readonly groups: number[][]; readonly owners: ReadonlySet<number> } {
  const n = scenario.teams.length;
  const index = new Map(scenario.teams.map((t, i) => [t.id, i]));
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  const owners = new Set<number>();
  for (const service of policy.caseHandling === "caseOwner" ? scenario.services : []) {
    const ids = [...service.steps.filter((st) => !st.specialist).map((st) => st.team), service.backOffice];
    const list = [...new Set(ids.map((id) => index.get(id) as number))].filter((i) => scenario.teams[i]?.role !== "front");
    for (const i of list) owners.add(i);
    for (const i of list.slice(1)) {
      const [a, b] = [find(list[0] as number), find(i)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [i]);
    else group.push(i);
  }
  return { groups: [...groups.values()], owners };
}

/**
 * The planned teams, by the rule of `planTeams` (src/model/teams.ts): under "caseOwner" the
 * non-front teams of each service's non-specialist steps and its back office are pooled
 * (union–find, lowest index as root); groups come in the order of their lowest member.
  *
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * planLayout(s, policies.minutes).teams.map((t) => t.id); //=> ["desk", "officers", "expert"]
 * ```
 */
export function planLayout(scenario: Scenario, policy: Policy): { teams: PlannedTeam[]; teamOf: number[] } {
  const n = scenario.teams.length;
  const { groups, owners } = ownerGroups(scenario, policy);
  const teams: PlannedTeam[] = [];
  const teamOf = new Array<number>(n).fill(-1);
  const breadth = frontBreadth(scenario, policy);
  for (const members of groups) {
    for (const m of members) teamOf[m] = teams.length;
    const personal = policy.ownership === "personal" && members.some((m) => owners.has(m));
    teams.push({ ...plannedTeam(scenario, members, breadth), personal });
  }
  return { teams, teamOf };
}

/** Breadth of the front line's repertoire beyond the basic one, in [0, 1] (`frontBreadth` in teams.ts).  *
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * frontBreadth(s, policies.whole); //=> 0.7142857142857143
 * ```
 */
export function frontBreadth(scenario: Scenario, policy: Policy): number {
  const basic = scenario.mechanisms.basicRepertoire;
  if (basic >= 1) return 0;
  return Math.min(1, Math.max(0, (policy.frontOffice.skillCoverage - basic) / (1 - basic)));
}

/** A planned team; pooled owners get the model's id, name and role, and the members' capacity. */
function plannedTeam(scenario: Scenario, members: readonly number[], breadth: number): Omit<PlannedTeam, "personal"> {
  const specs = members.map((m) => scenario.teams[m]!);
  const capacity = specs.reduce((a, s) => a + s.staff * WeeklyCalendar.fromIntervals(s.hours).openMinutesPerWeek, 0);
  const staff = specs.reduce((a, s) => a + s.staff, 0);
  const first = specs[0]!;
  const training = scenario.mechanisms.trainingMinutesPerYear;
  if (specs.length === 1) {
    return { id: first.id, name: first.name, role: first.role, staff, capacity, trainingPerYear: first.role === "front" ? training * breadth : 0 };
  }
  const [ids, names] = [specs.map((s) => s.id).join("+"), specs.map((s) => s.name).join(", ")];
  return { id: `owners:${ids}`, name: `case owners (${names})`, role: "caseWork", staff, capacity, trainingPerYear: training };
}
