#!/usr/bin/env bash
# Executes every teaching notebook (examples/notebooks/*.ipynb) in place, top to bottom, with
# the TypeScript kernel tslab against the built package, so that the committed files carry
# fresh outputs. Idempotent: installs only what is missing.
#
#   bash scripts/run-notebooks.sh                  install what is missing, then run every notebook
#   bash scripts/run-notebooks.sh --install-only   install Jupyter and the kernel, run nothing
#   bash scripts/run-notebooks.sh FILE.ipynb ...   run only these notebooks
#
# What it installs (see ../shared/docs/toolchain.md, "Notebooks"):
#   - Debian's Jupyter (jupyter-nbconvert, python3-ipykernel, jupyter-client, python3-nbformat)
#     with apt-get when /usr/bin/jupyter is missing; it runs on /usr/bin/python3, not on any
#     other python on PATH;
#   - the tslab kernel (the npm devDependency tslab, registered for /usr/bin/python3's Jupyter);
#   - the package itself (npm install, which builds dist/ through `prepare`) when it is missing.
# A cell that throws makes nbconvert, and so this script, fail with the cell and its error.
set -euo pipefail
cd "$(dirname "$0")/.."
# quiet the Python debugger's start-up warning about frozen modules
export PYDEVD_DISABLE_FILE_VALIDATION=1

install_only=false
notebooks=()
for arg in "$@"; do
  case "$arg" in
    --install-only) install_only=true ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) notebooks+=("$arg") ;;
  esac
done

# 1. Debian's Jupyter
if [ ! -x /usr/bin/jupyter ] || ! /usr/bin/python3 -c "import nbconvert, nbformat, ipykernel, jupyter_client" 2>/dev/null; then
  echo "run-notebooks: installing Debian's Jupyter (jupyter-nbconvert, python3-ipykernel)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
    jupyter-nbconvert python3-ipykernel jupyter-client python3-nbformat
fi

# 2. the package and tslab (a devDependency); npm install builds dist/ through `prepare`
if [ ! -x node_modules/.bin/tslab ]; then
  echo "run-notebooks: npm install (tslab is a devDependency)" >&2
  npm install --no-fund --no-audit
fi
if [ ! -f dist/index.cjs ]; then
  echo "run-notebooks: building the package" >&2
  npm run build --silent
fi

# 3. the kernel: registered for /usr/bin/python3's Jupyter, pointing at this checkout's tslab
kernel_binary() {
  /usr/bin/python3 -c "from jupyter_client.kernelspec import KernelSpecManager as K; print(K().get_kernel_spec('tslab').argv[0])" 2>/dev/null || true
}
if [ "$(kernel_binary)" != "$PWD/node_modules/.bin/tslab" ]; then
  echo "run-notebooks: installing the tslab kernel" >&2
  node_modules/.bin/tslab install --python=/usr/bin/python3 --binary="$PWD/node_modules/.bin/tslab"
fi

# 4. `import * as h from "helhet"` in a notebook: tslab's TypeScript (Node10 resolution) looks for
#    node_modules/helhet above the notebook, so link this package there (git ignores node_modules)
mkdir -p examples/notebooks/node_modules
ln -sfn ../../.. examples/notebooks/node_modules/helhet

if [ "$install_only" = true ]; then
  echo "run-notebooks: Jupyter and the tslab kernel are installed" >&2
  exit 0
fi

# 5. run every notebook in place (each runs in its own directory: `import "helhet"` loads this
#    package's built CJS files, dist/index.cjs). No timings are recorded, so the same package
#    gives byte-identical files (every run is seeded).
if [ "${#notebooks[@]}" -eq 0 ]; then
  notebooks=(examples/notebooks/*.ipynb)
fi
for nb in "${notebooks[@]}"; do
  start=$(date +%s)
  /usr/bin/jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.kernel_name=tslab --ExecutePreprocessor.timeout=300 \
    --ExecutePreprocessor.record_timing=False "$nb"
  echo "run-notebooks: $nb ran clean in $(( $(date +%s) - start )) s" >&2
done
