// Bindings for GRL goal-model evaluation and the jUCMNav importer (thin; results cross as JSON).
#include "bindings.hpp"

#include <koers/analysis/grl.hpp>
#include <koers/io/jucm.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace koers::python {
void register_grl(py::module_& m) {
  auto release = py::call_guard<py::gil_scoped_release>();
  py::enum_<grl::Algorithm>(m, "GrlAlgorithm", "GRL propagation algorithm (jUCMNav).")
      .value("quantitative", grl::Algorithm::quantitative)
      .value("qualitative", grl::Algorithm::qualitative);
  py::class_<grl::Model>(m, "GrlModel", "A GRL model (intentional elements, links, actors, strategies).")
      .def_readonly("name", &grl::Model::name)
      .def_readonly("default_algorithm", &grl::Model::default_algorithm)
      .def("strategy_names", &grl::Model::strategy_names, "Strategy names in order.")
      .def("to_json", [](const grl::Model& g, int indent) { return grl::to_json(g, indent); }, "indent"_a = -1,
           "The model as JSON text.")
      .def(py::pickle([](const grl::Model& g) { return py::make_tuple(1, grl::to_json(g, -1)); },
                      [](const py::tuple& t) {
                        if (t.size() != 2 || t[0].cast<int>() != 1)
                          throw InputError(Errc::invalid_value, "GrlModel pickle: unknown state (format version 1 expected)");
                        return grl::model_from_json(t[1].cast<std::string>());
                      }));
  m.def("grl_load_jucm", &io::load_jucm, "path"_a, release, "Load a jUCMNav .jucm file as a GRL model.");
  m.def("grl_parse_jucm", [](const std::string& text, const std::string& origin) { return io::parse_jucm(text, origin); },
        "text"_a, "origin"_a = "jucm", release, "Parse jUCMNav XMI text as a GRL model.");
  m.def("grl_from_graph", &grl::from_graph, "graph"_a, release, "The GRL model of a strategy graph.");
  m.def("grl_evaluate",
        [](const grl::Model& g, const std::string& strategy, std::optional<grl::Algorithm> algorithm, int tolerance) {
          return grl::to_json(grl::evaluate(g, strategy, {.algorithm = algorithm, .tolerance = tolerance}));
        },
        "model"_a, "strategy"_a, "algorithm"_a = py::none(), "tolerance"_a = 10, release,
        "Evaluate one strategy; the result as JSON text.");
  // the fast path for large models: values and labels only, no explanation text crosses
  m.def("grl_values",
        [](const grl::Model& g, const std::string& strategy, std::optional<grl::Algorithm> algorithm, int tolerance) {
          grl::Result r;
          {
            py::gil_scoped_release unlocked;
            r = grl::evaluate(g, strategy, {.algorithm = algorithm, .tolerance = tolerance, .explain = false});
          }
          std::vector<std::string> ids, labels;
          py::array_t<int> values(static_cast<py::ssize_t>(r.elements.size()));
          auto v = values.mutable_unchecked<1>();
          ids.reserve(r.elements.size());
          labels.reserve(r.elements.size());
          for (std::size_t i = 0; i < r.elements.size(); ++i) {
            ids.push_back(r.elements[i].id);
            labels.push_back(std::string(grl::to_string(r.elements[i].label)));
            v(static_cast<py::ssize_t>(i)) = r.elements[i].value;
          }
          return py::make_tuple(ids, values, labels);
        },
        "model"_a, "strategy"_a, "algorithm"_a = py::none(), "tolerance"_a = 10,
        "Evaluate one strategy; (ids, values as an int array, labels), without explanations.");
}
}  // namespace koers::python
