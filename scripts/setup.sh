#!/usr/bin/env bash
# Set up unsc from a fresh clone and run its main job:
#   a virtualenv in .venv with the package and its dev tools, then the record built from the real
#   data beside the checkout (../shared/data, or $UNSC_DATA_DIR), then one vote shown from it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -c constraints.txt -e '.[dev,bench]'
DATA=${UNSC_DATA_DIR:-../shared/data}
if [ -d "$DATA" ]; then
  .venv/bin/unsc build --from "$DATA"
  .venv/bin/unsc show S/2024/239
else
  echo "no data at $DATA: run '.venv/bin/unsc sync' to download it from the UN, then 'unsc build'" >&2
fi
