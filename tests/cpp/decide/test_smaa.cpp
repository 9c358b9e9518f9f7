// SMAA-2 against cases whose acceptabilities follow by hand.
#include "testing.hpp"
#include "fixtures.hpp"

#include <koers/decide/smaa.hpp>

using namespace koers;
using namespace koers::decide;
using namespace koers::decide::test;

static double sigma(double p, double n) { return std::sqrt(p * (1 - p) / n); }

TEST_CASE("two alternatives, two criteria, uniform weights", "[decide][smaa]") {
  // Weighted sum on raw scores: A = (1, 0) scores w1, B = (0, 3) scores 3 (1 - w1).
  // A wins iff w1 > 3/4; w1 is uniform on [0, 1] on the 2-simplex, so b_A^1 = 1/4.
  // Central weights: A E[w1 | w1 > 3/4] = 7/8; B E[w1 | w1 < 3/4] = 3/8. Confidence 1 each.
  auto p = problem(mat({{1, 0}, {0, 3}}), vec({0.5, 0.5}), "++");
  SmaaOptions o;
  o.rank = {.method = Method::wsm, .normalisation = Normalisation::none};
  o.samples = 40'000;
  o.seed = 2014;
  auto r = smaa(p, o);
  const double n = 40'000;
  CHECK(std::abs(r.acceptability(0, 0) - 0.25) < 3 * sigma(0.25, n));
  CHECK(std::abs(r.acceptability(1, 0) - 0.75) < 3 * sigma(0.75, n));
  CHECK(r.acceptability.row(0).sum() == Approx(1.0));
  // sd of w1 given A first: (1/4)/sqrt(12); of the mean: that / sqrt(n/4)
  CHECK(std::abs(r.central_weights(0, 0) - 0.875) < 3 * (0.25 / std::sqrt(12.0)) / std::sqrt(n / 4));
  CHECK(std::abs(r.central_weights(1, 0) - 0.375) < 3 * (0.75 / std::sqrt(12.0)) / std::sqrt(3 * n / 4));
  CHECK(r.confidence[0] == 1.0);
  CHECK(r.confidence[1] == 1.0);
}

TEST_CASE("three criteria with an ordering constraint", "[decide][smaa]") {
  // A = e1, B = e2, C = e3 (raw WSM): the winner is the largest weight. Uniform: 1/3 each.
  // With w1 >= w2: P(A) = (1/3)/(1/2) = 2/3, P(B) = 0, P(C) = (1/6)/(1/2) = 1/3.
  auto p = problem(mat({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), vec({1, 1, 1}), "+++");
  SmaaOptions o;
  o.rank = {.method = Method::wsm, .normalisation = Normalisation::none};
  o.samples = 30'000;
  o.seed = 7;
  auto u = smaa(p, o);
  for (int i = 0; i < 3; ++i) CHECK(std::abs(u.acceptability(i, 0) - 1.0 / 3) < 3 * sigma(1.0 / 3, 30'000));
  o.orderings = {{0, 1}};
  auto r = smaa(p, o);
  CHECK(std::abs(r.acceptability(0, 0) - 2.0 / 3) < 3 * sigma(2.0 / 3, 30'000));
  CHECK(r.acceptability(1, 0) == 0.0);
  CHECK(std::abs(r.acceptability(2, 0) - 1.0 / 3) < 3 * sigma(1.0 / 3, 30'000));
  CHECK(r.weight_draws > r.samples);  // rejection sampling
  // a complete chain w1 >= w2 >= w3: sorting construction, A always first, B second
  o.orderings = {{0, 1}, {1, 2}};
  auto c = smaa(p, o);
  CHECK(c.acceptability(0, 0) == 1.0);
  CHECK(c.acceptability(1, 1) == 1.0);
  CHECK(c.weight_draws == c.samples);
  // intervals: w1 in [0.5, 1] -> A always first
  o.orderings.clear();
  o.weight_lower = vec({0.5, 0, 0});
  o.weight_upper = vec({1, 1, 1});
  CHECK(smaa(p, o).acceptability(0, 0) == 1.0);
  o.weight_lower = vec({0.6, 0.6, 0});
  CHECK_THROWS_AS(smaa(p, o), RankingError);
}

TEST_CASE("results do not depend on the thread count", "[decide][smaa]") {
  auto p = problem(mat({{7, 9, 9}, {8, 7, 8}, {9, 6, 8}, {6, 7, 8}}), vec({0.2, 0.5, 0.3}), "++-");
  SmaaOptions o;
  o.samples = 5'000;
  o.seed = 99;
  o.chunk_size = 300;
  o.scores = ScoreModel::uniform;
  o.score_spread = Eigen::MatrixXd::Constant(4, 3, 0.5);
  o.confidence_samples = 500;
  o.threads = 1;
  auto a = smaa(p, o);
  o.threads = 3;
  auto b = smaa(p, o);
  CHECK(a.acceptability == b.acceptability);
  CHECK(a.central_weights == b.central_weights);
  CHECK(a.confidence == b.confidence);
  o.seed = 100;
  CHECK(smaa(p, o).acceptability != a.acceptability);
  for (Eigen::Index r = 0; r < 4; ++r) CHECK(a.acceptability.col(r).sum() == Approx(1.0));
}

TEST_CASE("uncertain scores: a coin flip between identical alternatives", "[decide][smaa]") {
  // A and B have the same scores; with normal noise of equal sd each is first half the time
  auto p = problem(mat({{5, 5}, {5, 5}}), vec({0.5, 0.5}), "++");
  SmaaOptions o;
  o.rank = {.method = Method::wsm, .normalisation = Normalisation::none};
  o.weights = WeightModel::fixed;
  o.scores = ScoreModel::normal;
  o.score_spread = Eigen::MatrixXd::Constant(2, 2, 1.0);
  o.samples = 20'000;
  o.seed = 3;
  auto r = smaa(p, o);
  CHECK(std::abs(r.acceptability(0, 0) - 0.5) < 3 * sigma(0.5, 20'000));
  CHECK(std::abs(r.confidence[0] - 0.5) < 3 * sigma(0.5, 20'000));
}

TEST_CASE("options without contributions still work for SMAA", "[decide][smaa]") {
  auto p = problem(mat({{1, 0}, {0, 3}}), vec({0.5, 0.5}), "++");
  SmaaOptions o;
  o.rank = {.method = Method::wsm, .normalisation = Normalisation::none, .contributions = false};
  o.samples = 1000;
  CHECK(smaa(p, o).acceptability.row(0).sum() == Approx(1.0));
  CHECK(wsm(p, o.rank).contributions.size() == 0);
}
