#!/usr/bin/env bash
# Sieve launcher: builds the project when its sources changed, then runs it.
#   ./sieve               the explorer (GUI)
#   ./sieve COMMAND ...   the command line (./sieve help)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$home/target/sieve.jar"

if [[ ! -f "$jar" || -n "$(find "$home/src/main" "$home/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    echo "Building Sieve (first run or sources changed) ..." >&2
    (cd "$home" && mvn -q -B -DskipTests package) >&2
fi

exec java ${JAVA_OPTS:-} -Dsieve.home="$home" -cp "$jar:$home/target/lib/*" org.sieve.cli.Main "$@"
