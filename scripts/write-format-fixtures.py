#!/usr/bin/python3
"""Writes the model files the format tests open, into src/test/resources/formats.

No Keras writer can be installed offline, so the Keras files are written with h5py in Keras's own
layouts, checked against Keras's source (keras/src/saving/saving_lib.py for .keras: config.json,
metadata.json and model.weights.h5 with each layer's variables at <path>/vars/<i>, layers named by
class in snake case; keras/src/legacy/saving/legacy_h5_format.py for .h5: root attribute
model_config, group model_weights with layer_names and per-layer weight_names). The same network
is computed here in numpy; its outputs are the committed reference (keras-reference.json).
PyTorch files (torch.save, TorchScript, ONNX export) come from PyTorch itself.

Run with Debian's python3 (h5py, numpy, torch): /usr/bin/python3 scripts/write-format-fixtures.py
With --large DIR it writes instead a VGG-sized Sequential network (large.h5, large.keras) to time opening.
"""
import io
import json
import os
import zipfile

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "formats")
rng = np.random.default_rng(11)


def rand(*shape, scale=0.5):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


# The network: input 12x12x3 -> conv1 (4, 3x3 same, relu) -> bn1 -> pool1 (2x2 max)
#   -> block, a nested model: block_conv (6, 3x3 valid) -> block_bn -> block_relu
#   -> gap -> probs (dense 5, softmax)
W = {
    "conv1": [rand(3, 3, 3, 4), rand(4, scale=0.1)],
    "bn1": [1 + rand(4, scale=0.1), rand(4, scale=0.1), rand(4, scale=0.1), 0.5 + np.abs(rand(4))],
    "block_conv": [rand(3, 3, 4, 6), rand(6, scale=0.1)],
    "block_bn": [1 + rand(6, scale=0.1), rand(6, scale=0.1), rand(6, scale=0.1), 0.5 + np.abs(rand(6))],
    "probs": [rand(6, 5), rand(5, scale=0.1)],
}
EPS = 1e-3


def conv(x, k, b, pad):
    if pad:
        x = np.pad(x, ((1, 1), (1, 1), (0, 0)))
    h, w = x.shape[0] - 2, x.shape[1] - 2
    out = np.zeros((h, w, k.shape[3]), np.float64)
    for i in range(h):
        for j in range(w):
            out[i, j] = np.tensordot(x[i:i + 3, j:j + 3, :], k, axes=3)
    return out + b


def bn(x, p):
    gamma, beta, mean, var = p
    return (x - mean) / np.sqrt(var + EPS) * gamma + beta


def forward(x):
    outs = {}
    outs["conv1"] = np.maximum(conv(x, *W["conv1"], pad=True), 0)
    outs["bn1"] = bn(outs["conv1"], W["bn1"])
    outs["pool1"] = outs["bn1"].reshape(6, 2, 6, 2, 4).max(axis=(1, 3))
    outs["block_conv"] = conv(outs["pool1"], *W["block_conv"], pad=False)
    outs["block_bn"] = bn(outs["block_conv"], W["block_bn"])
    outs["block_relu"] = np.maximum(outs["block_bn"], 0)
    outs["gap"] = outs["block_relu"].mean(axis=(0, 1))
    logits = outs["gap"] @ W["probs"][0] + W["probs"][1]
    e = np.exp(logits - logits.max())
    outs["probs"] = e / e.sum()
    return outs


def conv_config(name, filters, padding, activation):
    return {"name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": [3, 3],
            "strides": [1, 1], "padding": padding, "data_format": "channels_last", "dilation_rate": [1, 1],
            "groups": 1, "activation": activation, "use_bias": True}


def bn_config(name):
    return {"name": name, "trainable": True, "dtype": "float32", "axis": -1, "momentum": 0.99, "epsilon": EPS,
            "center": True, "scale": True}


LAYERS = [  # (class, config, input), input None for the input layer
    ("InputLayer", {"name": "image", "dtype": "float32"}, None),
    ("Conv2D", conv_config("conv1", 4, "same", "relu"), "image"),
    ("BatchNormalization", bn_config("bn1"), "conv1"),
    ("MaxPooling2D", {"name": "pool1", "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
                      "data_format": "channels_last"}, "bn1"),
    ("BLOCK", None, "pool1"),
    ("GlobalAveragePooling2D", {"name": "gap", "data_format": "channels_last", "keepdims": False}, "block"),
    ("Dense", {"name": "probs", "trainable": True, "dtype": "float32", "units": 5, "activation": "softmax",
               "use_bias": True}, "gap"),
]
BLOCK = [
    ("InputLayer", {"name": "block_in", "dtype": "float32"}, None),
    ("Conv2D", conv_config("block_conv", 6, "valid", "linear"), "block_in"),
    ("BatchNormalization", bn_config("block_bn"), "block_conv"),
    ("Activation", {"name": "block_relu", "trainable": True, "dtype": "float32", "activation": "relu"}, "block_bn"),
]
LAMBDA = ("Lambda", {"name": "sneaky", "function": ["4wEAAAAAAAAA", None, None], "function_type": "lambda"}, "image")


# ---- Keras 2 (tf.keras 2.x) whole-model .h5 ----

def k2_layer(cls, config, inbound, batch_shape):
    config = dict(config)
    if cls == "InputLayer":
        config["batch_input_shape"] = batch_shape
    nodes = [] if inbound is None else [[[inbound, 0, 0, {}]]]
    return {"class_name": cls, "config": config, "name": config["name"], "inbound_nodes": nodes}


def k2_model(extra=()):
    block = {"class_name": "Functional", "name": "block", "inbound_nodes": [[["pool1", 0, 0, {}]]],
             "config": {"name": "block", "trainable": True,
                        "layers": [k2_layer(c, cfg, i, [None, 6, 6, 4]) for c, cfg, i in BLOCK],
                        "input_layers": [["block_in", 0, 0]], "output_layers": [["block_relu", 0, 0]]}}
    layers = [block if c == "BLOCK" else k2_layer(c, cfg, i, [None, 12, 12, 3]) for c, cfg, i in LAYERS]
    layers += [k2_layer(c, cfg, i, None) for c, cfg, i in extra]
    return {"class_name": "Functional", "config": {"name": "model", "trainable": True, "layers": layers,
                                                    "input_layers": [["image", 0, 0]],
                                                    "output_layers": [["probs", 0, 0]]},
            "keras_version": "2.15.0", "backend": "tensorflow"}


WEIGHT_NAMES = {"Conv2D": ["kernel", "bias"], "Dense": ["kernel", "bias"],
                "BatchNormalization": ["gamma", "beta", "moving_mean", "moving_variance"]}


def write_h5(path, config, weights_only=False):
    with h5py.File(path, "w") as f:
        if not weights_only:
            f.attrs["keras_version"] = b"2.15.0"
            f.attrs["backend"] = b"tensorflow"
            f.attrs["model_config"] = json.dumps(config).encode("utf8")
        g = f if weights_only else f.create_group("model_weights")
        names = [cfg["name"] if c != "BLOCK" else "block" for c, cfg, _ in LAYERS]
        g.attrs["layer_names"] = np.array([n.encode("utf8") for n in names])
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = b"2.15.0"
        for cls, cfg, _ in LAYERS:
            if cls == "BLOCK":
                lg = g.create_group("block")
                # A nested model stores its trainable weights first, then the others.
                trainable = [("block_conv", "kernel", 0), ("block_conv", "bias", 1),
                             ("block_bn", "gamma", 0), ("block_bn", "beta", 1)]
                others = [("block_bn", "moving_mean", 2), ("block_bn", "moving_variance", 3)]
                entries = [(f"{l}/{n}:0", W[l][i]) for l, n, i in trainable + others]
            else:
                lg = g.create_group(cfg["name"])
                entries = [(f"{cfg['name']}/{n}:0", W[cfg['name']][i])
                           for i, n in enumerate(WEIGHT_NAMES.get(cls, []))]
            lg.attrs["weight_names"] = np.array([n.encode("utf8") for n, _ in entries], dtype="S")
            for n, v in entries:
                lg.create_dataset(n, data=v)


# ---- Keras 3 .keras ----

def k3_layer(cls, config, inbound, batch_shape, registered=None, module="keras.layers"):
    config = dict(config)
    if cls == "InputLayer":
        config["batch_shape"] = batch_shape
    nodes = [] if inbound is None else [{"args": [{"class_name": "__keras_tensor__", "config": {
        "shape": None, "dtype": "float32", "keras_history": [inbound, 0, 0]}}], "kwargs": {}}]
    return {"module": module, "class_name": cls, "config": config, "registered_name": registered,
            "name": config["name"], "inbound_nodes": nodes}


def k3_model(extra=()):
    block = {"module": "keras.src.models.functional", "class_name": "Functional", "registered_name": "Functional",
             "name": "block", "inbound_nodes": k3_layer("X", {"name": "x"}, "pool1", None)["inbound_nodes"],
             "config": {"name": "block", "trainable": True,
                        "layers": [k3_layer(c, cfg, i, [None, 6, 6, 4]) for c, cfg, i in BLOCK],
                        "input_layers": [["block_in", 0, 0]], "output_layers": [["block_relu", 0, 0]]}}
    layers = [block if c == "BLOCK" else k3_layer(c, cfg, i, [None, 12, 12, 3]) for c, cfg, i in LAYERS]
    layers += list(extra)
    return {"module": "keras.src.models.functional", "class_name": "Functional", "registered_name": "Functional",
            "config": {"name": "functional", "trainable": True, "layers": layers,
                       "input_layers": [["image", 0, 0]], "output_layers": [["probs", 0, 0]]},
            "compile_config": None}


def snake_names(classes):
    used, out = {}, []
    for c in classes:
        base = {"InputLayer": "input_layer", "Flatten": "flatten", "Conv2D": "conv2d", "BatchNormalization": "batch_normalization",
                "MaxPooling2D": "max_pooling2d", "BLOCK": "functional", "Activation": "activation",
                "GlobalAveragePooling2D": "global_average_pooling2d", "Dense": "dense"}[c]
        out.append(base if base not in used else f"{base}_{used[base] + 1}")
        used[base] = used.get(base, -1) + 1
    return out


def keras3_weights():
    buf = io.BytesIO()
    with h5py.File(buf, "w") as f:
        f.create_group("vars")
        for (cls, cfg, _), path in zip(LAYERS, snake_names([c for c, _, _ in LAYERS])):
            g = f.create_group("layers/" + path)
            v = g.create_group("vars")
            if cls == "BLOCK":
                for (bc, bcfg, _), bpath in zip(BLOCK, snake_names([c for c, _, _ in BLOCK])):
                    bv = g.create_group("layers/" + bpath).create_group("vars")
                    for i, w in enumerate(W.get(bcfg["name"], [])):
                        bv.create_dataset(str(i), data=w)
            else:
                for i, w in enumerate(W.get(cfg["name"], [])):
                    v.create_dataset(str(i), data=w)
    return buf.getvalue()


def put(z, name, data):
    """A zip entry with a fixed date, so that rerunning the script gives the same bytes."""
    z.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 26, 9, 0, 0)), data)


def write_keras(path, config, extra_entries=()):
    with zipfile.ZipFile(path, "w") as z:
        put(z, "metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2026-11-26@09:00:00"}))
        put(z, "config.json", json.dumps(config))
        put(z, "model.weights.h5", keras3_weights())
        for name, data in extra_entries:
            put(z, name, data)


# ---- Sequential models (Keras numbers repeated classes: conv2d, conv2d_1) ----

def sequential_layers(size, channels, filters):
    """Convolutions (3x3 same, relu) doubling filters after each pooling, then flatten and dense 4."""
    layers, h, c = [], size, channels
    for i, f in enumerate(filters):
        layers.append(("Conv2D", conv_config(f"c{i + 1}", f, "same", "relu"), [rand(3, 3, c, f, scale=(2 / (9 * c)) ** 0.5),
                                                                          rand(f, scale=0.1)]))
        c = f
        if i % 2 == 1:
            layers.append(("MaxPooling2D", {"name": f"p{i + 1}", "pool_size": [2, 2], "padding": "valid",
                                            "strides": [2, 2], "data_format": "channels_last"}, []))
            h //= 2
    layers.append(("Flatten", {"name": "flat", "data_format": "channels_last"}, []))
    layers.append(("Dense", {"name": "out", "trainable": True, "dtype": "float32", "units": 4, "activation": "linear",
                             "use_bias": True}, [rand(h * h * c, 4, scale=(1 / (h * h * c)) ** 0.5), rand(4, scale=0.1)]))
    return layers


def sequential_forward(layers, x):
    outs = {}
    for cls, cfg, w in layers:
        if cls == "Conv2D":
            x = np.maximum(conv(x, w[0], w[1], pad=True), 0)
        elif cls == "MaxPooling2D":
            h, wd, c = x.shape
            x = x.reshape(h // 2, 2, wd // 2, 2, c).max(axis=(1, 3))
        elif cls == "Flatten":
            x = x.reshape(-1)
        else:
            x = x @ w[0] + w[1]
        outs[cfg["name"]] = x
    return outs


def write_sequential(base, layers, shape):
    k2 = [{"class_name": "InputLayer", "config": {"batch_input_shape": [None] + shape, "dtype": "float32",
                                                   "name": "input_1"}}]
    k2 += [{"class_name": cls, "config": cfg} for cls, cfg, _ in layers]
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": k2},
              "keras_version": "2.15.0", "backend": "tensorflow"}
    with h5py.File(base + ".h5", "w") as f:
        f.attrs["keras_version"] = b"2.15.0"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = np.array([cfg["name"].encode() for _, cfg, _ in layers])
        for cls, cfg, w in layers:
            lg = g.create_group(cfg["name"])
            names = [f"{cfg['name']}/{n}:0" for n in WEIGHT_NAMES.get(cls, [])]
            lg.attrs["weight_names"] = np.array([n.encode() for n in names], dtype="S")
            for n, v in zip(names, w):
                lg.create_dataset(n, data=v)
    k3 = [{"module": "keras.layers", "class_name": "InputLayer", "registered_name": None,
           "config": {"batch_shape": [None] + shape, "dtype": "float32", "name": "input_layer"}}]
    k3 += [{"module": "keras.layers", "class_name": cls, "config": cfg, "registered_name": None} for cls, cfg, _ in layers]
    buf = io.BytesIO()
    with h5py.File(buf, "w") as f:
        f.create_group("vars")
        for (cls, cfg, w), path in zip(layers, snake_names([c for c, _, _ in layers])):
            v = f.create_group("layers/" + path + "/vars")
            for i, t in enumerate(w):
                v.create_dataset(str(i), data=t)
    with zipfile.ZipFile(base + ".keras", "w") as z:
        put(z, "metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2026-11-26@09:00:00"}))
        put(z, "config.json", json.dumps({"module": "keras", "class_name": "Sequential", "registered_name": None,
                                          "config": {"name": "sequential", "layers": k3}}))
        put(z, "model.weights.h5", buf.getvalue())


def write_pytorch():
    import torch

    class Tiny(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = torch.nn.Conv2d(3, 2, 3)

        def forward(self, x):
            return torch.relu(self.conv(x))

    torch.manual_seed(0)
    model = Tiny().eval()
    torch.save(model.state_dict(), os.path.join(OUT, "pytorch-state-dict.pth"))
    torch.jit.script(model).save(os.path.join(OUT, "torchscript.pt"))
    torch.save(model.state_dict(), os.path.join(OUT, "pytorch-legacy.pth"), _use_new_zipfile_serialization=False)
    torch.onnx.export(model, torch.zeros(1, 3, 8, 8), os.path.join(OUT, "tiny.onnx"), opset_version=13)


def main():
    os.makedirs(OUT, exist_ok=True)
    x = np.random.default_rng(5).random((12, 12, 3)).astype(np.float32)
    outs = forward(x.astype(np.float64))
    write_h5(os.path.join(OUT, "small-cnn.h5"), k2_model())
    write_h5(os.path.join(OUT, "lambda-unconnected.h5"), k2_model(extra=[LAMBDA]))
    write_h5(os.path.join(OUT, "weights-only.h5"), None, weights_only=True)
    write_keras(os.path.join(OUT, "small-cnn.keras"), k3_model())
    custom = k3_layer("Scale", {"name": "scaled", "factor": 2}, "image", None, registered="my_package>Scale",
                      module=None)
    write_keras(os.path.join(OUT, "custom-object.keras"), k3_model(extra=[custom]))
    write_keras(os.path.join(OUT, "zip-slip.keras"), k3_model(), extra_entries=[("../../evil.txt", "x")])
    reference = {"input": [float(v) for v in x.reshape(-1)],
                 "outputs": {k: [float(v) for v in np.asarray(outs[k]).reshape(-1)]
                             for k in ("conv1", "bn1", "block_conv", "block_relu", "probs")}}
    with open(os.path.join(OUT, "keras-reference.json"), "w") as f:
        json.dump(reference, f)
    seq = sequential_layers(8, 1, [3, 3])
    write_sequential(os.path.join(OUT, "sequential"), seq, [8, 8, 1])
    xs = np.random.default_rng(6).random((8, 8, 1)).astype(np.float32)
    outs = sequential_forward(seq, xs.astype(np.float64))
    with open(os.path.join(OUT, "sequential-reference.json"), "w") as f:
        json.dump({"input": [float(v) for v in xs.reshape(-1)],
                   "outputs": {k: [float(v) for v in np.asarray(outs[k]).reshape(-1)] for k in ("c2", "out")}}, f)
    write_pytorch()


def write_large(folder):
    """A VGG-like Sequential network on 224x224x3 (about 5 M weights, 20 MB) as .h5 and .keras, to time opening."""
    os.makedirs(folder, exist_ok=True)
    write_sequential(os.path.join(folder, "large"), sequential_layers(224, 3, [64, 64, 128, 128, 256, 256, 512, 512]),
                     [224, 224, 3])


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "--large":
        write_large(sys.argv[2])
    else:
        main()
