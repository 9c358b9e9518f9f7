#pragma once
/// \file
/// Reach per target group: which interventions target it, how many, with which participants.
#include <koers/model/strategy_graph.hpp>

namespace koers::analysis {

/// What a plan offers one target group.
struct Reach {
  std::string target_group;
  std::optional<std::int64_t> size;        ///< people in the group, when known
  std::vector<std::string> interventions;  ///< targeting it, model order
  std::int64_t mandatory = 0;              ///< how many of those are mandatory
  std::int64_t participants = 0;           ///< known participants summed
};

/// Reach of every target group, in model order.
std::vector<Reach> reach(const StrategyGraph& g);

}  // namespace koers::analysis
