#include <koers/budget/portfolio_sweep.hpp>
#include "testing.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace koers;
using namespace koers::budget;

namespace {
// A small portfolio in the shape of the Deventer plan: Tabel 7 (seed 000, ch. 4) strategic budget
// 314.777,00 with an illustrative reserve; illustrative costs and values.
Portfolio small() {
  Portfolio p;
  p.streams = {{"stream.strategisch", Money::from_cents(31477700), Money::from_cents(4000000)},
               {"stream.functioneel", Money::from_cents(31459400), Money{}}};
  p.items = {
      {"a", "A", "stream.strategisch", Money::from_cents(12000000), 5},
      {"b", "B", "stream.strategisch", Money::from_cents(9000000), 4},
      {"c", "C", "stream.strategisch", Money::from_cents(8000000), 3},
      {"d", "D", "stream.functioneel", Money::from_cents(20000000), 6},
      {"e", "E", "stream.functioneel", Money::from_cents(15000000), 5},
  };
  p.items[0].mandatory = true;
  return p;
}
}  // namespace

TEST_CASE("portfolio sweep equals single solves and does not depend on threads", "[portfolio_sweep]") {
  auto p = small();
  std::vector<PortfolioScenario> sc;
  for (int k = 0; k <= 60; ++k) {
    PortfolioScenario s;
    s.name = "cut " + std::to_string(k);
    int f = 1000 - 5 * k;  // 0 .. 30 % in steps of 0.5 %
    s.scale_budget = {
        {"stream.strategisch", std::to_string(f / 1000) + "." + std::to_string(f % 1000 + 1000).substr(1)}};
    sc.push_back(s);
  }
  PortfolioScenario bad;
  bad.name = "bad";
  bad.scale_budget = {{"stream.strategisch", "-1"}};
  sc.push_back(bad);
  PortfolioScenario drop;
  drop.name = "drop a";
  drop.drop_items = {"a"};
  sc.push_back(drop);

  SweepProgress prog;
  auto one = sweep_portfolio(p, sc, {.threads = 1});
  auto four = sweep_portfolio(p, sc, {.threads = 4, .progress = &prog});
  CHECK(prog.done == sc.size());
  REQUIRE(one.size() == sc.size());
  for (std::size_t i = 0; i < sc.size(); ++i) {
    CHECK(one[i].name == four[i].name);
    CHECK(one[i].status == four[i].status);
    CHECK(one[i].optimum == four[i].optimum);
    CHECK(one[i].selected == four[i].selected);
  }
  // row 0 = the base: the same as optimise()
  auto direct = optimise(apply(p, sc[0]), {.check_unique = false, .check_binding = false});
  CHECK(one[0].optimum == direct.optimum);
  CHECK(one[0].selected == direct.selected);
  CHECK(one[0].budget[0].cents() == 31477700);
  // 10 % cut: floor(31477700 × 0.9) = 28329930
  CHECK(one[20].budget[0].cents() == 28329930);
  CHECK(one[sc.size() - 2].status == "error");
  CHECK(one[sc.size() - 2].error_code == static_cast<int>(Errc::invalid_scenario));
  CHECK(one.back().status == "optimal");
  // at a 30 % cut the capacity is 22034390 − 4000000 = 18034390 (A, the mandatory item, fits)
  CHECK(one[60].capacity[0].cents() == 22034390 - 4000000);
  CHECK(one[60].status == "optimal");
}

TEST_CASE("portfolio sweep reports an infeasible scenario with its conflict", "[portfolio_sweep]") {
  auto p = small();
  PortfolioScenario s;
  s.name = "too small";
  s.set_budget = {{"stream.strategisch", Money::from_cents(10000000)}};
  auto rows = sweep_portfolio(p, {s}, {.threads = 2});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == "infeasible");
  REQUIRE(rows[0].conflict);
  CHECK(rows[0].conflict->stream == "stream.strategisch");
  CHECK(rows[0].conflict->required.cents() == 12000000);
  CHECK(rows[0].conflict->capacity.cents() == 6000000);
  CHECK(rows[0].selected.empty());
}

TEST_CASE("cancelled sweep leaves rows cancelled", "[portfolio_sweep]") {
  auto p = small();
  std::vector<PortfolioScenario> sc(10);
  for (std::size_t i = 0; i < sc.size(); ++i) sc[i].name = "s" + std::to_string(i);
  SweepProgress prog;
  prog.cancel = true;
  auto rows = sweep_portfolio(p, sc, {.threads = 2, .progress = &prog});
  CHECK(rows[0].status == "cancelled");
  CHECK(rows[9].name == "s9");
}

#include <koers/budget/portfolio_json.hpp>

// Scenario changes of costs, participants, moves and the payroll share (issue 5 §2). Budgets:
// Tabel 7 (seed 000, ch. 4) strategic 314.777,00 / functional 314.594,00 with an illustrative
// reserve of 40.000,00; costs illustrative. Every expected value computed by hand below.
TEST_CASE("portfolio scenarios: costs, participants, moves, payroll share", "[scenario]") {
  Portfolio p;
  p.streams = {{"stream.strategisch", Money::from_cents(31477700), Money::from_cents(4000000)},
               {"stream.functioneel", Money::from_cents(31459400), Money{}}};
  p.items = {{"a", "A", "stream.strategisch", Money::from_cents(1000000), 5},
             {"b", "B", "stream.strategisch", Money::from_cents(2160000), 4},
             {"c", "C", "stream.functioneel", Money::from_cents(999), 1}};
  p.items[1].per_participant = Money::from_cents(54000);
  p.items[1].participants = 40;
  p.validate();

  PortfolioScenario s{"s"};
  s.payroll_share = PayrollChange{"0.02", "0.03"};
  s.scale_budget = {{"stream.strategisch", "0.9"}};
  s.move = {{"stream.functioneel", "stream.strategisch", Money::from_cents(100)}};
  s.set_participants = {{"b", 60}};
  s.scale_cost = {{"*", "1.1"}, {"c", "0.5"}};
  auto q = apply(p, s);
  // strategic floor(31477700 × 3/2 × 9/10) = floor(42494895) = 42494895, + 100 moved
  CHECK(q.streams[0].budget.cents() == 42494995);
  // functional 31459400 × 3/2 = 47189100, − 100
  CHECK(q.streams[1].budget.cents() == 47189000);
  CHECK(q.streams[0].reserved.cents() == 4000000);  // reserved lines are not scaled
  CHECK(q.items[0].cost.cents() == 1100000);        // 1000000 × 1.1
  CHECK(q.items[1].cost.cents() == 3564000);        // 54000 × 60 × 1.1
  CHECK(q.items[1].participants == 60);
  CHECK_FALSE(q.items[1].per_participant);  // no longer pp × participants: a total
  CHECK(q.items[2].cost.cents() == 499);    // floor(999 × 0.5): own factor replaces "*"

  // participants only: the product, per_participant kept
  PortfolioScenario n{"n"};
  n.set_participants = {{"b", 10}};
  auto qn = apply(p, n);
  CHECK(qn.items[1].cost.cents() == 540000);
  CHECK(qn.items[1].per_participant == Money::from_cents(54000));

  // set wins over scale; JSON round trip of every field
  PortfolioScenario t{"t"};
  t.set_cost = {{"a", Money::from_cents(7)}};
  t.scale_cost = {{"*", "2"}};
  CHECK(apply(p, t).items[0].cost.cents() == 7);
  CHECK(apply(p, t).items[2].cost.cents() == 1998);
  p.scenarios = {s, t};
  CHECK(parse_portfolio(to_json(p)) == p);
  p.scenarios.clear();

  auto code = [&](const PortfolioScenario& sc) {
    auto pp = p;
    pp.scenarios = {sc};
    try {
      pp.validate();
    } catch (const Error& e) {  // 4xx BudgetError, E114 an InputError: the class the table names
      CHECK(error_class(e.code()) == (dynamic_cast<const BudgetError*>(&e) ? "BudgetError" : "InputError"));
      return static_cast<int>(e.code());
    }
    return 0;
  };
  PortfolioScenario m{"m"};
  m.move = {{"stream.strategisch", "stream.functioneel", Money::from_cents(27477701)}};  // 1 cent into the reserve
  CHECK(code(m) == 406);
  m.move[0].amount = Money::from_cents(27477700);
  CHECK(code(m) == 0);
  CHECK(apply(p, m).streams[0].capacity().cents() == 0);
  m.move[0].to = "nope";
  CHECK(code(m) == 402);
  PortfolioScenario bad{"bad"};
  bad.set_participants = {{"a", 3}};  // a has no per-participant price
  CHECK(code(bad) == 406);
  try {
    auto pp = p;
    pp.scenarios = {bad};
    pp.validate();
  } catch (const BudgetError& e) {
    CHECK(std::string(e.what()).find("/scenarios/0/set_participants/a") != std::string::npos);
  }
  bad.set_participants = {};
  bad.scale_cost = {{"zz", "1"}};
  CHECK(code(bad) == 403);
  bad.scale_cost = {{"a", "-1"}};
  CHECK(code(bad) == 406);
  bad.scale_cost = {};
  bad.payroll_share = PayrollChange{"0", "0.03"};
  CHECK(code(bad) == 406);
  bad.payroll_share.reset();
  bad.set_participants = {{"b", std::int64_t(1) << 62}};
  CHECK(code(bad) == 114);
}

TEST_CASE("compose portfolio scenarios", "[scenario]") {
  PortfolioScenario a{"a"}, b{"b"};
  a.scale_budget = {{"stream.strategisch", "0.9"}};
  a.set_budget = {{"stream.functioneel", Money::from_cents(1001)}};
  a.payroll_share = PayrollChange{"0.02", "0.025"};
  a.scale_cost = {{"*", "1.1"}, {"x", "2"}};
  a.set_cost = {{"y", Money::from_cents(1001)}};
  b.scale_budget = {{"stream.strategisch", "0.95"}};
  b.payroll_share = PayrollChange{"0.025", "0.03"};
  b.scale_cost = {{"*", "0.5"}};
  b.set_participants = {{"z", 7}};
  auto c = compose(a, b);
  CHECK(c.name == "a + b");
  REQUIRE(c.payroll_share);
  CHECK(c.payroll_share->from == "0.02");  // b.from = a.to
  CHECK(c.payroll_share->to == "0.03");
  CHECK(c.scale_budget == std::vector<std::pair<std::string, std::string>>{{"stream.strategisch", "0.855"}});
  // a's set, then b's payroll 0.03/0.025 = 6/5: floor(1001 × 6/5) = 1201
  CHECK(c.set_budget == std::vector<std::pair<std::string, Money>>{{"stream.functioneel", Money::from_cents(1201)}});
  // costs: x 2 × 0.5 = 1, z re-priced (a's "*" no longer applies: "1" × b's "*" 0.5), "*" 1.1 × 0.5
  CHECK(c.scale_cost == std::vector<std::pair<std::string, std::string>>{{"x", "1"}, {"z", "0.5"}, {"*", "0.55"}});
  CHECK(c.set_cost == std::vector<std::pair<std::string, Money>>{{"y", Money::from_cents(500)}});  // floor(1001 × 0.5)
  // other payroll shares multiply
  PortfolioScenario d{"d"};
  d.payroll_share = PayrollChange{"0.5", "2"};
  CHECK(compose(a, d).payroll_share == PayrollChange{"0.01", "0.05"});
  // a move followed by a budget change of a moved stream is refused
  PortfolioScenario mv{"mv"};
  mv.move = {{"stream.functioneel", "stream.strategisch", Money::from_cents(5)}};
  CHECK_THROWS_AS(compose(mv, b), BudgetError);
  auto ok = compose(b, mv);  // moves come after the budget changes: fine
  CHECK(ok.move.size() == 1);
}

// ---- the sweep against one-by-one solves --------------------------------------------------------
// sweep_portfolio reuses one prepared base per thread and applies each scenario in place; every
// row must be exactly what apply() followed by optimise() gives — optimum, selection, spend,
// budgets, conflict, node count, and the same error (code and message) for a scenario that fails.
namespace {

SweepResult one_by_one(const Portfolio& base, const PortfolioScenario& sc, const SolveOptions& o) {
  SweepResult r;
  r.name = sc.name;
  try {
    Portfolio p = apply(base, sc);
    for (const auto& s : p.streams) {
      r.budget.push_back(s.budget);
      r.capacity.push_back(s.capacity());
    }
    PortfolioResult res = optimise(p, o);
    r.status = to_string(res.status);
    r.optimum = res.optimum;
    if (res.status != SolveStatus::infeasible) r.selected = res.selected;
    for (const auto& s : res.spent) r.spent.push_back(s.spent);
    r.conflict = res.conflict;
    r.nodes = res.stats.nodes;
  } catch (const Error& e) {
    r.status = "error";
    r.error = e.what();
    r.error_code = static_cast<int>(e.code());
  }
  return r;
}

Portfolio random_base(std::mt19937_64& rng, Objective obj) {
  auto U = [&](std::int64_t a, std::int64_t b) { return std::uniform_int_distribution<std::int64_t>(a, b)(rng); };
  Portfolio p;
  p.objective = obj;
  const int S = static_cast<int>(U(1, 3)), n = static_cast<int>(U(4, 24)), G = static_cast<int>(U(1, 10));
  for (int s = 0; s < S; ++s)
    p.streams.push_back({"s" + std::to_string(s), Money{}, Money::from_cents(U(0, 2) == 0 ? U(0, 500) : 0)});
  for (int g = 0; g < G; ++g) p.goals.push_back({"g" + std::to_string(g), U(0, 12)});
  for (int i = 0; i < n; ++i) {
    PortfolioItem it;
    it.id = "i" + std::to_string(i);
    it.stream = "s" + std::to_string(U(0, S - 1));
    if (U(0, 4) == 0) {
      it.per_participant = Money::from_cents(U(1, 300));
      it.participants = U(1, 20);
      it.cost = *it.per_participant * *it.participants;
    } else {
      it.cost = Money::from_cents(U(0, 9) == 0 ? 0 : U(1, 4000));
    }
    it.value = U(-2, 30);
    for (int t = 0, k = static_cast<int>(U(0, 3)); t < k; ++t) {
      std::string g = "g" + std::to_string(U(0, G - 1));
      if (std::find(it.covers.begin(), it.covers.end(), g) == it.covers.end()) it.covers.push_back(g);
    }
    it.mandatory = U(0, 12) == 0;
    it.excluded = !it.mandatory && U(0, 15) == 0;
    p.items.push_back(it);
  }
  for (int g = 0, k = static_cast<int>(U(0, 3)); g < k; ++g) {
    PortfolioGroup grp{"grp" + std::to_string(g), {}, U(1, 2)};
    for (int t = 0, m = static_cast<int>(U(2, 4)); t < m; ++t) grp.items.push_back("i" + std::to_string(U(0, n - 1)));
    std::int64_t mand = 0;  // (a repeated id counts twice, as validate counts it)
    for (const auto& id : grp.items) mand += p.items[std::stoul(id.substr(1))].mandatory ? 1 : 0;
    grp.max = std::max(grp.max, mand);
    p.groups.push_back(grp);
  }
  for (int t = 0, k = static_cast<int>(U(0, 5)); t < k; ++t) {
    int a = static_cast<int>(U(0, n - 1)), b = static_cast<int>(U(0, n - 1));
    if (a == b) continue;
    if (a < b) std::swap(a, b);  // the later item requires the earlier one: acyclic
    p.requires_.push_back({"i" + std::to_string(a), "i" + std::to_string(b)});
  }
  for (auto& st : p.streams) {
    std::int64_t tot = 0;
    for (const auto& it : p.items)
      if (it.stream == st.id) tot += it.cost.cents();
    st.budget = st.reserved + Money::from_cents(U(tot / 5, std::max<std::int64_t>(tot / 5, tot * 3 / 4)));
  }
  return p;
}

PortfolioScenario random_scenario(std::mt19937_64& rng, const Portfolio& p, int k) {
  auto U = [&](std::int64_t a, std::int64_t b) { return std::uniform_int_distribution<std::int64_t>(a, b)(rng); };
  static const char* factors[] = {"0", "0.5", "0.75", "0.9", "0.95", "1", "1.1", "1.25", "2", "0.333"};
  auto factor = [&] { return std::string(factors[U(0, 9)]); };
  auto stream = [&] {
    return p.streams[static_cast<std::size_t>(U(0, static_cast<std::int64_t>(p.streams.size()) - 1))].id;
  };
  auto item = [&] { return p.items[static_cast<std::size_t>(U(0, static_cast<std::int64_t>(p.items.size()) - 1))].id; };
  PortfolioScenario s;
  s.name = "s" + std::to_string(k);
  const bool plain = U(0, 1) == 0;  // budgets and forced/dropped items only: the sweeps' grids
  for (int t = 0, m = static_cast<int>(U(0, 2)); t < m; ++t) s.scale_budget.push_back({stream(), factor()});
  if (U(0, 4) == 0) s.set_budget.push_back({stream(), Money::from_cents(U(0, 20000))});
  for (int t = 0, m = static_cast<int>(U(0, 2)); t < m; ++t) s.mandatory_items.push_back(item());
  for (int t = 0, m = static_cast<int>(U(0, 2)); t < m; ++t) s.drop_items.push_back(item());
  if (U(0, 9) == 0) s.scale_budget.push_back({stream(), "-1"});  // a bad factor: an error row
  if (!plain) {
    if (U(0, 2) == 0) s.payroll_share = PayrollChange{"0.02", factors[U(1, 9)]};
    if (U(0, 2) == 0) s.scale_cost.push_back({"*", factor()});
    if (U(0, 2) == 0) s.scale_cost.push_back({item(), factor()});
    if (U(0, 3) == 0) s.set_cost.push_back({item(), Money::from_cents(U(0, 5000))});
    if (U(0, 3) == 0) s.set_participants.push_back({item(), U(0, 30)});  // E406 when it has no price
    if (U(0, 3) == 0 && p.streams.size() > 1)
      s.move.push_back({p.streams[0].id, p.streams[1].id, Money::from_cents(U(0, 3000))});
  }
  return s;
}

void check_same(const SweepResult& a, const SweepResult& b) {
  INFO("scenario " << a.name);
  CHECK(a.name == b.name);
  CHECK(a.status == b.status);
  CHECK(a.optimum == b.optimum);
  CHECK(a.selected == b.selected);
  CHECK(a.spent == b.spent);
  CHECK(a.capacity == b.capacity);
  CHECK(a.budget == b.budget);
  CHECK(a.conflict == b.conflict);
  CHECK(a.error == b.error);
  CHECK(a.error_code == b.error_code);
  CHECK(a.nodes == b.nodes);
}

}  // namespace

TEST_CASE("portfolio sweep rows equal apply + optimise one by one, on random portfolios and scenarios",
          "[portfolio_sweep][random]") {
  std::mt19937_64 rng(20261203);
  std::size_t rows = 0, errors = 0, infeasible = 0, optimal = 0;
  for (int inst = 0; inst < 60; ++inst) {
    Portfolio p = random_base(rng, inst % 2 ? Objective::coverage : Objective::additive);
    try {
      p.validate();
    } catch (const Error&) {
      continue;  // (a random base the generator got wrong, e.g. mandatory items beyond a group)
    }
    std::vector<PortfolioScenario> sc;
    for (int k = 0; k < 25; ++k) sc.push_back(random_scenario(rng, p, k));
    const SolveOptions o{.check_unique = false, .check_binding = false};
    auto swept = sweep_portfolio(p, sc, {.threads = 2, .solve = o});
    REQUIRE(swept.size() == sc.size());
    for (std::size_t k = 0; k < sc.size(); ++k) {
      auto ref = one_by_one(p, sc[k], o);
      check_same(swept[k], ref);
      ++rows;
      errors += ref.status == "error";
      infeasible += ref.status == "infeasible";
      optimal += ref.status == "optimal";
    }
  }
  // the cases the comparison must have met: each kind of row, many times
  CHECK(rows >= 1000);
  CHECK(errors >= 50);
  CHECK(infeasible >= 50);
  CHECK(optimal >= 300);
}
