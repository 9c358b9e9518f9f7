// The koers.model JSON format: reader and writer (nlohmann-json).
#include <koers/model/model_json.hpp>

#include "json_util.hpp"

#include <fstream>

namespace koers {
namespace {
using detail::json;
using detail::ObjectReader;

template <class E>
E enum_field(ObjectReader& r, const std::string& key, std::optional<E> (*parse)(std::string_view), const char* allowed) {
  auto s = r.str(key);
  auto e = parse(*s);
  if (!e) ObjectReader::fail(Errc::invalid_value, r.at(key), "is '" + *s + "', expected one of " + allowed);
  return *e;
}

Node read_node(const json& j, const std::string& path) {
  ObjectReader r(j, path);
  Node n;
  n.id = *r.str("id", true);
  auto kind = r.str("kind", true);
  auto k = parse_node_kind(*kind);
  if (!k)
    ObjectReader::fail(Errc::invalid_value, r.at("kind"), "is '" + *kind +
                       "', expected development, strategic_theme, goal, learning_goal, intervention, "
                       "target_group, programme, process or budget_stream");
  n.kind = *k;
  n.name = *r.str("name", true);
  n.description = r.str_or("description", "");
  n.importance = r.number("importance");
  auto allow = [&](std::initializer_list<NodeKind> kinds) {
    for (auto kk : kinds) if (kk == n.kind) return true;
    return false;
  };
  if (allow({NodeKind::development, NodeKind::strategic_theme, NodeKind::goal, NodeKind::learning_goal}) && r.has("decomposition"))
    n.decomposition = enum_field<Decomposition>(r, "decomposition", parse_decomposition, "and, or, xor");
  if (n.kind == NodeKind::learning_goal) n.audience = r.str_or("audience", "");
  if (allow({NodeKind::intervention, NodeKind::programme})) {
    if (r.has("status")) n.status = enum_field<Status>(r, "status", parse_status, "new, existing, partly_existing");
  }
  if (n.kind == NodeKind::intervention) {
    n.table = r.str_or("table", "");
    n.doel = r.str_or("doel", "");
    n.inhoud = r.str_or("inhoud", "");
    n.doelgroep = r.str_or("doelgroep", "");
    n.note = r.str_or("note", "");
    n.mandatory = r.boolean("mandatory").value_or(false);
    if (r.has("channel")) n.channel = enum_field<Channel>(r, "channel", parse_channel, "on_the_job, with_others, formal");
    n.duration_hours = r.number("duration_hours");
    n.cost_cents = r.integer("cost_cents");
    n.participants = r.integer("participants");
    n.ilb_contribution = r.boolean("ilb_contribution").value_or(false);
    if (n.duration_hours && *n.duration_hours < 0) ObjectReader::fail(Errc::invalid_value, r.at("duration_hours"), "must not be negative");
    if (n.cost_cents && *n.cost_cents < 0) ObjectReader::fail(Errc::invalid_value, r.at("cost_cents"), "must not be negative");
    if (n.participants && *n.participants < 0) ObjectReader::fail(Errc::invalid_value, r.at("participants"), "must not be negative");
  }
  if (n.kind == NodeKind::target_group) {
    n.size = r.integer("size");
    if (n.size && *n.size < 0) ObjectReader::fail(Errc::invalid_value, r.at("size"), "must not be negative");
  }
  if (n.kind == NodeKind::process) {
    n.gemma_id = r.str_or("gemma_id", "");
    n.domain = r.str_or("domain", "");
  }
  if (n.kind == NodeKind::budget_stream) {
    n.budget_cents = r.integer("budget_cents");
    n.year = r.integer("year");
    if (n.budget_cents && *n.budget_cents < 0) ObjectReader::fail(Errc::invalid_value, r.at("budget_cents"), "must not be negative");
  }
  r.finish();
  return n;
}

Edge read_edge(const json& j, const std::string& path) {
  ObjectReader r(j, path);
  Edge e;
  e.kind = enum_field<EdgeKind>(r, "kind", parse_edge_kind,
                                "refines, contributes, decomposes, targets, funded_by, part_of, improves");
  e.from = *r.str("from", true);
  e.to = *r.str("to", true);
  if (e.kind == EdgeKind::contributes) {
    if (auto* s = r.get("strength", false)) {
      Strength st;
      if (s->is_string()) st.label = s->get<std::string>();
      else st.value = ObjectReader::as_number(*s, r.at("strength"));
      e.strength = st;
    }
  }
  r.finish();
  return e;
}

json write_node(const Node& n) {
  json j = json::object();
  j["id"] = n.id;
  j["kind"] = std::string(to_string(n.kind));
  j["name"] = n.name;
  if (!n.description.empty()) j["description"] = n.description;
  if (n.importance) j["importance"] = *n.importance;
  if (n.decomposition) j["decomposition"] = std::string(to_string(*n.decomposition));
  if (!n.audience.empty()) j["audience"] = n.audience;
  if (!n.table.empty()) j["table"] = n.table;
  if (!n.doel.empty()) j["doel"] = n.doel;
  if (!n.inhoud.empty()) j["inhoud"] = n.inhoud;
  if (!n.doelgroep.empty()) j["doelgroep"] = n.doelgroep;
  if (n.status) j["status"] = std::string(to_string(*n.status));
  if (n.kind == NodeKind::intervention) j["mandatory"] = n.mandatory;
  if (n.channel) j["channel"] = std::string(to_string(*n.channel));
  if (n.duration_hours) j["duration_hours"] = *n.duration_hours;
  if (n.cost_cents) j["cost_cents"] = *n.cost_cents;
  if (n.participants) j["participants"] = *n.participants;
  if (n.ilb_contribution) j["ilb_contribution"] = true;
  if (!n.note.empty()) j["note"] = n.note;
  if (n.size) j["size"] = *n.size;
  if (!n.gemma_id.empty()) j["gemma_id"] = n.gemma_id;
  if (!n.domain.empty()) j["domain"] = n.domain;
  if (n.budget_cents) j["budget_cents"] = *n.budget_cents;
  if (n.year) j["year"] = *n.year;
  return j;
}

json number_json(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

}  // namespace

namespace {
StrategyGraph from_json(const json& j, const std::string& origin) {
  detail::check_format(j, "koers.model", model_format_version, origin);
  ObjectReader top(j, "");
  top.str("format");
  top.integer("version");
  StrategyGraph g;  // built fully before it is returned: nothing half-loaded escapes
  g.name = top.str_or("name", "");
  g.source = top.str_or("source", "");
  if (auto* p = top.object("period")) {
    ObjectReader pr(*p, "/period");
    g.period_start = pr.str_or("start", "");
    g.period_end = pr.str_or("end", "");
    pr.finish();
  }
  if (auto* nodes = top.array("nodes", true))
    for (std::size_t i = 0; i < nodes->size(); ++i) g.add_node(read_node((*nodes)[i], "/nodes/" + std::to_string(i)));
  if (auto* edges = top.array("edges"))
    for (std::size_t i = 0; i < edges->size(); ++i) g.add_edge(read_edge((*edges)[i], "/edges/" + std::to_string(i)));
  if (auto* strategies = top.array("strategies")) {
    for (std::size_t i = 0; i < strategies->size(); ++i) {
      std::string path = "/strategies/" + std::to_string(i);
      ObjectReader sr((*strategies)[i], path);
      Strategy s;
      s.name = *sr.str("name", true);
      s.description = sr.str_or("description", "");
      if (auto* vals = sr.object("values")) {
        for (auto it = vals->begin(); it != vals->end(); ++it)
          s.values.emplace_back(it.key(), ObjectReader::as_number(it.value(), path + "/values/" + it.key()));
      }
      sr.finish();
      g.strategies.push_back(std::move(s));
    }
  }
  top.finish();
  return g;
}
}  // namespace

StrategyGraph parse_model(std::string_view text, const std::string& origin) {
  return from_json(detail::parse_json_text(text, origin), origin);
}

StrategyGraph load_model(const std::string& path) {
  return from_json(detail::read_json_file(path), "'" + path + "'");
}

std::string to_json(const StrategyGraph& g, int indent) {
  json j = json::object();
  j["format"] = "koers.model";
  j["version"] = model_format_version;
  if (!g.name.empty()) j["name"] = g.name;
  if (!g.source.empty()) j["source"] = g.source;
  if (!g.period_start.empty() || !g.period_end.empty()) {
    json p = json::object();
    if (!g.period_start.empty()) p["start"] = g.period_start;
    if (!g.period_end.empty()) p["end"] = g.period_end;
    j["period"] = p;
  }
  json nodes = json::array();
  for (auto& n : g.nodes()) nodes.push_back(write_node(n));
  j["nodes"] = std::move(nodes);
  json edges = json::array();
  for (auto& e : g.edges()) {
    json je = json::object();
    je["kind"] = std::string(to_string(e.kind));
    je["from"] = e.from;
    je["to"] = e.to;
    if (e.strength) {
      if (e.strength->value) je["strength"] = number_json(*e.strength->value);
      else je["strength"] = e.strength->label;
    }
    edges.push_back(std::move(je));
  }
  j["edges"] = std::move(edges);
  if (!g.strategies.empty()) {
    json ss = json::array();
    for (auto& s : g.strategies) {
      json js = json::object();
      js["name"] = s.name;
      if (!s.description.empty()) js["description"] = s.description;
      json vals = json::object();
      for (auto& [id, v] : s.values) vals[id] = number_json(v);
      js["values"] = vals;
      ss.push_back(std::move(js));
    }
    j["strategies"] = std::move(ss);
  }
  return j.dump(indent, ' ', false, json::error_handler_t::strict);
}

void save_model(const StrategyGraph& g, const std::string& path) {
  std::string text = to_json(g);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(Errc::file_unreadable, "cannot write '" + path + "'", {path});
  out << text << '\n';
  if (!out) throw InputError(Errc::file_unreadable, "cannot write '" + path + "'", {path});
}

}  // namespace koers
