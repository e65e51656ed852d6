#!/usr/bin/env bash
# Renders Sieve's icon, assets/icon/sieve.svg, into the PNG sizes the packages and the explorer's
# window use (assets/icon/sieve-N.png, committed). Run it after editing the SVG. The Windows and
# macOS scripts make their .ico and .icns from these PNGs.
# Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../assets/icon"
command -v rsvg-convert >/dev/null || { echo "render-icons.sh needs rsvg-convert: apt-get install librsvg2-bin" >&2; exit 1; }
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" sieve.svg --output "sieve-$size.png"
done
ls -l sieve-*.png
