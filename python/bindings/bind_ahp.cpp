// Bindings for AHP (thin). A koers.ahp document is the C++ AhpDocument (read from a file by C++,
// or from a Python dict translated to JSON values once, json_value.hpp); its analysis comes back
// as Python objects built here from the C++ results — dicts, lists and numbers with the fields and
// key order of the JSON of `koers ahp --json` (analysis_to_json; `_test_ahp_analyse_json` keeps
// the C++ JSON for a test that holds both to the same content). No JSON text crosses.
#include "bindings.hpp"
#include "json_value.hpp"

#include <pybind11/eigen.h>

#include <cmath>
#include <tuple>

#include <koers/decide/ahp.hpp>
#include <koers/decide/ahp_json.hpp>
#include <koers/decide/random_index.hpp>

namespace koers::python {
namespace {
using namespace koers::decide;

/// A double as the JSON writer gives it back: None for NaN and ±inf (JSON's null).
py::object num(double v) { return std::isfinite(v) ? py::object(py::float_(v)) : py::object(py::none()); }

py::list numbers(const Eigen::VectorXd& v) {
  py::list a;
  for (Eigen::Index i = 0; i < v.size(); ++i) a.append(num(v(i)));
  return a;
}

py::dict keyed(const std::vector<std::string>& names, const Eigen::VectorXd& v) {
  py::dict o;
  for (std::size_t i = 0; i < names.size(); ++i) o[py::str(names[i])] = num(v(Eigen::Index(i)));
  return o;
}

py::dict judgment_dict(const Judgment& j) { return py::dict("a"_a = j.a, "b"_a = j.b, "value"_a = num(j.value)); }

py::list judgments_list(const std::vector<Judgment>& v) {
  py::list a;
  for (const auto& j : v) a.append(judgment_dict(j));
  return a;
}

// --- the document (the fields of to_json(AhpDocument)) -----------------------------------------
py::dict block_dict(const AhpBlock& b) {
  py::dict o;
  o["elements"] = b.elements;
  if (b.group()) {
    py::list js;
    for (const auto& j : b.judges)
      js.append(py::dict("name"_a = j.name, "weight"_a = num(j.weight), "judgments"_a = judgments_list(j.judgments)));
    o["judges"] = js;
  } else {
    o["judgments"] = judgments_list(b.judgments);
  }
  return o;
}

py::dict document_dict(const AhpDocument& d) {
  py::dict o;
  o["format"] = "koers.ahp";
  o["version"] = ahp_format_version;
  if (!d.name.empty()) o["name"] = d.name;
  if (!d.description.empty()) o["description"] = d.description;
  if (d.hierarchy) {
    o["criteria"] = block_dict(d.block);
    py::dict per;
    for (const auto& [c, js] : d.alternative_judgments) per[py::str(c)] = judgments_list(js);
    o["alternatives"] = py::dict("elements"_a = d.alternatives, "judgments"_a = per);
  } else {
    for (auto kv : block_dict(d.block)) o[kv.first] = kv.second;
  }
  if (d.block.group()) o["aggregation"] = to_string(d.options.aggregation);
  o["priorities"] = to_string(d.options.ahp.priorities);
  o["ri_table"] = to_string(d.options.ahp.ri_table);
  o["completion"] = to_string(d.options.ahp.completion);
  if (d.options.ahp.cr_threshold != 0.10) o["cr_threshold"] = num(d.options.ahp.cr_threshold);
  return o;
}

// --- the analysis (the fields of analysis_to_json, in its order) --------------------------------
py::dict result_dict(const AhpResult& r) {
  py::dict o;
  o["elements"] = r.elements;
  o["weights"] = keyed(r.elements, r.priorities);
  o["ranking"] = r.ranking();
  o["priority_method"] = to_string(r.priority_method);
  o["eigenvector"] = keyed(r.elements, r.eigenvector);
  o["geometric_mean"] = keyed(r.elements, r.geometric_mean);
  o["lambda_max"] = num(r.lambda_max);
  o["ci"] = num(r.ci);
  o["cr"] = num(r.cr);
  o["ri"] = num(r.ri.value);
  o["ri_table"] = to_string(r.ri.table);
  o["ri_table_name"] = citation(r.ri.table);
  o["ri_source"] = r.ri.source;
  o["ri_note"] = r.ri.note;
  if (r.ri.source == "monte-carlo") {
    o["ri_samples"] = r.ri.samples;
    o["ri_seed"] = r.ri.seed;
  }
  o["gci"] = num(r.gci);
  o["consistent"] = r.consistent;
  o["cr_threshold"] = num(r.cr_threshold);
  o["completion"] = to_string(r.completion);
  o["judged_pairs"] = r.judged_pairs;
  o["missing_pairs"] = r.completed.size();
  o["completed"] = judgments_list(r.completed);
  o["completion_cycles"] = r.completion_cycles;
  py::list tri;
  for (const auto& t : r.triads)
    tri.append(py::dict("elements"_a = py::cast(std::vector<std::string>(t.elements.begin(), t.elements.end())),
                        "a_ij"_a = num(t.a_ij), "a_jk"_a = num(t.a_jk), "a_ik"_a = num(t.a_ik),
                        "implied_a_ik"_a = num(t.a_ij * t.a_jk), "index"_a = num(t.index)));
  o["inconsistent"] = tri;
  o["triad_count"] = r.triad_count;
  o["koczkodaj_index"] = num(r.koczkodaj_index);
  if (r.revision) {
    const auto& v = *r.revision;
    o["revision"] = py::dict("a"_a = v.judgment.a, "b"_a = v.judgment.b, "value"_a = num(v.judgment.value),
                             "suggested"_a = num(v.suggested), "lambda_max_after"_a = num(v.lambda_max_after),
                             "cr_after"_a = num(v.cr_after));
  } else {
    o["revision"] = py::none();
  }
  py::list m;
  for (Eigen::Index i = 0; i < r.matrix.rows(); ++i) m.append(numbers(r.matrix.row(i).transpose()));
  o["matrix"] = m;
  o["eigen_iterations"] = r.eigen_iterations;
  o["warnings"] = r.warnings;
  return o;
}

py::dict group_dict(const GroupResult& g) {
  py::dict o = result_dict(g.group);
  o["kind"] = "group";
  o["aggregation"] = to_string(g.aggregation);
  o["consistency_of"] = g.consistency_of;
  o["disagreement_measure"] =
      "gci: geometric compatibility of the judge's judgments with the group priorities (Aguaron & Moreno-Jimenez 2003 "
      "GCI); "
      "distance: Euclidean distance of the judge's own priorities from the group's";
  py::dict js;
  for (const auto& j : g.judges) {
    py::dict x;
    x["weight"] = num(j.weight);
    x["judged_pairs"] = j.judged_pairs;
    x["gci"] = num(j.gci);
    x["distance"] = j.distance ? num(*j.distance) : py::object(py::none());
    x["max_difference"] = j.max_difference ? num(*j.max_difference) : py::object(py::none());
    if (j.own) {
      x["weights"] = keyed(j.own->elements, j.own->priorities);
      x["ranking"] = j.own->ranking();
      x["lambda_max"] = num(j.own->lambda_max);
      x["ci"] = num(j.own->ci);
      x["cr"] = num(j.own->cr);
      x["consistent"] = j.own->consistent;
      x["completed"] = judgments_list(j.own->completed);
      x["koczkodaj_index"] = num(j.own->koczkodaj_index);
    } else {
      x["weights"] = py::none();
    }
    js[py::str(j.name)] = x;
  }
  o["judges"] = js;
  o["warnings"] = g.warnings;  // the group's, in the place of the group result's
  return o;
}

/// The comparisons of an analysis (or the criteria of a hierarchy), with their kind.
py::dict block_result(const AhpAnalysis& a) {
  if (a.group) return group_dict(*a.group);
  py::dict o = result_dict(a.result);
  o["kind"] = "single";
  return o;
}

py::dict analysis_dict(const AhpAnalysis& a) {
  py::dict o;
  o["name"] = a.name;
  if (!a.hierarchy) {
    for (auto kv : block_result(a)) o[kv.first] = kv.second;
    return o;
  }
  const HierarchyResult& h = *a.hierarchy;
  o["kind"] = "hierarchy";
  py::dict top = block_result(a);  // built twice: the copies at the top share nothing with "criteria"
  for (const char* k : {"weights", "ranking", "lambda_max", "ci", "cr", "ri", "ri_table", "ri_table_name", "ri_source",
                        "completed", "inconsistent"})
    o[k] = top[k];
  o["ranking"] = h.ranking();
  py::dict criteria = block_result(a);
  const bool group = criteria.contains("judges");
  criteria.attr("pop")("kind");
  criteria["kind"] = group ? "group" : "single";
  o["criteria"] = criteria;
  py::dict loc, detail;
  for (const auto& [c, r] : h.local) {
    loc[py::str(c)] = keyed(r.elements, r.priorities);
    detail[py::str(c)] = result_dict(r);
  }
  o["alternatives"] = h.alternatives;
  o["local"] = loc;
  o["overall"] = keyed(h.alternatives, h.overall);
  o["local_details"] = detail;
  return o;
}
}  // namespace

void register_ahp(py::module_& m) {
  using namespace koers::decide;
  auto release = py::call_guard<py::gil_scoped_release>();
  py::class_<AhpDocument>(m, "AhpDocument", "A checked koers.ahp document (comparisons, judges or a hierarchy).")
      .def_readonly("name", &AhpDocument::name)
      .def_readonly("hierarchy", &AhpDocument::hierarchy)
      .def("to_dict", &document_dict, "The document as koers writes it (the fields of to_json), as a dict.")
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
        auto a = [&] {
          py::gil_scoped_release nogil;
          return analyse_ahp(d);
        }();
        return analysis_dict(a);
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
