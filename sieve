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
    # A fresh lib folder: CPU and CUDA natives must never both be on the class path.
    rm -rf "$home/target/lib"
    (cd "$home" && mvn -q -B -DskipTests $opts package) >&2
    echo "$opts" > "$stamp"
fi

exec java ${JAVA_OPTS:-} -Dsieve.home="$home" -cp "$jar:$home/target/lib/*" org.sieve.cli.Main "$@"
