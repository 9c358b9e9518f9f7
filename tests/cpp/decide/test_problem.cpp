#include "testing.hpp"
#include "fixtures.hpp"

using namespace koers;
using namespace koers::decide;
using namespace koers::decide::test;

template <class E>
static void expect_error(const DecisionProblem& p, Errc code, const std::string& element) {
  try {
    p.validate();
    FAIL("no error");
  } catch (const E& e) {
    CHECK(e.code() == code);
    CHECK(e.element() == element);
  }
}

TEST_CASE("validate names the offending element", "[decide][problem]") {
  auto p = problem(mat({{1, 2}, {3, 4}}), vec({0.5, 0.5}), "+-");
  REQUIRE_NOTHROW(p.validate());
  // a bare matrix gets implicit names A1, A2 (no string per row is built)
  CHECK(p.alternatives.empty());
  CHECK(p.alternative_name(1) == "A2");
  CHECK(p.alternative_index("A2") == 1);
  CHECK(p.n_alternatives() == 2);
  p.alternatives = {"A1", "A2"};
  auto q = p;
  q.alternatives[1] = "A1";
  expect_error<InputError>(q, Errc::duplicate_name, "A1");
  q = p;
  q.criteria[1].name = "C1";
  expect_error<InputError>(q, Errc::duplicate_name, "C1");
  q = p;
  q.scores(1, 0) = std::nan("");
  expect_error<InputError>(q, Errc::not_finite, "A2");
  q = p;
  q.scores.conservativeResize(2, 1);
  expect_error<InputError>(q, Errc::size_mismatch, "scores (columns)");
  q = p;
  q.criteria[0].weight = -1;
  expect_error<RankingError>(q, Errc::invalid_weights, "C1");
  q = p;
  q.criteria[0].weight = 0;
  q.criteria[1].weight = 0;
  CHECK_THROWS_AS(q.validate(), RankingError);
  q = p;
  q.criteria[1].weight.reset();
  expect_error<RankingError>(q, Errc::invalid_weights, "C2");
  q = p;
  q.criteria[0].scale = Scale{2, 2};
  expect_error<RankingError>(q, Errc::invalid_scale, "C1");
  q = p;
  q.criteria[0].scale = Scale{2, 5};  // score 1 of A1 lies outside
  expect_error<RankingError>(q, Errc::invalid_scale, "C1");
}

TEST_CASE("weights are normalised and the ranking says so", "[decide][problem]") {
  auto p = problem(mat({{1, 2}, {3, 4}}), vec({2, 6}), "++");
  CHECK(p.weights()[0] == Approx(0.25));
  CHECK(p.weights_sum() == Approx(8));
  CHECK_THROWS_AS(p.alternative_index("nope"), InputError);
  CHECK(p.criterion_index("C2") == 1);
}

#include <koers/decide/dominance.hpp>

TEST_CASE("dominated alternatives are reported", "[decide][dominance]") {
  // A2 (2, 3) is at least as good as A1 (1, 3) on both (max, min): no, cost 3 = 3 and 2 > 1 -> A2 dominates A1;
  // A3 (0, 1) is best on cost: not dominated
  auto p = problem(mat({{1, 3}, {2, 3}, {0, 1}}), vec({0.5, 0.5}), "+-");
  auto d = dominance(p);
  CHECK(d.checked);
  CHECK(d.dominated_by == std::vector<Eigen::Index>{1, -1, -1});
  CHECK_FALSE(dominance(p, 2).checked);
}
