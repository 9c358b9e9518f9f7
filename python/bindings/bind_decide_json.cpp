// Bindings for the koers.decision reader (include/koers/decide/problem_json.hpp): the C++
// DecisionDocument crosses as the Python objects koers.decide works with (lists, dicts, a NumPy
// score matrix) — types translated, no JSON text. A document built in Python (a dict) is
// translated to JSON values (json_value.hpp), refusing what JSON cannot hold (NaN, a cycle, deep nesting).
#include "bindings.hpp"
#include "json_value.hpp"

#include <pybind11/numpy.h>

#include <koers/decide/problem_json.hpp>

namespace koers::python {
namespace {
py::array_t<double> to_numpy(const Eigen::MatrixXd& x) {
  py::array_t<double> a({x.rows(), x.cols()});
  auto v = a.mutable_unchecked<2>();
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < x.cols(); ++j) v(i, j) = x(i, j);
  return a;
}

py::dict to_python(const decide::DecisionDocument& d) {
  using namespace koers::decide;
  py::list crits;
  for (std::size_t j = 0; j < d.problem.criteria.size(); ++j) {
    const auto& c = d.problem.criteria[j];
    const auto& t = d.criterion_text[j];
    py::dict o("name"_a = c.name, "direction"_a = to_string(c.direction));
    if (t.id) o["id"] = *t.id;
    if (t.description) o["description"] = *t.description;
    if (c.weight) o["weight"] = *c.weight;
    if (c.scale) o["scale"] = py::make_tuple(c.scale->lo, c.scale->hi);
    if (c.preference) {
      py::dict p("function"_a = to_string(c.preference->function));
      if (t.preference_given.q) p["q"] = c.preference->q;
      if (t.preference_given.p) p["p"] = c.preference->p;
      if (t.preference_given.s) p["s"] = c.preference->s;
      o["preference"] = p;
    }
    crits.append(o);
  }
  py::object method = py::none();
  if (d.method) {
    py::dict m("name"_a = d.method->name);
    if (d.method->normalisation) m["normalisation"] = *d.method->normalisation;
    if (d.method->v) m["v"] = *d.method->v;
    if (d.method->has_value_functions) {
      py::dict vfs;
      for (const auto& [name, f] : d.method->value_functions) vfs[py::str(name)] = py::dict("x"_a = f.x, "v"_a = f.v);
      m["value_functions"] = vfs;
    }
    method = m;
  }
  py::object smaa = py::none();
  if (d.smaa) {
    const auto& s = *d.smaa;
    py::dict o;
    if (s.samples) o["samples"] = *s.samples;
    if (s.seed) o["seed"] = *s.seed;
    if (s.confidence_samples) o["confidence_samples"] = *s.confidence_samples;
    if (s.weights) o["weights"] = *s.weights;
    if (s.has_intervals) {
      py::dict iv;
      for (const auto& [name, b] : s.intervals) iv[py::str(name)] = py::make_tuple(b.first, b.second);
      o["intervals"] = iv;
    }
    if (s.has_orderings) {
      py::list os;
      for (const auto& [a, b] : s.orderings) os.append(py::make_tuple(a, b));
      o["orderings"] = os;
    }
    if (s.score_model) o["score_model"] = *s.score_model;
    if (s.score_spread) o["score_spread"] = *s.score_spread;
    if (s.score_spread_matrix) o["score_spread"] = to_numpy(*s.score_spread_matrix);
    smaa = o;
  }
  py::object sens = py::none();
  if (d.sensitivity) {
    py::dict o;
    if (d.sensitivity->top_k) o["top_k"] = *d.sensitivity->top_k;
    if (d.sensitivity->steps) o["steps"] = *d.sensitivity->steps;
    sens = o;
  }
  py::dict meta;
  for (const auto& [k, v] : d.meta) meta[py::str(k)] = v;
  return py::dict("alternatives"_a = d.problem.alternatives, "criteria"_a = crits,
                  "scores"_a = to_numpy(d.problem.scores), "method"_a = method, "smaa"_a = smaa, "sensitivity"_a = sens,
                  "meta"_a = meta);
}

}  // namespace

void register_decide_json(py::module_& root) {
  py::module_ m = root.attr("decide");
  auto release = py::call_guard<py::gil_scoped_release>();
  m.def(
      "parse_decision",
      [](const std::string& text, const std::string& origin) {
        decide::DecisionDocument d;
        {
          py::gil_scoped_release r;
          d = decide::parse_decision(text, origin);
        }
        return to_python(d);
      },
      "text"_a, "origin"_a = "decision", "Read koers.decision JSON text (every problem names its JSON path).");
  m.def(
      "load_decision",
      [](const std::string& path) {
        decide::DecisionDocument d;
        {
          py::gil_scoped_release r;
          d = decide::load_decision(path);
        }
        return to_python(d);
      },
      "path"_a, "Read a koers.decision file.");
  m.def(
      "decision_from_dict",
      [](py::handle doc) {
        if (!py::isinstance<py::dict>(doc))
          throw InputError::at(
              Errc::wrong_type, "",
              "expected an object, got " + std::string(py::str(py::type::handle_of(doc).attr("__name__"))));
        std::string text = json_text_of(doc);
        decide::DecisionDocument d;
        {
          py::gil_scoped_release r;
          d = decide::parse_decision(text, "decision");
        }
        return to_python(d);
      },
      "doc"_a, "Read a koers.decision document given as a Python dict.");
  (void)release;
}
}  // namespace koers::python
