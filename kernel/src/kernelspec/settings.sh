# shellcheck shell=sh
# Sourced by launch.sh, cnnlab-jshell and scripts/env.sh. cnnlab_export_settings FILE exports every
# "environment.NAME=value" line of cnnlab's settings file (cnn-api's org/cnnlab/runtime/settings.properties,
# copied beside this script by the build), unless NAME is already set: the user's own value wins.
cnnlab_export_settings() {
  while IFS='=' read -r cnnlab_key cnnlab_value || [ -n "$cnnlab_key" ]; do
    case $cnnlab_key in
      environment.*)
        cnnlab_name=${cnnlab_key#environment.}
        if eval "[ -z \"\${$cnnlab_name+set}\" ]"; then
          export "$cnnlab_name=$cnnlab_value"
        fi ;;
    esac
  done < "$1"
  unset cnnlab_key cnnlab_value cnnlab_name
}
