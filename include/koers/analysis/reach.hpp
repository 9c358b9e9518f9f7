#pragma once
/// \file
/// Reach per target group: which interventions target it, how many, with which participants.
#include <koers/model/strategy_graph.hpp>

namespace koers::analysis {

/// What a plan offers one target group.
struct Reach {
  std::string target_group;
  std::optional<std::int64_t> size;          ///< people in the group, when known
  std::vector<std::string> interventions;    ///< targeting it, model order
  std::int64_t mandatory = 0;                ///< how many of those are mandatory
  std::int64_t participants = 0;             ///< known participants summed
};

/// Reach of every target group, in model order.
inline std::vector<Reach> reach(const StrategyGraph& g) {
  std::vector<Reach> out;
  std::map<std::string, std::size_t> at;
  for (auto& n : g.nodes())
    if (n.kind == NodeKind::target_group) { at[n.id] = out.size(); out.push_back({n.id, n.size, {}, 0, 0}); }
  for (auto& e : g.edges()) {
    if (e.kind != EdgeKind::targets) continue;
    auto it = at.find(e.to);
    const Node* w = g.find(e.from);
    if (it == at.end() || !w) continue;
    auto& r = out[it->second];
    r.interventions.push_back(w->id);
    if (w->mandatory) ++r.mandatory;
    if (w->participants) r.participants += *w->participants;
  }
  return out;
}

}  // namespace koers::analysis
