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
