// The analyses of rules/: C++ checks that a policy expression cannot state.
//
// To add a new rule, you must:
//  - write rules/<id>.cpp with a `run_<id>(const AnalysisContext&, Diagnostics&)` function;
//  - add its RuleInfo and run function to the table in rules/registry.cpp;
//  - write rules/explain/<id>.md (rationale, what it checks, failing and passing examples);
//  - add golden cases under tests/golden/rules/<id>/ that fire and that must not fire.
#pragma once

#include <span>

#include "compiler/analysis.hpp"

namespace gtm::rules {

std::span<const Analysis> all_analyses();

}  // namespace gtm::rules
