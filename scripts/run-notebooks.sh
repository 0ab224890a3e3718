#!/usr/bin/env bash
# Executes every teaching notebook (examples/notebooks/*.ipynb) in place, top to bottom, with
# the TypeScript kernel tslab against the built package, so that the committed files carry
# fresh outputs. Idempotent: installs only what is missing.
#
#   bash scripts/run-notebooks.sh                  install what is missing, then run every notebook
#   bash scripts/run-notebooks.sh --install-only   install Jupyter and the kernel, run nothing
#   bash scripts/run-notebooks.sh FILE.ipynb ...   run only these notebooks
#
# Which Jupyter: the one of HELHET_PYTHON (a python executable) when set; otherwise Debian's
# /usr/bin/python3 when apt-get is there (CI), else the python3 on PATH (macOS, other Linux, a
# virtualenv or conda environment, Git Bash on Windows). What it installs when missing:
#   - Jupyter (nbconvert, ipykernel, jupyter_client, nbformat): with apt-get for Debian's
#     /usr/bin/python3 (root or sudo), otherwise `python -m pip install --user` (no root; inside a
#     virtualenv or conda environment, into it);
#   - the tslab kernel (the npm devDependency tslab, registered for that python's Jupyter);
#   - the package itself (npm install, which builds dist/ through `prepare`) when it is missing.
# docs/notebooks.md has the same steps by hand for macOS, Windows and Linux without root.
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
    -h|--help) sed -n 2,20p "$0"; exit 0 ;;
    *) notebooks+=("$arg") ;;
  esac
done

# 1. Jupyter, for the chosen python
if [ -n "${HELHET_PYTHON:-}" ]; then
  py="$HELHET_PYTHON"
elif [ -x /usr/bin/python3 ] && command -v apt-get >/dev/null 2>&1; then
  py=/usr/bin/python3
else
  py="$(command -v python3 || command -v python || true)"
  [ -n "$py" ] || { echo "run-notebooks: no python3 found: install Python 3 (python.org, Homebrew or conda) or set HELHET_PYTHON" >&2; exit 1; }
fi
if ! "$py" -c "import nbconvert, nbformat, ipykernel, jupyter_client" 2>/dev/null; then
  if [ "$py" = /usr/bin/python3 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-notebooks: installing Debian's Jupyter (jupyter-nbconvert, python3-ipykernel)" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
      jupyter-nbconvert python3-ipykernel jupyter-client python3-nbformat
  else
    echo "run-notebooks: installing Jupyter for $py with pip" >&2
    # --user outside a virtualenv or conda environment (no root needed); into the environment inside one
    user="--user"
    if "$py" -c "import sys; sys.exit(0 if sys.prefix != sys.base_prefix or 'CONDA_PREFIX' in __import__('os').environ else 1)"; then user=""; fi
    "$py" -m pip install $user --quiet nbconvert nbformat ipykernel jupyter_client
  fi
fi
jupyter() { "$py" -m jupyter "$@"; }

# 2. the package and tslab (a devDependency); npm install builds dist/ through `prepare`
if [ ! -x node_modules/.bin/tslab ]; then
  echo "run-notebooks: npm install (tslab is a devDependency)" >&2
  npm install --no-fund --no-audit
fi
if [ ! -f dist/index.cjs ]; then
  echo "run-notebooks: building the package" >&2
  npm run build --silent
fi

# 3. the kernel: registered for that python's Jupyter, pointing at this checkout's tslab
kernel_binary() {
  "$py" -c "from jupyter_client.kernelspec import KernelSpecManager as K; print(K().get_kernel_spec('tslab').argv[0])" 2>/dev/null || true
}
if [ "$(kernel_binary)" != "$PWD/node_modules/.bin/tslab" ]; then
  echo "run-notebooks: installing the tslab kernel" >&2
  node_modules/.bin/tslab install --python="$py" --binary="$PWD/node_modules/.bin/tslab"
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
  jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.kernel_name=tslab --ExecutePreprocessor.timeout=300 \
    --ExecutePreprocessor.record_timing=False "$nb"
  echo "run-notebooks: $nb ran clean in $(( $(date +%s) - start )) s" >&2
done
