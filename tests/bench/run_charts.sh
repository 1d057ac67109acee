#!/usr/bin/env bash
# Times `kubeshift check` on a generated tree of Helm charts, where rendering is the work.
#
#   tests/bench/run_charts.sh [BUILD_DIR=build] [CHARTS=100]
#
# Builds nothing: run `cmake --build BUILD_DIR --target kubeshift kubeshift_bench_charts` first.
# Environment: KUBESHIFT_BIN, KUBESHIFT_BENCH_RUNS (default 5), KUBESHIFT_BENCH_CHARTS_TREE (a
# tree to reuse, or to generate once and keep). Prints charts per second and peak memory; the
# script fails only when something does not run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:-$repo/build}
charts=${2:-100}
runs=${KUBESHIFT_BENCH_RUNS:-5}
target=1.29

die() { echo "run_charts.sh: $*" >&2; exit 1; }
# shellcheck source=tests/bench/lib.sh
source "$repo/tests/bench/lib.sh"

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "KUBESHIFT_BENCH_RUNS must be a positive integer, not '$runs'"
gen=$build_dir/tests/bench/kubeshift_bench_charts
kubeshift=${KUBESHIFT_BIN:-$build_dir/kubeshift}
[[ -x $kubeshift ]] || die "$kubeshift not found; build it first (or set KUBESHIFT_BIN)"

work=$(mktemp -d "${TMPDIR:-/tmp}/kubeshift-bench-charts.XXXXXX")
trap 'rm -rf "$work"' EXIT

tree=${KUBESHIFT_BENCH_CHARTS_TREE:-$work/tree}
if [[ ! -f $tree/MANIFEST.txt ]]; then
  [[ -x $gen ]] || die "$gen not found; build it first: cmake --build $build_dir --target kubeshift_bench_charts"
  "$gen" --charts "$charts" "$tree" > /dev/null
fi
expect() { awk -v k="$1:" '$1 == k {print $2}' "$tree/MANIFEST.txt"; }
n_charts=$(expect charts)
jobs_flag=$(jobs_flag_of "$kubeshift")

check_tree() {
  local rc=0
  "$kubeshift" check --no-config --target-version "$target" -o json "$@" "$tree" > "$work/out.json" 2> "$work/stderr" || rc=$?
  (( rc == 0 || rc == 1 )) || { tail -n 20 "$work/stderr" >&2; die "kubeshift check exited with $rc"; }
}

echo "kubeshift:  $kubeshift"
echo "machine:    $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg) (timings are noisy when busy)"
echo "tree:       $tree"
echo "            $n_charts charts (each with a library subchart and a cache subchart), $(expect files) files, $(expect templates) templates"

echo
echo "correctness: one run at $target, next to what the generator wrote (MANIFEST.txt)"
check_tree
python3 - "$work/out.json" "$tree/MANIFEST.txt" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
want = dict(line.split(":", 1) for line in open(sys.argv[2]) if not line.startswith("#"))
want = {k: int(v) for k, v in want.items()}
findings = report["findings"]
removed = sum(1 for f in findings if f["rule"] == "removed-api" and f["severity"] == "error")
not_taken = sum(1 for f in findings if f["rule"] == "removed-api" and f["severity"] == "info")
def row(name, got, expected):
    print("  %-34s %8s %8s%s" % (name, got, expected, "" if got == expected else "   <-- differs"))
print("  %-34s %8s %8s" % ("", "kubeshift", "expected"))
row("removed-api errors (rendered)", removed, want["expected_removed"])
row("removed-api info (branch not taken)", not_taken, want["expected_not_taken"])
row("other findings", len(findings) - removed - not_taken, 0)
row("errors (charts not rendered, ...)", report["summary"]["errors"], 0)
PY

echo
echo "speed: $runs runs each on a warm cache (wall time)"
check_tree
time_runs "kubeshift check" check_tree
all_ms=$median_ms
j1_ms=
if [[ -n $jobs_flag ]]; then
  time_runs "kubeshift check $jobs_flag 1" check_tree "$jobs_flag" 1
  j1_ms=$median_ms
fi
read -r rss cpu < <(peak_rss_and_cpu "$kubeshift" check --no-config --target-version "$target" "$tree")

echo
per_s() { awk -v n="$n_charts" -v ms="$1" 'BEGIN {printf "%.0f", (ms > 0 ? n / (ms / 1000) : 0)}'; }
printf '  %-24s %10s %9s %12s %14s\n' "" "median ms" "charts/s" "peak RSS MB" "CPU ms (1 run)"
printf '  %-24s %10s %9s %12s %14s\n' "kubeshift check" "$all_ms" "$(per_s "$all_ms")" "$rss" "$cpu"
[[ -n $j1_ms ]] && printf '  %-24s %10s %9s\n' "kubeshift check $jobs_flag 1" "$j1_ms" "$(per_s "$j1_ms")"
exit 0
