// Published worked examples for the ranking methods; each vector names its source.
#include "fixtures.hpp"
#include "testing.hpp"

#include <koers/decide/rank.hpp>

#include <limits>
#include <numeric>
#include <optional>
#include <random>

using namespace koers;
using namespace koers::decide;
using namespace koers::decide::test;

// Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid, Springer, ch. 2 VIKOR
// (pp. 31-55) and ch. 3 PROMETHEE (pp. 57-89): 6 alternatives, 4 benefit criteria,
// w = (0.4, 0.3, 0.1, 0.2). Expected values as reproduced in the pyrepo-mcda test suite
// (tests/test_mcda_methods.py, tests/test_mcda_methods_2.py).
static DecisionProblem papathanasiou() {
  return problem(mat({{8, 7, 2, 1}, {5, 3, 7, 5}, {7, 5, 6, 4}, {9, 9, 7, 3}, {11, 10, 3, 7}, {6, 9, 5, 4}}),
                 vec({0.4, 0.3, 0.1, 0.2}), "++++");
}

TEST_CASE("VIKOR: Papathanasiou & Ploskas 2018, v = 0.625", "[decide][vikor]") {
  auto r = vikor(papathanasiou(), {.method = Method::vikor, .v = 0.625});
  check_close(r.Q, vec({0.640, 1.000, 0.693, 0.271, 0.000, 0.694}), 5e-4);
  CHECK(r.order.front() == 4);  // A5
  CHECK(r.ranks == std::vector<int>{3, 6, 4, 2, 1, 5});
  // S and R follow from the definitions; A5 is best by S and R (stability), and
  // Q(A4) - Q(A5) = 0.271 >= 1/(6-1) = 0.2 (advantage): the compromise set is {A5}
  CHECK(r.acceptable_advantage);
  CHECK(r.acceptable_stability);
  REQUIRE(r.compromise.size() == 1);
  CHECK(r.compromise[0] == 4);
  CHECK(r.S.sum() == Approx(r.contributions.sum()));
}

TEST_CASE("VIKOR compromise set when the advantage is not acceptable", "[decide][vikor]") {
  // hand example: three nearly equal alternatives; Q gaps below DQ = 0.5
  auto p = problem(mat({{10, 9}, {9.5, 10}, {1, 1}}), vec({0.5, 0.5}), "++");
  auto r = vikor(p, {.method = Method::vikor, .v = 0.5});
  CHECK_FALSE(r.acceptable_advantage);
  CHECK(r.compromise.size() == 2);
  CHECK_THROWS_AS(vikor(p, {.method = Method::vikor, .v = 1.5}), RankingError);
}

TEST_CASE("PROMETHEE II: Papathanasiou & Ploskas 2018, linear q = 1, p = 2", "[decide][promethee]") {
  auto p = papathanasiou();
  for (auto& c : p.criteria) c.preference = Preference{PreferenceFunction::linear, 1, 2, 0};
  auto r = promethee2(p);
  check_close(r.phi, vec({-0.26, -0.52, -0.22, 0.36, 0.70, -0.06}), 5e-3);
  check_close(r.phi, r.phi_plus - r.phi_minus, 1e-12);
  check_close(r.contributions.rowwise().sum(), r.phi, 1e-12);
}

TEST_CASE("PROMETHEE preference functions", "[decide][promethee]") {
  // Brans & Vincke (1985) definitions, hand values
  using F = PreferenceFunction;
  CHECK(preference_degree({F::usual}, 0.1) == 1.0);
  CHECK(preference_degree({F::usual}, 0.0) == 0.0);
  CHECK(preference_degree({F::u_shape, 1}, 1.0) == 0.0);
  CHECK(preference_degree({F::u_shape, 1}, 1.5) == 1.0);
  CHECK(preference_degree({F::v_shape, 0, 2}, 1.0) == Approx(0.5));
  CHECK(preference_degree({F::v_shape, 0, 2}, 3.0) == 1.0);
  CHECK(preference_degree({F::level, 1, 2}, 1.5) == 0.5);
  CHECK(preference_degree({F::level, 1, 2}, 2.5) == 1.0);
  CHECK(preference_degree({F::linear, 1, 3}, 2.0) == Approx(0.5));
  CHECK(preference_degree({F::gaussian, 0, 0, 1}, 1.0) == Approx(1 - std::exp(-0.5)));
  CHECK(preference_degree({F::gaussian, 0, 0, 1}, -1.0) == 0.0);
  // a min criterion turns the difference around
  auto p = problem(mat({{1}, {2}}), vec({1}), "-");
  auto r = promethee2(p);
  CHECK(r.phi[0] == Approx(1.0));
  CHECK(r.phi[1] == Approx(-1.0));
  // a bad threshold is named
  p.criteria[0].preference = Preference{F::linear, 2, 1, 0};
  CHECK_THROWS_AS(promethee2(p), RankingError);
}

TEST_CASE("TOPSIS: Ersoy 2021 (LogForum 17(3)), vector normalisation", "[decide][topsis]") {
  // Ersoy, Y. (2021). Equipment selection for an e-commerce company using entropy-based
  // TOPSIS, EDAS and CODAS methods during the COVID-19. LogForum 17(3): Table of TOPSIS
  // closeness (as in the pyrepo-mcda test suite, 2 decimals)
  auto p = problem(mat({{256, 8, 41, 1.6, 1.77, 7347.16},
                        {256, 8, 32, 1.0, 1.8, 6919.99},
                        {256, 8, 53, 1.6, 1.9, 8400},
                        {256, 8, 41, 1.0, 1.75, 6808.9},
                        {512, 8, 35, 1.6, 1.7, 8479.99},
                        {256, 4, 35, 1.6, 1.7, 7499.99}}),
                   vec({0.405, 0.221, 0.134, 0.199, 0.007, 0.034}), "++++--");
  auto r = topsis(p);
  check_close(r.scores, vec({0.308, 0.254, 0.327, 0.263, 0.857, 0.192}), 5e-3);
  CHECK(r.normalisation == "vector");
  CHECK(r.order.front() == 4);
}

TEST_CASE("TOPSIS: jbytecode/decision test suite (Julia), 3 x 4 benefit", "[decide][topsis]") {
  // JMcDM / decision package TOPSIS test: w = (4, 2, 6, 8) normalised,
  // expected closeness (0.3876870, 0.6503238, 0.0834767)
  auto p = problem(mat({{9, 7, 6, 7}, {8, 7, 9, 6}, {7, 8, 6, 6}}), vec({4, 2, 6, 8}), "++++");
  auto r = topsis(p);
  check_close(r.scores, vec({0.3876870, 0.6503238, 0.0834767}), 1e-6);
  REQUIRE_FALSE(r.warnings.empty());  // weights summed to 20: normalised, and said so
}

TEST_CASE("SPOTIS: Dezert, Tchamova, Han & Tacnet 2020", "[decide][spotis]") {
  // Dezert et al. (2020), The SPOTIS rank reversal free method for multi-criteria
  // decision-making support, FUSION 2020: car example, bounds from the criteria scales
  auto p = problem(mat({{15000, 4.3, 99, 42, 737},
                        {15290, 5.0, 116, 42, 892},
                        {15350, 5.0, 114, 45, 952},
                        {15490, 5.3, 123, 45, 1120}}),
                   vec({0.2941, 0.2353, 0.2353, 0.0588, 0.1765}), "---++");
  const double lo[] = {14000, 3, 80, 35, 650}, hi[] = {16000, 8, 140, 60, 1300};
  for (int j = 0; j < 5; ++j) p.criteria[static_cast<std::size_t>(j)].scale = Scale{lo[j], hi[j]};
  auto r = spotis(p);
  check_close(r.scores, vec({0.4779, 0.5781, 0.5558, 0.5801}), 5e-4);
  CHECK(r.ranks == std::vector<int>{1, 3, 2, 4});
  p.criteria[2].scale.reset();
  CHECK_THROWS_AS(spotis(p), RankingError);
}

TEST_CASE("WSM: contributions sum to the score; value functions", "[decide][wsm]") {
  auto p = problem(mat({{1, 5}, {3, 1}, {2, 3}}), vec({0.5, 0.5}), "+-");
  auto r = wsm(p);  // minmax: A1 (0, 0), A2 (1, 1), A3 (0.5, 0.5)
  check_close(r.scores, vec({0.0, 1.0, 0.5}), 1e-12);
  check_close(r.contributions.rowwise().sum(), r.scores, 1e-12);
  RankOptions o{.method = Method::wsm};
  o.value_functions = {ValueFunction{{1, 3}, {0, 1}}, ValueFunction{{1, 5}, {1, 0}}};
  check_close(wsm(p, o).scores, vec({0.0, 1.0, 0.5}), 1e-12);
  o.value_functions = {ValueFunction{{1, 2, 3}, {0, 0.9, 1}}, std::nullopt};
  check_close(wsm(p, o).scores, vec({0.0, 1.0, 0.7}), 1e-12);
}

TEST_CASE("ties share the best rank, listed in input order", "[decide][ranking]") {
  auto p = problem(mat({{1, 0}, {0, 1}, {2, 2}}), vec({0.5, 0.5}), "++");
  auto r = wsm(p, {.method = Method::wsm, .normalisation = Normalisation::none});
  CHECK(r.ranks == std::vector<int>{2, 2, 1});
  CHECK(r.order == std::vector<Eigen::Index>{2, 0, 1});
}

TEST_CASE("normalisations", "[decide][normalise]") {
  auto p = problem(mat({{1, 4}, {2, 2}, {4, 1}}), vec({0.5, 0.5}), "+-");
  std::vector<std::string> w;
  auto mx = normalise(p, Normalisation::max);
  CHECK(mx(0, 0) == Approx(0.25));
  CHECK(mx(2, 1) == Approx(1.0));  // min/x
  CHECK(mx(0, 1) == Approx(0.25));
  auto sm = normalise(p, Normalisation::sum);
  CHECK(sm.col(0).sum() == Approx(1.0));
  CHECK(sm.col(1).sum() == Approx(1.0));
  p.criteria[0].scale = Scale{0, 5};
  p.criteria[1].scale = Scale{0, 5};
  auto sc = normalise(p, Normalisation::scale);
  CHECK(sc(0, 0) == Approx(0.2));
  CHECK(sc(0, 1) == Approx(0.2));  // (5 - 4)/5
  auto c = problem(mat({{1, 4}, {1, 2}}), vec({0.5, 0.5}), "++");
  normalise(c, Normalisation::minmax, &w);
  REQUIRE(w.size() == 1);
  CHECK(w[0].find("'C1'") != std::string::npos);
}

TEST_CASE("radix sort order equals the (score, index) order", "[decide][ranking]") {
  // large inputs use an LSD radix sort; check it against std::sort with many ties and -0
  std::mt19937_64 g(3);
  for (int n : {10, 4095, 4096, 5000, 20011}) {
    Eigen::VectorXd s(n);
    for (int i = 0; i < n; ++i)
      s[i] = (g() % 7 == 0) ? 0.0 : static_cast<double>(static_cast<std::int64_t>(g() % 2001) - 1000) / 7.0;
    s[3] = -0.0;
    for (bool hi : {true, false}) {
      std::vector<Eigen::Index> got, want(static_cast<std::size_t>(n));
      koers::decide::detail::sort_order(s, hi, got);
      std::iota(want.begin(), want.end(), Eigen::Index{0});
      std::sort(want.begin(), want.end(), [&](Eigen::Index a, Eigen::Index b) {
        if (s[a] != s[b]) return hi ? s[a] > s[b] : s[a] < s[b];
        return a < b;
      });
      CHECK(got == want);
    }
  }
}

// rank_matrix reads the caller's matrix in place (issue 10 §3); it must give what the general
// path gives on the same data: rank(make_problem(x, w, dirs), o). Random data, seeded.
TEST_CASE("rank_matrix: in place, row- and column-major, equals the general path", "[decide][rank_matrix]") {
  std::mt19937_64 g(10);
  std::uniform_real_distribution<double> u(1, 100);
  const Eigen::Index m = 500, n = 6;
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> xr(m, n);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < n; ++j) xr(i, j) = u(g);
  xr(3, 1) = xr(7, 1);  // a tie in one column
  const Eigen::MatrixXd xc = xr;
  const Eigen::VectorXd w = vec({0.3, 0.1, 0.2, 0.15, 0.05, 0.4});  // sums to 1.2: normalised, with a warning
  const std::vector<Direction> dirs = {Direction::max, Direction::min, Direction::max,
                                       Direction::min, Direction::max, Direction::min};
  const auto general_problem = make_problem(xc, w, dirs);
  struct Case {
    Method method;
    std::optional<Normalisation> norm;
  };
  for (const Case c : {Case{Method::topsis, std::nullopt}, Case{Method::topsis, Normalisation::minmax},
                       Case{Method::topsis, Normalisation::max}, Case{Method::wsm, std::nullopt},
                       Case{Method::wsm, Normalisation::vector}, Case{Method::vikor, std::nullopt}}) {
    RankOptions o{.method = c.method, .normalisation = c.norm, .contributions = false};
    const Ranking want = rank(general_problem, o);
    for (const MatrixView& view : {MatrixView(xr), MatrixView(xc)}) {
      const Ranking got = rank_matrix(view, w, dirs, o);
      check_close(got.scores, want.scores, 1e-12);
      CHECK(got.ranks == want.ranks);
      CHECK(got.order == want.order);
      CHECK(got.choices == want.choices);
      CHECK(got.warnings == want.warnings);
      CHECK(got.normalisation == want.normalisation);
      CHECK(got.contribution_kind == want.contribution_kind);
      if (c.method == Method::topsis) check_close(got.d_plus, want.d_plus, 1e-12);
      if (c.method == Method::vikor) {
        check_close(got.S, want.S, 1e-12);
        check_close(got.R, want.R, 1e-12);
        CHECK(got.compromise == want.compromise);
        CHECK(got.acceptable_advantage == want.acceptable_advantage);
      }
    }
    o.ranks = false;  // scores only: nothing sorted (nor VIKOR's conditions, which need the order)
    const Ranking lean = rank_matrix(MatrixView(xr), w, dirs, o);
    check_close(lean.scores, want.scores, 1e-12);
    CHECK(lean.ranks.empty());
    CHECK(lean.order.empty());
    CHECK(lean.compromise.empty());
  }
}

TEST_CASE("rank_matrix: what the general path reports, it reports too", "[decide][rank_matrix]") {
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> x(3, 2);
  x << 1, 5, 2, 5, 3, 5;  // the second criterion is constant: under min-max a warning, from the general path
  const Eigen::VectorXd w = vec({0.5, 0.5});
  const std::vector<Direction> dirs = {Direction::max, Direction::max};
  const RankOptions o{.method = Method::wsm, .contributions = false};
  const Ranking got = rank_matrix(MatrixView(x), w, dirs, o);
  const Ranking want = rank(make_problem(Eigen::MatrixXd(x), w, dirs), o);
  CHECK(got.warnings == want.warnings);
  CHECK_FALSE(got.warnings.empty());
  x(1, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK(testing::code_of([&] { rank_matrix(MatrixView(x), w, dirs, o); }) == Errc::not_finite);
  x(1, 0) = 2;
  CHECK(testing::code_of([&] { rank_matrix(MatrixView(x), vec({-1, 1}), dirs, o); }) == Errc::invalid_weights);
  x(1, 0) = 1e200;  // beyond max_score_magnitude: E310 as from the general path (min-max never squares it)
  CHECK(testing::code_of([&] { rank_matrix(MatrixView(x), w, dirs, o); }) == Errc::numeric_overflow);
  const RankOptions vikor{.method = Method::vikor, .contributions = false};
  CHECK(testing::code_of([&] { rank_matrix(MatrixView(x), w, dirs, vikor); }) == Errc::numeric_overflow);
}

// From 2^16 cells the in-place path splits the rows in chunks that two threads share; the split
// depends on the size only, so one thread and two give the same bits. Random data, seeded; an odd
// row count so that chunks and row pairs have tails.
TEST_CASE("rank_matrix: two threads give what one gives, bit for bit, on a large matrix", "[decide][rank_matrix]") {
  std::mt19937_64 g(11);
  std::uniform_real_distribution<double> u(1, 100);
  const Eigen::Index m = 30'001, n = 7;
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> xr(m, n);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < n; ++j) xr(i, j) = u(g);
  const Eigen::MatrixXd xc = xr;
  const Eigen::VectorXd w = vec({0.2, 0.1, 0.2, 0.15, 0.05, 0.2, 0.1});
  const std::vector<Direction> dirs = {Direction::max, Direction::min, Direction::max, Direction::min,
                                       Direction::max, Direction::min, Direction::min};
  const auto general_problem = make_problem(xc, w, dirs);
  struct Case {
    Method method;
    std::optional<Normalisation> norm;
  };
  for (const Case c :
       {Case{Method::topsis, std::nullopt}, Case{Method::topsis, Normalisation::minmax},
        Case{Method::wsm, std::nullopt}, Case{Method::wsm, Normalisation::vector}, Case{Method::vikor, std::nullopt}}) {
    const RankOptions o{.method = c.method, .normalisation = c.norm, .contributions = false};
    const Ranking want = rank(general_problem, o);
    for (const MatrixView& view : {MatrixView(xr), MatrixView(xc)}) {
      const auto one = detail::rank_in_place(view, w, dirs, o, 1);
      const auto two = detail::rank_in_place(view, w, dirs, o, 2);
      REQUIRE(one);
      REQUIRE(two);
      CHECK(one->scores == two->scores);
      CHECK(one->d_plus == two->d_plus);
      CHECK(one->d_minus == two->d_minus);
      CHECK(one->S == two->S);
      CHECK(one->R == two->R);
      CHECK(one->order == two->order);
      check_close(two->scores, want.scores, 1e-12);
      CHECK(two->order == want.order);
      CHECK(two->warnings == want.warnings);
      if (c.method == Method::topsis) check_close(two->d_minus, want.d_minus, 1e-12);
      if (c.method == Method::vikor) {
        check_close(two->S, want.S, 1e-12);
        check_close(two->R, want.R, 1e-12);
        CHECK(two->compromise == want.compromise);
      }
    }
  }
}
