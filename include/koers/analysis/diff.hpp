#pragma once
/// \file
/// What changed between two versions of a plan (the plan is recalibrated every autumn):
/// nodes, edges and attributes added, removed and changed.
#include <koers/model/strategy_graph.hpp>

#include <map>
#include <sstream>

namespace koers::analysis {

/// One attribute that differs between the two versions.
struct AttributeChange {
  std::string element;  ///< node id, or "kind:from->to" for an edge
  std::string field;
  std::string before;   ///< "" when absent
  std::string after;
};

/// The difference between plan `a` (before) and plan `b` (after).
struct PlanDiff {
  std::vector<std::string> nodes_added, nodes_removed;        ///< node ids
  std::vector<std::string> edges_added, edges_removed;        ///< "kind:from->to"
  std::vector<AttributeChange> changed;                       ///< node and edge attributes
  bool empty() const {
    return nodes_added.empty() && nodes_removed.empty() && edges_added.empty() && edges_removed.empty() && changed.empty();
  }
};

namespace detail {
inline std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}
template <class T>
std::string opt(const std::optional<T>& v) {
  if (!v) return "";
  if constexpr (std::is_same_v<T, double>) return num(*v);
  else if constexpr (std::is_integral_v<T>) return std::to_string(*v);
  else return std::string(to_string(*v));
}
/// Every attribute of a node as text, by field name (absent fields are "").
inline std::map<std::string, std::string> node_fields(const Node& n) {
  return {
      {"kind", std::string(to_string(n.kind))}, {"name", n.name}, {"description", n.description},
      {"importance", opt(n.importance)}, {"decomposition", opt(n.decomposition)}, {"audience", n.audience},
      {"table", n.table}, {"doel", n.doel}, {"inhoud", n.inhoud}, {"doelgroep", n.doelgroep}, {"note", n.note},
      {"status", opt(n.status)}, {"mandatory", n.mandatory ? "true" : "false"}, {"channel", opt(n.channel)},
      {"duration_hours", opt(n.duration_hours)}, {"cost_cents", opt(n.cost_cents)},
      {"participants", opt(n.participants)}, {"ilb_contribution", n.ilb_contribution ? "true" : "false"},
      {"size", opt(n.size)}, {"gemma_id", n.gemma_id}, {"domain", n.domain},
      {"budget_cents", opt(n.budget_cents)}, {"year", opt(n.year)},
  };
}
inline std::string edge_key(const Edge& e) { return std::string(to_string(e.kind)) + ":" + e.from + "->" + e.to; }
inline std::string strength_text(const std::optional<Strength>& s) {
  if (!s) return "";
  return s->value ? num(*s->value) : s->label;
}
}  // namespace detail

/// Compare two plans node by node (by id) and edge by edge (by kind, from, to).
inline PlanDiff diff(const StrategyGraph& a, const StrategyGraph& b) {
  PlanDiff d;
  for (auto& n : a.nodes()) if (!b.find(n.id)) d.nodes_removed.push_back(n.id);
  for (auto& n : b.nodes()) {
    const Node* old = a.find(n.id);
    if (!old) { d.nodes_added.push_back(n.id); continue; }
    auto fa = detail::node_fields(*old), fb = detail::node_fields(n);
    for (auto& [field, before] : fa)
      if (fb[field] != before) d.changed.push_back({n.id, field, before, fb[field]});
  }
  std::map<std::string, std::size_t> ea, eb;  // key -> the first edge with it
  for (std::size_t i = 0; i < a.edge_count(); ++i) ea.emplace(detail::edge_key(a.edges()[i]), i);
  for (std::size_t i = 0; i < b.edge_count(); ++i) eb.emplace(detail::edge_key(b.edges()[i]), i);
  for (auto& e : a.edges()) if (!eb.count(detail::edge_key(e))) d.edges_removed.push_back(detail::edge_key(e));
  for (auto& e : b.edges()) {
    auto key = detail::edge_key(e);
    auto it = ea.find(key);
    if (it == ea.end()) { d.edges_added.push_back(key); continue; }
    auto sa = detail::strength_text(a.edge_strength(it->second)), sb = detail::strength_text(e.strength);
    if (sa != sb) d.changed.push_back({key, "strength", sa, sb});
  }
  if (a.name != b.name) d.changed.push_back({"(plan)", "name", a.name, b.name});
  return d;
}

}  // namespace koers::analysis
