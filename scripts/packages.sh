# shellcheck shell=bash
# Sourced by scripts/setup.sh and test.sh: installing the Debian packages a command needs.

# The Jupyter that ./start.sh and ./test.sh use, as Debian packages it (jupyter-client gives the
# `jupyter kernelspec` command). Used by the scripts that source this one.
# shellcheck disable=SC2034
CNNLAB_JUPYTER_PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient python3-jupyter-client
                         jupyter-client python3-ipykernel)

# cnnlab_missing_packages NAME...: prints the names dpkg does not have installed, one a line.
cnnlab_missing_packages() {
  local p
  for p in "$@"; do
    command -v dpkg-query >/dev/null && dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"
  done
}

# cnnlab_apt_install WHO NAME...: installs the missing ones among NAME... As root, with apt-get (waiting
# for another apt to finish, never interrupting it); otherwise prints the exact command to run and returns 1.
# WHO names the caller in messages.
cnnlab_apt_install() {
  local who=$1; shift
  local missing
  mapfile -t missing < <(cnnlab_missing_packages "$@")
  ((${#missing[@]})) || return 0
  if ! command -v apt-get >/dev/null; then
    printf '%s: this machine has no apt-get; install the equivalents of these Debian packages, then run %s again: %s\n' \
      "$who" "$who" "${missing[*]}" >&2
    return 1
  fi
  if [ "$(id -u)" != 0 ]; then
    printf '%s: these Debian packages are missing: %s\nInstall them, then run %s again:\n  sudo apt-get install -y --no-install-recommends %s\n' \
      "$who" "${missing[*]}" "$who" "${missing[*]}" >&2
    return 1
  fi
  echo "$who: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -o DPkg::Lock::Timeout=900 -o Acquire::Retries=3 -y -q)
  "${apt[@]}" update >/dev/null
  "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null
}

# cnnlab_package_list FILE: the package names of FILE (one a line, `#` comments and blank lines skipped).
cnnlab_package_list() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$1"
}
