#!/usr/bin/env bash
# Fuzzes one of Sieve's fuzz targets with Jazzer for a chosen time (issue 14).
#   scripts/fuzz.sh TARGET [SECONDS [JAZZER OPTIONS...]]      default 600 seconds, e.g. --keep_going=50
# TARGET: image, model (TF.js layers folder), cache, or a model format's reader: onnx, keras
# (.keras zip), h5 (Keras 2 HDF5), tfjs-graph (graph model.json + shard), pb (frozen GraphDef).
# The normal 'mvn test' only replays each target's committed corpus (src/test/resources/...Inputs);
# this runs the fuzzer itself, on a snapshot of the compiled classes (so building meanwhile is
# safe), growing a corpus in target/fuzz/TARGET/corpus and writing any finding (crash-*,
# timeout-*, oom-*) to target/fuzz/TARGET/. Once a finding is fixed, copy it into the target's
# Inputs folder so that every test run replays it. Run it niced on a shared machine. An input that
# runs over 300 s counts as a hang (-timeout); the bound is wide because the first input loads
# TensorFlow, which takes minutes on a loaded machine.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:-}"
seconds="${2:-600}"
case "$target" in
    image) class=org.sieve.image.ImageFuzzTest; seeds=image/ImageFuzzTestInputs/anyBytesBecomeAnImageOrAMessage ;;
    model) class=org.sieve.network.format.ModelFuzzTest; seeds=network/format/ModelFuzzTestInputs/anyModelFilesLoadOrGiveAMessage ;;
    cache) class=org.sieve.service.CacheEntryFuzzTest; seeds=service/CacheEntryFuzzTestInputs/anyEntryIsAHitOrAMiss ;;
    onnx) class=org.sieve.network.format.OnnxFuzzTest; seeds=network/format/OnnxFuzzTestInputs/anyOnnxLoadsOrGivesAMessage ;;
    keras) class=org.sieve.network.format.KerasZipFuzzTest; seeds=network/format/KerasZipFuzzTestInputs/anyKerasLoadsOrGivesAMessage ;;
    h5) class=org.sieve.network.format.KerasH5FuzzTest; seeds=network/format/KerasH5FuzzTestInputs/anyH5LoadsOrGivesAMessage ;;
    tfjs-graph) class=org.sieve.network.format.GraphModelFuzzTest; seeds=network/format/GraphModelFuzzTestInputs/anyGraphModelLoadsOrGivesAMessage ;;
    pb) class=org.sieve.network.format.FrozenGraphFuzzTest; seeds=network/format/FrozenGraphFuzzTestInputs/anyGraphDefLoadsOrGivesAMessage ;;
    *) echo "usage: scripts/fuzz.sh image|model|cache|onnx|keras|h5|tfjs-graph|pb [SECONDS]" >&2; exit 2 ;;
esac
out="$home/target/fuzz/$target"
mkdir -p "$out/corpus"
cd "$home"
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath" >&2
rm -rf "$out/classes" && mkdir -p "$out/classes"
cp -r target/classes "$out/classes/main" && cp -r target/test-classes "$out/classes/test"
cd "$out"
exec java -Xmx4g -Dsieve.cache="$out/cache" -Djava.awt.headless=true \
    -cp "$out/classes/test:$out/classes/main:$(cat "$out/classpath")" com.code_intelligence.jazzer.Jazzer \
    --target_class="$class" --instrumentation_includes='org.sieve.**:com.google.gson.**:com.google.protobuf.**:io.jhdf.**' \
    -max_total_time="$seconds" -timeout=300 -print_final_stats=1 -artifact_prefix="$out/" \
    "${@:3}" "$out/corpus" "$home/src/test/resources/org/sieve/$seeds"
