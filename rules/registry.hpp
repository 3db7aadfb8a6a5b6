// The analyses of rules/: C++ checks that a policy expression cannot state.
//
// To add a new rule, you must:
//  - write rules/<id>.cpp with a `run_<id>(const AnalysisContext&, Diagnostics&)` function;
//  - declare its Rule in rules/rule_table.hpp and add it with its run function in
//    rules/registry.cpp;
//  - write stdlib/explain/<id>.md (rationale, what it checks, failing and passing examples);
//  - add golden cases under tests/golden/rules/<id>/ that fire and that must not fire.
#pragma once

#include <span>

#include "compiler/compilation.hpp"
#include "compiler/evaluation/analysis.hpp"

namespace gtm::rules {

std::span<const Analysis> all_analyses();

/// What a compilation of a GTM workspace runs with: every analysis and the CRM's vocabulary.
CompileOptions compile_options(std::int64_t today);

}  // namespace gtm::rules
