#!/usr/bin/env bash
# Builds a self-contained Sieve for Linux with jpackage: an app image (a folder with its own
# Java runtime) and, with --deb, a Debian package. Needs a JDK 17+ with jpackage, plus
# fakeroot and binutils for the .deb (apt-get install fakeroot binutils).
#   packaging/build-linux.sh [--deb]
# Output: target/installer/sieve/ (run target/installer/sieve/bin/sieve) and target/installer/*.deb
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"

mvn -q -B -DskipTests package
stage="target/installer/input"
rm -rf target/installer
mkdir -p "$stage"
cp target/sieve.jar "$stage/"
cp -r target/lib "$stage/lib"
# The bundled models and sample images travel inside the app; sieve.home points at them.
mkdir -p "$stage/assets"
cp -r assets/models "$stage/assets/models"
cp -r sample-images "$stage/sample-images"
cp LICENSE README.md "$stage/"

common=(--name sieve --app-version "$version" --input "$stage" --main-jar sieve.jar
        --main-class org.sieve.cli.Main --dest target/installer
        --java-options "-Dsieve.home=\$APPDIR" --java-options "-Xmx4g"
        --description "Shows how a trained CNN discards the information of each input pixel"
        --vendor "The Sieve authors")

jpackage --type app-image "${common[@]}"
echo "App image: target/installer/sieve (run target/installer/sieve/bin/sieve)"

if [[ "${1:-}" == "--deb" ]]; then
    # Without --linux-shortcut: it breaks install on machines lacking XDG menu folders.
    # --license-file is for installers only; jpackage refuses it for an app image.
    jpackage --type deb "${common[@]}" --license-file LICENSE --linux-package-name sieve \
        --linux-app-category science
    echo "Debian package: $(ls target/installer/*.deb)"
fi
