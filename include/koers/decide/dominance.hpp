#pragma once
/// \file
/// Dominated alternatives: reported, never refused.
#include <koers/decide/problem.hpp>

#include <vector>

namespace koers::decide {

/// For each alternative the first alternative (lowest index) that dominates it — at least as
/// good on every criterion (by direction) and strictly better on one — or −1. O(m²·n); when the
/// problem has more than `max_alternatives` alternatives nothing is computed and `checked` is false.
struct Dominance {
  std::vector<Eigen::Index> dominated_by;  ///< per alternative: a dominator, or −1
  bool checked = true;
};

Dominance dominance(const DecisionProblem& p, Eigen::Index max_alternatives = 5000);

}  // namespace koers::decide
