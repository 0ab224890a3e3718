# Sourced by model-against.sh and model-inprocess.sh: checks out commit $1 into a temporary git
# worktree (removed when the calling script exits), with this tree's node_modules linked in, and
# sets `dir` to it. Usage: source "$(dirname "$0")/worktree.sh" <commit>
dir=$(mktemp -d)
trap 'git worktree remove --force "$dir" >/dev/null 2>&1 || rm -rf "$dir"' EXIT
git worktree add --detach "$dir" "$1" >/dev/null 2>&1
ln -s "$PWD/node_modules" "$dir/node_modules"
