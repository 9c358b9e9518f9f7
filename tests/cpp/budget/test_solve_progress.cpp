// Tests of SolveProgress: the counters of a running exact solve (select and optimise) and its
// cancel, which stops the search as a limit does. Vectors: the shipped examples
// (west-betuwe-2022 selection, deventer-2014 portfolio) and a seeded selection with irregular
// hours generated here, which the search does not finish within a few thousand nodes.
#include "testing.hpp"

#include <koers/budget/portfolio.hpp>
#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/selection.hpp>
#include <koers/budget/selection_json.hpp>

#include "portfolio_detail.hpp"  // src/: detail::stop_reason and the core (bnb.hpp)
#include "selection_detail.hpp"  // src/: detail::select_bnb_only

#include <chrono>
#include <cmath>
#include <future>
#include <random>
#include <string>
#include <thread>

using namespace koers;
using namespace koers::budget;

namespace {

Selection progress_west_betuwe() {
  return load_selection(koers::testing::source_path("python/koers/examples/data/west-betuwe-2022/selection.json"));
}

/// 500 processes, 15 experts of 202.4 h, as bench_select's irregular instances: hours uniform in
/// 40–200 h in 0.1 h steps, scores a weighted sum of five criteria of 1–10, 5 mandatory — a
/// search of about 5,300 nodes and 13 s that ends as `limit` by itself (assignment checks left
/// undecided; docs/solver.md, open ends).
Selection progress_irregular() {
  std::mt19937_64 rng(20261203);
  std::uniform_int_distribution<int> tenths(400, 2000), crit(1, 10), pick(0, 499);
  const double w[5] = {0.30, 0.25, 0.20, 0.15, 0.10};
  Selection s;
  s.name = "irregular";
  for (int i = 0; i < 500; ++i) {
    double score = 0;
    for (double wk : w) score += wk * crit(rng);
    s.items.push_back({.id = "p" + std::to_string(i),
                       .score = std::round(score * 1e5) / 1e6,
                       .hours = tenths(rng) / 10.0,
                       .mandatory = false,
                       .requires_ = {}});
  }
  for (int k = 0; k < 5; ++k) s.items[static_cast<std::size_t>(pick(rng))].mandatory = true;
  for (int k = 0; k < 15; ++k) s.experts.push_back({.id = "e" + std::to_string(k), .hours = 202.4});
  s.min_items_per_expert = 1;
  return s;
}

}  // namespace

TEST_CASE("solve progress: the counters of a finished selection are its nodes and its optimum", "[solver][progress]") {
  SolveProgress p;
  auto r = select(progress_west_betuwe(), {.progress = &p});
  REQUIRE(r.status == SolveStatus::optimal);
  CHECK(p.nodes() == r.stats.nodes);
  REQUIRE(p.found());
  CHECK(std::fabs(p.incumbent() - r.total_score) < 1e-6);
  CHECK_FALSE(p.cancelled());
}

TEST_CASE("solve progress: cancelled before the start, the selection stops as at a limit", "[solver][progress]") {
  SolveProgress p;
  p.cancel();
  auto r = select(progress_west_betuwe(), {.progress = &p});
  CHECK(r.status == SolveStatus::limit);
  CHECK(r.stats.nodes <= 512);  // the first check, at node 256
  CHECK(r.bound >= r.total_score);
  CHECK(r.stats.stopped_by == StopReason::cancelled);
}

TEST_CASE("solve progress: a limit result says which limit stopped it", "[solver][progress]") {
  auto s = progress_west_betuwe();  // 5,363 nodes to the proof (docs/solver.md)
  auto done = select(s);
  CHECK(done.status == SolveStatus::optimal);
  CHECK(done.stats.stopped_by == StopReason::none);
  auto by_nodes = select(s, {.node_limit = 10});
  CHECK(by_nodes.status == SolveStatus::limit);
  CHECK(by_nodes.stats.stopped_by == StopReason::node_limit);
  CHECK(std::string(to_string(by_nodes.stats.stopped_by)) == "node_limit");
  auto by_time = select(progress_irregular(), {.time_limit = 0.05, .check_unique = false});
  CHECK(by_time.status == SolveStatus::limit);
  CHECK(by_time.stats.stopped_by == StopReason::time_limit);
}

TEST_CASE("solve progress: completions the leaf check leaves undecided end the search as `undecided`",
          "[solver][progress]") {
  // the core on its own: three items, one resource; the oracle decides nothing (−1), as the
  // assignment check does when its node budget runs out
  koers::detail::BnbModel m;
  m.n = 3;
  m.value = {5, 4, 3};
  m.n_res = 1;
  m.res = {0, 0, 0};
  m.cost = {2, 2, 2};
  m.cap = {4};
  m.accept = [](const std::vector<signed char>&) { return -1; };
  auto b = koers::detail::solve_bnb(m);
  CHECK(b.status == koers::detail::BnbStatus::limit);
  CHECK(b.stopped_by == koers::detail::BnbStop::undecided);
  CHECK(koers::budget::detail::stop_reason(b.stopped_by) == StopReason::assignment_check);
}

TEST_CASE("solve progress: another thread cancels a long selection, which returns its incumbent",
          "[solver][progress]") {
  // The branch-and-bound alone (select() gives this instance to branch-and-price, which proves
  // it in about 400 nodes: the next test cancels that one); its irregular hours keep the
  // branch-and-bound searching long
  SolveProgress p;
  auto s = progress_irregular();
  auto fut = std::async(std::launch::async, [&] {
    return koers::budget::detail::select_bnb_only(s, {.check_unique = true, .progress = &p});
  });
  // wait until the search is well under way (or, if it ever ends first, fail below)
  while (p.nodes() < 1024 && fut.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready) {}
  const bool ended_first = fut.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  p.cancel();
  auto r = fut.get();
  INFO("status " << to_string(r.status) << ", nodes " << r.stats.nodes << ", seconds " << r.stats.seconds);
  REQUIRE_FALSE(ended_first);  // the instance must still be searching at 1,024 nodes
  CHECK(r.status == SolveStatus::limit);
  CHECK(r.stats.nodes >= 1024);
  CHECK(r.stats.nodes < 5000);        // cancelled at about 1,024 nodes: it stops soon after
  REQUIRE_FALSE(r.selected.empty());  // the incumbent, with its assignment
  CHECK(r.assignment.size() == s.experts.size());
  CHECK(r.bound >= r.total_score);
  CHECK(std::fabs(p.incumbent() - r.total_score) < 1e-6);
}

TEST_CASE("solve progress: another thread cancels the branch-and-price of a selection", "[solver][progress]") {
  SolveProgress p;
  auto s = progress_irregular();  // branch-and-price (irregular hours, no uniqueness question)
  auto fut = std::async(std::launch::async, [&] { return select(s, {.check_unique = false, .progress = &p}); });
  while (p.nodes() < 20 && fut.wait_for(std::chrono::milliseconds(2)) != std::future_status::ready) {}
  const bool ended_first = fut.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  p.cancel();
  auto r = fut.get();
  INFO("status " << to_string(r.status) << ", nodes " << r.stats.nodes << ", seconds " << r.stats.seconds);
  REQUIRE_FALSE(ended_first);  // about 400 nodes to the proof
  CHECK(r.status == SolveStatus::limit);
  CHECK(r.stats.stopped_by == StopReason::cancelled);
  CHECK(r.stats.nodes >= 20);
  REQUIRE_FALSE(r.selected.empty());
  CHECK(r.assignment.size() == s.experts.size());
  CHECK(r.bound >= r.total_score);
  CHECK(std::fabs(p.incumbent() - r.total_score) < 1e-6);
}

TEST_CASE("solve progress: the portfolio solve reports its optimum and can be cancelled", "[solver][progress]") {
  auto pf = load_portfolio(koers::testing::source_path("python/koers/examples/data/deventer-2014/portfolio.json"));
  SolveProgress p;
  auto r = optimise(pf, {.progress = &p});
  REQUIRE(r.status == SolveStatus::optimal);
  REQUIRE(r.optimum.has_value());
  REQUIRE(p.found());
  CHECK(p.incumbent() == static_cast<double>(*r.optimum));
  SolveProgress q;
  q.cancel();
  auto r2 = optimise(pf, {.check_binding = false, .progress = &q});
  // the cancel is looked at every 256 nodes: a search that ends before is proven as usual
  if (p.nodes() < 256) {
    CHECK(r2.status == SolveStatus::optimal);
    CHECK(r2.optimum == r.optimum);
  } else {
    CHECK(r2.status == SolveStatus::limit);
    CHECK(r2.stats.nodes <= 512);
  }
}
