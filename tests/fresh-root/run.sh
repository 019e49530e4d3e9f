#!/usr/bin/env bash
# The README on a fresh machine: a clean Debian 12 root (debootstrap) holding only the README's
# prerequisites (openjdk-17-jdk-headless, maven), the repository's committed HEAD copied in, then inside it,
# as root, exactly the README's commands:
#     ./start.sh --execute notebooks/05-lenet5.ipynb
#     ./test.sh
# Run by .ci/run, as root, on a Debian machine. Never run two at once (a lock makes the second wait).
#
# Cached between runs on the same machine, under $CNNLAB_FRESH_ROOT_CACHE (default
# /var/cache/cnnlab-fresh-root): the base root with the prerequisites (rebuilt when absent; delete base/ to
# rebuild it) and Maven's ~/.m2 (without this project's own artifacts). Never cached: anything the README's
# commands install (Jupyter, Chromium, pytest, npm packages): each run starts from a copy of the base root.
# Timings are printed at the end and written to out/fresh-root/timings.txt with the exported HTML.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${CNNLAB_FRESH_ROOT_CACHE:-/var/cache/cnnlab-fresh-root}
results=$repo/out/fresh-root
say() { printf '\033[1mfresh-root:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mfresh-root:\033[0m %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, mount, chroot); run it as root, as CI does"
command -v apt-get >/dev/null || die "needs a Debian machine (apt-get, debootstrap)"
mkdir -p "$cache" "$results"
exec 9>"$cache/lock"
flock -n 9 || { say "another fresh-root run holds $cache/lock; waiting for it"; flock 9; }

# The job's own infrastructure, not the README's: debootstrap on the host.
if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap on the host"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -y -q install --no-install-recommends debootstrap >/dev/null
fi

# The Debian mirror this machine uses (its sources are copied into the root as well).
mirror=$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(sed -n 's/^deb  *\(http[^ ]*\/debian\) .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -1)
mirror=${mirror:-http://deb.debian.org/debian}

# --- mounts: every bind mount is recorded, and undone before anything under the root is deleted ------------
mounted=()
mount_in() {  # mount_in ROOT: the kernel file systems a Debian root needs (Java's install needs /proc)
  local root=$1 d
  for d in proc sys dev dev/pts dev/shm; do
    mkdir -p "$root/$d"
    mount --bind "/$d" "$root/$d"
    mounted+=("$root/$d")
  done
}
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"
  done
  mounted=()
}
# remove_root ROOT: deletes ROOT only when nothing is mounted under it any more.
remove_root() {
  local root=$1
  [ -d "$root" ] || return 0
  if awk -v r="$root" '$5 == r || index($5, r "/") == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo; then
    die "something is still mounted under $root; not deleting it (see /proc/self/mountinfo)"
  fi
  rm -rf --one-file-system "$root"
}
scratch=""
cleanup() {
  unmount_all
  [ -z "$scratch" ] || remove_root "$scratch"
  remove_root "$cache/base.new"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_root() {  # in_root ROOT COMMAND: runs COMMAND with bash inside ROOT, as root, with a clean environment
  local root=$1; shift
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -c "$1"
}

copy_host_settings() {  # what any machine of this network needs: name servers, CAs, the Debian sources
  local root=$1
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  mkdir -p "$root/usr/local/share/ca-certificates"
  if compgen -G '/usr/local/share/ca-certificates/*' >/dev/null; then
    cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
  fi
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
    : > "$root/etc/apt/sources.list"
  fi
  # Apt's settings for this network (proxies, snapshot validity), never other vendors' package sources.
  grep -l 'Acquire::' /etc/apt/apt.conf.d/* 2>/dev/null | while read -r f; do cp "$f" "$root/etc/apt/apt.conf.d/"; done
}

# --- the base root: Debian 12 minbase plus the README's prerequisites, cached -----------------------------
t0=$(date +%s)
base_seconds=0
if [ ! -f "$cache/base/.complete" ]; then
  say "creating the base root (debootstrap bookworm from $mirror, then openjdk-17-jdk-headless and maven)"
  remove_root "$cache/base"
  remove_root "$cache/base.new"
  debootstrap --variant=minbase bookworm "$cache/base.new" "$mirror" >"$results/debootstrap.log" 2>&1 \
    || { tail -20 "$results/debootstrap.log"; die "debootstrap failed (log: $results/debootstrap.log)"; }
  copy_host_settings "$cache/base.new"
  mount_in "$cache/base.new"
  in_root "$cache/base.new" '
    set -e
    export DEBIAN_FRONTEND=noninteractive
    apt-get -q update >/dev/null
    apt-get -y -q install ca-certificates openjdk-17-jdk-headless maven >/dev/null   # as the README says
    # After ca-certificates-java: Java'"'"'s trust store must hold this network'"'"'s authorities too (Maven, HTTPS).
    update-ca-certificates --fresh >/dev/null
    apt-get clean
    rm -rf /var/lib/apt/lists/*'
  unmount_all
  touch "$cache/base.new/.complete"
  mv "$cache/base.new" "$cache/base"
  base_seconds=$(($(date +%s) - t0))
fi

# --- one run: a scratch copy of the base, the clone, the README's two commands -----------------------------
t1=$(date +%s)
scratch=$cache/run.$$
remove_root "$scratch"
cp -a "$cache/base" "$scratch"
rm -f "$scratch/.complete"
copy_host_settings "$scratch"
mount_in "$scratch"
mkdir -p "$cache/m2" "$scratch/root/.m2"
mount --bind "$cache/m2" "$scratch/root/.m2"
mounted+=("$scratch/root/.m2")
mkdir -p "$scratch/root/cnnlab"
git -C "$repo" archive --format=tar HEAD | tar -x -C "$scratch/root/cnnlab"
say "cloned $(git -C "$repo" rev-parse --short HEAD) into a fresh root (copy took $(($(date +%s) - t1)) s)"

# timed COMMAND...: runs COMMAND; appends "wall user sys" seconds to $times (CPU time tells what the run
# would take on an idle machine when the machine is shared).
times=$(mktemp)
timed() {
  local TIMEFORMAT='%R %U %S'
  exec 3>&2
  { time "$@" 2>&3; } 2>>"$times"
}
cpu() { awk -v n="$1" 'NR == n { printf "%d s wall, %d s CPU (user+sys)", $1, $2 + $3 }' "$times"; }
status=0
t2=$(date +%s)
say "inside: ./start.sh --execute notebooks/05-lenet5.ipynb"
timed in_root "$scratch" 'cd /root/cnnlab && ./start.sh --execute notebooks/05-lenet5.ipynb </dev/null' || status=$?
if [ "$status" = 0 ]; then
  say "inside: ./test.sh"
  timed in_root "$scratch" 'cd /root/cnnlab && ./test.sh </dev/null' || status=$?
fi
t4=$(date +%s)
cp "$scratch/root/cnnlab/out/"*.html "$results/" 2>/dev/null || true

# This project's own artifacts are not part of the Maven cache: each run builds them.
rm -rf "$cache/m2/repository/org/cnnlab"
{
  echo "base root created: ${base_seconds} s (0: cached)"
  echo "copy of the base root and the clone: $((t2 - t1)) s"
  echo "./start.sh --execute notebooks/05-lenet5.ipynb: $(cpu 1)"
  echo "./test.sh: $(cpu 2)"
  echo "fresh-root job in all: $((t4 - t0)) s wall; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/timings.txt"
rm -f "$times"
[ "$status" = 0 ] || die "a README command failed inside the fresh root (exit $status)"
say "the README's commands work on a fresh Debian 12 root"
