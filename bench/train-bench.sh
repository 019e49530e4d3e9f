#!/usr/bin/env bash
# Training throughput: LeNet-5 on the full Fashion-MNIST (60,000 images), batch 256, 2 epochs, 2 threads,
# Adam 1e-3, measured four ways in alternating rounds:
#   fit        cnnlab's net.fit (bench/train/FitBench.java)
#   hand       a minimal hand-written DJL loop over the same batches (bench/train/HandLoop.java)
#   torch      Debian's python3-torch with its default BLAS
#   torch+ob   the same with OpenBLAS (libopenblas0-pthread) as libblas.so.3 via LD_LIBRARY_PATH
# Each prints training images/second (training loop only); /usr/bin/time -v gives peak RSS.
# Needs: dataset-fashion-mnist, python3-torch, libopenblas0-pthread, time (apt-get install ...).
# Usage: bench/train-bench.sh [rounds=1] [epochs=2]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ROUNDS=${1:-1}
EPOCHS=${2:-2}
OUT=bench/target/train
mkdir -p "$OUT"
OPENBLAS_DIR=$(dirname "$(dpkg -L libopenblas0-pthread | grep '/libblas.so.3$' | head -1)")

mvn -B -q -o -pl cnn-api compile dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/cp.txt" >/dev/null
CP="cnn-api/target/classes:$(cat "$OUT/cp.txt")"
export OMP_NUM_THREADS=2
# The hand-written peer loop does not go through CnnLabRuntime.init(), so the settings are passed to both.
read -ra extra_opts <<< "${BENCH_JAVA_OPTS:-}"
JAVA_OPTS=(-Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dai.djl.pytorch.num_threads=2
           -Dai.djl.pytorch.num_interop_threads=1 -Djava.awt.headless=true "${extra_opts[@]}")
# Compile the two Java programs once, so that compilation is not in any measurement.
javac -d "$OUT/classes" -cp "$CP" bench/train/FitBench.java bench/train/HandLoop.java

run() {  # name, command...
  local name=$1; shift
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2>&1 || { cat "$OUT/$name.out"; exit 1; }
  local ips rss
  ips=$(grep -o 'images_per_second=[0-9]*' "$OUT/$name.out" | cut -d= -f2)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/$name.time")
  echo "$name $ips $rss" >> "$OUT/results.txt"
  printf '%-9s %8s img/s  peak RSS %5d MB   %s\n' "$name" "$ips" $((rss / 1024)) \
    "$(grep -o 'test_accuracy=[0-9.]*' "$OUT/$name.out" || true)"
}

rm -f "$OUT/results.txt"
for r in $(seq "$ROUNDS"); do
  echo "round $r"
  run fit java "${JAVA_OPTS[@]}" -cp "$OUT/classes:$CP" FitBench "$EPOCHS" 256
  run hand java "${JAVA_OPTS[@]}" -cp "$OUT/classes:$CP" HandLoop "$EPOCHS" 256
  run torch /usr/bin/python3 bench/train/torch_bench.py "$EPOCHS" 256 torch
  LD_LIBRARY_PATH="$OPENBLAS_DIR" run torch+ob /usr/bin/python3 bench/train/torch_bench.py "$EPOCHS" 256 torch+ob
done

# Medians over the rounds, then the ratios the issue asks for.
awk '
  { ips[$1] = ips[$1] " " $2; rss[$1] = rss[$1] " " $3 }
  function median(s,   a, n, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END {
    f = median(ips["fit"]); h = median(ips["hand"]); t = median(ips["torch"]); o = median(ips["torch+ob"])
    best = t > o ? t : o; bestName = t > o ? "torch" : "torch+ob"
    tr = median(rss["torch"]); orr = median(rss["torch+ob"]); pr = tr < orr ? tr : orr
    printf "\nmedians: fit %d, hand %d, torch %d, torch+ob %d img/s\n", f, h, t, o
    printf "fit / fastest PyTorch (%s): %.3f\n", bestName, f / best
    printf "fit / hand loop:               %.3f\n", f / h
    printf "fit peak RSS / PyTorch (smaller of the two): %.2f  (%d MB vs %d MB)\n", median(rss["fit"]) / pr, median(rss["fit"]) / 1024, pr / 1024
  }' "$OUT/results.txt"
