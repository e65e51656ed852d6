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
record=
archive="$home/target/explorer.jsa"
classes="$home/target/explorer.classlist"
if [[ $# -eq 0 ]]; then
    main=org.sieve.ui.Explorer
    # Class-data sharing: the explorer's first start after a build lists the classes it loads (as
    # they load, so closing costs nothing); once it has closed, the archive of those classes is
    # made in the background (about 10 s of CPU, 54 MB) and later starts map it in.
    if [[ "$archive" -nt "$jar" ]]; then
        cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
    elif [[ ! "$classes" -nt "$jar" ]]; then
        rm -f "$archive" "$classes"
        record=1
        cds=(-XX:DumpLoadedClassList="$classes")
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
if [[ -z "$record" ]]; then
    exec java ${JAVA_OPTS:-} ${cds[@]+"${cds[@]}"} ${spark[@]+"${spark[@]}"} -Dsieve.home="$home" -cp "$classpath" \
        "$main" "$@"
fi
status=0
java ${JAVA_OPTS:-} "${cds[@]}" -Dsieve.home="$home" -cp "$classpath" "$main" || status=$?
# Detached and at low priority, so it neither holds the terminal nor slows what the user does next;
# its output (the classes CDS cannot archive) goes to a log. Renamed into place only when complete.
setsid nohup nice -n 10 bash -c 'java -Xshare:dump -XX:SharedClassListFile="$1" -XX:SharedArchiveFile="$2.part" \
    -Dsieve.home="$3" -cp "$4" && mv -f "$2.part" "$2"' sieve-cds "$classes" "$archive" "$home" "$classpath" \
    >"$home/target/explorer-cds.log" 2>&1 </dev/null &
exit "$status"
