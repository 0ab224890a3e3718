#!/usr/bin/env bash
# Model benchmark of this working tree against another commit, in one session: runs this tree's
# bench/model.ts (copied into the other commit's tree, so both sides measure the same way, with
# the minimal kernel as yardstick) of each alternately (ROUNDS times each, default 3) and prints
# every line and, per policy, the ratio of needs per second (this tree ÷ the other commit) and
# the ratio of kernel ratios (needs/s ÷ kernel events/s of the same run), best round of each.
# The order alternates between rounds (base first, then head first), so use an even number.
#   bash bench/model-against.sh <commit> [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bash bench/model-against.sh <commit> [rounds]}
rounds=${2:-3}
source bench/worktree.sh "$base"
cp bench/model.ts bench/minimalKernel.ts bench/record.ts "$dir/bench/"
out=$(mktemp)
base_round() { (cd "$dir" && ROUNDS=1 node_modules/.bin/tsx bench/model.ts) | sed 's/^/base /' | tee -a "$out"; }
head_round() { ROUNDS=1 node_modules/.bin/tsx bench/model.ts | sed 's/^/head /' | tee -a "$out"; }
# the side that runs second in a pair tends to be faster on this machine (identical code differed
# by up to 7%), so the order alternates: base-head, head-base, base-head, ...
for r in $(seq "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then base_round; head_round; else head_round; base_round; fi
done
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
const best = {};
const kernel = {};
for (const l of lines) {
  const [side, json] = [l.slice(0, 4), JSON.parse(l.slice(5))];
  const k = json.policy + " " + side;
  best[k] = Math.max(best[k] ?? 0, json.needsPerSecond);
  kernel[k] = Math.max(kernel[k] ?? 0, json.kernelRatio);
}
for (const p of ["minutes", "whole"]) {
  const [b, h] = [best[p + " base"], best[p + " head"]];
  const [kb, kh] = [kernel[p + " base"], kernel[p + " head"]];
  console.log(JSON.stringify({ policy: p, baseNeedsPerSecond: b, headNeedsPerSecond: h, ratio: Number((h / b).toFixed(3)), baseKernelRatio: kb, headKernelRatio: kh, kernelRatioRatio: Number((kh / kb).toFixed(3)) }));
}' "$out"
