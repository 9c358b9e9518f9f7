// SMAA-2 against cases whose acceptabilities follow by hand.
#include "fixtures.hpp"
#include "testing.hpp"

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

TEST_CASE("the first ranks only: the same counts, holistic from every rank", "[decide][smaa]") {
  Eigen::MatrixXd x(300, 3);
  std::mt19937_64 g(5);
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < x.cols(); ++j) x(i, j) = static_cast<double>(g() % 1000);
  x.row(7) = x.row(3);  // an exact tie
  auto p = problem(x, vec({1, 1, 1}), "++-");
  SmaaOptions o;
  o.samples = 3'000;
  o.seed = 11;
  o.chunk_size = 500;
  o.threads = 2;
  auto full = smaa(p, o);
  CHECK(full.acceptability.cols() == 300);
  // holistic = Σ_r b_ir (m − 1 − r)/(m − 1), computed from the exact rank sums
  for (Eigen::Index i = 0; i < 300; ++i) {
    double h = 0;
    for (Eigen::Index r = 0; r < 300; ++r) h += full.acceptability(i, r) * static_cast<double>(299 - r) / 299.0;
    CHECK(full.holistic[i] == Approx(h).margin(1e-12));
  }
  CHECK(full.acceptability.row(7) == full.acceptability.row(3));
  o.ranks = 10;
  auto top = smaa(p, o);
  CHECK(top.acceptability.cols() == 10);
  CHECK(top.acceptability == full.acceptability.leftCols(10));
  CHECK(top.central_weights == full.central_weights);
  CHECK(top.holistic == full.holistic);
  CHECK(top.confidence == full.confidence);
  o.threads = 1;
  CHECK(smaa(p, o).acceptability == top.acceptability);
}

TEST_CASE("rank acceptability beyond the cell limit is refused before sampling", "[decide][smaa]") {
  const Eigen::Index m = 2'100;  // 2,100² > 2^22 cells
  Eigen::MatrixXd x(m, 2);
  for (Eigen::Index i = 0; i < m; ++i) {
    x(i, 0) = static_cast<double>(i);
    x(i, 1) = static_cast<double>(m - i);
  }
  auto p = problem(x, vec({1, 1}), "++");
  SmaaOptions o;
  o.samples = 200;
  try {
    (void)smaa(p, o);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK(std::string(e.what()).find("ranks") != std::string::npos);
  }
  o.ranks = 20;  // near-linear: samples × m log m work, m × 20 counts
  auto r = smaa(p, o);
  CHECK(r.acceptability.cols() == 20);
  CHECK(r.holistic.size() == m);
}

TEST_CASE("smaa_draws hands out the draws smaa ranks", "[decide][smaa]") {
  auto p = problem(mat({{7, 9, 9}, {8, 7, 8}, {9, 6, 8}, {6, 7, 8}}), vec({0.2, 0.5, 0.3}), "+++");
  SmaaOptions o;
  o.rank = {.method = Method::wsm, .normalisation = Normalisation::none};
  o.samples = 2'500;
  o.seed = 42;
  o.chunk_size = 300;
  o.orderings = {{1, 0}};
  auto d = smaa_draws(p, o);
  REQUIRE(d.weights.rows() == 2'500);
  CHECK(d.scores.empty());
  auto r = smaa(p, o);
  CHECK(d.weight_draws == r.weight_draws);
  // the central weights are the means of the drawn weights where each alternative was first
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(4, 3);
  Eigen::VectorXd first = Eigen::VectorXd::Zero(4);
  for (Eigen::Index k = 0; k < d.weights.rows(); ++k) {
    CHECK(d.weights.row(k).sum() == Approx(1.0));
    CHECK(d.weights(k, 1) >= d.weights(k, 0));
    Eigen::VectorXd s = p.scores * d.weights.row(k).transpose();
    Eigen::Index best = 0;
    for (Eigen::Index i = 1; i < 4; ++i)
      if (s[i] > s[best] + 1e-9) best = i;
    sum.row(best) += d.weights.row(k);
    first[best] += 1;
  }
  for (Eigen::Index i = 0; i < 4; ++i) {
    CHECK(r.acceptability(i, 0) == first[i] / 2'500.0);
    if (first[i] > 0)
      for (Eigen::Index j = 0; j < 3; ++j)
        CHECK(r.central_weights(i, j) == Approx(sum(i, j) / first[i]).epsilon(1e-12));
  }
  // a prefix of the draws does not depend on the number of samples, nor on threads
  o.samples = 100;
  o.threads = 3;
  CHECK(smaa_draws(p, o).weights == d.weights.topRows(100));
  // with a score model the scores come along, drawn between the weights
  o.scores = ScoreModel::uniform;
  o.score_spread = Eigen::MatrixXd::Constant(4, 3, 0.5);
  auto ds = smaa_draws(p, o);
  REQUIRE(ds.scores.size() == 100);
  CHECK((ds.scores[0] - p.scores).cwiseAbs().maxCoeff() <= 0.5);
  CHECK(ds.scores[0] != ds.scores[1]);
}
