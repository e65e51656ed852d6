#!/usr/bin/python3
"""Conformance of Sieve's ONNX import against PyTorch on torchvision networks; one row per network.

Usage: scripts/conformance/torchvision.sh CORPUS_DIR [NETWORK ...]
Builds the corpus first when CORPUS_DIR lacks it (torchvision_export.py: offline, seeded random
weights), then for each NETWORK-opsetN.onnx runs ./sieve import, ./sieve predict --json on
probe.png and ./sieve analyze --steps 60 on two layers (a third and two thirds of the way through),
and compares predict's output with PyTorch's on the same input tensor (pixels / 255, normalisation
none): the largest absolute difference relative to PyTorch's largest magnitude, passing at 1e-4.
ANALYSE=0 leaves out the analysis (minutes per network on a 2-core machine).
"""
import glob
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import torchvision_export  # noqa: E402

TOLERANCE = 1e-4


def sieve(*args):
    env = dict(os.environ, JAVA_OPTS=os.environ.get('JAVA_OPTS', '-Xmx4g'))
    p = subprocess.run([os.path.join(ROOT, 'sieve'), *args], capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ''


def row(corpus, onnx_file):
    name = os.path.basename(onnx_file)[:-len('.onnx')]
    network = name.rsplit('-opset', 1)[0]
    folder = os.path.join(corpus, 'models', name)
    png = os.path.join(corpus, 'probe.png')
    start = time.time()
    if not os.path.exists(os.path.join(folder, 'model.json')):
        rc, _, err = sieve('import', onnx_file, '--out', folder, '--normalization', 'none')
        if rc != 0:
            return name, 'refused', err, '', '', ''
    seconds = time.time() - start
    predict_start = time.time()
    rc, out, err = sieve('predict', '--model', folder, '--image', png, '--json')
    if rc != 0:
        return name, 'predict failed', err, '', '', ''
    ours = json.loads(out)['output']
    with open(os.path.join(corpus, network + '.torch.json')) as f:
        theirs = json.load(f)['output']
    scale = max(abs(v) for v in theirs)
    if scale == 0:
        return name, 'reference all zeros', 're-export', '', '', ''
    rel = max(abs(a - b) for a, b in zip(ours, theirs)) / scale if len(ours) == len(theirs) else float('inf')
    predict_seconds = time.time() - predict_start
    verdict = 'ok' if rel <= TOLERANCE else 'differs'
    if os.environ.get('ANALYSE') == '0':
        return name, verdict, f'{rel:.1e}', f'{seconds:.0f} s', f'{predict_seconds:.0f} s', 'not run'
    rc, out, err = sieve('layers', '--model', folder, '--json')
    layers = [entry['name'] for entry in json.loads(out)] if rc == 0 else []
    picked = [layers[len(layers) // 3], layers[2 * len(layers) // 3]] if len(layers) >= 2 else []
    analyze_start = time.time()
    rc, out, err = sieve('analyze', '--model', folder, '--image', png, '--layers', ','.join(picked), '--steps', '60',
                         '--json', '--no-cache', '--out', os.path.join(corpus, 'results', name))
    if rc not in (0, 1):
        analysis = 'analyze failed: ' + err
    else:
        result = json.loads(out)
        analysis = ', '.join(f"{l['name']} {'converged' if l['converged'] else 'not converged'}"
                             for l in result['layers'])
    return (name, verdict, f'{rel:.1e}', f'{seconds:.0f} s', f'{predict_seconds:.0f} s',
            analysis + f' ({time.time() - analyze_start:.0f} s)')


def main(corpus, networks):
    if not glob.glob(os.path.join(corpus, '*.onnx')):
        torchvision_export.main(corpus, networks or torchvision_export.NETWORKS)
    files = sorted(glob.glob(os.path.join(corpus, '*-opset*.onnx')))
    if networks:
        files = [f for n in networks for f in files if os.path.basename(f).rsplit('-opset', 1)[0] == n]
    print('| network | result | predict vs PyTorch (relative) | import | predict | analyze --steps 60, two layers |')
    print('|---|---|---|---|---|---|')
    failed = 0
    for f in files:
        cells = row(corpus, f)
        failed += cells[1] != 'ok'
        print('| ' + ' | '.join(cells) + ' |', flush=True)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
