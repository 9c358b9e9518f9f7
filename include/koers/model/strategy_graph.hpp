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

#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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
/// The lazily built topology of a graph, dropped by every change. Several threads may race to
/// build it: one result is kept, and every caller gets that one. A copy builds its own on first
/// use; a move takes it along. (No mutex: one atomic pointer; bodies in src/model_graph.cpp.)
class TopologyCache {
 public:
  TopologyCache() = default;
  TopologyCache(const TopologyCache&) noexcept {}
  TopologyCache& operator=(const TopologyCache& o) noexcept {
    if (this != &o) reset();
    return *this;
  }
  TopologyCache(TopologyCache&& o) noexcept : topology_(o.topology_.exchange(nullptr)) {}
  TopologyCache& operator=(TopologyCache&& o) noexcept {
    if (this != &o) {
      reset();
      topology_.store(o.topology_.exchange(nullptr));
    }
    return *this;
  }
  ~TopologyCache() { reset(); }
  void reset() noexcept;
  /// The topology, or nullptr while none is built.
  const Topology* get() const noexcept { return topology_.load(std::memory_order_acquire); }
  /// Keep t unless another thread kept one first; the one kept.
  const Topology& keep(Topology t) const;

 private:
  mutable std::atomic<const Topology*> topology_{nullptr};
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

/// One node as a graph stores it (24 bytes): its id as a symbol, the kind, the enums and the two
/// flags a byte each, and which optional numbers and which texts it has. Those numbers and texts
/// follow in the node's block of the graph's arena: each number as 8 raw bytes (NodeNumber
/// order), then each non-empty text as a LEB128 length and its bytes (NodeText order).
struct NodeRecord {
  std::uint64_t block = 0;                                  ///< offset of the node's block in the arena
  std::uint32_t id = 0;                                     ///< symbol: the node's id
  std::uint16_t texts = 0;                                  ///< bit t: NodeText t is non-empty
  std::uint8_t numbers = 0;                                 ///< bit k: NodeNumber k is present
  std::uint8_t kind = 0;                                    ///< NodeKind
  std::uint8_t decomposition = 0, status = 0, channel = 0;  ///< 0 when absent, else the enum's value + 1
  std::uint8_t flags = 0;                                   ///< bit 0: mandatory, bit 1: ilb_contribution
};
/// The optional numbers of a node, in the order a node's block holds them.
enum class NodeNumber : std::uint8_t { importance, duration_hours, cost_cents, participants, size, budget_cents, year };

/// The interned strings of a graph (node ids, the ids edges name, strength labels): each text
/// once, a symbol per text, the first node with that id. Open addressing over symbol numbers,
/// so a copy needs no fixing up. (Bodies in src/model_graph.cpp.)
class Symbols {
 public:
  static constexpr std::uint32_t none = 0xFFFFFFFFu;
  std::uint32_t intern(std::string_view s);
  std::uint32_t find(std::string_view s) const;
  const std::string& text(std::uint32_t id) const { return texts_[id]; }
  /// The first node with this symbol as its id, or `none`.
  std::uint32_t node(std::uint32_t id) const { return node_[id]; }
  void set_node(std::uint32_t id, std::uint32_t node) {
    if (node_[id] == none) node_[id] = node;
  }
  void reserve(std::size_t n);
  std::size_t size() const noexcept { return texts_.size(); }

 private:
  void grow();
  std::vector<std::string> texts_;
  std::vector<std::uint64_t> hashes_;
  std::vector<std::uint32_t> node_;
  std::vector<std::uint32_t> slots_;
  std::size_t mask_ = 0;
};
}  // namespace detail

/// What StrategyGraph::find returns: the node (a copy) or nothing. An std::optional<Node> that
/// also compares with nullptr, as the `const Node*` find returned before nodes were stored
/// compact: `if (auto n = g.find(id)) use(n->name);` and `g.find(id) == nullptr` both compile.
struct FoundNode : std::optional<Node> {
  using std::optional<Node>::optional;
  friend bool operator==(const FoundNode& n, std::nullptr_t) noexcept { return !n.has_value(); }
};

/// The text fields of a node (see StrategyGraph::node_text).
enum class NodeText : std::uint8_t {
  name,
  description,
  audience,
  table,
  doel,
  inhoud,
  doelgroep,
  note,
  gemma_id,
  domain
};

/// The nodes of a graph in insertion order, read as `Node` values (a graph keeps them compact:
/// see StrategyGraph::node_kind and the other per-node accessors). `g.nodes()[i]`, `.at(i)`,
/// `.size()` and range-for work as on a vector; an iterator's `*it` stays valid until the
/// iterator moves (take a copy to keep a node).
class NodeList {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Node;
    using difference_type = std::ptrdiff_t;
    using pointer = const Node*;
    using reference = const Node&;
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
    friend class NodeList;
    iterator(const StrategyGraph* g, std::size_t i) : g_(g), i_(i) {}
    const StrategyGraph* g_ = nullptr;
    std::size_t i_ = 0;
    mutable Node stash_;
    mutable bool loaded_ = false;
  };
  std::size_t size() const noexcept;
  bool empty() const noexcept { return size() == 0; }
  Node operator[](std::size_t i) const;
  /// The node at i; throws std::out_of_range past the end.
  Node at(std::size_t i) const;
  Node front() const { return (*this)[0]; }
  Node back() const { return (*this)[size() - 1]; }
  iterator begin() const { return {g_, 0}; }
  iterator end() const { return {g_, size()}; }

 private:
  friend class StrategyGraph;
  explicit NodeList(const StrategyGraph* g) : g_(g) {}
  const StrategyGraph* g_;
};

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
///
/// Nodes and edges are stored compact (a 24-byte record each, ids interned once, a node's texts
/// and numbers in one arena): `nodes()` and `edges()` read them back as `Node` and `Edge`
/// values, and the per-node and per-edge accessors (node_id, node_kind, node_name, ...,
/// edge_kind, edge_from, ...) read one field without building the value. `find(id)` and
/// `at(id)` return a Node by value (an optional one from find).
class StrategyGraph {
 public:
  std::string name;
  std::string source;
  std::string period_start, period_end;  ///< ISO dates, optional
  std::vector<Strategy> strategies;

  /// Add a node. Duplicate ids are accepted here and reported by check() (E202), so a
  /// loader can collect every problem.
  NodeId add_node(const Node& n);
  /// Add an edge between two node ids (checked by check(), not here).
  void add_edge(const Edge& e);
  /// Room for this many nodes and edges (a loader that knows the counts saves the regrowth).
  void reserve(std::size_t nodes, std::size_t edges);

  /// The nodes, read as Node values (see NodeList); the accessors below read one field without
  /// building the Node.
  NodeList nodes() const noexcept { return NodeList(this); }
  /// The edges, read as Edge values (see EdgeList); the accessors below read one field without
  /// building the Edge.
  EdgeList edges() const noexcept { return EdgeList(this); }
  std::size_t size() const noexcept { return nodes_.size(); }
  std::size_t edge_count() const noexcept { return edges_.size(); }

  /// The node at index i, built from its record (every field).
  Node node(NodeId i) const;
  /// The same, assigned into `out` in place (its strings' buffers are reused).
  void read_node(NodeId i, Node& out) const;
  const std::string& node_id(NodeId i) const { return symbols_.text(nodes_[i].id); }
  NodeKind node_kind(NodeId i) const { return static_cast<NodeKind>(nodes_[i].kind); }
  /// One text field of the node ("" when it has none); valid until the next add_node.
  std::string_view node_text(NodeId i, NodeText t) const;
  std::string_view node_name(NodeId i) const { return node_text(i, NodeText::name); }
  std::optional<double> node_importance(NodeId i) const { return number<double>(i, detail::NodeNumber::importance); }
  std::optional<double> node_duration_hours(NodeId i) const {
    return number<double>(i, detail::NodeNumber::duration_hours);
  }
  std::optional<std::int64_t> node_cost_cents(NodeId i) const {
    return number<std::int64_t>(i, detail::NodeNumber::cost_cents);
  }
  std::optional<std::int64_t> node_participants(NodeId i) const {
    return number<std::int64_t>(i, detail::NodeNumber::participants);
  }
  std::optional<std::int64_t> node_size(NodeId i) const { return number<std::int64_t>(i, detail::NodeNumber::size); }
  std::optional<std::int64_t> node_budget_cents(NodeId i) const {
    return number<std::int64_t>(i, detail::NodeNumber::budget_cents);
  }
  std::optional<std::int64_t> node_year(NodeId i) const { return number<std::int64_t>(i, detail::NodeNumber::year); }
  std::optional<Decomposition> node_decomposition(NodeId i) const {
    return small_enum<Decomposition>(nodes_[i].decomposition);
  }
  std::optional<Status> node_status(NodeId i) const { return small_enum<Status>(nodes_[i].status); }
  std::optional<Channel> node_channel(NodeId i) const { return small_enum<Channel>(nodes_[i].channel); }
  bool node_mandatory(NodeId i) const { return nodes_[i].flags & 1u; }
  bool node_ilb_contribution(NodeId i) const { return nodes_[i].flags & 2u; }

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
  const std::string& edge_strength_label(std::size_t i) const;
  std::optional<Strength> edge_strength(std::size_t i) const {
    const auto& r = edges_[i];
    if (!r.has_strength) return std::nullopt;
    return Strength{r.has_value ? std::optional<double>(r.value) : std::nullopt, symbols_.text(r.label)};
  }

  /// Every edge's ends as node indices and each node's first namesake, built on first use (no
  /// id lookup: ids are interned as they are added) and kept until the graph changes: the
  /// reference stays valid until the next add_node / add_edge. Safe to call from several threads.
  const Topology& topology() const;

  /// The node with this id (a copy), or nothing: `if (auto n = g.find(id)) use(n->name);`.
  /// (It returned `const Node*` before nodes were stored compact; FoundNode still compares with
  /// nullptr. index_of and the per-node accessors read a node without the copy.)
  FoundNode find(std::string_view id) const;
  /// The node with this id (a copy; `const Node& n = g.at(id)` binds it); throws GraphError
  /// (E208) naming it.
  Node at(const std::string& id) const;
  std::optional<NodeId> index_of(std::string_view id) const;
  /// Number of nodes per kind (every kind present, zero when absent).
  std::map<std::string, std::size_t> counts() const;
  /// Ids of the nodes of one kind, in order.
  std::vector<std::string> ids(NodeKind k) const;

  /// Every problem in the graph, each with a stable code, the element ids and a message:
  /// E202 duplicate id, E200 unknown reference, E203 edge kind not allowed between these node
  /// kinds, E201 cycle in refines/decomposes (with its path), E206 strength out of range,
  /// E207 missing required field, E204 goal that no intervention serves, E205 intervention
  /// that serves no goal. Never throws for a bad model.
  std::vector<Issue> check() const;

  /// Throws ModelError with every issue when check() finds any.
  void validate() const;

  /// Every field of every node and edge, and the plan's own fields, compared.
  friend bool operator==(const StrategyGraph& a, const StrategyGraph& b);

 private:
  template <class T>
  std::optional<T> number(NodeId i, detail::NodeNumber k) const {
    const auto& r = nodes_[i];
    const unsigned bit = 1u << static_cast<unsigned>(k);
    if (!(r.numbers & bit)) return std::nullopt;
    T v;
    std::memcpy(&v, arena_.data() + r.block + 8 * std::popcount(static_cast<unsigned>(r.numbers & (bit - 1))),
                sizeof v);
    return v;
  }
  template <class E>
  static std::optional<E> small_enum(std::uint8_t v) {
    return v ? std::optional<E>(static_cast<E>(v - 1)) : std::nullopt;
  }
  std::vector<detail::NodeRecord> nodes_;
  std::vector<char> arena_;  // the nodes' blocks, in node order
  std::vector<detail::EdgeRecord> edges_;
  detail::Symbols symbols_;
  detail::TopologyCache topology_;
};

inline std::size_t NodeList::size() const noexcept { return g_->size(); }
inline Node NodeList::operator[](std::size_t i) const { return g_->node(i); }
inline NodeList::iterator::reference NodeList::iterator::operator*() const {
  if (!loaded_) {
    g_->read_node(i_, stash_);
    loaded_ = true;
  }
  return stash_;
}

inline std::size_t EdgeList::size() const noexcept { return g_->edge_count(); }
inline Edge EdgeList::operator[](std::size_t i) const { return g_->edge(i); }
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
/// The same for the node at index i, without building the Node.
std::string describe(const StrategyGraph& g, NodeId i);

}  // namespace koers
