#!/bin/sh
# Per-phase profile of one training step with native-call counts (a tool, not part of the build).
# Usage, from the repository root: benchmark/src/test/tools/phases.sh quick|paper [steps]
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=${TMPDIR:-/tmp}/sibench-ncc
mkdir -p "$out"
javac --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED -d "$out" "$here/NativeCallCounter.java"
printf "Premain-Class: NativeCallCounter\n" > "$out/manifest"
(cd "$out" && jar cfm ncc.jar manifest NativeCallCounter*.class)
OMP_WAIT_POLICY=PASSIVE MALLOC_MMAP_THRESHOLD_=4000000000 MALLOC_TRIM_THRESHOLD_=8000000000 MALLOC_TOP_PAD_=536870912 \
  mvn -o -q -pl benchmark -am test-compile exec:exec@run -Dexec.classpathScope=test -Djvm.args="-Xmx8g --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED -javaagent:$out/ncc.jar" \
  -Dmain=io.github.sibench.models.StepPhases -Dargs="$*"
