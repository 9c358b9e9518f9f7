#pragma once
// Index-based building blocks for the strategy-graph algorithms (library-internal): compressed
// adjacency over node indices, built from StrategyGraph::topology() without an id lookup, and
// an iterative strongly-connected-components pass (no recursion: a chain of any length costs
// no stack).
#include <koers/model/strategy_graph.hpp>

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace koers::detail {

inline bool is_hierarchy(EdgeKind k) { return k == EdgeKind::refines || k == EdgeKind::decomposes; }
inline bool is_goal_like(NodeKind k) { return k == NodeKind::goal || k == NodeKind::learning_goal; }
inline bool is_work(NodeKind k) { return k == NodeKind::intervention || k == NodeKind::programme; }

/// Compressed adjacency: the neighbours of node v are target[offset[v] .. offset[v+1]), in the
/// order the edges were added; `edge` (when kept) holds the index of the koers edge of each.
struct Adjacency {
  std::vector<std::uint32_t> offset;  // size n + 1
  std::vector<std::uint32_t> target;
  std::vector<std::uint32_t> edge;
  std::span<const std::uint32_t> of(std::size_t v) const {
    return {target.data() + offset[v], target.data() + offset[v + 1]};
  }
  std::span<const std::uint32_t> edges_of(std::size_t v) const {
    return {edge.data() + offset[v], edge.data() + offset[v + 1]};
  }
  std::size_t size() const { return offset.empty() ? 0 : offset.size() - 1; }
};

/// Adjacency of the edges for which `keep(edge index)` holds and whose ends exist, each as
/// `reverse ? to -> from : from -> to`. Two passes (count, fill): no per-node vector.
template <class Keep>
Adjacency make_adjacency(const StrategyGraph& g, Keep&& keep, bool reverse, bool with_edges = false) {
  const auto& topo = g.topology();
  const std::size_t n = g.size(), m = g.edge_count();
  Adjacency a;
  a.offset.assign(n + 1, 0);
  for (std::size_t i = 0; i < m; ++i) {
    auto f = topo.from[i], t = topo.to[i];
    if (f == Topology::none || t == Topology::none || !keep(i)) continue;
    ++a.offset[(reverse ? t : f) + 1];
  }
  for (std::size_t v = 0; v < n; ++v) a.offset[v + 1] += a.offset[v];
  a.target.resize(a.offset[n]);
  if (with_edges) a.edge.resize(a.offset[n]);
  std::vector<std::uint32_t> fill(a.offset.begin(), a.offset.end() - 1);
  for (std::size_t i = 0; i < m; ++i) {
    auto f = topo.from[i], t = topo.to[i];
    if (f == Topology::none || t == Topology::none || !keep(i)) continue;
    auto at = fill[reverse ? t : f]++;
    a.target[at] = reverse ? f : t;
    if (with_edges) a.edge[at] = static_cast<std::uint32_t>(i);
  }
  return a;
}

/// refines/decomposes, parent -> child.
inline Adjacency hierarchy_down(const StrategyGraph& g, bool with_edges = false) {
  return make_adjacency(
      g, [&](std::size_t i) { return is_hierarchy(g.edge_kind(i)); }, false, with_edges);
}
/// refines/decomposes, child -> parent.
inline Adjacency hierarchy_up(const StrategyGraph& g, bool with_edges = false) {
  return make_adjacency(
      g, [&](std::size_t i) { return is_hierarchy(g.edge_kind(i)); }, true, with_edges);
}

/// Strongly connected components (iterative Tarjan). Returns the component of each node;
/// components are numbered so that every component comes after the components it reaches
/// (children first).
inline std::vector<std::uint32_t> strong_components(const Adjacency& adj) {
  const std::size_t n = adj.size();
  constexpr std::uint32_t none = Topology::none;
  std::vector<std::uint32_t> index(n, none), low(n, 0), comp(n, none), stack;
  std::vector<char> on(n, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> call;  // (node, next neighbour)
  std::uint32_t counter = 0, comps = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (index[root] != none) continue;
    auto r = static_cast<std::uint32_t>(root);
    call.push_back({r, adj.offset[r]});
    index[r] = low[r] = counter++;
    stack.push_back(r);
    on[r] = 1;
    while (!call.empty()) {
      auto& [v, k] = call.back();
      if (k < adj.offset[v + 1]) {
        std::uint32_t w = adj.target[k++];
        if (index[w] == none) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on[w] = 1;
          call.push_back({w, adj.offset[w]});
        } else if (on[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      std::uint32_t done = v;
      call.pop_back();
      if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[done]);
      if (low[done] == index[done]) {
        std::uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on[w] = 0;
          comp[w] = comps;
        } while (w != done);
        ++comps;
      }
    }
  }
  return comp;
}

}  // namespace koers::detail
