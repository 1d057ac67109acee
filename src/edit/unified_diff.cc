// A line diff (Myers' O(ND) algorithm) printed as a unified diff with 3 lines of context.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kubeshift/edit.h"

namespace kubeshift {
namespace {

constexpr int kContext = 3;

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op { kKeep, kDelete, kInsert };

// The shortest edit script from a to b, as one Op per line.
std::vector<Op> Diff(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int max = n + m;
  std::vector<int> v(2 * static_cast<size_t>(max) + 2, 0);
  std::vector<std::vector<int>> trace;
  auto at = [&](int k) -> int& { return v[static_cast<size_t>(k + max + 1)]; };
  int d = 0;
  for (; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      int y = x - k;
      while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) ++x, ++y;
      at(k) = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  // Walk the trace back from (n, m).
  std::vector<Op> ops;
  int x = n;
  int y = m;
  for (; d > 0; --d) {
    const std::vector<int>& prev = trace[static_cast<size_t>(d)];
    auto prev_at = [&](int k) { return prev[static_cast<size_t>(k + max + 1)]; };
    int k = x - y;
    int prev_k = (k == -d || (k != d && prev_at(k - 1) < prev_at(k + 1))) ? k + 1 : k - 1;
    int prev_x = prev_at(prev_k);
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::kKeep);
      --x, --y;
    }
    ops.push_back(x == prev_x ? Op::kInsert : Op::kDelete);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::kKeep);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void AppendLine(std::string* out, char prefix, std::string_view line) {
  out->push_back(prefix);
  out->append(line);
  if (line.empty() || line.back() != '\n') out->append("\n\\ No newline at end of file\n");
}

}  // namespace

std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  std::vector<std::string_view> a = SplitLines(before);
  std::vector<std::string_view> b = SplitLines(after);
  std::vector<Op> ops = Diff(a, b);
  // git's form: "a/" and "b/" prefixes on the path, without a leading slash of its own.
  while (path.starts_with('/')) path.remove_prefix(1);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  // Line numbers (0-based) in a and b before each op.
  std::vector<int> pos_a(ops.size() + 1, 0);
  std::vector<int> pos_b(ops.size() + 1, 0);
  for (size_t j = 0; j < ops.size(); ++j) {
    pos_a[j + 1] = pos_a[j] + (ops[j] != Op::kInsert ? 1 : 0);
    pos_b[j + 1] = pos_b[j] + (ops[j] != Op::kDelete ? 1 : 0);
  }
  size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::kKeep) {
      ++i;
      continue;
    }
    // Changes closer than 2*kContext kept lines share a hunk.
    size_t last_change = i;
    for (size_t j = i + 1; j < ops.size(); ++j) {
      if (ops[j] != Op::kKeep) {
        if (j - last_change - 1 > 2 * kContext) break;
        last_change = j;
      }
    }
    size_t start = i >= kContext ? i - kContext : 0;
    while (start < i && ops[start] != Op::kKeep) ++start;  // never cut into an earlier hunk
    size_t end = std::min(ops.size(), last_change + 1 + kContext);
    std::string body;
    for (size_t j = start; j < end; ++j) {
      switch (ops[j]) {
        case Op::kKeep: AppendLine(&body, ' ', a[static_cast<size_t>(pos_a[j])]); break;
        case Op::kDelete: AppendLine(&body, '-', a[static_cast<size_t>(pos_a[j])]); break;
        case Op::kInsert: AppendLine(&body, '+', b[static_cast<size_t>(pos_b[j])]); break;
      }
    }
    int a_count = pos_a[end] - pos_a[start];
    int b_count = pos_b[end] - pos_b[start];
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_count ? pos_a[start] + 1 : pos_a[start], a_count,
                       b_count ? pos_b[start] + 1 : pos_b[start], b_count);
    out += body;
    i = end;
  }
  return out;
}

}  // namespace kubeshift
