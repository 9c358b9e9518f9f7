// The one place the library reads the deprecated members (issue 12 §3: one word for one
// idea); see src/old_names.hpp. They go in the next release, and this file with them.
#include "old_names.hpp"

#include <algorithm>
#include <string>
#include <vector>

// Reading the old members is the point of this file.
KOERS_OLD_NAMES_BEGIN

namespace koers::budget::detail {

namespace {
template <class T>
void append_missing(std::vector<T>& to, const std::vector<T>& from) {
  for (const auto& x : from)
    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
}
}  // namespace

bool uses_old_names(const Selection& s) {
  return std::any_of(s.items.begin(), s.items.end(),
                     [](const SelectionItem& it) { return it.pinned || !it.needs.empty(); });
}

Selection with_current_names(const Selection& s) {
  Selection out = s;
  for (auto& it : out.items) {
    it.mandatory = it.mandatory || it.pinned;
    append_missing(it.requires_, it.needs);
    it.pinned = false;
    it.needs.clear();
  }
  return out;
}

bool uses_old_names(const PortfolioScenario& s) { return !s.force_items.empty(); }

PortfolioScenario with_current_names(const PortfolioScenario& s) {
  PortfolioScenario out = s;
  append_missing(out.mandatory_items, out.force_items);
  out.force_items.clear();
  return out;
}

bool uses_old_names(const Portfolio& p) {
  return !p.requirements.empty() ||
         std::any_of(p.requires_.begin(), p.requires_.end(), [](const Requirement& r) { return !r.needs.empty(); }) ||
         std::any_of(p.scenarios.begin(), p.scenarios.end(),
                     [](const PortfolioScenario& s) { return uses_old_names(s); });
}

Portfolio with_current_names(const Portfolio& p) {
  Portfolio out = p;
  std::vector<Requirement> pairs;
  for (const auto* list : {&p.requires_, &p.requirements})
    for (const auto& r : *list) {
      std::vector<Requirement> these;
      if (!r.requires_.empty() || r.needs.empty()) these.push_back({.item = r.item, .requires_ = r.requires_});
      if (!r.needs.empty() && r.needs != r.requires_) these.push_back({.item = r.item, .requires_ = r.needs});
      // the new list keeps its pairs as given (a duplicate there is the caller's); the old one
      // adds what the new one lacks
      if (list == &p.requires_)
        pairs.insert(pairs.end(), these.begin(), these.end());
      else
        append_missing(pairs, these);
    }
  out.requires_ = std::move(pairs);
  out.requirements.clear();
  for (auto& s : out.scenarios) s = with_current_names(s);
  return out;
}

}  // namespace koers::budget::detail

KOERS_OLD_NAMES_END
