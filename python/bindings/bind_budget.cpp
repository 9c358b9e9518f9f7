// Bindings for the budget area (thin). Results cross as JSON strings that koers.budget turns
// into result objects and DataFrames.
#include "bindings.hpp"

#include <koers/budget/portfolio.hpp>
#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/selection.hpp>
#include <koers/budget/selection_json.hpp>

namespace koers::python {

// --- solver ---------------------------------------------------------------------------------
namespace {
void register_solver(py::module_& m) {
  using namespace koers::budget;
  auto release = py::call_guard<py::gil_scoped_release>();
  py::class_<SolveOptions>(m, "SolveOptions", "Limits and switches of the exact solver.")
      .def(py::init<>())
      .def_readwrite("node_limit", &SolveOptions::node_limit)
      .def_readwrite("time_limit", &SolveOptions::time_limit)
      .def_readwrite("check_unique", &SolveOptions::check_unique)
      .def_readwrite("check_binding", &SolveOptions::check_binding);
  py::class_<Portfolio>(m, "Portfolio", "A portfolio optimisation model (koers.portfolio).")
      .def(py::init<>())
      .def_readwrite("name", &Portfolio::name)
      .def_property_readonly("objective", [](const Portfolio& p) { return std::string(to_string(p.objective)); })
      .def_property_readonly("stream_ids", [](const Portfolio& p) { std::vector<std::string> v; for (auto& s : p.streams) v.push_back(s.id); return v; })
      .def_property_readonly("scenario_names", [](const Portfolio& p) { std::vector<std::string> v; for (auto& s : p.scenarios) v.push_back(s.name); return v; })
      .def_property_readonly("counts", [](const Portfolio& p) {
        return std::map<std::string, std::size_t>{{"streams", p.streams.size()}, {"items", p.items.size()}, {"goals", p.goals.size()},
                                                  {"groups", p.groups.size()}, {"requires", p.requirements.size()}, {"scenarios", p.scenarios.size()}};
      })
      .def("validate", &Portfolio::validate, "Throw BudgetError/InputError naming the bad element.")
      .def("to_json", [](const Portfolio& p, int indent) { return to_json(p, indent); }, "indent"_a = 2, "koers.portfolio JSON.")
      .def("__eq__", [](const Portfolio& a, const Portfolio& b) { return a == b; });
  m.def("parse_portfolio", &parse_portfolio, "text"_a, "origin"_a = "portfolio", "Parse koers.portfolio JSON.", release);
  m.def("load_portfolio", &load_portfolio, "path"_a, "Load a koers.portfolio file.", release);
  m.def("save_portfolio", &save_portfolio, "portfolio"_a, "path"_a, "Write a koers.portfolio file.", release);
  m.def("apply_scenario", [](const Portfolio& p, std::size_t i) { return apply(p, p.scenarios.at(i)); }, "portfolio"_a, "index"_a,
        "The portfolio changed by its i-th scenario.", release);
  m.def("scale_floor_cents", [](std::int64_t cents, const std::string& f) { return scale_floor(Money::from_cents(cents), f).cents(); },
        "cents"_a, "factor"_a, "floor(cents × factor), exactly.");
  m.def("optimise_json", [](const Portfolio& p, const SolveOptions& o) { return result_to_json(optimise(p, o)); },
        "portfolio"_a, "options"_a, "Exact optimisation; the result as JSON.", release);
  m.def("curve_json", [](const Portfolio& p, const std::string& s, const SolveOptions& o, std::int64_t max_points) {
          return curve_to_json(curve(p, s, {.max_points = max_points, .solve = o}));
        }, "portfolio"_a, "stream"_a, "options"_a, "max_points"_a, "Budget curve breakpoints as JSON.", release);

  py::class_<Selection>(m, "Selection", "Processes, experts and hours (koers.selection).")
      .def(py::init<>())
      .def_readwrite("name", &Selection::name)
      .def_readwrite("top_n", &Selection::top_n)
      .def_property_readonly("counts", [](const Selection& s) {
        return std::map<std::string, std::size_t>{{"items", s.items.size()}, {"experts", s.experts.size()}};
      })
      .def("validate", &Selection::validate)
      .def("to_json", [](const Selection& s, int indent) { return to_json(s, indent); }, "indent"_a = 2)
      .def("__eq__", [](const Selection& a, const Selection& b) { return a == b; });
  m.def("parse_selection", &parse_selection, "text"_a, "origin"_a = "selection", "Parse koers.selection JSON.", release);
  m.def("load_selection", &load_selection, "path"_a, "Load a koers.selection file.", release);
  m.def("select_json", [](const Selection& s, const SolveOptions& o) { return result_to_json(select(s, o)); },
        "selection"_a, "options"_a, "Optimal selection and assignment; the result as JSON.", release);
}
}  // namespace

// --- budget model, scenarios, sweeps (the budget helper adds its bindings below) ------------

void register_budget(py::module_& m) {
  register_solver(m);
}

}  // namespace koers::python
