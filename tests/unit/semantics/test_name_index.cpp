// The did-you-mean index against the plain search it replaces: on many generated namespaces and
// words (typos, case and separator variants, shared prefixes), both choose the same name.
#include <catch2/catch.hpp>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "compiler/semantics/name_index.hpp"

namespace {

// ClosestName over every candidate, as suggestions were made before the index.
std::optional<std::string> plain_search(const std::vector<std::string>& names,
                                        std::string_view word, std::string_view prefix,
                                        const std::function<bool(std::uint32_t)>& eligible) {
  gtm::ClosestName chooser(word);
  for (std::uint32_t id = 0; id < names.size(); ++id) {
    std::string_view name = names[id];
    if (!name.starts_with(prefix) || name.size() == prefix.size()) continue;
    chooser.offer(name.substr(prefix.size()), [&] { return eligible(id); });
  }
  return chooser.best();
}

std::string random_name(std::mt19937& random, const std::string& alphabet, std::size_t max) {
  std::uniform_int_distribution<std::size_t> length(1, max);
  std::uniform_int_distribution<std::size_t> letter(0, alphabet.size() - 1);
  std::string name;
  for (std::size_t i = length(random); i > 0; --i) name += alphabet[letter(random)];
  return name;
}

// A typo of `name`: a substitution, insertion, deletion, transposition, case or separator change.
std::string typo_of(std::mt19937& random, std::string name, const std::string& alphabet) {
  std::uniform_int_distribution<int> kind(0, 5);
  std::uniform_int_distribution<std::size_t> letter(0, alphabet.size() - 1);
  for (int edits = std::uniform_int_distribution<int>(1, 3)(random); edits > 0; --edits) {
    if (name.empty()) name.assign(1, 'a');
    std::uniform_int_distribution<std::size_t> at(0, name.size() - 1);
    const std::size_t i = at(random);
    switch (kind(random)) {
      case 0:
        name[i] = alphabet[letter(random)];
        break;
      case 1:
        name = name.substr(0, i) + alphabet[letter(random)] + name.substr(i);
        break;
      case 2:
        name = name.substr(0, i) + name.substr(i + 1);
        break;
      case 3:
        if (i + 1 < name.size()) std::swap(name[i], name[i + 1]);
        break;
      case 4:
        name[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[i])));
        break;
      default:
        name = name.substr(0, i) + '_' + name.substr(i);
        break;
    }
  }
  return name;
}

}  // namespace

TEST_CASE("did-you-mean index chooses what the plain search chooses") {
  std::mt19937 random(20261202);
  const std::vector<std::string> alphabets = {"ab", "abc_", "abcdefghij", "aA_-b1"};
  for (int round = 0; round < 300; ++round) {
    const std::string& alphabet = alphabets[static_cast<std::size_t>(round) % alphabets.size()];
    std::set<std::string> unique;
    const std::size_t count = std::uniform_int_distribution<std::size_t>(1, 400)(random);
    const bool with_objects = round % 3 == 0;
    while (unique.size() < count) {
      std::string name = random_name(random, alphabet, 12);
      if (with_objects) name = (round % 2 ? "crm.lead." : "crm.lea.") + name;
      unique.insert(name);
    }
    const std::vector<std::string> names(unique.begin(), unique.end());
    std::vector<gtm::NameIndex::Entry> entries;
    for (std::uint32_t id = 0; id < names.size(); ++id) entries.push_back({names[id], id});
    const gtm::NameIndex index(entries);
    const std::string prefix = with_objects ? "crm.lead." : "";
    const auto eligible = [&](std::uint32_t id) { return round % 5 == 0 || id % 3 != 0; };
    for (int query = 0; query < 40; ++query) {
      const std::string& from =
          names[std::uniform_int_distribution<std::size_t>(0, names.size() - 1)(random)];
      const std::string word = query % 4 == 0
                                   ? random_name(random, alphabet, 14)
                                   : typo_of(random, from.substr(from.rfind('.') + 1), alphabet);
      INFO("word `" << word << "` among " << names.size() << " names, prefix `" << prefix << "`");
      CHECK(gtm::closest_in(index, word, eligible, prefix) ==
            plain_search(names, word, prefix, eligible));
    }
  }
}

TEST_CASE("did-you-mean index: the word itself is never suggested; separators and case cost 0") {
  const std::vector<std::string> names = {"lead_source", "LeadSource", "lead_sources", "dana"};
  std::vector<gtm::NameIndex::Entry> entries;
  for (std::uint32_t id = 0; id < names.size(); ++id) entries.push_back({names[id], id});
  const gtm::NameIndex index(entries);
  const auto any = [](std::uint32_t) { return true; };
  CHECK(gtm::closest_in(index, "lead_source", any) == "LeadSource");
  CHECK(gtm::closest_in(index, "LEAD-SOURCE", any) == "LeadSource");
  CHECK(gtm::closest_in(index, "dnaa", any) == "dana");
  CHECK(gtm::closest_in(index, "dana", any) == std::nullopt);
  CHECK(gtm::closest_in(index, "zzzz", any) == std::nullopt);
}
