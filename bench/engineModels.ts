/**
 * The engine's reference models for its benchmarks (bench/engine.ts, bench/engineInstructions.ts):
 * Poisson arrivals to a network of stations through the engine's public API (Simulation and
 * Team, with helhet's random streams), M/M/c built as the minimal kernel builds it, and the
 * kernel's own M/M/c logic on the engine's event calendar without a team (to tell the
 * calendar's share of the engine's cost from the team's).
 */
import { Simulation, Team } from "../src/engine/index.js";
import { createStream, exponential } from "../src/random/index.js";

export interface Station {
  readonly servers: number;
  readonly serviceRate: number;
}

export interface Result {
  readonly meanWait: number;
  readonly nodeVisits: number;
  readonly seconds: number;
  readonly standardError: number;
}

/**
 * Runs a network of stations fed by Poisson arrivals; after the last station a customer returns
 * to station 0 with `reworkProbability`. With `batchMeans` a `started` hook sorts each wait into
 * 20 batches for the standard error (the untimed run); without it the mean wait is read from the
 * teams' statistics and the standard error is NaN (the timed runs).
 */
export function runNetwork(customers: number, arrivalRate: number, stations: readonly Station[], reworkProbability: number, seed: number, batchMeans = false): Result {
  const sim = new Simulation();
  const arrivalStream = createStream(seed, 0, "arrivals");
  const routingStream = createStream(seed, 0, "routing");
  const interarrival = exponential(1 / arrivalRate);
  const services = stations.map((s, i) => ({ dist: exponential(1 / s.serviceRate), rng: createStream(seed, 0, `service:${i}`) }));
  const batches = 20;
  const waitsPerBatch = new Float64Array(batches);
  const countPerBatch = new Float64Array(batches);
  const expectedVisits = customers * stations.length / (1 - reworkProbability);
  let visits = 0;
  let batch = 0;
  let nextEdge = expectedVisits / batches;
  const teams: Team[] = [];
  const visit = (station: number, customer: number) => {
    const s = services[station]!;
    (teams[station] as Team).arrive(customer, s.dist.sample(s.rng), station);
  };
  stations.forEach((st, i) => {
    teams.push(
      new Team(sim, { servers: st.servers, name: `station ${i}` }, {
        started: !batchMeans ? undefined : (_c, _tag, waited) => {
          waitsPerBatch[batch] = waitsPerBatch[batch]! + waited;
          countPerBatch[batch] = countPerBatch[batch]! + 1;
          if (++visits >= nextEdge && batch < batches - 1) {
            batch++;
            nextEdge = ((batch + 1) * expectedVisits) / batches;
          }
        },
        done: (customer, tag) => {
          if (tag + 1 < stations.length) visit(tag + 1, customer);
          // no draw where nobody returns (M/M/1, M/M/5): the minimal kernel draws none there either
          else if (reworkProbability > 0 && routingStream() < reworkProbability) visit(0, customer);
        },
      }),
    );
  });
  let arrived = 0;
  const arrive = () => {
    visit(0, arrived++);
    if (arrived < customers) sim.schedule(interarrival.sample(arrivalStream), arrive);
  };
  sim.schedule(interarrival.sample(arrivalStream), arrive);
  const t0 = performance.now();
  sim.run();
  const seconds = (performance.now() - t0) / 1000;
  if (!batchMeans) return { ...waitFromStatistics(teams), seconds, standardError: NaN };
  let total = 0;
  let n = 0;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    total += waitsPerBatch[b]!;
    n += countPerBatch[b]!;
    if (countPerBatch[b]! > 0) means.push(waitsPerBatch[b]! / countPerBatch[b]!);
  }
  const grand = means.reduce((a, x) => a + x, 0) / means.length;
  const variance = means.reduce((a, x) => a + (x - grand) ** 2, 0) / (means.length - 1);
  return { meanWait: total / n, nodeVisits: n, seconds, standardError: Math.sqrt(variance / means.length) };
}

/** The mean wait per visit and the visits, from the teams' own statistics. */
function waitFromStatistics(teams: readonly Team[]): { meanWait: number; nodeVisits: number } {
  let waited = 0;
  let visits = 0;
  for (const team of teams) {
    const s = team.stats();
    waited += s.meanWait * s.started;
    visits += s.started;
  }
  return { meanWait: waited / visits, nodeVisits: visits };
}

/**
 * The engine's M/M/c, built as {@link minimalMmc} is for the kernel: one team fed by one
 * arrival closure (service time drawn on arrival, from the same streams), a `done` hook that
 * does nothing, and the mean wait from the team's statistics.
 */
export function runMmc(customers: number, arrivalRate: number, serviceRate: number, servers: number, seed: number): Result {
  const sim = new Simulation();
  const arrivalStream = createStream(seed, 0, "arrivals");
  const serviceStream = createStream(seed, 0, "service:0");
  const interarrival = exponential(1 / arrivalRate);
  const service = exponential(1 / serviceRate);
  const team = new Team(sim, { servers, name: "station 0" }, { done: () => {} });
  let arrived = 0;
  const arrive = () => {
    team.arrive(arrived++, service.sample(serviceStream));
    if (arrived < customers) sim.schedule(interarrival.sample(arrivalStream), arrive);
  };
  sim.schedule(interarrival.sample(arrivalStream), arrive);
  const t0 = performance.now();
  sim.run();
  const seconds = (performance.now() - t0) / 1000;
  return { ...waitFromStatistics([team]), seconds, standardError: NaN };
}

/**
 * The minimal kernel's M/M/c ({@link minimalMmc}: a FIFO ring of arrival times, a count of busy
 * servers, service times drawn at the start of service) on the engine's event calendar, with a
 * closure per event kind instead of the kernel's heap of kind codes: the engine's calendar and
 * its dispatch without a team. Gives the kernel's mean wait, bit for bit.
 */
export function calendarMmc(customers: number, arrivalRate: number, serviceRate: number, servers: number, seed: number): { seconds: number; meanWait: number } {
  const sim = new Simulation();
  const a = createStream(seed, 0, "arrivals");
  const s = createStream(seed, 0, "service:0");
  const ring = new Float64Array(1 << 20);
  const mask = ring.length - 1;
  let head = 0;
  let tail = 0;
  let busy = 0;
  let waitSum = 0;
  let arrived = 0;
  const done = () => {
    if (head < tail) {
      waitSum += sim.now - ring[head++ & mask]!;
      sim.schedule(-Math.log(1 - s()) / serviceRate, done);
    } else busy--;
  };
  const arrive = () => {
    arrived++;
    if (busy < servers) {
      busy++;
      sim.schedule(-Math.log(1 - s()) / serviceRate, done);
    } else ring[tail++ & mask] = sim.now;
    if (arrived < customers) sim.schedule(-Math.log(1 - a()) / arrivalRate, arrive);
  };
  sim.schedule(-Math.log(1 - a()) / arrivalRate, arrive);
  const t0 = performance.now();
  sim.run();
  return { seconds: (performance.now() - t0) / 1000, meanWait: waitSum / customers };
}
