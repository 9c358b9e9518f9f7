// The old member names kept for one release (issue 12 §3, one word for one idea): code written
// with `SelectionItem::pinned` / `needs`, `PortfolioScenario::force_items`,
// `Portfolio::requirements` and `Requirement::needs` still builds and gets the same answers as
// code written with `mandatory`, `requires_` and `mandatory_items` (src/budget_old_names.cpp
// folds them in). This file uses the deprecated members on purpose, so it silences their
// warning, locally.
#include <koers/budget/portfolio.hpp>
#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/portfolio_sweep.hpp>
#include <koers/budget/selection.hpp>
#include <koers/budget/selection_json.hpp>

#include "testing.hpp"

#include <string>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

using namespace koers;
using namespace koers::budget;

namespace {
// Hand computation: 30 h in one pool. a (10 h, 3) is mandatory; b (10 h, 2) requires a; c
// (25 h, 9) does not fit beside a; d (5 h, 1) requires b. Optimum a + b + d = 6 in 25 h.
Selection old_names_selection(bool old_spelling) {
  Selection s;
  s.capacity_hours = 30;
  s.items = {{.id = "a", .score = 3, .hours = 10},
             {.id = "b", .score = 2, .hours = 10},
             {.id = "c", .score = 9, .hours = 25},
             {.id = "d", .score = 1, .hours = 5}};
  if (old_spelling) {
    s.items[0].pinned = true;
    s.items[1].needs = {"a"};
    s.items[3].needs.push_back("b");
  } else {
    s.items[0].mandatory = true;
    s.items[1].requires_ = {"a"};
    s.items[3].requires_.push_back("b");
  }
  return s;
}

// Hand computation: stream "opl" € 10,00. m (€ 3, value 1) requires r (€ 2, 0); a (€ 6, 9);
// b (€ 4, 5). Base: a + b (14) in € 10. A scenario making m mandatory: m + r (€ 5) + b = 6.
Portfolio old_names_portfolio(bool old_spelling) {
  Portfolio p;
  p.streams.push_back({"opl", Money::from_cents(1000), Money{}});
  p.items.push_back({.id = "m", .stream = "opl", .cost = Money::from_cents(300), .value = 1});
  p.items.push_back({.id = "r", .stream = "opl", .cost = Money::from_cents(200), .value = 0});
  p.items.push_back({.id = "a", .stream = "opl", .cost = Money::from_cents(600), .value = 9});
  p.items.push_back({.id = "b", .stream = "opl", .cost = Money::from_cents(400), .value = 5});
  PortfolioScenario s{.name = "m in"};
  if (old_spelling) {
    p.requirements.push_back({.item = "m", .needs = "r"});
    s.force_items = {"m"};
  } else {
    p.requires_.push_back({.item = "m", .requires_ = "r"});
    s.mandatory_items = {"m"};
  }
  p.scenarios.push_back(s);
  return p;
}
}  // namespace

TEST_CASE("old names: SelectionItem::pinned and needs still select alike", "[old_names][selection]") {
  const auto now = old_names_selection(false), then = old_names_selection(true);
  const auto r_now = select(now), r_then = select(then);
  REQUIRE(r_now.status == SolveStatus::optimal);
  CHECK(r_now.selected == std::vector<std::string>{"a", "b", "d"});
  CHECK(r_now.total_score == 6);
  CHECK(r_then.status == r_now.status);
  CHECK(r_then.selected == r_now.selected);
  CHECK(r_then.total_score == r_now.total_score);
  CHECK(r_then.top_n_cut.selected == r_now.top_n_cut.selected);
  // written with the new names in the file
  CHECK(to_json(then) == to_json(now));
  CHECK(parse_selection(to_json(then)) == now);
  // validation reads the old list too: an unknown process named in `needs` is E111
  auto bad = then;
  bad.items[2].needs = {"nope"};
  CHECK(testing::code_of([&] { bad.validate(); }) == Errc::unknown_name);
  // either name makes an item mandatory; requires_ and needs hold together
  auto both = now;
  both.items[0].mandatory = false;
  both.items[0].pinned = true;
  both.items[3].requires_ = {"c"};
  both.items[3].needs = {"b", "c"};  // d requires b and c: c does not fit beside a, so no d
  const auto r_both = select(both);
  CHECK(r_both.selected == std::vector<std::string>{"a", "b"});
  CHECK(r_both.total_score == 5);
  // mandatory beyond the pool: the conflict is the same whichever name set it
  auto over = then;
  over.capacity_hours = 5;
  const auto r_over = select(over);
  REQUIRE(r_over.conflict);
  CHECK(r_over.status == SolveStatus::infeasible);
  CHECK(r_over.conflict->kind == "pinned_hours");
  CHECK(r_over.conflict->items == std::vector<std::string>{"a"});
}

TEST_CASE("old names: Portfolio::requirements, Requirement::needs and force_items still optimise alike",
          "[old_names][portfolio]") {
  const auto now = old_names_portfolio(false), then = old_names_portfolio(true);
  CHECK_NOTHROW(then.validate());
  const auto base_now = optimise(now), base_then = optimise(then);
  REQUIRE(base_now.status == SolveStatus::optimal);
  CHECK(*base_now.optimum == 14);
  CHECK(base_now.selected == std::vector<std::string>{"a", "b"});
  CHECK(base_then.optimum == base_now.optimum);
  CHECK(base_then.selected == base_now.selected);
  // the scenario: m mandatory, and m requires r
  const auto s_now = optimise(apply(now, now.scenarios[0])), s_then = optimise(apply(then, then.scenarios[0]));
  REQUIRE(s_now.status == SolveStatus::optimal);
  CHECK(*s_now.optimum == 6);
  CHECK(s_now.selected == std::vector<std::string>{"m", "r", "b"});
  CHECK(s_then.optimum == s_now.optimum);
  CHECK(s_then.selected == s_now.selected);
  // a new-spelled scenario on the old-spelled portfolio, and the other way round
  CHECK(optimise(apply(then, now.scenarios[0])).selected == s_now.selected);
  CHECK(optimise(apply(now, then.scenarios[0])).selected == s_now.selected);
  // the sweep
  const auto rows_now = sweep_portfolio(now, now.scenarios), rows_then = sweep_portfolio(then, then.scenarios);
  REQUIRE(rows_then.size() == 1);
  CHECK(rows_then[0].status == "optimal");
  CHECK(rows_then[0].optimum == rows_now[0].optimum);
  CHECK(rows_then[0].selected == rows_now[0].selected);
  // the file is written with the new names ("requires", "mandatory_items")
  CHECK(to_json(then) == to_json(now));
  CHECK(parse_portfolio(to_json(then)) == now);
  CHECK(to_json(then.scenarios[0]) == to_json(now.scenarios[0]));
  // compose reads force_items too: dropped in a, mandatory (old name) in b → mandatory
  PortfolioScenario drop{.name = "drop m", .drop_items = {"m"}};
  const auto c = compose(drop, then.scenarios[0]);
  CHECK(c.drop_items.empty());
  CHECK(c.mandatory_items == std::vector<std::string>{"m"});
  CHECK(c.force_items.empty());
  // a scenario naming an unknown item under the old name is refused as under the new
  auto bad = then;
  bad.scenarios[0].force_items = {"nope"};
  CHECK(testing::code_of([&] { bad.validate(); }) == Errc::unknown_item);
  // a pair that sets both names to different items stands for two pairs: mandatory m then
  // requires r and a, € 11 in a stream of € 10
  Portfolio two = now;
  two.scenarios.clear();
  two.items[0].mandatory = true;
  two.requires_ = {{.item = "m", .requires_ = "r", .needs = "a"}};
  const auto r_two = optimise(two);
  CHECK(r_two.status == SolveStatus::infeasible);
  REQUIRE(r_two.conflict);
  CHECK(r_two.conflict->items == std::vector<std::string>{"m", "r", "a"});
  // positional initialisation, as old code wrote {item, needs}, fills requires_
  Requirement positional{"m", "r"};
  CHECK(positional.requires_ == "r");
  CHECK(positional.needs.empty());
}

#pragma GCC diagnostic pop
