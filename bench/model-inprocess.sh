#!/usr/bin/env bash
# The model of this working tree against another commit, in one process (bench/modelInProcess.ts):
# builds the package of both, then simulates a year of soderhamn with each build in turn, ROUNDS
# times per preset (default 10), and prints the fastest run of each and the ratio of needs per
# second (this tree ÷ the other commit). Steadier than model-against.sh on a shared machine.
#   bash bench/model-inprocess.sh <commit> [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bash bench/model-inprocess.sh <commit> [rounds]}
rounds=${2:-10}
source bench/worktree.sh "$base"
(cd "$dir" && npm run build --silent >/dev/null)
npm run build --silent >/dev/null
ROUNDS=$rounds node_modules/.bin/tsx bench/modelInProcess.ts "$dir/dist/index.js" "$PWD/dist/index.js"
