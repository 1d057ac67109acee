# Shared by the benchmark scripts (run.sh, run_charts.sh): timing and memory of one command.
# The caller sets $runs (timed runs per command) and $work (a scratch directory).

have_time=0
[[ -x /usr/bin/time ]] && have_time=1

# Times "$@" $runs times; prints the runs, sets $median_ms.
time_runs() {
  local label=$1; shift
  local i start end ms all=()
  for (( i = 0; i < runs; i++ )); do
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    ms=$(awk -v ns=$(( end - start )) 'BEGIN {printf "%.1f", ns / 1e6}')
    all+=("$ms")
  done
  median_ms=$(printf '%s\n' "${all[@]}" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
  printf '  %-28s median %9s ms   runs: %s\n' "$label" "$median_ms" "${all[*]}"
}

# "peak-RSS-MB CPU-ms" of one run of "$@", output discarded ("? ?" without /usr/bin/time).
# CPU time (user + sys) is steadier than wall time on a busy machine.
peak_rss_and_cpu() {
  if (( ! have_time )); then echo '? ?'; return; fi
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" > /dev/null 2>&1 || true
  # GNU time puts "Command exited with non-zero status 1" first: the figures are the last line.
  awk '{kb = $1; cpu = $2 + $3} END {printf "%.1f %.0f\n", kb / 1024, cpu * 1000}' "$work/rss"
}

# The flag that sets kubeshift's worker count, as its --help shows it (empty when there is none).
jobs_flag_of() {
  local help
  # (Captured first: grep -q in a pipeline would stop the writer early and, with pipefail, fail.)
  help=$({ "$1" check --help; "$1" --help; } 2>&1 || true)
  if grep -Eq -- '(^|[^[:alnum:]-])--jobs([^[:alnum:]-]|$)' <<< "$help"; then
    echo --jobs
  elif grep -Eq -- '(^|[^[:alnum:]-])-j([^[:alnum:]-]|$)' <<< "$help"; then
    echo -j
  fi
}
