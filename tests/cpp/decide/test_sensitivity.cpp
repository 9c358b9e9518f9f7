#include "fixtures.hpp"
#include "testing.hpp"

#include <koers/decide/sensitivity.hpp>

#include <random>

using namespace koers;
using namespace koers::decide;
using namespace koers::decide::test;

TEST_CASE("WSM weight interval is exact", "[decide][sensitivity]") {
  // raw scores, w = (0.3, 0.7): A = (1, 0) -> t; B = (0, 1) -> 1 - t; C = (0.6, 0.6) -> 0.6.
  // At w1 = t: A = t, B = 1 - t, C = 0.6. Order now B (0.7) > C (0.6) > A (0.3).
  // B = C at t = 0.4; A = C at t = 0.6; A = B at t = 0.5. The ranking holds for t in [0, 0.4].
  auto p = problem(mat({{1, 0}, {0, 1}, {0.6, 0.6}}), vec({0.3, 0.7}), "++");
  SensitivityOptions o;
  o.rank = {.method = Method::wsm, .normalisation = Normalisation::none};
  auto r = sensitivity(p, o);
  REQUIRE(r.intervals.size() == 2);
  CHECK(r.intervals[0].exact);
  CHECK(r.intervals[0].lower == Approx(0.0));
  CHECK(r.intervals[0].upper == Approx(0.4));
  CHECK(r.intervals[0].changes_at_upper == std::vector<std::string>{"A2", "A3"});
  // w2 = 1 - w1: the same boundary seen from criterion 2: [0.6, 1]
  CHECK(r.intervals[1].lower == Approx(0.6));
  CHECK(r.intervals[1].upper == Approx(1.0));
  // top-1: B stays first while 1 - t > 0.6 and 1 - t > t: t < 0.4
  o.top_k = 1;
  auto k = sensitivity(p, o);
  CHECK(k.intervals[0].upper == Approx(0.4));
  // the sweep has steps + 1 rows
  CHECK(r.grid.size() == 21);
  CHECK(r.sweep_scores[0](20, 0) == Approx(1.0));
}

TEST_CASE("TOPSIS interval by bisection agrees with a brute-force scan", "[decide][sensitivity]") {
  auto p = problem(mat({{7, 9, 9}, {8, 7, 8}, {9, 6, 8}, {6, 7, 8}}), vec({0.2, 0.5, 0.3}), "+++");
  SensitivityOptions o;
  o.rank = {.method = Method::topsis};
  auto r = sensitivity(p, o);
  const auto base = topsis(p).ranks;
  const Eigen::VectorXd w0 = p.weights();
  for (const auto& iv : r.intervals) {
    CHECK_FALSE(iv.exact);
    Eigen::Index j = p.criterion_index(iv.criterion);
    REQUIRE(iv.lower <= iv.weight + 1e-12);
    REQUIRE(iv.upper >= iv.weight - 1e-12);
    for (int s = 0; s <= 100; ++s) {
      double t = iv.lower + (iv.upper - iv.lower) * s / 100.0;
      CHECK(topsis(p.with_weights(reweight(w0, j, t))).ranks == base);
    }
    if (iv.upper < 1) CHECK(topsis(p.with_weights(reweight(w0, j, std::min(1.0, iv.upper + 1e-7)))).ranks != base);
    if (iv.lower > 0) CHECK(topsis(p.with_weights(reweight(w0, j, std::max(0.0, iv.lower - 1e-7)))).ranks != base);
  }
}

TEST_CASE("WSM intervals from neighbours equal the all-pairs answer; sweeps past the cell limit are E119",
          "[decide][sensitivity][hostile]") {
  // the first crossing of lines is between two that are neighbours in the current order
  std::mt19937_64 rng(11);
  const int m = 80, n = 4;
  Eigen::MatrixXd x(m, n);
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) x(i, j) = std::uniform_real_distribution<double>(0.0, 100.0)(rng);  // no ties
  auto p = problem(x, vec({0.4, 0.3, 0.2, 0.1}), "++++");
  SensitivityOptions o;
  o.rank = {.method = Method::wsm, .normalisation = Normalisation::none};
  o.steps = 1;
  auto r = sensitivity(p, o);
  const Eigen::VectorXd w = vec({0.4, 0.3, 0.2, 0.1});
  for (int j = 0; j < n; ++j) {
    // score_i(t) = c_i + t (x_ij − c_i), c_i the other criteria's share rescaled
    double lo = 0, hi = 1;
    Eigen::VectorXd c(m);
    for (int i = 0; i < m; ++i) {
      double s = 0;
      for (int k = 0; k < n; ++k)
        if (k != j) s += w[k] * x(i, k);
      c[i] = s / (1 - w[j]);
    }
    for (int a = 0; a < m; ++a)
      for (int b = a + 1; b < m; ++b) {
        double slope = (x(a, j) - c[a]) - (x(b, j) - c[b]);
        if (std::abs(slope) < 1e-15) continue;
        double tc = -(c[a] - c[b]) / slope;
        if (tied(c[a] + (x(a, j) - c[a]) * w[j], c[b] + (x(b, j) - c[b]) * w[j])) {
          lo = hi = w[j];
          continue;
        }
        if (tc > w[j] && tc < hi) hi = tc;
        if (tc < w[j] && tc > lo) lo = tc;
      }
    INFO("criterion " << j);
    CHECK(r.intervals[std::size_t(j)].lower == Approx(lo).margin(1e-12));
    CHECK(r.intervals[std::size_t(j)].upper == Approx(hi).margin(1e-12));
  }
  // (steps + 1) × criteria × alternatives is counted before any work
  Eigen::MatrixXd big = Eigen::MatrixXd::Random(300, 4).cwiseAbs();
  o.steps = max_sensitivity_steps;
  try {
    sensitivity(problem(big, vec({0.4, 0.3, 0.2, 0.1}), "++++"), o);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK(std::string(e.what()).find("12001200 cells") != std::string::npos);
  }
  o.steps = 20;
  o.scan_step = 0;
  CHECK_THROWS_AS(sensitivity(p, o), InputError);
  // progress: called, ends at its total
  o.scan_step = 0.001;
  std::size_t last = 0, total = 0;
  o.progress = [&](std::size_t d, std::size_t t) {
    CHECK(d >= last);
    last = d;
    total = t;
  };
  sensitivity(p, o);
  CHECK(last == total);
  CHECK(total > 0);
}
