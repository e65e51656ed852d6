#!/usr/bin/env bash
# The paper's findings measured over many images (issue 17): `./sieve batch` on the first 100
# images of the committed MNIST and Fashion-MNIST test subsets, metric 1 and, where a model has
# decoders, metric 2, then the table, verdicts and plots of docs/findings/ from the batches'
# summaries. A benchmark-sized job (about an hour on 2 cores), not a test.
#   scripts/findings.sh [IMAGES] [STEPS]     defaults: 100 images, at most 200 optimisation steps
#   METRICS=information-discarding scripts/findings.sh     only metric 1 (default: both)
# Batches resume: run it again after an interruption and finished images are kept.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-100}"
steps="${2:-200}"
metrics="${METRICS:-information-discarding ru}"
work="$home/target/findings"
cd "$home"
./sieve models >/dev/null   # builds Sieve when its sources changed
for set in mnist fashion; do
    if [[ ! -d "$work/images/$set" ]]; then
        ./sieve export-samples "$set" "$count" "$work/images/$set" \
            --images "src/test/resources/testsets/$set-test-500-images.idx.gz" \
            --labels "src/test/resources/testsets/$set-test-500-labels.idx.gz"
    fi
done

vgg=block1.relu2,block1.pool,block2.relu2,block2.pool,block3.relu2,block3.pool,fc1,logits
# model, image set, layers, metrics. The VGGs' eight layers have equal-capacity decoders too, but
# metric 2 on them takes about 30 s per image (an hour and a half per 100): add ",ru" to run it.
runs=(
    "lenet5-mnist mnist all information-discarding,ru"
    "mlp-mnist mnist all information-discarding,ru"
    "vgg-fashion fashion $vgg information-discarding"
    "vgg-fashion-epoch1 fashion $vgg information-discarding"
)
for metric in $metrics; do
    for run in "${runs[@]}"; do
        read -r model set layers allowed <<<"$run"
        [[ ",$allowed," == *",$metric,"* ]] || continue
        out="$work/batch/$model-$metric"
        echo "== $model, $metric: $out" >&2
        ./sieve batch --model "$model" --images "$work/images/$set" --out "$out" --layers "$layers" \
            --mask auto --metric "$metric" --steps "$steps" --limit "$count" || [[ $? -eq 1 ]]   # 1: some layers or images failed; the summary says which
    done
done
./sieve findings-report "$work/batch" "$home/docs/findings" \
    --better-trained vgg-fashion:vgg-fashion-epoch1
