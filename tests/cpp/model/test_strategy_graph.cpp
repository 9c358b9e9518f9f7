#include "testing.hpp"

#include "model/fixtures.hpp"

#include <koers/koers.hpp>

#include <algorithm>

using namespace koers;
using koers::testing::small_plan;

namespace {
bool has_code(const std::vector<Issue>& v, Errc c, const std::string& element = "") {
  return std::any_of(v.begin(), v.end(), [&](const Issue& i) {
    return i.code == c &&
           (element.empty() || std::find(i.elements.begin(), i.elements.end(), element) != i.elements.end());
  });
}
}  // namespace

TEST_CASE("a consistent plan has no issues", "[graph]") {
  auto g = small_plan();
  CHECK(g.check().empty());
  CHECK_NOTHROW(g.validate());
  CHECK(g.counts()["intervention"] == 2);
  CHECK(g.counts()["process"] == 0);
}

TEST_CASE("the allowed-edge table is checked", "[graph]") {
  CHECK(edge_allowed(EdgeKind::refines, NodeKind::development, NodeKind::goal));
  CHECK_FALSE(edge_allowed(EdgeKind::refines, NodeKind::goal, NodeKind::development));
  CHECK_FALSE(edge_allowed(EdgeKind::contributes, NodeKind::target_group, NodeKind::goal));
  auto g = small_plan();
  g.add_edge({EdgeKind::targets, "iv.spel", "goal.flex", {}});
  auto issues = g.check();
  REQUIRE(has_code(issues, Errc::edge_not_allowed, "goal.flex"));
}

TEST_CASE("validation collects every problem with a stable code", "[graph]") {
  auto g = small_plan();
  g.add_node({.id = "goal.slimmer", .kind = NodeKind::goal, .name = "Dubbel"});      // E202
  g.add_node({.id = "goal.open", .kind = NodeKind::goal, .name = "Meer openheid"});  // E204
  Node lonely{.id = "iv.los", .kind = NodeKind::intervention, .name = "Los"};        // E205, E207
  g.add_node(lonely);
  g.add_edge({EdgeKind::contributes, "iv.spel", "goal.nergens", Strength{10.0, ""}});  // E200
  g.add_edge({EdgeKind::contributes, "iv.slim", "goal.flex", Strength{150.0, ""}});    // E206
  g.add_edge({EdgeKind::contributes, "iv.slim", "lg.tijd", Strength{{}, "superb"}});   // E206
  g.add_edge({EdgeKind::contributes, "iv.slim", "goal.flex", {}});                     // E207
  auto issues = g.check();
  CHECK(has_code(issues, Errc::duplicate_id, "goal.slimmer"));
  CHECK(has_code(issues, Errc::goal_unserved, "goal.open"));
  CHECK(has_code(issues, Errc::intervention_unused, "iv.los"));
  CHECK(has_code(issues, Errc::missing_required, "iv.los"));
  CHECK(has_code(issues, Errc::unknown_reference, "goal.nergens"));
  CHECK(has_code(issues, Errc::strength_out_of_range, "goal.flex"));
  CHECK(has_code(issues, Errc::strength_out_of_range, "lg.tijd"));
  CHECK(has_code(issues, Errc::missing_required, "goal.flex"));
  try {
    g.validate();
    FAIL("validate() must throw");
  } catch (const ModelError& e) { CHECK(e.issues().size() == issues.size()); }
}

TEST_CASE("a cycle in refines/decomposes is reported with its path", "[graph]") {
  auto g = small_plan();
  g.add_node({.id = "goal.a", .kind = NodeKind::goal, .name = "A"});
  g.add_node({.id = "goal.b", .kind = NodeKind::goal, .name = "B"});
  g.add_edge({EdgeKind::decomposes, "goal.a", "goal.b", {}});
  g.add_edge({EdgeKind::decomposes, "goal.b", "goal.a", {}});
  g.add_edge({EdgeKind::contributes, "iv.spel", "goal.b", Strength{50.0, ""}});
  auto issues = g.check();
  auto it = std::find_if(issues.begin(), issues.end(), [](auto& i) { return i.code == Errc::cycle; });
  REQUIRE(it != issues.end());
  CHECK(it->message.find("goal 'A'") != std::string::npos);
  CHECK(it->message.find("goal 'B'") != std::string::npos);
  CHECK(it->message.find("->") != std::string::npos);
}

TEST_CASE("JSON round trip and file errors with their JSON path", "[json]") {
  auto g = small_plan();
  auto text = to_json(g);
  auto back = parse_model(text);
  CHECK(back == g);
  CHECK(to_json(back) == text);
  auto code_of = [](const std::string& t) {
    try {
      parse_model(t);
    } catch (const InputError& e) { return std::make_pair(e.code(), std::string(e.what())); }
    return std::make_pair(Errc::invalid_argument, std::string("no error"));
  };
  CHECK(code_of("{").first == Errc::not_json);
  CHECK(code_of("[]").first == Errc::wrong_type);
  CHECK(code_of(R"({"format":"koers.decision","version":1})").first == Errc::wrong_format);
  CHECK(code_of(R"({"format":"koers.model","version":7,"nodes":[]})").first == Errc::unsupported_version);
  auto unknown =
      code_of(R"({"format":"koers.model","version":1,"nodes":[{"id":"a","kind":"goal","name":"A","colour":"red"}]})");
  CHECK(unknown.first == Errc::unknown_field);
  CHECK(unknown.second.find("/nodes/0/colour") != std::string::npos);
  CHECK(code_of(R"({"format":"koers.model","version":1,"nodes":[{"id":"a","kind":"goal"}]})").first ==
        Errc::missing_field);
  CHECK(code_of(R"({"format":"koers.model","version":1,"nodes":[{"id":1,"kind":"goal","name":"A"}]})").first ==
        Errc::wrong_type);
  CHECK(code_of(R"({"format":"koers.model","version":1,"nodes":[{"id":"a","kind":"wish","name":"A"}]})").first ==
        Errc::invalid_value);
  CHECK(code_of(std::string(100000, '[')).first == Errc::too_deep);
  CHECK(code_of("{\"format\":\"koers.model\",\"version\":1,\"name\":\"\xff\xfe\",\"nodes\":[]}").first ==
        Errc::not_json);
  CHECK(
      code_of(
          R"({"format":"koers.model","version":1,"nodes":[{"id":"s","kind":"budget_stream","name":"S","budget_cents":1e400}]})")
          .first != Errc::invalid_argument);
  CHECK_THROWS_AS(load_model("/nonexistent/plan.json"), InputError);
}

// Issue 13 item 7: coverage walked everything below each goal (a 40,000-goal chain: 22 s). The
// linear version against that walk (detail::descendants per goal), on seeded random graphs with
// cycles, shared subgoals and several contributions per pair.
#include <random>

namespace {
// The reference walk (what coverage did before it went linear): children by index, work
// contributing directly, and every node at or below a start.
std::vector<std::vector<std::size_t>> hierarchy_children(const StrategyGraph& g) {
  std::vector<std::vector<std::size_t>> ch(g.size());
  for (auto& e : g.edges()) {
    if (e.kind != EdgeKind::refines && e.kind != EdgeKind::decomposes) continue;
    auto f = g.index_of(e.from), t = g.index_of(e.to);
    if (f && t) ch[*f].push_back(*t);
  }
  return ch;
}
std::vector<std::vector<std::pair<std::size_t, Edge>>> direct_contributors(const StrategyGraph& g) {
  std::vector<std::vector<std::pair<std::size_t, Edge>>> c(g.size());
  for (auto& e : g.edges()) {
    if (e.kind != EdgeKind::contributes) continue;
    auto f = g.index_of(e.from), t = g.index_of(e.to);
    if (!f || !t) continue;
    auto k = g.nodes()[*f].kind;
    if (k == NodeKind::intervention || k == NodeKind::programme) c[*t].push_back({*f, e});
  }
  return c;
}
std::vector<std::size_t> descendants(const std::vector<std::vector<std::size_t>>& ch, std::size_t start) {
  std::vector<std::size_t> out{start}, stack{start};
  std::vector<bool> seen(ch.size(), false);
  seen[start] = true;
  while (!stack.empty()) {
    auto v = stack.back();
    stack.pop_back();
    for (auto c : ch[v])
      if (!seen[c]) {
        seen[c] = true;
        out.push_back(c);
        stack.push_back(c);
      }
  }
  return out;
}
}  // namespace

TEST_CASE("coverage equals the walk below each goal, on random hierarchies with cycles", "[model][coverage][random]") {
  std::mt19937 rng(1313);
  for (int t = 0; t < 300; ++t) {
    StrategyGraph g;
    const int goals = 1 + static_cast<int>(rng() % 12), work = static_cast<int>(rng() % 6);
    for (int k = 0; k < goals; ++k)
      g.add_node(
          {.id = "g" + std::to_string(k), .kind = rng() % 3 ? NodeKind::goal : NodeKind::learning_goal, .name = "G"});
    for (int k = 0; k < work; ++k)
      g.add_node({.id = "w" + std::to_string(k), .kind = NodeKind::intervention, .name = "W"});
    const int edges = static_cast<int>(rng() % (2 * goals + 1));
    for (int k = 0; k < edges; ++k)
      g.add_edge({rng() % 2 ? EdgeKind::refines : EdgeKind::decomposes,
                  "g" + std::to_string(rng() % goals),
                  "g" + std::to_string(rng() % goals),
                  {}});
    for (int k = 0; work && k < 2 * goals; ++k)
      g.add_edge({EdgeKind::contributes, "w" + std::to_string(rng() % work), "g" + std::to_string(rng() % goals),
                  Strength{static_cast<double>(rng() % 100), ""}});
    auto cov = analysis::coverage(g);
    // the walk
    auto ch = hierarchy_children(g);
    auto direct = direct_contributors(g);
    std::vector<analysis::CoverageEntry> entries;
    std::vector<std::string> gaps;
    for (std::size_t gi = 0; gi < g.size(); ++gi) {
      if (g.nodes()[gi].kind != NodeKind::goal && g.nodes()[gi].kind != NodeKind::learning_goal) continue;
      std::map<std::size_t, analysis::CoverageEntry> cells;
      for (auto d : descendants(ch, gi))
        for (auto& [w, e] : direct[d]) {
          auto& cell = cells[w];
          cell.goal = g.nodes()[gi].id;
          cell.intervention = g.nodes()[w].id;
          if (d == gi) {
            cell.direct = true;
            cell.strength = e.strength;
          }
        }
      std::vector<std::string> list;
      for (auto& [w, cell] : cells) {
        list.push_back(cell.intervention);
        entries.push_back(cell);
      }
      CHECK(cov.by_goal[g.nodes()[gi].id] == list);
      if (list.empty()) gaps.push_back(g.nodes()[gi].id);
    }
    INFO("graph " << t);
    REQUIRE(cov.entries.size() == entries.size());
    for (std::size_t k = 0; k < entries.size(); ++k) {
      CHECK(cov.entries[k].goal == entries[k].goal);
      CHECK(cov.entries[k].intervention == entries[k].intervention);
      CHECK(cov.entries[k].direct == entries[k].direct);
      CHECK(cov.entries[k].strength == entries[k].strength);
    }
    CHECK(cov.gaps == gaps);
  }
}

TEST_CASE("coverage of a 40,000-goal chain: one contribution at the bottom serves every goal",
          "[model][coverage][hostile]") {
  StrategyGraph g;
  const int n = 40000;
  for (int k = 0; k < n; ++k) g.add_node({.id = "g" + std::to_string(k), .kind = NodeKind::goal, .name = "G"});
  g.add_node({.id = "w", .kind = NodeKind::intervention, .name = "W"});
  for (int k = 0; k + 1 < n; ++k)
    g.add_edge({EdgeKind::decomposes, "g" + std::to_string(k), "g" + std::to_string(k + 1), {}});
  g.add_edge({EdgeKind::contributes, "w", "g" + std::to_string(n - 1), Strength{50.0, ""}});
  auto cov = analysis::coverage(g);
  CHECK(cov.entries.size() == static_cast<std::size_t>(n));
  CHECK(cov.gaps.empty());
  CHECK(cov.by_goal["g0"] == std::vector<std::string>{"w"});
  CHECK(cov.entries.back().direct);
  CHECK_FALSE(cov.entries.front().direct);
}
