// JSON views of GRL models and evaluation results (for the Python layer and the CLI).
#include <koers/analysis/grl.hpp>

#include <nlohmann/json.hpp>

namespace koers::grl {
namespace {
using json = nlohmann::json;

json input_json(const Input& in) {
  json j{{"source", in.source},
         {"source_name", in.source_name},
         {"link", to_string(in.link)},
         {"source_value", in.source_value},
         {"source_label", to_string(in.source_label)},
         {"amount", in.amount},
         {"amount_label", to_string(in.amount_label)},
         {"decisive", in.decisive}};
  j["contribution"] = in.contribution ? json(std::string(to_string(*in.contribution))) : json(nullptr);
  j["strength"] = in.link == LinkKind::contribution ? json(in.strength) : json(nullptr);
  return j;
}
std::string dump(const json& j, int indent) {
  return j.dump(indent < 0 ? -1 : indent, ' ', false, json::error_handler_t::replace);
}
}  // namespace

std::string to_json(const Result& r, int indent) {
  json els = json::array();
  for (auto& e : r.elements) {
    json ins = json::array();
    for (auto& in : e.inputs) ins.push_back(input_json(in));
    els.push_back({{"id", e.id}, {"name", e.name}, {"kind", e.kind}, {"value", e.value},
                   {"label", to_string(e.label)}, {"given", e.given}, {"rule", e.rule}, {"inputs", ins}});
  }
  json acts = json::array();
  for (auto& a : r.actors) {
    json ins = json::array();
    for (auto& in : a.inputs) {
      json j = input_json(in);
      j["link"] = "importance";
      j["importance"] = in.strength;
      j.erase("strength");
      j.erase("contribution");
      ins.push_back(j);
    }
    acts.push_back({{"id", a.id}, {"name", a.name}, {"value", a.value}, {"label", to_string(a.label)}, {"inputs", ins}});
  }
  json j{{"strategy", r.strategy}, {"algorithm", to_string(r.algorithm)}, {"elements", els}, {"actors", acts}};
  return dump(j, indent);
}

std::string to_json(const Model& m, int indent) {
  json els = json::array();
  for (auto& e : m.elements)
    els.push_back({{"id", e.id}, {"name", e.name}, {"type", to_string(e.type)}, {"kind", e.kind.empty() ? std::string(to_string(e.type)) : e.kind},
                   {"decomposition", koers::to_string(e.decomposition)}, {"importance", to_string(e.importance)},
                   {"importance_quantitative", e.importance_quantitative}});
  json links = json::array();
  for (auto& l : m.links) {
    json j{{"id", l.id}, {"kind", to_string(l.kind)}, {"src", l.src}, {"dest", l.dest}};
    if (l.kind == LinkKind::contribution) {
      j["contribution"] = to_string(l.contribution);
      j["strength"] = l.strength;
      j["correlation"] = l.correlation;
    }
    links.push_back(j);
  }
  json actors = json::array();
  for (auto& a : m.actors)
    actors.push_back({{"id", a.id}, {"name", a.name}, {"importance", to_string(a.importance)},
                      {"importance_quantitative", a.importance_quantitative}, {"elements", a.elements}, {"actors", a.actors}});
  json strategies = json::array();
  for (auto& s : m.strategies) {
    json evs = json::array();
    for (auto& e : s.evaluations)
      evs.push_back({{"element", e.element}, {"value", e.value},
                     {"label", std::string(to_string(e.label.value_or(label_of(e.value))))}});
    strategies.push_back({{"id", s.id}, {"name", s.name}, {"description", s.description}, {"evaluations", evs},
                          {"includes", s.includes}});
  }
  json j{{"name", m.name}, {"default_algorithm", to_string(m.default_algorithm)}, {"elements", els},
         {"links", links}, {"actors", actors}, {"strategies", strategies}};
  return dump(j, indent);
}

}  // namespace koers::grl
