#pragma once
// Boost.Graph view of a StrategyGraph (internal). Vertices are node indices; edges carry the
// index of the koers edge. Only edges whose endpoints exist are included.
#include <koers/model/strategy_graph.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <functional>

namespace koers::detail {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, boost::property<boost::edge_index_t, std::size_t>>;

/// A directed Boost graph over the nodes, with the edges for which `keep(edge)` is true,
/// oriented as `reverse ? to->from : from->to`.
inline BoostGraph make_view(const StrategyGraph& g, const std::function<bool(const Edge&)>& keep, bool reverse = false) {
  BoostGraph bg(g.size());
  const auto& edges = g.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    if (!keep(e)) continue;
    auto f = g.index_of(e.from), t = g.index_of(e.to);
    if (!f || !t) continue;
    if (reverse) boost::add_edge(*t, *f, i, bg);
    else boost::add_edge(*f, *t, i, bg);
  }
  return bg;
}

}  // namespace koers::detail
