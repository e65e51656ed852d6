#!/usr/bin/env bash
# Builds Sieve for macOS with jpackage: a .dmg holding Sieve.app (its own Java runtime, the same
# contents as the Linux package) with the icon and the model file types
# (target/installer/Sieve-<version>.dmg).
#   packaging/build-macos.sh
# Needs a JDK 17+ with jmods (e.g. Temurin), Maven and Xcode's command line tools (iconutil).
# Maven picks TensorFlow's natives for the Mac's processor (profiles macos-arm64, macos-x86_64).
# NOT RUN by the authors (no Mac): written from jpackage's documentation; the hosted CI workflow
# .github/workflows/installers.yml runs it and the self-test on a macOS runner.
set -euo pipefail

for tool in mvn jpackage jlink jdeps iconutil; do
    command -v "$tool" >/dev/null || { echo "build-macos.sh needs $tool (see the top of this script)." >&2; exit 1; }
done

source "$(dirname "${BASH_SOURCE[0]}")/stage.sh"

# The .icns from the PNG sizes rendered from assets/icon/sieve.svg (each size and its @2x).
iconset="$out/Sieve.iconset"
mkdir -p "$iconset"
for size in 16 32 128 256 512; do
    cp "assets/icon/sieve-$size.png" "$iconset/icon_${size}x${size}.png"
    cp "assets/icon/sieve-$((size * 2)).png" "$iconset/icon_${size}x${size}@2x.png"
done
iconutil --convert icns --output "$out/Sieve.icns" "$iconset"

# Built straight from the staged input, not from an app image: on macOS the file types belong to
# the app's Info.plist, which jpackage writes when it makes the app. Unsigned: the first start
# needs right-click, Open (docs/install.md, Installers).
jpackage --type dmg --name Sieve "${jpackage_common[@]}" --icon "$out/Sieve.icns" \
    --mac-package-identifier org.sieve.Sieve --license-file LICENSE \
    --file-associations packaging/associations/onnx.properties \
    --file-associations packaging/associations/keras.properties \
    --file-associations packaging/associations/h5.properties
echo "Disk image: $(ls "$out"/Sieve-*.dmg)"
