#!/usr/bin/python3
"""The authors' optimisation loop (Ma et al., ICML 2022, METHOD.md section 2), in PyTorch, on a
Sieve model folder: the reference that `scripts/reference/against_reference.py` times Sieve
against. A benchmark, not a test: it needs Debian's python3-torch, which CI does not install.

Per layer, as the authors' code does it: sigma is a raw per-cell parameter initialised to
sigma0, the loss is D(sigma)/D0 - lambda * mean(log sigma), plain SGD with lr 1e-4 for 100 steps
of 8 noise draws, and the sigma of the step whose D/D0 came closest to tau is kept. Everything
else is Sieve's convention, so the two measure the same thing: noise in pixel space with the
model's normalisation after it, nearest-neighbour upsampling of the sigma grid, phi = ReLU for
hidden layers and the identity at the output or at softmax, D0 from 64 draws of sigma0 noise.
The kept sigma's D/D0 is re-measured on 64 fresh draws, as Sieve's constraint check does.

Usage: authors_loop.py MODEL_FOLDER IMAGE [--layers all|conv|L1,L2] [--json]
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

LAMBDA = 5.0
LEARNING_RATE = 1e-4
STEPS = 100
DRAWS = 8
CHECK_DRAWS = 64
SIGMA0 = 0.01
TAU = 1.5
CONV_CLASSES = {"Conv2D", "DepthwiseConv2D"}


def keras_config(model_json):
    topology = model_json["modelTopology"]
    return topology.get("model_config", topology)["config"]


def read_weights(folder, model_json):
    """Weight name -> float32 tensor, from the TF.js manifest's shards (float32 as Sieve writes them)."""
    weights = {}
    for group in model_json["weightsManifest"]:
        data = b"".join(open(os.path.join(folder, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            if spec.get("dtype", "float32") != "float32" or "quantization" in spec:
                sys.exit(f"{spec['name']}: only float32 weights are read by this reference")
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            values = np.frombuffer(data, dtype="<f4", count=count, offset=offset)
            weights[spec["name"]] = torch.from_numpy(values.reshape(spec["shape"]).copy())
            offset += 4 * count
    return weights


def same_padding(size, kernel, stride, dilation):
    """TensorFlow's 'same': the total padding, more of it after than before."""
    out = -(-size // stride)
    total = max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2


def pad_for(x, config, kernel, value=0.0):
    """Pads an NCHW tensor as Keras would for this layer's padding mode."""
    if config.get("padding", "valid") != "same":
        return x
    stride = config.get("strides", [1, 1])
    dilation = config.get("dilation_rate", [1, 1])
    top, bottom = same_padding(x.shape[2], kernel[0], stride[0], dilation[0])
    left, right = same_padding(x.shape[3], kernel[1], stride[1], dilation[1])
    return F.pad(x, (left, right, top, bottom), value=value)


def activate(x, name):
    if name in (None, "linear"):
        return x
    if name == "relu":
        return F.relu(x)
    if name == "relu6":
        return torch.clamp(x, 0, 6)
    if name == "sigmoid":
        return torch.sigmoid(x)
    if name == "tanh":
        return torch.tanh(x)
    if name == "softmax":
        return F.softmax(x, dim=1)
    sys.exit(f"activation {name} is not supported by this reference")


class KerasNetwork:
    """A Keras Functional topology evaluated in NCHW with the folder's weights."""

    def __init__(self, folder):
        with open(os.path.join(folder, "model.json")) as f:
            model_json = json.load(f)
        config = keras_config(model_json)
        self.layers = config["layers"]
        self.weights = read_weights(folder, model_json)
        self.by_name = {layer["config"]["name"]: layer for layer in self.layers}
        self.output = config["output_layers"][0][0]

    def inputs_of(self, layer):
        nodes = layer.get("inbound_nodes") or []
        return [inbound[0] for inbound in nodes[0]] if nodes else []

    def ancestors(self, names):
        """The layers needed to compute `names`, in the file's (topological) order."""
        needed, stack = set(), list(names)
        while stack:
            name = stack.pop()
            if name not in needed:
                needed.add(name)
                stack.extend(self.inputs_of(self.by_name[name]))
        return [layer for layer in self.layers if layer["config"]["name"] in needed]

    def forward(self, x, names):
        """Outputs of the layers `names` for an NCHW batch x (already normalised)."""
        values = {}
        for layer in self.ancestors(names):
            name = layer["config"]["name"]
            inputs = [values[i] for i in self.inputs_of(layer)]
            values[name] = x if layer["class_name"] == "InputLayer" else self.apply(layer, inputs)
        return [values[n] for n in names]

    def apply(self, layer, inputs):
        kind, c, w = layer["class_name"], layer["config"], self.weights
        name = c["name"]
        x = inputs[0] if inputs else None
        if kind == "Conv2D":
            kernel = w[name + "/kernel"]
            x = pad_for(x, c, kernel.shape[:2])
            y = F.conv2d(x, kernel.permute(3, 2, 0, 1), w.get(name + "/bias") if c.get("use_bias", True) else None,
                         stride=c["strides"], dilation=c.get("dilation_rate", [1, 1]), groups=c.get("groups", 1))
            return activate(y, c.get("activation"))
        if kind == "DepthwiseConv2D":
            kernel = w[name + "/depthwise_kernel"]
            kh, kw, cin, mult = kernel.shape
            x = pad_for(x, c, (kh, kw))
            y = F.conv2d(x, kernel.permute(2, 3, 0, 1).reshape(cin * mult, 1, kh, kw),
                         w.get(name + "/bias") if c.get("use_bias", True) else None,
                         stride=c["strides"], dilation=c.get("dilation_rate", [1, 1]), groups=cin)
            return activate(y, c.get("activation"))
        if kind == "BatchNormalization":
            channels = x.shape[1]
            gamma = w.get(name + "/gamma", torch.ones(channels)) if c.get("scale", True) else torch.ones(channels)
            beta = w.get(name + "/beta", torch.zeros(channels)) if c.get("center", True) else torch.zeros(channels)
            return F.batch_norm(x, w[name + "/moving_mean"], w[name + "/moving_variance"], gamma, beta,
                                training=False, eps=c.get("epsilon", 1e-3))
        if kind == "Activation":
            return activate(x, c["activation"])
        if kind == "ReLU":
            y = torch.where(x >= c.get("threshold", 0.0), x, c.get("negative_slope", 0.0) * (x - c.get("threshold", 0.0)))
            return torch.clamp(y, max=c["max_value"]) if c.get("max_value") is not None else y
        if kind in ("MaxPooling2D", "AveragePooling2D"):
            size, stride = c["pool_size"], c.get("strides") or c["pool_size"]
            if kind == "MaxPooling2D":
                return F.max_pool2d(pad_for(x, dict(c, strides=stride), size, -math.inf), size, stride)
            if c.get("padding", "valid") == "same":
                sys.exit(f"{name}: average pooling with 'same' padding is not supported by this reference")
            return F.avg_pool2d(x, size, stride)
        if kind == "GlobalAveragePooling2D":
            return x.mean(dim=(2, 3))
        if kind == "GlobalMaxPooling2D":
            return x.amax(dim=(2, 3))
        if kind == "ZeroPadding2D":
            p = c["padding"]
            (top, bottom), (left, right) = (p, p) if isinstance(p, int) else (
                ((p[0], p[0]), (p[1], p[1])) if isinstance(p[0], int) else p)
            return F.pad(x, (left, right, top, bottom))
        if kind == "Flatten":
            # Keras flattens channels-last.
            return (x.permute(0, 2, 3, 1) if x.dim() == 4 else x).reshape(x.shape[0], -1)
        if kind == "Dense":
            y = x @ w[name + "/kernel"]
            if c.get("use_bias", True):
                y = y + w[name + "/bias"]
            return activate(y, c.get("activation"))
        if kind == "Dropout":
            return x
        if kind == "Add":
            return sum(inputs)
        if kind == "Rescaling":
            return x * c["scale"] + c.get("offset", 0.0)
        sys.exit(f"{name}: layer class {kind} is not supported by this reference")

    def identity_phi(self, name):
        c = self.by_name[name]["config"]
        return name == self.output or c.get("activation") == "softmax"


def load_image(path, height, width, channels):
    """Stretched to the model's input as Sieve does by default, intensities in [0,1], NCHW."""
    image = Image.open(path).convert("L" if channels == 1 else "RGB").resize((width, height), Image.BILINEAR)
    pixels = np.asarray(image, dtype=np.float32) / 255.0
    pixels = pixels[:, :, None] if channels == 1 else pixels
    return torch.from_numpy(pixels.transpose(2, 0, 1)[None].copy())


class Reference:
    """The authors' loop for one layer at a time."""

    def __init__(self, folder, image_path):
        self.net = KerasNetwork(folder)
        with open(os.path.join(folder, "sieve.json")) as f:
            meta = json.load(f)
        self.height, self.width, self.channels = meta["inputHeight"], meta["inputWidth"], meta["inputChannels"]
        self.mean = torch.tensor(meta["normalizationMean"]).view(1, -1, 1, 1)
        self.std = torch.tensor(meta["normalizationStd"]).view(1, -1, 1, 1)
        grid = meta.get("sigmaGrid")
        if not grid:
            grid = [self.height, self.width] if max(self.height, self.width) <= 32 else [16, 16]
        self.grid = grid
        self.image = load_image(image_path, self.height, self.width, self.channels)

    def features(self, pixels, name):
        return self.net.forward((pixels - self.mean) / self.std, [name])[0]

    def distortion(self, sigma, name, clean, draws):
        up = F.interpolate(sigma.view(1, 1, *self.grid), size=(self.height, self.width), mode="nearest")
        noisy = self.image + up * torch.randn(draws, self.channels, self.height, self.width)
        out = self.features(noisy, name)
        if not self.net.identity_phi(name):
            out = F.relu(out)
        return ((out - clean) ** 2).mean()

    def layer(self, name):
        start = time.perf_counter()
        with torch.no_grad():
            clean = self.features(self.image, name)
            if not self.net.identity_phi(name):
                clean = F.relu(clean)
            d0 = self.distortion(torch.full(self.grid, SIGMA0), name, clean, CHECK_DRAWS).item()
        sigma = torch.full(self.grid, SIGMA0, requires_grad=True)
        optimiser = torch.optim.SGD([sigma], lr=LEARNING_RATE)
        best, best_gap = sigma.detach().clone(), math.inf
        step_seconds = []
        for _ in range(STEPS):
            t = time.perf_counter()
            ratio = self.distortion(sigma, name, clean, DRAWS) / d0
            loss = ratio - LAMBDA * torch.log(sigma).mean()
            optimiser.zero_grad()
            loss.backward()
            if abs(ratio.item() - TAU) < best_gap:
                best, best_gap = sigma.detach().clone(), abs(ratio.item() - TAU)
            optimiser.step()
            step_seconds.append(time.perf_counter() - t)
        with torch.no_grad():
            checked = self.distortion(best, name, clean, CHECK_DRAWS).item() / d0
        h = (torch.log(best) + 0.5 * math.log(2 * math.pi * math.e)).mean().item()
        return {"layer": name, "seconds": time.perf_counter() - start, "msPerStep": 1000 * np.median(step_seconds),
                "ratio": checked, "entropyPerDim": h}


def chosen_layers(net, choice):
    analysable = [l for l in net.layers if l["class_name"] != "InputLayer"]
    if choice == "all":
        return [l["config"]["name"] for l in analysable]
    if choice == "conv":
        return [l["config"]["name"] for l in analysable if l["class_name"] in CONV_CLASSES]
    return choice.split(",")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("image")
    parser.add_argument("--layers", default="all")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=os.cpu_count(),
                        help="PyTorch's intra-op threads (default: one per core)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    ref = Reference(args.model, args.image)
    start = time.perf_counter()
    results = [ref.layer(name) for name in chosen_layers(ref.net, args.layers)]
    report = {"seconds": time.perf_counter() - start, "threads": torch.get_num_threads(),
              "torch": torch.__version__, "layers": results}
    if args.json:
        print(json.dumps(report))
        return
    for r in results:
        print(f"{r['layer']:30s} {r['seconds']:7.2f} s  {r['msPerStep']:7.2f} ms/step  D/D0 {r['ratio']:5.2f}"
              f"  h {r['entropyPerDim']:6.3f}")
    print(f"all layers: {report['seconds']:.2f} s on {report['threads']} threads, torch {report['torch']}")


if __name__ == "__main__":
    main()
