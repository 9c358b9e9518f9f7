// Bindings for AHP (thin). Documents and results cross as JSON strings that koers.ahp turns into
// objects, Series and DataFrames.
#include "bindings.hpp"

#include <pybind11/eigen.h>

#include <tuple>

#include <koers/decide/ahp.hpp>
#include <koers/decide/ahp_json.hpp>
#include <koers/decide/random_index.hpp>

namespace koers::python {

void register_ahp(py::module_& m) {
  using namespace koers::decide;
  auto release = py::call_guard<py::gil_scoped_release>();
  m.def(
      "ahp_analyse_json",
      [](const std::string& text, const std::string& origin) { return analyse_ahp_json(parse_ahp(text, origin)); },
      "text"_a, "origin"_a = "ahp", "Run a koers.ahp document; the result as JSON.", release);
  m.def(
      "ahp_analyse_file", [](const std::string& path) { return analyse_ahp_json(load_ahp(path)); }, "path"_a,
      "Run a koers.ahp file; the result as JSON.", release);
  m.def(
      "ahp_normalise_json",
      [](const std::string& text, const std::string& origin) { return to_json(parse_ahp(text, origin), -1); }, "text"_a,
      "origin"_a = "ahp", "Parse and check a koers.ahp document; the document as written by koers.", release);
  m.def(
      "ahp_load_json", [](const std::string& path) { return to_json(load_ahp(path), -1); }, "path"_a,
      "Load and check a koers.ahp file; the document as JSON.", release);
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
