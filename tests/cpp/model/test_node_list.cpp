// The graph's nodes, stored compact (a record and a block in one arena), read back through
// nodes() (NodeList), the per-node accessors, find() and at().
#include "testing.hpp"

#include "model/fixtures.hpp"

#include <koers/model/strategy_graph.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace koers;

namespace {
/// A node with every field set (the texts hold NULs and UTF-8; one is longer than 127 bytes, so
/// its length takes two LEB128 bytes).
Node node_list_full_node() {
  using namespace std::string_literals;
  return Node{.id = "iv.vol\0ledig"s,
              .kind = NodeKind::intervention,
              .name = "Één naam \xe2\x82\xac"s,
              .description = "met\0nul"s,
              .importance = 42.5,
              .decomposition = Decomposition::xor_,
              .audience = "managers",
              .table = "Tabel 3",
              .doel = std::string(300, 'd'),
              .inhoud = "inhoud",
              .doelgroep = "\0"s,
              .note = "notitie",
              .status = Status::partly_existing,
              .mandatory = true,
              .channel = Channel::formal,
              .duration_hours = 7.25,
              .cost_cents = -9'000'000'000'000'000'000LL,
              .participants = 12,
              .ilb_contribution = true,
              .size = 0,
              .gemma_id = "g-1",
              .domain = "domein",
              .budget_cents = std::numeric_limits<std::int64_t>::max(),
              .year = 2027};
}
}  // namespace

TEST_CASE("a node with every field round-trips through add_node and nodes()[i]", "[graph][nodes]") {
  StrategyGraph g;
  const Node full = node_list_full_node();
  const Node bare{.id = "goal.kaal", .kind = NodeKind::goal};
  g.add_node(bare);
  g.add_node(full);
  g.add_node(Node{.id = "tg.x", .kind = NodeKind::target_group, .name = "X", .size = 5});
  REQUIRE(g.nodes().size() == 3);
  CHECK(g.nodes()[0] == bare);
  CHECK(g.nodes()[1] == full);
  CHECK(g.node(1) == full);
  CHECK(g.nodes()[1].doel.size() == 300);
  CHECK(g.nodes()[1].id.size() == 12);  // the NUL kept
  CHECK(g.nodes()[2].size == 5);
  // the accessors read the same fields without building the Node
  CHECK(g.node_id(1) == full.id);
  CHECK(g.node_kind(1) == NodeKind::intervention);
  CHECK(g.node_name(1) == full.name);
  CHECK(g.node_text(1, NodeText::description) == full.description);
  CHECK(g.node_text(1, NodeText::audience) == full.audience);
  CHECK(g.node_text(1, NodeText::table) == full.table);
  CHECK(g.node_text(1, NodeText::doel) == full.doel);
  CHECK(g.node_text(1, NodeText::inhoud) == full.inhoud);
  CHECK(g.node_text(1, NodeText::doelgroep) == full.doelgroep);
  CHECK(g.node_text(1, NodeText::note) == full.note);
  CHECK(g.node_text(1, NodeText::gemma_id) == full.gemma_id);
  CHECK(g.node_text(1, NodeText::domain) == full.domain);
  CHECK(g.node_importance(1) == 42.5);
  CHECK(g.node_decomposition(1) == Decomposition::xor_);
  CHECK(g.node_status(1) == Status::partly_existing);
  CHECK(g.node_channel(1) == Channel::formal);
  CHECK(g.node_mandatory(1));
  CHECK(g.node_ilb_contribution(1));
  CHECK(g.node_duration_hours(1) == 7.25);
  CHECK(g.node_cost_cents(1) == full.cost_cents);
  CHECK(g.node_participants(1) == 12);
  CHECK(g.node_size(1) == 0);
  CHECK(g.node_budget_cents(1) == full.budget_cents);
  CHECK(g.node_year(1) == 2027);
  // and a node without them has none
  CHECK(g.node_name(0).empty());
  CHECK(g.node_text(0, NodeText::domain).empty());
  CHECK_FALSE(g.node_importance(0));
  CHECK_FALSE(g.node_decomposition(0));
  CHECK_FALSE(g.node_status(0));
  CHECK_FALSE(g.node_year(0));
  CHECK_FALSE(g.node_mandatory(0));
  CHECK(g.node_size(2) == 5);
  CHECK_FALSE(g.node_cost_cents(2));
}

TEST_CASE("nodes() reads like a vector of Node values", "[graph][nodes]") {
  auto g = koers::testing::small_plan();
  const auto nodes = g.nodes();
  REQUIRE_FALSE(nodes.empty());
  std::vector<std::string> ids;
  for (auto& n : g.nodes()) ids.push_back(n.id);  // range-for over the stash iterator
  REQUIRE(ids.size() == g.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CHECK(nodes[i].id == ids[i]);
    CHECK(nodes.at(i).name == g.node_name(i));
    CHECK(nodes[i] == g.node(i));
  }
  CHECK(nodes.front() == g.node(0));
  CHECK(nodes.back() == g.node(g.size() - 1));
  CHECK_THROWS_AS(nodes.at(g.size()), std::out_of_range);
  auto it = nodes.begin();
  CHECK(it->id == ids[0]);
  auto before = it++;
  CHECK((*before).id == ids[0]);
  CHECK(it->id == ids[1]);
  std::size_t count = 0;
  for (auto i = nodes.begin(); i != nodes.end(); ++i) ++count;
  CHECK(count == g.size());
}

TEST_CASE("find and at return the node by value", "[graph][nodes]") {
  StrategyGraph g;
  g.add_node(node_list_full_node());
  g.add_node({.id = "goal.a", .kind = NodeKind::goal, .name = "A"});
  g.add_node({.id = "goal.a", .kind = NodeKind::goal, .name = "A again"});  // a duplicate: the first wins
  if (auto n = g.find("goal.a"))
    CHECK(n->name == "A");
  else
    FAIL("goal.a not found");
  CHECK_FALSE(g.find("nope"));
  const Node& a = g.at("goal.a");  // binds the copy
  CHECK(a.name == "A");
  CHECK(g.at(node_list_full_node().id) == node_list_full_node());
  CHECK(g.index_of("goal.a") == 1u);
  try {
    (void)g.at("nope");
    FAIL("at() must throw");
  } catch (const GraphError& e) { CHECK(e.code() == Errc::unknown_node); }
  CHECK(g.ids(NodeKind::goal) == std::vector<std::string>{"goal.a", "goal.a"});
  CHECK(g.counts()["goal"] == 2);
  CHECK(g.counts()["intervention"] == 1);
  CHECK(describe(g, 1) == "goal 'A'");
  CHECK(describe(g, 1) == describe(g.node(1)));
}

TEST_CASE("graph equality compares every node field", "[graph][nodes]") {
  auto base = [] {
    StrategyGraph g;
    g.add_node({.id = "goal.a", .kind = NodeKind::goal, .name = "A"});
    g.add_node(node_list_full_node());
    return g;
  };
  CHECK(base() == base());
  StrategyGraph copy = base();
  CHECK(copy == base());
  auto differs = [&](auto change) {
    Node n = node_list_full_node();
    change(n);
    StrategyGraph g;
    g.add_node({.id = "goal.a", .kind = NodeKind::goal, .name = "A"});
    g.add_node(n);
    return !(g == base());
  };
  CHECK(differs([](Node& n) { n.id += "x"; }));
  CHECK(differs([](Node& n) { n.kind = NodeKind::programme; }));
  CHECK(differs([](Node& n) { n.name = ""; }));
  CHECK(differs([](Node& n) { n.description += "x"; }));
  CHECK(differs([](Node& n) {
    n.audience = "";
    n.table = "managers";
  }));  // the same bytes, another field
  CHECK(differs([](Node& n) { n.domain += "x"; }));
  CHECK(differs([](Node& n) { n.doelgroep = ""; }));
  CHECK(differs([](Node& n) { n.importance = 42.0; }));
  CHECK(differs([](Node& n) { n.importance.reset(); }));
  CHECK(differs([](Node& n) { n.decomposition = Decomposition::and_; }));
  CHECK(differs([](Node& n) { n.status.reset(); }));
  CHECK(differs([](Node& n) { n.mandatory = false; }));
  CHECK(differs([](Node& n) { n.channel = Channel::on_the_job; }));
  CHECK(differs([](Node& n) { n.duration_hours = 7.0; }));
  CHECK(differs([](Node& n) { n.cost_cents = 1; }));
  CHECK(differs([](Node& n) { n.participants.reset(); }));
  CHECK(differs([](Node& n) { n.ilb_contribution = false; }));
  CHECK(differs([](Node& n) { n.size = 1; }));
  CHECK(differs([](Node& n) { n.budget_cents = 0; }));
  CHECK(differs([](Node& n) { n.year = 2026; }));
  CHECK_FALSE(differs([](Node&) {}));
  // numbers compare as numbers, as Node's == does: 0.0 equals -0.0, NaN differs from itself
  StrategyGraph z1, z2, nan1, nan2;
  z1.add_node({.id = "a", .importance = 0.0});
  z2.add_node({.id = "a", .importance = -0.0});
  CHECK(z1 == z2);
  nan1.add_node({.id = "a", .importance = std::nan("")});
  nan2.add_node({.id = "a", .importance = std::nan("")});
  CHECK_FALSE(nan1 == nan2);
  CHECK((nan1.node(0) == nan2.node(0)) == (nan1 == nan2));
}

TEST_CASE("a graph without nodes", "[graph][nodes]") {
  StrategyGraph g;
  CHECK(g.nodes().empty());
  CHECK(g.nodes().size() == 0);
  CHECK(g.nodes().begin() == g.nodes().end());
  for ([[maybe_unused]] auto& n : g.nodes()) FAIL("no node expected");
  CHECK_THROWS_AS(g.nodes().at(0), std::out_of_range);
  CHECK_FALSE(g.find(""));
  CHECK(g.ids(NodeKind::goal).empty());
  CHECK(g.counts().size() == all_node_kinds.size());
  CHECK(g.check().empty());
  CHECK(g == StrategyGraph{});
  g.add_edge({EdgeKind::refines, "a", "b", {}});  // edges may name ids no node has
  CHECK(g.size() == 0);
  CHECK_FALSE(g.index_of("a"));
  StrategyGraph e;
  e.add_node({.id = "", .kind = NodeKind::goal});  // an empty id is a node too (E207)
  CHECK(e.size() == 1);
  CHECK(e.node_id(0).empty());
  CHECK(e.index_of("") == 0u);
}

TEST_CASE("find's result reads as an optional and compares with nullptr", "[graph][nodes]") {
  StrategyGraph g;
  g.add_node({.id = "goal.a", .kind = NodeKind::goal, .name = "A"});
  CHECK(g.find("goal.a") != nullptr);
  CHECK(g.find("nope") == nullptr);
  CHECK(nullptr == g.find("nope"));
  std::optional<Node> n = g.find("goal.a");
  REQUIRE(n);
  CHECK(n->name == "A");
  auto m = g.find("goal.a");
  m = std::nullopt;
  CHECK(m == nullptr);
}

TEST_CASE("the topology: built once, dropped by a change, not shared by a copy", "[graph][topology]") {
  auto g = koers::testing::small_plan();
  std::vector<const Topology*> seen(4, nullptr);
  {
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < seen.size(); ++k) threads.emplace_back([&, k] { seen[k] = &g.topology(); });
    for (auto& t : threads) t.join();
  }
  for (auto* t : seen) CHECK(t == seen.front());  // the threads raced: one topology kept
  const Topology& before = g.topology();
  CHECK(before.from.size() == g.edge_count());
  CHECK(before.first.size() == g.size());
  StrategyGraph copy = g;
  CHECK(&copy.topology() != &before);
  CHECK(copy.topology().from == before.from);
  CHECK(copy.topology().to == before.to);
  StrategyGraph moved = std::move(copy);
  CHECK(moved.topology().first == before.first);
  copy = moved;  // a moved-from graph is assigned again and works
  CHECK(copy.topology().to == before.to);
  g.add_node({.id = "goal.extra", .kind = NodeKind::goal, .name = "Extra"});
  CHECK(g.topology().first.size() == moved.size() + 1);
  g.add_edge({EdgeKind::refines, "dev.hnw", "goal.extra", {}});
  CHECK(g.topology().to.back() == g.size() - 1);
}
