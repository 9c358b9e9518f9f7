// Tests of the selection's branch-and-price (src/selection_bnp.cpp, docs/solver.md
// "Branch-and-price"): small seeded random instances with hours in 0.1 h steps against
// exhaustive enumeration written here (every selection mask, as best_of_masks in
// test_portfolio.cpp, with brute_assign.hpp for the assignment); `select` on an irregular
// instance of moderate size against the optimum the Python prototype proves; the limits.
#include "testing.hpp"

#include "brute_assign.hpp"

#include <koers/budget/selection.hpp>
#include <koers/budget/selection_json.hpp>

#include "selection_detail.hpp"  // bd::select_bnp (src/)

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace koers;
using namespace koers::budget;
namespace bd = koers::budget::detail;

namespace {

std::int64_t bnp_mh(double h) { return std::llround(h * 1000); }
std::int64_t bnp_mp(double s) { return std::llround(s * 1e6); }

struct BnpSmall {
  bd::BnpProblem p;
  std::size_t n = 0;
};

BnpSmall bnp_random_problem(std::mt19937_64& rng) {
  auto U = [&](std::int64_t a, std::int64_t b) { return std::uniform_int_distribution<std::int64_t>(a, b)(rng); };
  BnpSmall s;
  s.n = static_cast<std::size_t>(U(1, 11));
  const auto E = U(1, 3);
  for (std::int64_t e = 0; e < E; ++e) s.p.cap.push_back(100 * U(60, 200));  // 6.0–20.0 h
  for (std::size_t i = 0; i < s.n; ++i) {
    s.p.score.push_back(U(0, 9) == 0 ? -5000 * U(1, 20) : 5000 * U(0, 60));  // ties, zeros, a few negative
    s.p.hours.push_back(100 * (U(0, 3) == 0 ? U(90, 190) : U(5, 80)));       // 0.5–19.0 h
    s.p.mandatory.push_back(U(0, 9) == 0 ? 1 : 0);
  }
  s.p.min_per = U(0, 1);
  return s;
}

/// The value of the selection `mask` (micro-points) when it holds every mandatory process, is
/// worth at least `least` and can be assigned (checked last: the costly part); nullopt otherwise.
std::optional<std::int64_t> bnp_mask_value(const bd::BnpProblem& p, std::uint32_t mask,
                                           std::optional<std::int64_t> least) {
  std::vector<std::int64_t> h;
  std::int64_t v = 0;
  for (std::size_t i = 0; i < p.score.size(); ++i) {
    bool on = ((mask >> i) & 1u) != 0;
    if (p.mandatory[i] && !on) return std::nullopt;
    if (on) {
      h.push_back(p.hours[i]);
      v += p.score[i];
    }
  }
  if (least && v < *least) return std::nullopt;
  std::sort(h.rbegin(), h.rend());
  std::vector<std::int64_t> rem = p.cap, cnt(p.cap.size(), 0);
  if (!koers::testing::brute_assign(h, rem, cnt, p.min_per, 0)) return std::nullopt;
  return v;
}

/// Every optimal selection by enumeration (masks of the selected processes, ascending) and the
/// optimum (micro-points; nullopt and no masks when no selection can be assigned).
std::pair<std::optional<std::int64_t>, std::vector<std::uint32_t>> bnp_brute_all(const bd::BnpProblem& p) {
  std::optional<std::int64_t> best;
  std::vector<std::uint32_t> optima;
  for (std::uint32_t mask = 0; mask < (1u << p.score.size()); ++mask) {
    auto v = bnp_mask_value(p, mask, best);
    if (!v) continue;
    if (!best || *v > *best) optima.clear();
    best = v;
    optima.push_back(mask);
  }
  return {best, optima};
}

/// The optimum by enumeration (micro-points), nullopt when no selection can be assigned.
std::optional<std::int64_t> bnp_brute(const bd::BnpProblem& p) { return bnp_brute_all(p).first; }

/// Every optimal selection by enumeration (masks); empty when no selection can be assigned.
std::vector<std::uint32_t> bnp_brute_optima(const bd::BnpProblem& p) { return bnp_brute_all(p).second; }

std::uint32_t bnp_mask(const std::vector<int>& who) {
  std::uint32_t m = 0;
  for (std::size_t i = 0; i < who.size(); ++i)
    if (who[i] >= 0) m |= 1u << i;
  return m;
}

/// The value of an answer's assignment, checked in integers (nullopt: not a valid assignment).
std::optional<std::int64_t> bnp_value_of(const bd::BnpProblem& p, const std::vector<int>& who) {
  if (who.size() != p.score.size()) return std::nullopt;
  std::vector<std::int64_t> load(p.cap.size(), 0), cnt(p.cap.size(), 0);
  std::int64_t v = 0;
  for (std::size_t i = 0; i < who.size(); ++i) {
    if (who[i] < 0) {
      if (p.mandatory[i]) return std::nullopt;
      continue;
    }
    if (static_cast<std::size_t>(who[i]) >= p.cap.size()) return std::nullopt;
    load[static_cast<std::size_t>(who[i])] += p.hours[i];
    ++cnt[static_cast<std::size_t>(who[i])];
    v += p.score[i];
  }
  for (std::size_t e = 0; e < p.cap.size(); ++e)
    if (load[e] > p.cap[e] || cnt[e] < p.min_per) return std::nullopt;
  return v;
}

/// The result's assignment checked against the selection in milli-hours and micro-points.
std::int64_t bnp_checked_value(const Selection& s, const SelectionResult& r) {
  std::int64_t v = 0;
  std::vector<std::string> seen;
  REQUIRE(r.assignment.size() == s.experts.size());
  for (std::size_t e = 0; e < s.experts.size(); ++e) {
    CHECK(r.assignment[e].first == s.experts[e].id);
    std::int64_t h = 0;
    for (const auto& id : r.assignment[e].second) {
      auto it = std::find_if(s.items.begin(), s.items.end(), [&](const SelectionItem& x) { return x.id == id; });
      REQUIRE(it != s.items.end());
      CHECK(std::find(seen.begin(), seen.end(), id) == seen.end());
      seen.push_back(id);
      h += bnp_mh(it->hours);
      v += bnp_mp(it->score);
    }
    CHECK(h <= bnp_mh(s.experts[e].hours));
    CHECK(static_cast<std::int64_t>(r.assignment[e].second.size()) >= s.min_items_per_expert);
  }
  CHECK(seen.size() == r.selected.size());
  for (const auto& it : s.items)
    if (it.mandatory) CHECK(std::find(seen.begin(), seen.end(), it.id) != seen.end());
  return v;
}

/// Whether `ids` is another selection of `s` worth `total` micro-points: only those processes,
/// each mandatory, can be assigned (select proves it) and their scores sum to `total`.
bool bnp_reaches(const Selection& s, const std::vector<std::string>& ids, const std::vector<std::string>& selected,
                 std::int64_t total) {
  if (ids.empty() || ids == selected) return false;
  Selection only = s;
  only.items.clear();
  std::int64_t v = 0;
  for (const auto& it : s.items)
    if (std::find(ids.begin(), ids.end(), it.id) != ids.end()) {
      auto m = it;
      m.mandatory = true;
      only.items.push_back(m);
      v += bnp_mp(it.score);
    }
  if (only.items.size() != ids.size() || v != total) return false;
  auto r = select(only, {.check_unique = false});
  return r.status == SolveStatus::optimal && r.selected.size() == ids.size();
}

Selection bnp_moderate() {
  // bench_select.generate(200, seed 4, 8 experts, step 0.1): hours uniform in 40–200 h rounded
  // to 0.1 h, 202.4 h per expert, at least 1 process each. Optimum 18.035 (3607 units of
  // 0.005), proven by benchmarks/select_bnp.py (BranchAndPrice, seed 4, n 200, 8 experts:
  // optimal in 91 nodes).
  return load_selection(std::string(KOERS_SOURCE_DIR) + "/tests/cpp/budget/data/selection_irregular_200x8_seed4.json");
}

}  // namespace

TEST_CASE("selection bnp: small random instances against enumeration", "[solver][random]") {
  std::mt19937_64 rng(20261204);
  int solved = 0, infeasible = 0;
  for (int k = 0; k < 400; ++k) {
    auto s = bnp_random_problem(rng);
    INFO("instance " << k << ", n " << s.n << ", experts " << s.p.cap.size() << ", min " << s.p.min_per);
    REQUIRE(bd::bnp_applicable(s.p));
    auto want = bnp_brute(s.p);
    auto r = bd::select_bnp(s.p, {});
    if (!want) {  // branch-and-price does not prove infeasibility: `select` runs the B&B then
      CHECK(r.status == bd::BnpStatus::undecided);
      CHECK_FALSE(r.found);
      ++infeasible;
      continue;
    }
    INFO("undecided: " << r.why);
    REQUIRE(r.status == bd::BnpStatus::optimal);
    REQUIRE(r.found);
    CHECK(r.value == *want);
    CHECK(r.bound == *want);
    auto v = bnp_value_of(s.p, r.who);
    REQUIRE(v.has_value());
    CHECK(*v == *want);
    ++solved;
  }
  CHECK(solved > 300);
  CHECK(infeasible > 0);
}

TEST_CASE("selection bnp: the uniqueness question against enumeration", "[solver][random]") {
  // the second run (BnpProblem::at_least, other_than): another selection worth the optimum, or
  // none; the instances have ties (equal and zero scores) and unique optima
  std::mt19937_64 rng(20261205);
  int unique = 0, not_unique = 0;
  for (int k = 0; k < 400; ++k) {
    auto s = bnp_random_problem(rng);
    if (k % 2 == 1)  // coarse scores: many optima
      for (auto& v : s.p.score) v = v > 0 ? 5000 * static_cast<std::int64_t>(rng() % 4) : v;
    auto optima = bnp_brute_optima(s.p);
    if (optima.empty()) continue;
    INFO("instance " << k << ", n " << s.n << ", experts " << s.p.cap.size() << ", optima " << optima.size());
    auto r = bd::select_bnp(s.p, {});
    REQUIRE(r.status == bd::BnpStatus::optimal);
    auto tp = s.p;
    tp.at_least = r.value;
    for (int e : r.who) tp.other_than.push_back(e >= 0 ? 1 : 0);
    auto t = bd::select_bnp(tp, {});
    INFO("undecided: " << t.why);
    REQUIRE(t.status == bd::BnpStatus::optimal);
    CHECK(t.found == (optima.size() > 1));
    if (t.found) {
      auto v = bnp_value_of(s.p, t.who);
      REQUIRE(v.has_value());
      CHECK(*v == r.value);
      CHECK(t.value == r.value);
      CHECK(bnp_mask(t.who) != bnp_mask(r.who));
      CHECK(std::find(optima.begin(), optima.end(), bnp_mask(t.who)) != optima.end());
      ++not_unique;
    } else
      ++unique;
    // nothing is worth more than the optimum, not even the known selection
    auto up = tp;
    up.at_least = r.value + 1;
    auto u = bd::select_bnp(up, {});
    REQUIRE(u.status == bd::BnpStatus::optimal);
    CHECK_FALSE(u.found);
  }
  CHECK(unique > 50);
  CHECK(not_unique > 50);
}

TEST_CASE("selection bnp: select() on an irregular 200 x 8 instance proves the prototype's optimum", "[solver]") {
  auto s = bnp_moderate();
  SolveOptions o;
  o.check_unique = false;
  auto r = select(s, o);
  REQUIRE(r.status == SolveStatus::optimal);
  CHECK(bnp_mp(r.total_score) == 18035000);
  CHECK(bnp_mp(r.bound) == 18035000);
  CHECK(r.gap == 0);
  CHECK_FALSE(r.unique);
  CHECK(r.stats.stopped_by == StopReason::none);
  CHECK(bnp_checked_value(s, r) == 18035000);
}

TEST_CASE("selection bnp: the uniqueness question on the irregular 200 x 8 instance, and its limits", "[solver]") {
  auto s = bnp_moderate();
  // the two runs on their own (integer units as select's: micro-points, milli-hours)
  bd::BnpProblem bp;
  for (const auto& it : s.items) {
    bp.score.push_back(bnp_mp(it.score));
    bp.hours.push_back(bnp_mh(it.hours));
    bp.mandatory.push_back(it.mandatory ? 1 : 0);
  }
  for (const auto& e : s.experts) bp.cap.push_back(bnp_mh(e.hours));
  bp.min_per = s.min_items_per_expert;
  auto first = bd::select_bnp(bp, {});
  REQUIRE(first.status == bd::BnpStatus::optimal);
  CHECK(first.value == 18035000);
  auto tp = bp;
  tp.at_least = first.value;
  for (int e : first.who) tp.other_than.push_back(e >= 0 ? 1 : 0);
  auto second = bd::select_bnp(tp, {});
  INFO("undecided: " << second.why);
  REQUIRE(second.status == bd::BnpStatus::optimal);
  if (second.found) {
    CHECK(bnp_value_of(bp, second.who) == std::optional<std::int64_t>(18035000));
    CHECK(bnp_mask(second.who) != bnp_mask(first.who));
  }

  // select() with the question (the default) answers it the same way
  auto opt = select(s, {.check_unique = false});
  auto r = select(s, {});
  REQUIRE(r.status == SolveStatus::optimal);
  CHECK(bnp_mp(r.total_score) == 18035000);
  CHECK(r.unique == !second.found);
  CHECK(r.alternative.empty() == r.unique);
  if (!r.unique) CHECK(bnp_reaches(s, r.alternative, r.selected, 18035000));
  CHECK(r.stats.stopped_by == StopReason::none);
  CHECK(r.stats.nodes == opt.stats.nodes + second.nodes);
  CHECK(bnp_checked_value(s, r) == 18035000);

  // a node limit the first run stays within: the optimum stands, its uniqueness is not proven
  if (second.nodes > 1) {
    auto l = select(s, {.node_limit = opt.stats.nodes + 1});
    REQUIRE(l.status == SolveStatus::optimal);
    CHECK(bnp_mp(l.total_score) == 18035000);
    CHECK(l.gap == 0);
    CHECK_FALSE(l.unique);
    CHECK(l.alternative.empty());
    CHECK(l.stats.stopped_by == StopReason::node_limit);
  }
}

TEST_CASE("selection bnp: limits give a valid incumbent and bound", "[solver]") {
  auto s = bnp_moderate();
  {
    SolveOptions o;
    o.check_unique = false;
    o.node_limit = 2;
    auto r = select(s, o);
    REQUIRE(r.status == SolveStatus::limit);
    CHECK(r.stats.stopped_by == StopReason::node_limit);
    CHECK(r.stats.nodes == 2);
    REQUIRE_FALSE(r.selected.empty());
    auto v = bnp_checked_value(s, r);
    CHECK(v == bnp_mp(r.total_score));
    CHECK(v <= 18035000);
    CHECK(bnp_mp(r.bound) >= 18035000);
    CHECK(r.gap >= 0);
  }
  {
    SolveProgress pr;
    pr.cancel();
    SolveOptions o;
    o.check_unique = false;
    o.progress = &pr;
    auto r = select(s, o);
    REQUIRE(r.status == SolveStatus::limit);
    CHECK(r.stats.stopped_by == StopReason::cancelled);
    CHECK(bnp_mp(r.bound) >= 18035000);
    if (!r.selected.empty()) {
      CHECK(bnp_checked_value(s, r) == bnp_mp(r.total_score));
      CHECK(pr.found());
    }
  }
}

TEST_CASE("selection bnp: the same optimum as the branch-and-bound on mid-size irregular instances",
          "[solver][random]") {
  // 50–60 processes (the branch-and-price threshold is 50) and 2–3 experts: the B&B (uniqueness
  // asked: it runs alone) proves these quickly; its optimum is the reference.
  std::mt19937_64 rng(4121226);
  auto U = [&](std::int64_t a, std::int64_t b) { return std::uniform_int_distribution<std::int64_t>(a, b)(rng); };
  for (int k = 0; k < 6; ++k) {
    Selection s;
    const auto E = U(2, 3);
    for (std::int64_t e = 0; e < E; ++e)
      s.experts.push_back({"e" + std::to_string(e), static_cast<double>(U(150, 300)) / 10.0});
    const auto n = U(50, 60);
    for (std::int64_t i = 0; i < n; ++i)
      s.items.push_back({.id = "p" + std::to_string(i),
                         .score = static_cast<double>(U(1, 400)) / 200.0,
                         .hours = static_cast<double>(U(20, 160)) / 10.0,
                         .mandatory = U(0, 24) == 0});
    s.min_items_per_expert = U(0, 1);
    INFO("instance " << k);
    SolveOptions bp_o, bb_o;
    bp_o.check_unique = false;
    auto a = select(s, bp_o), b = bd::select_bnb_only(s, bb_o);
    REQUIRE(b.status == SolveStatus::optimal);
    REQUIRE(a.status == SolveStatus::optimal);
    CHECK(bnp_mp(a.total_score) == bnp_mp(b.total_score));
    CHECK(bnp_checked_value(s, a) == bnp_mp(b.total_score));
    // with the uniqueness question: branch-and-price's second run, the same answer as the B&B
    auto u = select(s, bb_o);
    REQUIRE(u.status == SolveStatus::optimal);
    CHECK(bnp_mp(u.total_score) == bnp_mp(b.total_score));
    CHECK(u.unique == b.unique);
    CHECK(u.stats.stopped_by == StopReason::none);
    CHECK(u.alternative.empty() == u.unique);  // branch-and-price's second run decides it
    if (!u.alternative.empty()) CHECK(bnp_reaches(s, u.alternative, u.selected, bnp_mp(u.total_score)));
    if (!b.alternative.empty()) CHECK(bnp_reaches(s, b.alternative, b.selected, bnp_mp(b.total_score)));
    CHECK(a.alternative.empty());  // not asked
  }
}

TEST_CASE("selection: the alternative of an optimum that is not unique", "[solver]") {
  // five processes of 5 h and score 1 for two experts of 10 h: any four (twins, the
  // branch-and-bound's dominance classes); the witness swaps one selected twin for the other
  Selection s;
  s.experts = {{"x", 10.0}, {"y", 10.0}};
  for (const char* id : {"a", "b", "c", "d", "e"}) s.items.push_back({.id = id, .score = 1.0, .hours = 5.0});
  auto r = select(s);
  REQUIRE(r.status == SolveStatus::optimal);
  CHECK(r.total_score == 4.0);
  CHECK_FALSE(r.unique);
  REQUIRE(r.alternative.size() == 4);
  CHECK(r.alternative != r.selected);
  CHECK(bnp_reaches(s, r.alternative, r.selected, 4000000));
  auto no = select(s, {.check_unique = false});
  CHECK(no.alternative.empty());
  // one process better than the others: the optimum is unique, no alternative
  s.items[0].score = 2.0;
  s.items.pop_back();
  auto u = select(s);
  REQUIRE(u.status == SolveStatus::optimal);
  CHECK(u.unique);
  CHECK(u.alternative.empty());
}
