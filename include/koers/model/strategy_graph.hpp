#pragma once
/// \file
/// `koers::StrategyGraph`: developments and themes → goals → learning goals ← interventions,
/// with target groups, programmes, processes and budget streams.
///
/// The graph keeps its nodes and edges in insertion order (so loading then saving gives the
/// same file). The analyses work over node indices: `topology()` resolves every edge's ends
/// once (and again only after the graph changes). No Boost type appears in this interface; the
/// algorithms live in the library (src/).
#include <koers/core/error.hpp>
#include <koers/model/kinds.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace koers {

/// Index of a node in its graph (stable while nodes are only added).
using NodeId = std::size_t;

/// A contribution strength: a number in -100..100 or a qualitative GRL label.
struct Strength {
  std::optional<double> value;  ///< quantitative strength, -100..100
  std::string label;            ///< make / help / some+ / unknown / some- / hurt / break (when no value)
  friend bool operator==(const Strength&, const Strength&) = default;
};

/// One node. Fields beyond id/kind/name are optional and meaningful for some kinds only
/// (docs/model-format.md lists which).
struct Node {
  std::string id;
  NodeKind kind = NodeKind::goal;
  std::string name;
  std::string description;
  std::optional<double> importance;              ///< 0..100 (GRL importance)
  std::optional<Decomposition> decomposition;    ///< development/theme/goal/learning goal
  // learning goal
  std::string audience;                          ///< managers / employees / everyone
  // intervention (Tabel 1-6 of the Deventer plan)
  std::string table, doel, inhoud, doelgroep, note;
  std::optional<Status> status;
  bool mandatory = false;
  std::optional<Channel> channel;
  std::optional<double> duration_hours;
  std::optional<std::int64_t> cost_cents;
  std::optional<std::int64_t> participants;
  bool ilb_contribution = false;
  // target group
  std::optional<std::int64_t> size;
  // process
  std::string gemma_id, domain;
  // budget stream
  std::optional<std::int64_t> budget_cents;
  std::optional<std::int64_t> year;

  friend bool operator==(const Node&, const Node&) = default;
};

/// One edge, between node ids.
struct Edge {
  EdgeKind kind = EdgeKind::contributes;
  std::string from;
  std::string to;
  std::optional<Strength> strength;  ///< contributes only
  friend bool operator==(const Edge&, const Edge&) = default;
};

/// An evaluation strategy: initial satisfaction (-100..100) of some nodes, usually interventions.
struct Strategy {
  std::string name;
  std::string description;
  std::vector<std::pair<std::string, double>> values;
  friend bool operator==(const Strategy&, const Strategy&) = default;
};

/// Every edge's ends as node indices, resolved once (see StrategyGraph::topology()).
struct Topology {
  static constexpr std::uint32_t none = 0xFFFFFFFFu;  ///< an id that no node has
  std::vector<std::uint32_t> from, to;  ///< per edge: the (first) node with that id, or `none`
  std::vector<std::uint32_t> first;     ///< per node: the first node with its id (itself unless a duplicate)
};

namespace detail {
/// The lazily built topology of a graph: thread-safe, shared by copies (it is immutable),
/// dropped by every change.
class TopologyCache {
 public:
  TopologyCache() = default;
  TopologyCache(const TopologyCache& o) : topology_(o.shared()) {}
  TopologyCache& operator=(const TopologyCache& o) {
    auto t = o.shared();
    std::lock_guard<std::mutex> lock(mutex_);
    topology_ = std::move(t);
    return *this;
  }
  TopologyCache(TopologyCache&& o) noexcept : topology_(o.shared()) {}
  TopologyCache& operator=(TopologyCache&& o) noexcept { return *this = static_cast<const TopologyCache&>(o); }
  std::shared_ptr<const Topology> shared() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return topology_;
  }
  void reset() noexcept { std::lock_guard<std::mutex> lock(mutex_); topology_.reset(); }
  template <class Build>
  const Topology& get(Build&& build) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!topology_) topology_ = std::make_shared<const Topology>(build());
    return *topology_;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Topology> topology_;
};
}  // namespace detail

/// The strategy graph of a plan.
class StrategyGraph {
 public:
  std::string name;
  std::string source;
  std::string period_start, period_end;  ///< ISO dates, optional
  std::vector<Strategy> strategies;

  /// Add a node. Duplicate ids are accepted here and reported by check() (E202), so a
  /// loader can collect every problem.
  NodeId add_node(Node n) {
    topology_.reset();
    NodeId id = nodes_.size();
    index_.emplace(n.id, id);  // keeps the first on duplicates
    nodes_.push_back(std::move(n));
    return id;
  }
  /// Add an edge between two node ids (checked by check(), not here).
  void add_edge(Edge e) {
    topology_.reset();
    edges_.push_back(std::move(e));
  }
  /// Room for this many nodes and edges (a loader that knows the counts saves the regrowth).
  void reserve(std::size_t nodes, std::size_t edges) {
    nodes_.reserve(nodes);
    edges_.reserve(edges);
    index_.reserve(nodes);
  }

  const std::vector<Node>& nodes() const noexcept { return nodes_; }
  const std::vector<Edge>& edges() const noexcept { return edges_; }
  std::size_t size() const noexcept { return nodes_.size(); }

  /// Every edge's ends as node indices and each node's first namesake, built on first use (one
  /// id lookup per edge end) and kept until the graph changes: the reference stays valid until
  /// the next add_node / add_edge. Safe to call from several threads.
  const Topology& topology() const;

  /// The node with this id, or nullptr.
  const Node* find(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &nodes_[it->second];
  }
  /// The node with this id; throws GraphError (E208) naming it.
  const Node& at(const std::string& id) const {
    if (auto* n = find(id)) return *n;
    throw GraphError(Errc::unknown_node, "no node '" + id + "' in the model", {id});
  }
  std::optional<NodeId> index_of(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }
  /// Number of nodes per kind (every kind present, zero when absent).
  std::map<std::string, std::size_t> counts() const {
    std::map<std::string, std::size_t> c;
    for (auto k : all_node_kinds) c[std::string(to_string(k))] = 0;
    for (auto& n : nodes_) ++c[std::string(to_string(n.kind))];
    return c;
  }
  /// Ids of the nodes of one kind, in order.
  std::vector<std::string> ids(NodeKind k) const {
    std::vector<std::string> out;
    for (auto& n : nodes_) if (n.kind == k) out.push_back(n.id);
    return out;
  }

  /// Every problem in the graph, each with a stable code, the element ids and a message:
  /// E202 duplicate id, E200 unknown reference, E203 edge kind not allowed between these node
  /// kinds, E201 cycle in refines/decomposes (with its path), E206 strength out of range,
  /// E207 missing required field, E204 goal that no intervention serves, E205 intervention
  /// that serves no goal. Never throws for a bad model.
  std::vector<Issue> check() const;

  /// Throws ModelError with every issue when check() finds any.
  void validate() const {
    auto issues = check();
    if (!issues.empty()) throw ModelError(std::move(issues));
  }

  friend bool operator==(const StrategyGraph& a, const StrategyGraph& b) {
    return a.name == b.name && a.source == b.source && a.period_start == b.period_start &&
           a.period_end == b.period_end && a.strategies == b.strategies && a.nodes_ == b.nodes_ &&
           a.edges_ == b.edges_;
  }

 private:
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::unordered_map<std::string, NodeId> index_;
  detail::TopologyCache topology_;
};

/// A person-readable label of a node: "goal 'Slimmer werken'".
inline std::string describe(const Node& n) { return display_name(n.kind) + " '" + n.name + "'"; }

}  // namespace koers
