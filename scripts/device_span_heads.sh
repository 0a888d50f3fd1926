#!/usr/bin/env bash
# Train span heads on a lent GPU machine: the shipped soup and the four fold soups that cross-fit
# the reader's features (docs/quality.md, "Reproduce the weights"), all runs of a call side by side.
#
#   scripts/device_span_heads.sh PACK MODEL_DIR WORK [HEADS]      # HEADS default: "all A B P0 P1"
#
# PACK is one `train_span_head.py pack` of the public fit part and every tuning file; MODEL_DIR a
# copy of the bundled all-MiniLM-L6-v2 folder. Each head is a soup of runs that differ by seed only
# (six for `all`, three for a fold head), exported to WORK/span-NAME.onnx (int8) and .onnx.xz.
# Needs torch, transformers, onnx and onnxruntime, none of qa's own dependencies. For a dry run
# on a CPU: DEVICE=cpu EPOCHS=1 SEEDS="7 11".
set -euo pipefail
PACK=$1 MODEL=$2 WORK=$3 HEADS=${4:-all A B P0 P1}
S=scripts/train_span_head.py
mkdir -p "$WORK/logs"
# Fold groups of the tuning files: head A never sees G1 (and reads it for the reader's fit), B never G2.
G1="gold.jsonl heldout.jsonl heldout2.jsonl heldout3.jsonl heldout4.jsonl"
G2="heldout5.jsonl heldout6.jsonl heldout7.jsonl tuning-a.jsonl tuning-b.jsonl"
skip() { for f in "$@"; do printf -- ' --gold-skip %s' "$f"; done; }
declare -A ARGS=([all]="" [A]="$(skip $G1)" [B]="$(skip $G2)" [P0]="--only-fold 0" [P1]="--only-fold 1")
for name in $HEADS; do
  seeds=${SEEDS:-$([ "$name" = all ] && echo 7 11 13 17 19 23 || echo 7 11 13)}
  for seed in $seeds; do echo "$name $seed ${ARGS[$name]}" | sed 's/ *$//'; done  # xargs -L joins lines ending in a blank
done > "$WORK/jobs.txt"
run() {  # NAME SEED [ARGS...]
  local name=$1 seed=$2; shift 2
  python3 "$S" train --packed "$PACK" --device "${DEVICE:-cuda}" --model-dir "$MODEL" --epochs "${EPOCHS:-4}" \
    --lr 2e-4 --batch 32 --gold-repeat 2 --threads 1 --log-every 500 --seed "$seed" --save "$WORK/m-$name-$seed.pt" \
    "$@" > "$WORK/logs/$name-$seed.log" 2>&1 || { echo "FAILED $name $seed"; tail -n 5 "$WORK/logs/$name-$seed.log"; }
  echo "$(date +%T) done $name $seed: $(grep -o 'public questions.*windows' "$WORK/logs/$name-$seed.log")"
}
export -f run
export S PACK MODEL WORK
xargs -P "$(wc -l < "$WORK/jobs.txt")" -L 1 bash -c 'run "$@"' _ < "$WORK/jobs.txt"
for name in $HEADS; do
  (python3 "$S" soup "$WORK"/m-$name-*.pt --out "$WORK/soup-$name.pt" \
   && python3 "$S" export --state "$WORK/soup-$name.pt" --model-dir "$MODEL" --out "$WORK/span-$name.onnx" \
   && xz -T4 -6 -k -f "$WORK/span-$name.onnx") > "$WORK/logs/export-$name.log" 2>&1 &
done
wait
if [[ " $HEADS " == *" all "* ]]; then  # the shipped soup alone, gold paragraph given (docs/quality.md)
  python3 "$S" train --packed "$PACK" --device "${DEVICE:-cuda}" --model-dir "$MODEL" --epochs 0 \
    --init "$WORK/soup-all.pt" > "$WORK/logs/score-all.log" 2>&1 || true
fi
tail -n 2 "$WORK"/logs/*.log
ls -la "$WORK"/span-*
