#!/usr/bin/python3
"""Which pixel range MobileNetV2's weights were fitted to, measured rather than guessed.

The first batch normalisation (bn_Conv1) stores the running mean of Conv1's outputs over the images
the network was trained on. Feed the sample photos in [0,1] and in [-1,1] (Keras' preprocess_input)
through Conv1 and compare each channel's mean with that stored mean: the right range matches.
Usage (Debian's python3 with numpy, torch, PIL): scripts/check-mobilenet-normalisation.py MODEL_DIR IMAGE...
MODEL_DIR is a TensorFlow.js layers folder (model.json + shards), e.g. assets/models/mobilenet-v2-imagenet.
"""
import json
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

folder = Path(sys.argv[1])
model = json.loads((folder / "model.json").read_text())
manifest = model["weightsManifest"][0]
data = b"".join((folder / p).read_bytes() for p in manifest["paths"])
weights, offset = {}, 0
for w in manifest["weights"]:
    n = int(np.prod(w["shape"]))
    q = w.get("quantization")
    if q:  # uint8 quantised, as nsfwjs ships them
        a = np.frombuffer(data, np.uint8, n, offset).astype(np.float32) * q["scale"] + q["min"]
        offset += n
    else:
        a = np.frombuffer(data, np.float32, n, offset)
        offset += 4 * n
    weights[w["name"]] = a.reshape(w["shape"])

kernel = torch.tensor(weights["Conv1/kernel"]).permute(3, 2, 0, 1)
stored = weights["bn_Conv1/moving_mean"]
for image in sys.argv[2:]:
    x = np.asarray(Image.open(image).convert("RGB").resize((224, 224), Image.BILINEAR), np.float32) / 255
    for name, pixels in (("[0,1]", x), ("[-1,1]", 2 * x - 1)):
        t = F.pad(torch.tensor(pixels).permute(2, 0, 1)[None], (0, 1, 0, 1))  # Conv1_pad, then valid
        mean = F.conv2d(t, kernel, stride=2)[0].reshape(kernel.shape[0], -1).mean(1).numpy()
        print(f"{Path(image).name:16} {name:7} mean |channel mean - stored mean| {np.abs(mean - stored).mean():.3f}"
              f"  correlation {np.corrcoef(mean, stored)[0, 1]:+.2f}")
print(f"stored means: mean |value| {np.abs(stored).mean():.3f}")
