/**
 * One model under one implementation, for bench/engineInstructions.ts to count under Valgrind:
 * `<variant> <model> <customers>`, where variant is `kernel` (bench/minimalKernel.ts),
 * `calendar` (the kernel's logic on the engine's calendar; M/M/c only) or `engine` (Simulation
 * and Team), and model is `mm1`, `mm5` or `rework`. It runs a warm-up of 100,000 customers on
 * another seed, then `customers` customers three times, and prints the last mean wait, so that
 * the count of a larger run less that of a smaller one is the steady state's cost per customer.
 */
import { calendarMmc, runMmc, runNetwork } from "./engineModels.js";
import { minimalMmc, minimalNetwork } from "./minimalKernel.js";

const [variant = "", model = "", size = ""] = process.argv.slice(2);
const customers = Number(size);
const network = [
  { servers: 2, serviceRate: 0.8 },
  { servers: 3, serviceRate: 0.5 },
  { servers: 1, serviceRate: 1.5 },
];
const servers = model === "mm5" ? 5 : 1;
const one = (n: number, seed: number): number => {
  if (model === "rework") return (variant === "kernel" ? minimalNetwork(n, 1, network, 0.2, seed) : runNetwork(n, 1, network, 0.2, seed)).meanWait;
  const run = variant === "kernel" ? minimalMmc : variant === "calendar" ? calendarMmc : runMmc;
  return run(n, 0.9 * servers, 1, servers, seed).meanWait;
};
if (!["kernel", "calendar", "engine"].includes(variant) || !["mm1", "mm5", "rework"].includes(model) || !(customers > 0) || (variant === "calendar" && model === "rework")) {
  throw new Error(`usage: engineInstructionsRun.ts kernel|calendar|engine mm1|mm5|rework <customers> (no calendar variant of rework), got ${process.argv.slice(2).join(" ")}`);
}
one(100_000, 1001);
let wait = NaN;
for (let round = 0; round < 3; round++) wait = one(customers, 1);
console.log(`MEANWAIT ${wait}`);
