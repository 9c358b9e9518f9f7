// Published worked examples for objective weights; each vector names its source.
#include "fixtures.hpp"
#include "testing.hpp"

#include <koers/decide/weights.hpp>

using namespace koers;
using namespace koers::decide;
using namespace koers::decide::test;

TEST_CASE("entropy: Xu 2004 and Zavadskas & Podvezko 2016", "[decide][weights]") {
  // Xu, X. (2004). A note on the subjective and objective integrated approach to determine
  // attribute weights. EJOR 156(2), 530-532 (values as in the pyrepo-mcda test suite)
  auto p = problem(mat({{30, 30, 38, 29}, {19, 54, 86, 29}, {19, 15, 85, 28.9}, {68, 70, 60, 29}}), vec({1, 1, 1, 1}),
                   "++++");
  check_close(entropy_weights(p).weights, vec({0.4630, 0.3992, 0.1378, 0.0000}), 5e-5);
  // Zavadskas, E. K., & Podvezko, V. (2016). Integrated determination of objective criteria
  // weights in MCDM. IJITDM 15(2), 267-283
  auto q = problem(mat({{3.0, 100, 10, 7}, {2.5, 80, 8, 5}, {1.8, 50, 20, 11}, {2.2, 70, 12, 9}}), vec({1, 1, 1, 1}),
                   "-+-+");
  check_close(entropy_weights(q).weights, vec({0.1146, 0.1981, 0.4185, 0.2689}), 5e-5);
  // 0 ln 0 = 0: a zero score is allowed
  auto z = problem(mat({{0, 1}, {1, 2}, {2, 3}}), vec({1, 1}), "++");
  CHECK(entropy_weights(z).weights.allFinite());
  auto zero = problem(mat({{0, 1}, {0, 2}}), vec({1, 1}), "++");
  CHECK_THROWS_AS(entropy_weights(zero), RankingError);
}

TEST_CASE("CRITIC: Tus & Adali 2019", "[decide][weights]") {
  // Tuş, A., & Aytaç Adalı, E. (2019). The new combination with CRITIC and WASPAS methods for
  // the time and attendance software selection problem. Opsearch 56(2), 528-538. Published
  // weights (0.157, 0.249, 0.168, 0.121, 0.154, 0.151) are reproduced when the price column is
  // min-max normalised like the benefit columns, as the pyrepo-mcda test does.
  auto m = mat(
      {{5000, 3, 3, 4, 3, 2}, {680, 5, 3, 2, 2, 1}, {2000, 3, 2, 3, 4, 3}, {600, 4, 3, 1, 2, 2}, {800, 2, 4, 3, 3, 4}});
  check_close(critic_weights(problem(m, vec({1, 1, 1, 1, 1, 1}), "++++++")).weights,
              vec({0.157, 0.249, 0.168, 0.121, 0.154, 0.151}), 5e-4);
  // koers normalises by direction (Diakoulaki et al. 1995): with price as a cost the
  // correlations of that column change sign, and so do the weights
  auto r = critic_weights(problem(m, vec({1, 1, 1, 1, 1, 1}), "-+++++"));
  CHECK(r.weights.sum() == Approx(1.0));
  CHECK(r.weights[0] > 0.157);
  auto c = problem(mat({{1, 2}, {1, 3}}), vec({1, 1}), "++");
  try {
    critic_weights(c);
    FAIL();
  } catch (const RankingError& e) { CHECK(e.element() == "C1"); }
}

TEST_CASE("standard deviation: Salabun, Watrobski & Shekhovtsov 2020", "[decide][weights]") {
  // Sałabun, Wątróbski & Shekhovtsov (2020). Are MCDA methods benchmarkable? Symmetry 12(9), 1549
  // (values as in the pyrepo-mcda test suite). Sample or population std give the same shares.
  auto p = problem(mat({{0.619, 0.449, 0.447},
                        {0.862, 0.466, 0.006},
                        {0.458, 0.698, 0.771},
                        {0.777, 0.631, 0.491},
                        {0.567, 0.992, 0.968}}),
                   vec({1, 1, 1}), "+++");
  auto r = std_weights(p);
  check_close(r.weights, vec({0.217, 0.294, 0.488}), 5e-4);
  CHECK(r.measure[0] == Approx(0.1624570713));  // sample std (n - 1) of column 1, numpy.std(ddof=1)
}

TEST_CASE("MEREC: Keshavarz-Ghorabaee et al. 2021", "[decide][weights]") {
  // Keshavarz-Ghorabaee, Amiri, Zavadskas, Turskis & Antucheviciene (2021). Determination of
  // objective weights using a new method based on the removal effects of criteria (MEREC).
  // Symmetry 13(4), 525: illustrative example, weights (0.5752, 0.0141, 0.4016, 0.0091)
  auto p = problem(
      mat({{450, 8000, 54, 145}, {10, 9100, 2, 160}, {100, 8200, 31, 153}, {220, 9300, 1, 162}, {5, 8400, 23, 158}}),
      vec({1, 1, 1, 1}), "++--");
  check_close(merec_weights(p).weights, vec({0.5752, 0.0141, 0.4016, 0.0091}), 5e-5);
}

TEST_CASE("ROC and swing weights", "[decide][weights]") {
  // Barron & Barrett (1996): n = 3 gives (11/18, 5/18, 2/18)
  auto p = problem(mat({{1, 2, 3}, {2, 1, 3}}), vec({1, 1, 1}), "+++");
  check_close(roc_weights(p, {"C2", "C1", "C3"}), vec({5.0 / 18, 11.0 / 18, 2.0 / 18}), 1e-12);
  CHECK_THROWS_AS(roc_weights(p, {"C2", "C2", "C3"}), InputError);
  CHECK_THROWS_AS(roc_weights(p, {"C2", "C1", "X"}), InputError);
  check_close(swing_weights(p, vec({100, 50, 50})), vec({0.5, 0.25, 0.25}), 1e-12);
}

TEST_CASE("one list of weighting methods, one call for all of them", "[decide][weights]") {
  CHECK(weight_methods() == std::vector<std::string>{"entropy", "critic", "std", "merec", "roc", "swing", "equal"});
  for (const auto& name : weight_methods()) CHECK(to_string(weight_method_from_string(name)) == name);
  CHECK(weight_method_from_string("stdev") == WeightMethod::std_dev);
  try {
    weight_method_from_string("ahp");
    FAIL("no error");
  } catch (const RankingError& e) {
    CHECK(e.code() == Errc::invalid_method);
    CHECK(std::string(e.what()).find("known: entropy, critic, std, merec, roc, swing, equal") != std::string::npos);
  }
  auto p = problem(mat({{1, 2, 3}, {2, 1, 3}}), vec({1, 1, 1}), "+++");
  // the same figures as the single methods (Barron & Barrett 1996 for ROC, n = 3)
  check_close(weights(p, {WeightMethod::roc, {"C2", "C1", "C3"}, {}}).weights, vec({5.0 / 18, 11.0 / 18, 2.0 / 18}),
              1e-12);
  check_close(weights(p, {WeightMethod::swing, {}, vec({100, 50, 50})}).weights, vec({0.5, 0.25, 0.25}), 1e-12);
  check_close(weights(p, {WeightMethod::equal, {}, {}}).weights, vec({1.0 / 3, 1.0 / 3, 1.0 / 3}), 1e-15);
  check_close(weights(p, {WeightMethod::std_dev, {}, {}}).weights, std_weights(p).weights, 0);
  CHECK_THROWS_AS(weights(p, {WeightMethod::roc, {}, {}}), InputError);    // E105: no order
  CHECK_THROWS_AS(weights(p, {WeightMethod::swing, {}, {}}), InputError);  // E105: no points
  CHECK_THROWS_AS(objective_weights(p, WeightMethod::equal), RankingError);
}
