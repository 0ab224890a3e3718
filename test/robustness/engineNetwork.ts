/**
 * A random open network of engine Teams (M/M/c when it has one exponential station), run for a
 * fixed time with Poisson arrivals, for the engine properties: conservation (every arrival is
 * done, reneged or still in the system, and the engine's own counters agree), Little's law on
 * the sample path (the time-average number in system equals arrival rate × mean time in
 * system up to the customers still inside at the end, exactly; reneged customers count with
 * their time until they left), the same law for each station's waiting line, patience kept
 * (a customer reneges exactly when its patience runs out and never starts later), the
 * engine's time-weighted statistics against the harness's, and, for stable exponential
 * networks without reneging or closing hours, the mean time in system against
 * Jackson/Erlang-C theory.
 */
import fc from "fast-check";
import { Simulation, Team, WeeklyCalendar, createStream, exponential, jacksonNetwork, lognormal, type Distribution, type WeekInterval } from "../../src/index.js";

/** One station of a random network. */
export interface StationParams {
  readonly servers: number;
  readonly meanService: number;
  /** Coefficient of variation of service (1 with `exponential` = exponential). */
  readonly cv: number;
  readonly exponential: boolean;
  /** Mean patience in line (exponential), or null for none. */
  readonly meanPatience: number | null;
  /** Opening hours, or null for always open. */
  readonly hours: readonly WeekInterval[] | null;
  readonly atClosing: "finish" | "pause";
}

/** A random network: Poisson arrivals at `entry`, routing probabilities (the rest of a row leaves). */
export interface NetworkParams {
  readonly seed: number;
  readonly arrivalRate: number;
  readonly entry: number;
  readonly stations: readonly StationParams[];
  readonly routing: readonly (readonly number[])[];
  /** Simulated time: arrivals stop at `until`, and the measures are taken then. */
  readonly until: number;
}

/** What a run measured at `until`, and afterwards when the network emptied. */
export interface NetworkOutcome {
  readonly arrived: number;
  readonly departed: number;
  readonly reneged: number;
  readonly inSystem: number;
  /** ∫ N(t) dt over [0, until], from the harness's own count. */
  readonly area: number;
  /** Σ over departed and reneged customers of their time in system. */
  readonly sojournOfLeft: number;
  /** Σ over customers still inside at `until` of (until − arrival). */
  readonly ageOfInside: number;
  /** Σ over stations of (meanQueueLength + meanBusy) × elapsed, from the engine's statistics. */
  readonly engineArea: number;
  /** Per station: what the harness counted and what the engine reports. */
  readonly stations: readonly {
    readonly entered: number;
    readonly started: number;
    readonly completed: number;
    readonly reneged: number;
    readonly inService: number;
    readonly waiting: number;
    /** Σ over visits that left the line by `until` (started or reneged) of their time in line, by the harness's clock. */
    readonly timeInLine: number;
    /** Σ over visits still in line at `until` of (until − arrival at the station). */
    readonly ageInLine: number;
    readonly engine: {
      arrivals: number; started: number; completed: number; reneged: number; queueLength: number; busy: number; utilisation: number; meanWait: number;
      /** meanQueueLength × elapsed: ∫ queue length dt. */
      queueArea: number;
      /** meanTimeInLine × (started + reneged): the engine's Σ time in line of those who left it. */
      timeInLine: number;
    };
  }[];
  /**
   * Visits up to `until` that broke their patience: reneged at another time than arrival at
   * the station + patience, or started service after it had run out.
   */
  readonly patienceBroken: number;
  /** Sojourn times of customers who departed (not reneged), in arrival order, after the first 10% of arrivals. */
  readonly sojournsAfterWarmup: readonly number[];
  /** After running on with no new arrivals until the calendar is empty. */
  readonly drained: { readonly departed: number; readonly reneged: number; readonly inSystem: number; readonly queued: number; readonly busy: number };
}

function distribution(mean: number, cv: number, exp: boolean): Distribution {
  return exp ? exponential(mean) : lognormal({ mean, cv });
}

/**
 * Runs a random network.
 *
 * @param p - the network
 * @returns its measures
 */
export function runNetwork(p: NetworkParams): NetworkOutcome {
  const sim = new Simulation();
  const arrivalsRng = createStream(p.seed, 0, "arrivals");
  const routingRng = createStream(p.seed, 0, "routing");
  const serviceRngs = p.stations.map((_, i) => createStream(p.seed, 0, `service:${i}`));
  const patienceRng = createStream(p.seed, 0, "patience");
  const gap = exponential(1 / p.arrivalRate);
  const services = p.stations.map((s) => distribution(s.meanService, s.cv, s.exponential));
  const patience = p.stations.map((s) => (s.meanPatience === null ? null : exponential(s.meanPatience)));
  const born: number[] = [];
  const left: number[] = [];
  const gaveUp: boolean[] = [];
  // the customer's current visit: when it reached the station, its patience there, and whether it is in line
  const visitAt: number[] = [];
  const patienceOf: number[] = [];
  const inLine: boolean[] = [];
  const stationOf: number[] = [];
  let patienceBroken = 0;
  let inSystem = 0;
  let area = 0;
  let last = 0;
  let measuring = true;
  let departed = 0;
  let reneged = 0;
  let sojournOfLeft = 0;
  const counts = p.stations.map(() => ({ entered: 0, started: 0, completed: 0, reneged: 0, timeInLine: 0 }));
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  /** The customer leaves station i's line now: served (started) or by reneging. */
  const leaveLine = (i: number, c: number, byRenege: boolean) => {
    inLine[c] = false;
    const waited = sim.now - (visitAt[c] as number);
    const pat = patienceOf[c] as number;
    if (!measuring) return;
    counts[i]!.timeInLine += waited;
    if (byRenege ? !close(waited, pat) : waited > pat && !close(waited, pat)) patienceBroken++;
  };
  const track = () => {
    if (measuring) area += inSystem * (sim.now - last);
    last = sim.now;
  };
  const leave = (c: number, byRenege: boolean) => {
    track();
    inSystem--;
    left[c] = sim.now;
    if (byRenege) gaveUp[c] = true;
    if (sim.now <= p.until) {
      if (byRenege) reneged++;
      else departed++;
      sojournOfLeft += sim.now - (born[c] as number);
    }
  };
  const teams: Team[] = [];
  const visit = (i: number, c: number) => {
    counts[i]!.entered++;
    const pat = patience[i];
    const patienceHere = pat === null || pat === undefined ? Infinity : pat.sample(patienceRng);
    visitAt[c] = sim.now;
    patienceOf[c] = patienceHere;
    inLine[c] = true;
    stationOf[c] = i;
    teams[i]!.arrive(c, services[i]!.sample(serviceRngs[i]!), i, 0, patienceHere);
  };
  p.stations.forEach((st, i) => {
    teams.push(
      new Team(
        sim,
        {
          name: `station ${i}`,
          servers: st.servers,
          ...(st.hours === null ? {} : { openingHours: WeeklyCalendar.fromIntervals(st.hours) }),
          atClosing: st.atClosing,
        },
        {
          started: (c) => {
            counts[i]!.started++;
            leaveLine(i, c, false);
          },
          done: (c) => {
            counts[i]!.completed++;
            const u = routingRng();
            const row = p.routing[i] ?? [];
            let acc = 0;
            for (let j = 0; j < row.length; j++) {
              acc += row[j] as number;
              if (u < acc) return visit(j, c);
            }
            leave(c, false);
          },
          reneged: (c) => {
            counts[i]!.reneged++;
            leaveLine(i, c, true);
            leave(c, true);
          },
        },
      ),
    );
  });
  const arrive = () => {
    track();
    const c = born.length;
    born.push(sim.now);
    inSystem++;
    visit(p.entry, c);
    const next = sim.now + gap.sample(arrivalsRng);
    if (next < p.until) sim.scheduleAt(next, arrive);
  };
  const first = gap.sample(arrivalsRng);
  if (first < p.until) sim.scheduleAt(first, arrive);
  sim.run({ until: p.until });
  track();
  measuring = false;
  const stats = teams.map((t) => t.stats());
  const engineArea = stats.reduce((a, s) => a + (s.meanQueueLength + s.meanBusy) * s.elapsed, 0);
  let ageOfInside = 0;
  const ageInLine = p.stations.map(() => 0);
  for (let c = 0; c < born.length; c++) {
    if (left[c] !== undefined) continue;
    ageOfInside += p.until - (born[c] as number);
    if (inLine[c] === true) ageInLine[stationOf[c] as number]! += p.until - (visitAt[c] as number);
  }
  const stations = counts.map((k, i) => ({
    ...k,
    inService: k.started - k.completed,
    waiting: k.entered - k.started - k.reneged,
    ageInLine: ageInLine[i]!,
    engine: {
      arrivals: stats[i]!.arrivals,
      started: stats[i]!.started,
      completed: stats[i]!.completed,
      reneged: stats[i]!.reneged,
      queueLength: stats[i]!.queueLength,
      busy: stats[i]!.busy,
      utilisation: stats[i]!.utilisation,
      meanWait: stats[i]!.meanWait,
      queueArea: stats[i]!.meanQueueLength * stats[i]!.elapsed,
      timeInLine: stats[i]!.meanTimeInLine * (stats[i]!.started + stats[i]!.reneged),
    },
  }));
  const warm = Math.floor(born.length / 10);
  const sojournsAfterWarmup: number[] = [];
  for (let c = warm; c < born.length; c++) if (left[c] !== undefined && left[c]! <= p.until && gaveUp[c] !== true) sojournsAfterWarmup.push(left[c]! - born[c]!);
  const outcome = { arrived: born.length, departed, reneged, inSystem, area, sojournOfLeft, ageOfInside, engineArea, stations, patienceBroken, sojournsAfterWarmup };
  // run on until nothing is left: every customer must leave
  let drainedDeparted = 0;
  let drainedReneged = 0;
  sim.run();
  for (let c = 0; c < born.length; c++) if (left[c] !== undefined) drainedDeparted++;
  for (const k of counts) drainedReneged += k.reneged;
  return {
    ...outcome,
    drained: {
      departed: drainedDeparted - drainedReneged,
      reneged: drainedReneged,
      inSystem,
      queued: teams.reduce((a, t) => a + t.queueLength, 0),
      busy: teams.reduce((a, t) => a + t.busy, 0),
    },
  };
}

/**
 * Checks an outcome: conservation, the engine's counters, Little's law for the network and
 * for each waiting line, patience kept. Returns the violations.
 */
export function networkViolations(p: NetworkParams, o: NetworkOutcome): string[] {
  const out: string[] = [];
  const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
  if (o.arrived !== o.departed + o.reneged + o.inSystem) out.push(`conservation at the end: arrived ${o.arrived} ≠ departed ${o.departed} + reneged ${o.reneged} + inside ${o.inSystem}`);
  let queued = 0;
  let serving = 0;
  o.stations.forEach((s, i) => {
    const e = s.engine;
    if (e.arrivals !== s.entered) out.push(`station ${i}: engine counts ${e.arrivals} arrivals, the harness ${s.entered}`);
    if (e.started !== s.started || e.completed !== s.completed || e.reneged !== s.reneged) {
      out.push(`station ${i}: engine started/completed/reneged ${e.started}/${e.completed}/${e.reneged}, harness ${s.started}/${s.completed}/${s.reneged}`);
    }
    if (e.queueLength !== s.waiting) out.push(`station ${i}: engine queue ${e.queueLength}, harness ${s.waiting} waiting (entered − started − reneged)`);
    if (e.arrivals !== e.started + e.reneged + e.queueLength) out.push(`station ${i}: arrivals ${e.arrivals} ≠ started ${e.started} + reneged ${e.reneged} + waiting ${e.queueLength}`);
    // paused work (closing rule "pause") is in service for the harness but not busy for the engine
    if (p.stations[i]!.atClosing === "finish" ? e.busy !== s.inService : e.busy > s.inService) out.push(`station ${i}: engine busy ${e.busy}, harness ${s.inService} in service`);
    if (!(e.utilisation >= 0 && e.utilisation <= 1)) out.push(`station ${i}: utilisation ${e.utilisation}`);
    if (!(Number.isFinite(e.meanWait) && e.meanWait >= 0)) out.push(`station ${i}: mean wait ${e.meanWait}`);
    // the waiting line on the sample path: ∫ queue dt = Σ time in line of those who left it + Σ age of those in it
    if (!close(e.timeInLine, s.timeInLine, 1e-7)) out.push(`station ${i}: the engine's time in line of those who left it (started or reneged) ${e.timeInLine}, the harness's ${s.timeInLine}`);
    if (!close(e.queueArea, s.timeInLine + s.ageInLine, 1e-7)) out.push(`station ${i}: Little for the line: ∫ queue dt = ${e.queueArea} ≠ Σ time in line ${s.timeInLine} + Σ age in line ${s.ageInLine}`);
    queued += s.waiting;
    serving += s.inService;
  });
  if (queued + serving !== o.inSystem) out.push(`inside ${o.inSystem} ≠ waiting ${queued} + in service ${serving}`);
  if (o.patienceBroken !== 0) out.push(`patience: ${o.patienceBroken} visit(s) reneged before or after their patience ran out, or started after it had`);
  // Little's law on the sample path: ∫N dt = Σ (time in system within [0, T]) over every customer
  if (!close(o.area, o.sojournOfLeft + o.ageOfInside)) out.push(`Little (sample path): ∫N dt = ${o.area} ≠ Σ sojourn ${o.sojournOfLeft} + Σ age inside ${o.ageOfInside}`);
  // L̄ − λ̄·W̄ is exactly the end effect of the customers still inside
  const T = p.until;
  const leftCount = o.departed + o.reneged;
  if (leftCount > 0) {
    const L = o.area / T;
    const lambda = o.arrived / T;
    const W = o.sojournOfLeft / leftCount;
    const endEffect = (o.ageOfInside - o.inSystem * W) / T;
    if (!close(L - lambda * W, endEffect, 1e-7)) out.push(`Little: L̄ ${L} − λ̄W̄ ${lambda * W} = ${L - lambda * W}, but the end effect is ${endEffect}`);
  }
  const pausing = p.stations.some((s) => s.atClosing === "pause" && s.hours !== null);
  if (!pausing && !close(o.engineArea, o.area, 1e-7)) out.push(`engine time averages: Σ (meanQueueLength + meanBusy) × elapsed = ${o.engineArea}, harness ∫N dt = ${o.area}`);
  const d = o.drained;
  if (d.inSystem !== 0 || d.queued !== 0 || d.busy !== 0) out.push(`after draining: ${d.inSystem} inside, ${d.queued} queued, ${d.busy} busy`);
  if (o.arrived !== d.departed + d.reneged) out.push(`conservation after draining: arrived ${o.arrived} ≠ departed ${d.departed} + reneged ${d.reneged}`);
  return out;
}

/**
 * For a stable exponential network without reneging or closing hours: the mean time in system
 * after the first 10% of customers lies within 5 batch-means standard errors (20 batches) plus
 * 2% of Jackson's value (Erlang C per station; Kleinrock, Queueing Systems I, §4.4 and Jackson 1957).
 */
export function theoryViolations(p: NetworkParams, o: NetworkOutcome): string[] {
  const k = p.stations.length;
  const theory = jacksonNetwork({
    externalArrivals: p.stations.map((_, i) => (i === p.entry ? p.arrivalRate : 0)),
    routing: p.routing.map((r) => Array.from({ length: k }, (_, j) => r[j] ?? 0)),
    serviceRates: p.stations.map((s) => 1 / s.meanService),
    servers: p.stations.map((s) => s.servers),
  });
  const x = o.sojournsAfterWarmup;
  const batches = 20;
  const size = Math.floor(x.length / batches);
  if (size < 50) return [`too few customers (${x.length}) for a theory check`];
  const means = Array.from({ length: batches }, (_, b) => x.slice(b * size, (b + 1) * size).reduce((a, v) => a + v, 0) / size);
  const mean = means.reduce((a, v) => a + v, 0) / batches;
  const se = Math.sqrt(means.reduce((a, v) => a + (v - mean) ** 2, 0) / (batches - 1) / batches);
  const W = theory.meanTimeInSystem;
  return Math.abs(mean - W) <= 5 * se + 0.02 * W ? [] : [`mean time in system ${mean} (batch-means SE ${se}) vs Jackson ${W}`];
}

const station = (general: boolean, reneging = general): fc.Arbitrary<StationParams> =>
  fc.record({
    servers: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 20 })),
    meanService: fc.double({ min: 0.1, max: 10, noNaN: true }),
    cv: general ? fc.oneof(fc.constant(0), fc.double({ min: 0, max: 4, noNaN: true })) : fc.constant(1),
    exponential: general ? fc.boolean() : fc.constant(true),
    meanPatience: reneging ? fc.option(fc.double({ min: 0.1, max: 50, noNaN: true }), { nil: null }) : fc.constant(null),
    hours: general ? fc.option(fc.constantFrom<readonly WeekInterval[]>([[480, 990]], [[0, 60], [5000, 5100]], [[9960, 10080], [0, 360]]), { nil: null }) : fc.constant(null),
    atClosing: general ? fc.constantFrom("finish" as const, "pause" as const) : fc.constant("finish" as const),
  });

/** Row-substochastic routing: each row sums to at most `maxRow`. */
const routingArb = (k: number, maxRow: number) =>
  fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: k, maxLength: k }), { minLength: k, maxLength: k }).map((rows) =>
    rows.map((r) => {
      const total = r.reduce((a, x) => a + x, 0);
      const scale = total > maxRow ? maxRow / total : 1;
      return r.map((x) => x * scale);
    }),
  );

/** Visits per customer to each station for routing R from `entry` (traffic equations). */
function visits(entry: number, routing: readonly (readonly number[])[], k: number): number[] {
  // iterate v = e + Rᵀv; rows sum to ≤ 0.8, so this converges fast
  let v: number[] = Array.from({ length: k }, (_, i) => (i === entry ? 1 : 0));
  for (let it = 0; it < 200; it++) v = Array.from({ length: k }, (_, j) => (j === entry ? 1 : 0) + v.reduce((a, vi, i) => a + vi * (routing[i]?.[j] ?? 0), 0));
  return v;
}

/**
 * Random networks: one to four stations, general service (cv 0 to 4), reneging (most
 * stations have an exponential patience, mean 0.1 to 50), closing hours with either
 * closing rule, and loads from light to overloaded (ρ up to 1.5 at the busiest station):
 * conservation, Little and patience hold whatever the load. Reneging is on by default; it once
 * lost customers in the engine (found.ts: waitingLineDoubleFree, fixed).
 *
 * @param customers - expected arrivals per run
 * @param options - whether stations may have patience (reneging; default true)
 */
export function networkArb(customers: number, options: { readonly reneging: boolean } = { reneging: true }): fc.Arbitrary<NetworkParams> {
  return fc.integer({ min: 1, max: 4 }).chain((k) =>
    fc
      .record({
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        stations: fc.array(station(true, options.reneging), { minLength: k, maxLength: k }),
        routing: routingArb(k, 0.8),
        entry: fc.integer({ min: 0, max: k - 1 }),
        rho: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
      })
      .map(({ seed, stations, routing, entry, rho }) => {
        const v = visits(entry, routing, k);
        // λ such that the busiest station (per server, ignoring hours) is at ρ
        const perArrival = Math.max(...stations.map((s, i) => ((v[i] as number) * s.meanService) / s.servers));
        const arrivalRate = rho / perArrival;
        return { seed, stations, routing, entry, arrivalRate, until: customers / arrivalRate };
      }),
  );
}

/**
 * Stable exponential networks (M/M/c when k = 1) always open, without reneging: ρ ≤ 0.8 at the
 * busiest station, for the theory check.
 *
 * @param customers - expected arrivals per run
 */
export function jacksonArb(customers: number): fc.Arbitrary<NetworkParams> {
  return fc.integer({ min: 1, max: 3 }).chain((k) =>
    fc
      .record({
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        stations: fc.array(station(false), { minLength: k, maxLength: k }),
        routing: routingArb(k, 0.6),
        rho: fc.double({ min: 0.05, max: 0.8, noNaN: true }),
      })
      .map(({ seed, stations, routing, rho }) => {
        const v = visits(0, routing, k);
        const perArrival = Math.max(...stations.map((s, i) => ((v[i] as number) * s.meanService) / s.servers));
        const arrivalRate = rho / perArrival;
        return { seed, stations, routing, entry: 0, arrivalRate, until: customers / arrivalRate };
      }),
  );
}
