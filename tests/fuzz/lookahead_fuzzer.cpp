// libFuzzer target: the parser's hand-written one-token look-ahead and the PEGTL grammar give
// the same answer on any bytes (tests/lookahead_agreement.hpp).
#include <cstdlib>

#include "tests/fuzz/fuzz_input.hpp"
#include "tests/lookahead_agreement.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = gtm::fuzz::as_text(data, size);
  const auto agreement = gtm::testing::check_lookahead(text.data(), text.data() + text.size());
  if (agreement == gtm::testing::LookaheadAgreement::TokenRuleDiffers ||
      agreement == gtm::testing::LookaheadAgreement::ExpressionDiffers) {
    std::abort();
  }
  return 0;
}
