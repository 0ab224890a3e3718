/**
 * Closed-form queueing results (Erlang C, M/M/c, M/G/1, Erlang A, open Jackson networks) used to
 * check the engine and to warn about overload. Rates are per unit of time; waits are in that unit.
 *
 * Sources: D. Gross, J. F. Shortle, J. M. Thompson & C. M. Harris (2008), Fundamentals of
 * Queueing Theory, 4th ed., Wiley (ch. 2: M/M/c; ch. 4: Jackson networks; ch. 5: M/G/1);
 * J. D. C. Little (1961), "A proof for the queuing formula L = λW", Operations Research 9(3),
 * 383–387 (L = λW and Lq = λWq, used throughout).
 */
import { create, lusolveDependencies, type FactoryFunctionMap, type MathJsInstance } from "mathjs";

// Only the LU solver, for a small bundle. (The typings say `*Dependencies` may be undefined; it never is.)
/** The mathjs instance with `lusolve`, created on first use (no work at import time). */
const instance: { math?: MathJsInstance } = {};

function math(): MathJsInstance {
  instance.math ??= create({ lusolveDependencies: lusolveDependencies as FactoryFunctionMap });
  return instance.math;
}

/** Steady-state measures of a single station (Infinity waits and lengths when unstable). */
export interface QueueMetrics {
  /** λ/(cμ): offered load per server; ≥ 1 means unstable. */ readonly utilisation: number;
  /** Probability that an arrival waits (1 when unstable). */ readonly probWait: number;
  /** Mean wait in queue Wq. */ readonly meanWait: number;
  /** Mean number waiting Lq = λWq. */ readonly meanQueueLength: number;
  /** Mean time in system W = Wq + E[S]. */ readonly meanTimeInSystem: number;
  /** Mean number in system L = λW. */ readonly meanInSystem: number;
  /** Whether utilisation < 1. */ readonly stable: boolean;
}

/** Options of {@link mmc}: Poisson arrivals, exponential service, `servers` parallel servers. */
export type MmcOptions = { readonly arrivalRate: number; readonly serviceRate: number; readonly servers: number };

function fail(fn: string, name: string, value: unknown, must: string): never {
  throw new RangeError(`${fn}: ${name} must be ${must}, got ${String(value)}`);
}
function checkRate(fn: string, name: string, x: number, positive: boolean): void {
  if (!Number.isFinite(x) || x < 0 || (positive && x === 0)) fail(fn, name, x, positive ? "a finite number > 0" : "a finite number >= 0");
}
function checkServers(fn: string, name: string, c: number): void {
  if (!Number.isSafeInteger(c) || c < 1) fail(fn, name, c, "a positive integer");
}

/**
 * Erlang's C formula: the probability that an arrival to an M/M/c queue must wait.
 * Computed from the Erlang B recursion B(0) = 1, B(k) = a·B(k−1)/(k + a·B(k−1)) (stable for
 * any c; D. L. Jagerman (1974), "Some properties of the Erlang loss function", Bell System
 * Technical Journal 53(3), 525–551) and C = c·B/(c − a(1 − B)) (Gross et al. 2008, ch. 2).
 * @param servers - number of servers c (positive integer)
 * @param offeredLoad - a = λ/μ in erlangs (finite, ≥ 0)
 * @returns P(wait > 0); 1 when a ≥ c (overloaded)
 * @throws RangeError if `servers` is not a positive integer or `offeredLoad` is negative or not finite
 * @example
 * erlangC(5, 4.5);
 * //=> 0.7624932207329356
 */
export function erlangC(servers: number, offeredLoad: number): number {
  checkServers("erlangC", "servers", servers);
  checkRate("erlangC", "offeredLoad", offeredLoad, false);
  if (offeredLoad >= servers) return 1;
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/**
 * Steady state of the M/M/c queue (Gross et al. 2008, ch. 2): Wq = C(c, λ/μ)/(cμ − λ).
 * An unstable queue (λ ≥ cμ) reports `stable: false`, `probWait: 1` and Infinity for the
 * waits and lengths (`JSON.stringify` turns Infinity into null: check `stable` first).
 * @param options - arrivalRate λ ≥ 0, serviceRate μ > 0 (per server), servers c ≥ 1
 * @returns utilisation, probWait, meanWait, meanQueueLength, meanTimeInSystem, meanInSystem, stable
 * @throws RangeError naming the invalid option
 * @example
 * mmc({ arrivalRate: 4.5, serviceRate: 1, servers: 5 }).meanWait;
 * //=> 1.5249864414658711
 */
export function mmc(options: MmcOptions): QueueMetrics {
  const { arrivalRate: lambda, serviceRate: mu, servers: c } = options;
  checkRate("mmc", "arrivalRate", lambda, false);
  checkRate("mmc", "serviceRate", mu, true);
  checkServers("mmc", "servers", c);
  const utilisation = lambda / (c * mu);
  if (utilisation >= 1) return metrics(utilisation, 1, lambda, Infinity, 1 / mu);
  const probWait = erlangC(c, lambda / mu);
  return metrics(utilisation, probWait, lambda, probWait / (c * mu - lambda), 1 / mu);
}

/** Little's law around a station's Wq; an Infinity Wq (unstable, so λ > 0) gives Infinity W, Lq and L. */
function metrics(utilisation: number, probWait: number, lambda: number, wq: number, es: number): QueueMetrics {
  const w = wq + es;
  return { utilisation, probWait, meanWait: wq, meanQueueLength: lambda * wq, meanTimeInSystem: w, meanInSystem: lambda * w, stable: utilisation < 1 };
}

/**
 * The M/M/1 queue: {@link mmc} with one server (Wq = λ/(μ(μ − λ))).
 * @param options - arrivalRate λ ≥ 0 and serviceRate μ > 0
 * @returns the M/M/1 steady-state measures
 * @throws RangeError naming the invalid option
 * @example
 * mm1({ arrivalRate: 0.9, serviceRate: 1 }).meanWait;
 * //=> 9.000000000000002
 */
export function mm1(options: { readonly arrivalRate: number; readonly serviceRate: number }): QueueMetrics {
  return mmc({ arrivalRate: options.arrivalRate, serviceRate: options.serviceRate, servers: 1 });
}

/** Options of {@link pollaczekKhinchine}: Poisson arrivals, any service-time distribution. */
export type PollaczekKhinchineOptions = { readonly arrivalRate: number; readonly serviceMean: number; readonly serviceVariance: number };

/**
 * The M/G/1 queue by the Pollaczek–Khinchine mean-value formula Wq = λE[S²]/(2(1 − ρ)),
 * E[S²] = Var[S] + E[S]², ρ = λE[S] (L. Kleinrock (1975), Queueing Systems, Vol. 1, ch. 5;
 * Gross et al. 2008, ch. 5). probWait = ρ (PASTA: the server is busy a fraction ρ of the
 * time). Unstable (ρ ≥ 1) as in {@link mmc}.
 * @param options - arrivalRate λ ≥ 0, serviceMean > 0, serviceVariance ≥ 0
 * @returns the M/G/1 steady-state measures
 * @throws RangeError naming the invalid option
 * @example
 * pollaczekKhinchine({ arrivalRate: 0.5, serviceMean: 1, serviceVariance: 2.25 }).meanWait;
 * //=> 1.625
 */
export function pollaczekKhinchine(options: PollaczekKhinchineOptions): QueueMetrics {
  const { arrivalRate: lambda, serviceMean: es, serviceVariance: vs } = options;
  checkRate("pollaczekKhinchine", "arrivalRate", lambda, false);
  checkRate("pollaczekKhinchine", "serviceMean", es, true);
  checkRate("pollaczekKhinchine", "serviceVariance", vs, false);
  const rho = lambda * es;
  if (rho >= 1) return metrics(rho, 1, lambda, Infinity, es);
  return metrics(rho, rho, lambda, (lambda * (vs + es * es)) / (2 * (1 - rho)), es);
}

/** Options of {@link erlangA}: M/M/c with exponential patience of rate θ (= 1/mean patience). */
export type ErlangAOptions = MmcOptions & { readonly patienceRate: number };

/** Steady-state measures of the M/M/c+M (Erlang A) queue. */
export interface ErlangAMetrics {
  /** Fraction of arrivals that abandon: θ·Lq/λ. */ readonly probAbandon: number;
  /** Fraction that find all servers busy, P(N ≥ c). */ readonly probWait: number;
  /** Mean time in queue over all arrivals: Lq/λ. */ readonly meanWait: number;
  /** Mean number waiting Lq. */ readonly meanQueueLength: number;
  /** Mean fraction of servers busy: λ(1 − P(ab))/(cμ). */ readonly utilisation: number;
}

/**
 * The M/M/c+M (Erlang A) queue from its birth–death chain (O. Garnett, A. Mandelbaum &
 * M. Reiman (2002), "Designing a call center with impatient customers", Manufacturing &
 * Service Operations Management 4(3), 208–227; E39 in docs/evidence.md): birth rate λ, death rate
 * min(n, c)μ + max(n − c, 0)θ. Unnormalised probabilities are summed until the terms decrease
 * and fall below 1e-16 of the running total. Always stable, since θ > 0.
 * @param options - arrivalRate λ > 0, serviceRate μ > 0, servers c ≥ 1, patienceRate θ > 0
 * @returns probAbandon, probWait, meanWait, meanQueueLength, utilisation
 * @throws RangeError naming an invalid option, or if θ is so small that the chain needs over 1e7 states
 * @example
 * erlangA({ arrivalRate: 1, serviceRate: 1, servers: 1, patienceRate: 1 }).probAbandon;
 * //=> 0.3678794411714422 (1/e: the number in system is Poisson(1))
 */
export function erlangA(options: ErlangAOptions): ErlangAMetrics {
  const { arrivalRate: lambda, serviceRate: mu, servers: c, patienceRate: theta } = options;
  checkRate("erlangA", "arrivalRate", lambda, true);
  checkRate("erlangA", "serviceRate", mu, true);
  checkServers("erlangA", "servers", c);
  checkRate("erlangA", "patienceRate", theta, true);
  const s = { total: 1, busy: 0, waiting: 0, queue: 0 };
  let r = 1;
  for (let n = 1; ; n++) {
    if (n > 1e7) fail("erlangA", "patienceRate", theta, "larger (the chain needs over 1e7 states)");
    const death = Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
    r *= lambda / death;
    s.total += r;
    s.busy += Math.min(n, c) * r;
    if (n >= c) s.waiting += r;
    if (n > c) s.queue += (n - c) * r;
    if (r > 1e250) {
      for (const key of ["total", "busy", "waiting", "queue"] as const) s[key] *= 1e-250; // only ratios matter
      r *= 1e-250;
    }
    if (death > lambda && r < 1e-16 * s.total) break; // death rates grow with n: terms only shrink now
  }
  const lq = s.queue / s.total;
  const utilisation = Math.min(1, s.busy / s.total / c);
  return { probAbandon: (theta * lq) / lambda, probWait: s.waiting / s.total, meanWait: lq / lambda, meanQueueLength: lq, utilisation };
}

/** Options of {@link jacksonNetwork}; index i is station i in every array. */
export interface JacksonNetworkOptions {
  /** γᵢ ≥ 0, Poisson arrivals from outside; Σγ > 0. */ readonly externalArrivals: readonly number[];
  /** routing[i][j]: P(go to j after service at i); the rest of row i leaves. */ readonly routing: readonly (readonly number[])[];
  /** μᵢ > 0 per server. */ readonly serviceRates: readonly number[];
  /** cᵢ ≥ 1. */ readonly servers: readonly number[];
}

/** Steady state of an open Jackson network. */
export interface JacksonNetworkResult {
  /** λᵢ solving the traffic equations λ = γ + Rᵀλ. */ readonly arrivalRates: readonly number[];
  /** Mean visits to station i per customer: λᵢ/Σγ. */ readonly visitsPerCustomer: readonly number[];
  /** Station i as an M/M/cᵢ queue with arrival rate λᵢ. */ readonly stations: readonly QueueMetrics[];
  /** Mean entry-to-exit time Σλᵢwᵢ/Σγ (Little); Infinity if unstable. */ readonly meanTimeInSystem: number;
  /** Whether every station is stable. */ readonly stable: boolean;
}

function checkNetwork(o: JacksonNetworkOptions): void {
  const fn = "jacksonNetwork";
  const k = o.externalArrivals.length;
  if (k === 0) fail(fn, "externalArrivals", "[]", "non-empty");
  const lengths = { routing: o.routing.length, serviceRates: o.serviceRates.length, servers: o.servers.length };
  for (const [name, n] of Object.entries(lengths)) if (n !== k) fail(fn, `${name}.length`, n, `${k} (one per station)`);
  o.externalArrivals.forEach((g, i) => checkRate(fn, `externalArrivals[${i}]`, g, false));
  if (!(o.externalArrivals.reduce((a, g) => a + g, 0) > 0)) fail(fn, "externalArrivals", "all zeros", "positive somewhere");
  o.serviceRates.forEach((mu, i) => checkRate(fn, `serviceRates[${i}]`, mu, true));
  o.servers.forEach((c, i) => checkServers(fn, `servers[${i}]`, c));
  o.routing.forEach((row, i) => {
    if (row.length !== k) fail(fn, `routing[${i}].length`, row.length, `${k}`);
    row.forEach((p, j) => (p >= 0 && p <= 1) || fail(fn, `routing[${i}][${j}]`, p, "a probability in [0, 1]"));
    const sum = row.reduce((a, p) => a + p, 0);
    if (sum > 1 + 1e-12) fail(fn, `routing[${i}] (row sum)`, sum, "at most 1");
  });
}

/** mathjs lusolve for an array system (it returns a column, n×1); null if A is singular. */
function solve(a: number[][], b: number[]): number[][] | null {
  try { return math().lusolve(a, b) as number[][]; } catch { return null; }
}

/**
 * An open Jackson network of M/M/c stations (J. R. Jackson (1957), "Networks of waiting
 * lines", Operations Research 5(4), 518–521; Jackson (1963), "Jobshop-like queueing systems",
 * Management Science 10(1), 131–142; Gross et al. 2008, ch. 4). The traffic equations
 * (I − Rᵀ)λ = γ are solved by LU decomposition (mathjs `lusolve`); each station then behaves
 * as an independent M/M/cᵢ queue with arrival rate λᵢ.
 * @param options - externalArrivals γ, routing R, serviceRates μ, servers c (one entry per station)
 * @returns arrival rates, visits per customer, per-station measures, mean time in system, stable
 * @throws RangeError naming an invalid option, or if some stations can never be left (I − Rᵀ singular)
 * @example
 * jacksonNetwork({ externalArrivals: [1, 0, 0], routing: [[0, 1, 0], [0, 0, 1], [0.2, 0, 0]],
 *   serviceRates: [0.8, 0.5, 1.5], servers: [2, 3, 1] }).meanTimeInSystem;
 * //=> 15.02126101771282
 */
export function jacksonNetwork(options: JacksonNetworkOptions): JacksonNetworkResult {
  checkNetwork(options);
  const { externalArrivals: gamma, routing, serviceRates, servers } = options;
  const trapped = (): never => fail("jacksonNetwork", "routing", JSON.stringify(routing), "such that every station can eventually be left");
  // Row j of I − Rᵀ: λⱼ − Σᵢ R[i][j]·λᵢ = γⱼ.
  const a = gamma.map((_, j) => gamma.map((_, i) => (i === j ? 1 : 0) - (routing[i]?.[j] as number)));
  const column = solve(a, [...gamma]) ?? trapped();
  // (I − Rᵀ)⁻¹ = Σₙ (Rᵀ)ⁿ ≥ 0 when it exists, so a negative λ can only be rounding: clamp to 0.
  const arrivalRates = column.map((row) => Math.max(0, row[0] as number));
  if (!arrivalRates.every(Number.isFinite)) trapped();
  const external = gamma.reduce((s, g) => s + g, 0);
  const stations = arrivalRates.map((l, i) => mmc({ arrivalRate: l, serviceRate: serviceRates[i] as number, servers: servers[i] as number }));
  const stable = stations.every((s) => s.stable);
  const inSystem = stations.reduce((s, st, i) => s + (arrivalRates[i] as number) * st.meanTimeInSystem, 0);
  const visitsPerCustomer = arrivalRates.map((l) => l / external);
  return { arrivalRates, visitsPerCustomer, stations, meanTimeInSystem: stable ? inSystem / external : Infinity, stable };
}
