#pragma once
// Definitions for StrategyGraph::check() (included by strategy_graph.hpp).
#include <koers/detail/graph_view.hpp>

#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

namespace koers {
namespace detail {

inline bool is_hierarchy(const Edge& e) { return e.kind == EdgeKind::refines || e.kind == EdgeKind::decomposes; }
inline bool is_goal_like(NodeKind k) { return k == NodeKind::goal || k == NodeKind::learning_goal; }
inline bool is_work(NodeKind k) { return k == NodeKind::intervention || k == NodeKind::programme; }

/// Every cycle in the refines/decomposes hierarchy, one path per strongly connected component,
/// as node indices with the first repeated at the end.
inline std::vector<std::vector<std::size_t>> hierarchy_cycles(const StrategyGraph& g) {
  BoostGraph bg = make_view(g, is_hierarchy);
  std::vector<int> comp(boost::num_vertices(bg));
  int nc = comp.empty() ? 0 : boost::strong_components(bg, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, bg)));
  std::vector<int> comp_size(static_cast<std::size_t>(nc), 0);
  for (int c : comp) ++comp_size[static_cast<std::size_t>(c)];
  std::vector<std::vector<std::size_t>> cycles;
  std::vector<bool> done(static_cast<std::size_t>(nc), false);
  for (std::size_t v = 0; v < comp.size(); ++v) {
    auto c = static_cast<std::size_t>(comp[v]);
    bool self = false;
    for (auto [ei, ee] = boost::out_edges(v, bg); ei != ee; ++ei)
      if (boost::target(*ei, bg) == v) self = true;
    if (done[c] || (comp_size[c] < 2 && !self)) continue;
    done[c] = true;
    if (self) { cycles.push_back({v, v}); continue; }
    // walk inside the component until a vertex repeats: that closes a cycle
    std::vector<std::size_t> path{v};
    std::vector<int> pos(comp.size(), -1);
    pos[v] = 0;
    std::size_t cur = v;
    while (true) {
      std::size_t next = cur;
      for (auto [ei, ee] = boost::out_edges(cur, bg); ei != ee; ++ei) {
        auto t = boost::target(*ei, bg);
        if (static_cast<std::size_t>(comp[t]) == c) { next = t; break; }
      }
      if (pos[next] >= 0) {
        std::vector<std::size_t> cyc(path.begin() + pos[next], path.end());
        cyc.push_back(next);
        cycles.push_back(std::move(cyc));
        break;
      }
      pos[next] = static_cast<int>(path.size());
      path.push_back(next);
      cur = next;
    }
  }
  return cycles;
}

/// Each edge's endpoints as node indices (−1 when the id is unknown): resolved once, so the
/// checks below never look an id up twice.
inline std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> resolve_edges(const StrategyGraph& g) {
  std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> ends;
  ends.reserve(g.edges().size());
  for (const auto& e : g.edges()) {
    auto f = g.index_of(e.from), t = g.index_of(e.to);
    ends.emplace_back(f ? static_cast<std::ptrdiff_t>(*f) : -1, t ? static_cast<std::ptrdiff_t>(*t) : -1);
  }
  return ends;
}

/// Goals and learning goals served by work: directly contributed to, or with a served
/// child below them in refines/decomposes. Returns a flag per node index. Linear: one pass
/// over the edges and a worklist up the hierarchy (cycles are harmless: a node is queued once).
inline std::vector<bool> served_nodes(const StrategyGraph& g,
                                      const std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>>& ends) {
  const auto& edges = g.edges();
  std::vector<bool> served(g.size(), false);
  std::vector<std::vector<std::size_t>> parents(g.size());
  std::vector<std::size_t> work;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    auto [f, t] = ends[i];
    if (f < 0 || t < 0) continue;
    if (is_hierarchy(edges[i])) {
      parents[static_cast<std::size_t>(t)].push_back(static_cast<std::size_t>(f));
    } else if (edges[i].kind == EdgeKind::contributes && is_work(g.nodes()[static_cast<std::size_t>(f)].kind) &&
               !served[static_cast<std::size_t>(t)]) {
      served[static_cast<std::size_t>(t)] = true;
      work.push_back(static_cast<std::size_t>(t));
    }
  }
  while (!work.empty()) {
    std::size_t v = work.back();
    work.pop_back();
    for (std::size_t p : parents[v])
      if (!served[p]) { served[p] = true; work.push_back(p); }
  }
  return served;
}
inline std::vector<bool> served_nodes(const StrategyGraph& g) { return served_nodes(g, resolve_edges(g)); }

}  // namespace detail

inline std::vector<Issue> StrategyGraph::check() const {
  std::vector<Issue> out;
  // E202 duplicate ids, E207 required fields
  std::unordered_map<std::string, int> seen;
  for (const auto& n : nodes_) {
    if (n.id.empty()) out.push_back({Errc::missing_required, {}, describe(n) + " has no id"});
    else if (++seen[n.id] == 2) out.push_back({Errc::duplicate_id, {n.id}, "id '" + n.id + "' is used by more than one node"});
    if (n.name.empty()) out.push_back({Errc::missing_required, {n.id}, display_name(n.kind) + " '" + n.id + "' has no name"});
    if (n.kind == NodeKind::intervention && !n.status)
      out.push_back({Errc::missing_required, {n.id}, describe(n) + " has no status (new, existing or partly_existing)"});
    if (n.kind == NodeKind::budget_stream && !n.budget_cents)
      out.push_back({Errc::missing_required, {n.id}, describe(n) + " has no budget_cents"});
    if (n.importance && (*n.importance < 0 || *n.importance > 100 || !std::isfinite(*n.importance)))
      out.push_back({Errc::invalid_value, {n.id}, describe(n) + " has importance outside 0..100"});
  }
  // E200 unknown references, E203 edge kinds, E206 strengths
  const auto ends = detail::resolve_edges(*this);
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    const Edge& e = edges_[i];
    const Node* f = ends[i].first >= 0 ? &nodes_[static_cast<std::size_t>(ends[i].first)] : nullptr;
    const Node* t = ends[i].second >= 0 ? &nodes_[static_cast<std::size_t>(ends[i].second)] : nullptr;
    auto edge_text = [&] { return std::string(to_string(e.kind)) + " edge '" + e.from + "' -> '" + e.to + "'"; };
    if (!f) out.push_back({Errc::unknown_reference, {e.from}, edge_text() + " starts at an unknown node '" + e.from + "'"});
    if (!t) out.push_back({Errc::unknown_reference, {e.to}, edge_text() + " ends at an unknown node '" + e.to + "'"});
    if (f && t && !edge_allowed(e.kind, f->kind, t->kind))
      out.push_back({Errc::edge_not_allowed, {e.from, e.to},
                     "a " + std::string(to_string(e.kind)) + " edge may not go from " + describe(*f) + " to " + describe(*t)});
    if (e.kind == EdgeKind::contributes) {
      if (!e.strength) {
        out.push_back({Errc::missing_required, {e.from, e.to}, edge_text() + " has no strength"});
      } else if (e.strength->value) {
        double v = *e.strength->value;
        if (!std::isfinite(v) || v < -100 || v > 100)
          out.push_back({Errc::strength_out_of_range, {e.from, e.to},
                         edge_text() + " has strength " + std::to_string(v) + ", outside -100..100"});
      } else if (!is_contribution_label(e.strength->label)) {
        out.push_back({Errc::strength_out_of_range, {e.from, e.to},
                       edge_text() + " has strength '" + e.strength->label +
                           "', not one of make, help, some+, unknown, some-, hurt, break"});
      }
    }
  }
  // E201 cycles in refines/decomposes
  for (const auto& cyc : detail::hierarchy_cycles(*this)) {
    std::string path;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < cyc.size(); ++i) {
      if (i) path += " -> ";
      path += describe(nodes_[cyc[i]]);
      if (i + 1 < cyc.size()) ids.push_back(nodes_[cyc[i]].id);
    }
    out.push_back({Errc::cycle, ids, "cycle in refines/decomposes: " + path});
  }
  // E204 goals no intervention serves, E205 interventions that serve no goal
  auto served = detail::served_nodes(*this, ends);
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (detail::is_goal_like(nodes_[i].kind) && !served[i])
      out.push_back({Errc::goal_unserved, {nodes_[i].id}, describe(nodes_[i]) + " is served by no intervention"});
  // an intervention serves when it contributes to an existing node (by id: a duplicate id counts)
  std::vector<bool> contributing(nodes_.size(), false);
  for (std::size_t i = 0; i < edges_.size(); ++i)
    if (edges_[i].kind == EdgeKind::contributes && ends[i].second >= 0 && ends[i].first >= 0)
      contributing[static_cast<std::size_t>(ends[i].first)] = true;
  for (const auto& n : nodes_)
    if (n.kind == NodeKind::intervention && !contributing[*index_of(n.id)])
      out.push_back({Errc::intervention_unused, {n.id}, describe(n) + " serves no goal"});
  // strategies name known nodes
  for (const auto& s : strategies)
    for (const auto& [id, v] : s.values) {
      if (!find(id)) out.push_back({Errc::unknown_reference, {id}, "strategy '" + s.name + "' sets unknown node '" + id + "'"});
      if (!std::isfinite(v) || v < -100 || v > 100)
        out.push_back({Errc::invalid_value, {id}, "strategy '" + s.name + "' sets '" + id + "' to a value outside -100..100"});
    }
  return out;
}

}  // namespace koers
