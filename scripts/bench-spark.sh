#!/usr/bin/env bash
# Throughput of `sieve batch` on Apache Spark against the plain batch (issue 30): the first COUNT
# MNIST test images through LeNet-5's 8 layers, with
#   1. the plain batch (one process),
#   2. --engine spark --master local[2] (embedded Spark),
#   3. --engine spark on a standalone cluster of one master and two workers (one core each) on
#      127.0.0.1, started here from the Spark jars Maven resolved (target/spark-lib),
# each into a fresh output folder, and prints images per minute: over the whole command (JVM and
# Spark start included) and over the analyses alone (summary.json, timingOfThisRun). A benchmark,
# not a test: 1,000 images take about 75 minutes per engine on 2 cores.
#   [BENCH_ROUNDS=R] scripts/bench-spark.sh [COUNT] [more batch options]    default 1000 images
# With BENCH_ROUNDS the three runs are repeated R times in turns, so that a busy machine's noise
# falls on every engine alike.
# MNIST's test set comes from data/mnist (scripts/fetch-datasets.sh), or for up to 500 images from
# the committed subset in src/test/resources/testsets.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-1000}"
rounds="${BENCH_ROUNDS:-1}"
shift || true
work="$home/target/bench-spark"
cd "$home"
./sieve models >/dev/null   # builds Sieve (and target/spark-lib) when its sources changed
cp="target/sieve.jar:target/lib/*"
images="$work/images-$count"
if [[ ! -d "$images" ]]; then
    subset=src/test/resources/testsets
    if (( count <= 500 )); then
        java -cp "$cp" org.sieve.cli.Main export-samples mnist "$count" "$images" \
            --images "$subset/mnist-test-500-images.idx.gz" --labels "$subset/mnist-test-500-labels.idx.gz"
    else
        java -cp "$cp" org.sieve.cli.Main export-samples mnist "$count" "$images"
    fi
fi

# The standalone cluster: SPARK_HOME's jars/ (Spark's jars and the ones it shares with Sieve) is
# what a worker puts on its executors' class path; RELEASE marks it as an installed Spark.
host=127.0.0.1
port=7177
spark_home="$work/spark-home"
rm -rf "$spark_home" && mkdir -p "$spark_home/jars"
ln -s "$home"/target/spark-lib/*.jar "$home"/target/lib/*.jar "$spark_home/jars/"
echo "Spark from the jars Maven resolved" >"$spark_home/RELEASE"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        pkill -KILL -P "$pid" 2>/dev/null || true   # the worker's executors
        kill "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT
daemon() { # log, main class, arguments
    local log=$1; shift
    SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=$host java -Xmx256m \
        @src/main/spark/java-options -cp "$spark_home/jars/*" "$@" >"$log" 2>&1 &
    pids+=($!)
}
daemon "$work/master.log" org.apache.spark.deploy.master.Master --host $host --port $port --webui-port 7178
for i in 1 2; do
    mkdir -p "$work/worker-$i"
    daemon "$work/worker-$i.log" org.apache.spark.deploy.worker.Worker --host $host --cores 1 --memory 2g \
        --work-dir "$work/worker-$i" --webui-port $((7178 + i)) spark://$host:$port
done
for _ in $(seq 120); do
    if curl -s http://$host:7178/json/ | tr -d ' \n' | grep -q '"aliveworkers":2'; then break; fi
    sleep 1
done

run() { # label, then batch options
    local label=$1; shift
    local out="$work/out-$label"
    rm -rf "$out"
    local start end
    start=$(date +%s.%N)
    ./sieve batch --model lenet5-mnist --images "$images" --out "$out" --no-cache "$@" >/dev/null 2>"$out.log" \
        || { echo "$label failed; see $out.log" >&2; tail -3 "$out.log" >&2; exit 4; }
    end=$(date +%s.%N)
    python3 - "$label" "$out/summary.json" "$start" "$end" <<'PY'
import json, sys
label, summary, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
s = json.load(open(summary))
n, seconds = s["timingOfThisRun"]["imagesComputed"], s["timingOfThisRun"]["seconds"]
print(f"{label:<28} {n:5d} images  {60 * n / (end - start):7.2f} images/min over the command "
      f"({end - start:7.1f} s)  {60 * n / seconds:7.2f} over the analyses ({seconds:7.1f} s)")
PY
}
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$count MNIST test images, LeNet-5, 8 layers $*"
for round in $(seq "$rounds"); do
    (( rounds == 1 )) || echo "round $round of $rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
    run plain "$@"
    run spark-local2 --engine spark --master 'local[2]' "$@"
    run spark-standalone-2workers --engine spark --master spark://$host:$port --conf spark.driver.host=$host "$@"
done
