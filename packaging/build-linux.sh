#!/usr/bin/env bash
# Builds a self-contained Sieve for Linux with jpackage: an app image (a folder with its own Java
# runtime, target/installer/sieve/) and, with --deb, a Debian package with a desktop entry, icon
# and file types (target/installer/sieve_<version>_amd64.deb).
#   packaging/build-linux.sh [--deb]
# Needs a JDK 17+ with jmods and jpackage, Maven, binutils (strip, objcopy), zip and, for --deb,
# fakeroot and dpkg-dev: apt-get install openjdk-17-jdk-headless maven binutils zip fakeroot dpkg-dev
set -euo pipefail

deb=false
case "${1:-}" in
    --deb) deb=true ;;
    "") ;;
    *) echo "Usage: packaging/build-linux.sh [--deb]" >&2; exit 2 ;;
esac
needed=(mvn jpackage jlink jdeps strip objcopy zip)
if $deb; then
    needed+=(fakeroot dpkg-deb dpkg-shlibdeps)
fi
for tool in "${needed[@]}"; do
    command -v "$tool" >/dev/null || { echo "build-linux.sh needs $tool (see the top of this script)." >&2; exit 1; }
done

source "$(dirname "${BASH_SOURCE[0]}")/stage.sh"

# TensorFlow ships its libraries with their symbol tables; the dynamic symbols it needs remain.
strip --strip-unneeded "$out"/input/natives/*.so*

jpackage --type app-image --name sieve "${jpackage_common[@]}"
echo "App image: $out/sieve (run $out/sieve/bin/sieve)"
$deb || exit 0

# jpackage's own desktop integration (--linux-shortcut, --file-associations) runs xdg-utils in
# its install scripts, which fail on machines without XDG menu folders, and cannot name a file
# type by file name (model.json). Instead the package ships the desktop entry, the file types
# and the icons as its own files under /usr/share: dpkg installs and removes them, and the
# desktop's own packages refresh their caches through dpkg triggers where they are installed.
# jpackage's archive is left uncompressed (it is unpacked again at once).
DPKG_DEB_COMPRESSOR_TYPE=none jpackage --type deb --app-image "$out/sieve" --name sieve --app-version "$version" \
    --dest "$out/deb" --linux-package-name sieve --linux-app-category science \
    --linux-deb-maintainer "sieve@users.noreply.github.com" --license-file LICENSE \
    --description "$description" --vendor "$vendor"
tree="$root/$out/deb-tree"
rm -rf "$tree"
dpkg-deb --raw-extract "$out"/deb/sieve_*.deb "$tree"
install -D -m 644 packaging/linux/sieve.desktop "$tree/usr/share/applications/sieve.desktop"
install -D -m 644 packaging/linux/sieve-mime.xml "$tree/usr/share/mime/packages/sieve.xml"
for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "assets/icon/sieve-$size.png" "$tree/usr/share/icons/hicolor/${size}x${size}/apps/sieve.png"
done
install -D -m 644 assets/icon/sieve.svg "$tree/usr/share/icons/hicolor/scalable/apps/sieve.svg"
# jpackage's maintainer scripts do nothing without its desktop integration; without them dpkg -r
# removes the package completely (a package with a postrm stays listed until purged).
rm -f "$tree"/DEBIAN/{preinst,postinst,prerm,postrm}

# Depends: the packages of the libraries the package's binaries link against directly, with
# their minimum versions (jpackage lists every library ldd reaches, over 70 packages).
app="$tree/opt/sieve/lib"
mkdir -p "$out/shlibs/debian"
printf 'Source: sieve\n\nPackage: sieve\nArchitecture: any\n' > "$out/shlibs/debian/control"
mapfile -t binaries < <(find "$tree/opt" -type f \( -name '*.so' -o -name '*.so.*' -o -path '*/bin/*' \))
depends="$(cd "$out/shlibs" && dpkg-shlibdeps -O --ignore-missing-info -l"$app/runtime/lib" \
    -l"$app/runtime/lib/server" -l"$app/app/natives" "${binaries[@]/#/-e}" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
[[ -n "$depends" ]] || { echo "dpkg-shlibdeps found no dependencies." >&2; exit 1; }
# Debian's JDK reads JPEG through libjpeg.so.62, which Ubuntu ships as libjpeg62.
depends="$(sed 's/\(libjpeg62-turbo[^,]*\)/\1 | libjpeg62/' <<< "$depends")"
sed -i -e "s/^Depends: .*/Depends: $depends/" \
    -e "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" "$tree/DEBIAN/control"
(cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | xargs -0 md5sum > DEBIAN/md5sums)

# xz at level 9: 251 MB at dpkg's default level 6 was over the 250 MB budget (docs/CONTRIBUTING.md, The size budget); level 9
# (a 64 MB dictionary) saves about 3 MB on the bundled models for a minute or two more.
package="$out/$(basename "$out"/deb/sieve_*.deb)"
dpkg-deb --root-owner-group -Zxz -z9 --build "$tree" "$package"
rm -rf "$tree" "$out/deb" "$out/shlibs"
echo "Debian package: $package ($(du -m "$package" | cut -f1) MB)"
