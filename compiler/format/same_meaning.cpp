// Structural comparison of two syntax trees, layout aside: the safety net of `gtmlint fmt`.
#include "compiler/format/formatter.hpp"

namespace gtm {

namespace {

class Comparer {
 public:
  Comparer(const File& a, const File& b) : a_(a), b_(b) {}

  bool files() const {
    if (a_.top_level.size() != b_.top_level.size() || a_.comments.size() != b_.comments.size()) {
      return false;
    }
    for (std::size_t i = 0; i < a_.comments.size(); ++i) {
      if (comment(a_, a_.comments[i]) != comment(b_, b_.comments[i])) return false;
    }
    for (std::size_t i = 0; i < a_.top_level.size(); ++i) {
      if (!blocks(a_.blocks[a_.top_level[i]], b_.blocks[b_.top_level[i]])) return false;
    }
    return true;
  }

 private:
  static std::string_view comment(const File& f, const Comment& c) {
    return f.source->text().substr(c.begin, c.end - c.begin);
  }

  bool blocks(const Block& x, const Block& y) const {
    if (x.kind != y.kind || x.label_kind != y.label_kind || x.label != y.label) return false;
    const auto xs = a_.members_of(x);
    const auto ys = b_.members_of(y);
    if (xs.size() != ys.size()) return false;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (xs[i].is_block != ys[i].is_block) return false;
      if (xs[i].is_block) {
        if (!blocks(a_.blocks[xs[i].index], b_.blocks[ys[i].index])) return false;
        continue;
      }
      const Attribute& p = a_.attributes[xs[i].index];
      const Attribute& q = b_.attributes[ys[i].index];
      if (p.name != q.name || !exprs(p.value, q.value)) return false;
    }
    return true;
  }

  bool exprs(ExprId x, ExprId y) const {
    const Expr& p = a_.exprs[x];
    const Expr& q = b_.exprs[y];
    const auto ps = a_.children(p);
    const auto qs = b_.children(q);
    if (p.kind != q.kind || p.op != q.op || p.boolean != q.boolean || p.text != q.text ||
        ps.size() != qs.size()) {
      return false;
    }
    for (std::size_t i = 0; i < ps.size(); ++i) {
      if (!exprs(ps[i], qs[i])) return false;
    }
    return true;
  }

  const File& a_;
  const File& b_;
};

}  // namespace

bool same_meaning(const File& a, const File& b) {
  return Comparer(a, b).files();
}

}  // namespace gtm
