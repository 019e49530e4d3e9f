#!/usr/bin/env bash
# Hover latency of the interactive explorers (issue #11: "a hover must redraw within 50 ms on 2 cores for
# LeNet-5 on a 28x28 input"), in headless Chromium pinned to 2 cores, against the cheapest possible hover
# measured in the same run (bench/explore/hover-bench.mjs says how). Needs chromium and `npm ci` in tests/browser.
# Usage: bench/explore-hover-bench.sh [hovers=200]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
OUT=bench/target/explore
mkdir -p "$OUT"
mvn -B -q -o -pl cnn-api compile dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/cp.txt" >/dev/null
CP="cnn-api/target/classes:$(cat "$OUT/cp.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/explore/HoverPages.java
java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Djava.awt.headless=true -cp "$OUT/classes:$CP" HoverPages "$PWD/$OUT" 2>&1 \
  | grep -v NNPACK || true
test -s "$OUT/lenet.html"
taskset -c 0,1 node bench/explore/hover-bench.mjs "$PWD/$OUT" "${1:-200}"
