// StrategyGraph::topology() and StrategyGraph::check(): every problem of a strategy graph, over
// node indices (each id is looked up once, in topology()).
#include <koers/model/strategy_graph.hpp>

#include "graph_index.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace koers {

const Topology& StrategyGraph::topology() const {
  if (const Topology* built = topology_.get()) return *built;
  return topology_.keep([this] {
    Topology t;  // every id was interned when added: a symbol's first node, no lookup
    t.from.resize(edges_.size());
    t.to.resize(edges_.size());
    for (std::size_t i = 0; i < edges_.size(); ++i) {
      t.from[i] = symbols_.node(edges_[i].from);
      t.to[i] = symbols_.node(edges_[i].to);
    }
    t.first.resize(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) t.first[i] = symbols_.node(nodes_[i].id);
    return t;
  }());
}

namespace detail {

/// Every cycle in the refines/decomposes hierarchy, one path per strongly connected component,
/// as node indices with the first repeated at the end: for each component, in the order of its
/// lowest node, a self-loop on that node, or else the walk from it along the first edge (in
/// model order) that stays inside the component, until a node repeats.
std::vector<std::vector<std::size_t>> hierarchy_cycles(const StrategyGraph& g) {
  const std::size_t n = g.size();
  Adjacency down = hierarchy_down(g);
  auto comp = strong_components(down);
  std::vector<std::size_t> comp_size;
  for (auto c : comp) {
    if (c >= comp_size.size()) comp_size.resize(c + 1, 0);
    ++comp_size[c];
  }
  std::vector<std::vector<std::size_t>> cycles;
  std::vector<char> done(comp_size.size(), 0);
  std::vector<std::uint32_t> pos;
  for (std::size_t v = 0; v < n; ++v) {
    auto c = comp[v];
    if (done[c]) continue;
    bool self = false;
    for (auto w : down.of(v))
      if (w == v) self = true;
    if (comp_size[c] < 2 && !self) continue;
    done[c] = true;
    if (self) {
      cycles.push_back({v, v});
      continue;
    }
    if (pos.empty()) pos.assign(n, Topology::none);
    std::vector<std::size_t> path{v};
    pos[v] = 0;
    std::size_t cur = v;
    while (true) {
      std::size_t next = cur;
      for (auto w : down.of(cur))
        if (comp[w] == c) {
          next = w;
          break;
        }
      if (pos[next] != Topology::none) {
        std::vector<std::size_t> cyc(path.begin() + pos[next], path.end());
        cyc.push_back(next);
        cycles.push_back(std::move(cyc));
        break;
      }
      pos[next] = static_cast<std::uint32_t>(path.size());
      path.push_back(next);
      cur = next;
    }
    for (auto p : path) pos[p] = Topology::none;
  }
  return cycles;
}

/// Goals and learning goals served by work: directly contributed to, or with a served child
/// below them in refines/decomposes (a flag per node). Linear: a worklist up the hierarchy.
std::vector<char> served_nodes(const StrategyGraph& g) {
  const auto& topo = g.topology();
  std::vector<char> served(g.size(), 0);
  std::vector<std::uint32_t> work;
  for (std::size_t i = 0, m = g.edge_count(); i < m; ++i) {
    auto f = topo.from[i], t = topo.to[i];
    if (f == Topology::none || t == Topology::none) continue;
    if (g.edge_kind(i) == EdgeKind::contributes && is_work(g.node_kind(f)) && !served[t]) {
      served[t] = 1;
      work.push_back(t);
    }
  }
  Adjacency up = hierarchy_up(g);
  while (!work.empty()) {
    auto v = work.back();
    work.pop_back();
    for (auto p : up.of(v))
      if (!served[p]) {
        served[p] = 1;
        work.push_back(p);
      }
  }
  return served;
}

}  // namespace detail

std::vector<Issue> StrategyGraph::check() const {
  std::vector<Issue> out;
  const Topology& topo = topology();
  // E202 duplicate ids (reported once, at the second node), E207 required fields
  std::vector<char> duplicate_reported;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const std::string& id = node_id(i);
    const NodeKind kind = node_kind(i);
    if (id.empty()) {
      out.push_back({Errc::missing_required, {}, describe(*this, i) + " has no id"});
    } else if (topo.first[i] != i) {
      if (duplicate_reported.empty()) duplicate_reported.assign(nodes_.size(), 0);
      if (!duplicate_reported[topo.first[i]]) {
        duplicate_reported[topo.first[i]] = 1;
        out.push_back({Errc::duplicate_id, {id}, "id '" + id + "' is used by more than one node"});
      }
    }
    if (node_name(i).empty())
      out.push_back({Errc::missing_required, {id}, display_name(kind) + " '" + id + "' has no name"});
    if (kind == NodeKind::intervention && !node_status(i))
      out.push_back(
          {Errc::missing_required, {id}, describe(*this, i) + " has no status (new, existing or partly_existing)"});
    if (kind == NodeKind::budget_stream && !node_budget_cents(i))
      out.push_back({Errc::missing_required, {id}, describe(*this, i) + " has no budget_cents"});
    if (auto importance = node_importance(i);
        importance && (*importance < 0 || *importance > 100 || !std::isfinite(*importance)))
      out.push_back({Errc::invalid_value, {id}, describe(*this, i) + " has importance outside 0..100"});
  }
  // E200 unknown references, E203 edge kinds, E206 strengths
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    const detail::EdgeRecord& e = edges_[i];
    const EdgeKind kind = static_cast<EdgeKind>(e.kind);
    const auto fi = topo.from[i], ti = topo.to[i];
    const bool f = fi != Topology::none, t = ti != Topology::none;
    if (f && t && kind != EdgeKind::contributes && edge_allowed(kind, node_kind(fi), node_kind(ti)))
      continue;  // the common case
    const std::string& from = edge_from(i);
    const std::string& to = edge_to(i);
    auto edge_text = [&] { return std::string(to_string(kind)) + " edge '" + from + "' -> '" + to + "'"; };
    if (!f) out.push_back({Errc::unknown_reference, {from}, edge_text() + " starts at an unknown node '" + from + "'"});
    if (!t) out.push_back({Errc::unknown_reference, {to}, edge_text() + " ends at an unknown node '" + to + "'"});
    if (f && t && !edge_allowed(kind, node_kind(fi), node_kind(ti)))
      out.push_back({Errc::edge_not_allowed,
                     {from, to},
                     "a " + std::string(to_string(kind)) + " edge may not go from " + describe(*this, fi) + " to " +
                         describe(*this, ti)});
    if (kind == EdgeKind::contributes) {
      if (!e.has_strength) {
        out.push_back({Errc::missing_required, {from, to}, edge_text() + " has no strength"});
      } else if (e.has_value) {
        double v = e.value;
        if (!std::isfinite(v) || v < -100 || v > 100)
          out.push_back({Errc::strength_out_of_range,
                         {from, to},
                         edge_text() + " has strength " + std::to_string(v) + ", outside -100..100"});
      } else if (!is_contribution_label(symbols_.text(e.label))) {
        out.push_back({Errc::strength_out_of_range,
                       {from, to},
                       edge_text() + " has strength '" + symbols_.text(e.label) +
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
      path += describe(*this, cyc[i]);
      if (i + 1 < cyc.size()) ids.push_back(node_id(cyc[i]));
    }
    out.push_back({Errc::cycle, ids, "cycle in refines/decomposes: " + path});
  }
  // E204 goals no intervention serves, E205 interventions that serve no goal
  auto served = detail::served_nodes(*this);
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (detail::is_goal_like(node_kind(i)) && !served[i])
      out.push_back({Errc::goal_unserved, {node_id(i)}, describe(*this, i) + " is served by no intervention"});
  // an intervention serves when it contributes to an existing node (by id: a duplicate id counts)
  std::vector<char> contributing(nodes_.size(), 0);
  for (std::size_t i = 0; i < edges_.size(); ++i)
    if (edge_kind(i) == EdgeKind::contributes && topo.to[i] != Topology::none && topo.from[i] != Topology::none)
      contributing[topo.from[i]] = 1;
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (node_kind(i) == NodeKind::intervention && !contributing[topo.first[i]])
      out.push_back({Errc::intervention_unused, {node_id(i)}, describe(*this, i) + " serves no goal"});
  // strategies name known nodes
  for (const auto& s : strategies)
    for (const auto& [id, v] : s.values) {
      if (!index_of(id))
        out.push_back({Errc::unknown_reference, {id}, "strategy '" + s.name + "' sets unknown node '" + id + "'"});
      if (!std::isfinite(v) || v < -100 || v > 100)
        out.push_back(
            {Errc::invalid_value, {id}, "strategy '" + s.name + "' sets '" + id + "' to a value outside -100..100"});
    }
  return out;
}

}  // namespace koers
