// The strategy-graph analyses (include/koers/analysis/: coverage, trace, reach, mix, impact,
// diff): on the small HNW plan of model/fixtures.hpp, and on the Deventer example
// (python/koers/examples/data/deventer-2014/model.json, after seeds/000: Tabel 1 (HNW) 10
// interventions, Tabel 2 (Mobiliteit) 11, Tabel 3–5 one each, Tabel 6 six; the 70/20/10 norm of
// section 2). Where a figure is derived, the test derives it a second way (from the edges, or
// from another analysis) instead of repeating the implementation's output.
#include "testing.hpp"

#include "model/fixtures.hpp"

#include <koers/koers.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace koers;
using koers::testing::small_plan;

namespace {

StrategyGraph deventer(const std::string& file = "model.json") {
  return load_model(koers::testing::source_path("python/koers/examples/data/deventer-2014/" + file));
}

std::set<std::string> interventions_of_table(const StrategyGraph& g, const std::string& table) {
  std::set<std::string> out;
  for (const auto& n : g.nodes())
    if (n.kind == NodeKind::intervention && n.table == table) out.insert(n.id);
  return out;
}

}  // namespace

TEST_CASE("coverage, gaps and traces", "[analysis]") {
  auto g = small_plan();
  g.add_node({.id = "goal.open", .kind = NodeKind::goal, .name = "Meer openheid"});
  g.add_edge({EdgeKind::refines, "dev.hnw", "goal.open", {}});
  auto cov = analysis::coverage(g);
  CHECK(cov.by_goal["goal.slimmer"] == std::vector<std::string>{"iv.spel", "iv.slim"});
  CHECK(cov.by_goal["goal.flex"] == std::vector<std::string>{"iv.spel"});  // via lg.tijd
  CHECK(cov.gaps == std::vector<std::string>{"goal.open"});
  auto down = analysis::trace_down(g, "dev.hnw");
  REQUIRE(down.size() == 2);
  CHECK(down[0].to == "iv.spel");
  auto up = analysis::trace_up(g, "iv.slim");
  REQUIRE(up.size() == 1);
  CHECK(up[0].path == std::vector<std::string>{"iv.slim", "goal.slimmer", "dev.hnw"});
  CHECK_THROWS_AS(analysis::trace_down(g, "nope"), GraphError);
}

TEST_CASE("reach, 70/20/10 mix, removal impact and single points of failure", "[analysis]") {
  auto g = small_plan();
  auto r = analysis::reach(g);
  REQUIRE(r.size() == 1);
  CHECK(r[0].interventions.size() == 2);
  auto mix = analysis::learning_mix(g);
  REQUIRE(mix.size() == 1);
  CHECK(mix[0].on_the_job == 1);
  CHECK(mix[0].formal == 1);
  CHECK(mix[0].share_formal() == Approx(0.5));
  auto impact = analysis::removal_impact(g, {"iv.spel"});
  CHECK(impact.unsupported == std::vector<std::string>{"goal.flex", "lg.tijd"});
  CHECK(impact.weakened == std::vector<std::string>{"dev.hnw", "goal.slimmer"});
  CHECK_THROWS_AS(analysis::removal_impact(g, {"goal.flex"}), GraphError);
  auto spof = analysis::single_points_of_failure(g);
  auto it = std::find_if(spof.begin(), spof.end(), [](auto& s) { return s.node == "goal.flex"; });
  REQUIRE(it != spof.end());
  CHECK(it->work == std::vector<std::string>{"iv.spel"});
  CHECK(std::none_of(spof.begin(), spof.end(), [](auto& s) { return s.node == "goal.slimmer"; }));
}

TEST_CASE("diff of two versions", "[analysis]") {
  auto a = small_plan();
  auto b = small_plan();
  CHECK(analysis::diff(a, b).empty());
  Node iv3{.id = "iv.feedback", .kind = NodeKind::intervention, .name = "Feedback"};
  iv3.status = Status::partly_existing;
  b.add_node(iv3);
  b.add_edge({EdgeKind::contributes, "iv.feedback", "goal.slimmer", Strength{50.0, ""}});
  auto d = analysis::diff(a, b);
  CHECK(d.nodes_added == std::vector<std::string>{"iv.feedback"});
  CHECK(d.edges_added == std::vector<std::string>{"contributes:iv.feedback->goal.slimmer"});
}

TEST_CASE("Deventer: every goal is served, and each development reaches its own table's interventions",
          "[analysis][deventer]") {
  auto g = deventer();
  auto cov = analysis::coverage(g);
  CHECK(cov.gaps.empty());  // the plan names an intervention for every (learning) goal
  for (const auto& goal : cov.goals) CHECK_FALSE(cov.by_goal[goal].empty());
  // Tabel 1 lists the interventions of Het Nieuwe Werken, Tabel 2 those of Mobiliteit: the
  // trace down from each development ends at every one of them
  for (auto [dev, table] : {std::pair{"dev.hnw", "Tabel 1"}, std::pair{"dev.mobiliteit", "Tabel 2"}}) {
    std::set<std::string> reached;
    for (const auto& p : analysis::trace_down(g, dev)) reached.insert(p.to);
    auto listed = interventions_of_table(g, table);
    CHECK(listed.size() == (std::string(table) == "Tabel 1" ? 10u : 11u));
    for (const auto& iv : listed) {
      INFO(dev << " should reach " << iv << " (" << table << ")");
      CHECK(reached.count(iv) == 1);
    }
    // and every listed intervention traces back up to its development
    for (const auto& iv : listed) {
      auto up = analysis::trace_up(g, iv);
      CHECK(std::any_of(up.begin(), up.end(), [&](const auto& p) { return p.to == dev; }));
    }
  }
}

TEST_CASE("Deventer: reach counts the targets edges, and the mix its norm distance", "[analysis][deventer]") {
  auto g = deventer();
  std::map<std::string, std::set<std::string>> targets;  // target group → interventions, from the edges
  for (const auto& e : g.edges())
    if (e.kind == EdgeKind::targets) targets[e.to].insert(e.from);
  auto reach = analysis::reach(g);
  REQUIRE_FALSE(reach.empty());
  for (const auto& r : reach) {
    INFO(r.target_group);
    CHECK(std::set<std::string>(r.interventions.begin(), r.interventions.end()) == targets[r.target_group]);
  }
  auto it = std::find_if(reach.begin(), reach.end(), [](const auto& r) { return r.target_group == "tg.iedereen"; });
  REQUIRE(it != reach.end());
  CHECK(it->interventions.size() == 22);
  // 70/20/10 (section 2): the deviation is half the L1 distance of the shares from the norm, in
  // percentage points (the total variation distance); the shares of a row sum to 1
  auto mix = analysis::learning_mix(g);
  REQUIRE(mix.size() == 6);  // three developments, three themes (Tabel 3-5)
  for (const auto& m : mix) {
    INFO(m.node);
    REQUIRE(m.known() > 0);
    const double a = double(m.on_the_job) / double(m.known()), b = double(m.with_others) / double(m.known()),
                 c = double(m.formal) / double(m.known());
    CHECK(a + b + c == Approx(1.0));
    CHECK(m.deviation_points() == Approx(50.0 * (std::abs(a - 0.7) + std::abs(b - 0.2) + std::abs(c - 0.1))));
  }
}

TEST_CASE("Deventer: a single point of failure is what removal_impact says it is", "[analysis][deventer]") {
  auto g = deventer();
  auto spof = analysis::single_points_of_failure(g);
  REQUIRE_FALSE(spof.empty());
  for (const auto& s : spof) {
    INFO(s.node);
    REQUIRE_FALSE(s.work.empty());
    // dropping the work all its support passes through leaves the node without support
    auto impact = analysis::removal_impact(g, s.work);
    CHECK(std::count(impact.unsupported.begin(), impact.unsupported.end(), s.node) == 1);
  }
  // dropping every intervention leaves no goal supported
  std::vector<std::string> all;
  for (const auto& n : g.nodes())
    if (n.kind == NodeKind::intervention) all.push_back(n.id);
  auto none = analysis::removal_impact(g, all);
  auto cov = analysis::coverage(g);
  for (const auto& goal : cov.goals) CHECK(std::count(none.unsupported.begin(), none.unsupported.end(), goal) == 1);
  CHECK(none.weakened.empty());
}

TEST_CASE("Deventer: the diff of two versions is the same read either way", "[analysis][deventer]") {
  auto a = deventer(), b = deventer("model-2015.json");
  auto ab = analysis::diff(a, b), ba = analysis::diff(b, a);
  CHECK_FALSE(ab.empty());
  CHECK(ab.nodes_added == ba.nodes_removed);
  CHECK(ab.nodes_removed == ba.nodes_added);
  CHECK(ab.edges_added == ba.edges_removed);
  CHECK(ab.edges_removed == ba.edges_added);
  // a removed node is gone from b, an added one is new in b
  for (const auto& id : ab.nodes_removed) {
    CHECK(a.find(id) != nullptr);
    CHECK(b.find(id) == nullptr);
  }
  for (const auto& id : ab.nodes_added) {
    CHECK(a.find(id) == nullptr);
    CHECK(b.find(id) != nullptr);
  }
  CHECK(std::count(ab.nodes_removed.begin(), ab.nodes_removed.end(), "iv.spelsimulatie-hnw") == 1);
}
