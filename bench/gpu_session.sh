#!/usr/bin/env bash
# The whole of a lent GPU session's benchmark run, in one command (docs/models.md, "The GPU benchmark").
#
#   bash bench/gpu_session.sh                      # on the GPU machine, after the wheels are installed
#   bash bench/gpu_session.sh --tiny-cpu-dry-run   # the same script on tiny configs, on this CPU
#
# Everything lands in $OUT (the device tool's folder that comes back; ./out/gpu_session when unset) as it
# is measured: log.txt (the whole output), results.jsonl (one line per figure, flushed as measured),
# figures.json and env.txt. A run killed at its limit still returns each family measured before it:
# `python bench/gpu_t2v.py --summarise results.jsonl` prints its table and closing line on any machine.
#
# GPU_SESSION_BUDGET_S (default 540; 3600 in the dry run) is the seconds this script may take in all: give the device call
# a timeout_s about 45 s above it (600 at most). If gpu_t2v dies (a CUDA fault, a kill), it is started
# again, up to twice, for the tasks it had not started, within what is left of the budget.
# Other arguments go to bench/gpu_t2v.py (e.g. --families wan21,ltx2 --rows core --steps 1).
set -uo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
PY="${PYTHON:-python3}"
OUT="${OUT:-$repo/out/gpu_session}"
mkdir -p "$OUT"
case " $* " in
    *" --tiny-cpu-dry-run "*) budget="${GPU_SESSION_BUDGET_S:-3600}" ;;  # a slow CPU is not cut short
    *) budget="${GPU_SESSION_BUDGET_S:-540}" ;;
esac
start=$(date +%s)
export PYTHONPATH="${PYTHONPATH:+$PYTHONPATH:}$repo" PYTHONUNBUFFERED=1
log="$OUT/log.txt"
jsonl="$OUT/results.jsonl"
: >"$jsonl"

{
    echo "gpu_session: $(date -u +%FT%TZ), budget ${budget} s, args: $*"
    command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
    "$PY" - <<'EOF'
import importlib.metadata as md
import sys
names = ("torch", "transformers", "diffusers", "accelerate", "peft", "safetensors", "huggingface-hub", "tokenizers",
         "pydantic", "pydantic-settings", "platformdirs", "torchao", "numpy", "scikit-image")
versions = []
for name in names:
    try:
        versions.append(f"{name} {md.version(name)}")
    except md.PackageNotFoundError:
        versions.append(f"{name} MISSING")
print("gpu_session: python " + sys.version.split()[0] + "; " + ", ".join(versions))
EOF
} 2>&1 | tee "$OUT/env.txt" "$log"

attempt=0
rc=0
while :; do
    left=$((start + budget - $(date +%s)))
    if [ "$left" -lt 45 ]; then
        echo "gpu_session: ${left} s left of ${budget} s; not starting gpu_t2v again" | tee -a "$log"
        break
    fi
    resume=()
    [ "$attempt" -gt 0 ] && resume=(--resume)
    # gpu_t2v counts its budget from its own start (imports included) and ends with its summary; 10 s spare
    "$PY" bench/gpu_t2v.py --jsonl "$jsonl" --json "$OUT/figures.json" --budget-s $((left - 10)) "${resume[@]}" "$@" \
        2>&1 | tee -a "$log"
    rc=${PIPESTATUS[0]}
    # 0: every task ran; 3: some failed or hit its cap (logged, the others measured); 2: nothing to measure
    if [ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || [ "$rc" -eq 3 ]; then
        break
    fi
    attempt=$((attempt + 1))
    if [ "$attempt" -gt 2 ]; then
        break
    fi
    echo "gpu_session: gpu_t2v ended with status $rc; again for the tasks it had not started" | tee -a "$log"
done
if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ] && [ "$rc" -ne 3 ]; then  # it died before its own summary
    "$PY" bench/gpu_t2v.py --summarise "$jsonl" --json "$OUT/figures.json" 2>&1 | tee -a "$log"
fi
echo "gpu_session: gpu_t2v status $rc after $(($(date +%s) - start)) s; files in $OUT: $(ls "$OUT" | tr '\n' ' ')" \
    | tee -a "$log"
exit "$rc"
