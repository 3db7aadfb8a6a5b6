// The compiler's own rules: what it reports while reading, binding and type-checking a
// workspace, and about waivers. Always on; each has a page in stdlib/explain/.
#pragma once

#include <array>

#include "compiler/diagnostics/diagnostic.hpp"

namespace gtm::compiler_rule {

inline constexpr Rule kSyntax{"syntax", "compiler", Severity::Error,
                              "the text does not follow the .gtm syntax"};
inline constexpr Rule kEncoding{"encoding", "compiler", Severity::Error, "a file is UTF-8 text"};
inline constexpr Rule kFileSkipped{"file-skipped", "compiler", Severity::Error,
                                   "every .gtm file of the workspace can be read"};
inline constexpr Rule kLimit{"limit", "compiler", Severity::Error,
                             "the input stays within gtmlint's resource limits"};
inline constexpr Rule kUnknownKind{"unknown-kind", "compiler", Severity::Error,
                                   "a block's kind is not declared by any schema"};
inline constexpr Rule kUnknownAttribute{"unknown-attribute", "compiler", Severity::Error,
                                        "an attribute is not declared for its block's kind"};
inline constexpr Rule kMissingAttribute{"missing-attribute", "compiler", Severity::Error,
                                        "a required attribute is not set"};
inline constexpr Rule kDuplicateName{"duplicate-name", "compiler", Severity::Error,
                                     "two entities share a name in one namespace"};
inline constexpr Rule kDuplicateAttribute{"duplicate-attribute", "compiler", Severity::Error,
                                          "an attribute is set twice in one block"};
inline constexpr Rule kUnresolvedReference{"unresolved-reference", "compiler", Severity::Error,
                                           "a name refers to nothing of the expected kind"};
inline constexpr Rule kTypeMismatch{"type-mismatch", "compiler", Severity::Error,
                                    "a value has the wrong type for its attribute"};
inline constexpr Rule kInvalidValue{"invalid-value", "compiler", Severity::Error,
                                    "a value of the right type is not allowed"};
inline constexpr Rule kWaiverIncomplete{"waiver-incomplete", "workarounds and debt",
                                        Severity::Error, "a waiver lacks `until` or `reason`"};
inline constexpr Rule kWaiverExpired{"waiver-expired", "workarounds and debt", Severity::Error,
                                     "a waiver's `until` date has passed"};
inline constexpr Rule kWaiverUnused{"waiver-unused", "workarounds and debt", Severity::Warning,
                                    "a waiver suppresses at least one finding"};
inline constexpr Rule kWaiverTooLong{
    "waiver-too-long", "workarounds and debt", Severity::Warning,
    "a waiver lasts at most settings.limits.max_waiver (default 180d) from today"};

inline constexpr std::array<const Rule*, 16> kAll = {&kSyntax,
                                                     &kEncoding,
                                                     &kFileSkipped,
                                                     &kLimit,
                                                     &kUnknownKind,
                                                     &kUnknownAttribute,
                                                     &kMissingAttribute,
                                                     &kDuplicateName,
                                                     &kDuplicateAttribute,
                                                     &kUnresolvedReference,
                                                     &kTypeMismatch,
                                                     &kInvalidValue,
                                                     &kWaiverIncomplete,
                                                     &kWaiverExpired,
                                                     &kWaiverUnused,
                                                     &kWaiverTooLong};

}  // namespace gtm::compiler_rule
