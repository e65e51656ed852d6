#!/usr/bin/python3
"""Times Sieve against the authors' loop (authors_loop.py) on the same machine, same images and
same layers, in interleaved rounds so that both sides see the same load. A benchmark, not a test.

Per case it prints the median time to a converged, all-layer result (Sieve: result.json's
`seconds`, the analysis without program start; the reference: its loop over the layers, without
Python's start), the ratio, the time of one optimisation step of every layer at 8 draws (Sieve:
its fused step from `sieve bench --fused-only`; the reference: the sum over layers of its median
step), each side's achieved D/D0 on fresh noise, and Sieve's converged layers and peak memory.

Usage: against_reference.py [--cases lenet,vgg,mobilenet3,mobilenet18] [--rounds 3]
                            [--mobilenet FOLDER] [--reference-threads N]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIEVE = os.path.join(ROOT, "sieve")
REFERENCE = os.path.join(ROOT, "scripts", "reference", "authors_loop.py")
EXPANDS = [f"block_{i}_expand_relu" for i in range(1, 17)]


def cases(mobilenet):
    return {
        "lenet": ("lenet5-mnist", "sample-images/mnist/0-7.png", "all"),
        "vgg": ("vgg-fashion", "sample-images/fashion/0-ankle-boot.png", "conv"),
        "mobilenet3": (mobilenet, "sample-images/chelsea.png", "Conv1_relu,block_3_expand_relu,block_6_expand_relu"),
        "mobilenet18": (mobilenet, "sample-images/chelsea.png", ",".join(["Conv1_relu"] + EXPANDS + ["out_relu"])),
    }


def folder_of(model):
    return model if os.path.isdir(model) else os.path.join(ROOT, "assets", "models", model)


def run_json(command):
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def sieve(model, image, layers):
    with tempfile.TemporaryDirectory() as out:
        r = run_json([SIEVE, "analyze", "--model", model, "--image", image, "--layers", layers, "--no-cache",
                      "--json", "--out", out])
    ok = [l for l in r["layers"] if "distortionRatio" in l]
    return {"seconds": r["seconds"], "ratios": [l["distortionRatio"] for l in ok],
            "converged": sum(1 for l in ok if l["converged"]), "layers": len(r["layers"]),
            "maxSteps": max(l["steps"] for l in r["layers"])}


def reference(model, image, layers, threads):
    r = run_json([sys.executable, REFERENCE, folder_of(model), image, "--layers", layers, "--threads", str(threads),
                  "--json"])
    return {"seconds": r["seconds"], "ratios": [l["ratio"] for l in r["layers"]],
            "msPerStep": sum(l["msPerStep"] for l in r["layers"])}


def sieve_step(model, image, layers):
    done = subprocess.run([SIEVE, "bench", "--model", model, "--image", image, "--layers", layers, "--repeats",
                           "1", "--steps", "30", "--fused-only"], cwd=ROOT, capture_output=True, text=True)
    step = memory = "?"
    for line in done.stdout.splitlines():
        if "fused:" in line:
            step = float(line.split(":")[1].split("ms")[0])
        if line.startswith("peak memory:"):
            memory = line.split(":", 1)[1].split(", Java heap")[0].strip()
    return step, memory


def spread(values):
    return f"{min(values):.2f}-{max(values):.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default="lenet,vgg,mobilenet3")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mobilenet", default="mobilenet-v2-imagenet",
                        help="the MobileNetV2 model: a bundled id or a folder")
    parser.add_argument("--reference-threads", type=int, default=1,
                        help="PyTorch's threads for the reference (default 1: on a busy machine its OpenMP"
                             " threads wait for each other, and one thread was up to 17x faster than two here)")
    args = parser.parse_args()
    table = cases(args.mobilenet)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {args.rounds} interleaved rounds per"
          f" case, medians; reference on {args.reference_threads} PyTorch thread(s)")
    for name in args.cases.split(","):
        model, image, layers = table[name]
        ours, theirs = [], []
        for round_ in range(args.rounds):
            pair = [lambda: ours.append(sieve(model, image, layers)),
                    lambda: theirs.append(reference(model, image, layers, args.reference_threads))]
            for run in pair if round_ % 2 == 0 else reversed(pair):
                run()
        step, memory = sieve_step(model, image, layers)
        s = statistics.median(r["seconds"] for r in ours)
        t = statistics.median(r["seconds"] for r in theirs)
        print(f"\n{name}: {model}, {ours[0]['layers']} layers ({layers if len(layers) < 60 else layers[:57] + '...'})")
        print(f"  time to an all-layer result: Sieve {s:.2f} s, reference {t:.2f} s: {t / s:.2f}x")
        print(f"  one step of every layer, 8 draws: Sieve {step} ms (fused), reference "
              f"{statistics.median(r['msPerStep'] for r in theirs):.1f} ms (sum over layers)")
        print(f"  D/D0 on fresh noise (tau 1.5): Sieve {spread([x for r in ours for x in r['ratios']])},"
              f" reference {spread([x for r in theirs for x in r['ratios']])}")
        print(f"  Sieve: converged {min(r['converged'] for r in ours)}/{ours[0]['layers']} layers, at most "
              f"{max(r['maxSteps'] for r in ours)} steps; peak memory {memory}")


if __name__ == "__main__":
    main()
