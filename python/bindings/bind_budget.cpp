// Bindings for the budget area (thin). Results cross as Python objects: each result's JSON value
// from its one writer (src/result_json.hpp: result_value, curve_value, sweep_value,
// plan_costs_value, intervention_cost_value), built with the GIL released and translated by
// json_value.hpp's to_python — the fields and key order of `--json` — which koers.budget and
// koers.selection turn into result objects and DataFrames. The JSON text of each stays reachable
// as `_test_*_json`, for tests/python/test_result_objects.py, which holds the translation to the
// text. The cost options (a Python dict) cross as JSON values (json_value.hpp), read by the C++
// reader of `koers costs`. No JSON text crosses.
#include "bindings.hpp"
#include "json_value.hpp"
#include "result_json.hpp"

#include <pybind11/functional.h>

#include <koers/budget/budget_model.hpp>
#include <koers/budget/plan_costs_json.hpp>
#include <koers/budget/portfolio.hpp>
#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/portfolio_sweep.hpp>
#include <koers/budget/selection.hpp>
#include <koers/budget/selection_json.hpp>

namespace koers::python {

// --- readers: an old field name is a DeprecationWarning ---------------------------------------
namespace {
using namespace koers::budget;
/// Read with `read` (the GIL released), then warn about each old field name it accepted.
template <class Read>
auto reading(Read read) {
  take_deprecation_notes();  // nothing left over from a read that failed
  auto value = [&] {
    py::gil_scoped_release nogil;
    return read();
  }();
  for (const auto& note : take_deprecation_notes())
    if (PyErr_WarnEx(PyExc_DeprecationWarning, note.c_str(), 1) < 0) throw py::error_already_set();
  return value;
}
}  // namespace

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
  py::class_<SolveProgress>(m, "SolveProgress",
                            "Counters of a running solve, read from another thread; cancel() stops it (status limit).")
      .def(py::init<>())
      .def_property_readonly("nodes", &SolveProgress::nodes, "Search nodes so far.")
      .def_property_readonly(
          "incumbent",
          [](const SolveProgress& p) -> py::object {
            return p.found() ? py::object(py::float_(p.incumbent())) : py::object(py::none());
          },
          "The best objective value found so far (None before the first).")
      .def_property_readonly("cancelled", &SolveProgress::cancelled)
      .def("cancel", &SolveProgress::cancel,
           "Stop the solve as at a limit (status limit, the incumbent and a valid bound).");
  py::class_<Portfolio>(m, "Portfolio", "A portfolio optimisation model (koers.portfolio).")
      .def(py::init<>())
      .def_readwrite("name", &Portfolio::name)
      .def_property_readonly("objective", [](const Portfolio& p) { return std::string(to_string(p.objective)); })
      .def_property_readonly("stream_ids",
                             [](const Portfolio& p) {
                               std::vector<std::string> v;
                               for (auto& s : p.streams) v.push_back(s.id);
                               return v;
                             })
      .def_property_readonly("scenario_names",
                             [](const Portfolio& p) {
                               std::vector<std::string> v;
                               for (auto& s : p.scenarios) v.push_back(s.name);
                               return v;
                             })
      .def_property_readonly("counts",
                             [](const Portfolio& p) {
                               return std::map<std::string, std::size_t>{
                                   {"streams", p.streams.size()},    {"items", p.items.size()},
                                   {"goals", p.goals.size()},        {"groups", p.groups.size()},
                                   {"requires", p.requires_.size()}, {"scenarios", p.scenarios.size()}};
                             })
      .def("validate", &Portfolio::validate, "Throw BudgetError/InputError naming the bad element.")
      .def(
          "to_json", [](const Portfolio& p, int indent) { return to_json(p, indent); }, "indent"_a = 2,
          "koers.portfolio JSON.")
      .def("__eq__", [](const Portfolio& a, const Portfolio& b) { return a == b; });
  m.def(
      "parse_portfolio",
      [](std::string_view text, const std::string& origin) {
        return reading([&] { return parse_portfolio(text, origin); });
      },
      "text"_a, "origin"_a = "portfolio", "Parse koers.portfolio JSON (an old field name: DeprecationWarning).");
  m.def(
      "portfolio_from_dict",
      [](py::handle doc, const std::string& origin) {
        std::string text = json_text_of(doc);
        return reading([&] { return parse_portfolio(text, origin); });
      },
      "doc"_a, "origin"_a = "portfolio",
      "Read a koers.portfolio document given as a Python dict (the reader of files: codes and JSON paths; an old "
      "field name: DeprecationWarning).");
  m.def(
      "load_portfolio", [](const std::string& path) { return reading([&] { return load_portfolio(path); }); }, "path"_a,
      "Load a koers.portfolio file (an old field name: DeprecationWarning).");
  m.def("save_portfolio", &save_portfolio, "portfolio"_a, "path"_a, "Write a koers.portfolio file.", release);
  m.def(
      "apply_scenario", [](const Portfolio& p, std::size_t i) { return apply(p, p.scenarios.at(i)); }, "portfolio"_a,
      "index"_a, "The portfolio changed by its i-th scenario.", release);
  m.def(
      "compose_portfolio_scenarios",
      [](py::handle a, py::handle b, const std::string& name) {
        std::string ta = json_text_of(a), tb = json_text_of(b);
        auto v = reading([&] {
          return scenario_value(
              compose(parse_portfolio_scenario(ta, "scenario a"), parse_portfolio_scenario(tb, "scenario b"), name));
        });
        return py::dict(to_python(v));
      },
      "a"_a, "b"_a, "name"_a = "",
      "compose(a, b) of two koers.portfolio scenarios, each a dict (read as a file's scenario); a dict.");
  m.def(
      "scale_floor_cents",
      [](std::int64_t cents, const std::string& f) { return scale_floor(Money::from_cents(cents), f).cents(); },
      "cents"_a, "factor"_a, "floor(cents × factor), exactly.");
  m.def(
      "optimise",
      [](const Portfolio& p, SolveOptions o, SolveProgress* progress) {
        o.progress = progress;
        auto v = [&] {
          py::gil_scoped_release nogil;
          return result_value(optimise(p, o));
        }();
        return py::dict(to_python(v));
      },
      "portfolio"_a, "options"_a, "progress"_a = nullptr,
      "Exact optimisation; the result as a dict (the fields of koers optimise --json).");
  m.def(
      "_test_optimise_json", [](const Portfolio& p, const SolveOptions& o) { return result_to_json(optimise(p, o)); },
      "portfolio"_a, "options"_a, "Test only: the C++ JSON of optimise.", release);
  m.def(
      "curve",
      [](const Portfolio& p, const std::string& s, const SolveOptions& o, std::int64_t max_points,
         std::function<void(std::size_t, std::size_t)> progress) {
        auto v = [&] {
          py::gil_scoped_release nogil;
          return curve_value(curve(p, s, {.max_points = max_points, .solve = o, .progress = std::move(progress)}));
        }();
        return py::dict(to_python(v));
      },
      "portfolio"_a, "stream"_a, "options"_a, "max_points"_a, "progress"_a = nullptr,
      "Budget curve breakpoints {\"breakpoints\": [{budget_cents, optimum, selected}]} (progress(done, total) after "
      "each).");
  m.def(
      "_test_curve_json",
      [](const Portfolio& p, const std::string& s, const SolveOptions& o, std::int64_t max_points,
         std::function<void(std::size_t, std::size_t)> progress) {
        return curve_to_json(curve(p, s, {.max_points = max_points, .solve = o, .progress = std::move(progress)}));
      },
      "portfolio"_a, "stream"_a, "options"_a, "max_points"_a, "progress"_a = nullptr,
      "Test only: the C++ JSON of curve.", release);
  m.attr("max_curve_cells") = max_curve_cells;

  py::class_<Selection>(m, "Selection", "Processes, experts and hours (koers.selection).")
      .def(py::init<>())
      .def_readwrite("name", &Selection::name)
      .def_readwrite("top_n", &Selection::top_n)
      .def_property_readonly(
          "counts",
          [](const Selection& s) {
            return std::map<std::string, std::size_t>{{"items", s.items.size()}, {"experts", s.experts.size()}};
          })
      .def("validate", &Selection::validate)
      .def(
          "to_json", [](const Selection& s, int indent) { return to_json(s, indent); }, "indent"_a = 2)
      .def("__eq__", [](const Selection& a, const Selection& b) { return a == b; });
  m.def(
      "parse_selection",
      [](std::string_view text, const std::string& origin) {
        return reading([&] { return parse_selection(text, origin); });
      },
      "text"_a, "origin"_a = "selection", "Parse koers.selection JSON (an old field name: DeprecationWarning).");
  m.def(
      "selection_from_dict",
      [](py::handle doc, const std::string& origin) {
        std::string text = json_text_of(doc);
        return reading([&] { return parse_selection(text, origin); });
      },
      "doc"_a, "origin"_a = "selection",
      "Read a koers.selection document given as a Python dict (the reader of files: codes and JSON paths; an old "
      "field name: DeprecationWarning).");
  m.def(
      "load_selection", [](const std::string& path) { return reading([&] { return load_selection(path); }); }, "path"_a,
      "Load a koers.selection file (an old field name: DeprecationWarning).");
  m.def(
      "select",
      [](const Selection& s, SolveOptions o, SolveProgress* progress) {
        o.progress = progress;
        auto v = [&] {
          py::gil_scoped_release nogil;
          return result_value(select(s, o));
        }();
        return py::dict(to_python(v));
      },
      "selection"_a, "options"_a, "progress"_a = nullptr,
      "Optimal selection and assignment; the result as a dict (the fields of koers select --json).");
  m.def(
      "_test_select_json", [](const Selection& s, const SolveOptions& o) { return result_to_json(select(s, o)); },
      "selection"_a, "options"_a, "Test only: the C++ JSON of select.", release);
}
}  // namespace

// --- budget model, scenarios, sweeps (the budget helper adds its bindings below) ------------

namespace {
void register_budget_model(py::module_& m) {
  using namespace koers::budget;
  auto release = py::call_guard<py::gil_scoped_release>();
  py::class_<ReservedLine>(m, "ReservedLine", "A reserved line inside a stream (not free to commit).")
      .def(py::init<std::string, Money>(), "id"_a, "amount"_a)
      .def_readwrite("id", &ReservedLine::id)
      .def_readwrite("amount", &ReservedLine::amount);
  py::class_<Stream>(m, "BudgetStream", "One budget stream in exact cents.")
      .def(py::init<>())
      .def_readwrite("id", &Stream::id)
      .def_readwrite("budget", &Stream::budget)
      .def_readwrite("reserved", &Stream::reserved)
      .def_readwrite("name", &Stream::name)
      .def("free", &Stream::free);
  py::class_<BudgetModel>(m, "BudgetModel", "Budget streams (cents) with their reserved lines.")
      .def(py::init<>())
      .def_readwrite("name", &BudgetModel::name)
      .def_readwrite("streams", &BudgetModel::streams)
      .def("total", &BudgetModel::total)
      .def("stream", py::overload_cast<const std::string&>(&BudgetModel::stream), "id"_a,
           py::return_value_policy::reference_internal);
  m.def("budget_model", &budget_model, "portfolio"_a, "The budget model of a portfolio's streams.");
  m.def("share_by_fte", &share_by_fte, "whole"_a, "fte_hundredths"_a, "Largest-remainder shares by FTE.");
  m.def("payroll_budget", &payroll_budget, "payroll"_a, "share"_a, "months"_a = 12,
        "payroll × share × months/12 (half-even cents).");
  py::class_<PathOptions>(m, "PathOptions", "Options of the payroll path.")
      .def(py::init<>())
      .def_readwrite("from_year", &PathOptions::from_year)
      .def_readwrite("from_share", &PathOptions::from_share)
      .def_readwrite("to_year", &PathOptions::to_year)
      .def_readwrite("to_share", &PathOptions::to_share)
      .def_readwrite("first_year_months", &PathOptions::first_year_months);
  py::class_<PathYear>(m, "PathYear", "One year of the payroll path.")
      .def_readonly("year", &PathYear::year)
      .def_readonly("share", &PathYear::share)
      .def_readonly("months", &PathYear::months)
      .def_readonly("budget", &PathYear::budget);
  m.def("path_share", &path_share, "options"_a, "year"_a, "Exact payroll share in a year.");
  m.def("payroll_path", &payroll_path, "payroll"_a, "first"_a, "last"_a, "options"_a = PathOptions{},
        "Budgets per year.");
  m.def("scale_exact", &scale_exact, "budget"_a, "factor"_a, "floor(budget × factor) for a decimal string.");

  py::class_<SweepProgress>(m, "SweepProgress", "Counters of a running sweep (poll from another thread).")
      .def(py::init<>())
      .def_property_readonly("done", [](const SweepProgress& p) { return p.done.load(); })
      .def_property_readonly("total", [](const SweepProgress& p) { return p.total.load(); })
      .def("cancel", [](SweepProgress& p) { p.cancel = true; });
  m.def(
      "sweep_portfolio",
      [](const Portfolio& p, unsigned threads, const SolveOptions& o, SweepProgress* progress) {
        auto v = [&] {
          py::gil_scoped_release nogil;
          return sweep_value(p,
                             sweep_portfolio(p, p.scenarios, {.threads = threads, .solve = o, .progress = progress}));
        }();
        return py::dict(to_python(v));
      },
      "portfolio"_a, "threads"_a, "options"_a, "progress"_a = nullptr,
      "Solve the portfolio under each of its scenarios on `threads` threads (0 = all cores); a dict of columns.");
  m.def(
      "_test_sweep_portfolio_json",
      [](const Portfolio& p, unsigned threads, const SolveOptions& o, SweepProgress* progress) {
        return sweep_to_json(p,
                             sweep_portfolio(p, p.scenarios, {.threads = threads, .solve = o, .progress = progress}));
      },
      "portfolio"_a, "threads"_a, "options"_a, "progress"_a = nullptr, "Test only: the C++ JSON of sweep_portfolio.",
      release);
  m.def(
      "cost_plan",
      [](const StrategyGraph& g, const py::dict& options, const std::optional<std::string>& costs_file) {
        std::string text = json_text_of(options);
        auto v = [&] {
          py::gil_scoped_release nogil;
          PlanCostOptions o = parse_plan_cost_options(text);
          if (costs_file) {
            if (!o.overrides.empty())
              throw_error(Errc::invalid_argument,
                          "give the cost overrides as options' \"costs\" or as a file, not both", {"costs"});
            o.overrides = load_cost_overrides(*costs_file);
          }
          return plan_costs_value(cost_plan(g, o));
        }();
        return py::dict(to_python(v));
      },
      "graph"_a, "options"_a, "costs_file"_a = py::none(),
      "Cost every intervention of a model; options a dict (ilb_share, uptake, ilb_stream, rounding, costs: read and "
      "checked by C++), costs_file the path of a koers costs --costs file (read by C++: its codes and JSON paths), "
      "the result a dict (the fields of koers costs --json).");
  m.def(
      "_test_cost_plan_json",
      [](const StrategyGraph& g, const py::dict& options) {
        std::string text = json_text_of(options);
        py::gil_scoped_release nogil;
        return plan_costs_to_json(cost_plan(g, parse_plan_cost_options(text)));
      },
      "graph"_a, "options"_a, "Test only: the C++ JSON of cost_plan.");
  m.def(
      "intervention_cost",
      [](const py::dict& fields) {
        std::string text = json_text_of(fields);
        auto v = [&] {
          py::gil_scoped_release nogil;
          return intervention_cost_value(intervention_cost(text));
        }();
        return py::dict(to_python(v));
      },
      "fields"_a, "Cost one intervention's cost model (a dict of its fields, read and checked by C++); a dict.");
  m.def(
      "_test_intervention_cost_json",
      [](const py::dict& fields) {
        std::string text = json_text_of(fields);
        py::gil_scoped_release nogil;
        return intervention_cost_json(text);
      },
      "fields"_a, "Test only: the C++ JSON of intervention_cost.");
}
}  // namespace

void register_budget(py::module_& m) {
  register_solver(m);
  register_budget_model(m);
}

}  // namespace koers::python
