#!/usr/bin/python3
"""Writes ONNX test models with PyTorch's own exporter, and PyTorch's outputs as references.

Usage: /usr/bin/python3 scripts/formats/onnx_models.py OUT_DIR [small|squeeze_excite|dense_block|tiny_vit13|tiny_vit17|
                                                          conv_transpose|pixel_shuffle|resnet18|mobilenet_v2 ...]
Debian's python3-torch and python3-torchvision; nothing is downloaded (random weights, seeded).
For each model it writes NAME.onnx and NAME.reference.json: the input is the formula in
probe_input() (the Java test computes the same), the outputs are the final output and the
tapped inner tensors (NCHW), each with its shape and values at every k-th flat index.
"""
import json
import math
import sys

import torch
import torch.nn as nn
import torchvision


def probe_input(c, h, w):
    """x[c, y, x] = 0.5 + 0.5 * sin(0.37 * y + 0.23 * x + 1.1 * c): smooth, every channel different."""
    ys = torch.arange(h, dtype=torch.float64).view(1, h, 1)
    xs = torch.arange(w, dtype=torch.float64).view(1, 1, w)
    cs = torch.arange(c, dtype=torch.float64).view(c, 1, 1)
    return (0.5 + 0.5 * torch.sin(0.37 * ys + 0.23 * xs + 1.1 * cs)).float().unsqueeze(0)


class SmallCnn(nn.Module):
    """Conv + BN + ReLU blocks, a depthwise and a dilated conv, a residual add, a concat,
    PyTorch's other activations (PReLU with a slope per channel), max and average pooling,
    dropout and a flatten + linear head."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.pool1 = nn.MaxPool2d(2)
        self.dw = nn.Conv2d(8, 8, 3, padding=1, groups=8, bias=False)
        self.bn_dw = nn.BatchNorm2d(8)
        self.dilated = nn.Conv2d(8, 8, 3, padding=2, dilation=2)
        self.conv2 = nn.Conv2d(16, 12, 3, stride=2, padding=1)
        self.bn2 = nn.BatchNorm2d(12)
        self.pool2 = nn.AvgPool2d(2)
        self.prelu = nn.PReLU(12)
        self.prelu.weight.data.copy_(torch.linspace(-0.3, 0.6, 12))
        self.drop = nn.Dropout(0.3)
        self.fc1 = nn.Linear(12 * 4 * 4, 24)
        self.fc2 = nn.Linear(24, 10)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        x = self.pool1(x)
        d = nn.functional.relu6(self.bn_dw(self.dw(x)))
        x = x + nn.functional.hardswish(self.dilated(d))
        x = torch.cat([x, torch.sigmoid(d)], dim=1)
        x = nn.functional.leaky_relu(self.bn2(self.conv2(x)), 0.1)
        x = self.prelu(self.pool2(x))
        x = torch.flatten(self.drop(x), 1)
        x = torch.tanh(self.fc1(x))
        return torch.softmax(self.fc2(self.drop(x)), dim=1)


class SqueezeExcite(nn.Module):
    """MobileNetV3 / EfficientNet: grouped, depthwise and 1x1 convolutions on a pooled tensor, a
    channel split and shuffle (ShuffleNet), max pooling with ceil_mode (GoogLeNet)."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, stride=2, padding=1)
        self.grouped = nn.Conv2d(16, 16, 3, padding=1, groups=4)
        self.depthwise = nn.Conv2d(8, 8, 5, padding=2, groups=8)
        self.pool = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.fc1 = nn.Conv2d(16, 4, 1)
        self.fc2 = nn.Conv2d(4, 16, 1)
        self.head = nn.Linear(16, 10)

    def forward(self, x):
        x = nn.functional.hardswish(self.stem(x))
        x = torch.relu(self.grouped(x))
        a, b = x.chunk(2, dim=1)
        x = torch.cat([a, nn.functional.silu(self.depthwise(b))], dim=1)
        n, c, h, w = x.shape
        x = x.view(n, 2, c // 2, h, w).transpose(1, 2).reshape(n, c, h, w)
        x = self.pool(x)
        s = nn.functional.adaptive_avg_pool2d(x, 1)
        s = nn.functional.hardsigmoid(self.fc2(torch.relu(self.fc1(s))))
        x = torch.clamp(x * s, -1.5, 2.0) + torch.abs(x).clamp(max=0.5)
        return self.head(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))


class DenseBlock(nn.Module):
    """DenseNet: a single-input concat, batch norm after a concat (not folded into a convolution),
    average pooling; and a bilinear and a nearest resize, constant padding with a value."""

    def __init__(self):
        super().__init__()
        self.conv0 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(16)
        self.conv1 = nn.Conv2d(16, 8, 1)
        self.head = nn.Linear(8 * 8 * 8, 10)

    def forward(self, x):
        x = self.conv0(x)
        x = torch.cat([x], 1)
        y = nn.functional.interpolate(nn.functional.avg_pool2d(x, 2), scale_factor=2, mode='bilinear',
                                      align_corners=False)
        z = nn.functional.interpolate(nn.functional.max_pool2d(x, 2), scale_factor=2, mode='nearest')
        x = torch.relu(self.bn(torch.cat([y, z], 1)))
        x = nn.functional.pad(self.conv1(x), (1, 0, 0, 1), value=-0.25)
        x = nn.functional.avg_pool2d(x[:, :, :32, 1:], 4)
        return torch.softmax(self.head(torch.flatten(x, 1)), dim=1)


class TinyVit(nn.Module):
    """A vision transformer: patch embedding, class token, position embedding, multi-head
    attention (MatMul between activations, Softmax), LayerNorm, GELU (Erf); and a ConvNeXt block
    (depthwise 7x7, channels-last LayerNorm through permutes, layer scale)."""

    def __init__(self):
        super().__init__()
        self.block_dw = nn.Conv2d(3, 3, 7, padding=3, groups=3)
        self.block_norm = nn.LayerNorm(3, eps=1e-6)
        self.block_fc = nn.Linear(3, 3)
        self.layer_scale = nn.Parameter(torch.rand(3, 1, 1))
        self.patch = nn.Conv2d(3, 32, 8, stride=8)
        self.class_token = nn.Parameter(torch.randn(1, 1, 32))
        self.position = nn.Parameter(torch.randn(1, 17, 32) * 0.1)
        self.encoder = nn.TransformerEncoderLayer(32, 2, 64, dropout=0.0, activation='gelu', batch_first=True,
                                                  norm_first=True)
        self.norm = nn.LayerNorm(32)
        self.head = nn.Linear(32, 10)

    def forward(self, x):
        y = self.block_dw(x).permute(0, 2, 3, 1)
        y = nn.functional.gelu(self.block_fc(self.block_norm(y))).permute(0, 3, 1, 2)
        x = x + self.layer_scale * y
        x = self.patch(x).reshape(x.shape[0], 32, 16).permute(0, 2, 1)
        x = torch.cat([self.class_token.expand(x.shape[0], -1, -1), x], dim=1) + self.position
        x = self.norm(self.encoder(x))
        return self.head(x[:, 0])


class TransposedConv(nn.Module):
    """Decoders and segmentation heads: transposed convolutions (ConvTranspose2d, one group) with
    stride 2, padding and output padding, with and without a bias, and one with stride 1."""

    def __init__(self):
        super().__init__()
        self.down = nn.Conv2d(3, 8, 3, stride=4, padding=1)
        self.up1 = nn.ConvTranspose2d(8, 6, 3, stride=2, padding=1, output_padding=1)
        self.up2 = nn.ConvTranspose2d(6, 4, 4, stride=2, padding=(1, 2), bias=False)
        self.up3 = nn.ConvTranspose2d(4, 2, 2)
        self.head = nn.Linear(2, 10)

    def forward(self, x):
        x = torch.relu(self.down(x))
        x = torch.relu(self.up1(x))
        x = torch.tanh(self.up2(x))
        return self.head(self.up3(x).mean((2, 3)))


class PixelShuffle(nn.Module):
    """Super-resolution (ESPCN): a convolution to 2*2 times the channels, rearranged into a twice
    larger image by PixelShuffle (ONNX DepthToSpace in mode CRD)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 12, 3, padding=1)
        self.shuffle = nn.PixelShuffle(2)
        self.conv2 = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.head = nn.Linear(8, 10)

    def forward(self, x):
        x = self.shuffle(torch.tanh(self.conv(x)))
        return self.head(torch.relu(self.conv2(x)).mean((2, 3)))


def randomise_batch_norms(model):
    """Running statistics away from 0/1, so that folding them into the convolutions is tested."""
    g = torch.Generator().manual_seed(7)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            n = m.num_features
            m.running_mean.copy_(torch.randn(n, generator=g) * 0.2)
            m.running_var.copy_(torch.rand(n, generator=g) + 0.5)
            m.weight.data.copy_(torch.rand(n, generator=g) + 0.5)
            m.bias.data.copy_(torch.randn(n, generator=g) * 0.1)


def build(name):
    torch.manual_seed(1)
    if name == 'small':
        return SmallCnn(), 32, {'pool1': 'pool1', 'conv2': 'bn2', 'pool2': 'pool2', 'prelu': 'prelu'}
    if name == 'squeeze_excite':
        return SqueezeExcite(), 32, {}
    if name == 'dense_block':
        return DenseBlock(), 32, {}
    if name == 'conv_transpose':
        return TransposedConv(), 32, {'up1': 'up1', 'up2': 'up2', 'up3': 'up3'}
    if name == 'pixel_shuffle':
        return PixelShuffle(), 32, {'shuffle': 'shuffle'}
    if name.startswith('tiny_vit'):
        return TinyVit(), 32, {'encoder': 'encoder'}
    if name == 'resnet18':
        return torchvision.models.resnet18(weights=None), 224, {
            'maxpool': 'maxpool', 'layer1': 'layer1', 'layer3': 'layer3'}
    if name == 'mobilenet_v2':
        return torchvision.models.mobilenet_v2(weights=None), 224, {
            'features.1': 'features.1', 'features.7': 'features.7', 'features.18': 'features.18'}
    raise SystemExit('unknown model ' + name)


def sampled(t, limit=512):
    flat = t.detach().double().flatten()
    step = max(1, math.ceil(flat.numel() / limit))
    return {'shape': list(t.shape), 'step': step, 'values': flat[::step].tolist()}


def main(out, names):
    for name in names:
        model, size, taps = build(name)
        randomise_batch_norms(model)
        model.eval()
        captured = {}
        modules = dict(model.named_modules())
        for label, module in taps.items():
            modules[module].register_forward_hook(
                lambda m, i, o, label=label: captured.__setitem__(label, o))
        x = probe_input(3, size, size)
        with torch.no_grad():
            y = model(x)
        opset = 17 if name.endswith('17') else 13
        torch.onnx.export(model, x, f'{out}/{name}.onnx', opset_version=opset,
                          input_names=['image'], output_names=['output'])
        reference = {'input': {'channels': 3, 'height': size, 'width': size},
                     'output': sampled(y, 1000),
                     'inner': {label: sampled(t) for label, t in captured.items()},
                     'writer': f'torch {torch.__version__}, torch.onnx.export opset {opset}'}
        with open(f'{out}/{name}.reference.json', 'w') as f:
            json.dump(reference, f)
        print(name, 'written, output', list(y.shape))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:] or ['small'])
