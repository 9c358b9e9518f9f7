// The koers.ahp JSON format and the JSON of `koers ahp --json`.
#include <koers/decide/ahp_json.hpp>

#include "json_util.hpp"
#include "result_json.hpp"

#include <fstream>
#include <set>

namespace koers::decide {

using koers::detail::json;
using koers::detail::ObjectReader;
using ojson = nlohmann::ordered_json;

namespace {

std::string at(const std::string& base, std::size_t i) { return base + "/" + std::to_string(i); }

/// Rethrow a koers error with a JSON path (and the origin) in front of its message.
[[noreturn]] void rethrow_at(const std::string& path) {
  try {
    throw;
  } catch (const RankingError& e) {
    throw RankingError(e.code(), path + ": " + e.message(), e.elements());
  } catch (const InputError& e) {
    throw InputError(e.code(), path + ": " + e.message(), e.elements());
  } catch (const SolverError& e) { throw SolverError(e.code(), path + ": " + e.message(), e.elements()); }
}

std::vector<std::string> string_list(const json& a, const std::string& path) {
  if (!a.is_array()) ObjectReader::fail(Errc::wrong_type, path, "must be an array, not " + koers::detail::type_name(a));
  std::vector<std::string> v;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < a.size(); ++i) {
    v.push_back(ObjectReader::as_string(a[i], at(path, i)));
    if (v.back().empty()) ObjectReader::fail(Errc::invalid_value, at(path, i), "must not be empty");
    if (!seen.insert(v.back()).second)
      throw InputError(Errc::duplicate_name, at(path, i) + " '" + v.back() + "' is listed twice", {v.back()});
  }
  return v;
}

std::vector<Judgment> judgments_at(const json& a, const std::string& path, const std::vector<std::string>& elements) {
  if (!a.is_array()) ObjectReader::fail(Errc::wrong_type, path, "must be an array, not " + koers::detail::type_name(a));
  std::vector<Judgment> out;
  PairwiseComparisons check(elements);
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string p = at(path, i);
    ObjectReader r(a[i], p);
    Judgment j;
    j.a = *r.str("a", true);
    j.b = *r.str("b", true);
    j.value = *r.number("value", true);
    r.finish();
    try {
      check.judge(j);
    } catch (const Error&) { rethrow_at(p); }
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<Judge> judges_at(const json& a, const std::string& path, const std::vector<std::string>& elements) {
  if (!a.is_array()) ObjectReader::fail(Errc::wrong_type, path, "must be an array, not " + koers::detail::type_name(a));
  if (a.empty()) ObjectReader::fail(Errc::invalid_value, path, "must list at least one judge");
  std::vector<Judge> out;
  std::set<std::string> names;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string p = at(path, i);
    ObjectReader r(a[i], p);
    Judge j;
    j.name = *r.str("name", true);
    if (!names.insert(j.name).second)
      throw InputError(Errc::duplicate_name, p + "/name: judge '" + j.name + "' is listed twice", {j.name});
    if (auto w = r.number("weight")) {
      if (!(*w > 0.0))
        throw RankingError(
            Errc::invalid_weights,
            p + "/weight: judge '" + j.name + "' has weight " + std::to_string(*w) + "; judge weights must be > 0",
            {j.name});
      j.weight = *w;
    }
    const json* js = r.array("judgments", true);
    if (js->empty())
      throw RankingError(Errc::judge_without_judgments, p + "/judgments: judge '" + j.name + "' made no judgments",
                         {j.name});
    j.judgments = judgments_at(*js, p + "/judgments", elements);
    r.finish();
    out.push_back(std::move(j));
  }
  return out;
}

AhpBlock block_at(ObjectReader& r, bool allow_judges) {
  AhpBlock b;
  b.elements = string_list(*r.array("elements", true), r.at("elements"));
  if (b.elements.empty()) ObjectReader::fail(Errc::invalid_value, r.at("elements"), "must list at least one element");
  bool has_j = r.has("judgments"), has_g = allow_judges && r.has("judges");
  if (has_j && has_g)
    ObjectReader::fail(Errc::invalid_value, r.at("judges"), "give either \"judgments\" or \"judges\", not both");
  if (has_g) {
    b.judges = judges_at(*r.array("judges", true), r.at("judges"), b.elements);
  } else if (has_j) {
    b.judgments = judgments_at(*r.array("judgments", true), r.at("judgments"), b.elements);
  } else if (b.elements.size() > 1) {
    ObjectReader::fail(Errc::missing_field, r.at("judgments"),
                       allow_judges ? "is required (or \"judges\")" : "is required");
  }
  return b;
}

/// An option with an alias; both present is E107.
std::optional<std::string> option(ObjectReader& r, const std::string& key, const std::string& alias) {
  auto a = r.str(key), b = r.str(alias);
  if (a && b)
    ObjectReader::fail(Errc::invalid_value, r.at(alias), "repeats \"" + key + "\" under another name: give one");
  return a ? a : b;
}

template <class F>
auto option_value(const std::string& path, F&& f) {
  try {
    return f();
  } catch (const Error&) { rethrow_at(path); }
}

void write_file(const std::string& text, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(Errc::file_unreadable, "cannot write '" + path + "'", {path});
  out << text << '\n';
  if (!out) throw InputError(Errc::file_unreadable, "cannot write '" + path + "'", {path});
}

ojson judgment_json(const Judgment& j) { return ojson{{"a", j.a}, {"b", j.b}, {"value", j.value}}; }
ojson judgments_json(const std::vector<Judgment>& v) {
  ojson a = ojson::array();
  for (const auto& j : v) a.push_back(judgment_json(j));
  return a;
}
ojson judges_json(const std::vector<Judge>& v) {
  ojson a = ojson::array();
  for (const auto& j : v)
    a.push_back(ojson{{"name", j.name}, {"weight", j.weight}, {"judgments", judgments_json(j.judgments)}});
  return a;
}
ojson block_json(const AhpBlock& b) {
  ojson o;
  o["elements"] = b.elements;
  if (b.group())
    o["judges"] = judges_json(b.judges);
  else
    o["judgments"] = judgments_json(b.judgments);
  return o;
}
ojson keyed(const std::vector<std::string>& names, const Eigen::VectorXd& v) {
  ojson o = ojson::object();
  for (std::size_t i = 0; i < names.size(); ++i) o[names[i]] = v(Eigen::Index(i));
  return o;
}

ojson result_json(const AhpResult& r) {
  ojson o;
  o["elements"] = r.elements;
  o["weights"] = keyed(r.elements, r.priorities);
  o["ranking"] = r.ranking();
  o["priority_method"] = to_string(r.priority_method);
  o["eigenvector"] = keyed(r.elements, r.eigenvector);
  o["geometric_mean"] = keyed(r.elements, r.geometric_mean);
  o["lambda_max"] = r.lambda_max;
  o["ci"] = r.ci;
  o["cr"] = r.cr;
  o["ri"] = r.ri.value;
  o["ri_table"] = to_string(r.ri.table);
  o["ri_table_name"] = citation(r.ri.table);
  o["ri_source"] = r.ri.source;
  o["ri_note"] = r.ri.note;
  if (r.ri.source == "monte-carlo") {
    o["ri_samples"] = r.ri.samples;
    o["ri_seed"] = r.ri.seed;
  }
  o["gci"] = r.gci;
  o["consistent"] = r.consistent;
  o["cr_threshold"] = r.cr_threshold;
  o["completion"] = to_string(r.completion);
  o["judged_pairs"] = r.judged_pairs;
  o["missing_pairs"] = r.completed.size();
  o["completed"] = judgments_json(r.completed);
  o["completion_cycles"] = r.completion_cycles;
  ojson tri = ojson::array();
  for (const auto& t : r.triads)
    tri.push_back(ojson{{"elements", t.elements},
                        {"a_ij", t.a_ij},
                        {"a_jk", t.a_jk},
                        {"a_ik", t.a_ik},
                        {"implied_a_ik", t.a_ij * t.a_jk},
                        {"index", t.index}});
  o["inconsistent"] = tri;
  o["triad_count"] = r.triad_count;
  o["koczkodaj_index"] = r.koczkodaj_index;
  if (r.revision)
    o["revision"] = ojson{{"a", r.revision->judgment.a},
                          {"b", r.revision->judgment.b},
                          {"value", r.revision->judgment.value},
                          {"suggested", r.revision->suggested},
                          {"lambda_max_after", r.revision->lambda_max_after},
                          {"cr_after", r.revision->cr_after}};
  else
    o["revision"] = nullptr;
  ojson m = ojson::array();
  for (Eigen::Index i = 0; i < r.matrix.rows(); ++i) {
    ojson row = ojson::array();
    for (Eigen::Index j = 0; j < r.matrix.cols(); ++j) row.push_back(r.matrix(i, j));
    m.push_back(row);
  }
  o["matrix"] = m;
  o["eigen_iterations"] = r.eigen_iterations;
  o["warnings"] = r.warnings;
  return o;
}

ojson group_json(const GroupResult& g) {
  ojson o = result_json(g.group);
  o["kind"] = "group";
  o["aggregation"] = to_string(g.aggregation);
  o["consistency_of"] = g.consistency_of;
  o["disagreement_measure"] =
      "gci: geometric compatibility of the judge's judgments with the group priorities (Aguaron & Moreno-Jimenez 2003 "
      "GCI); "
      "distance: Euclidean distance of the judge's own priorities from the group's";
  ojson js = ojson::object();
  for (const auto& j : g.judges) {
    ojson x;
    x["weight"] = j.weight;
    x["judged_pairs"] = j.judged_pairs;
    x["gci"] = j.gci;
    x["distance"] = j.distance ? ojson(*j.distance) : ojson(nullptr);
    x["max_difference"] = j.max_difference ? ojson(*j.max_difference) : ojson(nullptr);
    if (j.own) {
      x["weights"] = keyed(j.own->elements, j.own->priorities);
      x["ranking"] = j.own->ranking();
      x["lambda_max"] = j.own->lambda_max;
      x["ci"] = j.own->ci;
      x["cr"] = j.own->cr;
      x["consistent"] = j.own->consistent;
      x["completed"] = judgments_json(j.own->completed);
      x["koczkodaj_index"] = j.own->koczkodaj_index;
    } else {
      x["weights"] = nullptr;
    }
    js[j.name] = x;
  }
  o["judges"] = js;
  ojson w = o["warnings"];
  w = ojson::array();
  for (const auto& s : g.warnings) w.push_back(s);
  o["warnings"] = w;
  return o;
}

}  // namespace

AhpDocument parse_ahp(std::string_view text, const std::string& origin) {
  json j = koers::detail::parse_json_text(text, origin);
  koers::detail::check_format(j, "koers.ahp", ahp_format_version, origin);
  try {
    AhpDocument d;
    ObjectReader top(j, "");
    top.str("format");
    top.integer("version");
    d.name = top.str_or("name", "");
    d.description = top.str_or("description", "");
    if (top.has("criteria") || top.has("alternatives")) {
      d.hierarchy = true;
      for (const char* k : {"elements", "judgments", "judges"})
        if (top.has(k))
          ObjectReader::fail(Errc::invalid_value, top.at(k), "belongs inside \"criteria\" in a hierarchy");
      ObjectReader cr(*top.object("criteria", true), "/criteria");
      d.block = block_at(cr, true);
      cr.finish();
      ObjectReader al(*top.object("alternatives", true), "/alternatives");
      d.alternatives = string_list(*al.array("elements", true), "/alternatives/elements");
      if (d.alternatives.empty())
        ObjectReader::fail(Errc::invalid_value, "/alternatives/elements", "must list at least one alternative");
      const json* per = al.object("judgments", true);
      for (auto it = per->begin(); it != per->end(); ++it) {
        std::string p = "/alternatives/judgments/" + it.key();
        if (std::find(d.block.elements.begin(), d.block.elements.end(), it.key()) == d.block.elements.end())
          throw InputError(Errc::unknown_name, p + ": '" + it.key() + "' is not one of the criteria", {it.key()});
        d.alternative_judgments.emplace_back(it.key(), judgments_at(*it, p, d.alternatives));
      }
      for (const auto& c : d.block.elements) {
        bool found = false;
        for (const auto& [k, v] : d.alternative_judgments) found = found || k == c;
        if (!found && d.alternatives.size() > 1)
          throw RankingError(Errc::incomplete_judgments,
                             "/alternatives/judgments: the alternatives are not judged under criterion '" + c + "'",
                             {c});
      }
      // keep criteria order
      std::vector<std::pair<std::string, std::vector<Judgment>>> ordered;
      for (const auto& c : d.block.elements)
        for (auto& kv : d.alternative_judgments)
          if (kv.first == c) ordered.push_back(kv);
      d.alternative_judgments = std::move(ordered);
      al.finish();
    } else {
      d.block = block_at(top, true);
    }
    if (auto s = top.str("aggregation"))
      d.options.aggregation = option_value("/aggregation", [&] { return parse_aggregation(*s); });
    if (auto s = option(top, "priorities", "priority_method"))
      d.options.ahp.priorities = option_value("/priorities", [&] { return parse_priority_method(*s); });
    if (auto s = option(top, "ri_table", "random_index"))
      d.options.ahp.ri_table = option_value("/ri_table", [&] { return parse_random_index_table(*s); });
    if (auto s = top.str("completion"))
      d.options.ahp.completion = option_value("/completion", [&] { return parse_completion(*s); });
    if (auto t = top.number("cr_threshold")) {
      if (!(*t > 0.0)) ObjectReader::fail(Errc::invalid_value, "/cr_threshold", "must be > 0");
      d.options.ahp.cr_threshold = *t;
    }
    top.finish();
    return d;
  } catch (const Error& e) {
    if (e.message().rfind(origin, 0) == 0) throw;
    rethrow_at(origin);
  }
}

AhpDocument load_ahp(const std::string& path) {
  // one parse: the text goes straight to the reader (which checks UTF-8, depth and format)
  return parse_ahp(koers::io::read_file(path, koers::detail::max_json_bytes), "'" + path + "'");
}

ojson document_value(const AhpDocument& d) {
  ojson o;
  o["format"] = "koers.ahp";
  o["version"] = ahp_format_version;
  if (!d.name.empty()) o["name"] = d.name;
  if (!d.description.empty()) o["description"] = d.description;
  if (d.hierarchy) {
    o["criteria"] = block_json(d.block);
    ojson per = ojson::object();
    for (const auto& [c, js] : d.alternative_judgments) per[c] = judgments_json(js);
    o["alternatives"] = ojson{{"elements", d.alternatives}, {"judgments", per}};
  } else {
    auto b = block_json(d.block);
    for (auto it = b.begin(); it != b.end(); ++it) o[it.key()] = it.value();
  }
  if (d.block.group()) o["aggregation"] = to_string(d.options.aggregation);
  o["priorities"] = to_string(d.options.ahp.priorities);
  o["ri_table"] = to_string(d.options.ahp.ri_table);
  o["completion"] = to_string(d.options.ahp.completion);
  if (d.options.ahp.cr_threshold != 0.10) o["cr_threshold"] = d.options.ahp.cr_threshold;
  return o;
}

std::string to_json(const AhpDocument& d, int indent) { return document_value(d).dump(indent); }

void save_ahp(const AhpDocument& d, const std::string& path) { write_file(to_json(d, 2), path); }

std::string result_to_json(const AhpResult& r, int indent) {
  ojson o = result_json(r);
  return o.dump(indent);
}

AhpAnalysis analyse_ahp(const AhpDocument& d) {
  AhpAnalysis a;
  a.name = d.name;
  const AhpBlock& b = d.block;
  if (b.group()) {
    a.group = ahp_group(b.elements, b.judges, d.options);
    a.result = a.group->group;
  } else {
    a.result = ahp(PairwiseComparisons(b.elements, b.judgments), d.options.ahp);
  }
  if (!d.hierarchy) {
    a.kind = b.group() ? "group" : "single";
    return a;
  }
  a.kind = "hierarchy";
  std::vector<std::pair<std::string, PairwiseComparisons>> local;
  for (const auto& [c, js] : d.alternative_judgments) local.emplace_back(c, PairwiseComparisons(d.alternatives, js));
  a.hierarchy = ahp_hierarchy(a.result, d.alternatives, local, d.options.ahp);
  return a;
}

ojson analysis_value(const AhpAnalysis& a) {
  ojson o;
  ojson block;  // the comparisons, or the criteria of a hierarchy
  if (a.group) {
    block = group_json(*a.group);
  } else {
    block = result_json(a.result);
    block["kind"] = "single";
  }
  o["name"] = a.name;
  if (!a.hierarchy) {
    for (auto it = block.begin(); it != block.end(); ++it) o[it.key()] = it.value();
    return o;
  }
  const HierarchyResult& h = *a.hierarchy;
  o["kind"] = "hierarchy";
  block.erase("kind");
  for (const char* k : {"weights", "ranking", "lambda_max", "ci", "cr", "ri", "ri_table", "ri_table_name", "ri_source",
                        "completed", "inconsistent"})
    o[k] = block[k];
  o["ranking"] = h.ranking();
  o["criteria"] = block;
  o["criteria"]["kind"] = block.contains("judges") ? "group" : "single";
  ojson loc = ojson::object(), detail = ojson::object();
  for (const auto& [c, r] : h.local) {
    loc[c] = keyed(r.elements, r.priorities);
    detail[c] = result_json(r);
  }
  o["alternatives"] = h.alternatives;
  o["local"] = loc;
  o["overall"] = keyed(h.alternatives, h.overall);
  o["local_details"] = detail;
  return o;
}

std::string analysis_to_json(const AhpAnalysis& a, int indent) {
  return analysis_value(a).dump(indent, ' ', false, ojson::error_handler_t::replace);
}

std::string analyse_ahp_json(const AhpDocument& d, int indent) { return analysis_to_json(analyse_ahp(d), indent); }

}  // namespace koers::decide
