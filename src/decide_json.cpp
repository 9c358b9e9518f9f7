// The koers.decision reader (include/koers/decide/problem_json.hpp). Checks what the document
// is first (an object, its format and version), then in document order as the format
// prescribes — unknown fields of an object first, then its fields one by one — and names the
// origin (the file) and the JSON path of every problem. Objects keep their key order (ordered_json), so the
// value functions and SMAA intervals come back in the order the file gives them.
#include <koers/decide/problem_json.hpp>

#include <koers/io/file.hpp>

#include "json_util.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

namespace koers::decide {
namespace {
using ojson = nlohmann::ordered_json;

const char* const format_name = "koers.decision";

// The type names the format's messages use (those of the JSON value as a script sees it).
std::string type_of(const ojson& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "bool";
  if (v.is_number_integer()) return "int";
  if (v.is_number_float()) return "float";
  if (v.is_string()) return "str";
  if (v.is_array()) return "list";
  return "dict";
}

[[noreturn]] void fail(Errc code, const std::string& path, const std::string& message) {
  throw InputError::at(code, path, message);
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

const ojson& object(const ojson& x, const std::string& path, const std::vector<std::string>& allowed) {
  if (!x.is_object()) fail(Errc::wrong_type, path, "expected an object, got " + type_of(x));
  std::vector<std::string> sorted = allowed;
  std::sort(sorted.begin(), sorted.end());
  for (auto it = x.begin(); it != x.end(); ++it)
    if (!std::binary_search(sorted.begin(), sorted.end(), it.key()))
      fail(Errc::unknown_field, path + "/" + it.key(),
           "unknown field '" + it.key() + "' (allowed: " + join(sorted) + ")");
  return x;
}

const ojson& list(const ojson& x, const std::string& path) {
  if (!x.is_array()) fail(Errc::wrong_type, path, "expected an array, got " + type_of(x));
  return x;
}

std::string str(const ojson& x, const std::string& path) {
  if (!x.is_string()) fail(Errc::wrong_type, path, "expected a string, got " + type_of(x));
  return x.get<std::string>();
}

double num(const ojson& x, const std::string& path) {
  if (!x.is_number()) fail(Errc::wrong_type, path, "expected a number, got " + type_of(x));
  double d = x.get<double>();
  if (!std::isfinite(d)) fail(Errc::not_finite, path, "number is not finite");
  return d;
}

std::string choice(const ojson& x, const std::string& path, const std::vector<std::string>& allowed) {
  std::string s = str(x, path);
  if (std::find(allowed.begin(), allowed.end(), s) == allowed.end())
    fail(Errc::invalid_value, path, "'" + s + "' is not one of " + join(allowed));
  return s;
}

std::int64_t count(const ojson& x, const std::string& path) {
  if (!x.is_number_integer() ||
      (x.is_number_unsigned() &&
       x.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())))
    fail(Errc::invalid_value, path, "expected a non-negative integer below 2^63");
  auto v = x.get<std::int64_t>();
  if (v < 0) fail(Errc::invalid_value, path, "expected a non-negative integer below 2^63");
  return v;
}

const ojson* field(const ojson& o, const std::string& key) {
  auto it = o.find(key);
  return it == o.end() ? nullptr : &*it;
}
const ojson* given(const ojson& o, const std::string& key) {  // present and not null
  auto* v = field(o, key);
  return v && !v->is_null() ? v : nullptr;
}

const std::vector<std::string> top_fields = {"format", "version", "name",           "description",  "source",
                                             "note",   "credit",  "weights_source", "alternatives", "criteria",
                                             "scores", "method",  "smaa",           "sensitivity"};
const std::vector<std::string> meta_fields = {"name", "description", "source", "note", "credit", "weights_source"};

void read_criterion(const ojson& c0, const std::string& path, DecisionDocument& d) {
  const ojson& c = object(c0, path, {"name", "id", "description", "direction", "weight", "scale", "preference"});
  auto* name = field(c, "name");
  if (!name) fail(Errc::missing_field, path + "/name", "missing field 'name'");
  Criterion k;
  CriterionText t;
  k.name = str(*name, path + "/name");
  auto* dir = field(c, "direction");
  k.direction = dir && choice(*dir, path + "/direction", {"max", "min"}) == "min" ? Direction::min : Direction::max;
  if (auto* v = field(c, "id")) t.id = str(*v, path + "/id");
  if (auto* v = field(c, "description")) t.description = str(*v, path + "/description");
  if (auto* w = given(c, "weight")) k.weight = num(*w, path + "/weight");
  if (auto* s = given(c, "scale")) {
    const ojson& sc = list(*s, path + "/scale");
    if (sc.size() != 2)
      fail(Errc::size_mismatch, path + "/scale",
           "scale has " + std::to_string(sc.size()) + " entries, expected 2 [lo, hi]");
    k.scale = Scale{num(sc[0], path + "/scale/0"), num(sc[1], path + "/scale/1")};
  }
  if (auto* p = given(c, "preference")) {
    const ojson& pr = object(*p, path + "/preference", {"function", "q", "p", "s"});
    Preference pref;
    auto* f = field(pr, "function");
    pref.function = preference_from_string(
        f ? choice(*f, path + "/preference/function", {"usual", "u-shape", "v-shape", "level", "linear", "gaussian"})
          : std::string("usual"));
    if (auto* v = field(pr, "q")) {
      pref.q = num(*v, path + "/preference/q");
      t.preference_given.q = true;
    }
    if (auto* v = field(pr, "p")) {
      pref.p = num(*v, path + "/preference/p");
      t.preference_given.p = true;
    }
    if (auto* v = field(pr, "s")) {
      pref.s = num(*v, path + "/preference/s");
      t.preference_given.s = true;
    }
    k.preference = pref;
  }
  d.problem.criteria.push_back(std::move(k));
  d.criterion_text.push_back(std::move(t));
}

std::vector<std::string> criterion_names(const DecisionDocument& d) {
  std::vector<std::string> v;
  for (const auto& c : d.problem.criteria) v.push_back(c.name);
  return v;
}

MethodSpec read_method(const ojson& m0, const DecisionDocument& d) {
  const ojson& m = object(m0, "/method", {"name", "normalisation", "v", "value_functions"});
  MethodSpec s;
  if (auto* n = field(m, "name"))
    s.name = choice(*n, "/method/name", {"wsm", "topsis", "vikor", "promethee2", "spotis", "promethee"});
  if (s.name == "promethee") s.name = "promethee2";
  if (auto* n = field(m, "normalisation"))
    s.normalisation = choice(*n, "/method/normalisation", {"none", "vector", "minmax", "max", "sum", "scale"});
  if (auto* v = field(m, "v")) s.v = num(*v, "/method/v");
  if (auto* vf = field(m, "value_functions")) {
    s.has_value_functions = true;
    const ojson& vfs = object(*vf, "/method/value_functions", criterion_names(d));
    for (auto it = vfs.begin(); it != vfs.end(); ++it) {
      const std::string fp = "/method/value_functions/" + it.key();
      const ojson& f = object(it.value(), fp, {"x", "v"});
      ValueFunction fn;
      for (const char* axis : {"x", "v"}) {
        auto* pts = field(f, axis);
        if (!pts) continue;
        const ojson& a = list(*pts, fp + "/" + axis);
        auto& out = axis[0] == 'x' ? fn.x : fn.v;
        for (std::size_t k = 0; k < a.size(); ++k) out.push_back(num(a[k], fp + "/" + axis + "/" + std::to_string(k)));
      }
      s.value_functions.emplace_back(it.key(), std::move(fn));
    }
  }
  return s;
}

Eigen::MatrixXd read_matrix(const ojson& rows0, const std::string& path, Eigen::Index n, Eigen::Index m, bool spread,
                            const std::vector<std::string>& alternatives) {
  const ojson& rows = list(rows0, path);
  if (static_cast<Eigen::Index>(rows.size()) != n) {
    if (spread) fail(Errc::size_mismatch, path, "expected " + std::to_string(n) + " rows");
    fail(Errc::size_mismatch, path,
         "scores has " + std::to_string(rows.size()) + " rows, expected " + std::to_string(n) +
             " (one per alternative)");
  }
  Eigen::MatrixXd x(n, m);
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::string rp = path + "/" + std::to_string(i);
    const ojson& row = list(rows[static_cast<std::size_t>(i)], rp);
    if (static_cast<Eigen::Index>(row.size()) != m) {
      if (spread) fail(Errc::size_mismatch, rp, "expected " + std::to_string(m) + " entries");
      fail(Errc::size_mismatch, rp,
           "row of '" + alternatives[static_cast<std::size_t>(i)] + "' has " + std::to_string(row.size()) +
               " scores, expected " + std::to_string(m) + " (one per criterion)");
    }
    for (Eigen::Index j = 0; j < m; ++j) x(i, j) = num(row[static_cast<std::size_t>(j)], rp + "/" + std::to_string(j));
  }
  return x;
}

SmaaSpec read_smaa(const ojson& s0, const DecisionDocument& d) {
  const ojson& s =
      object(s0, "/smaa", {"samples", "seed", "weights", "intervals", "orderings", "scores", "confidence_samples"});
  SmaaSpec out;
  if (auto* v = field(s, "samples")) out.samples = count(*v, "/smaa/samples");
  if (auto* v = field(s, "seed")) out.seed = count(*v, "/smaa/seed");
  if (auto* v = field(s, "confidence_samples")) out.confidence_samples = count(*v, "/smaa/confidence_samples");
  if (auto* v = field(s, "weights")) out.weights = choice(*v, "/smaa/weights", {"uniform", "fixed"});
  const auto names = criterion_names(d);
  if (auto* v = field(s, "intervals")) {
    out.has_intervals = true;
    const ojson& iv = object(*v, "/smaa/intervals", names);
    for (auto it = iv.begin(); it != iv.end(); ++it) {
      const std::string p = "/smaa/intervals/" + it.key();
      const ojson& b = list(it.value(), p);
      if (b.size() != 2) fail(Errc::size_mismatch, p, "expected [lo, hi]");
      out.intervals.push_back({it.key(), {num(b[0], p + "/0"), num(b[1], p + "/1")}});
    }
  }
  if (auto* v = field(s, "orderings")) {
    out.has_orderings = true;
    const ojson& os = list(*v, "/smaa/orderings");
    for (std::size_t k = 0; k < os.size(); ++k) {
      const std::string p = "/smaa/orderings/" + std::to_string(k);
      const ojson& o = list(os[k], p);
      if (o.size() != 2) fail(Errc::size_mismatch, p, "expected [a, b] meaning weight of a >= weight of b");
      std::string a = str(o[0], p + "/0"), b = str(o[1], p + "/1");
      for (auto [x, idx] : {std::pair{a, 0}, std::pair{b, 1}})
        if (std::find(names.begin(), names.end(), x) == names.end())
          fail(Errc::unknown_name, p + "/" + std::to_string(idx), "unknown criterion '" + x + "'");
      out.orderings.emplace_back(std::move(a), std::move(b));
    }
  }
  if (auto* v = field(s, "scores")) {
    const ojson& sc = object(*v, "/smaa/scores", {"model", "spread"});
    auto* model = field(sc, "model");
    out.score_model =
        model ? choice(*model, "/smaa/scores/model", {"none", "uniform", "normal"}) : std::string("uniform");
    auto* spread = field(sc, "spread");
    if (!spread)
      out.score_spread = 0.0;
    else if (spread->is_number() && !spread->is_boolean())
      out.score_spread = num(*spread, "/smaa/scores/spread");
    else
      out.score_spread_matrix = read_matrix(*spread, "/smaa/scores/spread", d.problem.n_alternatives(),
                                            d.problem.n_criteria(), true, d.problem.alternatives);
  }
  return out;
}

SensitivitySpec read_sensitivity(const ojson& s0) {
  const ojson& s = object(s0, "/sensitivity", {"top_k", "steps"});
  SensitivitySpec out;
  if (auto* v = field(s, "top_k")) out.top_k = count(*v, "/sensitivity/top_k");
  if (auto* v = field(s, "steps")) out.steps = count(*v, "/sensitivity/steps");
  return out;
}

DecisionDocument read_decision_json(const ojson& doc) {
  // what the document is comes first, as in every koers reader (json_util.hpp check_format): a
  // koers.model file is E102 wrong format, not E104 for the first field this format lacks
  if (!doc.is_object())
    throw InputError(Errc::wrong_type, "the document must be a JSON object, got " + type_of(doc), {"/"});
  const ojson& d = doc;
  auto* format = field(d, "format");
  if (!format)
    fail(Errc::missing_field, "/format", std::string("missing field 'format' (expected '") + format_name + "')");
  if (!format->is_string() || format->get<std::string>() != format_name)
    fail(Errc::wrong_format, "/format",
         "format is '" + (format->is_string() ? format->get<std::string>() : format->dump()) + "', expected '" +
             format_name + "'");
  auto* version = field(d, "version");
  if (!version) fail(Errc::missing_field, "/version", "missing field 'version'");
  if (!version->is_number() || version->is_boolean() || version->get<double>() != decision_format_version)
    fail(Errc::unsupported_version, "/version",
         "version " + version->dump() + " is not supported (this koers reads 1)");
  object(d, "", top_fields);
  for (const char* key : {"alternatives", "criteria", "scores"})
    if (!field(d, key)) fail(Errc::missing_field, std::string("/") + key, std::string("missing field '") + key + "'");

  DecisionDocument out;
  const ojson& alts = list(d["alternatives"], "/alternatives");
  for (std::size_t i = 0; i < alts.size(); ++i)
    out.problem.alternatives.push_back(str(alts[i], "/alternatives/" + std::to_string(i)));
  const ojson& crits = list(d["criteria"], "/criteria");
  for (std::size_t j = 0; j < crits.size(); ++j) read_criterion(crits[j], "/criteria/" + std::to_string(j), out);
  out.problem.scores = read_matrix(d["scores"], "/scores", static_cast<Eigen::Index>(out.problem.alternatives.size()),
                                   out.problem.n_criteria(), false, out.problem.alternatives);
  if (auto* m = given(d, "method")) out.method = read_method(*m, out);
  if (auto* s = given(d, "smaa")) out.smaa = read_smaa(*s, out);
  if (auto* s = given(d, "sensitivity")) out.sensitivity = read_sensitivity(*s);
  for (const auto& k : meta_fields)
    if (auto* v = field(d, k)) out.meta.emplace_back(k, str(*v, "/" + k));
  return out;
}

}  // namespace

DecisionDocument parse_decision(std::string_view text, const std::string& origin) {
  // order kept (ojson); a number past a double is E110 not_finite, as a NaN or Infinity literal is
  ojson doc = koers::detail::parse_json_text_as<ojson>(text, origin, Errc::not_finite);
  try {
    return read_decision_json(doc);
  } catch (const Error& e) {  // name the file (or "decision") as the other readers do; same code and class
    throw_error(e.code(), origin + ": " + e.message(), e.elements());
  }
}

DecisionDocument load_decision(const std::string& path) {
  // the one bounded read: E100 for a directory, a missing file or a symlink loop; E117 past
  // 1 GiB (an endless stream such as /dev/zero stops there)
  return parse_decision(io::read_file(path, koers::detail::max_json_bytes), "'" + path + "'");
}

}  // namespace koers::decide
