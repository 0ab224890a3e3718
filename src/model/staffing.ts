/**
 * The people of one run: each planned team's engine team (and for a team of personal case
 * owners, one one-person engine team per owner), their hours, their absence spells and when
 * they go away and come back, which owner a need gets, and the teams' statistics read across a
 * team's people. `World` (world.ts) holds a {@link Staffing}; the flow of needs is elsewhere.
 *
 * @packageDocumentation
 */
import { Simulation, Team, WeeklyCalendar, type TeamHooks, type TeamStats } from "../engine/index.js";
import type { Scenario } from "../scenario/types.js";
import { absenceSpells, awayUntil, holidayRota } from "./absence.js";
import { mergeTeamStats } from "./mergeStats.js";
import { eventAbsence, hires, mergeSpells } from "./scenarioEvents.js";
import type { TeamLayout } from "./teams.js";

/**
 * The most people a team of personal case owners may have in one run: each is an engine team
 * of their own (about 6 KB), and assigning a need looks at each of them.
 *
 * @example
 * ```ts
 * MAX_PERSONAL_OWNERS; //=> 2000
 * ```
 */
export const MAX_PERSONAL_OWNERS = 2000;

/** The people of a run, by planned team (index j of `TeamLayout.teams`). */
export interface Staffing {
  /** Each planned team's engine team. */
  readonly teams: Team[];
  /**
   * For a team of personal case owners (TeamPlan.personal): one one-person engine team per
   * owner, each with its own line; null for every other team, whose people share one line.
   */
  readonly persons: (Team[] | null)[];
  /** Open needs owned by each person of a team of personal owners (null elsewhere). */
  readonly caseload: (Int32Array | null)[];
  /** Each planned team's people's absence spells, by server (see absence.ts). */
  readonly spells: Float64Array[][];
  /**
   * Each planned team's servers' hours: its people's, then those of people hired for a while
   * by staff events (scenarioEvents.ts), who are away outside their stay.
   */
  readonly serverHours: (readonly WeeklyCalendar[])[];
}

/**
 * Builds the engine teams of a run's planned teams, with every person's hours and absence
 * spells. Staff events add hires as extra servers of their team's planned team, and every
 * person's event absences are merged into their spells; without events nothing of that changes
 * a run.
 *
 * @param sim - the run's simulation
 * @param scenario - the scenario
 * @param layout - the planned teams (`planTeams`)
 * @param seed - the run's seed (absence streams)
 * @param replication - the replication (absence streams)
 * @param until - the run's end in minutes (horizon and drain)
 * @param hooks - the engine hooks every team calls
 * @returns the teams and people, by planned team
 * @throws RangeError when a team of personal owners has more than {@link MAX_PERSONAL_OWNERS} people
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const staff = staffTeams(new Simulation(), s, planTeams(s, policies.minutes), 1, 0, 525_600, {});
 * staff.teams.length; //=> the planned teams
 * ```
 */
export function staffTeams(
  sim: Simulation,
  scenario: Scenario,
  layout: TeamLayout,
  seed: number | string,
  replication: number,
  until: number,
  hooks: TeamHooks,
): Staffing {
  const staffing: Staffing = { teams: [], persons: [], caseload: [], spells: [], serverHours: [] };
  const teamSize = new Map(scenario.teams.map((t) => [t.id, t.staff]));
  const rota = new Map(scenario.teams.map((t) => [t.id, holidayRota(seed, replication, t.id, until)]));
  const events = scenario.events !== undefined && scenario.events.length > 0;
  const hired = events ? hires(scenario, until) : [];
  const teamIndex = new Map(scenario.teams.map((t, i) => [t.id, i]));
  const calendars = new Map(scenario.teams.map((t) => [t.id, WeeklyCalendar.fromIntervals(t.hours)]));
  layout.teams.forEach((plan, j) => {
    if (plan.personal && plan.staff > MAX_PERSONAL_OWNERS) {
      throw new RangeError(
        `${plan.name} would be ${plan.staff.toLocaleString("en")} personal case owners, each with a line of their own; ` +
          `the most a run takes is ${MAX_PERSONAL_OWNERS.toLocaleString("en")}: use the policy's ownership "pool" for a team this large`,
      );
    }
    const extra = hired.filter((h) => layout.teamOf[teamIndex.get(h.person.team) as number] === j);
    const people = [...plan.people, ...extra.map((h) => h.person)];
    const serverHours = extra.length === 0 ? plan.serverHours : [...plan.serverHours, ...extra.map((h) => calendars.get(h.person.team) as WeeklyCalendar)];
    staffing.serverHours.push(serverHours);
    staffing.teams.push(new Team(sim, { name: plan.name, servers: people.length, serverHours, discipline: "priority" }, hooks));
    staffing.persons.push(
      plan.personal
        ? serverHours.map((hours, k) => new Team(sim, { name: `${plan.name} #${k + 1}`, servers: 1, serverHours: [hours], discipline: "priority" }, hooks))
        : null,
    );
    staffing.caseload.push(plan.personal ? new Int32Array(people.length) : null);
    staffing.spells.push(
      people.map((p, k) => {
        // a hire has sickness and holidays of their own (streams of their own index), and is away outside their stay
        const own = absenceSpells(seed, replication, p.team, p.index, scenario.mechanisms, until, teamSize.get(p.team) ?? 1, rota.get(p.team));
        if (!events) return own;
        const stay = k >= plan.people.length ? (extra[k - plan.people.length] as (typeof extra)[number]).away : [];
        return mergeSpells(own, [...stay, ...eventAbsence(scenario, p, until)]);
      }),
    );
  });
  return staffing;
}

/**
 * Sends every person away and back at their spells' ends (the engine's `setAbsent`). When a
 * personal owner goes away for longer than `coverAfter` minutes, `cover(j, k)` is called as
 * they leave, so the work waiting in their line can go to colleagues.
 *
 * @param sim - the run's simulation
 * @param staffing - the run's people ({@link staffTeams})
 * @param coverAfter - the absence, in minutes, past which a personal owner's work is covered
 * @param cover - what happens to the work of person k of planned team j who leaves for long
 * @example
 * ```ts
 * scheduleAbsences(sim, staffing, scenario.mechanisms.coverAfterMinutes, (j, k) => coverWaiting(j, k));
 * ```
 */
export function scheduleAbsences(sim: Simulation, staffing: Staffing, coverAfter: number, cover: (team: number, person: number) => void): void {
  staffing.spells.forEach((people, j) => {
    const persons = staffing.persons[j] ?? null;
    people.forEach((spells, k) => {
      const team = persons === null ? (staffing.teams[j] as Team) : (persons[k] as Team);
      const server = persons === null ? k : 0;
      for (let i = 0; i < spells.length; i += 2) {
        const from = spells[i] as number;
        const to = spells[i + 1] as number;
        sim.scheduleAt(from, () => {
          team.setAbsent(server, true);
          if (persons !== null && to - from > coverAfter) cover(j, k);
        }, 0, -3);
        sim.scheduleAt(to, () => team.setAbsent(server, false), 0, -3);
      }
    });
  });
}

/**
 * Whether person k of planned team j is away at time `now`.
 *
 * @example
 * ```ts
 * isAway(staffing, 0, 2, sim.now); //=> true while the third person of the first team is away
 * ```
 */
export function isAway(staffing: Staffing, team: number, k: number, now: number): boolean {
  return awayUntil((staffing.spells[team] as Float64Array[])[k] as Float64Array, now) >= 0;
}

/**
 * The present person of a team of personal owners with the fewest open needs per hour of their
 * working week (a part-timer gets fewer; ties: lowest index), other than `not`; anyone if all
 * are away (a stated rule, GUESS).
 *
 * @param staffing - the run's people
 * @param team - a planned team of personal owners
 * @param not - a person to pass over (-1 for none)
 * @param now - the time now
 * @returns the person's index in the team
 * @example
 * ```ts
 * leastLoaded(staffing, j, -1, sim.now); //=> the owner the next new need of team j gets
 * ```
 */
export function leastLoaded(staffing: Staffing, team: number, not: number, now: number): number {
  const load = staffing.caseload[team] as Int32Array;
  const spells = staffing.spells[team] as Float64Array[];
  const hours = staffing.serverHours[team]!;
  let best = -1;
  let bestLoad = Infinity;
  let fallback = -1;
  let fallbackLoad = Infinity;
  for (let k = 0; k < load.length; k++) {
    if (k === not) continue;
    const perHour = ((load[k] as number) + 1) / Math.max(1, hours[k]!.openMinutesPerWeek);
    if (fallback < 0 || perHour < fallbackLoad) {
      fallback = k;
      fallbackLoad = perHour;
    }
    // whether they are away is looked up only for someone who would be the best so far
    if ((best < 0 || perHour < bestLoad) && awayUntil(spells[k] as Float64Array, now) < 0) {
      best = k;
      bestLoad = perHour;
    }
  }
  return best >= 0 ? best : fallback;
}

/**
 * Restarts every team's statistics, each person's too (the end of the warm-up).
 *
 * @example
 * ```ts
 * sim.scheduleAt(warmup, () => resetStaffStats(world));
 * ```
 */
export function resetStaffStats(staffing: Staffing): void {
  staffing.teams.forEach((t, j) => {
    t.resetStats();
    staffing.persons[j]?.forEach((p) => p.resetStats());
  });
}

/**
 * The statistics of planned team j now (a team of personal owners: its people's, merged).
 *
 * @example
 * ```ts
 * teamStatsOf(world, 0).utilisation; //=> the first planned team's utilisation so far
 * ```
 */
export function teamStatsOf(staffing: Staffing, j: number): TeamStats {
  const persons = staffing.persons[j] ?? null;
  const team = staffing.teams[j] as Team;
  if (persons === null) return team.stats();
  return mergeTeamStats(team.name, team.stats(), persons.map((p) => p.stats()));
}

/**
 * What the series needs of planned team j now, read without touching its running sums (see
 * `Team.peekSums`): busy time, available time (capacity + overtime), the time-integral of its
 * queue and the time elapsed, since the warm-up's end, at `out[at…at+3]`; a team of personal
 * owners adds up its people's, as `mergeTeamStats` does.
 *
 * @param scratch - four numbers of room for one person's sums
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * peekStaffSums(world, 0, out, 0, new Float64Array(4)); // out: busy, available, queue, elapsed
 * ```
 */
export function peekStaffSums(staffing: Staffing, j: number, out: Float64Array, at: number, scratch: Float64Array): void {
  const persons = staffing.persons[j] ?? null;
  if (persons === null || persons.length === 0) return (staffing.teams[j] as Team).peekSums(out, at);
  let busy = 0;
  let available = 0;
  let queue = 0;
  for (const p of persons) {
    p.peekSums(scratch, 0);
    busy += scratch[0] as number;
    available += scratch[1] as number;
    queue += scratch[2] as number;
  }
  out[at] = busy;
  out[at + 1] = available;
  out[at + 2] = queue;
  // every person's period starts with the team's, at the warm-up's end
  out[at + 3] = scratch[3] as number;
}
