// Bindings for GRL goal-model evaluation and the jUCMNav importer (thin): an evaluation crosses as
// a LazyResult (arrays of values, labels and flags; explanations built when Python asks).
#include "bindings.hpp"

#include <koers/analysis/grl.hpp>
#include <koers/io/jucm.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdint>

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
      .def(
          "to_json", [](const grl::Model& g, int indent) { return grl::to_json(g, indent); }, "indent"_a = -1,
          "The model as JSON text.")
      .def(py::pickle([](const grl::Model& g) { return py::make_tuple(1, grl::to_json(g, -1)); },
                      [](const py::tuple& t) {
                        if (t.size() != 2 || t[0].cast<int>() != 1)
                          throw InputError(Errc::invalid_value,
                                           "GrlModel pickle: unknown state (format version 1 expected)");
                        return grl::model_from_json(t[1].cast<std::string>());
                      }));
  m.def("grl_load_jucm", &io::load_jucm, "path"_a, release, "Load a jUCMNav .jucm file as a GRL model.");
  m.def(
      "grl_parse_jucm", [](const std::string& text, const std::string& origin) { return io::parse_jucm(text, origin); },
      "text"_a, "origin"_a = "jucm", release, "Parse jUCMNav XMI text as a GRL model.");
  m.def("grl_from_graph", &grl::from_graph, "graph"_a, release, "The GRL model of a strategy graph.");
  py::class_<grl::Input>(m, "GrlInput", "One input of an element's result (what a link brought).")
      .def_readonly("source", &grl::Input::source)
      .def_readonly("source_name", &grl::Input::source_name)
      .def_property_readonly("link", [](const grl::Input& i) { return std::string(grl::to_string(i.link)); })
      .def_property_readonly("contribution",
                             [](const grl::Input& i) -> py::object {
                               if (!i.contribution) return py::none();
                               return py::str(std::string(grl::to_string(*i.contribution)));
                             })
      .def_property_readonly("strength",
                             [](const grl::Input& i) -> py::object {
                               if (i.link != grl::LinkKind::contribution) return py::none();
                               return py::int_(i.strength);
                             })
      .def_property_readonly("importance", [](const grl::Input& i) { return i.strength; })
      .def_readonly("source_value", &grl::Input::source_value)
      .def_property_readonly("source_label",
                             [](const grl::Input& i) { return std::string(grl::to_string(i.source_label)); })
      .def_readonly("amount", &grl::Input::amount)
      .def_property_readonly("amount_label",
                             [](const grl::Input& i) { return std::string(grl::to_string(i.amount_label)); })
      .def_readonly("decisive", &grl::Input::decisive);
  py::class_<grl::ElementResult>(m, "GrlElementResult", "The result of one element, with its inputs and rule.")
      .def_readonly("id", &grl::ElementResult::id)
      .def_readonly("name", &grl::ElementResult::name)
      .def_readonly("kind", &grl::ElementResult::kind)
      .def_readonly("value", &grl::ElementResult::value)
      .def_property_readonly("label", [](const grl::ElementResult& e) { return std::string(grl::to_string(e.label)); })
      .def_readonly("given", &grl::ElementResult::given)
      .def_readonly("rule", &grl::ElementResult::rule)
      .def_readonly("inputs", &grl::ElementResult::inputs);
  py::class_<grl::ActorResult>(m, "GrlActorResult", "The result of one actor.")
      .def_readonly("id", &grl::ActorResult::id)
      .def_readonly("name", &grl::ActorResult::name)
      .def_readonly("value", &grl::ActorResult::value)
      .def_property_readonly("label", [](const grl::ActorResult& a) { return std::string(grl::to_string(a.label)); })
      .def_readonly("inputs", &grl::ActorResult::inputs);
  using grl::LazyResult;
  py::class_<LazyResult>(m, "GrlLazyResult",
                         "The evaluation of one strategy: values, labels and flags as arrays; explanations on demand.")
      .def_property_readonly("strategy", &LazyResult::strategy)
      .def_property_readonly("algorithm",
                             [](const LazyResult& r) { return std::string(grl::to_string(r.algorithm())); })
      .def("__len__", &LazyResult::size)
      .def(
          "arrays",
          [](const LazyResult& r) {
            const auto n = static_cast<py::ssize_t>(r.size());
            py::array_t<std::int32_t> values(n);
            py::array_t<std::uint8_t> labels(n);
            py::array_t<bool> given(n);
            auto v = values.mutable_unchecked<1>();
            auto l = labels.mutable_unchecked<1>();
            auto g = given.mutable_unchecked<1>();
            for (py::ssize_t i = 0; i < n; ++i) {
              auto k = static_cast<std::size_t>(i);
              v(i) = r.value(k);
              l(i) = static_cast<std::uint8_t>(r.label(k));
              g(i) = r.given(k);
            }
            return py::make_tuple(values, labels, given);
          },
          "(values int32, label codes uint8 in jUCMNav's Label order, given bool), one per element.")
      .def("ids",
           [](const LazyResult& r) {
             py::list out(r.size());
             for (std::size_t i = 0; i < r.size(); ++i) {
               auto s = r.id(i);
               out[i] = py::str(s.data(), s.size());
             }
             return out;
           })
      .def("names",
           [](const LazyResult& r) {
             py::list out(r.size());
             for (std::size_t i = 0; i < r.size(); ++i) {
               auto s = r.name(i);
               out[i] = py::str(s.data(), s.size());
             }
             return out;
           })
      .def("kinds",
           [](const LazyResult& r) {  // interned: one str object per distinct kind
             py::list out(r.size());
             std::vector<std::pair<std::string_view, py::str>> seen;
             for (std::size_t i = 0; i < r.size(); ++i) {
               auto s = r.kind(i);
               auto it = std::find_if(seen.begin(), seen.end(), [&](auto& p) { return p.first == s; });
               if (it == seen.end()) it = seen.insert(seen.end(), {s, py::str(s.data(), s.size())});
               out[i] = it->second;
             }
             return out;
           })
      .def(
          "rules",
          [](const LazyResult& r) {
            // every given element has the same rule: one str for all of them; the others are
            // computed without the GIL, then handed over (a rule equal to the one before shares its str)
            std::vector<std::string> rules(r.size());
            {
              py::gil_scoped_release unlocked;
              for (std::size_t i = 0; i < r.size(); ++i)
                if (!r.given(i)) rules[i] = r.rule(i);
            }
            py::list out(r.size());
            py::object given_rule, last;
            const std::string* last_text = nullptr;
            for (std::size_t i = 0; i < r.size(); ++i) {
              if (r.given(i)) {
                if (!given_rule) given_rule = py::str(r.rule(i));
                out[i] = given_rule;
                continue;
              }
              if (!last_text || *last_text != rules[i]) {
                last = py::str(rules[i]);
                last_text = &rules[i];
              }
              out[i] = last;
            }
            return out;
          },
          "Every element's rule, in order.")
      .def(
          "find", [](const LazyResult& r, const std::string& key) { return r.find(key); }, "key"_a,
          "Position of the element with this id (the last), else the first with this name; None when neither.")
      .def(
          "explain",
          [](const LazyResult& r, std::size_t i) {
            if (i >= r.size()) throw py::index_error("element position out of range");
            return r.explain(i);
          },
          "i"_a, release, "The inputs and rule of the element at position i.")
      .def_property_readonly("actors", &LazyResult::actors);
  m.def(
      "grl_evaluate_lazy",
      [](const grl::Model& g, const std::string& strategy, std::optional<grl::Algorithm> algorithm, int tolerance) {
        return grl::evaluate_lazy(g, strategy, {.algorithm = algorithm, .tolerance = tolerance});
      },
      "model"_a, "strategy"_a, "algorithm"_a = py::none(), "tolerance"_a = 10, release, py::keep_alive<0, 1>(),
      "Evaluate one strategy of a GRL model; explanations on demand.");
  m.def(
      "grl_evaluate_graph",
      [](const StrategyGraph& g, const std::string& strategy, std::optional<grl::Algorithm> algorithm, int tolerance) {
        return grl::evaluate_lazy(g, strategy, {.algorithm = algorithm, .tolerance = tolerance});
      },
      "graph"_a, "strategy"_a, "algorithm"_a = py::none(), "tolerance"_a = 10, release, py::keep_alive<0, 1>(),
      "Evaluate one strategy of a strategy graph as it is (no GRL model is built); explanations on demand.");
}
}  // namespace koers::python
