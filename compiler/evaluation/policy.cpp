// Loading, validating and running policies.
#include "compiler/evaluation/policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/diagnostics/parallel_check.hpp"
#include "compiler/evaluation/policy_types.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/suggest.hpp"

namespace gtm {

namespace {

std::string text_attr(const Model& model, EntityId id, std::string_view name) {
  const Expr* e = model.attr_expr(id, name);
  return e && (e->kind == ExprKind::String || e->kind == ExprKind::Reference) ? std::string(e->text)
                                                                              : std::string();
}

class PolicyLoader {
 public:
  PolicyLoader(const Model& model, Diagnostics& diagnostics)
      : model_(model), diagnostics_(diagnostics) {}

  std::optional<Policy> load(EntityId id) {
    const File& file = model_.file_of(id);
    Policy policy;
    policy.entity = id;
    policy.id = std::string(model_.entities[id].name);
    if (!read_kinds(policy, file)) return std::nullopt;
    const Attribute* require = model_.attr(id, "require");
    if (!require) return std::nullopt;  // missing-attribute already says so
    policy.require = require->value;
    if (const Attribute* where = model_.attr(id, "where")) policy.where = where->value;
    policy.severity = parse_severity(text_attr(model_, id, "severity")).value_or(Severity::Error);
    policy.message = text_attr(model_, id, "message");
    policy.help = text_attr(model_, id, "help");
    policy.at = text_attr(model_, id, "at");
    bool ok = check_names(policy, file, policy.require);
    if (policy.where) ok = check_names(policy, file, *policy.where) && ok;
    if (ok) ok = check_policy_types(model_, id, policy.kinds, policy.any_kind, diagnostics_);
    if (!ok) return std::nullopt;
    policy.info = RuleInfo{policy.id,
                           text_attr(model_, id, "category"),
                           policy.severity,
                           text_attr(model_, id, "summary"),
                           text_attr(model_, id, "doc"),
                           model_.entities[id].from_stdlib ? "stdlib policy" : "workspace policy"};
    if (policy.info.summary.empty()) policy.info.summary = policy.message;
    if (policy.info.category.empty()) policy.info.category = "custom";
    return policy;
  }

 private:
  bool read_kinds(Policy& policy, const File& file) {
    const Attribute* attr = model_.attr(policy.entity, "for");
    if (!attr) return false;
    const Expr& value = file.exprs[attr->value];
    std::vector<ExprId> names;
    if (value.kind == ExprKind::List) {
      names.assign(file.children(value).begin(), file.children(value).end());
    } else {
      names.push_back(attr->value);
    }
    bool ok = true;
    for (ExprId id : names) {
      const Expr& name = file.exprs[id];
      if (name.kind == ExprKind::Reference && name.text == "any") {
        policy.any_kind = true;
        continue;
      }
      const KindId kind = find_kind(name.text);
      if (name.kind != ExprKind::Reference || kind == kNoKind) {
        report_unknown_kind(file, name);
        ok = false;
        continue;
      }
      policy.kinds.push_back(kind);
    }
    return ok;
  }

  // Top-level kinds by name, then nested kinds (`metric`, `rule`) by their own name.
  KindId find_kind(std::string_view name) const {
    const KindId top = model_.schema.find_top_level(name);
    if (top != kNoKind) return top;
    for (KindId id = 1; id < model_.schema.size(); ++id) {
      if (model_.schema.kind(id).name == name) return id;
    }
    return kNoKind;
  }

  void report_unknown_kind(const File& file, const Expr& name) {
    std::vector<std::string_view> kinds;
    for (KindId id = 1; id < model_.schema.size(); ++id)
      kinds.push_back(model_.schema.kind(id).name);
    report_unresolved(diagnostics_, file.span_of(name),
                      fmt::format("no kind named `{}`", name.text), closest(name.text, kinds));
  }

  // Every root name in a policy expression must be a builtin, a singleton block such as
  // `settings`, or an attribute of one of the policy's kinds; every call a known function.
  bool check_names(const Policy& policy, const File& file, ExprId id) {
    const Expr& e = file.exprs[id];
    bool ok = true;
    if (e.kind == ExprKind::Call && !is_policy_function(e.text)) {
      diagnostics_.report(compiler_rule::kUnresolvedReference,
                          file.span(e.begin, e.begin + static_cast<std::uint32_t>(e.text.size())),
                          fmt::format("no policy function named `{}`", e.text));
      ok = false;
    }
    if (e.kind == ExprKind::Reference) ok = check_root(policy, file, e);
    for (ExprId child : file.children(e)) ok = check_names(policy, file, child) && ok;
    return ok;
  }

  bool check_root(const Policy& policy, const File& file, const Expr& e) {
    const std::string_view root = e.text.substr(0, e.text.find('.'));
    if (is_policy_builtin(root)) return true;
    const KindId singleton = model_.schema.find_top_level(root);
    if (singleton != kNoKind && model_.schema.kind(singleton).singleton) return true;
    std::vector<std::string_view> attrs;
    const auto consider = [&](KindId kind) {
      for (const AttrSchema& attr : model_.schema.kind(kind).attrs) attrs.push_back(attr.name);
    };
    if (policy.any_kind) {
      for (KindId kind = 1; kind < model_.schema.size(); ++kind) consider(kind);
    }
    for (KindId kind : policy.kinds) consider(kind);
    if (std::find(attrs.begin(), attrs.end(), root) != attrs.end()) return true;
    const Span span = file.span(e.begin, e.begin + static_cast<std::uint32_t>(root.size()));
    report_unresolved(
        diagnostics_, span,
        fmt::format("policy `{}` reads `{}`, which is not an attribute of the kinds it "
                    "is for",
                    policy.id, root),
        closest(root, attrs));
    return false;
  }

  const Model& model_;
  Diagnostics& diagnostics_;
};

bool is_path(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

// Fills `{path}` placeholders from the subject entity; other braces are kept as written.
std::string interpolate(const Model& model, Evaluator& evaluator, std::string_view message,
                        EntityId subject) {
  std::string out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const std::size_t close = message[i] == '{' ? message.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos || !is_path(message.substr(i + 1, close - i - 1))) {
      out += message[i];
      continue;
    }
    out += format_value(model, evaluator.path(message.substr(i + 1, close - i - 1), subject));
    i = close;
  }
  return out;
}

/// A policy as an entity of one kind meets it: conditions that read nothing of the entity
/// (`where = setting("naming", kind) != none`) are decided once for the kind.
struct KindPolicy {
  const Policy* policy = nullptr;
  bool check_where = true;
  bool check_require = true;  ///< false: the requirement fails for every entity of the kind
};

void run_on(const Model& model, const KindPolicy& planned, Evaluator& evaluator, EntityId id,
            Diagnostics& diagnostics) {
  const Policy& policy = *planned.policy;
  const File& policy_file = model.file_of(policy.entity);
  if (planned.check_where && policy.where &&
      !is_true(evaluator.eval(policy_file, *policy.where, id))) {
    return;
  }
  if (planned.check_require && !is_false(evaluator.eval(policy_file, policy.require, id))) return;
  Span span = model.header_span(id);
  if (!policy.at.empty()) {
    if (const Expr* at = model.attr_expr(id, policy.at)) span = model.file_of(id).span_of(*at);
  }
  Diagnostic& d = diagnostics.report_policy(policy.severity, policy.id, span,
                                            interpolate(model, evaluator, policy.message, id));
  d.help = interpolate(model, evaluator, policy.help, id);
}

/// How `policy` meets entities of the kind of `sample`, or nothing when it never reports one.
std::optional<KindPolicy> plan_for_kind(const Model& model, const Policy& policy,
                                        Evaluator& evaluator, EntityId sample) {
  const File& file = model.file_of(policy.entity);
  KindPolicy planned{&policy};
  if (policy.where && !evaluator.reads_subject(file, *policy.where)) {
    if (!is_true(evaluator.eval(file, *policy.where, sample))) return std::nullopt;
    planned.check_where = false;
  }
  if (!evaluator.reads_subject(file, policy.require)) {
    if (!is_false(evaluator.eval(file, policy.require, sample))) return std::nullopt;
    planned.check_require = false;
  }
  return planned;
}

/// The policies of each kind (`own`), and those `for = any` adds for top-level entities.
struct KindPlan {
  std::vector<KindPolicy> own, any;
};

std::vector<KindPlan> plan_policies(const Model& model, const std::vector<Policy>& policies,
                                    Evaluator& evaluator) {
  std::vector<EntityId> sample(model.schema.size(), kNoEntity);
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (!entity.from_stdlib && !entity.has_error && sample[entity.kind] == kNoEntity) {
      sample[entity.kind] = id;
    }
  }
  std::vector<KindPlan> plans(model.schema.size());
  for (KindId kind = 0; kind < plans.size(); ++kind) {
    if (sample[kind] == kNoEntity) continue;  // no entity to check
    for (const Policy& policy : policies) {
      const bool own =
          std::find(policy.kinds.begin(), policy.kinds.end(), kind) != policy.kinds.end();
      if (!own && !policy.any_kind) continue;
      if (auto planned = plan_for_kind(model, policy, evaluator, sample[kind])) {
        (own ? plans[kind].own : plans[kind].any).push_back(*planned);
      }
    }
  }
  return plans;
}

}  // namespace

std::vector<Policy> load_policies(const Model& model, Diagnostics& diagnostics) {
  std::vector<Policy> policies;
  const KindId policy_kind = model.schema.find_top_level("policy");
  if (policy_kind == kNoKind) return policies;
  PolicyLoader loader(model, diagnostics);
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.kind != policy_kind || entity.has_error || entity.name.empty()) continue;
    if (auto policy = loader.load(id)) policies.push_back(std::move(*policy));
  }
  return policies;
}

void run_policies(const Model& model, const std::vector<Policy>& policies, std::int64_t today,
                  Diagnostics& diagnostics) {
  // Each thread has its own evaluator: its caches are not shared.
  constexpr std::size_t kChunk = 4096;
  const std::size_t entities = model.entities.size();
  std::vector<std::unique_ptr<Evaluator>> evaluators;
  for (std::size_t w = 0; w < chunk_workers(entities, kChunk); ++w) {
    evaluators.push_back(std::make_unique<Evaluator>(model, today));
  }
  const std::vector<KindPlan> plans = plan_policies(model, policies, *evaluators[0]);
  const auto check = [&](EntityId id, Evaluator& evaluator, Diagnostics& found) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.has_error) return;
    const KindPlan& plan = plans[entity.kind];
    for (const KindPolicy& policy : plan.own) run_on(model, policy, evaluator, id, found);
    if (entity.parent != kNoEntity) return;
    for (const KindPolicy& policy : plan.any) run_on(model, policy, evaluator, id, found);
  };
  check_in_parallel(entities, kChunk, diagnostics,
                    [&](std::size_t id, std::size_t worker, Diagnostics& found) {
                      check(static_cast<EntityId>(id), *evaluators[worker], found);
                    });
}

}  // namespace gtm
