// Bindings for the analyses of the strategy graph (thin).
#include "bindings.hpp"

#include <koers/analysis/coverage.hpp>
#include <koers/analysis/diff.hpp>
#include <koers/analysis/impact.hpp>
#include <koers/analysis/mix.hpp>
#include <koers/analysis/reach.hpp>
#include <koers/analysis/trace.hpp>

#include <pybind11/numpy.h>

#include <cstdint>

namespace koers::python {
namespace {
/// A NumPy copy of an index vector.
py::array_t<std::uint32_t> as_array(const std::vector<std::uint32_t>& v) {
  return py::array_t<std::uint32_t>(static_cast<py::ssize_t>(v.size()), v.data());
}
}  // namespace

void register_analysis(py::module_& m) {
  using namespace koers::analysis;
  auto release = py::call_guard<py::gil_scoped_release>();
  py::class_<CoverageEntry>(m, "CoverageEntry")
      .def_readonly("goal", &CoverageEntry::goal)
      .def_readonly("intervention", &CoverageEntry::intervention)
      .def_readonly("direct", &CoverageEntry::direct)
      .def_property_readonly("strength", [](const CoverageEntry& e) -> py::object {
        if (!e.strength) return py::none();
        if (e.strength->value) return py::float_(*e.strength->value);
        return py::str(e.strength->label);
      });
  py::class_<Coverage>(m, "Coverage")
      .def_readonly("goals", &Coverage::goals)
      .def_readonly("interventions", &Coverage::interventions)
      .def_readonly("entries", &Coverage::entries)
      .def_readonly("by_goal", &Coverage::by_goal)
      .def_readonly("gaps", &Coverage::gaps);
  py::class_<SparseCoverage>(m, "SparseCoverage",
                             "Coverage over node indices: one sparse row per goal, its cells the serving work.")
      .def_property_readonly("goals", [](const SparseCoverage& c) { return as_array(c.goals); })
      .def_property_readonly("work", [](const SparseCoverage& c) { return as_array(c.work); })
      .def_property_readonly("offset", [](const SparseCoverage& c) { return as_array(c.offset); })
      .def_property_readonly("cell_work", [](const SparseCoverage& c) { return as_array(c.cell_work); })
      .def_property_readonly("cell_edge", [](const SparseCoverage& c) { return as_array(c.cell_edge); })
      .def_readonly_static("indirect", &SparseCoverage::indirect)
      .def("cells", &SparseCoverage::cells);
  py::class_<TracePath>(m, "TracePath")
      .def_readonly("start", &TracePath::from)
      .def_readonly("end", &TracePath::to)
      .def_readonly("path", &TracePath::path);
  py::class_<Reach>(m, "Reach")
      .def_readonly("target_group", &Reach::target_group)
      .def_readonly("size", &Reach::size)
      .def_readonly("interventions", &Reach::interventions)
      .def_readonly("mandatory", &Reach::mandatory)
      .def_readonly("participants", &Reach::participants);
  py::class_<LearningMix>(m, "LearningMix")
      .def_readonly("node", &LearningMix::node)
      .def_readonly("on_the_job", &LearningMix::on_the_job)
      .def_readonly("with_others", &LearningMix::with_others)
      .def_readonly("formal", &LearningMix::formal)
      .def_readonly("unknown", &LearningMix::unknown)
      .def("deviation_points", &LearningMix::deviation_points);
  py::class_<RemovalImpact>(m, "RemovalImpact")
      .def_readonly("removed", &RemovalImpact::removed)
      .def_readonly("unsupported", &RemovalImpact::unsupported)
      .def_readonly("weakened", &RemovalImpact::weakened);
  py::class_<SinglePointOfFailure>(m, "SinglePointOfFailure")
      .def_readonly("node", &SinglePointOfFailure::node)
      .def_readonly("work", &SinglePointOfFailure::work);
  py::class_<AttributeChange>(m, "AttributeChange")
      .def_readonly("element", &AttributeChange::element)
      .def_readonly("field", &AttributeChange::field)
      .def_readonly("before", &AttributeChange::before)
      .def_readonly("after", &AttributeChange::after);
  py::class_<PlanDiff>(m, "PlanDiff")
      .def_readonly("nodes_added", &PlanDiff::nodes_added)
      .def_readonly("nodes_removed", &PlanDiff::nodes_removed)
      .def_readonly("edges_added", &PlanDiff::edges_added)
      .def_readonly("edges_removed", &PlanDiff::edges_removed)
      .def_readonly("changed", &PlanDiff::changed)
      .def("empty", &PlanDiff::empty);
  m.def("coverage", &coverage, "graph"_a, "Coverage of goals by interventions (id tables).", release);
  m.def("sparse_coverage", &sparse_coverage, "graph"_a, "Coverage of goals by work, over node indices.", release);
  m.def("trace_down", &trace_down, "graph"_a, "id"_a, "Interventions below a node, with paths.", release);
  m.def("trace_up", &trace_up, "graph"_a, "id"_a, "Developments and themes above a node, with paths.", release);
  m.def("reach", &reach, "graph"_a, "Reach per target group.", release);
  m.def("learning_mix", &learning_mix, "graph"_a, "The 70/20/10 mix per development and theme.", release);
  m.def("removal_impact", &removal_impact, "graph"_a, "drop"_a, "What dropping work does.", release);
  m.def("single_points_of_failure", &single_points_of_failure, "graph"_a, "Dominators among work.", release);
  m.def("diff", &diff, "before"_a, "after"_a, "What changed between two plans.", release);
}
}  // namespace koers::python
