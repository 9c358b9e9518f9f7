// Tests of the selection with irregular hours (issue 10 §4): the wasted-hours charge of big
// processes (koers::budget::detail::process_waste), the repair of refused selections into
// incumbents, and the longest assignable prefix (top_n = 0) — all against exhaustive
// enumeration written here (brute_assign.hpp enumerates every assignment).
// Source of the vectors: seeded random instances generated here, hours in 0.1 h steps with
// processes of more than half an expert's hours (the case the waste charge is for).
#include "testing.hpp"

#include "brute_assign.hpp"

#include <koers/budget/selection.hpp>

#include "selection_detail.hpp"  // detail::process_waste (src/)

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace koers;
using namespace koers::budget;

namespace {

std::int64_t mh(double h) { return std::llround(h * 1000); }

/// can exactly these processes (by index) be assigned, with at least min_per each?
bool assignable(const Selection& s, const std::vector<int>& idx, std::int64_t min_per) {
  std::vector<std::int64_t> h, rem, cnt(s.experts.size(), 0);
  for (int i : idx) h.push_back(mh(s.items[i].hours));
  std::sort(h.rbegin(), h.rend());
  for (const auto& e : s.experts) rem.push_back(mh(e.hours));
  return koers::testing::brute_assign(h, rem, cnt, min_per, 0);
}

Selection random_selection(std::mt19937_64& rng, int n_max) {
  auto U = [&](std::int64_t a, std::int64_t b) { return std::uniform_int_distribution<std::int64_t>(a, b)(rng); };
  Selection s;
  int n = static_cast<int>(U(1, n_max));
  int E = static_cast<int>(U(1, 3));
  for (int e = 0; e < E; ++e) s.experts.push_back({"e" + std::to_string(e), static_cast<double>(U(80, 200)) / 10.0});
  for (int i = 0; i < n; ++i) {
    SelectionItem it;
    it.id = "p" + std::to_string(i);
    it.score = static_cast<double>(U(0, 40)) / 20.0;                              // many ties
    it.hours = static_cast<double>(U(0, 9) < 3 ? U(90, 190) : U(20, 80)) / 10.0;  // some big ones
    it.mandatory = U(0, 11) == 0;
    if (i > 0 && U(0, 7) == 0) it.requires_.push_back("p" + std::to_string(U(0, i - 1)));
    s.items.push_back(it);
  }
  s.min_items_per_expert = U(0, 1);
  return s;
}

}  // namespace

TEST_CASE("selection waste: the charge never exceeds what an assignable selection leaves over", "[solver][random]") {
  // Σ (hours + waste)·x ≤ Σ capacities must hold for every selection that can be assigned.
  std::mt19937_64 rng(1010);
  int charged = 0;
  for (int t = 0; t < 300; ++t) {
    auto s = random_selection(rng, 9);
    std::vector<std::int64_t> cap, hours;
    for (const auto& e : s.experts) cap.push_back(mh(e.hours));
    for (const auto& it : s.items) hours.push_back(mh(it.hours));
    std::vector<signed char> fix(hours.size(), -1);
    auto w = koers::budget::detail::process_waste(cap, hours, fix);
    REQUIRE(w.size() == hours.size());
    for (auto x : w) {
      REQUIRE(x >= 0);
      charged += x > 0;
    }
    std::int64_t pool = 0;
    for (auto c : cap) pool += c;
    const int n = static_cast<int>(hours.size());
    INFO("instance " << t);
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
      std::vector<int> idx;
      std::int64_t charge = 0;
      for (int i = 0; i < n; ++i)
        if ((mask >> i) & 1u) {
          idx.push_back(i);
          charge += hours[i] + w[i];
        }
      if (charge <= pool) continue;
      CHECK_FALSE(assignable(s, idx, 0));
    }
  }
  CHECK(charged > 50);  // the family has big processes that are charged
}

TEST_CASE("selection waste: irregular hours and big processes equal the enumeration", "[solver][random]") {
  std::mt19937_64 rng(2020);
  int optimal = 0, infeasible = 0;
  for (int t = 0; t < 250; ++t) {
    auto s = random_selection(rng, 10);
    const int n = static_cast<int>(s.items.size());
    // the enumeration: best value and how many selections reach it
    bool any = false;
    std::int64_t best = 0, count = 0;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
      std::vector<int> idx;
      std::int64_t v = 0;
      bool ok = true;
      for (int i = 0; i < n && ok; ++i) {
        bool on = (mask >> i) & 1u;
        if (s.items[i].mandatory && !on) ok = false;
        if (!on) continue;
        for (const auto& d : s.items[i].requires_)
          if (!((mask >> std::stoi(d.substr(1))) & 1u)) ok = false;
        idx.push_back(i);
        v += std::llround(s.items[i].score * 1e6);
      }
      if (!ok || !assignable(s, idx, s.min_items_per_expert)) continue;
      if (!any || v > best) {
        any = true;
        best = v;
        count = 1;
      } else if (v == best)
        ++count;
    }
    INFO("instance " << t);
    for (bool uniq : {true, false}) {
      SolveOptions o;
      o.check_unique = uniq;
      auto r = select(s, o);
      if (!any) {
        REQUIRE(r.status == SolveStatus::infeasible);
        continue;
      }
      REQUIRE(r.status == SolveStatus::optimal);
      std::int64_t got = 0;
      std::vector<int> idx;
      for (const auto& id : r.selected)
        for (int i = 0; i < n; ++i)
          if (s.items[i].id == id) {
            got += std::llround(s.items[i].score * 1e6);
            idx.push_back(i);
          }
      CHECK(got == best);
      CHECK(assignable(s, idx, s.min_items_per_expert));
      if (uniq) CHECK(r.unique == (count == 1));
      // the assignment given meets every expert's hours and the minimum
      REQUIRE(r.assignment.size() == s.experts.size());
      std::size_t placed = 0;
      for (std::size_t e = 0; e < s.experts.size(); ++e) {
        std::int64_t h = 0;
        for (const auto& id : r.assignment[e].second)
          for (const auto& it : s.items)
            if (it.id == id) h += mh(it.hours);
        CHECK(h <= mh(s.experts[e].hours));
        CHECK(static_cast<std::int64_t>(r.assignment[e].second.size()) >= s.min_items_per_expert);
        placed += r.assignment[e].second.size();
      }
      CHECK(placed == r.selected.size());
    }
    (any ? optimal : infeasible)++;
  }
  CHECK(optimal > 100);
  CHECK(infeasible > 0);
}

TEST_CASE("selection: top_n = 0 is the longest prefix of the ranking that can be assigned", "[solver][random]") {
  // the ranking: mandatory first, then by score (stable); the cut ignores the minimum per expert
  std::mt19937_64 rng(3030);
  int shorter = 0;
  for (int t = 0; t < 300; ++t) {
    auto s = random_selection(rng, 9);
    for (auto& it : s.items) it.requires_.clear();
    const int n = static_cast<int>(s.items.size());
    std::vector<int> rank(n);
    for (int i = 0; i < n; ++i) rank[i] = i;
    std::stable_sort(rank.begin(), rank.end(), [&](int a, int b) {
      if (s.items[a].mandatory != s.items[b].mandatory) return s.items[a].mandatory;
      return s.items[a].score > s.items[b].score;
    });
    int want = 0;
    for (int k = 1; k <= n; ++k) {
      std::vector<int> idx(rank.begin(), rank.begin() + k);
      if (!assignable(s, idx, 0)) break;
      want = k;
    }
    shorter += want < n;
    s.top_n = 0;
    auto r = select(s);
    INFO("instance " << t);
    REQUIRE(r.top_n_cut.n == want);
    REQUIRE(r.top_n_cut.feasible);
    std::vector<std::string> ids;
    for (int k = 0; k < want; ++k) ids.push_back(s.items[rank[k]].id);
    std::vector<std::string> got = r.top_n_cut.selected;
    std::sort(ids.begin(), ids.end());
    std::sort(got.begin(), got.end());
    CHECK(got == ids);
    // its assignment holds every process of the cut within the hours
    REQUIRE(r.top_n_cut.assignment.size() == s.experts.size());
    std::size_t placed = 0;
    for (std::size_t e = 0; e < s.experts.size(); ++e) {
      std::int64_t h = 0;
      for (const auto& id : r.top_n_cut.assignment[e].second)
        for (const auto& it : s.items)
          if (it.id == id) h += mh(it.hours);
      CHECK(h <= mh(s.experts[e].hours));
      placed += r.top_n_cut.assignment[e].second.size();
    }
    CHECK(placed == static_cast<std::size_t>(want));
  }
  CHECK(shorter > 50);  // most cuts stop before the end of the ranking
}
