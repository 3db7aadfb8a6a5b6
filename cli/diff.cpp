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

// The shortest edit script from `a` to `b` (Myers 1986), as one Op per line touched, after the
// common first and last lines are set aside. Each step d keeps only the 2d+1 diagonals it can
// reach, so memory grows with the square of the differences, not with the files' lengths.
std::vector<Op> edit_script(const std::vector<std::string_view>& a,
                            const std::vector<std::string_view>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const auto n = static_cast<long>(a.size() - head - tail);
  const auto m = static_cast<long>(b.size() - head - tail);
  const auto line_a = [&](long x) { return a[head + static_cast<std::size_t>(x)]; };
  const auto line_b = [&](long y) { return b[head + static_cast<std::size_t>(y)]; };
  std::vector<Op> ops;
  const auto finish = [&](std::vector<Op> middle) {
    std::vector<Op> all(head, Op::Keep);
    all.insert(all.end(), middle.begin(), middle.end());
    all.insert(all.end(), tail, Op::Keep);
    return all;
  };
  const long max = n + m;
  std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
  const auto at = [&](long k) -> long& { return v[static_cast<std::size_t>(k + max + 1)]; };
  std::vector<std::vector<long>> trace;  // trace[d][k + d]: the furthest x on diagonal k before d
  for (long d = 0; d <= max; ++d) {
    trace.emplace_back(v.begin() + (max + 1 - d), v.begin() + (max + 1 + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && line_a(x) == line_b(y)) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x < n || y < m) continue;
      // Walk back through the trace to recover the script.
      long cx = n, cy = m;
      for (long dd = d; dd > 0; --dd) {
        const std::vector<long>& pv = trace[static_cast<std::size_t>(dd)];
        const auto prev = [&](long kk) { return pv[static_cast<std::size_t>(kk + dd)]; };
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
      return finish(std::move(ops));
    }
  }
  return finish({});
}

// One line of a hunk: its marker (' ', '-' or '+') and the line, which says so when it is the
// last of a file that does not end in a newline.
void append_line(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

LineChanges line_changes(std::string_view before, std::string_view after) {
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  LineChanges changes;
  changes.added.assign(b.size(), false);
  std::uint32_t line_a = 0, line_b = 0;
  for (const Op op : edit_script(a, b)) {
    if (op == Op::Add) changes.added[line_b] = true;
    if (op == Op::Remove) changes.removed.push_back({line_a, line_b});
    if (op != Op::Remove) ++line_b;
    if (op != Op::Add) ++line_a;
  }
  return changes;
}

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
      ++i;
      ++line_a;
      ++line_b;
      continue;
    }
    // A hunk: changes closer than twice the context are merged.
    std::size_t start = i, start_a = line_a, start_b = line_b;
    const std::size_t back = std::min(kContext, std::min(start_a, start_b));
    start -= back;
    start_a -= back;
    start_b -= back;
    std::size_t end = i, end_a = line_a, end_b = line_b;
    std::size_t keeps = 0;
    while (end < ops.size() && keeps <= 2 * kContext) {
      if (ops[end] == Op::Keep) {
        ++keeps;
        ++end_a;
        ++end_b;
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
    end -= drop;
    end_a -= drop;
    end_b -= drop;
    out += fmt::format("@@ -{},{} +{},{} @@\n", start_a + 1, end_a - start_a, start_b + 1,
                       end_b - start_b);
    std::size_t x = start_a, y = start_b;
    for (std::size_t j = start; j < end; ++j) {
      if (ops[j] == Op::Keep) {
        append_line(out, ' ', a[x++]);
        ++y;
      } else if (ops[j] == Op::Remove) {
        append_line(out, '-', a[x++]);
      } else {
        append_line(out, '+', b[y++]);
      }
    }
    i = end;
    line_a = end_a;
    line_b = end_b;
  }
  return out;
}

}  // namespace gtm::cli
