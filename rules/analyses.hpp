// The run functions of the analyses in rules/, one file each.
#pragma once

#include "compiler/evaluation/analysis.hpp"

namespace gtm::rules {

void run_owner_departed(const AnalysisContext& context, Diagnostics& diagnostics);
void run_routing(const AnalysisContext& context, Diagnostics& diagnostics);
void run_routing_multiple_active(const AnalysisContext& context, Diagnostics& diagnostics);
void run_routing_unknown_value(const AnalysisContext& context, Diagnostics& diagnostics);
void run_value_lookalike(const AnalysisContext& context, Diagnostics& diagnostics);
void run_nurture_suppression(const AnalysisContext& context, Diagnostics& diagnostics);
void run_sync_broad_scope(const AnalysisContext& context, Diagnostics& diagnostics);
void run_sync_type_mismatch(const AnalysisContext& context, Diagnostics& diagnostics);
void run_dashboard_freshness(const AnalysisContext& context, Diagnostics& diagnostics);
void run_field_usage(const AnalysisContext& context, Diagnostics& diagnostics);
void run_duplicates(const AnalysisContext& context, Diagnostics& diagnostics);

}  // namespace gtm::rules
