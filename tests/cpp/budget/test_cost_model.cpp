#include <koers/budget/cost_model.hpp>
#include <koers/budget/plan_costs.hpp>
#include "testing.hpp"
using namespace koers;
using namespace koers::budget;

// Hand-computed cases (brief for issue 5 §1, "Intervention costs"); amounts illustrative.

TEST_CASE("a mix of fixed, per-run and per-participant costs", "[cost_model]") {
  // € 1.500 design + 3 runs × € 800 + 36 × € 45,50 = 1.500 + 2.400 + 1.638 = € 5.538,00
  CostModel m;
  m.fixed = Money::parse("1.500,00");
  m.per_run = Money::parse("800,00");
  m.runs = 3;
  m.per_participant = Money::parse("45,50");
  m.participants = 36;
  m.hours_per_participant = exact_hours(7.5);
  auto b = cost(m);
  CHECK(b.fixed_part.cents() == 150000);
  CHECK(b.run_part.cents() == 240000);
  CHECK(b.participant_part.cents() == 163800);
  CHECK(b.total == Money::parse("5.538,00"));
  CHECK(b.own == b.total);
  CHECK(b.ilb.cents() == 0);
  // per participant 553800 / 36 = 15383.33… cents = 46150/3; half-even → 15383
  REQUIRE(b.per_participant);
  CHECK(*b.per_participant == Ratio{46150, 3});
  CHECK(b.per_participant->num == 46150);
  CHECK(b.per_participant->den == 3);
  CHECK(b.per_participant_rounded->cents() == 15383);
  // learning hours 36 × 15/2 = 270; per hour 553800 / 270 = 2051.11… = 18460/9 → 2051
  CHECK(*b.learning_hours == Ratio{270, 1});
  CHECK(*b.per_hour == Ratio{18460, 9});
  CHECK(b.per_hour_rounded->cents() == 2051);
}

TEST_CASE("the ILB part: floor of the share of each participant's cost", "[cost_model]") {
  // € 495,55 per participant, share 1/3 → 16518.33… → 16518 cents each; 20 participants
  CostModel m;
  m.per_participant = Money::from_cents(49555);
  m.participants = 20;
  m.fixed = Money::from_cents(10000);  // fixed costs never go to the ILB
  m.ilb_share = Ratio{1, 3};
  auto b = cost(m);
  CHECK(b.total.cents() == 10000 + 49555 * 20);
  CHECK(b.ilb_per_participant.cents() == 16518);
  CHECK(b.ilb.cents() == 16518 * 20);
  CHECK(b.own.cents() == b.total.cents() - 16518 * 20);
  CHECK(b.own + b.ilb == b.total);
  m.ilb_share = Ratio{1, 1};
  CHECK(cost(m).own.cents() == 10000);
  m.ilb_share = Ratio{3, 2};
  CHECK_THROWS_AS(cost(m, std::nullopt, "iv.x"), InputError);
}

TEST_CASE("rounding rules of the unit costs are named and exact", "[cost_model]") {
  // 1001 cents over 2 participants = 500.5: half-even 500, half-up 501, floor 500, ceil 501
  CostModel m;
  m.fixed = Money::from_cents(1001);
  m.participants = 2;
  CHECK(cost(m).per_participant_rounded->cents() == 500);
  CHECK(cost(m, {}, "x", {Rounding::half_up}).per_participant_rounded->cents() == 501);
  CHECK(cost(m, {}, "x", {Rounding::floor}).per_participant_rounded->cents() == 500);
  CHECK(cost(m, {}, "x", {Rounding::ceil}).per_participant_rounded->cents() == 501);
  m.fixed = Money::from_cents(1003);  // 501.5: half-even → 502
  CHECK(cost(m).per_participant_rounded->cents() == 502);
  CHECK(to_string(Rounding::half_even) == "half_even");
}

TEST_CASE("participants from target-group sizes", "[cost_model]") {
  CHECK(participants_from_groups({1150}) == 1150);
  CHECK(participants_from_groups({95, 320}, Ratio{1, 10}) == 42);   // 41.5 → 42 (half up)
  CHECK(participants_from_groups({95, 320}, Ratio{3, 100}) == 12);  // 12.45 → 12
  CHECK_THROWS_AS(participants_from_groups({-1}), InputError);
  CostModel m;
  m.per_participant = Money::from_cents(2500);
  CHECK(cost(m, 40).total.cents() == 100000);  // the caller's count when the model has none
  try {
    cost(m, std::nullopt, "iv.no-count");
    FAIL("expected E207");
  } catch (const GraphError& e) {
    CHECK(e.code() == Errc::missing_required);
    CHECK(e.element() == "iv.no-count");
  }
  // no participants at all: a fixed cost has no unit costs
  CostModel f;
  f.fixed = Money::from_cents(100);
  auto b = cost(f);
  CHECK_FALSE(b.participants);
  CHECK_FALSE(b.per_participant);
  CHECK_FALSE(b.per_hour);
}

TEST_CASE("exact hours as written", "[cost_model]") {
  CHECK(exact_hours(7.5) == Ratio{15, 2});
  CHECK(exact_hours(0.1) == Ratio{1, 10});
  CHECK(exact_hours(31.5) == Ratio{63, 2});
  CHECK(exact_hours(4) == Ratio{4, 1});
  CHECK_THROWS_AS(exact_hours(-1), InputError);
}

TEST_CASE("E404: a stated total that is not per participant × participants", "[cost_model]") {
  CostModel m;
  m.per_participant = Money::from_cents(54000);
  m.participants = 40;
  m.stated_total = Money::from_cents(2160000);
  CHECK(cost(m).total.cents() == 2160000);
  m.stated_total = Money::from_cents(2160001);
  try {
    cost(m, std::nullopt, "iv.gesprekstechnieken");
    FAIL("expected E404");
  } catch (const BudgetError& e) {
    CHECK(e.code() == Errc::inconsistent_cost);
    CHECK(e.element() == "iv.gesprekstechnieken");
    CHECK(std::string(e.what()).find("2160001") != std::string::npos);
  }
}

TEST_CASE("E107 negative, E114 overflow, naming the element", "[cost_model]") {
  CostModel m;
  m.per_participant = Money::from_cents(-1);
  m.participants = 1;
  try {
    cost(m, std::nullopt, "iv.neg");
    FAIL("");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::invalid_value);
    CHECK(e.element() == "iv.neg");
  }
  CostModel big;
  big.per_participant = Money::from_cents(std::numeric_limits<std::int64_t>::max() / 2);
  big.participants = 3;
  try {
    cost(big, std::nullopt, "iv.big");
    FAIL("");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::money_overflow);
    CHECK(e.element() == "iv.big");
  }
  CostModel two;
  two.fixed = Money::from_cents(std::numeric_limits<std::int64_t>::max());
  two.per_run = Money::from_cents(1);
  try {
    cost(two, std::nullopt, "iv.sum");
    FAIL("");
  } catch (const InputError& e) { CHECK(e.code() == Errc::money_overflow); }
  CostModel runs;
  runs.runs = -2;
  CHECK_THROWS_AS(cost(runs), InputError);
}

namespace {
Node intervention(std::string id, std::optional<std::int64_t> cost_cents, std::optional<std::int64_t> n,
                  std::optional<double> hours = std::nullopt, bool ilb = false) {
  Node v;
  v.id = std::move(id);
  v.kind = NodeKind::intervention;
  v.name = v.id;
  v.status = Status::new_;
  v.cost_cents = cost_cents;
  v.participants = n;
  v.duration_hours = hours;
  v.ilb_contribution = ilb;
  return v;
}
}  // namespace

TEST_CASE("plan costing over a strategy graph: streams, ILB, target groups", "[plan_costs]") {
  StrategyGraph g;
  g.name = "hand";
  Node s1{.id = "stream.strategisch", .kind = NodeKind::budget_stream, .name = "Strategisch"};
  s1.budget_cents = 1000000;
  Node s2{.id = "stream.persoonlijk", .kind = NodeKind::budget_stream, .name = "Persoonlijke ontwikkeling"};
  s2.budget_cents = 500000;
  Node tg{.id = "tg.all", .kind = NodeKind::target_group, .name = "Iedereen"};
  tg.size = 1150;
  g.add_node(s1);
  g.add_node(s2);
  g.add_node(tg);
  g.add_node(intervention("iv.event", 2880000, std::nullopt, 4.0));  // fixed, 1150 from the group
  g.add_node(intervention("iv.career", 2700000, 30, 18.0, true));    // 900 € pp, half from the ILB
  g.add_node(intervention("iv.odd", 1000, 3));                       // 1000/3 not whole: fixed + note
  g.add_node(intervention("iv.none", std::nullopt, 10));             // not costed
  for (auto id : {"iv.event", "iv.career", "iv.odd", "iv.none"}) {
    g.add_edge({EdgeKind::funded_by, id, "stream.strategisch", std::nullopt});
    g.add_edge({EdgeKind::targets, id, "tg.all", std::nullopt});
  }
  auto c = cost_plan(g);
  REQUIRE(c.lines.size() == 4);
  const auto& ev = c.lines[0];
  CHECK(ev.participants_from == "target_groups");
  CHECK(*ev.cost.participants == 1150);
  CHECK(*ev.cost.per_participant == Ratio{57600, 23});      // 2880000 / 1150
  CHECK(ev.cost.per_participant_rounded->cents() == 2504);  // 2504.35 → 2504
  CHECK(*ev.cost.per_hour == Ratio{14400, 23});             // 2880000 / 4600 h
  const auto& ca = c.lines[1];
  CHECK(ca.model.per_participant.cents() == 90000);
  CHECK(ca.cost.ilb.cents() == 1350000);
  CHECK(ca.cost.own.cents() == 1350000);
  CHECK(*ca.cost.per_hour == Ratio{5000, 1});  // 900 € / 18 h = € 50 per hour
  CHECK(c.lines[2].model.fixed.cents() == 1000);
  CHECK(c.lines[2].notes.size() == 1);
  CHECK_FALSE(c.lines[3].costed);
  CHECK(c.uncosted == std::vector<std::string>{"iv.none"});
  CHECK(c.ilb_stream == "stream.persoonlijk");
  CHECK(c.total.cents() == 2880000 + 2700000 + 1000);
  CHECK(c.ilb.cents() == 1350000);
  REQUIRE(c.streams.size() == 2);
  CHECK(c.streams[0].own.cents() == 2880000 + 1350000 + 1000);
  CHECK(c.streams[0].free->cents() == 1000000 - (2880000 + 1350000 + 1000));
  CHECK(c.streams[1].ilb.cents() == 1350000);
  CHECK(c.streams[1].free->cents() == 500000 - 1350000);
  CHECK(c.participants == 1150 + 30 + 3);
  CHECK(c.learning_hours == Ratio{4600 + 540, 1});

  // overrides: a per-participant price against the model's cost_cents (E404), unknown id (E403)
  PlanCostOptions o;
  o.overrides["iv.career"].per_participant = Money::from_cents(80000);
  try {
    cost_plan(g, o);
    FAIL("");
  } catch (const BudgetError& e) {
    CHECK(e.code() == Errc::inconsistent_cost);
    CHECK(e.element() == "iv.career");
  }
  o.overrides["iv.career"].cost = Money::from_cents(80000 * 30);
  CHECK(cost_plan(g, o).lines[1].cost.total.cents() == 2400000);
  PlanCostOptions u;
  u.overrides["iv.nope"].fixed = Money::from_cents(1);
  CHECK_THROWS_AS(cost_plan(g, u), BudgetError);
  // uptake on the target group: 1150 × 0.1 = 115
  PlanCostOptions up;
  up.uptake = Ratio{1, 10};
  CHECK(*cost_plan(g, up).lines[0].cost.participants == 115);
  // a per-participant price whose count must come from a group without a size: E207 naming both
  Node tg2{.id = "tg.unsized", .kind = NodeKind::target_group, .name = "?"};
  g.add_node(tg2);
  g.add_node(intervention("iv.pp", std::nullopt, std::nullopt));
  g.add_edge({EdgeKind::targets, "iv.pp", "tg.unsized", std::nullopt});
  PlanCostOptions pp;
  pp.overrides["iv.pp"].per_participant = Money::from_cents(100);
  try {
    cost_plan(g, pp);
    FAIL("");
  } catch (const GraphError& e) {
    CHECK(e.code() == Errc::missing_required);
    CHECK(e.elements() == std::vector<std::string>{"iv.pp", "tg.unsized"});
  }
}
