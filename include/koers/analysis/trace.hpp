#pragma once
/// \file
/// Trace down (development or theme -> goals -> learning goals -> interventions) and up
/// (intervention -> goals -> developments), with one shortest path per pair.
#include <koers/analysis/coverage.hpp>

#include <algorithm>
#include <deque>
#include <functional>

namespace koers::analysis {

/// A path between two nodes, as ids from the start to the end.
struct TracePath {
  std::string from;
  std::string to;
  std::vector<std::string> path;
};

namespace detail {
/// Breadth-first search over adjacency `adj` (by index) from `start`; one path per reached node.
inline std::vector<TracePath> bfs_paths(const StrategyGraph& g, const std::vector<std::vector<std::size_t>>& adj,
                                        std::size_t start, const std::function<bool(const Node&)>& want) {
  std::vector<long> parent(g.size(), -2);
  std::deque<std::size_t> q{start};
  parent[start] = -1;
  std::vector<TracePath> out;
  while (!q.empty()) {
    auto v = q.front();
    q.pop_front();
    if (v != start && want(g.nodes()[v])) {
      TracePath p{g.nodes()[start].id, g.nodes()[v].id, {}};
      for (long x = static_cast<long>(v); x != -1; x = parent[static_cast<std::size_t>(x)]) p.path.push_back(g.nodes()[static_cast<std::size_t>(x)].id);
      std::reverse(p.path.begin(), p.path.end());
      out.push_back(std::move(p));
    }
    for (auto w : adj[v]) if (parent[w] == -2) { parent[w] = static_cast<long>(v); q.push_back(w); }
  }
  std::sort(out.begin(), out.end(), [&](const TracePath& a, const TracePath& b) {
    return *g.index_of(a.to) < *g.index_of(b.to);
  });
  return out;
}
/// Downward adjacency: hierarchy parent -> child, and goal -> contributing work.
inline std::vector<std::vector<std::size_t>> down_adjacency(const StrategyGraph& g) {
  std::vector<std::vector<std::size_t>> adj(g.size());
  const auto& topo = g.topology();
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    auto f = topo.from[i], t = topo.to[i];
    if (f == Topology::none || t == Topology::none) continue;
    auto kind = g.edge_kind(i);
    if (kind == EdgeKind::refines || kind == EdgeKind::decomposes) adj[f].push_back(t);
    if (kind == EdgeKind::contributes) adj[t].push_back(f);
  }
  return adj;
}
inline std::vector<std::vector<std::size_t>> up_adjacency(const StrategyGraph& g) {
  auto down = down_adjacency(g);
  std::vector<std::vector<std::size_t>> up(g.size());
  for (std::size_t v = 0; v < down.size(); ++v) for (auto w : down[v]) up[w].push_back(v);
  return up;
}
inline std::size_t index_or_throw(const StrategyGraph& g, const std::string& id) {
  auto i = g.index_of(id);
  if (!i) throw GraphError(Errc::unknown_node, "no node '" + id + "' in the model", {id});
  return *i;
}
}  // namespace detail

/// Every intervention (and programme) below `id`, with the path that reaches it.
inline std::vector<TracePath> trace_down(const StrategyGraph& g, const std::string& id) {
  auto start = detail::index_or_throw(g, id);
  return detail::bfs_paths(g, detail::down_adjacency(g), start, [](const Node& n) {
    return n.kind == NodeKind::intervention || n.kind == NodeKind::programme;
  });
}

/// Every development and strategic theme above `id` (usually an intervention), with its path
/// (from `id` upwards).
inline std::vector<TracePath> trace_up(const StrategyGraph& g, const std::string& id) {
  auto start = detail::index_or_throw(g, id);
  return detail::bfs_paths(g, detail::up_adjacency(g), start, [](const Node& n) {
    return n.kind == NodeKind::development || n.kind == NodeKind::strategic_theme;
  });
}

}  // namespace koers::analysis
