// Myers' greedy diff over lines, printed as a unified diff.
#include "cli/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace gtm::cli {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::size_t length = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

enum class Op { Keep, Remove, Add };

// The shortest edit script from `a` to `b` (Myers 1986), as one Op per line touched.
std::vector<Op> edit_script(const std::vector<std::string_view>& a,
                            const std::vector<std::string_view>& b) {
  const auto n = static_cast<long>(a.size());
  const auto m = static_cast<long>(b.size());
  const long max = n + m;
  std::vector<long> v(static_cast<std::size_t>(2 * max + 2), 0);
  std::vector<std::vector<long>> trace;
  const auto at = [&](long k) -> long& { return v[static_cast<std::size_t>(k + max + 1)]; };
  for (long d = 0; d <= max; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        // Walk back through the trace to recover the script.
        std::vector<Op> ops;
        long cx = n, cy = m;
        for (long dd = d; dd > 0; --dd) {
          const std::vector<long>& pv = trace[static_cast<std::size_t>(dd)];
          const auto prev = [&](long kk) { return pv[static_cast<std::size_t>(kk + max + 1)]; };
          const long kk = cx - cy;
          const bool down = kk == -dd || (kk != dd && prev(kk - 1) < prev(kk + 1));
          const long pk = down ? kk + 1 : kk - 1;
          const long px = prev(pk);
          const long py = px - pk;
          while (cx > px + (down ? 0 : 1) && cy > py + (down ? 1 : 0)) {
            ops.push_back(Op::Keep);
            --cx;
            --cy;
          }
          ops.push_back(down ? Op::Add : Op::Remove);
          cx = px;
          cy = py;
        }
        while (cx > 0 && cy > 0) {
          ops.push_back(Op::Keep);
          --cx;
          --cy;
        }
        std::reverse(ops.begin(), ops.end());
        return ops;
      }
    }
  }
  return {};
}

std::string with_newline(std::string_view line) {
  std::string out(line);
  if (out.empty() || out.back() != '\n') out += "\n\\ No newline at end of file\n";
  return out;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view path) {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const std::vector<Op> ops = edit_script(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  std::size_t i = 0;
  std::size_t line_a = 0, line_b = 0;  // lines of a and b consumed before ops[i]
  while (i < ops.size()) {
    if (ops[i] == Op::Keep) {
      ++i, ++line_a, ++line_b;
      continue;
    }
    // A hunk: changes closer than twice the context are merged.
    std::size_t start = i, start_a = line_a, start_b = line_b;
    const std::size_t back = std::min(kContext, std::min(start_a, start_b));
    start -= back, start_a -= back, start_b -= back;
    std::size_t end = i, end_a = line_a, end_b = line_b;
    std::size_t keeps = 0;
    while (end < ops.size() && keeps <= 2 * kContext) {
      if (ops[end] == Op::Keep) {
        ++keeps, ++end_a, ++end_b;
      } else {
        keeps = 0;
        if (ops[end] == Op::Remove)
          ++end_a;
        else
          ++end_b;
      }
      ++end;
    }
    const std::size_t trailing = std::min(keeps, kContext);
    const std::size_t drop = keeps - trailing;
    end -= drop, end_a -= drop, end_b -= drop;
    out += fmt::format("@@ -{},{} +{},{} @@\n", start_a + 1, end_a - start_a, start_b + 1,
                       end_b - start_b);
    std::size_t x = start_a, y = start_b;
    for (std::size_t j = start; j < end; ++j) {
      if (ops[j] == Op::Keep)
        out += " " + with_newline(a[x++]), ++y;
      else if (ops[j] == Op::Remove)
        out += "-" + with_newline(a[x++]);
      else
        out += "+" + with_newline(b[y++]);
    }
    i = end, line_a = end_a, line_b = end_b;
  }
  return out;
}

}  // namespace gtm::cli
