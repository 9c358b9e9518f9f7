#include "fixtures.hpp"
#include "testing.hpp"

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

#include <koers/decide/rank.hpp>
#include <koers/decide/weights.hpp>

// Issue 13 item 5: a column of +-1e308 ranked NaN first; CRITIC/STD weights claimed "one value".
TEST_CASE("scores too large to rank without overflow are E310 naming criterion and alternative", "[decide][hostile]") {
  DecisionProblem p;
  p.scores = mat({{1, 2}, {3, 4}});
  p.criteria.resize(2);  // two criteria to maximise, without weights
  p.criteria[0].name = "C1";
  p.criteria[1].name = "C2";
  p.alternatives = {"a", "b"};
  REQUIRE_NOTHROW(p.validate());
  p.scores(1, 1) = -1e308;
  try {
    p.validate();
    FAIL("no error");
  } catch (const RankingError& e) {
    CHECK(e.code() == Errc::numeric_overflow);
    CHECK(e.elements() == std::vector<std::string>{"C2", "b"});
  }
  CHECK_THROWS_AS(critic_weights(p), RankingError);
  p.scores(1, 1) = max_score_magnitude;  // the bound itself ranks, every method finite
  p.criteria[0].weight = p.criteria[1].weight = 1.0;
  for (Method m : {Method::wsm, Method::topsis, Method::vikor, Method::promethee2}) {
    RankOptions o;
    o.method = m;
    CHECK(rank(p, o).scores.allFinite());
  }
}

// Issue 13 item 6: weights of 1e308 summed to infinity and normalised to 0 (every score 0).
TEST_CASE("weights near the double range normalise without overflow", "[decide][hostile]") {
  auto small = problem(mat({{1, 5}, {3, 4}, {2, 2}}), vec({1, 1}), "++");
  auto huge = problem(mat({{1, 5}, {3, 4}, {2, 2}}), vec({1e308, 1e308}), "++");
  CHECK(huge.weights()[0] == 0.5);
  CHECK(huge.weights()[1] == 0.5);
  for (Method m : {Method::wsm, Method::topsis, Method::vikor, Method::promethee2}) {
    RankOptions o;
    o.method = m;
    auto a = rank(small, o), b = rank(huge, o);
    CHECK(a.ranks == b.ranks);
    for (Eigen::Index i = 0; i < a.scores.size(); ++i) CHECK(b.scores[i] == Approx(a.scores[i]));
  }
  CHECK(unit_sum(vec({1e308, 1e308, 1e307}), {})[2] == Approx(1.0 / 21));
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
