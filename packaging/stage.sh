# Sourced by build-linux.sh and build-macos.sh (packaging/build-windows.ps1 does the same in
# PowerShell): builds Sieve with Maven and stages what jpackage packs, for the platform Maven
# built for, under target/installer/:
#   runtime/  a Java runtime (jlink) with only the modules Sieve uses, as jdeps finds them, and
#             JavaFX linked in; JavaFX's native libraries sit in the runtime, not in its jars,
#             so nothing is unpacked when Sieve starts.
#   input/    what jpackage copies into the app: Sieve's jar and libraries, TensorFlow's native
#             libraries unpacked into natives/ (no 630 MB extraction into the user's home at
#             first start), the bundled models, the sample images, the bundled lessons with their
#             prepared results, LICENSE, README.md and the docs/ its links lead to.
# Then sets version, description, vendor, and jpackage_common (the options every package type
# shares).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
out=target/installer
java_home="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"

# A fresh lib folder: only this build's platform jars (see the ./sieve launcher).
rm -rf target/lib "$out"
mvn -q -B -DskipTests ${SIEVE_BUILD_OPTS:-} package
mkdir -p "$out/input/lib" "$out/input/natives" "$out/jmods" "$out/work"

# Maven's JavaFX jars: the platform jar of each module holds its classes and native libraries
# (the jar without a platform suffix is an empty stand-in). Each becomes a jmod whose native
# libraries jlink puts into the runtime.
fx_modules=()
for jar in target/lib/javafx-*.jar; do
    module="$(jar --describe-module --file "$jar" | sed -n '1s/@.*//p')"
    if [[ "$module" == *"No module descriptor"* || -z "$module" ]]; then
        continue
    fi
    unpacked="$out/work/$module"
    mkdir -p "$unpacked/classes" "$unpacked/libs"
    (cd "$unpacked/classes" && jar xf "$root/$jar")
    find "$unpacked/classes" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) \
        -exec mv {} "$unpacked/libs/" \;
    rm -rf "$unpacked/classes/META-INF/"*.SF "$unpacked/classes/META-INF/"*.RSA "$unpacked/classes/META-INF/"*.DSA
    jmod create --class-path "$unpacked/classes" --libs "$unpacked/libs" "$out/jmods/$module.jmod"
    fx_modules+=("$module")
done

# TensorFlow's platform jar (tensorflow-core-native-<version>-<platform>.jar) is unpacked;
# every other jar goes on the class path as it is.
for jar in target/lib/*.jar; do
    name="$(basename "$jar")"
    case "$name" in
        javafx-*) ;;
        tensorflow-core-native-*-linux-*|tensorflow-core-native-*-macosx-*|tensorflow-core-native-*-windows-*)
            (cd "$out/work" && jar xf "$root/$jar" org/tensorflow/internal/c_api)
            mv "$out/work/org/tensorflow/internal/c_api/"*/* "$out/input/natives/" ;;
        *) cp "$jar" "$out/input/lib/" ;;
    esac
done
if [[ -z "$(ls "$out/input/natives")" ]]; then
    echo "No TensorFlow native jar in target/lib: check tf.native.classifier in pom.xml." >&2
    exit 1
fi
cp target/sieve.jar "$out/input/"
# PDFBox's font library carries the predefined CMaps of Chinese, Japanese and Korean PDF fonts
# (1.2 MB), which only reading such PDFs needs; Sieve's slides embed their font in Identity-H.
zip -q -d "$out"/input/lib/fontbox-*.jar 'org/apache/fontbox/cmap/*' \
    -x 'org/apache/fontbox/cmap/Identity-*' 'org/apache/fontbox/cmap/*.class'

# Native libraries that libraries carry for every platform (JNA's 28, lz4-java's 9): on Linux
# x86-64 only its own stay, 7 MB less (JNA finds its library under linux-x86-64/, lz4-java under
# linux/amd64/). Other platforms keep them all.
if [[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]]; then
    for jar in "$out"/input/lib/*.jar; do
        mapfile -t foreign < <(jar tf "$jar" | grep -E '\.(so|dll|dylib|jnilib|a)$' \
            | grep -v -e '/linux-x86-64/' -e '/linux/amd64/' || true)
        if (( ${#foreign[@]} )); then
            zip -q -d "$jar" "${foreign[@]}"
        fi
    done
fi
# Every jar is rewritten with its entries stored, not deflated, in the same order: the package's
# xz then compresses the classes across files with its large dictionary, 14 MB less in the .deb
# than jars of deflated entries (the installed jars grow from 32 MB to 80 MB).
store_entries() { # jar
    local unpacked="$out/work/stored" jar
    jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
    rm -rf "$unpacked" && mkdir -p "$unpacked"
    (cd "$unpacked" && jar xf "$jar" && jar tf "$jar" > ../order.txt && rm "$jar" \
        && zip -q -0 -X "$jar" -@ < ../order.txt)
    rm -rf "$unpacked"
}
for jar in "$out"/input/lib/*.jar "$out/input/sieve.jar"; do
    store_entries "$jar"
done
mkdir -p "$out/input/assets"
cp -R assets/models "$out/input/assets/models"
# The bundled lessons ship with their results prepared (assets/lessons/prepared, which the result
# cache consults read-only), so their first play computes nothing. Results of another engine
# revision would be ignored, so the package is not built with them.
for lesson in assets/lessons/*.json; do
    if ! java -Dsieve.home="$root" -Dsieve.cache="$out/work/check-cache" -cp "target/sieve.jar:target/lib/*" \
            org.sieve.cli.Main lesson check "$lesson" >/dev/null 2>"$out/work/check.txt"; then
        echo "The prepared results of $lesson do not match this engine: $(tail -1 "$out/work/check.txt")" >&2
        echo "Refresh them: ./sieve lesson prepare $lesson --into assets/lessons/prepared (docs/lessons.md)." >&2
        exit 1
    fi
done
cp -R assets/lessons "$out/input/assets/lessons"
cp -R sample-images "$out/input/sample-images"
cp LICENSE README.md "$out/input/"
# README.md's links lead into docs/ (1.7 MB with its figures), so it ships beside it.
cp -R docs "$out/input/docs"

# The Java modules Sieve and its libraries use; jlink adds what they require in turn.
modules="$(jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps --recursive \
    --class-path "$(ls "$out"/input/lib/*.jar | paste -sd : -)" --module-path "$out/jmods" target/sieve.jar)"
jlink --module-path "$java_home/jmods:$out/jmods" --add-modules "$modules,$(IFS=,; echo "${fx_modules[*]}")" \
    --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
    --output "$out/runtime"
# The class-data archive for heaps over 32 GB (no compressed pointers: machines with more than
# 64 GB of memory, see MaxRAMPercentage below); there the JVM starts without one, 2.5 MB saved.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"
rm -rf "$out/work"

description="Shows how a trained CNN discards the information of each input pixel, layer by layer"
vendor="The Sieve authors"
# The heap grows to half the machine's memory (the other half is for TensorFlow's own memory and
# the desktop). TensorFlow's natives load from natives/; sieve.home finds the models and samples.
jpackage_common=(--app-version "$version" --runtime-image "$out/runtime" --input "$out/input"
    --main-jar sieve.jar --main-class org.sieve.cli.Main --dest "$out"
    --java-options "-Dsieve.home=\$APPDIR" --java-options "-Djava.library.path=\$APPDIR/natives"
    --java-options "-XX:MaxRAMPercentage=50"
    --description "$description" --vendor "$vendor" --copyright "$vendor, MIT License")
