#!/usr/bin/env bash
# Fuzzes Sieve's fuzz targets with Jazzer for a chosen time (issues 14 and 32).
#   scripts/fuzz.sh TARGET [SECONDS [JAZZER OPTIONS...]]   one target, default 600 seconds, e.g. --keep_going=50
#   scripts/fuzz.sh all SECONDS [JAZZER OPTIONS...]        every target in turn, SECONDS each (CI: 20)
# Prints one line per target; Jazzer's own output goes to target/fuzz/TARGET/log.
# TARGET: image, model (TF.js layers folder), cache, or a model format's reader: onnx, keras
# (.keras zip), h5 (Keras 2 HDF5), tfjs-graph (graph model.json + shard), pb (frozen GraphDef).
# The normal 'mvn test' only replays each target's committed corpus (src/test/resources/...Inputs);
# this runs the fuzzer itself, on a snapshot of the compiled classes (so building meanwhile is
# safe), growing a corpus in target/fuzz/TARGET/corpus and writing any finding (crash-*,
# timeout-*, oom-*; slow-unit-* for an input over 10 s, listed but not counted) to
# target/fuzz/TARGET/. Once a finding is fixed, copy it into the target's Inputs folder (the line
# printed at the end says where) so that every test run replays it. Exit status 1 when anything
# was found. Run it niced on a shared machine. An input that runs
# over 300 s counts as a hang (-timeout); the bound is wide because the first input loads
# TensorFlow, which takes minutes on a loaded machine. SECONDS is libFuzzer's budget, which its
# replay of the corpus counts against (on a loaded machine the replay can take all of it); the
# JVM's start comes on top.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
targets=(image model cache onnx keras h5 tfjs-graph pb)
usage="usage: scripts/fuzz.sh image|model|cache|onnx|keras|h5|tfjs-graph|pb|all [SECONDS [JAZZER OPTIONS...]]"

# Sets class and seeds (under src/test/resources/org/sieve) for target $1.
describe() {
    case "$1" in
        image) class=org.sieve.image.ImageFuzzTest; seeds=image/ImageFuzzTestInputs/anyBytesBecomeAnImageOrAMessage ;;
        model) class=org.sieve.network.format.ModelFuzzTest; seeds=network/format/ModelFuzzTestInputs/anyModelFilesLoadOrGiveAMessage ;;
        cache) class=org.sieve.service.CacheEntryFuzzTest; seeds=service/CacheEntryFuzzTestInputs/anyEntryIsAHitOrAMiss ;;
        onnx) class=org.sieve.network.format.OnnxFuzzTest; seeds=network/format/OnnxFuzzTestInputs/anyOnnxLoadsOrGivesAMessage ;;
        keras) class=org.sieve.network.format.KerasZipFuzzTest; seeds=network/format/KerasZipFuzzTestInputs/anyKerasLoadsOrGivesAMessage ;;
        h5) class=org.sieve.network.format.KerasH5FuzzTest; seeds=network/format/KerasH5FuzzTestInputs/anyH5LoadsOrGivesAMessage ;;
        tfjs-graph) class=org.sieve.network.format.GraphModelFuzzTest; seeds=network/format/GraphModelFuzzTestInputs/anyGraphModelLoadsOrGivesAMessage ;;
        pb) class=org.sieve.network.format.FrozenGraphFuzzTest; seeds=network/format/FrozenGraphFuzzTestInputs/anyGraphDefLoadsOrGivesAMessage ;;
        *) echo "$usage" >&2; exit 2 ;;
    esac
}

# Fuzzes target $1 for $2 seconds with Jazzer options $3...; its output goes to target/fuzz/$1/log.
fuzz() {
    local target="$1" seconds="$2" out="$home/target/fuzz/$1"
    describe "$target"
    mkdir -p "$out/corpus"
    # An earlier run's findings are not this run's: they were reported then (and copied, once fixed).
    rm -f "$out"/crash-* "$out"/timeout-* "$out"/oom-* "$out"/slow-unit-*
    rm -rf "$out/classes" && mkdir -p "$out/classes"
    cp -r "$home/target/classes" "$out/classes/main" && cp -r "$home/target/test-classes" "$out/classes/test"
    (cd "$out" && java -Xmx4g -Dsieve.cache="$out/cache" -Djava.awt.headless=true \
        -cp "$out/classes/test:$out/classes/main:$(cat "$home/target/fuzz/classpath")" \
        com.code_intelligence.jazzer.Jazzer \
        --target_class="$class" --instrumentation_includes='org.sieve.**:com.google.gson.**:com.google.protobuf.**:io.jhdf.**' \
        -max_total_time="$seconds" -timeout=300 -print_final_stats=1 -artifact_prefix="$out/" \
        "${@:3}" "$out/corpus" "$home/src/test/resources/org/sieve/$seeds") >"$out/log" 2>&1
}

target="${1:-}"
seconds="${2:-600}"
[[ "$target" == all ]] && list=("${targets[@]}") || { describe "$target"; list=("$target"); }
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "$usage" >&2; exit 2; }
mkdir -p "$home/target/fuzz"
# Offline where the dependency plugin is already there; a fresh CI machine fetches it.
build=(test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$home/target/fuzz/classpath")
(cd "$home" && { mvn -q -B -o "${build[@]}" 2>/dev/null || mvn -q -B "${build[@]}"; }) >&2

found=0
for t in "${list[@]}"; do
    start=$SECONDS
    status=0
    fuzz "$t" "$seconds" "${@:3}" || status=$?
    describe "$t"
    runs="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$home/target/fuzz/$t/log" | tail -1 | grep -o '[0-9]*$' || true)"
    shopt -s nullglob
    findings=("$home/target/fuzz/$t"/{crash,timeout,oom}-*)
    slow=("$home/target/fuzz/$t"/slow-unit-*)
    shopt -u nullglob
    echo "fuzz $t: ${runs:-0} executions in $((SECONDS - start)) s (budget ${seconds} s), ${#findings[@]} findings," \
        "${#slow[@]} slow inputs, Jazzer exit status $status" >&2
    # A slow input (over 10 s) is listed, not failed: on a loaded machine even seeds are slow.
    for f in "${slow[@]}"; do
        echo "  slow input: $f" >&2
    done
    if (( ${#findings[@]} > 0 || status != 0 )); then
        found=1
        tail -n 30 "$home/target/fuzz/$t/log" >&2
        for f in "${findings[@]}"; do
            echo "  finding: $f; once fixed: cp '$f' '$home/src/test/resources/org/sieve/$seeds/'" >&2
        done
    fi
done
exit "$found"
