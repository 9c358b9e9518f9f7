// Removal impact (support counts, what falls when a node goes) and single points of failure:
// dominators of the support graph (Boost.Graph stays inside the library). Declarations:
// include/koers/analysis/impact.hpp.
#include <koers/analysis/impact.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dominator_tree.hpp>

#include <deque>

namespace koers::analysis {

std::vector<SinglePointOfFailure> single_points_of_failure(const StrategyGraph& g) {
  using namespace boost;
  using BoostGraph = adjacency_list<vecS, vecS, bidirectionalS>;
  const std::size_t n = g.size(), root = n;
  auto is_work = [&](std::size_t v) {
    return v < n && (g.node_kind(v) == NodeKind::intervention || g.node_kind(v) == NodeKind::programme);
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
    if (!detail::is_supported_kind(g.node_kind(v)) || idom[v] == null) continue;
    SinglePointOfFailure s{g.node_id(v), {}};
    for (Vertex d = nearest[idom[v]]; d != null; d = idom[d] == null ? null : nearest[idom[d]])
      s.work.push_back(g.node_id(d));
    if (!s.work.empty()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace koers::analysis

namespace koers::analysis {

namespace detail {

bool is_supported_kind(NodeKind k) {
  return k == NodeKind::goal || k == NodeKind::learning_goal || k == NodeKind::development ||
         k == NodeKind::strategic_theme;
}

std::vector<int> support_counts(const StrategyGraph& g, const std::vector<bool>& removed) {
  // count of distinct direct supporters (contributions from work, supported children)
  auto up = koers::analysis::detail::up_adjacency(g);  // child -> parents and work -> goals
  std::vector<bool> supported(g.size(), false);
  std::deque<std::size_t> q;
  for (std::size_t v = 0; v < g.size(); ++v) {
    auto k = g.node_kind(v);
    if ((k == NodeKind::intervention || k == NodeKind::programme) && !removed[v]) {
      supported[v] = true;
      q.push_back(v);
    }
  }
  while (!q.empty()) {
    auto v = q.front();
    q.pop_front();
    for (auto w : up[v])
      if (!supported[w] && !removed[w]) {
        supported[w] = true;
        q.push_back(w);
      }
  }
  std::vector<int> count(g.size(), 0);
  for (std::size_t v = 0; v < g.size(); ++v)
    if (supported[v])
      for (auto w : up[v]) ++count[w];
  return count;
}

}  // namespace detail

RemovalImpact removal_impact(const StrategyGraph& g, const std::vector<std::string>& drop) {
  std::vector<bool> removed(g.size(), false);
  // part_of children of programmes
  std::vector<std::vector<std::size_t>> parts(g.size());
  for (auto& e : g.edges())
    if (e.kind == EdgeKind::part_of) {
      auto f = g.index_of(e.from), t = g.index_of(e.to);
      if (f && t) parts[*t].push_back(*f);
    }
  std::vector<std::size_t> stack;
  for (auto& id : drop) {
    auto i = detail::index_or_throw(g, id);
    auto k = g.node_kind(i);
    if (k != NodeKind::intervention && k != NodeKind::programme)
      throw GraphError(Errc::wrong_kind, describe(g, i) + " is not an intervention or programme and cannot be dropped",
                       {id});
    stack.push_back(i);
  }
  while (!stack.empty()) {
    auto v = stack.back();
    stack.pop_back();
    if (removed[v]) continue;
    removed[v] = true;
    for (auto p : parts[v]) stack.push_back(p);
  }
  auto before = detail::support_counts(g, std::vector<bool>(g.size(), false));
  auto after = detail::support_counts(g, removed);
  RemovalImpact r;
  for (std::size_t v = 0; v < g.size(); ++v) {
    if (removed[v]) r.removed.push_back(g.node_id(v));
    if (!detail::is_supported_kind(g.node_kind(v))) continue;
    if (before[v] > 0 && after[v] == 0)
      r.unsupported.push_back(g.node_id(v));
    else if (after[v] < before[v])
      r.weakened.push_back(g.node_id(v));
  }
  return r;
}

}  // namespace koers::analysis
