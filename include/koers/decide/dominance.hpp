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

inline Dominance dominance(const DecisionProblem& p, Eigen::Index max_alternatives = 5000) {
  p.validate();
  const Eigen::Index m = p.n_alternatives(), n = p.n_criteria();
  Dominance d;
  d.dominated_by.assign(static_cast<std::size_t>(m), -1);
  if (m > max_alternatives) { d.checked = false; return d; }
  Eigen::MatrixXd g = p.scores * p.signs().asDiagonal();  // larger is better everywhere
  for (Eigen::Index a = 0; a < m; ++a)
    for (Eigen::Index b = 0; b < m; ++b) {
      if (a == b) continue;
      bool geq = true, gt = false;
      for (Eigen::Index j = 0; j < n && geq; ++j) {
        if (g(b, j) < g(a, j)) geq = false;
        else if (g(b, j) > g(a, j)) gt = true;
      }
      if (geq && gt) { d.dominated_by[static_cast<std::size_t>(a)] = b; break; }
    }
  return d;
}

}  // namespace koers::decide
