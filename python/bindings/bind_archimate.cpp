// Bindings for the ArchiMate exchange format (thin: the C++ types cross as Python objects;
// lists of elements and relationships are references into the model, not copies).
#include "bindings.hpp"

#include <koers/io/archimate.hpp>

namespace koers::python {
void register_archimate(py::module_& m) {
  namespace am = koers::archimate;
  auto release = py::call_guard<py::gil_scoped_release>();
  // the lists are returned by const reference with reference_internal (not by pointer: pybind11's
  // caster for a pointer to a vector has a `delete` for take_ownership, which never runs here but
  // which GCC 12 reports as -Wfree-nonheap-object once it inlines the caster)
  auto ref = py::return_value_policy::reference_internal;
  py::class_<am::LangString>(m, "ArchimateText", "A text with its xml:lang.")
      .def_readonly("lang", &am::LangString::lang)
      .def_readonly("text", &am::LangString::text)
      .def("__repr__", [](const am::LangString& s) { return "<" + s.lang + "> " + s.text; });
  py::class_<am::Property>(m, "ArchimateProperty", "A property: definition id and values.")
      .def_readonly("definition", &am::Property::definition)
      .def_property_readonly(
          "values", [](const am::Property& p) -> const auto& { return p.values; }, ref);
  py::class_<am::PropertyDefinition>(m, "ArchimatePropertyDefinition")
      .def_readonly("id", &am::PropertyDefinition::id)
      .def_readonly("type", &am::PropertyDefinition::type)
      .def_property_readonly(
          "names", [](const am::PropertyDefinition& p) -> const auto& { return p.names; }, ref);
  py::class_<am::Element>(m, "ArchimateElement", "An ArchiMate element.")
      .def_readonly("id", &am::Element::id)
      .def_readonly("type", &am::Element::type)
      .def_readonly("line", &am::Element::line)
      .def_readonly("extensions", &am::Element::extensions)
      .def_property_readonly(
          "names", [](const am::Element& e) -> const auto& { return e.names; }, ref)
      .def_property_readonly(
          "documentation", [](const am::Element& e) -> const auto& { return e.documentation; }, ref)
      .def_property_readonly(
          "properties", [](const am::Element& e) -> const auto& { return e.properties; }, ref);
  py::class_<am::Relationship>(m, "ArchimateRelationship", "An ArchiMate relationship.")
      .def_readonly("id", &am::Relationship::id)
      .def_readonly("type", &am::Relationship::type)
      .def_readonly("source", &am::Relationship::source)
      .def_readonly("target", &am::Relationship::target)
      .def_readonly("access_type", &am::Relationship::access_type)
      .def_readonly("modifier", &am::Relationship::modifier)
      .def_readonly("is_directed", &am::Relationship::is_directed)
      .def_readonly("line", &am::Relationship::line)
      .def_property_readonly(
          "names", [](const am::Relationship& e) -> const auto& { return e.names; }, ref)
      .def_property_readonly(
          "documentation", [](const am::Relationship& e) -> const auto& { return e.documentation; }, ref)
      .def_property_readonly(
          "properties", [](const am::Relationship& e) -> const auto& { return e.properties; }, ref);
  py::class_<am::Item>(m, "ArchimateItem", "A node of the organizations tree.")
      .def_readonly("id", &am::Item::id)
      .def_readonly("ref", &am::Item::ref)
      .def_property_readonly(
          "labels", [](const am::Item& i) -> const auto& { return i.labels; }, ref)
      .def_property_readonly(
          "documentation", [](const am::Item& i) -> const auto& { return i.documentation; }, ref)
      .def_property_readonly(
          "items", [](const am::Item& i) -> const auto& { return i.items; }, ref);
  py::class_<am::Model>(m, "ArchimateModel", "An ArchiMate model (exchange format 3.x).")
      .def(py::init<>())
      .def_readonly("id", &am::Model::id)
      .def_readonly("version", &am::Model::version)
      .def_readonly("metadata_xml", &am::Model::metadata_xml)
      .def_readonly("views_xml", &am::Model::views_xml)
      .def_readonly("view_count", &am::Model::view_count)
      .def_readonly("namespaces", &am::Model::namespaces)
      .def_property_readonly(
          "names", [](const am::Model& x) -> const auto& { return x.names; }, ref)
      .def_property_readonly(
          "documentation", [](const am::Model& x) -> const auto& { return x.documentation; }, ref)
      .def_property_readonly(
          "properties", [](const am::Model& x) -> const auto& { return x.properties; }, ref)
      .def_property_readonly(
          "elements", [](const am::Model& x) -> const auto& { return x.elements; }, ref)
      .def_property_readonly(
          "relationships", [](const am::Model& x) -> const auto& { return x.relationships; }, ref)
      .def_property_readonly(
          "organizations", [](const am::Model& x) -> const auto& { return x.organizations; }, ref)
      .def_property_readonly(
          "property_definitions", [](const am::Model& x) -> const auto& { return x.property_definitions; }, ref)
      .def("element", &am::Model::element, "id"_a, ref, "The element with this identifier, or None.")
      .def("relationship", &am::Model::relationship, "id"_a, ref, "The relationship with this identifier, or None.")
      .def("property_definition", &am::Model::property_definition, "id"_a, ref)
      .def("__eq__", [](const am::Model& a, const am::Model& b) { return a == b; })
      .def("__copy__", [](const am::Model& a) { return am::Model(a); });
  m.def("archimate_load", &am::load_archimate, "path"_a, release, "Load an ArchiMate exchange file.");
  m.def(
      "archimate_parse",
      [](const std::string& text, const std::string& origin) { return am::parse_archimate(text, origin); }, "text"_a,
      "origin"_a = "archimate", release, "Parse exchange-file text.");
  m.def(
      "archimate_parse_json",
      [](const std::string& text, const std::string& origin) { return am::parse_archimate_json(text, origin); },
      "text"_a, "origin"_a = "archimate json", release, "Parse koers.archimate JSON.");
  m.def("archimate_to_xml", &am::to_xml, "model"_a, release, "The model as exchange-file XML.");
  m.def("archimate_save", &am::save_archimate, "model"_a, "path"_a, release, "Write an exchange file.");
  m.def("archimate_to_json", &am::to_json, "model"_a, "indent"_a = 2, release, "The model as koers.archimate JSON.");
  m.def("archimate_is_xs_id", &am::is_xs_id, "text"_a);
  m.def(
      "archimate_stats",
      [](const am::Model& x) {
        auto s = am::stats(x);
        py::dict d, e, r;
        for (auto& [k, v] : s.elements) e[py::str(k)] = v;
        for (auto& [k, v] : s.relationships) r[py::str(k)] = v;
        d["elements"] = e;
        d["relationships"] = r;
        d["property_definitions"] = s.property_definitions;
        d["organizations"] = s.organizations;
        d["views"] = s.views;
        return d;
      },
      "model"_a, "Counts per type, property definitions, organization items, views.");
  py::class_<am::FieldChange>(m, "ArchimateFieldChange")
      .def_readonly("field", &am::FieldChange::field)
      .def_readonly("before", &am::FieldChange::before)
      .def_readonly("after", &am::FieldChange::after);
  py::class_<am::ConceptChange>(m, "ArchimateConceptChange")
      .def_readonly("id", &am::ConceptChange::id)
      .def_readonly("type", &am::ConceptChange::type)
      .def_readonly("name", &am::ConceptChange::name)
      .def_readonly("changes", &am::ConceptChange::changes)
      .def_property_readonly("renamed", &am::ConceptChange::renamed);
  py::class_<am::DiffPart>(m, "ArchimateDiffPart")
      .def_readonly("added", &am::DiffPart::added)
      .def_readonly("removed", &am::DiffPart::removed)
      .def_readonly("changed", &am::DiffPart::changed);
  py::class_<am::ModelDiff>(m, "ArchimateDiff")
      .def_readonly("elements", &am::ModelDiff::elements)
      .def_readonly("relationships", &am::ModelDiff::relationships);
  m.def("archimate_diff", &am::diff, "before"_a, "after"_a, release, "What changed between two models, by identifier.");
  m.def(
      "archimate_to_graph",
      [](const am::Model& x, const std::vector<std::string>& kinds) {
        std::vector<NodeKind> ks;
        for (const auto& k : kinds) {
          auto nk = parse_node_kind(k);
          if (!nk) throw_error(Errc::invalid_argument, "unknown node kind '" + k + "'", {k});
          ks.push_back(*nk);
        }
        am::Unmapped u;
        StrategyGraph g;
        {
          py::gil_scoped_release unlocked;
          g = am::to_graph(x, ks, &u);
        }
        return py::make_tuple(std::move(g), u.elements, u.relationships);
      },
      "model"_a, "kinds"_a = std::vector<std::string>{},
      "The strategy graph of the mapped elements: (graph, unmapped element ids, unmapped relationship ids).");
  m.def("archimate_from_graph", &am::from_graph, "graph"_a, release, "A koers model as an ArchiMate model.");
  py::list nodes, edges, mods;
  for (const auto& r : am::node_mappings)
    nodes.append(py::make_tuple(std::string(r.archimate_type), std::string(to_string(r.kind)), r.primary));
  for (const auto& r : am::edge_mappings)
    edges.append(py::make_tuple(
        std::string(r.archimate_type), std::string(to_string(r.kind)), r.reversed,
        r.only_from ? py::object(py::str(std::string(to_string(*r.only_from)))) : py::object(py::none())));
  for (const auto& r : am::modifier_mappings)
    mods.append(py::make_tuple(std::string(r.modifier), std::string(r.label)));
  m.attr("archimate_node_mappings") = nodes;
  m.attr("archimate_edge_mappings") = edges;
  m.attr("archimate_modifier_mappings") = mods;
}
}  // namespace koers::python
