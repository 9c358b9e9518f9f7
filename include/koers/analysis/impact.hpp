#pragma once
/// \file
/// Removal impact (which goals lose all support if interventions or programmes are dropped)
/// and single points of failure (dominators of the support graph).
///
/// Support flows from work (interventions, programmes) along contributes edges to goals and
/// learning goals, and up refines/decomposes from a child to its parent: a node is supported
/// when at least one path of support reaches it (OR semantics, as for coverage).
#include <koers/analysis/trace.hpp>
#include <deque>

namespace koers::analysis {

/// What dropping some work does to the plan.
struct RemovalImpact {
  std::vector<std::string> removed;        ///< the work dropped (programmes expanded to their parts)
  std::vector<std::string> unsupported;    ///< goals, learning goals, developments, themes that lose all support
  std::vector<std::string> weakened;       ///< nodes that keep support but lose some of it
};

/// A node whose every line of support passes through one piece of work.
struct SinglePointOfFailure {
  std::string node;                        ///< a goal, learning goal, development or theme
  std::vector<std::string> work;           ///< interventions/programmes all its support passes through
};

namespace detail {
inline bool is_supported_kind(NodeKind k) {
  return k == NodeKind::goal || k == NodeKind::learning_goal || k == NodeKind::development ||
         k == NodeKind::strategic_theme;
}
/// Support flags given the set of removed node indices.
inline std::vector<int> support_counts(const StrategyGraph& g, const std::vector<bool>& removed) {
  // count of distinct direct supporters (contributions from work, supported children)
  auto up = koers::analysis::detail::up_adjacency(g);  // child -> parents and work -> goals
  std::vector<bool> supported(g.size(), false);
  std::deque<std::size_t> q;
  for (std::size_t v = 0; v < g.size(); ++v) {
    auto k = g.nodes()[v].kind;
    if ((k == NodeKind::intervention || k == NodeKind::programme) && !removed[v]) { supported[v] = true; q.push_back(v); }
  }
  while (!q.empty()) {
    auto v = q.front();
    q.pop_front();
    for (auto w : up[v]) if (!supported[w] && !removed[w]) { supported[w] = true; q.push_back(w); }
  }
  std::vector<int> count(g.size(), 0);
  for (std::size_t v = 0; v < g.size(); ++v)
    if (supported[v]) for (auto w : up[v]) ++count[w];
  return count;
}
}  // namespace detail

/// Drop interventions or programmes (a programme takes the work that is part of it along) and
/// report which nodes lose all support and which lose some. Unknown ids throw GraphError E208.
inline RemovalImpact removal_impact(const StrategyGraph& g, const std::vector<std::string>& drop) {
  std::vector<bool> removed(g.size(), false);
  // part_of children of programmes
  std::vector<std::vector<std::size_t>> parts(g.size());
  for (auto& e : g.edges())
    if (e.kind == EdgeKind::part_of) {
      auto f = g.index_of(e.from), t = g.index_of(e.to);
      if (f && t) parts[*t].push_back(*f);
    }
  std::vector<std::size_t> stack;
  for (auto& id : drop) {
    auto i = detail::index_or_throw(g, id);
    auto k = g.nodes()[i].kind;
    if (k != NodeKind::intervention && k != NodeKind::programme)
      throw GraphError(Errc::wrong_kind, describe(g.nodes()[i]) + " is not an intervention or programme and cannot be dropped", {id});
    stack.push_back(i);
  }
  while (!stack.empty()) {
    auto v = stack.back();
    stack.pop_back();
    if (removed[v]) continue;
    removed[v] = true;
    for (auto p : parts[v]) stack.push_back(p);
  }
  auto before = detail::support_counts(g, std::vector<bool>(g.size(), false));
  auto after = detail::support_counts(g, removed);
  RemovalImpact r;
  for (std::size_t v = 0; v < g.size(); ++v) {
    if (removed[v]) r.removed.push_back(g.nodes()[v].id);
    if (!detail::is_supported_kind(g.nodes()[v].kind)) continue;
    if (before[v] > 0 && after[v] == 0) r.unsupported.push_back(g.nodes()[v].id);
    else if (after[v] < before[v]) r.weakened.push_back(g.nodes()[v].id);
  }
  return r;
}

/// For every supported goal, learning goal, development and theme: the work that all its
/// support passes through (its dominators among work in the support graph, rooted at a virtual
/// source feeding every intervention and programme), nearest first. Nodes with no such work are
/// left out. Linear in the graph and the answer (each node's chain of work dominators is read
/// from its nearest work dominator's).
std::vector<SinglePointOfFailure> single_points_of_failure(const StrategyGraph& g);

}  // namespace koers::analysis
