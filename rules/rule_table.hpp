// The rules of rules/ analyses: one table of id, category, default severity and summary; the
// analyses report under these (Diagnostics::report), registry.cpp pairs them with their runs, and
// each has a page in stdlib/explain/.
#pragma once

#include "compiler/diagnostics/diagnostic.hpp"

namespace gtm::rules {

inline constexpr Rule kOwnerDeparted{
    "owner-departed", "ownership", Severity::Error,
    "nothing refers to a person who has left: owners, assignees, round-robin "
    "members, escalations, team leads, admins"};
inline constexpr Rule kRoutingMultipleActive{
    "routing-multiple-active", "routing", Severity::Warning,
    "one object has at most one active routing (Salesforce runs one assignment rule)"};
inline constexpr Rule kRoutingOverrideUnused{"routing-override-unused", "routing",
                                             Severity::Warning,
                                             "a rule's `overrides` names a later rule it overlaps"};
inline constexpr Rule kRoutingFallback{"routing-fallback", "routing", Severity::Error,
                                       "every routing has a fallback for leads that match no rule"};
inline constexpr Rule kRoutingGap{
    "routing-gap", "routing", Severity::Error,
    "without a fallback, no lead matches no rule (with an example lead)"};
inline constexpr Rule kRoutingShadowed{
    "routing-shadowed", "routing", Severity::Error,
    "no routing rule is unreachable because earlier rules take all its leads"};
inline constexpr Rule kRoutingOverlap{
    "routing-overlap", "routing", Severity::Warning,
    "rules that share leads and assign them differently (with an example lead)"};
inline constexpr Rule kRoutingUndecided{
    "routing-undecided", "routing", Severity::Info,
    "what the routing analyses cannot decide (a formula, another object's field) "
    "is said, with the rules that make it so"};
inline constexpr Rule kAnalysisBudget{
    "analysis-budget", "routing", Severity::Warning,
    "conditions stay within what can be analysed exactly (docs/limits.md)"};
inline constexpr Rule kRoutingUnknownValue{
    "routing-unknown-value", "routing", Severity::Error,
    "conditions compare picklist fields only with values they have"};
inline constexpr Rule kRoutingValueLookalike{
    "routing-value-lookalike", "routing", Severity::Warning,
    "values of one text field in one routing are written alike: none differs "
    "from another only in punctuation or spacing (or case, where it counts)"};
inline constexpr Rule kNurtureSuppression{
    "nurture-suppression", "nurture", Severity::Error,
    "active nurtures that can enroll the same contact suppress one another"};
inline constexpr Rule kSyncWriteConflict{
    "sync-write-conflict", "integration", Severity::Error,
    "a field written by several syncs, automations or forms declares a "
    "source_of_truth"};
inline constexpr Rule kSyncBroadScope{"sync-broad-scope", "integration", Severity::Warning,
                                      "a sync does not hold full, admin or wildcard API scopes"};
inline constexpr Rule kSyncTypeMismatch{
    "sync-type-mismatch", "integration", Severity::Warning,
    "a sync copies each field into one that holds its type and picklist values"};
inline constexpr Rule kDashboardFreshness{
    "dashboard-freshness", "reporting", Severity::Warning,
    "the syncs behind a dashboard run at least as often as its `freshness` asks"};
inline constexpr Rule kFieldDead{"field-dead", "data", Severity::Info,
                                 "no field is written but never read"};
inline constexpr Rule kFieldGhost{"field-ghost", "data", Severity::Info,
                                  "no field is read but never written"};
inline constexpr Rule kFieldDeprecatedInUse{"field-deprecated-in-use", "data", Severity::Error,
                                            "nothing reads or writes a deprecated field"};
inline constexpr Rule kFieldDuplicate{
    "field-duplicate", "data", Severity::Warning,
    "no two fields of one object have names that normalise alike"};
inline constexpr Rule kAutomationDuplicate{"automation-duplicate", "automation", Severity::Warning,
                                           "no two active automations do the same job"};
inline constexpr Rule kTagDuplicate{"tag-duplicate", "tracking", Severity::Warning,
                                    "no tag is deployed twice"};

}  // namespace gtm::rules
