// Bindings for the decision area (thin): the C++ structs and functions of koers::decide as
// they are. koers.decide (Python) builds DataFrames, reads files, repr and plots.
#include "bindings.hpp"

#include <pybind11/eigen.h>
#include <pybind11/functional.h>

#include <koers/decide/dominance.hpp>
#include <koers/decide/rank.hpp>
#include <koers/decide/sensitivity.hpp>
#include <koers/decide/smaa.hpp>
#include <koers/decide/weights.hpp>

namespace koers::python {

void register_decide(py::module_& root) {
  using namespace koers::decide;
  auto m = root.def_submodule("decide", "Multi-criteria decision problems: ranking, weights, sensitivity, SMAA-2.");
  auto release = py::call_guard<py::gil_scoped_release>();

  py::enum_<Direction>(m, "Direction").value("max", Direction::max).value("min", Direction::min);
  py::enum_<PreferenceFunction>(m, "PreferenceFunction")
      .value("usual", PreferenceFunction::usual)
      .value("u_shape", PreferenceFunction::u_shape)
      .value("v_shape", PreferenceFunction::v_shape)
      .value("level", PreferenceFunction::level)
      .value("linear", PreferenceFunction::linear)
      .value("gaussian", PreferenceFunction::gaussian);
  py::enum_<Normalisation>(m, "Normalisation")
      .value("none", Normalisation::none)
      .value("vector", Normalisation::vector)
      .value("minmax", Normalisation::minmax)
      .value("max", Normalisation::max)
      .value("sum", Normalisation::sum)
      .value("scale", Normalisation::scale);
  py::enum_<Method>(m, "Method")
      .value("wsm", Method::wsm)
      .value("topsis", Method::topsis)
      .value("vikor", Method::vikor)
      .value("promethee2", Method::promethee2)
      .value("spotis", Method::spotis);
  py::enum_<WeightMethod>(m, "WeightMethod")
      .value("entropy", WeightMethod::entropy)
      .value("critic", WeightMethod::critic)
      .value("std", WeightMethod::std_dev)
      .value("merec", WeightMethod::merec)
      .value("roc", WeightMethod::roc)
      .value("swing", WeightMethod::swing)
      .value("equal", WeightMethod::equal);
  py::enum_<ScoreModel>(m, "ScoreModel")
      .value("none", ScoreModel::none)
      .value("uniform", ScoreModel::uniform)
      .value("normal", ScoreModel::normal);
  py::enum_<WeightModel>(m, "WeightModel").value("uniform", WeightModel::uniform).value("fixed", WeightModel::fixed);

  m.def("direction_from_string", &direction_from_string, "text"_a);
  m.def("preference_from_string", &preference_from_string, "text"_a);
  m.def("normalisation_from_string", &normalisation_from_string, "text"_a);
  m.def("method_from_string", &method_from_string, "text"_a);
  m.def("weight_method_from_string", &weight_method_from_string, "text"_a);

  py::class_<Scale>(m, "Scale")
      .def(py::init<double, double>(), "lo"_a, "hi"_a)
      .def_readwrite("lo", &Scale::lo)
      .def_readwrite("hi", &Scale::hi);
  py::class_<Preference>(m, "Preference")
      .def(py::init<PreferenceFunction, double, double, double>(), "function"_a = PreferenceFunction::usual,
           "q"_a = 0.0, "p"_a = 0.0, "s"_a = 0.0)
      .def_readwrite("function", &Preference::function)
      .def_readwrite("q", &Preference::q)
      .def_readwrite("p", &Preference::p)
      .def_readwrite("s", &Preference::s);
  py::class_<Criterion>(m, "Criterion")
      .def(py::init<>())
      .def_readwrite("name", &Criterion::name)
      .def_readwrite("direction", &Criterion::direction)
      .def_readwrite("weight", &Criterion::weight)
      .def_readwrite("scale", &Criterion::scale)
      .def_readwrite("preference", &Criterion::preference);
  py::class_<DecisionProblem>(m, "DecisionProblem", "Alternatives x criteria decision problem.")
      .def(py::init<>())
      .def_readwrite("alternatives", &DecisionProblem::alternatives)
      .def_readwrite("criteria", &DecisionProblem::criteria)
      .def_readwrite("scores", &DecisionProblem::scores)
      .def("validate", &DecisionProblem::validate, "Throw InputError/RankingError naming the bad element.")
      .def("weights", &DecisionProblem::weights, "The weights normalised to sum 1.")
      .def("has_weights", &DecisionProblem::has_weights)
      .def("alternative_names", &DecisionProblem::alternative_names, "Every name (implicit A1.. when none were given).")
      .def("with_weights", &DecisionProblem::with_weights, "weights"_a);

  // NumPy matrices of any layout map without a copy (MatrixView, a strided Ref); the problem takes one copy.
  m.def(
      "make_problem",
      [](MatrixView scores, const Eigen::VectorXd& weights, const std::vector<Direction>& directions,
         std::vector<std::string> alternatives, std::vector<std::string> criteria) {
        return make_problem(scores, weights, directions, std::move(alternatives), std::move(criteria));
      },
      "scores"_a, "weights"_a, "directions"_a, "alternatives"_a = std::vector<std::string>{},
      "criteria"_a = std::vector<std::string>{}, "A validated problem from a matrix (names A1.., C1.. when empty).");

  py::class_<Dominance>(m, "Dominance")
      .def_readonly("dominated_by", &Dominance::dominated_by)
      .def_readonly("checked", &Dominance::checked);
  m.def("dominance", &dominance, "problem"_a, "max_alternatives"_a = 5000,
        "Dominated alternatives (reported, not refused).", release);

  py::class_<ValueFunction>(m, "ValueFunction")
      .def(py::init<std::vector<double>, std::vector<double>>(), "x"_a, "v"_a)
      .def_readwrite("x", &ValueFunction::x)
      .def_readwrite("v", &ValueFunction::v)
      .def("__call__", &ValueFunction::operator());
  py::class_<RankOptions>(m, "RankOptions")
      .def(py::init<>())
      .def_readwrite("method", &RankOptions::method)
      .def_readwrite("normalisation", &RankOptions::normalisation)
      .def_readwrite("v", &RankOptions::v)
      .def_readwrite("value_functions", &RankOptions::value_functions)
      .def_readwrite("contributions", &RankOptions::contributions)
      .def_readwrite("ranks", &RankOptions::ranks);
  py::class_<Ranking>(m, "Ranking", "The result of a ranking.")
      .def_readonly("method", &Ranking::method)
      .def_readonly("normalisation", &Ranking::normalisation)
      .def_readonly("higher_is_better", &Ranking::higher_is_better)
      .def_readonly("weights", &Ranking::weights)
      .def_readonly("scores", &Ranking::scores)
      .def_property_readonly("ranks",
                             [](const Ranking& r) {
                               return Eigen::Map<const Eigen::VectorXi>(r.ranks.data(),
                                                                        static_cast<Eigen::Index>(r.ranks.size()));
                             })
      .def_property_readonly("order",
                             [](const Ranking& r) {
                               return Eigen::Map<const Eigen::Matrix<Eigen::Index, Eigen::Dynamic, 1>>(
                                   r.order.data(), static_cast<Eigen::Index>(r.order.size()));
                             })
      .def_readonly("contributions", &Ranking::contributions)
      .def_readonly("contribution_kind", &Ranking::contribution_kind)
      .def_readonly("choices", &Ranking::choices)
      .def_readonly("warnings", &Ranking::warnings)
      .def_readonly("d_plus", &Ranking::d_plus)
      .def_readonly("d_minus", &Ranking::d_minus)
      .def_readonly("S", &Ranking::S)
      .def_readonly("R", &Ranking::R)
      .def_readonly("Q", &Ranking::Q)
      .def_readonly("v", &Ranking::v)
      .def_readonly("acceptable_advantage", &Ranking::acceptable_advantage)
      .def_readonly("acceptable_stability", &Ranking::acceptable_stability)
      .def_readonly("compromise", &Ranking::compromise)
      .def_readonly("phi_plus", &Ranking::phi_plus)
      .def_readonly("phi_minus", &Ranking::phi_minus)
      .def_readonly("phi", &Ranking::phi);
  m.def("rank", &rank, "problem"_a, "options"_a, "Rank with the chosen method.", release);
  m.def(
      "rank_matrix",
      [](MatrixView scores, const Eigen::VectorXd& weights, const std::vector<Direction>& directions,
         const RankOptions& o) { return rank_matrix(scores, weights, directions, o); },
      "scores"_a, "weights"_a, "directions"_a, "options"_a,
      "Rank straight from a matrix (C- or F-order float64 read in place; see koers::decide::rank_matrix).", release);
  m.def(
      "order_and_ranks",
      [](const Eigen::VectorXd& scores, bool higher_is_better) {
        Ranking r;
        r.scores = scores;
        r.higher_is_better = higher_is_better;
        {
          py::gil_scoped_release nogil;
          assign_ranks(r);
        }
        return py::make_tuple(Eigen::VectorXi(Eigen::Map<const Eigen::VectorXi>(
                                  r.ranks.data(), static_cast<Eigen::Index>(r.ranks.size()))),
                              Eigen::Matrix<Eigen::Index, Eigen::Dynamic, 1>(
                                  Eigen::Map<const Eigen::Matrix<Eigen::Index, Eigen::Dynamic, 1>>(
                                      r.order.data(), static_cast<Eigen::Index>(r.order.size()))));
      },
      "scores"_a, "higher_is_better"_a,
      "(ranks, order) of scores under the tie rule (what RankOptions.ranks = false skips).");
  m.def("tie_rule", [] { return std::string(tie_rule_text); });

  py::class_<WeightsResult>(m, "WeightsResult")
      .def_readonly("weights", &WeightsResult::weights)
      .def_readonly("measure", &WeightsResult::measure)
      .def_readonly("entropy", &WeightsResult::entropy)
      .def_readonly("correlation", &WeightsResult::correlation)
      .def_readonly("choices", &WeightsResult::choices)
      .def_readonly("warnings", &WeightsResult::warnings);
  m.def("objective_weights", &objective_weights, "problem"_a, "method"_a, release);
  m.def("roc_weights", &roc_weights, "problem"_a, "order"_a);
  m.def("weight_methods", &weight_methods, "Every weighting method, in order (the one list).");
  m.def(
      "weights",
      [](const DecisionProblem& p, WeightMethod method, std::vector<std::string> order,
         std::optional<Eigen::VectorXd> points) {
        return weights(p, WeightSpec{method, std::move(order), points ? *points : Eigen::VectorXd()});
      },
      "problem"_a, "method"_a, "order"_a = std::vector<std::string>{}, "points"_a = std::nullopt, release);
  m.def("swing_weights", &swing_weights, "problem"_a, "points"_a);

  m.attr("max_sensitivity_steps") = max_sensitivity_steps;
  m.attr("max_sensitivity_cells") = max_sensitivity_cells;
  m.attr("max_smaa_samples") = max_smaa_samples;
  m.attr("max_smaa_cells") = max_smaa_cells;
  m.attr("max_score_magnitude") = max_score_magnitude;
  py::class_<SensitivityOptions>(m, "SensitivityOptions")
      .def(py::init<>())
      .def_readwrite("rank", &SensitivityOptions::rank)
      .def_readwrite("top_k", &SensitivityOptions::top_k)
      .def_readwrite("steps", &SensitivityOptions::steps)
      .def_readwrite("tolerance", &SensitivityOptions::tolerance)
      .def_readwrite("scan_step", &SensitivityOptions::scan_step)
      .def_readwrite("progress", &SensitivityOptions::progress);
  py::class_<WeightInterval>(m, "WeightInterval")
      .def_readonly("criterion", &WeightInterval::criterion)
      .def_readonly("weight", &WeightInterval::weight)
      .def_readonly("lower", &WeightInterval::lower)
      .def_readonly("upper", &WeightInterval::upper)
      .def_readonly("exact", &WeightInterval::exact)
      .def_readonly("changes_at_lower", &WeightInterval::changes_at_lower)
      .def_readonly("changes_at_upper", &WeightInterval::changes_at_upper);
  py::class_<SensitivityResult>(m, "SensitivityResult")
      .def_readonly("target", &SensitivityResult::target)
      .def_readonly("top_k", &SensitivityResult::top_k)
      .def_readonly("intervals", &SensitivityResult::intervals)
      .def_readonly("grid", &SensitivityResult::grid)
      .def_readonly("sweep_scores", &SensitivityResult::sweep_scores)
      .def_readonly("sweep_ranks", &SensitivityResult::sweep_ranks)
      .def_readonly("choices", &SensitivityResult::choices);
  m.def("sensitivity", &sensitivity, "problem"_a, "options"_a, release);

  py::class_<SmaaOptions>(m, "SmaaOptions")
      .def(py::init<>())
      .def_readwrite("rank", &SmaaOptions::rank)
      .def_readwrite("samples", &SmaaOptions::samples)
      .def_readwrite("seed", &SmaaOptions::seed)
      .def_readwrite("threads", &SmaaOptions::threads)
      .def_readwrite("weights", &SmaaOptions::weights)
      .def_readwrite("weight_lower", &SmaaOptions::weight_lower)
      .def_readwrite("weight_upper", &SmaaOptions::weight_upper)
      .def_readwrite("orderings", &SmaaOptions::orderings)
      .def_readwrite("scores", &SmaaOptions::scores)
      .def_readwrite("score_spread", &SmaaOptions::score_spread)
      .def_readwrite("confidence_samples", &SmaaOptions::confidence_samples)
      .def_readwrite("chunk_size", &SmaaOptions::chunk_size)
      .def_readwrite("max_rejections", &SmaaOptions::max_rejections)
      .def_readwrite("ranks", &SmaaOptions::ranks)
      .def_readwrite("progress", &SmaaOptions::progress);
  py::class_<SmaaResult>(m, "SmaaResult")
      .def_readonly("acceptability", &SmaaResult::acceptability)
      .def_readonly("central_weights", &SmaaResult::central_weights)
      .def_readonly("has_central", &SmaaResult::has_central)
      .def_readonly("confidence", &SmaaResult::confidence)
      .def_readonly("holistic", &SmaaResult::holistic)
      .def_readonly("samples", &SmaaResult::samples)
      .def_readonly("weight_draws", &SmaaResult::weight_draws)
      .def_readonly("choices", &SmaaResult::choices)
      .def_readonly("warnings", &SmaaResult::warnings);
  m.def("smaa", &smaa, "problem"_a, "options"_a, "SMAA-2 (releases the GIL).", release);
  py::class_<SmaaDraws>(m, "SmaaDraws")
      .def_readonly("weights", &SmaaDraws::weights)
      .def_readonly("scores", &SmaaDraws::scores)
      .def_readonly("weight_draws", &SmaaDraws::weight_draws)
      .def_readonly("choices", &SmaaDraws::choices)
      .def_readonly("warnings", &SmaaDraws::warnings);
  m.def("smaa_draws", &smaa_draws, "problem"_a, "options"_a,
        "The weight (and score) draws of smaa with these options (releases the GIL).", release);
}

}  // namespace koers::python
