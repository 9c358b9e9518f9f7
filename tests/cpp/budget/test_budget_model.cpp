#include <koers/budget/budget_model.hpp>
#include <koers/budget/portfolio_json.hpp>
#include "testing.hpp"
using namespace koers;
using namespace koers::budget;

// Source: seed 000_b2e3445de29c70ff, chapter 4, Tabel 7 (Deventer opleidingsbudget 2014): the
// figures are data (the example portfolio's streams), not code.
TEST_CASE("Tabel 7 total is exact, read from the example portfolio", "[budget_model]") {
  auto m = budget_model(
      load_portfolio(koers::testing::source_path("python/koers/examples/data/deventer-2014/portfolio.json")));
  CHECK(m.total() == Money::parse("986.822,62"));
  CHECK(m.stream("stream.strategisch").budget == Money::parse("314.777,00"));
  CHECK(m.stream("stream.functioneel").budget == Money::parse("314.594,00"));
  CHECK(m.stream("stream.persoonlijk").budget == Money::parse("357.451,62"));
  CHECK(m.stream("stream.strategisch").name == "Strategisch opleidingsbudget");
  // onvoorzien € 15.000 + stelpost OvdT € 25.000 (illustrative: Bijlage 2 is not in the seed text)
  REQUIRE(m.stream("stream.strategisch").reserved.size() == 1);
  CHECK(m.stream("stream.strategisch").free() == Money::parse("274.777,00"));
  CHECK(m.stream("stream.functioneel").reserved.empty());
  CHECK_THROWS_AS(m.stream("nope"), BudgetError);
}

TEST_CASE("largest remainder shares sum to the whole", "[budget_model]") {
  auto parts = share_by_fte(Money::from_cents(100), {100, 100, 100});  // 3 teams of 1 FTE
  CHECK(parts[0].cents() + parts[1].cents() + parts[2].cents() == 100);
  CHECK(parts[0].cents() == 34);
  auto f = share_by_fte(Money::parse("314594.00"), {1250, 830, 2175, 60});
  CHECK(sum(f) == Money::parse("314594.00"));
}

TEST_CASE("payroll path 2 % (2014) to 3 % (2020), linear per year", "[budget_model]") {
  auto p = payroll_path(Money::from_cents(6'000'000'00), 2014, 2017);
  REQUIRE(p.size() == 4);
  CHECK(p[0].share == Ratio{2, 100});
  CHECK(p[0].months == 8);
  CHECK(p[0].budget == Money::from_cents(80'000'00));  // 6M × 2 % × 8/12
  CHECK(p[1].share == Ratio{13, 600});
  CHECK(p[1].budget == Money::from_cents(130'000'00));
  CHECK(path_share({}, 2020) == Ratio{3, 100});
}

TEST_CASE("scenario scaling is floor(budget × factor) in cents", "[budget_model]") {
  CHECK(scale_exact(Money::from_cents(31477700), "0.9").cents() == 28329930);
  CHECK(scale_exact(Money::from_cents(35745162), "0.9").cents() == 32170645);  // 32170645.8 floored
}
