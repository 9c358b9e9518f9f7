// StrategyGraph's storage: the interned symbols, the compact node records with their blocks in
// one arena, the node and edge views, lookups, counts and equality (see
// include/koers/model/strategy_graph.hpp). topology() and check() are in model_check.cpp.
#include <koers/model/strategy_graph.hpp>

#include <bit>
#include <cstring>
#include <stdexcept>
#include <string>

namespace koers {

// ---- symbols -----------------------------------------------------------------------------------
namespace detail {
namespace {
std::uint64_t symbol_hash(std::string_view s) noexcept {  // FNV-1a, then mixed
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 32);
}
}  // namespace

std::uint32_t Symbols::intern(std::string_view s) {
  if ((texts_.size() + 1) * 2 > slots_.size()) grow();
  auto h = symbol_hash(s);
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

std::uint32_t Symbols::find(std::string_view s) const {
  if (slots_.empty()) return none;
  auto h = symbol_hash(s);
  for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
    auto id = slots_[k];
    if (id == none) return none;
    if (hashes_[id] == h && texts_[id] == s) return id;
  }
}

void Symbols::reserve(std::size_t n) {
  texts_.reserve(n);
  hashes_.reserve(n);
  node_.reserve(n);
  while (slots_.size() < 2 * n + 2) grow();
}

void Symbols::grow() {
  std::size_t cap = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(cap, none);
  mask_ = cap - 1;
  for (std::uint32_t id = 0; id < texts_.size(); ++id) {
    std::size_t k = hashes_[id] & mask_;
    while (slots_[k] != none) k = (k + 1) & mask_;
    slots_[k] = id;
  }
}
// ---- the topology cache ------------------------------------------------------------------------
void TopologyCache::reset() noexcept { delete topology_.exchange(nullptr, std::memory_order_acq_rel); }

const Topology& TopologyCache::keep(Topology t) const {
  auto* mine = new Topology(std::move(t));
  const Topology* kept = nullptr;
  if (topology_.compare_exchange_strong(kept, mine, std::memory_order_acq_rel, std::memory_order_acquire)) return *mine;
  delete mine;  // another thread kept its own first
  return *kept;
}
}  // namespace detail

// ---- nodes -------------------------------------------------------------------------------------
namespace {
constexpr std::size_t text_count = 10;
constexpr std::size_t number_bytes = 8;

/// The text fields of a node, in NodeText order.
template <class N>
auto node_texts(N& n) {
  return std::array{&n.name,   &n.description, &n.audience, &n.table,    &n.doel,
                    &n.inhoud, &n.doelgroep,   &n.note,     &n.gemma_id, &n.domain};
}

std::size_t leb_size(std::size_t v) {
  std::size_t k = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++k;
  }
  return k;
}
char* put_leb(char* p, std::size_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}
std::size_t get_leb(const char*& p) {
  std::size_t v = 0;
  for (unsigned shift = 0;; shift += 7) {
    auto b = static_cast<unsigned char>(*p++);
    v |= static_cast<std::size_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
}

template <class E>
std::uint8_t small_enum_byte(const std::optional<E>& e) {
  return e ? static_cast<std::uint8_t>(static_cast<unsigned>(*e) + 1) : 0;
}
}  // namespace

NodeId StrategyGraph::add_node(const Node& n) {
  topology_.reset();
  const NodeId id = nodes_.size();
  detail::NodeRecord r;
  r.id = symbols_.intern(n.id);  // a symbol without a node (should a step below throw) is harmless
  r.kind = static_cast<std::uint8_t>(n.kind);
  r.decomposition = small_enum_byte(n.decomposition);
  r.status = small_enum_byte(n.status);
  r.channel = small_enum_byte(n.channel);
  r.flags = static_cast<std::uint8_t>((n.mandatory ? 1u : 0u) | (n.ilb_contribution ? 2u : 0u));
  // the numbers present, as 8 raw bytes each, in NodeNumber order
  char numbers[7 * number_bytes];
  std::size_t nbytes = 0;
  auto number = [&](const auto& v, detail::NodeNumber k) {
    if (!v) return;
    r.numbers |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(k));
    static_assert(sizeof(*v) == number_bytes);
    std::memcpy(numbers + nbytes, &*v, number_bytes);
    nbytes += number_bytes;
  };
  using detail::NodeNumber;
  number(n.importance, NodeNumber::importance);
  number(n.duration_hours, NodeNumber::duration_hours);
  number(n.cost_cents, NodeNumber::cost_cents);
  number(n.participants, NodeNumber::participants);
  number(n.size, NodeNumber::size);
  number(n.budget_cents, NodeNumber::budget_cents);
  number(n.year, NodeNumber::year);
  const auto texts = node_texts(n);
  std::size_t size = nbytes;
  for (std::size_t t = 0; t < text_count; ++t)
    if (!texts[t]->empty()) {
      r.texts |= static_cast<std::uint16_t>(1u << t);
      size += leb_size(texts[t]->size()) + texts[t]->size();
    }
  r.block = arena_.size();
  if (size) {                             // (an empty block: no memcpy on a null data())
    arena_.resize(arena_.size() + size);  // the only step that allocates much: nothing changed if it throws
    char* p = arena_.data() + r.block;
    if (nbytes) std::memcpy(p, numbers, nbytes);
    p += nbytes;
    for (std::size_t t = 0; t < text_count; ++t)
      if (!texts[t]->empty()) {
        p = put_leb(p, texts[t]->size());
        std::memcpy(p, texts[t]->data(), texts[t]->size());
        p += texts[t]->size();
      }
  }
  try {
    nodes_.push_back(r);
  } catch (...) {
    arena_.resize(r.block);
    throw;
  }
  symbols_.set_node(r.id, static_cast<std::uint32_t>(id));  // keeps the first on duplicates
  return id;
}

std::string_view StrategyGraph::node_text(NodeId i, NodeText t) const {
  const auto& r = nodes_[i];
  const unsigned bit = 1u << static_cast<unsigned>(t);
  if (!(r.texts & bit)) return {};
  const char* p = arena_.data() + r.block + number_bytes * std::popcount(static_cast<unsigned>(r.numbers));
  for (unsigned before = r.texts & (bit - 1); before; before &= before - 1) p += get_leb(p);
  std::size_t len = get_leb(p);
  return {p, len};
}

void StrategyGraph::read_node(NodeId i, Node& out) const {
  const auto& r = nodes_[i];
  out.id = symbols_.text(r.id);
  out.kind = static_cast<NodeKind>(r.kind);
  out.decomposition = small_enum<Decomposition>(r.decomposition);
  out.status = small_enum<Status>(r.status);
  out.channel = small_enum<Channel>(r.channel);
  out.mandatory = r.flags & 1u;
  out.ilb_contribution = r.flags & 2u;
  using detail::NodeNumber;
  out.importance = number<double>(i, NodeNumber::importance);
  out.duration_hours = number<double>(i, NodeNumber::duration_hours);
  out.cost_cents = number<std::int64_t>(i, NodeNumber::cost_cents);
  out.participants = number<std::int64_t>(i, NodeNumber::participants);
  out.size = number<std::int64_t>(i, NodeNumber::size);
  out.budget_cents = number<std::int64_t>(i, NodeNumber::budget_cents);
  out.year = number<std::int64_t>(i, NodeNumber::year);
  const char* p = arena_.data() + r.block + number_bytes * std::popcount(static_cast<unsigned>(r.numbers));
  auto texts = node_texts(out);
  for (std::size_t t = 0; t < text_count; ++t) {
    if (!(r.texts & (1u << t))) {
      texts[t]->clear();
      continue;
    }
    std::size_t len = get_leb(p);
    texts[t]->assign(p, len);  // in place: the buffer is reused
    p += len;
  }
}

Node StrategyGraph::node(NodeId i) const {
  Node n;
  read_node(i, n);
  return n;
}

std::optional<NodeId> StrategyGraph::index_of(std::string_view id) const {
  auto s = symbols_.find(id);
  if (s == detail::Symbols::none || symbols_.node(s) == detail::Symbols::none) return std::nullopt;
  return symbols_.node(s);
}

FoundNode StrategyGraph::find(std::string_view id) const {
  if (auto i = index_of(id)) return FoundNode(node(*i));
  return std::nullopt;
}

Node StrategyGraph::at(const std::string& id) const {
  if (auto i = index_of(id)) return node(*i);
  throw GraphError(Errc::unknown_node, "no node '" + id + "' in the model", {id});
}

std::map<std::string, std::size_t> StrategyGraph::counts() const {
  std::size_t c[all_node_kinds.size()] = {};
  for (const auto& r : nodes_) ++c[r.kind];
  std::map<std::string, std::size_t> out;
  for (auto k : all_node_kinds) out[std::string(to_string(k))] = c[static_cast<std::size_t>(k)];
  return out;
}

std::vector<std::string> StrategyGraph::ids(NodeKind k) const {
  std::vector<std::string> out;
  for (const auto& r : nodes_)
    if (r.kind == static_cast<std::uint8_t>(k)) out.push_back(symbols_.text(r.id));
  return out;
}

std::string describe(const StrategyGraph& g, NodeId i) {
  auto name = g.node_name(i);
  std::string s = display_name(g.node_kind(i));
  s.reserve(s.size() + name.size() + 3);
  s += " '";
  s += name;
  s += '\'';
  return s;
}

// ---- edges -------------------------------------------------------------------------------------
void StrategyGraph::add_edge(const Edge& e) {
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

const std::string& StrategyGraph::edge_strength_label(std::size_t i) const {
  const auto& r = edges_[i];
  static const std::string empty;
  return r.has_strength ? symbols_.text(r.label) : empty;
}

void StrategyGraph::reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  edges_.reserve(edges);
  symbols_.reserve(nodes + 8);
}

void StrategyGraph::validate() const {
  auto issues = check();
  if (!issues.empty()) throw ModelError(std::move(issues));
}

Node NodeList::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("node index " + std::to_string(i) + " out of range");
  return g_->node(i);
}

Edge EdgeList::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("edge index " + std::to_string(i) + " out of range");
  return g_->edge(i);
}

// ---- equality ----------------------------------------------------------------------------------
bool operator==(const StrategyGraph& a, const StrategyGraph& b) {
  if (!(a.name == b.name && a.source == b.source && a.period_start == b.period_start && a.period_end == b.period_end &&
        a.strategies == b.strategies && a.nodes_.size() == b.nodes_.size() && a.edges_.size() == b.edges_.size()))
    return false;
  // a node's texts end where the next node's block begins (blocks are appended in node order)
  auto texts_of = [](const StrategyGraph& g, std::size_t i) {
    const auto& r = g.nodes_[i];
    std::size_t begin = r.block + number_bytes * std::popcount(static_cast<unsigned>(r.numbers));
    std::size_t end = i + 1 < g.nodes_.size() ? g.nodes_[i + 1].block : g.arena_.size();
    return std::string_view(g.arena_.data() + begin, end - begin);
  };
  using detail::NodeNumber;
  for (std::size_t i = 0; i < a.nodes_.size(); ++i) {
    const auto &x = a.nodes_[i], &y = b.nodes_[i];
    if (x.kind != y.kind || x.decomposition != y.decomposition || x.status != y.status || x.channel != y.channel ||
        x.flags != y.flags || x.numbers != y.numbers || x.texts != y.texts || a.node_id(i) != b.node_id(i))
      return false;
    // numbers as numbers (as Node's == compares them: NaN differs from itself, 0.0 equals -0.0)
    if (a.node_importance(i) != b.node_importance(i) || a.node_duration_hours(i) != b.node_duration_hours(i) ||
        a.node_cost_cents(i) != b.node_cost_cents(i) || a.node_participants(i) != b.node_participants(i) ||
        a.node_size(i) != b.node_size(i) || a.node_budget_cents(i) != b.node_budget_cents(i) ||
        a.node_year(i) != b.node_year(i))
      return false;
    if (texts_of(a, i) != texts_of(b, i)) return false;  // the same texts, encoded the one way
  }
  for (std::size_t i = 0; i < a.edges_.size(); ++i) {
    const auto &x = a.edges_[i], &y = b.edges_[i];
    if (x.kind != y.kind || x.has_strength != y.has_strength || x.has_value != y.has_value ||
        (x.has_value && x.value != y.value) || a.edge_from(i) != b.edge_from(i) || a.edge_to(i) != b.edge_to(i) ||
        (x.has_strength && a.symbols_.text(x.label) != b.symbols_.text(y.label)))
      return false;
  }
  return true;
}

}  // namespace koers
