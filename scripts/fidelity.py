#!/usr/bin/env python3
"""Compares analyses' result.json with a long-budget solution written by
org.sieve.metrics.FirstOrderFidelity: per layer, steps, h-bar's difference in nats and the
Spearman correlation of the entropy maps; the first-order start alone is compared too.

    scripts/fidelity.py REFERENCE.json NAME=result.json [NAME=result.json ...]
"""
import json
import sys

import numpy as np


def ranks(x):
    order = np.argsort(x, kind="stable")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    # Ties share their mean rank.
    values, inverse = np.unique(x, return_inverse=True)
    sums = np.bincount(inverse, weights=r)
    counts = np.bincount(inverse)
    return (sums / counts)[inverse]


def spearman(a, b):
    ra, rb = ranks(np.asarray(a, float)), ranks(np.asarray(b, float))
    if ra.std() == 0 or rb.std() == 0:
        return 1.0 if ra.std() == rb.std() else 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def main():
    reference = json.load(open(sys.argv[1]))
    runs = [arg.split("=", 1) for arg in sys.argv[2:]]
    results = {name: {l["name"]: l for l in json.load(open(path))["layers"]} for name, path in runs}
    header = f"{'layer':<24}" + "".join(f" {name + ' steps':>12} {'dh':>8} {'rho':>6}" for name, _ in runs)
    print(header + f" {'first dh':>9} {'rho':>6}")
    for layer, ref in reference.items():
        full = np.array(ref["full"])
        line = f"{layer:<24}"
        for name, _ in runs:
            r = results[name][layer]
            h = np.array(r["entropyMap"]).ravel()
            flag = "" if r["converged"] else "!"
            line += f" {r['steps']:>11}{flag or ' '} {h.mean() - full.mean():>8.4f} {spearman(h, full):>6.3f}"
        first = np.array(ref["first"])
        print(line + f" {first.mean() - full.mean():>9.4f} {spearman(first, full):>6.3f}")


if __name__ == "__main__":
    main()
