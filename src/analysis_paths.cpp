// Walks over the strategy graph: traces down to the work and up to the strategy, reach, the
// 70/20/10 mix, and the difference of two plans. Declarations: include/koers/analysis/trace.hpp,
// reach.hpp, mix.hpp, diff.hpp.
#include <koers/analysis/diff.hpp>
#include <koers/analysis/mix.hpp>
#include <koers/analysis/reach.hpp>
#include <koers/analysis/trace.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace koers::analysis {

namespace detail {

std::vector<TracePath> bfs_paths(const StrategyGraph& g, const std::vector<std::vector<std::size_t>>& adj,
                                 std::size_t start, bool (*want)(NodeKind)) {
  std::vector<long> parent(g.size(), -2);
  std::deque<std::size_t> q{start};
  parent[start] = -1;
  std::vector<TracePath> out;
  while (!q.empty()) {
    auto v = q.front();
    q.pop_front();
    if (v != start && want(g.node_kind(v))) {
      TracePath p{g.node_id(start), g.node_id(v), {}};
      for (long x = static_cast<long>(v); x != -1; x = parent[static_cast<std::size_t>(x)])
        p.path.push_back(g.node_id(static_cast<std::size_t>(x)));
      std::reverse(p.path.begin(), p.path.end());
      out.push_back(std::move(p));
    }
    for (auto w : adj[v])
      if (parent[w] == -2) {
        parent[w] = static_cast<long>(v);
        q.push_back(w);
      }
  }
  std::sort(out.begin(), out.end(),
            [&](const TracePath& a, const TracePath& b) { return *g.index_of(a.to) < *g.index_of(b.to); });
  return out;
}

std::vector<std::vector<std::size_t>> down_adjacency(const StrategyGraph& g) {
  std::vector<std::vector<std::size_t>> adj(g.size());
  const auto& topo = g.topology();
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    auto f = topo.from[i], t = topo.to[i];
    if (f == Topology::none || t == Topology::none) continue;
    auto kind = g.edge_kind(i);
    if (kind == EdgeKind::refines || kind == EdgeKind::decomposes) adj[f].push_back(t);
    if (kind == EdgeKind::contributes) adj[t].push_back(f);
  }
  return adj;
}

std::vector<std::vector<std::size_t>> up_adjacency(const StrategyGraph& g) {
  auto down = down_adjacency(g);
  std::vector<std::vector<std::size_t>> up(g.size());
  for (std::size_t v = 0; v < down.size(); ++v)
    for (auto w : down[v]) up[w].push_back(v);
  return up;
}

std::size_t index_or_throw(const StrategyGraph& g, const std::string& id) {
  auto i = g.index_of(id);
  if (!i) throw GraphError(Errc::unknown_node, "no node '" + id + "' in the model", {id});
  return *i;
}

}  // namespace detail

std::vector<TracePath> trace_down(const StrategyGraph& g, const std::string& id) {
  auto start = detail::index_or_throw(g, id);
  return detail::bfs_paths(g, detail::down_adjacency(g), start,
                           [](NodeKind k) { return k == NodeKind::intervention || k == NodeKind::programme; });
}

std::vector<TracePath> trace_up(const StrategyGraph& g, const std::string& id) {
  auto start = detail::index_or_throw(g, id);
  return detail::bfs_paths(g, detail::up_adjacency(g), start,
                           [](NodeKind k) { return k == NodeKind::development || k == NodeKind::strategic_theme; });
}

}  // namespace koers::analysis

namespace koers::analysis {

std::vector<Reach> reach(const StrategyGraph& g) {
  std::vector<Reach> out;
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < g.size(); ++i)
    if (g.node_kind(i) == NodeKind::target_group) {
      at[g.node_id(i)] = out.size();
      out.push_back({g.node_id(i), g.node_size(i), {}, 0, 0});
    }
  for (auto& e : g.edges()) {
    if (e.kind != EdgeKind::targets) continue;
    auto it = at.find(e.to);
    auto w = g.index_of(e.from);
    if (it == at.end() || !w) continue;
    auto& r = out[it->second];
    r.interventions.push_back(g.node_id(*w));
    if (g.node_mandatory(*w)) ++r.mandatory;
    if (auto p = g.node_participants(*w)) r.participants += *p;
  }
  return out;
}

}  // namespace koers::analysis

namespace koers::analysis {

std::vector<LearningMix> learning_mix(const StrategyGraph& g) {
  std::vector<LearningMix> out;
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (g.node_kind(i) != NodeKind::development && g.node_kind(i) != NodeKind::strategic_theme) continue;
    LearningMix m{g.node_id(i)};
    for (auto& p : trace_down(g, g.node_id(i))) {
      auto w = detail::index_or_throw(g, p.to);
      if (g.node_kind(w) != NodeKind::intervention) continue;
      auto channel = g.node_channel(w);
      if (!channel) {
        ++m.unknown;
        continue;
      }
      switch (*channel) {
        case Channel::on_the_job: ++m.on_the_job; break;
        case Channel::with_others: ++m.with_others; break;
        case Channel::formal: ++m.formal; break;
      }
    }
    out.push_back(m);
  }
  return out;
}

}  // namespace koers::analysis

namespace koers::analysis {

namespace detail {

std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

template <class T>
std::string opt(const std::optional<T>& v) {
  if (!v) return "";
  if constexpr (std::is_same_v<T, double>)
    return num(*v);
  else if constexpr (std::is_integral_v<T>)
    return std::to_string(*v);
  else
    return std::string(to_string(*v));
}
std::map<std::string, std::string> node_fields(const Node& n) {
  return {
      {"kind", std::string(to_string(n.kind))},
      {"name", n.name},
      {"description", n.description},
      {"importance", opt(n.importance)},
      {"decomposition", opt(n.decomposition)},
      {"audience", n.audience},
      {"table", n.table},
      {"doel", n.doel},
      {"inhoud", n.inhoud},
      {"doelgroep", n.doelgroep},
      {"note", n.note},
      {"status", opt(n.status)},
      {"mandatory", n.mandatory ? "true" : "false"},
      {"channel", opt(n.channel)},
      {"duration_hours", opt(n.duration_hours)},
      {"cost_cents", opt(n.cost_cents)},
      {"participants", opt(n.participants)},
      {"ilb_contribution", n.ilb_contribution ? "true" : "false"},
      {"size", opt(n.size)},
      {"gemma_id", n.gemma_id},
      {"domain", n.domain},
      {"budget_cents", opt(n.budget_cents)},
      {"year", opt(n.year)},
  };
}

std::string edge_key(const Edge& e) { return std::string(to_string(e.kind)) + ":" + e.from + "->" + e.to; }

std::string strength_text(const std::optional<Strength>& s) {
  if (!s) return "";
  return s->value ? num(*s->value) : s->label;
}

}  // namespace detail

PlanDiff diff(const StrategyGraph& a, const StrategyGraph& b) {
  PlanDiff d;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!b.index_of(a.node_id(i))) d.nodes_removed.push_back(a.node_id(i));
  for (auto& n : b.nodes()) {
    auto old = a.find(n.id);
    if (!old) {
      d.nodes_added.push_back(n.id);
      continue;
    }
    auto fa = detail::node_fields(*old), fb = detail::node_fields(n);
    for (auto& [field, before] : fa)
      if (fb[field] != before) d.changed.push_back({n.id, field, before, fb[field]});
  }
  std::map<std::string, std::size_t> ea, eb;  // key -> the first edge with it
  for (std::size_t i = 0; i < a.edge_count(); ++i) ea.emplace(detail::edge_key(a.edges()[i]), i);
  for (std::size_t i = 0; i < b.edge_count(); ++i) eb.emplace(detail::edge_key(b.edges()[i]), i);
  for (auto& e : a.edges())
    if (!eb.count(detail::edge_key(e))) d.edges_removed.push_back(detail::edge_key(e));
  for (auto& e : b.edges()) {
    auto key = detail::edge_key(e);
    auto it = ea.find(key);
    if (it == ea.end()) {
      d.edges_added.push_back(key);
      continue;
    }
    auto sa = detail::strength_text(a.edge_strength(it->second)), sb = detail::strength_text(e.strength);
    if (sa != sb) d.changed.push_back({key, "strength", sa, sb});
  }
  if (a.name != b.name) d.changed.push_back({"(plan)", "name", a.name, b.name});
  return d;
}

}  // namespace koers::analysis
