#!/usr/bin/env bash
# Sieve launcher: builds the project when its sources changed, then runs it.
#   ./sieve               the explorer (GUI)
#   ./sieve COMMAND ...   the command line (./sieve help)
# SIEVE_BUILD_OPTS=-Pgpu builds with TensorFlow's CUDA natives (then use --device gpu).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$home/target/sieve.jar"

stamp="$home/target/build-opts"
opts="${SIEVE_BUILD_OPTS:-}"
if [[ ! -f "$jar" || "$(cat "$stamp" 2>/dev/null)" != "$opts"
      || -n "$(find "$home/src/main" "$home/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    echo "Building Sieve (first run, sources or build options changed) ..." >&2
    # Fresh lib folders: CPU and CUDA natives must never both be on the class path.
    rm -rf "$home/target/lib" "$home/target/spark-lib"
    (cd "$home" && mvn -q -B -DskipTests $opts package) >&2
    echo "$opts" > "$stamp"
fi

main=org.sieve.cli.Main
cds=()
if [[ $# -eq 0 ]]; then
    main=org.sieve.ui.Explorer
    # Class-data sharing: the explorer's first start after a build records the classes it loads
    # (written when its window closes); later starts map them in and open about a third faster.
    archive="$home/target/explorer.jsa"
    if [[ "$archive" -nt "$jar" ]]; then
        cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
    else
        rm -f "$archive"
        cds=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
    fi
fi
# batch --engine spark: Spark's jars (target/spark-lib, copied by the build, never packaged) and
# the JDK internals Spark needs opened.
classpath="$jar:$home/target/lib/*"
spark=()
if [[ "${1:-}" == batch && " $* " =~ " --engine spark "|" --engine=spark " ]]; then
    classpath="$classpath:$home/target/spark-lib/*"
    spark=("@$home/src/main/spark/java-options")
fi
exec java ${JAVA_OPTS:-} ${cds[@]+"${cds[@]}"} ${spark[@]+"${spark[@]}"} -Dsieve.home="$home" -cp "$classpath" "$main" "$@"
