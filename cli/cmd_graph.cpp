// `gtmlint graph [--format dot|mermaid] [--focus NAME]`: the lead-flow and data-flow map —
// systems and the syncs between them (with their fields), forms and automations in their
// systems, routings to their assignees, handoffs between teams with their SLA — with the
// entities that have findings highlighted.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "compiler/fingerprint.hpp"
#include "compiler/value.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

struct Node {
  std::string label;
  std::string kind;
  std::optional<Severity> worst;  ///< the most severe finding on the entity, if any
};

struct Edge {
  EntityId from, to;
  std::string label;
  bool dashed = false;
};

class Graph {
 public:
  explicit Graph(const Model& model) : model_(model) {}

  void node(EntityId id) {
    if (nodes_.count(id)) return;
    nodes_[id] = Node{std::string(model_.display_name(id)), model_.kind_of(id).name, std::nullopt};
  }
  // Node ids from kind and name, so that the output is stable whatever else is in the model.
  std::string id(EntityId entity) const {
    const Node& n = nodes_.at(entity);
    std::string out = n.kind + "_";
    for (char c : n.label) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
  }
  void edge(EntityId from, EntityId to, std::string label, bool dashed = false) {
    if (from == kNoEntity || to == kNoEntity) return;
    node(from);
    node(to);
    edges_.push_back({from, to, std::move(label), dashed});
  }
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
      out += fmt::format("  {} [label=\"{}\\n{}\", shape={}{}];\n", this->id(id), escape(n.kind),
                         escape(n.label), shape(n.kind), colour(n));
    }
    for (const Edge& e : edges_) {
      out += fmt::format("  {} -> {} [label=\"{}\"{}];\n", id(e.from), id(e.to), escape(e.label),
                         e.dashed ? ", style=dashed" : "");
    }
    return out + "}\n";
  }

  std::string mermaid() const {
    std::string out = "flowchart LR\n";
    for (const auto& [id, n] : nodes_) {
      out += fmt::format("  {}[\"{}: {}\"]\n", this->id(id), mermaid_text(n.kind),
                         mermaid_text(n.label));
    }
    for (const Edge& e : edges_) {
      const char* arrow = e.dashed ? "-.->" : "-->";
      out += e.label.empty() ? fmt::format("  {} {} {}\n", id(e.from), arrow, id(e.to))
                             : fmt::format("  {} {}|\"{}\"| {}\n", id(e.from), arrow,
                                           mermaid_text(e.label), id(e.to));
    }
    out += "  classDef error fill:#fdd,stroke:#c00,stroke-width:2px\n";
    out += "  classDef warning fill:#ffe9c7,stroke:#e08a00\n";
    for (const auto& [id, n] : nodes_) {
      if (n.worst && *n.worst != Severity::Info) {
        out += fmt::format("  class {} {}\n", this->id(id),
                           *n.worst == Severity::Error ? "error" : "warning");
      }
    }
    return out;
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
  static std::string colour(const Node& n) {
    if (!n.worst || *n.worst == Severity::Info) return "";
    return *n.worst == Severity::Error ? ", style=filled, fillcolor=\"#ffdddd\", color=\"#cc0000\""
                                       : ", style=filled, fillcolor=\"#ffe9c7\", color=\"#e08a00\"";
  }

  const Model& model_;
  std::map<EntityId, Node> nodes_;
  std::vector<Edge> edges_;
};

EntityId ref(const Model& model, EntityId id, std::string_view attribute) {
  const Attribute* a = model.attr(id, attribute);
  return a ? model.target(model.entities[id].file, a->value) : kNoEntity;
}

// The system a field path starts with (`salesforce` in `salesforce.lead.status`).
EntityId system_of_field(const Model& model, EntityId field) {
  const std::string_view path = model.entities[field].name;
  return model.find("entities", path.substr(0, path.find('.')));
}

void add_sync(const Model& model, Graph& graph, EntityId id) {
  const Attribute* fields = model.attr(id, "fields");
  std::size_t count = 0;
  if (fields) count = model.file_of(id).exprs[fields->value].child_count;
  const Expr* both = model.attr_expr(id, "bidirectional");
  const bool bidirectional = both && both->kind == ExprKind::Bool && both->boolean;
  std::string label = fmt::format("sync {}", model.display_name(id));
  if (count > 0) label += fmt::format(" ({} field{})", count, count == 1 ? "" : "s");
  if (bidirectional) label += ", both ways";
  graph.edge(ref(model, id, "from"), ref(model, id, "to"), label);
  graph.edge(id, ref(model, id, "to"), "", true);  // the sync itself, for its findings
}

void add_assignees(const Model& model, Graph& graph, EntityId routing, EntityId holder,
                   const File& file, ExprId assign, const std::string& label) {
  const Expr& e = file.exprs[assign];
  if (e.kind == ExprKind::Reference) {
    graph.edge(routing, model.target(file.id, assign), label);
  } else {
    for (ExprId member : file.children(e))
      add_assignees(model, graph, routing, holder, file, member, label);
  }
}

Graph build(const Compilation& compilation) {
  const Model& model = compilation.model;
  Graph graph(model);
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.kind == Schema::kUnknownKind) continue;
    const std::string& kind = model.kind_of(id).name;
    if (kind == "system")
      graph.node(id);
    else if (kind == "sync")
      add_sync(model, graph, id);
    else if (kind == "form" || kind == "automation" || kind == "nurture" || kind == "dashboard") {
      graph.edge(id, ref(model, id, "system"), kind == "dashboard" ? "in" : "runs in");
    } else if (kind == "handoff") {
      const Expr* sla = model.attr_expr(id, "sla");
      graph.edge(ref(model, id, "from"), id, "");
      graph.edge(id, ref(model, id, "to"), sla ? fmt::format("SLA {}", sla->text) : "no SLA");
    } else if (kind == "routing") {
      const Expr* object = model.attr_expr(id, "object");
      if (object) {
        const EntityId field =
            model.objects.count(object->text) ? model.objects.at(object->text) : kNoEntity;
        if (field != kNoEntity)
          graph.edge(system_of_field(model, field), id, std::string(object->text));
      }
      for (EntityId rule : model.children_of(id)) {
        if (const Attribute* assign = model.attr(rule, "assign")) {
          add_assignees(model, graph, id, rule, model.file_of(rule), assign->value,
                        std::string(model.display_name(rule)));
        }
      }
      if (const Attribute* fallback = model.attr(id, "fallback")) {
        add_assignees(model, graph, id, id, model.file_of(id), fallback->value, "fallback");
      }
    }
  }
  // Highlight the entities with findings (a finding inside a rule marks its routing).
  const Fingerprinter locate(compilation, repository_paths(compilation));
  for (const Diagnostic& d : compilation.diagnostics.items()) {
    EntityId at = locate.entity_at(d.span);
    while (at != kNoEntity && model.entities[at].parent != kNoEntity)
      at = model.entities[at].parent;
    if (at != kNoEntity) graph.mark(at, d.severity);
  }
  return graph;
}

}  // namespace

int run_graph(const std::vector<std::string>& args, Io& io) {
  std::string format = "dot", focus;
  WorkspaceOptions workspace;
  ArgReader reader(args);
  while (!reader.done()) {
    if (auto f = reader.value("--format"))
      format = *f;
    else if (auto name = reader.value("--focus"))
      focus = *name;
    else if (!read_workspace_option(reader, workspace)) {
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
  Graph graph = build(compilation);
  if (!focus.empty()) {
    const EntityId id = compilation.model.find("entities", focus);
    if (id == kNoEntity) {
      io.err << fmt::format("gtmlint: nothing named `{}` to focus on\n", focus);
      return kExitFailure;
    }
    graph.focus_on(id);
  }
  io.out << (format == "dot" ? graph.dot() : graph.mermaid());
  return kExitClean;
}

}  // namespace gtm::cli
