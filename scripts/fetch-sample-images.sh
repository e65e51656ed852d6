#!/usr/bin/env bash
# Copies freely licensed photographs from Debian packages into sample-images/.
# The packages are downloaded and unpacked, not installed, so none of their Python
# dependencies come along. Licences and authors: sample-images/ATTRIBUTION.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/sample-images"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# package, then pairs of "path inside the package" "name in sample-images/"
fetch() {
  local pkg=$1; shift
  # A fresh machine has no package lists, so the first download may not find the package.
  (cd "$tmp" && { apt-get download -q "$pkg" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get download -q "$pkg" >/dev/null; }; })
  mkdir -p "$tmp/$pkg"
  dpkg-deb -x "$tmp/${pkg}"_*.deb "$tmp/$pkg"
  while (($#)); do
    cp "$tmp/$pkg/$1" "$out/$2"
    echo "$2 <- $pkg:/$1 ($(stat -c %s "$out/$2") bytes)"
    shift 2
  done
}

mkdir -p "$out"
skimage=usr/lib/python3/dist-packages/skimage/data
fetch python3-skimage \
  "$skimage/astronaut.png" astronaut.png \
  "$skimage/chelsea.png" chelsea.png \
  "$skimage/coffee.png" coffee.png \
  "$skimage/camera.png" camera.png
fetch python-matplotlib-data usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg grace_hopper.jpg
sklearn=usr/lib/python3/dist-packages/sklearn/datasets/images
fetch python3-sklearn "$sklearn/china.jpg" china.jpg "$sklearn/flower.jpg" flower.jpg
