#!/usr/bin/env bash
# The `language: script` hooks of .pre-commit-hooks.yaml (kubeshift-build, kubeshift-convert-build):
# build kubeshift from this checkout the first time, then run it with the hook's arguments and
# the staged files. pre-commit keeps one clone per hook revision, so that is one build per
# revision. KUBESHIFT_HOOK_BUILD_DIR overrides where the build goes (a directory that already
# holds a `kubeshift` binary is used as it is).
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KUBESHIFT_HOOK_BUILD_DIR:-$src/build-pre-commit}

if [[ ! -x $build/kubeshift ]]; then
  echo "kubeshift: building $src in $build (once per hook revision)" >&2
  generator=()
  if command -v ninja >/dev/null; then generator=(-G Ninja); fi
  if ! { cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DKUBESHIFT_BUILD_TESTS=OFF &&
         cmake --build "$build" --target kubeshift --parallel "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)"; } >&2; then
    echo "kubeshift: the build failed; README.md lists the packages it needs" >&2
    exit 2
  fi
fi
exec "$build/kubeshift" "$@"
