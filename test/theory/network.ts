/**
 * A small harness for the theory tests: an open network of engine Teams fed by Poisson
 * arrivals, with exponential (or given) service and probabilistic rework back to the first
 * station. Collects per-replication statistics after a warm-up.
 */
import { Simulation, Team } from "../../src/engine/index.js";
import { createStream, exponential, type Distribution } from "../../src/random/index.js";
import { tQuantile } from "../../src/stats/studentT.js";

export interface StationSpec {
  readonly servers: number;
  readonly service: Distribution;
  readonly patience?: Distribution;
}

export interface ReplicationStats {
  /** Mean wait per node visit (served visits) after warm-up. */
  readonly meanWait: number;
  /** Mean time in system of customers who arrived after warm-up and left. */
  readonly meanTimeInSystem: number;
  /** Share of arrivals after warm-up that reneged at station 0. */
  readonly abandonShare: number;
  /** Time-average number in system over the measured period. */
  readonly meanInSystem: number;
  /** Observed arrival rate over the measured period. */
  readonly arrivalRate: number;
  readonly visits: number;
}

/**
 * Runs one replication: `customers` arrivals, the first `warmup` of them not counted.
 */
export function runNetwork(
  seed: number,
  replication: number,
  arrivalRate: number,
  stations: readonly StationSpec[],
  reworkProbability: number,
  customers: number,
  warmup: number,
): ReplicationStats {
  const sim = new Simulation();
  const arrivals = createStream(seed, replication, "arrivals");
  const routing = createStream(seed, replication, "routing");
  const serviceRngs = stations.map((_, i) => createStream(seed, replication, `service:${i}`));
  const patienceRng = createStream(seed, replication, "patience");
  const gap = exponential(1 / arrivalRate);
  const born = new Float64Array(customers);
  let counted = 0;
  let waitSum = 0;
  let visits = 0;
  let sojournSum = 0;
  let left = 0;
  let reneged = 0;
  let inSystem = 0;
  let area = 0;
  let last = 0;
  let measureStart = NaN;
  const track = () => {
    const now = sim.now;
    if (!Number.isNaN(measureStart)) area += inSystem * (now - last);
    last = now;
  };
  const teams: Team[] = [];
  const visit = (i: number, c: number) => {
    const st = stations[i]!;
    const patience = st.patience ? st.patience.sample(patienceRng) : Infinity;
    teams[i]!.arrive(c, st.service.sample(serviceRngs[i]!), i, 0, patience);
  };
  const leave = (c: number) => {
    track();
    inSystem--;
    if (c >= warmup) {
      sojournSum += sim.now - born[c]!;
      left++;
    }
  };
  stations.forEach((st, i) => {
    teams.push(
      new Team(sim, { servers: st.servers }, {
        started: (c, _t, waited) => {
          if (c >= warmup) {
            waitSum += waited;
            visits++;
          }
        },
        done: (c, tag) => {
          if (tag + 1 < stations.length) visit(tag + 1, c);
          else if (routing() < reworkProbability) visit(0, c);
          else leave(c);
        },
        reneged: (c) => {
          if (c >= warmup) reneged++;
          leave(c);
        },
      }),
    );
  });
  let n = 0;
  const arrive = () => {
    track();
    if (n === warmup) {
      measureStart = sim.now;
      teams.forEach((t) => t.resetStats());
    }
    born[n] = sim.now;
    inSystem++;
    if (n >= warmup) counted++;
    visit(0, n++);
    if (n < customers) sim.schedule(gap.sample(arrivals), arrive);
    else measureEnd = sim.now;
  };
  let measureEnd = NaN;
  sim.schedule(gap.sample(arrivals), arrive);
  sim.run({ until: Infinity, maxEvents: Infinity });
  // the measured period is from the warm-up arrival to the last arrival
  const period = measureEnd - measureStart;
  return {
    meanWait: waitSum / visits,
    meanTimeInSystem: sojournSum / left,
    abandonShare: reneged / counted,
    meanInSystem: area / (last - measureStart),
    arrivalRate: (counted - 1) / period,
    visits,
  };
}

/** Student-t interval of replication means at the given level. */
export function interval(values: readonly number[], level = 0.99): { mean: number; lo: number; hi: number; halfWidth: number } {
  const n = values.length;
  const mean = values.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean, lo: mean - halfWidth, hi: mean + halfWidth, halfWidth };
}
