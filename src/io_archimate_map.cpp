// ArchiMate model ↔ koers strategy graph, by the one mapping table in io/archimate.hpp.
// The graph side goes through the koers.model JSON format, so both directions use the model
// loader's rules (and a koers model written as ArchiMate reads back as the same graph).
#include <koers/io/archimate.hpp>
#include <koers/model/model_json.hpp>

#include "json_util.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace koers::archimate {
using detail::json;

namespace {
// the properties koers writes so that reading its own export back loses nothing
constexpr std::string_view prop_kind = "koers kind";
constexpr std::string_view prop_id = "koers id";
constexpr std::string_view prop_node = "koers node";    // the node's other fields, as koers.model JSON
constexpr std::string_view prop_edge = "koers edge";    // the edge's strength, as koers.model JSON
constexpr std::string_view prop_model = "koers model";  // name, source, period, strategies
constexpr std::string_view lang = "nl";

bool number_text(std::string_view s, double& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}
}  // namespace

std::optional<Strength> strength_of_modifier(std::string_view modifier) {
  if (modifier.empty()) return std::nullopt;
  for (const auto& m : modifier_mappings)
    if (m.modifier == modifier && modifier != "0") return Strength{std::nullopt, std::string(m.label)};
  double v = 0;
  if (!number_text(modifier, v)) return std::nullopt;
  if (v >= 0 && v <= 10 && v == std::floor(v)) return Strength{v * 10, ""};
  if (v >= -100 && v <= 100) return Strength{v, ""};
  return std::nullopt;
}

std::string modifier_of_strength(const Strength& s) {
  if (!s.value) {
    for (const auto& m : modifier_mappings)
      if (m.label == s.label) return std::string(m.modifier);
    return {};
  }
  double v = *s.value;
  if (v >= 0 && v <= 100 && std::fmod(v, 10) == 0) return std::to_string(static_cast<int>(v / 10));
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  json j = v;
  return j.dump();
}

std::optional<NodeKind> node_kind_of(std::string_view archimate_type) {
  for (const auto& m : node_mappings)
    if (m.archimate_type == archimate_type) return m.kind;
  return std::nullopt;
}

std::string_view archimate_type_of(NodeKind kind) {
  for (const auto& m : node_mappings)
    if (m.kind == kind && m.primary) return m.archimate_type;
  return "Grouping";  // unreachable while every kind has a primary row
}

// ---- ArchiMate → graph ---------------------------------------------------------------------
StrategyGraph to_graph(const Model& m, const std::vector<NodeKind>& kinds, Unmapped* unmapped) {
  std::set<NodeKind> wanted(kinds.begin(), kinds.end());
  // a WorkPackage that composes another WorkPackage is a programme
  std::unordered_set<std::string> composers;
  for (const auto& r : m.relationships) {
    if (r.type != "Composition") continue;
    const auto *s = m.element(r.source), *t = m.element(r.target);
    if (s && t && s->type == "WorkPackage" && t->type == "WorkPackage") composers.insert(s->id);
  }
  json nodes = json::array();
  std::unordered_map<std::string, std::pair<std::string, NodeKind>> node_of;  // element id → (node id, kind)
  for (const auto& e : m.elements) {
    auto kind = node_kind_of(e.type);
    if (!kind) {
      if (unmapped) unmapped->elements.push_back(e.id);
      continue;
    }
    if (e.type == "WorkPackage" && composers.count(e.id)) *kind = NodeKind::programme;
    if (auto k = parse_node_kind(m.property(e.properties, prop_kind))) *kind = *k;
    if (!wanted.empty() && !wanted.count(*kind)) {
      if (unmapped) unmapped->elements.push_back(e.id);
      continue;
    }
    std::string id = m.property(e.properties, prop_id);
    if (id.empty()) id = e.id;
    json n = json::object();
    if (auto extra = m.property(e.properties, prop_node); !extra.empty()) {
      json x = detail::parse_json_text(extra, "element " + e.id + " property '" + std::string(prop_node) + "'");
      if (x.is_object()) n = std::move(x);
    }
    n["id"] = id;
    n["kind"] = std::string(to_string(*kind));
    n["name"] = first_text(e.names);
    if (!e.documentation.empty() && !n.contains("description")) n["description"] = first_text(e.documentation);
    if (*kind == NodeKind::process && !n.contains("gemma_id")) n["gemma_id"] = e.id;
    node_of.emplace(e.id, std::make_pair(id, *kind));
    nodes.push_back(std::move(n));
  }
  json edges = json::array();
  for (const auto& r : m.relationships) {
    auto s = node_of.find(r.source), t = node_of.find(r.target);
    const EdgeMapping* row = nullptr;
    if (s != node_of.end() && t != node_of.end())
      for (const auto& em : edge_mappings) {
        if (em.archimate_type != r.type) continue;
        auto from = em.reversed ? t->second.second : s->second.second;
        auto to = em.reversed ? s->second.second : t->second.second;
        if (edge_allowed(em.kind, from, to)) {
          row = &em;
          break;
        }
      }
    if (!row) {
      if (unmapped) unmapped->relationships.push_back(r.id);
      continue;
    }
    json e = json::object();
    if (auto extra = m.property(r.properties, prop_edge); !extra.empty()) {
      json x = detail::parse_json_text(extra, "relationship " + r.id + " property '" + std::string(prop_edge) + "'");
      if (x.is_object()) e = std::move(x);
    }
    e["kind"] = std::string(to_string(row->kind));
    e["from"] = row->reversed ? t->second.first : s->second.first;
    e["to"] = row->reversed ? s->second.first : t->second.first;
    if (row->kind == EdgeKind::contributes && !e.contains("strength"))
      if (auto st = strength_of_modifier(r.modifier)) {
        if (st->value)
          e["strength"] = *st->value;
        else
          e["strength"] = st->label;
      }
    if (row->kind != EdgeKind::contributes) e.erase("strength");
    edges.push_back(std::move(e));
  }
  json doc = json::object();
  if (auto top = m.property(m.properties, prop_model); !top.empty()) {
    json x = detail::parse_json_text(top, "model property '" + std::string(prop_model) + "'");
    if (x.is_object()) doc = std::move(x);
  }
  doc["format"] = "koers.model";
  doc["version"] = model_format_version;
  if (!doc.contains("name")) doc["name"] = first_text(m.names);
  if (!doc.contains("source")) doc["source"] = "ArchiMate model " + m.id;
  doc["nodes"] = std::move(nodes);
  doc["edges"] = std::move(edges);
  return parse_model(doc.dump(-1, ' ', false, json::error_handler_t::replace), "ArchiMate model " + m.id);
}

// ---- graph → ArchiMate ---------------------------------------------------------------------
namespace {

struct Ids {
  std::unordered_set<std::string> used;
  std::string make(std::string_view base) {
    std::string s = "id-";
    for (unsigned char c : base)
      s += (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80) ? static_cast<char>(c) : '_';
    std::string out = s;
    for (int i = 2; !used.insert(out).second; ++i) out = s + "-" + std::to_string(i);
    return out;
  }
};

void escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
}

}  // namespace

Model from_graph(const StrategyGraph& g) {
  Model m;
  Ids ids;
  m.id = ids.make("koers-model");
  m.names.push_back({std::string(lang), g.name.empty() ? "koers model" : g.name});
  json graph = json::parse(koers::to_json(g, -1));
  std::map<std::string_view, std::string> def_ids;
  auto def = [&](std::string_view name) -> const std::string& {
    auto it = def_ids.find(name);
    if (it != def_ids.end()) return it->second;
    std::string id = ids.make("propid-" + std::string(name));
    m.property_definitions.push_back({id, {{std::string(lang), std::string(name)}}, "string"});
    return def_ids.emplace(name, id).first->second;
  };
  auto prop = [&](std::vector<Property>& props, std::string_view name, std::string value) {
    props.push_back({def(name), {{std::string(lang), std::move(value)}}});
  };
  {
    json top = json::object();
    for (auto it = graph.begin(); it != graph.end(); ++it)
      if (it.key() != "format" && it.key() != "version" && it.key() != "nodes" && it.key() != "edges")
        top[it.key()] = *it;
    prop(m.properties, prop_model, top.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  std::unordered_map<std::string, std::string> element_of;  // node id → element id
  const auto& jnodes = graph["nodes"];
  for (std::size_t i = 0; i < g.size(); ++i) {
    const std::string& id = g.node_id(i);
    const NodeKind kind = g.node_kind(i);
    const std::string_view name = g.node_name(i), description = g.node_text(i, NodeText::description);
    Element e;
    e.id = ids.make(id);
    e.type = std::string(archimate_type_of(kind));
    e.names.push_back({std::string(lang), name.empty() ? id : std::string(name)});
    if (!description.empty()) e.documentation.push_back({std::string(lang), std::string(description)});
    prop(e.properties, prop_kind, std::string(to_string(kind)));
    prop(e.properties, prop_id, id);
    json rest = jnodes[i];
    for (const char* k : {"id", "kind", "name", "description"}) rest.erase(k);
    if (!name.empty() && name == id) rest.erase("name");
    if (!rest.empty()) prop(e.properties, prop_node, rest.dump(-1, ' ', false, json::error_handler_t::replace));
    element_of.emplace(id, e.id);
    m.elements.push_back(std::move(e));
  }
  std::size_t serial = 0;
  for (const Edge& ed : g.edges()) {
    auto a = element_of.find(ed.from), b = element_of.find(ed.to);
    auto fn = g.index_of(ed.from);
    if (a == element_of.end() || b == element_of.end() || !fn) continue;  // an invalid edge: nothing to join
    const EdgeMapping* row = nullptr;
    for (const auto& em : edge_mappings)
      if (em.kind == ed.kind && (!em.only_from || *em.only_from == g.node_kind(*fn))) {
        row = &em;
        break;
      }
    if (!row) continue;
    Relationship r;
    r.id = ids.make("rel-" + std::to_string(++serial));
    r.type = std::string(row->archimate_type);
    r.source = row->reversed ? b->second : a->second;
    r.target = row->reversed ? a->second : b->second;
    if (ed.strength) {
      if (r.type == "Influence") r.modifier = modifier_of_strength(*ed.strength);
      json s = json::object();
      if (ed.strength->value)
        s["strength"] = *ed.strength->value;
      else
        s["strength"] = ed.strength->label;
      prop(r.properties, prop_edge, s.dump());
    }
    m.relationships.push_back(std::move(r));
  }
  // organizations: one folder per koers node kind, in the kinds' order
  for (NodeKind k : all_node_kinds) {
    Item folder;
    folder.labels.push_back({std::string(lang), display_name(k)});
    for (std::size_t i = 0; i < g.size(); ++i)
      if (g.node_kind(i) == k) folder.items.push_back(Item{"", element_of.at(g.node_id(i)), {}, {}, {}});
    if (!folder.items.empty()) m.organizations.push_back(std::move(folder));
  }
  m.reindex();

  // one view per development: development → goals → learning goals → interventions, in layers
  constexpr int w = 180, h = 70, gap_x = 20, gap_y = 60, per_row = 8;
  std::string views;
  std::size_t view_no = 0;
  for (std::size_t d = 0; d < g.size(); ++d) {
    if (g.node_kind(d) != NodeKind::development) continue;
    const Node dev = g.node(d);
    std::vector<std::vector<std::string>> layers(4);
    std::unordered_set<std::string> in_view{dev.id};
    layers[0].push_back(dev.id);
    auto add = [&](std::size_t layer, const std::string& id) {
      if (in_view.insert(id).second) layers[layer].push_back(id);
    };
    for (const Edge& e : g.edges())
      if (e.kind == EdgeKind::refines && e.from == dev.id)
        if (auto t = g.index_of(e.to); t && g.node_kind(*t) == NodeKind::goal) add(1, g.node_id(*t));
    for (const Edge& e : g.edges())
      if (e.kind == EdgeKind::refines && in_view.count(e.from))
        if (auto t = g.index_of(e.to); t && g.node_kind(*t) == NodeKind::learning_goal) add(2, g.node_id(*t));
    for (const Edge& e : g.edges())
      if (e.kind == EdgeKind::contributes && in_view.count(e.to))
        if (auto f = g.index_of(e.from);
            f && (g.node_kind(*f) == NodeKind::intervention || g.node_kind(*f) == NodeKind::programme))
          add(3, g.node_id(*f));
    ++view_no;
    std::string vid = ids.make("view-" + dev.id);
    views += "<view identifier=\"" + vid + "\" xsi:type=\"Diagram\"><name xml:lang=\"nl\">";
    escape_into(views, dev.name.empty() ? dev.id : dev.name);
    views += "</name>";
    std::unordered_map<std::string, std::string> node_in_view;  // element id → diagram node id
    int y = 20;
    for (const auto& layer : layers) {
      if (layer.empty()) continue;
      for (std::size_t i = 0; i < layer.size(); ++i) {
        int x = 20 + static_cast<int>(i % per_row) * (w + gap_x);
        int yy = y + static_cast<int>(i / per_row) * (h + gap_y / 2);
        const std::string& el = element_of.at(layer[i]);
        std::string nid = ids.make(vid.substr(3) + "-n" + std::to_string(i + 1) + "-" + layer[i]);
        node_in_view.emplace(el, nid);
        views += "<node identifier=\"" + nid + "\" elementRef=\"" + el + "\" xsi:type=\"Element\" x=\"" +
                 std::to_string(x) + "\" y=\"" + std::to_string(yy) + "\" w=\"" + std::to_string(w) + "\" h=\"" +
                 std::to_string(h) + "\"/>";
      }
      y += static_cast<int>((layer.size() + per_row - 1) / per_row) * (h + gap_y / 2) + gap_y;
    }
    std::size_t c = 0;
    for (const Relationship& r : m.relationships) {
      auto s = node_in_view.find(r.source), t = node_in_view.find(r.target);
      if (s == node_in_view.end() || t == node_in_view.end()) continue;
      views += "<connection identifier=\"" + ids.make(vid.substr(3) + "-c" + std::to_string(++c)) +
               "\" relationshipRef=\"" + r.id + "\" xsi:type=\"Relationship\" source=\"" + s->second + "\" target=\"" +
               t->second + "\"/>";
    }
    views += "</view>";
  }
  if (view_no) {
    m.views_xml = "<views><diagrams>" + views + "</diagrams></views>";
    m.view_count = view_no;
  }
  return m;
}

}  // namespace koers::archimate
