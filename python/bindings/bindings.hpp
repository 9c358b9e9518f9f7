#pragma once
// koers._core: thin bindings. One register_<area>() per area, each in bind_<area>.cpp.
// Bindings only translate: no loops, validation or computed defaults here.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;
using namespace pybind11::literals;

namespace koers::python {
void register_errors(py::module_& m);       // errors.cpp
void register_core(py::module_& m);         // bind_core.cpp: Money, calendar
void register_model(py::module_& m);        // bind_model.cpp: strategy graph, JSON format, validation
void register_analysis(py::module_& m);     // bind_analysis.cpp: coverage, reach, trace, diff, ...
void register_grl(py::module_& m);          // bind_grl.cpp: goal-model evaluation, jUCMNav import
void register_decide(py::module_& m);       // bind_decide.cpp: ranking, AHP, weights, SMAA, sensitivity
void register_decide_json(py::module_& m);  // bind_decide_json.cpp: the koers.decision reader
void register_budget(py::module_& m);       // bind_budget.cpp: portfolio, selection, scenarios, sweeps
void register_ahp(py::module_& m);          // bind_ahp.cpp: AHP judgments, priorities, consistency, groups
void register_calendar(py::module_& m);     // bind_calendar.cpp: Dutch calendar, working days, hours
void register_learning(py::module_& m);     // bind_learning.cpp: roster, learning-time entitlement
void register_archimate(py::module_& m);    // bind_archimate.cpp: ArchiMate exchange format
void register_academy(py::module_& m);      // bind_academy.cpp: CSV tables, the academy event log and its KPIs
}  // namespace koers::python
