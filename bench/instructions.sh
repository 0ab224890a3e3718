#!/usr/bin/env bash
# The model of this working tree against another commit, counted by Valgrind's cachegrind
# (bench/instructions.ts): builds the package of both, then counts the instructions and cache
# misses per need of a year of soderhamn under each preset, with each build. Counts do not
# depend on the machine's load, so they resolve what timed runs cannot on a shared machine.
#   bash bench/instructions.sh <commit> [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bash bench/instructions.sh <commit> [runs]}
runs=${2:-2}
source bench/worktree.sh "$base"
(cd "$dir" && npm run build --silent >/dev/null)
npm run build --silent >/dev/null
RUNS=$runs node_modules/.bin/tsx bench/instructions.ts "$dir/dist/index.js" "$PWD/dist/index.js"
