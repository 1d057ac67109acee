#!/usr/bin/env bash
# The kubeshift GitHub Action (action.yml passes its inputs as INPUT_* variables): get a kubeshift
# binary, check the paths, write SARIF for github/codeql-action/upload-sarif, print the findings
# as workflow annotations and in the chosen log format, add a markdown table to the job summary,
# and exit with kubeshift's exit code (0 clean, 1 findings, 2 usage error, 3 unreadable input).
# It runs the same way outside a runner: every GITHUB_* and RUNNER_* variable is optional.
set -uo pipefail

paths=${INPUT_PATHS:-.}
target_version=${INPUT_TARGET_VERSION:-}
fail_on=${INPUT_FAIL_ON:-}
format=${INPUT_FORMAT:-text}
changed_since=${INPUT_CHANGED_SINCE:-}
sarif_file=${INPUT_SARIF_FILE-kubeshift.sarif}
install=${INPUT_INSTALL:-auto}
action_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

fail() {
  echo "::error title=kubeshift action::$1"
  exit 2
}

# The build dependencies of README.md, without the test-only ones.
build_packages=(g++ cmake ninja-build pkg-config libyaml-cpp-dev rapidjson-dev libcli11-dev libgit2-dev libfmt-dev)

# Builds kubeshift from the repository this action belongs to; sets $kubeshift.
build_kubeshift() {
  local src build
  src=$(cd "$action_dir/../../.." && pwd)
  build=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/kubeshift-build
  if [[ $1 == apt ]]; then
    echo "::group::Install the build dependencies"
    local sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    if ! { "${sudo[@]}" apt-get update -qq &&
           "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
             apt-get install -y -qq --no-install-recommends "${build_packages[@]}"; }; then
      fail "apt-get could not install the build dependencies"
    fi
    echo "::endgroup::"
  fi
  echo "::group::Build kubeshift"
  local generator=()
  if command -v ninja >/dev/null; then generator=(-G Ninja); fi
  if ! { cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DKUBESHIFT_BUILD_TESTS=OFF &&
         cmake --build "$build" --target kubeshift --parallel "$(nproc)"; }; then
    fail "kubeshift did not build"
  fi
  echo "::endgroup::"
  kubeshift=$build/kubeshift
  # Later steps of the job can run kubeshift too.
  [[ -z ${GITHUB_PATH:-} ]] || echo "$build" >>"$GITHUB_PATH"
}

case $install in
  path) kubeshift=$(command -v kubeshift) || fail "install: path, but there is no kubeshift on PATH" ;;
  auto) kubeshift=$(command -v kubeshift) || build_kubeshift apt ;;
  build) build_kubeshift apt ;;
  build-no-apt) build_kubeshift no-apt ;;
  *) fail "install must be auto, build, build-no-apt or path, not '$install'" ;;
esac
case $format in
  text | json | sarif | github | junit | markdown | none) ;;
  *) fail "format must be text, json, sarif, github, junit, markdown or none, not '$format'" ;;
esac

[[ -z ${GITHUB_WORKSPACE:-} ]] || cd "$GITHUB_WORKSPACE" || fail "cannot enter $GITHUB_WORKSPACE"
args=(check)
[[ -z $target_version ]] || args+=(--target-version "$target_version")
[[ -z $fail_on ]] || args+=(--fail-on "$fail_on")
[[ -z $changed_since ]] || args+=(--changed-since "$changed_since")
set -f  # paths are split at white space, not globbed: kubeshift walks directories itself
# shellcheck disable=SC2206
path_args=($paths)
set +f

# kubeshift is deterministic, so each format is one more run over the same files. The first run
# decides the exit code and is the only one whose error messages are shown.
if [[ -n $sarif_file ]]; then
  mkdir -p "$(dirname "$sarif_file")" || fail "cannot create the directory of $sarif_file"
  "$kubeshift" "${args[@]}" -o sarif -- "${path_args[@]}" >"$sarif_file"
else
  "$kubeshift" "${args[@]}" -o json -- "${path_args[@]}" >/dev/null
fi
rc=$?
if ((rc != 2)); then
  "$kubeshift" "${args[@]}" -o github -- "${path_args[@]}" 2>/dev/null
  if [[ $format == text ]]; then
    "$kubeshift" "${args[@]}" -o text --color -- "${path_args[@]}" 2>/dev/null
  elif [[ $format != none && $format != github ]]; then
    "$kubeshift" "${args[@]}" -o "$format" -- "${path_args[@]}" 2>/dev/null
  fi
  if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
    "$kubeshift" "${args[@]}" -o markdown -- "${path_args[@]}" >>"$GITHUB_STEP_SUMMARY" 2>/dev/null
  fi
fi

if [[ -n ${GITHUB_OUTPUT:-} ]]; then
  echo "exit-code=$rc" >>"$GITHUB_OUTPUT"
  echo "sarif-file=$sarif_file" >>"$GITHUB_OUTPUT"
fi
exit "$rc"
