// The analyses of rules/: C++ checks that a policy expression cannot state.
//
// To add a new rule, you must:
//  - write rules/<id>.cpp with a `run_<id>(const AnalysisContext&, Diagnostics&)` function;
//  - add its RuleInfo and run function to the table in rules/registry.cpp;
//  - write rules/explain/<id>.md (rationale, what it checks, failing and passing examples);
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
