/**
 * A hand-tuned minimal discrete-event kernel for M/M/c, as a yardstick for the engine: one
 * typed-array binary heap of (time, kind) with an insertion sequence for ties, a FIFO ring of
 * arrival times, and the same random streams. No teams, no hooks, no statistics beyond the
 * mean wait. The engine's speed is reported as a ratio to this, measured in the same run.
 */
import { createStream } from "../src/random/index.js";

export function minimalMmc(customers: number, arrivalRate: number, serviceRate: number, servers: number, seed: number): { seconds: number; meanWait: number } {
  const a = createStream(seed, 0, "arrivals");
  const s = createStream(seed, 0, "service:0");
  const cap = 1 << 12;
  const ht = new Float64Array(cap);
  const hs = new Float64Array(cap);
  const hk = new Uint8Array(cap);
  let n = 0;
  let seq = 0;
  const push = (t: number, k: number) => {
    let i = n++;
    const q = seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ht[p]! < t || (ht[p] === t && hs[p]! < q)) break;
      ht[i] = ht[p]!;
      hs[i] = hs[p]!;
      hk[i] = hk[p]!;
      i = p;
    }
    ht[i] = t;
    hs[i] = q;
    hk[i] = k;
  };
  const pop = () => {
    const lt = ht[--n]!;
    const ls = hs[n]!;
    const lk = hk[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (ht[c + 1]! < ht[c]! || (ht[c + 1] === ht[c] && hs[c + 1]! < hs[c]!))) c++;
      if (lt < ht[c]! || (lt === ht[c] && ls < hs[c]!)) break;
      ht[i] = ht[c]!;
      hs[i] = hs[c]!;
      hk[i] = hk[c]!;
      i = c;
    }
    ht[i] = lt;
    hs[i] = ls;
    hk[i] = lk;
  };
  const ring = new Float64Array(1 << 20);
  const mask = ring.length - 1;
  let head = 0;
  let tail = 0;
  let busy = 0;
  let waitSum = 0;
  let arrived = 0;
  const t0 = performance.now();
  push(-Math.log(1 - a()) / arrivalRate, 0);
  while (n > 0) {
    const now = ht[0]!;
    const kind = hk[0]!;
    pop();
    if (kind === 0) {
      arrived++;
      if (busy < servers) {
        busy++;
        push(now - Math.log(1 - s()) / serviceRate, 1);
      } else ring[tail++ & mask] = now;
      if (arrived < customers) push(now - Math.log(1 - a()) / arrivalRate, 0);
    } else if (head < tail) {
      waitSum += now - ring[head++ & mask]!;
      push(now - Math.log(1 - s()) / serviceRate, 1);
    } else busy--;
  }
  return { seconds: (performance.now() - t0) / 1000, meanWait: waitSum / customers };
}

/** A station of {@link minimalNetwork}. */
export interface MinimalStation {
  readonly servers: number;
  readonly serviceRate: number;
}

/**
 * The same minimal kernel for the rework network of the engine benchmark: customers arrive at
 * station 0, go through the stations in order, and after the last go back to station 0 with
 * probability `rework`. A service time is drawn when the customer reaches a station (from that
 * station's stream `service:i`, as the engine benchmark does), so both see the same numbers
 * and give the same mean wait. The heap's kind byte is 0 for an arrival and 1 + the station
 * for a completion; each station has a FIFO ring of (time reached, service time).
 *
 * @returns the seconds, the mean wait per visit and the visits
 */
export function minimalNetwork(customers: number, arrivalRate: number, stations: readonly MinimalStation[], rework: number, seed: number): { seconds: number; meanWait: number; nodeVisits: number } {
  const a = createStream(seed, 0, "arrivals");
  const routing = createStream(seed, 0, "routing");
  const streams = stations.map((_, i) => createStream(seed, 0, `service:${i}`));
  const rates = Float64Array.from(stations, (s) => s.serviceRate);
  const servers = Int32Array.from(stations, (s) => s.servers);
  const S = stations.length;
  const cap = 1 << 14;
  const ht = new Float64Array(cap);
  const hs = new Float64Array(cap);
  const hk = new Uint8Array(cap);
  let n = 0;
  let seq = 0;
  const push = (t: number, k: number) => {
    let i = n++;
    const q = seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ht[p]! < t || (ht[p] === t && hs[p]! < q)) break;
      ht[i] = ht[p]!;
      hs[i] = hs[p]!;
      hk[i] = hk[p]!;
      i = p;
    }
    ht[i] = t;
    hs[i] = q;
    hk[i] = k;
  };
  const pop = () => {
    const lt = ht[--n]!;
    const ls = hs[n]!;
    const lk = hk[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (ht[c + 1]! < ht[c]! || (ht[c + 1] === ht[c] && hs[c + 1]! < hs[c]!))) c++;
      if (lt < ht[c]! || (lt === ht[c] && ls < hs[c]!)) break;
      ht[i] = ht[c]!;
      hs[i] = hs[c]!;
      hk[i] = hk[c]!;
      i = c;
    }
    ht[i] = lt;
    hs[i] = ls;
    hk[i] = lk;
  };
  const ringSize = 1 << 20;
  const mask = ringSize - 1;
  const ringT = stations.map(() => new Float64Array(ringSize));
  const ringS = stations.map(() => new Float64Array(ringSize));
  const head = new Int32Array(S);
  const tail = new Int32Array(S);
  const busy = new Int32Array(S);
  let waitSum = 0;
  let visits = 0;
  let arrived = 0;
  const visit = (s: number, now: number) => {
    const service = -Math.log(1 - streams[s]!()) / rates[s]!;
    visits++;
    if (busy[s]! < servers[s]!) {
      busy[s]!++;
      push(now + service, 1 + s);
    } else {
      const at = tail[s]!++ & mask;
      ringT[s]![at] = now;
      ringS[s]![at] = service;
    }
  };
  const t0 = performance.now();
  push(-Math.log(1 - a()) / arrivalRate, 0);
  while (n > 0) {
    const now = ht[0]!;
    const kind = hk[0]!;
    pop();
    if (kind === 0) {
      arrived++;
      visit(0, now);
      if (arrived < customers) push(now - Math.log(1 - a()) / arrivalRate, 0);
      continue;
    }
    const s = kind - 1;
    if (head[s]! < tail[s]!) {
      const at = head[s]!++ & mask;
      waitSum += now - ringT[s]![at]!;
      push(now + ringS[s]![at]!, kind);
    } else busy[s]!--;
    if (s + 1 < S) visit(s + 1, now);
    else if (routing() < rework) visit(0, now);
  }
  return { seconds: (performance.now() - t0) / 1000, meanWait: waitSum / visits, nodeVisits: visits };
}
