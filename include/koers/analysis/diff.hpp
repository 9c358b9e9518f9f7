#pragma once
/// \file
/// What changed between two versions of a plan (the plan is recalibrated every autumn):
/// nodes, edges and attributes added, removed and changed.
#include <koers/model/strategy_graph.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace koers::analysis {

/// One attribute that differs between the two versions.
struct AttributeChange {
  std::string element;  ///< node id, or "kind:from->to" for an edge
  std::string field;
  std::string before;  ///< "" when absent
  std::string after;
};

/// The difference between plan `a` (before) and plan `b` (after).
struct PlanDiff {
  std::vector<std::string> nodes_added, nodes_removed;  ///< node ids
  std::vector<std::string> edges_added, edges_removed;  ///< "kind:from->to"
  std::vector<AttributeChange> changed;                 ///< node and edge attributes
  bool empty() const {
    return nodes_added.empty() && nodes_removed.empty() && edges_added.empty() && edges_removed.empty() &&
           changed.empty();
  }
};

/// Compare two plans node by node (by id) and edge by edge (by kind, from, to).
PlanDiff diff(const StrategyGraph& a, const StrategyGraph& b);

}  // namespace koers::analysis
