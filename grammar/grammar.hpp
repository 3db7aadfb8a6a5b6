// Umbrella include for the `.gtm` grammar: lexical tokens, expressions, blocks.
#pragma once

#include "grammar/errors.hpp"
#include "grammar/file.hpp"
