// Single points of failure: dominators of the support graph (Boost.Graph stays inside the library).
#include <koers/analysis/impact.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dominator_tree.hpp>

namespace koers::analysis {

std::vector<SinglePointOfFailure> single_points_of_failure(const StrategyGraph& g) {
  using namespace boost;
  using BoostGraph = adjacency_list<vecS, vecS, bidirectionalS>;
  const std::size_t n = g.size(), root = n;
  const auto& nodes = g.nodes();
  auto is_work = [&](std::size_t v) {
    return v < n && (nodes[v].kind == NodeKind::intervention || nodes[v].kind == NodeKind::programme);
  };
  BoostGraph bg(n + 1);
  for (std::size_t v = 0; v < n; ++v)
    if (is_work(v)) add_edge(root, v, bg);
  {
    auto up = detail::up_adjacency(g);
    for (std::size_t v = 0; v < n; ++v)
      for (auto w : up[v]) add_edge(v, w, bg);
  }
  using Vertex = graph_traits<BoostGraph>::vertex_descriptor;
  const auto null = graph_traits<BoostGraph>::null_vertex();
  std::vector<Vertex> idom(n + 1, null);
  lengauer_tarjan_dominator_tree(bg, vertex(root, bg), make_iterator_property_map(idom.begin(), get(vertex_index, bg)));
  // nearest[v]: the nearest work among v and its dominators (null when none): memoised walks up
  // the dominator tree, so a chain of goals costs its length, not its length squared
  std::vector<Vertex> nearest(n + 1, null);
  std::vector<char> known(n + 1, 0);
  known[root] = 1;
  std::vector<Vertex> walk;
  for (std::size_t v = 0; v < n; ++v) {
    Vertex d = v;
    while (d != null && !known[d]) {
      walk.push_back(d);
      d = idom[d];
    }
    Vertex above = d == null ? null : nearest[d];
    while (!walk.empty()) {
      Vertex w = walk.back();
      walk.pop_back();
      if (is_work(w)) above = w;
      nearest[w] = above;
      known[w] = 1;
    }
  }
  std::vector<SinglePointOfFailure> out;
  for (std::size_t v = 0; v < n; ++v) {
    if (!detail::is_supported_kind(nodes[v].kind) || idom[v] == null) continue;
    SinglePointOfFailure s{nodes[v].id, {}};
    for (Vertex d = nearest[idom[v]]; d != null; d = idom[d] == null ? null : nearest[idom[d]]) s.work.push_back(nodes[d].id);
    if (!s.work.empty()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace koers::analysis
