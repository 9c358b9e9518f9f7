// Bindings for the budget area (thin). Results cross as Python objects built here from the C++
// results — dicts, lists and numbers with the field names and key order of their JSON
// (result_to_json, curve_to_json, sweep_to_json, plan_costs_to_json, intervention_cost_to_json)
// — which koers.budget and koers.selection turn into result objects and DataFrames. The C++ JSON
// of each stays reachable as `_test_*_json`, for tests/python/test_result_objects.py only, which
// holds both to the same content. The cost options (a Python dict) cross as JSON values
// (json_value.hpp), read by the C++ reader of `koers costs`. No JSON text crosses.
#include "bindings.hpp"
#include "json_value.hpp"

#include <pybind11/functional.h>

#include <koers/budget/budget_model.hpp>
#include <koers/budget/plan_costs_json.hpp>
#include <koers/budget/portfolio.hpp>
#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/portfolio_sweep.hpp>
#include <koers/budget/selection.hpp>
#include <koers/budget/selection_json.hpp>

namespace koers::python {

// --- results as Python objects ----------------------------------------------------------------
// Keys go in in sorted order, the order of the JSON objects (nlohmann::json sorts them), so that
// a dict prints as the JSON did.
namespace {
using namespace koers::budget;

py::object optional_int(const std::optional<std::int64_t>& v) {
  return v ? py::object(py::int_(*v)) : py::object(py::none());
}

py::dict conflict_dict(const Conflict& c) {
  py::dict o;
  const bool stream = c.kind == "stream";
  if (stream) o["capacity_cents"] = c.capacity.cents();
  if (!c.group.empty()) o["group"] = c.group;
  o["items"] = c.items;
  o["kind"] = c.kind;
  o["message"] = c.message;
  if (stream) o["required_cents"] = c.required.cents();
  o["stream"] = stream ? py::object(py::str(c.stream)) : py::object(py::none());
  return o;
}

/// `stopped_by` of a result: None unless the status is limit
py::object stopped_by_object(const SolveStats& s) {
  return s.stopped_by == StopReason::none ? py::object(py::none()) : py::object(py::str(to_string(s.stopped_by)));
}

py::dict result_dict(const PortfolioResult& r) {
  const bool infeasible = r.status == SolveStatus::infeasible;
  std::map<std::string, std::int64_t> spent, capacity;
  for (const auto& s : r.spent) {
    spent[s.stream] = s.spent.cents();
    capacity[s.stream] = s.capacity.cents();
  }
  py::dict j;
  j["alternative"] = r.alternative;
  j["binding"] = r.binding;
  j["bound"] = infeasible ? py::object(py::none()) : py::object(py::int_(r.bound));
  j["capacity_cents"] = capacity;
  if (r.conflict) j["conflict"] = conflict_dict(*r.conflict);
  j["gap"] = infeasible ? py::object(py::none()) : py::object(py::int_(r.gap));
  j["nodes"] = r.stats.nodes;
  j["optimum"] = optional_int(r.optimum);
  j["seconds"] = r.stats.seconds;
  j["selected"] = infeasible ? std::vector<std::string>{} : r.selected;
  j["spent_cents"] = spent;
  j["status"] = to_string(r.status);
  j["stopped_by"] = stopped_by_object(r.stats);
  j["unique"] = r.unique;
  return j;
}

py::dict curve_dict(const std::vector<CurvePoint>& pts) {
  py::list a;
  for (const auto& pt : pts)
    a.append(py::dict("budget_cents"_a = pt.budget.cents(), "optimum"_a = optional_int(pt.optimum),
                      "selected"_a = pt.selected));
  return py::dict("breakpoints"_a = a);
}

using Assignment = std::vector<std::pair<std::string, std::vector<std::string>>>;
std::map<std::string, std::vector<std::string>> assignment_map(const Assignment& a) { return {a.begin(), a.end()}; }

py::dict result_dict(const SelectionResult& r) {
  const bool infeasible = r.status == SolveStatus::infeasible;
  py::dict j;
  j["assignment"] = assignment_map(r.assignment);
  j["bound"] = infeasible ? py::object(py::none()) : py::object(py::float_(r.bound));
  if (r.conflict) {
    const auto& c = *r.conflict;
    j["conflict"] = py::dict("capacity_hours"_a = c.capacity_hours, "items"_a = c.items, "kind"_a = c.kind,
                             "message"_a = c.message, "required_hours"_a = c.required_hours);
  }
  j["gap"] = infeasible ? py::object(py::none()) : py::object(py::float_(r.gap));
  j["hours_available"] = r.hours_available;
  j["hours_used"] = r.hours_used;
  j["nodes"] = r.stats.nodes;
  j["seconds"] = r.stats.seconds;
  j["selected"] = r.selected;
  j["status"] = to_string(r.status);
  j["stopped_by"] = stopped_by_object(r.stats);
  const auto& t = r.top_n_cut;
  j["top_n_cut"] = py::dict("assignment"_a = assignment_map(t.assignment), "feasible"_a = t.feasible, "lost"_a = t.lost,
                            "n"_a = t.n, "selected"_a = t.selected, "total_score"_a = t.total_score);
  j["total_score"] = r.total_score;
  j["unique"] = r.unique;
  return j;
}

/// The sweep as columns (the shape of sweep_to_json): per scenario name, status, optimum,
/// selected, nodes, error, error_code, conflict; per base stream budget/capacity/spent cents.
py::dict sweep_dict(const Portfolio& base, const std::vector<SweepResult>& rows) {
  py::list name, status, optimum, selected, nodes, error, code, conflict, streams;
  std::map<std::string, py::list> budget, capacity, spent;
  for (const auto& s : base.streams) {
    streams.append(s.id);
    budget[s.id];
    capacity[s.id];
    spent[s.id];
  }
  auto cents_at = [](const std::vector<Money>& v, std::size_t k) {
    return k < v.size() ? py::object(py::int_(v[k].cents())) : py::object(py::none());
  };
  for (const auto& r : rows) {
    const bool err = r.status == "error";
    name.append(r.name);
    status.append(r.status);
    optimum.append(optional_int(r.optimum));
    selected.append(py::cast(r.selected));
    nodes.append(r.nodes);
    error.append(err ? py::object(py::str(r.error)) : py::object(py::none()));
    code.append(err ? py::object(py::int_(r.error_code)) : py::object(py::none()));
    conflict.append(r.conflict ? py::object(conflict_dict(*r.conflict)) : py::object(py::none()));
    for (std::size_t k = 0; k < base.streams.size(); ++k) {
      const auto& id = base.streams[k].id;
      budget[id].append(cents_at(r.budget, k));
      capacity[id].append(cents_at(r.capacity, k));
      spent[id].append(cents_at(r.spent, k));
    }
  }
  auto columns = [](const std::map<std::string, py::list>& m) {
    py::dict d;
    for (const auto& [k, v] : m) d[py::str(k)] = v;
    return d;
  };
  return py::dict("budget_cents"_a = columns(budget), "capacity_cents"_a = columns(capacity), "conflict"_a = conflict,
                  "error"_a = error, "error_code"_a = code, "name"_a = name, "nodes"_a = nodes, "optimum"_a = optimum,
                  "selected"_a = selected, "spent_cents"_a = columns(spent), "status"_a = status,
                  "streams"_a = streams);
}

py::object opt_cents(const std::optional<Money>& m) {
  return m ? py::object(py::int_(m->cents())) : py::object(py::none());
}
py::object opt_ratio(const std::optional<Ratio>& r) {
  return r ? py::object(py::str(ratio_text(*r))) : py::object(py::none());
}
py::object text_or_none(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s)); }

/// The plan costing (the fields of plan_costs_to_json, in its order).
py::dict plan_costs_dict(const PlanCosts& c) {
  py::list lines;
  for (const auto& L : c.lines) {
    const auto& b = L.cost;
    const auto& m = L.model;
    auto money = [&](Money v) { return L.costed ? py::object(py::int_(v.cents())) : py::object(py::none()); };
    py::dict o;
    o["id"] = L.id;
    o["name"] = L.name;
    o["stream"] = text_or_none(L.stream);
    o["costed"] = L.costed;
    o["participants"] = optional_int(b.participants);
    o["participants_from"] = text_or_none(L.participants_from);
    o["target_groups"] = L.target_groups;
    o["hours_per_participant"] = opt_ratio(m.hours_per_participant);
    o["learning_hours"] = opt_ratio(b.learning_hours);
    o["price"] = py::dict("fixed_cents"_a = m.fixed.cents(), "per_run_cents"_a = m.per_run.cents(), "runs"_a = m.runs,
                          "per_participant_cents"_a = m.per_participant.cents());
    o["fixed_cents"] = money(b.fixed_part);
    o["run_cents"] = money(b.run_part);
    o["participant_cents"] = money(b.participant_part);
    o["cost_cents"] = money(b.total);
    o["ilb_share"] = ratio_text(m.ilb_share);
    o["ilb_per_participant_cents"] = money(b.ilb_per_participant);
    o["ilb_cents"] = money(b.ilb);
    o["own_cents"] = money(b.own);
    o["per_participant_cents"] = L.costed ? opt_cents(b.per_participant_rounded) : py::object(py::none());
    o["per_participant_exact"] = L.costed ? opt_ratio(b.per_participant) : py::object(py::none());
    o["per_hour_cents"] = L.costed ? opt_cents(b.per_hour_rounded) : py::object(py::none());
    o["per_hour_exact"] = L.costed ? opt_ratio(b.per_hour) : py::object(py::none());
    o["notes"] = L.notes;
    lines.append(o);
  }
  py::list streams;
  for (const auto& s : c.streams)
    streams.append(py::dict("id"_a = text_or_none(s.id), "name"_a = s.name, "budget_cents"_a = opt_cents(s.budget),
                            "own_cents"_a = s.own.cents(), "ilb_cents"_a = s.ilb.cents(),
                            "committed_cents"_a = s.committed.cents(), "free_cents"_a = opt_cents(s.free)));
  py::dict total("cost_cents"_a = c.total.cents(), "own_cents"_a = c.own.cents(), "ilb_cents"_a = c.ilb.cents(),
                 "participants"_a = c.participants, "learning_hours"_a = ratio_text(c.learning_hours),
                 "per_participant_cents"_a = opt_cents(c.per_participant_rounded),
                 "per_participant_exact"_a = opt_ratio(c.per_participant),
                 "per_hour_cents"_a = opt_cents(c.per_hour_rounded), "per_hour_exact"_a = opt_ratio(c.per_hour));
  return py::dict("name"_a = c.name, "rounding"_a = to_string(c.rounding), "ilb_stream"_a = text_or_none(c.ilb_stream),
                  "interventions"_a = lines, "streams"_a = streams, "total"_a = total, "uncosted"_a = c.uncosted);
}

/// One intervention's cost (the fields of intervention_cost_to_json, in its order).
py::dict intervention_cost_dict(const InterventionCost& c) {
  const auto& b = c.cost;
  return py::dict("participants"_a = optional_int(b.participants), "fixed_cents"_a = b.fixed_part.cents(),
                  "run_cents"_a = b.run_part.cents(), "participant_cents"_a = b.participant_part.cents(),
                  "cost_cents"_a = b.total.cents(), "ilb_share"_a = ratio_text(c.model.ilb_share),
                  "ilb_per_participant_cents"_a = b.ilb_per_participant.cents(), "ilb_cents"_a = b.ilb.cents(),
                  "own_cents"_a = b.own.cents(), "learning_hours"_a = opt_ratio(b.learning_hours),
                  "per_participant_cents"_a = opt_cents(b.per_participant_rounded),
                  "per_participant_exact"_a = opt_ratio(b.per_participant),
                  "per_hour_cents"_a = opt_cents(b.per_hour_rounded), "per_hour_exact"_a = opt_ratio(b.per_hour),
                  "rounding"_a = to_string(b.rounding));
}
}  // namespace

// --- readers: an old field name is a DeprecationWarning ---------------------------------------
namespace {
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
                                   {"streams", p.streams.size()},       {"items", p.items.size()},
                                   {"goals", p.goals.size()},           {"groups", p.groups.size()},
                                   {"requires", p.requirements.size()}, {"scenarios", p.scenarios.size()}};
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
      "load_portfolio", [](const std::string& path) { return reading([&] { return load_portfolio(path); }); }, "path"_a,
      "Load a koers.portfolio file (an old field name: DeprecationWarning).");
  m.def("save_portfolio", &save_portfolio, "portfolio"_a, "path"_a, "Write a koers.portfolio file.", release);
  m.def(
      "apply_scenario", [](const Portfolio& p, std::size_t i) { return apply(p, p.scenarios.at(i)); }, "portfolio"_a,
      "index"_a, "The portfolio changed by its i-th scenario.", release);
  m.def(
      "compose_portfolio_scenarios",
      [](const std::string& a, const std::string& b, const std::string& name) {
        return reading([&] {
          return to_json(
              compose(parse_portfolio_scenario(a, "scenario a"), parse_portfolio_scenario(b, "scenario b"), name));
        });
      },
      "a"_a, "b"_a, "name"_a = "", "compose(a, b) of two koers.portfolio scenarios (JSON in and out).");
  m.def(
      "scale_floor_cents",
      [](std::int64_t cents, const std::string& f) { return scale_floor(Money::from_cents(cents), f).cents(); },
      "cents"_a, "factor"_a, "floor(cents × factor), exactly.");
  m.def(
      "optimise",
      [](const Portfolio& p, SolveOptions o, SolveProgress* progress) {
        o.progress = progress;
        auto r = [&] {
          py::gil_scoped_release nogil;
          return optimise(p, o);
        }();
        return result_dict(r);
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
        auto pts = [&] {
          py::gil_scoped_release nogil;
          return curve(p, s, {.max_points = max_points, .solve = o, .progress = std::move(progress)});
        }();
        return curve_dict(pts);
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
      "load_selection", [](const std::string& path) { return reading([&] { return load_selection(path); }); }, "path"_a,
      "Load a koers.selection file (an old field name: DeprecationWarning).");
  m.def(
      "select",
      [](const Selection& s, SolveOptions o, SolveProgress* progress) {
        o.progress = progress;
        auto r = [&] {
          py::gil_scoped_release nogil;
          return select(s, o);
        }();
        return result_dict(r);
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
        auto rows = [&] {
          py::gil_scoped_release nogil;
          return sweep_portfolio(p, p.scenarios, {.threads = threads, .solve = o, .progress = progress});
        }();
        return sweep_dict(p, rows);
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
      [](const StrategyGraph& g, const py::dict& options) {
        std::string text = json_text_of(options);
        auto c = [&] {
          py::gil_scoped_release nogil;
          return cost_plan(g, parse_plan_cost_options(text));
        }();
        return plan_costs_dict(c);
      },
      "graph"_a, "options"_a,
      "Cost every intervention of a model; options a dict (the fields of koers costs --costs, read and checked by "
      "C++), the result a dict (the fields of koers costs --json).");
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
        auto c = [&] {
          py::gil_scoped_release nogil;
          return intervention_cost(text);
        }();
        return intervention_cost_dict(c);
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
