#!/usr/bin/python3
"""Exports torchvision networks to ONNX with PyTorch's own exporter, with PyTorch's output as reference.

Usage: /usr/bin/python3 scripts/conformance/torchvision_export.py OUT_DIR [NETWORK ...]
Offline: Debian's python3-torch and python3-torchvision, weights=None, seeded random weights and
randomised batch-norm statistics. For each network and opset 13 and 17 it writes NAME-opsetN.onnx
and NAME.torch.json (PyTorch's final output on probe.png), and once probe.png: the input image,
an 8-bit PNG whose pixels / 255 are the tensor both PyTorch and Sieve (normalisation none) see.
"""
import json
import os
import sys

import numpy as np
import torch
import torchvision
from PIL import Image

# The fixtures' exporter already randomises batch-norm statistics; the corpus does it the same way.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'formats'))
from onnx_models import randomise_batch_norms  # noqa: E402

NETWORKS = ['resnet50', 'squeezenet1_1', 'vgg11_bn', 'mobilenet_v3_small', 'efficientnet_b0', 'regnet_y_400mf',
            'shufflenet_v2_x1_0', 'googlenet', 'densenet121', 'convnext_tiny', 'vit_b_16']
OPSETS = [13, 17]
SIZE = 224


def probe_image(path):
    """A smooth colour pattern, every channel different, written once as an 8-bit PNG."""
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)
    rgb = np.stack([0.5 + 0.5 * np.sin(0.037 * y + 0.023 * x + 1.1 * c) * np.cos(0.011 * x * (c + 1))
                    for c in range(3)], axis=-1)
    Image.fromarray(np.round(rgb * 255).astype(np.uint8), 'RGB').save(path)


def probe_tensor(path):
    pixels = np.asarray(Image.open(path).convert('RGB'), dtype=np.float32) / 255.0
    return torch.from_numpy(pixels).permute(2, 0, 1).unsqueeze(0).contiguous()


def network(name):
    torch.manual_seed(1)
    kwargs = {'aux_logits': False, 'init_weights': True} if name == 'googlenet' else {}
    model = getattr(torchvision.models, name)(weights=None, **kwargs)
    randomise_batch_norms(model)
    g = torch.Generator().manual_seed(11)
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() >= 2 and not p.any():  # ViT's zero-initialised head would make every output 0
                p.copy_(torch.randn(p.shape, generator=g) * 0.02)
    return model.eval()


def main(out, names):
    os.makedirs(out, exist_ok=True)
    png = os.path.join(out, 'probe.png')
    if not os.path.exists(png):
        probe_image(png)
    x = probe_tensor(png)
    for name in names:
        model = network(name)
        with torch.no_grad():
            y = model(x)
        with open(os.path.join(out, name + '.torch.json'), 'w') as f:
            json.dump({'shape': list(y.shape), 'output': y.flatten().tolist(),
                       'writer': f'torch {torch.__version__}, torchvision {torchvision.__version__}'}, f)
        for opset in OPSETS:
            path = os.path.join(out, f'{name}-opset{opset}.onnx')
            try:
                torch.onnx.export(model, x, path, opset_version=opset, input_names=['image'], output_names=['output'])
                print(name, opset, 'exported', flush=True)
            except Exception as e:  # a network the exporter cannot write is reported, not fatal
                print(name, opset, 'export failed:', str(e).splitlines()[0], flush=True)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:] or NETWORKS)
