// Coverage of goals and learning goals by work, over node indices (see analysis/coverage.hpp).
#include <koers/analysis/coverage.hpp>

#include "graph_index.hpp"

#include <algorithm>

namespace koers::analysis {

SparseCoverage sparse_coverage(const StrategyGraph& g) {
  using koers::detail::Adjacency;
  const auto& topo = g.topology();
  const std::size_t n = g.size();
  SparseCoverage cov;
  for (std::size_t v = 0; v < n; ++v) {
    if (koers::detail::is_goal_like(g.node_kind(v))) cov.goals.push_back(static_cast<std::uint32_t>(v));
    if (koers::detail::is_work(g.node_kind(v))) cov.work.push_back(static_cast<std::uint32_t>(v));
  }
  Adjacency down = koers::detail::hierarchy_down(g);
  // work contributing directly to each node: node -> (work, edge), in edge order
  Adjacency direct = koers::detail::make_adjacency(
      g,
      [&](std::size_t i) {
        return g.edge_kind(i) == EdgeKind::contributes && koers::detail::is_work(g.node_kind(topo.from[i]));
      },
      true, true);
  auto comp = koers::detail::strong_components(down);
  std::uint32_t ncomp = 0;
  for (auto c : comp) ncomp = std::max(ncomp, c + 1);
  // members of each component (components are numbered children first)
  std::vector<std::uint32_t> moff(ncomp + 1, 0), members(n);
  for (auto c : comp) ++moff[c + 1];
  for (std::uint32_t c = 0; c < ncomp; ++c) moff[c + 1] += moff[c];
  {
    std::vector<std::uint32_t> fill(moff.begin(), moff.end() - 1);
    for (std::size_t v = 0; v < n; ++v) members[fill[comp[v]]++] = static_cast<std::uint32_t>(v);
  }
  // below[c]: the work contributing to anything in component c or under it (ascending: model order)
  std::vector<std::vector<std::uint32_t>> below(ncomp);
  for (std::uint32_t c = 0; c < ncomp; ++c) {
    auto& set = below[c];
    bool merged = false;
    for (auto k = moff[c]; k < moff[c + 1]; ++k) {
      auto v = members[k];
      auto d = direct.of(v);
      set.insert(set.end(), d.begin(), d.end());
      for (auto child : down.of(v)) {
        auto cc = comp[child];
        if (cc == c || below[cc].empty()) continue;
        if (set.empty() && !merged) {
          set = below[cc];
          merged = true;
          continue;
        }
        set.insert(set.end(), below[cc].begin(), below[cc].end());
        merged = true;
      }
    }
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    set.shrink_to_fit();
  }
  cov.offset.reserve(cov.goals.size() + 1);
  cov.offset.push_back(0);
  std::size_t total = 0;
  for (auto gi : cov.goals) total += below[comp[gi]].size();
  cov.cell_work.reserve(total);
  cov.cell_edge.reserve(total);
  for (auto gi : cov.goals) {
    const auto& set = below[comp[gi]];
    auto base = cov.cell_work.size();
    cov.cell_work.insert(cov.cell_work.end(), set.begin(), set.end());
    cov.cell_edge.insert(cov.cell_edge.end(), set.size(), SparseCoverage::indirect);
    auto ws = direct.of(gi);
    auto es = direct.edges_of(gi);
    for (std::size_t k = 0; k < ws.size(); ++k) {  // the goal's own contributions: direct (the last edge's strength)
      auto at = std::lower_bound(set.begin(), set.end(), ws[k]) - set.begin();
      cov.cell_edge[base + static_cast<std::size_t>(at)] = es[k];
    }
    cov.offset.push_back(static_cast<std::uint32_t>(cov.cell_work.size()));
  }
  return cov;
}

Coverage coverage(const StrategyGraph& g) {
  SparseCoverage s = sparse_coverage(g);
  Coverage cov;
  cov.goals.reserve(s.goals.size());
  for (auto v : s.goals) cov.goals.push_back(g.node_id(v));
  cov.interventions.reserve(s.work.size());
  for (auto v : s.work) cov.interventions.push_back(g.node_id(v));
  cov.entries.reserve(s.cells());
  for (std::size_t k = 0; k < s.goals.size(); ++k) {
    const std::string& goal = g.node_id(s.goals[k]);
    auto& list = cov.by_goal[goal];
    for (auto c = s.offset[k]; c < s.offset[k + 1]; ++c) {
      CoverageEntry e{goal, g.node_id(s.cell_work[c]), false, std::nullopt};
      if (s.cell_edge[c] != SparseCoverage::indirect) {
        e.direct = true;
        e.strength = g.edge_strength(s.cell_edge[c]);
      }
      list.push_back(e.intervention);
      cov.entries.push_back(std::move(e));
    }
    if (list.empty()) cov.gaps.push_back(goal);
  }
  return cov;
}

}  // namespace koers::analysis
