#pragma once
/// \file
/// Coverage of goals and learning goals by interventions (matrix and gaps).
#include <koers/model/strategy_graph.hpp>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

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
  std::vector<std::string> goals;                           ///< goal and learning-goal ids, in model order
  std::vector<std::string> interventions;                   ///< intervention and programme ids, in model order
  std::vector<CoverageEntry> entries;                       ///< served cells (goal, intervention)
  std::map<std::string, std::vector<std::string>> by_goal;  ///< goal -> serving ids (model order)
  std::vector<std::string> gaps;                            ///< goals no intervention serves
};

/// Coverage over node indices (what the id tables above are made from, and what Python reads):
/// one sparse row per goal and learning goal, its cells the serving work in model order.
struct SparseCoverage {
  static constexpr std::uint32_t indirect = 0xFFFFFFFFu;  ///< cell_edge of a cell served from below
  std::vector<std::uint32_t> goals;      ///< node indices of the goals and learning goals, in model order
  std::vector<std::uint32_t> work;       ///< node indices of the interventions and programmes, in model order
  std::vector<std::uint32_t> offset;     ///< goals.size() + 1: the cells of goals[k] are [offset[k], offset[k+1])
  std::vector<std::uint32_t> cell_work;  ///< per cell: node index of the serving work (ascending within a goal)
  std::vector<std::uint32_t> cell_edge;  ///< per cell: the direct contributes edge (its strength), or `indirect`
  std::size_t cells() const noexcept { return cell_work.size(); }
};

/// Which work serves which goals and learning goals, over node indices. Linear in the size of
/// the graph and of the answer: the work below each strongly connected component of the
/// hierarchy is gathered once, children first (a chain of 40,000 goals took 22 s when each goal
/// walked everything below it).
SparseCoverage sparse_coverage(const StrategyGraph& g);

/// Which interventions serve which goals and learning goals, and which are served by none (the
/// id tables of sparse_coverage()).
Coverage coverage(const StrategyGraph& g);

}  // namespace koers::analysis
