#!/usr/bin/env bash
# Training throughput: LeNet-5 on the full Fashion-MNIST (60,000 images), batch 256, 2 epochs, 2 threads,
# Adam 1e-3, measured four ways in alternating rounds:
#   fit        cnnlab's net.fit (bench/train/FitBench.java)
#   hand       a minimal hand-written DJL loop over the same batches (bench/train/HandLoop.java)
#   torch      Debian's python3-torch with its default BLAS
#   torch+ob   the same with OpenBLAS (libopenblas0-pthread) as libblas.so.3 via LD_LIBRARY_PATH
# Each prints training images/second (training loop only); /usr/bin/time -v gives peak RSS.
# Needs: dataset-fashion-mnist, python3-torch, libopenblas0-pthread, time (apt-get install ...).
# Then the phase table (bench/train/StepBench.java, bench/train/torch_steps.py): for LeNet-5 and the small VGG-16
# at batch 256 and 1024, per step: time to get the batch, forward+backward, optimizer, and engine operations
# per phase, for cnnlab before ("per-param": Java batches, DJL's per-parameter optimizer), after ("flat": data
# resident on the device, one flat optimizer step) and PyTorch, with the ratios the issue asks for.
# Usage: bench/train-bench.sh [rounds=1] [epochs=2] [steps=20]     (steps per phase measurement)
#        PHASES_ONLY=1 bench/train-bench.sh 1 0 5                  (a quick look at the phase table only)
#        MODELS=lenet BATCHES=256 PHASES_ONLY=1 bench/train-bench.sh 3 0 10   (one configuration, three rounds)
#        MODELS=" " bench/train-bench.sh 3 2                        (the four whole-fit runs only)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ROUNDS=${1:-1}
EPOCHS=${2:-2}
STEPS=${3:-20}
OUT=bench/target/train
mkdir -p "$OUT"
OPENBLAS_DIR=$(dirname "$(dpkg -L libopenblas0-pthread | grep '/libblas.so.3$' | head -1)")

mvn -B -q -o -pl cnn-api compile dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/cp.txt" >/dev/null
CP="cnn-api/target/classes:$(cat "$OUT/cp.txt")"
export OMP_NUM_THREADS=2
# OpenMP worker threads otherwise spin between parallel operations. On a machine whose cores are shared with
# other work, the spinning threads take the cores from the ones computing: a LeNet-5 step in DJL measured 8x
# slower here. Both cnnlab and PyTorch (both link GNU libgomp) run with the same setting.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
# The hand-written peer loop does not go through CnnLabRuntime.init(), so the settings are passed to both.
read -ra extra_opts <<< "${BENCH_JAVA_OPTS:-}"
JAVA_OPTS=(-Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dai.djl.pytorch.num_threads=2
           -Dai.djl.pytorch.num_interop_threads=1 -Djava.awt.headless=true "${extra_opts[@]}")
# Compile the two Java programs once, so that compilation is not in any measurement.
javac -d "$OUT/classes" -cp "$CP" bench/train/FitBench.java bench/train/HandLoop.java bench/train/StepBench.java

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

rm -f "$OUT/results.txt" "$OUT/phases.txt"
: > "$OUT/phases.txt" # MODELS=" " skips the phase table; the summaries below still run
for r in $(seq "$ROUNDS"); do
  echo "round $r: phases"
  for model in ${MODELS:-lenet vgg}; do
    for batch in ${BATCHES:-256 1024}; do
      n=$STEPS; [ "$model" = vgg ] && [ "$batch" = 1024 ] && n=$(( (STEPS + 3) / 4 ))
      java "${JAVA_OPTS[@]}" -cp "$OUT/classes:$CP" org.cnnlab.train.StepBench "$model" "$batch" "$n" per-param flat \
        | grep '^PHASES' | tee -a "$OUT/phases.txt"
      /usr/bin/python3 bench/train/torch_steps.py "$model" "$batch" "$n" | tee -a "$OUT/phases.txt"
    done
  done
  [ -n "${PHASES_ONLY:-}" ] && continue
  echo "round $r"
  run fit java "${JAVA_OPTS[@]}" -cp "$OUT/classes:$CP" FitBench "$EPOCHS" 256
  run hand java "${JAVA_OPTS[@]}" -cp "$OUT/classes:$CP" HandLoop "$EPOCHS" 256
  run torch /usr/bin/python3 bench/train/torch_bench.py "$EPOCHS" 256 torch
  LD_LIBRARY_PATH="$OPENBLAS_DIR" run torch+ob /usr/bin/python3 bench/train/torch_bench.py "$EPOCHS" 256 torch+ob
done

# The phase table: medians over the rounds of each (impl, model, batch), and each cnnlab way against PyTorch.
awk '
  function median(s,   a, n, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { k = $2 " " $3 " " $4; if (!(k in seen)) { seen[k] = 1; keys[++nk] = k }
    for (f = 5; f <= 13; f++) v[k, f] = v[k, f] " " $f }
  END {
    printf "\n%-9s %-5s %5s %8s %8s %8s %8s %8s %6s %7s %7s %7s %6s %8s\n", "impl", "model", "batch", "img/s", "batch", "fwd+bwd", "optim", "other", "optim%", "ops:bat", "ops:f+b", "ops:opt", "all", "vs torch"
    for (i = 1; i <= nk; i++) {
      k = keys[i]; split(k, p, " "); for (f = 5; f <= 13; f++) m[f] = median(v[k, f])
      t = median(v["torch " p[2] " " p[3], 5]); tot = m[6] + m[7] + m[8] + m[9]
      printf "%-9s %-5s %5d %8d %6.2fms %6.2fms %6.2fms %6.2fms %5.1f%% %7d %7d %7d %6d %8.3f\n", p[1], p[2], p[3], m[5], m[6], m[7], m[8], m[9], 100 * m[8] / tot, m[10], m[11], m[12], m[13], t ? m[5] / t : 0
    }
  }' "$OUT/phases.txt"
[ -n "${PHASES_ONLY:-}" ] && exit 0

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
