#pragma once
/// \file
/// Removal impact (which goals lose all support if interventions or programmes are dropped)
/// and single points of failure (dominators of the support graph).
///
/// Support flows from work (interventions, programmes) along contributes edges to goals and
/// learning goals, and up refines/decomposes from a child to its parent: a node is supported
/// when at least one path of support reaches it (OR semantics, as for coverage).
#include <koers/analysis/trace.hpp>

namespace koers::analysis {

/// What dropping some work does to the plan.
struct RemovalImpact {
  std::vector<std::string> removed;      ///< the work dropped (programmes expanded to their parts)
  std::vector<std::string> unsupported;  ///< goals, learning goals, developments, themes that lose all support
  std::vector<std::string> weakened;     ///< nodes that keep support but lose some of it
};

/// A node whose every line of support passes through one piece of work.
struct SinglePointOfFailure {
  std::string node;               ///< a goal, learning goal, development or theme
  std::vector<std::string> work;  ///< interventions/programmes all its support passes through
};

namespace detail {
bool is_supported_kind(NodeKind k);
/// Support flags given the set of removed node indices.
std::vector<int> support_counts(const StrategyGraph& g, const std::vector<bool>& removed);
}  // namespace detail

/// Drop interventions or programmes (a programme takes the work that is part of it along) and
/// report which nodes lose all support and which lose some. Unknown ids throw GraphError E208.
RemovalImpact removal_impact(const StrategyGraph& g, const std::vector<std::string>& drop);

/// For every supported goal, learning goal, development and theme: the work that all its
/// support passes through (its dominators among work in the support graph, rooted at a virtual
/// source feeding every intervention and programme), nearest first. Nodes with no such work are
/// left out. Linear in the graph and the answer (each node's chain of work dominators is read
/// from its nearest work dominator's).
std::vector<SinglePointOfFailure> single_points_of_failure(const StrategyGraph& g);

}  // namespace koers::analysis
