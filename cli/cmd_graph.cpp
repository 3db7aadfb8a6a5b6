// `gtmlint graph [--format dot|mermaid] [--focus NAME]`: the lead-flow and data-flow map —
// systems and the syncs between them (with their fields), forms and automations in their
// systems, routings to their assignees, handoffs between teams with their SLA — with the
// entities that have findings highlighted. What connects to what is rules/connections.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "compiler/evaluation/value.hpp"
#include "compiler/report/fingerprint.hpp"
#include "compiler/syntax/literals.hpp"
#include "rules/connections.hpp"
#include "rules/facts.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

struct Node {
  std::string label;
  std::string kind;
  std::string id;                 ///< unique in the graph (see Graph::node)
  std::optional<Severity> worst;  ///< the most severe finding on the entity, if any
  std::string left;               ///< the day a person left, if they have
  bool off = false;               ///< switched off (`active = false`): drawn, but not live
};

struct Edge {
  EntityId from, to;
  std::string label;
  bool dashed = false;
};

class Graph {
 public:
  Graph(const Model& model, std::int64_t today) : model_(model), today_(today) {}

  void node(EntityId id) {
    if (nodes_.count(id)) return;
    Node n{
        std::string(model_.display_name(id)), model_.kind_of(id).name, {}, std::nullopt, {}, false};
    if (const Expr* left = rules::departure(model_, id, today_))
      n.left = format_date(left->integer);
    n.off = !rules::is_active(model_, id);
    n.id = unique_id(n);
    nodes_[id] = std::move(n);
  }
  const std::string& id(EntityId entity) const { return nodes_.at(entity).id; }
  void edge(EntityId from, EntityId to, std::string label, bool dashed = false) {
    if (from == kNoEntity || to == kNoEntity) return;
    if (!edge_keys_.insert({from, to, label, dashed}).second) return;  // once per pair and label
    node(from);
    node(to);
    edges_.push_back({from, to, std::move(label), dashed});
  }
  bool has(EntityId id) const { return nodes_.count(id) > 0; }
  void mark(EntityId id, Severity severity) {
    auto it = nodes_.find(id);
    if (it == nodes_.end()) return;
    if (!it->second.worst || severity < *it->second.worst) it->second.worst = severity;
  }
  // Keeps only `focus` and what is one edge away from it.
  void focus_on(EntityId focus) {
    std::set<EntityId> keep{focus};
    for (const Edge& e : edges_) {
      if (e.from == focus) keep.insert(e.to);
      if (e.to == focus) keep.insert(e.from);
    }
    std::erase_if(edges_, [&](const Edge& e) { return !keep.count(e.from) || !keep.count(e.to); });
    std::erase_if(nodes_, [&](const auto& n) { return !keep.count(n.first); });
  }

  std::string dot() const {
    std::string out =
        "digraph gtm {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n";
    for (const auto& [id, n] : nodes_) {
      out += fmt::format("  {} [label=\"{}\\n{}{}\", shape={}{}];\n", n.id, escape(n.kind),
                         escape(n.label), note(n, "\\n"), shape(n.kind), colour(n));
    }
    for (const Edge& e : edges_) {
      out += fmt::format("  {} -> {} [label=\"{}\"{}];\n", id(e.from), id(e.to), escape(e.label),
                         e.dashed ? ", style=dashed" : "");
    }
    return out + dot_legend(has_dashed_edge()) + "}\n";
  }

  std::string mermaid() const {
    std::string out = "flowchart LR\n";
    for (const auto& [id, n] : nodes_) {
      out += fmt::format("  {}[\"{}: {}{}\"]\n", n.id, mermaid_text(n.kind), mermaid_text(n.label),
                         note(n, " "));
    }
    for (const Edge& e : edges_) {
      const char* arrow = e.dashed ? "-.->" : "-->";
      out += e.label.empty() ? fmt::format("  {} {} {}\n", id(e.from), arrow, id(e.to))
                             : fmt::format("  {} {}|\"{}\"| {}\n", id(e.from), arrow,
                                           mermaid_text(e.label), id(e.to));
    }
    out += "  classDef error fill:#fdd,stroke:#c00,stroke-width:2px\n";
    out += "  classDef warning fill:#ffe9c7,stroke:#e08a00\n";
    out += "  classDef departed fill:#eee,stroke:#888,stroke-dasharray:4 3,color:#666\n";
    out += "  classDef off stroke:#888,stroke-dasharray:2 2,color:#666\n";
    for (const auto& [id, n] : nodes_) {
      if (const auto style = style_class(n)) out += fmt::format("  class {} {}\n", n.id, *style);
    }
    return out + mermaid_legend();
  }

 private:
  static std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  }
  static std::string mermaid_text(std::string_view text) {
    std::string out;
    for (char c : text) out += c == '"' ? std::string("#quot;") : std::string(1, c);
    return out;
  }
  static std::string_view shape(const std::string& kind) {
    if (kind == "system") return "box3d";
    if (kind == "team" || kind == "person" || kind == "queue") return "ellipse";
    if (kind == "routing") return "diamond";
    return "box";
  }
  // Errors over warnings over a departure over switched off: the colour says what most needs
  // doing.
  static std::optional<std::string_view> style_class(const Node& n) {
    if (n.worst && *n.worst == Severity::Error) return "error";
    if (n.worst && *n.worst == Severity::Warning) return "warning";
    if (!n.left.empty()) return "departed";
    if (n.off) return "off";
    return std::nullopt;
  }
  // What a node's label adds: the day a person left, or that it is switched off.
  static std::string note(const Node& n, std::string_view separator) {
    if (!n.left.empty()) return fmt::format("{}(left {})", separator, n.left);
    if (n.off) return fmt::format("{}(switched off)", separator);
    return "";
  }
  bool has_dashed_edge() const {
    return std::any_of(edges_.begin(), edges_.end(), [](const Edge& e) { return e.dashed; });
  }
  static std::string_view dot_style(std::string_view style) {
    if (style == "error") return ", style=filled, fillcolor=\"#ffdddd\", color=\"#cc0000\"";
    if (style == "warning") return ", style=filled, fillcolor=\"#ffe9c7\", color=\"#e08a00\"";
    if (style == "off") return ", style=dashed, color=\"#888888\", fontcolor=\"#666666\"";
    return ", style=\"filled,dashed\", fillcolor=\"#eeeeee\", color=\"#888888\", "
           "fontcolor=\"#666666\"";
  }
  static std::string colour(const Node& n) {
    const auto style = style_class(n);
    return style ? std::string(dot_style(*style)) : "";
  }

  static constexpr std::pair<std::string_view, std::string_view> kLegend[] = {
      {"error", "has errors"},
      {"warning", "has warnings"},
      {"departed", "has left"},
      {"off", "switched off"}};
  static std::string dot_legend(bool with_dashed_edge) {
    std::string out =
        "  subgraph cluster_legend {\n    label=\"legend\";\n    fontname=\"Helvetica\";\n"
        "    fontsize=10;\n    color=\"#cccccc\";\n";
    for (const auto& [style, text] : kLegend) {
      out += fmt::format("    legend_{} [label=\"{}\", shape=box, fontsize=10{}];\n", style, text,
                         dot_style(style));
    }
    if (with_dashed_edge) {
      out +=
          "    legend_edge_a [label=\"\", shape=point];\n    legend_edge_b [label=\"\", "
          "shape=point];\n    legend_edge_a -> legend_edge_b [label=\"dashed: the sync itself\", "
          "style=dashed, fontsize=9];\n";
    }
    return out + "  }\n";
  }
  static std::string mermaid_legend() {
    std::string out = "  subgraph legend\n";
    for (const auto& [style, text] : kLegend) {
      out += fmt::format("    legend_{}[\"{}\"]:::{}\n", style, text, style);
    }
    return out + "  end\n";
  }

  // Readable ids (`person_ana`), made unique: names differ only in punctuation
  // (`sdr-east`, `sdr_east`) or a kind and a name run together could otherwise clash.
  std::string unique_id(const Node& n) {
    std::string base = n.kind + "_";
    for (char c : n.label) base += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    std::string id = base;
    for (int k = 2; !used_ids_.insert(id).second; ++k) id = fmt::format("{}_{}", base, k);
    return id;
  }

  const Model& model_;
  std::int64_t today_;
  std::map<EntityId, Node> nodes_;
  std::set<std::string> used_ids_{"legend",         "cluster_legend",  "legend_error",
                                  "legend_warning", "legend_departed", "legend_off",
                                  "legend_edge_a",  "legend_edge_b"};
  std::vector<Edge> edges_;
  std::set<std::tuple<EntityId, EntityId, std::string, bool>> edge_keys_;
};

// Draws rules/connections' map, with the entities that have findings highlighted.
Graph build(const Compilation& compilation, std::int64_t today, rules::ConnectionOptions show) {
  const Model& model = compilation.model;
  Graph graph(model, today);
  const rules::GtmMap map = rules::build_map(model, show);
  for (EntityId system : map.systems) graph.node(system);
  for (const rules::Connection& c : map.connections) graph.edge(c.from, c.to, c.label, c.dashed);
  // A finding inside a rule marks its routing.
  const Fingerprinter locate(compilation, repository_paths(compilation));
  for (const Diagnostic& d : compilation.diagnostics.items()) {
    EntityId at = locate.entity_at(d.span);
    while (at != kNoEntity && model.entities[at].parent != kNoEntity)
      at = model.entities[at].parent;
    if (at != kNoEntity) graph.mark(at, d.severity);
  }
  return graph;
}

// `--show fields,tags`.
bool parse_show(const std::string& list, rules::ConnectionOptions& show, Io& io) {
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string item = list.substr(start, comma - start);
    if (item == "fields") {
      show.fields = true;
    } else if (item == "tags") {
      show.tags = true;
    } else {
      io.err << fmt::format("gtmlint: `--show` takes fields and tags, not `{}`\n", item);
      return false;
    }
    start = comma + 1;
  }
  return true;
}

}  // namespace

int run_graph(const std::vector<std::string>& args, Io& io) {
  std::string format = "dot", focus;
  rules::ConnectionOptions show;
  WorkspaceOptions workspace;
  ArgReader reader(args);
  while (!reader.done()) {
    if (auto f = reader.value("--format"))
      format = *f;
    else if (auto name = reader.value("--focus"))
      focus = *name;
    else if (auto shown = reader.value("--show")) {
      if (!parse_show(*shown, show, io)) return kExitFailure;
    } else if (!read_workspace_option(reader, workspace)) {
      io.err << fmt::format("gtmlint: unexpected `{}`; see `gtmlint help graph`\n",
                            reader.done() ? reader.missing_value() : reader.peek());
      return kExitFailure;
    }
  }
  if (format != "dot" && format != "mermaid") {
    io.err << fmt::format("gtmlint: unknown graph format `{}`; use dot or mermaid\n", format);
    return kExitFailure;
  }
  Compilation compilation;
  const auto today = check_current_workspace(workspace, compilation, io);
  if (!today) return kExitFailure;
  EntityId focused = kNoEntity;
  if (!focus.empty()) {
    focused = compilation.model.find("entities", focus);
    if (focused == kNoEntity) {
      focused = compilation.model.find("fields", focus);
      show.fields = show.fields || focused != kNoEntity;  // a field is on the map only then
    }
    if (focused == kNoEntity) {
      io.err << fmt::format("gtmlint: nothing named `{}` to focus on\n", focus);
      return kExitFailure;
    }
  }
  Graph graph = build(compilation, *today, show);
  if (focused != kNoEntity) graph.focus_on(focused);
  io.out << (format == "dot" ? graph.dot() : graph.mermaid());
  return kExitClean;
}

}  // namespace gtm::cli
