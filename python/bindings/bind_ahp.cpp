// Bindings for AHP (thin). A koers.ahp document is the C++ AhpDocument (read from a file by C++,
// or from a Python dict translated to JSON values once, json_value.hpp); the document and its
// analysis come back as Python objects: the JSON value of their one writer (src/result_json.hpp:
// document_value, analysis_value — the fields and key order of `koers ahp --json`) translated by
// to_python (`_test_ahp_analyse_json` keeps the text for a test that holds both to the same
// content). No JSON text crosses.
#include "bindings.hpp"
#include "json_value.hpp"
#include "result_json.hpp"

#include <pybind11/eigen.h>

#include <tuple>

#include <koers/decide/ahp.hpp>
#include <koers/decide/ahp_json.hpp>
#include <koers/decide/random_index.hpp>

namespace koers::python {

void register_ahp(py::module_& m) {
  using namespace koers::decide;
  auto release = py::call_guard<py::gil_scoped_release>();
  py::class_<AhpDocument>(m, "AhpDocument", "A checked koers.ahp document (comparisons, judges or a hierarchy).")
      .def_readonly("name", &AhpDocument::name)
      .def_readonly("hierarchy", &AhpDocument::hierarchy)
      .def(
          "to_dict", [](const AhpDocument& d) { return py::dict(to_python(document_value(d))); },
          "The document as koers writes it (the fields of to_json), as a dict.")
      .def(
          "to_json", [](const AhpDocument& d, int indent) { return to_json(d, indent); }, "indent"_a = 2,
          "koers.ahp JSON.")
      .def("__eq__", [](const AhpDocument& a, const AhpDocument& b) { return a == b; });
  m.def(
      "ahp_read",
      [](py::handle doc, const std::string& origin) {
        std::string text = json_text_of(doc);
        py::gil_scoped_release nogil;
        return parse_ahp(text, origin);
      },
      "doc"_a, "origin"_a = "ahp",
      "Read and check a koers.ahp document given as a Python dict (the reader of files: codes and JSON paths).");
  m.def(
      "ahp_load", [](const std::string& path) { return load_ahp(path); }, "path"_a, "Load and check a koers.ahp file.",
      release);
  m.def(
      "ahp_analyse",
      [](const AhpDocument& d) {
        auto v = [&] {
          py::gil_scoped_release nogil;
          return analysis_value(analyse_ahp(d));
        }();
        return py::dict(to_python(v));
      },
      "document"_a, "Run a koers.ahp document; the result as a dict (the fields of koers ahp --json).");
  m.def(
      "_test_ahp_analyse_json", [](const AhpDocument& d) { return analyse_ahp_json(d); }, "document"_a,
      "Test only: the C++ JSON of the analysis, to hold ahp_analyse to.", release);
  m.def(
      "ahp_random_index",
      [](int n, const std::string& table) {
        auto r = random_index(n, parse_random_index_table(table));
        return py::dict("n"_a = r.n, "value"_a = r.value, "table"_a = to_string(r.table),
                        "table_name"_a = citation(r.table), "source"_a = r.source, "samples"_a = r.samples,
                        "seed"_a = r.seed, "note"_a = r.note);
      },
      "n"_a, "table"_a, "RI(n) from a named table, with how it was obtained.");
  m.def(
      "ahp_principal_eigen",
      [](const Eigen::MatrixXd& a, double tolerance) {
        auto r = principal_eigen(a, {.tolerance = tolerance});
        return std::make_tuple(r.vector, r.value, r.iterations);
      },
      "matrix"_a, "tolerance"_a = 1e-13, "Principal eigenvector (sum 1), λmax and iterations by power iteration.",
      release);
  m.def(
      "ahp_geometric_mean", [](const Eigen::MatrixXd& a) -> Eigen::VectorXd { return geometric_mean_priorities(a); },
      "matrix"_a, "Row geometric means, normalised to sum 1.");
  m.def("ahp_koczkodaj_triad", &koczkodaj_triad, "a_ij"_a, "a_jk"_a, "a_ik"_a,
        "Koczkodaj's inconsistency of one triad.");
}

}  // namespace koers::python
