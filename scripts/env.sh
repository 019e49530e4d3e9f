# shellcheck shell=bash
# Sourced by every launcher: settings a JVM cannot give itself once started.
# glibc's malloc otherwise returns DJL's large tensors to the OS after each batch and faults them back in,
# which made training epochs up to 2x slower and erratic on 2 cores (see README, "Speed").
export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-33554432}
export MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-4294967296}
# Jupyter's own Python: on some machines `python3` on PATH is a build without Jupyter.
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jupyter_client' 2>/dev/null; then
  export CNNLAB_PYTHON=${CNNLAB_PYTHON:-/usr/bin/python3}
else
  export CNNLAB_PYTHON=${CNNLAB_PYTHON:-python3}
fi
