#!/usr/bin/env bash
# Times `kubeshift check` on a generated tree of manifests next to `cat` of the same files.
#
#   tests/bench/run.sh [BUILD_DIR=build] [SCALE=1]
#
# Builds nothing: run `cmake --build BUILD_DIR --target kubeshift kubeshift_bench_gen` first.
# Environment:
#   KUBESHIFT_BIN         the binary to time (default BUILD_DIR/kubeshift)
#   KUBESHIFT_BENCH_TREE  a tree to reuse (or to generate once and keep), instead of a temp dir
#   KUBESHIFT_BENCH_RUNS  timed runs per command (default 5; the median is reported)
#   KUBESHIFT_BENCH_BREAKDOWN=1  also time each kind of content on its own (single thread)
# Goals (DESIGN.md, "Performance intent"): within 2x of cat on a warm cache, peak RSS < 64 MB.
# A benchmark prints figures: missing a goal is reported, not an error. The script fails only
# when something does not run (or kubeshift exits with a code other than 0 or 1).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:-$repo/build}
scale=${2:-1}
runs=${KUBESHIFT_BENCH_RUNS:-5}
target=1.29
goal_ratio=2
goal_rss_mb=64

die() { echo "run.sh: $*" >&2; exit 1; }
# shellcheck source=tests/bench/lib.sh
source "$repo/tests/bench/lib.sh"

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "KUBESHIFT_BENCH_RUNS must be a positive integer, not '$runs'"
gen=$build_dir/tests/bench/kubeshift_bench_gen
kubeshift=${KUBESHIFT_BIN:-$build_dir/kubeshift}
[[ -x $kubeshift ]] ||
  die "$kubeshift not found; build it first: cmake --build $build_dir --target kubeshift (or set KUBESHIFT_BIN)"

work=$(mktemp -d "${TMPDIR:-/tmp}/kubeshift-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- the tree -----------------------------------------------------------------------------------
tree=${KUBESHIFT_BENCH_TREE:-$work/tree}
if [[ -f $tree/MANIFEST.txt ]]; then
  echo "reusing $tree (scale $(awk '/^scale:/ {print $2}' "$tree/MANIFEST.txt"))"
else
  [[ -x $gen ]] || die "$gen not found; build it first: cmake --build $build_dir --target kubeshift_bench_gen"
  start=$(date +%s%N)
  "$gen" --scale "$scale" "$tree" > /dev/null
  echo "generated $tree (scale $scale) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi
manifest=$tree/MANIFEST.txt
expect() { awk -v k="$1:" '$1 == k {print $2}' "$manifest"; }

# The manifests of the tree (NUL-separated), optionally narrowed by more find tests "$@".
list_files() {
  find "$tree" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) "$@" -print0
}
bytes=$(list_files | xargs -0 stat -c %s | awk '{s += $1} END {print s + 0}')
files=$(list_files | tr -cd '\0' | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')

# --- the commands -------------------------------------------------------------------------------
cat_tree() { list_files | xargs -0 cat > /dev/null; }

# Runs kubeshift check on the tree with extra options "$@"; stdout to $out (default /dev/null).
# Exit 1 means findings, which this tree has; anything but 0 and 1 is a failure.
out=/dev/null
# shellcheck disable=SC2120  # options come through time_runs' "$@"
check_tree() {
  local rc=0
  "$kubeshift" check --target-version "$target" -o json "$@" "$tree" > "$out" 2> "$work/stderr" || rc=$?
  if (( rc != 0 && rc != 1 )); then
    echo "run.sh: $kubeshift check${*:+ $*} exited with $rc (expected 0 or 1); its stderr ends:" >&2
    tail -n 20 "$work/stderr" >&2
    return 1
  fi
}

jobs_flag=$(jobs_flag_of "$kubeshift")

# "peak-RSS-MB CPU-ms" of one `check` run with options "$@".
rss_and_cpu() { peak_rss_and_cpu "$kubeshift" check --target-version "$target" -o json "$@" "$tree"; }

# --- report -------------------------------------------------------------------------------------
echo
echo "kubeshift:  $kubeshift"
echo "machine:    $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg) (timings are noisy when busy)"
echo "tree:       $tree"
echo "            $files files, $mb MB ($bytes bytes), $(expect documents) documents, $(expect objects) objects"
[[ $(expect files) == "$files" ]] || echo "            (MANIFEST.txt says $(expect files) files: the tree was changed?)"

echo
echo "correctness: one run, JSON summary next to what the generator wrote (MANIFEST.txt)"
out=$work/report.json
check_ok=1
# shellcheck disable=SC2119
check_tree || check_ok=0
out=/dev/null
if command -v python3 > /dev/null; then
  python3 - "$work/report.json" "$manifest" <<'PY' || echo "  (could not read kubeshift's JSON output)"
# The JSON report's shape is part of the CLI contract (src/report/json_reporter.cc).
import collections, json, sys

expected, pairs = {}, {}
for line in open(sys.argv[2], encoding="utf-8"):
    key, _, rest = line.partition(":")
    if key == "finding":
        count, api, kind = rest.split()[:3]
        pairs[(api, kind)] = int(count)
    elif rest.strip() and not line.startswith("#") and key not in ("category", "decoy"):
        expected[key] = rest.split()[0]

text = open(sys.argv[1], encoding="utf-8").read()
if not text.strip():
    sys.exit("  kubeshift printed nothing on stdout")
report = json.loads(text)
summary, findings, errors = report["summary"], report["findings"], report["errors"]
by_rule = collections.Counter(f["rule"] for f in findings)
by_pair = collections.Counter((f["apiVersion"], f["kind"]) for f in findings)

def row(name, got, want=None, also=None):
    """also: (value, why) of a count that differs from want only by a known convention."""
    mark = ""
    if want is not None and str(got) != str(want):
        mark = "   = " + also[1] if also and str(got) == str(also[0]) else "   <-- differs"
    print("  %-20s %10s %10s%s" % (name, got, "" if want is None else want, mark))

documents, empty = int(expected["documents"]), int(expected["empty_documents"])
objects, lists = int(expected["objects"]), int(expected["lists"])
print("  %-20s %10s %10s" % ("", "kubeshift", "expected"))
row("files", summary["files"], expected["files"])
row("documents", summary["documents"], documents,
    (documents - empty, "expected less the %d empty documents" % empty))
row("resources", summary["resources"], objects,
    (objects + lists, "expected plus the %d kind: List objects themselves" % lists))
row("findings", summary["findings"], expected["expected_findings"])
row("  removed-api", by_rule.pop("removed-api", 0), expected["expected_removed"])
row("  deprecated-api", by_rule.pop("deprecated-api", 0), expected["expected_deprecated"])
for rule, n in sorted(by_rule.items()):
    row("  " + rule, n, 0)
row("errors", summary["errors"], 0)
diffs = [(k, by_pair[k], pairs.get(k, 0)) for k in sorted(set(by_pair) | set(pairs))
         if by_pair[k] != pairs.get(k, 0)]
if diffs:
    print("  findings by apiVersion and kind that differ (kubeshift, expected):")
    for (api, kind), got, want in diffs[:25]:
        print("    %-52s %6d %6d" % (api + " " + kind, got, want))
    if len(diffs) > 25:
        print("    ... and %d more" % (len(diffs) - 25))
for e in errors[:5]:
    print("  error: %s:%s: %s" % (e["file"], e["line"], e["message"]))
PY
else
  echo "  (python3 not found: counts from grep)"
  for key in files documents resources findings errors; do
    got=$(grep -o "\"$key\" *: *[0-9]*" "$work/report.json" | head -n 1 | grep -o '[0-9]*$' || echo '?')
    want=$(expect "$key")
    [[ $key == resources ]] && want=$(expect objects)
    [[ $key == findings ]] && want=$(expect expected_findings)
    [[ $key == errors ]] && want=0
    printf '  %-20s %10s %10s\n' "$key" "$got" "$want"
  done
fi
(( check_ok )) || die "kubeshift failed on the tree; no timings"

echo
echo "speed: $runs runs each on a warm cache (wall time, date +%s%N)"
cat_tree  # warm the page cache
cat_tree
time_runs "cat (find | xargs cat)" cat_tree
cat_ms=$median_ms
time_runs "kubeshift check" check_tree
ks_ms=$median_ms
j1_ms=
if [[ -n $jobs_flag ]]; then
  time_runs "kubeshift check $jobs_flag 1" check_tree "$jobs_flag" 1
  j1_ms=$median_ms
else
  echo "  (kubeshift --help shows no --jobs/-j: no single-thread run)"
fi

# Converting the tree (issue: convert): --check computes every conversion and writes nothing.
convert_tree() { "$kubeshift" convert --target-version "$target" --check "$tree" > /dev/null 2>&1 || [[ $? == 1 ]]; }
convert_ms=
if "$kubeshift" convert --help > /dev/null 2>&1; then
  time_runs "kubeshift convert --check" convert_tree
  convert_ms=$median_ms
fi

read -r rss cpu < <(rss_and_cpu)
rss_j1='' cpu_j1=''
[[ -n $jobs_flag ]] && read -r rss_j1 cpu_j1 < <(rss_and_cpu "$jobs_flag" 1)

echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
mbps() { awk -v mb="$mb" -v ms="$1" 'BEGIN {printf "%.0f", (ms > 0 ? mb / (ms / 1000) : 0)}'; }
met() { if awk -v a="$1" -v b="$2" 'BEGIN {exit !(a + 0 <= b + 0)}'; then echo "met"; else echo "NOT met"; fi; }
line() { printf '  %-20s %10s %7s %7s %12s %14s\n' "$@"; }
line "" "median ms" "x cat" "MB/s" "peak RSS MB" "CPU ms (1 run)"
line "cat" "$cat_ms" "1.00" "$(mbps "$cat_ms")" "-" "-"
line "kubeshift" "$ks_ms" "$(ratio "$ks_ms" "$cat_ms")" "$(mbps "$ks_ms")" "$rss" "$cpu"
if [[ -n $j1_ms ]]; then
  line "kubeshift $jobs_flag 1" "$j1_ms" "$(ratio "$j1_ms" "$cat_ms")" "$(mbps "$j1_ms")" "$rss_j1" "$cpu_j1"
fi
[[ -n $convert_ms ]] && line "kubeshift convert" "$convert_ms" "$(ratio "$convert_ms" "$cat_ms")" "$(mbps "$convert_ms")" "-" "-"
if [[ ${KUBESHIFT_BENCH_BREAKDOWN:-0} == 1 ]]; then
  # Paths follow gen_tree.cc's layout. One kubeshift run per kind, on an explicit file list.
  echo
  echo "by kind of content: kubeshift check ${jobs_flag:+$jobs_flag 1 }on each part, $runs runs"
  part_files=()
  check_part() { "$kubeshift" check --target-version "$target" -o json ${jobs_flag:+"$jobs_flag" 1} \
                   "${part_files[@]}" > /dev/null 2>&1 || (( $? == 1 )); }
  part() {
    local label=$1; shift
    mapfile -d '' part_files < <(list_files "$@")
    local part_bytes
    part_bytes=$(printf '%s\0' "${part_files[@]}" | xargs -0 stat -c %s | awk '{s += $1} END {print s}')
    time_runs "$label" check_part > "$work/part"
    awk -v b="$part_bytes" -v n="${#part_files[@]}" -v ms="$median_ms" -v l="$label" \
      'BEGIN {printf "  %-34s %5d files %6.1f MB %8.1f ms %7.1f MB/s\n", l, n, b / 1048576, ms, b / 1048576 / (ms / 1000)}'
  }
  part "streams and one-object files" -path "$tree/teams/*" ! -name '*.json' ! -name 'configmap-files*'
  part "ConfigMaps with embedded files" -path "$tree/teams/*" -name 'configmap-files*'
  part "JSON (objects and Lists)" -path "$tree/teams/*" -name '*.json'
  part "rendered Helm output" -path "$tree/rendered/*"
  part "kubectl -o yaml Lists" -path "$tree/clusters/*"
  part "cluster-scoped objects" -path "$tree/platform/*" ! -path "$tree/platform/crds/*"
  part "CRDs with large schemas" -path "$tree/platform/crds/*"
fi

echo
echo "goals:"
echo "  time within ${goal_ratio}x of cat: $(ratio "$ks_ms" "$cat_ms")x -> $(met "$(ratio "$ks_ms" "$cat_ms")" "$goal_ratio")"
if (( have_time )); then
  echo "  peak RSS under $goal_rss_mb MB:   $rss MB -> $(awk -v r="$rss" -v g="$goal_rss_mb" 'BEGIN {print (r < g ? "met" : "NOT met")}')"
else
  echo "  peak RSS under $goal_rss_mb MB:   not measured: /usr/bin/time is missing (apt-get install -y time)"
fi
