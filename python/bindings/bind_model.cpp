// Bindings for the strategy graph, its JSON format and validation (thin). A model given as a
// Python dict crosses as JSON values (json_value.hpp: NaN E110, a cycle or deep nesting E108,
// each at its JSON path), read by the reader of files.
#include "bindings.hpp"
#include "json_value.hpp"

#include <koers/model/model_json.hpp>
#include <koers/model/strategy_graph.hpp>

#include <pybind11/numpy.h>

#include <cstdint>

namespace koers::python {
namespace {
template <class Field>
py::list at_nodes(const StrategyGraph& g,
                  const py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>& at, Field field) {
  auto a = at.unchecked<1>();
  py::list out(static_cast<std::size_t>(a.shape(0)));
  for (py::ssize_t i = 0; i < a.shape(0); ++i) {
    std::size_t v = a(i);
    if (v >= g.size()) throw py::index_error("node index " + std::to_string(v) + " out of range");
    std::string_view s = field(v);
    out[static_cast<std::size_t>(i)] = py::str(s.data(), s.size());
  }
  return out;
}
}  // namespace

void register_model(py::module_& m) {
  using G = StrategyGraph;
  auto release = py::call_guard<py::gil_scoped_release>();
  py::class_<Issue>(m, "Issue", "One problem found by validation.")
      .def_property_readonly("code", [](const Issue& i) { return code_string(i.code); })
      .def_property_readonly("code_number", [](const Issue& i) { return static_cast<int>(i.code); })
      .def_readonly("elements", &Issue::elements)
      .def_readonly("message", &Issue::message);
  py::class_<G>(m, "StrategyGraph", "A strategy graph (developments -> goals -> learning goals <- interventions).")
      .def(py::init<>())
      .def_readwrite("name", &G::name)
      .def_readwrite("source", &G::source)
      .def_readwrite("period_start", &G::period_start)
      .def_readwrite("period_end", &G::period_end)
      .def("size", &G::size, "Number of nodes.")
      .def("edge_count", &G::edge_count, "Number of edges.")
      .def("counts", &G::counts, "Number of nodes per kind.")
      .def(
          "has", [](const G& g, const std::string& id) { return g.index_of(id).has_value(); }, "id"_a)
      .def("check", &G::check, "Every problem, with codes.", release)
      .def("validate", &G::validate, "Throw ModelError listing every problem.", release)
      .def("to_json", &to_json, "indent"_a = 2, "The model as koers.model JSON.", release)
      .def(
          "ids_at",
          [](const G& g, const py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>& at) {
            return at_nodes(g, at, [&](std::size_t v) -> std::string_view { return g.node_id(v); });
          },
          "at"_a, "The ids of the nodes at these indices.")
      .def(
          "names_at",
          [](const G& g, const py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>& at) {
            return at_nodes(g, at, [&](std::size_t v) { return g.node_name(v); });
          },
          "at"_a, "The names of the nodes at these indices.")
      .def(
          "kinds_at",
          [](const G& g, const py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>& at) {
            std::vector<py::str> kinds;  // interned: one str per kind
            for (auto k : all_node_kinds) kinds.emplace_back(std::string(to_string(k)));
            auto a = at.unchecked<1>();
            py::list out(static_cast<std::size_t>(a.shape(0)));
            for (py::ssize_t i = 0; i < a.shape(0); ++i) {
              std::size_t v = a(i);
              if (v >= g.size()) throw py::index_error("node index " + std::to_string(v) + " out of range");
              out[static_cast<std::size_t>(i)] = kinds[static_cast<std::size_t>(g.node_kind(v))];
            }
            return out;
          },
          "at"_a, "The kinds of the nodes at these indices.")
      .def(
          "strengths_at",
          [](const G& g, const py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>& at) {
            auto a = at.unchecked<1>();
            py::list out(static_cast<std::size_t>(a.shape(0)));
            for (py::ssize_t i = 0; i < a.shape(0); ++i) {
              std::size_t e = a(i);
              if (e >= g.edge_count()) throw py::index_error("edge index out of range");
              py::object v = !g.edge_has_strength(e)    ? py::object(py::none())
                             : g.edge_strength_value(e) ? py::object(py::float_(*g.edge_strength_value(e)))
                                                        : py::object(py::str(g.edge_strength_label(e)));
              out[static_cast<std::size_t>(i)] = v;
            }
            return out;
          },
          "at"_a, "The strengths of the edges at these indices (a number, a label, or None).")
      .def("__eq__", [](const G& a, const G& b) { return a == b; });
  m.def("parse_model", &parse_model, "text"_a, "origin"_a = "model", "Parse koers.model JSON text.", release);
  m.def(
      "model_from_dict",
      [](py::handle doc, const std::string& origin) {
        std::string text = json_text_of(doc);
        py::gil_scoped_release nogil;
        return parse_model(text, origin);
      },
      "doc"_a, "origin"_a = "model",
      "Read a koers.model document given as a Python dict (the reader of files: codes and JSON paths).");
  m.def("load_model", &load_model, "path"_a, "Load a koers.model file.", release);
  py::class_<ModelValidation>(m, "ModelValidation",
                              "Every problem in a model file: the reader's (each with its JSON path) and the graph's.")
      .def_readonly("issues", &ModelValidation::issues)
      .def_readonly("graph", &ModelValidation::graph)
      .def_property_readonly("valid", &ModelValidation::valid);
  m.def("validate_model", &validate_model, "path"_a, "Validate a koers.model file, collecting every problem.", release);
  m.def("validate_model_text", &validate_model_text, "text"_a, "origin"_a = "model",
        "Validate koers.model JSON text, collecting every problem.", release);
  m.def("save_model", &save_model, "graph"_a, "path"_a, "Write a koers.model file.", release);
}
}  // namespace koers::python
