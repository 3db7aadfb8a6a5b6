// The CRM's field types and condition functions: the one table every command, the analyses,
// the importer and the language server read.
#pragma once

#include "compiler/semantics/vocabulary.hpp"

namespace gtm::rules {

const Vocabulary& crm_vocabulary();

}  // namespace gtm::rules
