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

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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
/// Every member has a default, so `Node{.id = ..., .kind = ..., .name = ...}` builds without
/// -Wmissing-field-initializers.
struct Node {
  std::string id{};
  NodeKind kind = NodeKind::goal;
  std::string name{};
  std::string description{};
  std::optional<double> importance{};            ///< 0..100 (GRL importance)
  std::optional<Decomposition> decomposition{};  ///< development/theme/goal/learning goal
  // learning goal
  std::string audience{};  ///< managers / employees / everyone
  // intervention (Tabel 1-6 of the Deventer plan)
  std::string table{}, doel{}, inhoud{}, doelgroep{}, note{};
  std::optional<Status> status{};
  bool mandatory = false;
  std::optional<Channel> channel{};
  std::optional<double> duration_hours{};
  std::optional<std::int64_t> cost_cents{};
  std::optional<std::int64_t> participants{};
  bool ilb_contribution = false;
  // target group
  std::optional<std::int64_t> size{};
  // process
  std::string gemma_id{}, domain{};
  // budget stream
  std::optional<std::int64_t> budget_cents{};
  std::optional<std::int64_t> year{};

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
  std::vector<std::uint32_t> from, to;                ///< per edge: the (first) node with that id, or `none`
  std::vector<std::uint32_t> first;  ///< per node: the first node with its id (itself unless a duplicate)
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
  void reset() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    topology_.reset();
  }
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

class StrategyGraph;

namespace detail {
/// One edge as a graph stores it (24 bytes): its ends and its strength label as symbols of the
/// graph (interned strings), the kind and which parts of the strength are present.
struct EdgeRecord {
  double value = 0;                ///< the quantitative strength (when `has_value`)
  std::uint32_t from = 0, to = 0;  ///< symbols: the ids the edge names
  std::uint32_t label = 0;         ///< symbol: the strength label (when `has_strength`)
  std::uint8_t kind = 0;           ///< EdgeKind
  bool has_strength = false, has_value = false;
};

/// The interned strings of a graph (node ids, the ids edges name, strength labels): each text
/// once, a symbol per text, the first node with that id. Open addressing over symbol numbers,
/// so a copy needs no fixing up.
class Symbols {
 public:
  static constexpr std::uint32_t none = 0xFFFFFFFFu;
  std::uint32_t intern(std::string_view s) {
    if ((texts_.size() + 1) * 2 > slots_.size()) grow();
    auto h = hash(s);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      auto id = slots_[k];
      if (id == none) {
        id = static_cast<std::uint32_t>(texts_.size());
        texts_.emplace_back(s);
        hashes_.push_back(h);
        node_.push_back(none);
        slots_[k] = id;
        return id;
      }
      if (hashes_[id] == h && texts_[id] == s) return id;
    }
  }
  std::uint32_t find(std::string_view s) const {
    if (slots_.empty()) return none;
    auto h = hash(s);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      auto id = slots_[k];
      if (id == none) return none;
      if (hashes_[id] == h && texts_[id] == s) return id;
    }
  }
  const std::string& text(std::uint32_t id) const { return texts_[id]; }
  /// The first node with this symbol as its id, or `none`.
  std::uint32_t node(std::uint32_t id) const { return node_[id]; }
  void set_node(std::uint32_t id, std::uint32_t node) {
    if (node_[id] == none) node_[id] = node;
  }
  void reserve(std::size_t n) {
    texts_.reserve(n);
    hashes_.reserve(n);
    node_.reserve(n);
    while (slots_.size() < 2 * n + 2) grow();
  }
  std::size_t size() const noexcept { return texts_.size(); }

 private:
  static std::uint64_t hash(std::string_view s) noexcept {  // FNV-1a, then mixed
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
  }
  void grow() {
    std::size_t cap = slots_.empty() ? 64 : slots_.size() * 2;
    slots_.assign(cap, none);
    mask_ = cap - 1;
    for (std::uint32_t id = 0; id < texts_.size(); ++id) {
      std::size_t k = hashes_[id] & mask_;
      while (slots_[k] != none) k = (k + 1) & mask_;
      slots_[k] = id;
    }
  }
  std::vector<std::string> texts_;
  std::vector<std::uint64_t> hashes_;
  std::vector<std::uint32_t> node_;
  std::vector<std::uint32_t> slots_;
  std::size_t mask_ = 0;
};
}  // namespace detail

/// The edges of a graph in insertion order, read as `Edge` values (a graph keeps them compact:
/// see StrategyGraph::edge_kind and the other per-edge accessors). `g.edges()[i]`, `.at(i)`,
/// `.size()` and range-for work as on a vector; an iterator's `*it` stays valid until the
/// iterator moves (take a copy to keep an edge).
class EdgeList {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Edge;
    using difference_type = std::ptrdiff_t;
    using pointer = const Edge*;
    using reference = const Edge&;
    iterator() = default;
    reference operator*() const;
    pointer operator->() const { return &**this; }
    iterator& operator++() {
      ++i_;
      loaded_ = false;
      return *this;
    }
    iterator operator++(int) {
      iterator t = *this;
      ++*this;
      return t;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.i_ == b.i_; }

   private:
    friend class EdgeList;
    iterator(const StrategyGraph* g, std::size_t i) : g_(g), i_(i) {}
    const StrategyGraph* g_ = nullptr;
    std::size_t i_ = 0;
    mutable Edge stash_;
    mutable bool loaded_ = false;
  };
  std::size_t size() const noexcept;
  bool empty() const noexcept { return size() == 0; }
  Edge operator[](std::size_t i) const;
  /// The edge at i; throws std::out_of_range past the end.
  Edge at(std::size_t i) const;
  Edge front() const { return (*this)[0]; }
  Edge back() const { return (*this)[size() - 1]; }
  iterator begin() const { return {g_, 0}; }
  iterator end() const { return {g_, size()}; }

 private:
  friend class StrategyGraph;
  explicit EdgeList(const StrategyGraph* g) : g_(g) {}
  const StrategyGraph* g_;
};

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
    auto s = symbols_.intern(n.id);
    symbols_.set_node(s, static_cast<std::uint32_t>(id));  // keeps the first on duplicates
    node_symbol_.push_back(s);
    nodes_.push_back(std::move(n));
    return id;
  }
  /// Add an edge between two node ids (checked by check(), not here).
  void add_edge(const Edge& e) {
    topology_.reset();
    detail::EdgeRecord r;
    r.kind = static_cast<std::uint8_t>(e.kind);
    r.from = symbols_.intern(e.from);
    r.to = symbols_.intern(e.to);
    if (e.strength) {
      r.has_strength = true;
      r.label = symbols_.intern(e.strength->label);
      if (e.strength->value) {
        r.has_value = true;
        r.value = *e.strength->value;
      }
    }
    edges_.push_back(r);
  }
  /// Room for this many nodes and edges (a loader that knows the counts saves the regrowth).
  void reserve(std::size_t nodes, std::size_t edges) {
    nodes_.reserve(nodes);
    node_symbol_.reserve(nodes);
    edges_.reserve(edges);
    symbols_.reserve(nodes + 8);
  }

  const std::vector<Node>& nodes() const noexcept { return nodes_; }
  /// The edges, read as Edge values (see EdgeList); the accessors below read one field without
  /// building the Edge.
  EdgeList edges() const noexcept { return EdgeList(this); }
  std::size_t size() const noexcept { return nodes_.size(); }
  std::size_t edge_count() const noexcept { return edges_.size(); }

  Edge edge(std::size_t i) const {
    const auto& r = edges_[i];
    return Edge{static_cast<EdgeKind>(r.kind), symbols_.text(r.from), symbols_.text(r.to), edge_strength(i)};
  }
  EdgeKind edge_kind(std::size_t i) const { return static_cast<EdgeKind>(edges_[i].kind); }
  const std::string& edge_from(std::size_t i) const { return symbols_.text(edges_[i].from); }
  const std::string& edge_to(std::size_t i) const { return symbols_.text(edges_[i].to); }
  bool edge_has_strength(std::size_t i) const { return edges_[i].has_strength; }
  /// The quantitative strength, when the edge has one.
  std::optional<double> edge_strength_value(std::size_t i) const {
    const auto& r = edges_[i];
    return r.has_value ? std::optional<double>(r.value) : std::nullopt;
  }
  /// The strength label ("" when the edge has none or a number).
  const std::string& edge_strength_label(std::size_t i) const {
    const auto& r = edges_[i];
    static const std::string empty;
    return r.has_strength ? symbols_.text(r.label) : empty;
  }
  std::optional<Strength> edge_strength(std::size_t i) const {
    const auto& r = edges_[i];
    if (!r.has_strength) return std::nullopt;
    return Strength{r.has_value ? std::optional<double>(r.value) : std::nullopt, symbols_.text(r.label)};
  }

  /// Every edge's ends as node indices and each node's first namesake, built on first use (no
  /// id lookup: ids are interned as they are added) and kept until the graph changes: the
  /// reference stays valid until the next add_node / add_edge. Safe to call from several threads.
  const Topology& topology() const;

  /// The node with this id, or nullptr.
  const Node* find(std::string_view id) const {
    auto i = index_of(id);
    return i ? &nodes_[*i] : nullptr;
  }
  /// The node with this id; throws GraphError (E208) naming it.
  const Node& at(const std::string& id) const {
    if (auto* n = find(id)) return *n;
    throw GraphError(Errc::unknown_node, "no node '" + id + "' in the model", {id});
  }
  std::optional<NodeId> index_of(std::string_view id) const {
    auto s = symbols_.find(id);
    if (s == detail::Symbols::none || symbols_.node(s) == detail::Symbols::none) return std::nullopt;
    return symbols_.node(s);
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
    for (auto& n : nodes_)
      if (n.kind == k) out.push_back(n.id);
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
    if (!(a.name == b.name && a.source == b.source && a.period_start == b.period_start &&
          a.period_end == b.period_end && a.strategies == b.strategies && a.nodes_ == b.nodes_ &&
          a.edges_.size() == b.edges_.size()))
      return false;
    for (std::size_t i = 0; i < a.edges_.size(); ++i) {
      const auto &x = a.edges_[i], &y = b.edges_[i];
      if (x.kind != y.kind || x.has_strength != y.has_strength || x.has_value != y.has_value ||
          (x.has_value && x.value != y.value) || a.edge_from(i) != b.edge_from(i) || a.edge_to(i) != b.edge_to(i) ||
          (x.has_strength && a.symbols_.text(x.label) != b.symbols_.text(y.label)))
        return false;
    }
    return true;
  }

 private:
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> node_symbol_;  // per node: its id's symbol
  std::vector<detail::EdgeRecord> edges_;
  detail::Symbols symbols_;
  detail::TopologyCache topology_;
};

inline std::size_t EdgeList::size() const noexcept { return g_->edge_count(); }
inline Edge EdgeList::operator[](std::size_t i) const { return g_->edge(i); }
inline Edge EdgeList::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("edge index " + std::to_string(i) + " out of range");
  return g_->edge(i);
}
inline EdgeList::iterator::reference EdgeList::iterator::operator*() const {
  if (!loaded_) {
    stash_.kind = g_->edge_kind(i_);
    stash_.from = g_->edge_from(i_);  // assigned in place: the stash's buffers are reused
    stash_.to = g_->edge_to(i_);
    stash_.strength = g_->edge_strength(i_);
    loaded_ = true;
  }
  return stash_;
}

/// A person-readable label of a node: "goal 'Slimmer werken'".
inline std::string describe(const Node& n) { return display_name(n.kind) + " '" + n.name + "'"; }

}  // namespace koers
