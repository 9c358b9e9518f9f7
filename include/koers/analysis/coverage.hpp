#pragma once
/// \file
/// Coverage of goals and learning goals by interventions (matrix and gaps).
#include <koers/model/strategy_graph.hpp>

#include <map>
#include <set>

namespace koers::analysis {

/// One cell of the coverage matrix: `intervention` serves `goal`, directly (a contributes
/// edge to the goal) or indirectly (a contribution to something the goal refines/decomposes into).
struct CoverageEntry {
  std::string goal;
  std::string intervention;
  bool direct = false;
  std::optional<Strength> strength;  ///< the direct contribution's strength
};

/// Coverage of every goal and learning goal.
struct Coverage {
  std::vector<std::string> goals;          ///< goal and learning-goal ids, in model order
  std::vector<std::string> interventions;  ///< intervention and programme ids, in model order
  std::vector<CoverageEntry> entries;      ///< served cells (goal, intervention)
  std::map<std::string, std::vector<std::string>> by_goal;  ///< goal -> serving ids (model order)
  std::vector<std::string> gaps;           ///< goals no intervention serves
};

namespace detail {
/// Children of each node in refines/decomposes (by index).
inline std::vector<std::vector<std::size_t>> hierarchy_children(const StrategyGraph& g) {
  std::vector<std::vector<std::size_t>> ch(g.size());
  for (auto& e : g.edges()) {
    if (e.kind != EdgeKind::refines && e.kind != EdgeKind::decomposes) continue;
    auto f = g.index_of(e.from), t = g.index_of(e.to);
    if (f && t) ch[*f].push_back(*t);
  }
  return ch;
}
/// Work (intervention/programme) contributing directly to each node (by index).
inline std::vector<std::vector<std::pair<std::size_t, const Edge*>>> direct_contributors(const StrategyGraph& g) {
  std::vector<std::vector<std::pair<std::size_t, const Edge*>>> c(g.size());
  for (auto& e : g.edges()) {
    if (e.kind != EdgeKind::contributes) continue;
    auto f = g.index_of(e.from), t = g.index_of(e.to);
    if (!f || !t) continue;
    auto k = g.nodes()[*f].kind;
    if (k == NodeKind::intervention || k == NodeKind::programme) c[*t].push_back({*f, &e});
  }
  return c;
}
/// Indices of the nodes at or below `start` in refines/decomposes (cycle-safe).
inline std::vector<std::size_t> descendants(const std::vector<std::vector<std::size_t>>& ch, std::size_t start) {
  std::vector<std::size_t> out{start}, stack{start};
  std::vector<bool> seen(ch.size(), false);
  seen[start] = true;
  while (!stack.empty()) {
    auto v = stack.back();
    stack.pop_back();
    for (auto c : ch[v]) if (!seen[c]) { seen[c] = true; out.push_back(c); stack.push_back(c); }
  }
  return out;
}
}  // namespace detail

/// Which interventions serve which goals and learning goals, and which are served by none.
inline Coverage coverage(const StrategyGraph& g) {
  Coverage cov;
  const auto& nodes = g.nodes();
  for (auto& n : nodes) {
    if (n.kind == NodeKind::goal || n.kind == NodeKind::learning_goal) cov.goals.push_back(n.id);
    if (n.kind == NodeKind::intervention || n.kind == NodeKind::programme) cov.interventions.push_back(n.id);
  }
  auto ch = detail::hierarchy_children(g);
  auto direct = detail::direct_contributors(g);
  for (std::size_t gi = 0; gi < nodes.size(); ++gi) {
    if (nodes[gi].kind != NodeKind::goal && nodes[gi].kind != NodeKind::learning_goal) continue;
    std::map<std::size_t, CoverageEntry> cells;  // by intervention index: model order
    for (auto d : detail::descendants(ch, gi)) {
      for (auto& [w, e] : direct[d]) {
        auto& cell = cells[w];
        cell.goal = nodes[gi].id;
        cell.intervention = nodes[w].id;
        if (d == gi) { cell.direct = true; cell.strength = e->strength; }
      }
    }
    auto& list = cov.by_goal[nodes[gi].id];
    for (auto& [w, cell] : cells) { list.push_back(cell.intervention); cov.entries.push_back(cell); }
    if (list.empty()) cov.gaps.push_back(nodes[gi].id);
  }
  return cov;
}

}  // namespace koers::analysis
