// The koers.model JSON format: reader and writer (nlohmann-json).
#include <koers/model/model_json.hpp>

#include "json_util.hpp"

#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

namespace koers {
namespace {
using detail::json;
using detail::ObjectReader;

template <class E>
E enum_field(ObjectReader& r, const std::string& key, std::optional<E> (*parse)(std::string_view),
             const char* allowed) {
  auto s = r.str(key, true);  // required when called (edge kind; the others only when present)
  auto e = parse(*s);
  if (!e) ObjectReader::fail(Errc::invalid_value, r.at(key), "is '" + *s + "', expected one of " + allowed);
  return *e;
}

/// The reading of one element's fields. Loading (no sink) stops at the first problem, as it
/// always has: each step throws. Validation (a sink) records each step's problem and reads on,
/// so one element with a misspelt status and an unknown field gives both.
class Faults {
 public:
  explicit Faults(std::vector<Issue>* sink) : sink_(sink) {}
  /// Runs one reading step; false when it found a problem (recorded, when collecting).
  template <class Step>
  bool operator()(Step&& step) {
    if (!sink_) {
      step();
      return true;
    }
    try {
      step();
      return true;
    } catch (const InputError& e) {
      sink_->push_back(Issue{e.code(), e.elements(), e.message()});
      return false;
    }
  }
  bool collecting() const { return sink_ != nullptr; }

 private:
  std::vector<Issue>* sink_;
};

/// Every field not read: E104 each (loading: the first).
void refuse_unread(ObjectReader& r, Faults& f) {
  for (const auto& key : r.unread())
    f([&] { ObjectReader::fail(Errc::unknown_field, r.at(key), "is not a field of this format"); });
}

/// Cents of the model (cost_cents, budget_cents): a whole number as before (a whole-valued
/// float within range still reads), past the 64-bit range E114 as in the portfolio's cents_at.
std::optional<std::int64_t> model_cents(ObjectReader& r, const std::string& key) {
  auto* v = r.get(key, false);
  if (!v) return std::nullopt;
  if (detail::beyond_int64(*v)) ObjectReader::fail(Errc::money_overflow, r.at(key), "is beyond the 64-bit cent range");
  return ObjectReader::as_integer(*v, r.at(key));
}

/// The fields one kind or another of node has beyond id, kind, name, description, importance.
constexpr const char* kind_fields[] = {
    "decomposition", "audience",  "status",  "table",          "doel",       "inhoud",       "doelgroep",
    "note",          "mandatory", "channel", "duration_hours", "cost_cents", "participants", "ilb_contribution",
    "size",          "gemma_id",  "domain",  "budget_cents",   "year"};

/// What reading one element gave a validator: the element when it can take part in the graph
/// checks, and the id of a node that cannot (its kind did not read).
struct NodeRead {
  std::optional<Node> node;
  std::optional<std::string> left_out_id;
};

// Validation reads on past a faulty field, and a node whose id and kind read takes part in the
// graph checks (E200, E202, E203, E201, E204, E205, E206, E207) by its id and kind, with each
// faulty field left unset; those check() requires (name, status, budget_cents, a contribution's
// strength) get a stand-in instead, so that a misspelt status is its E107 once and not also an
// E207 "has no status". check() reads nothing of a stand-in but its presence, except that a
// node's stand-in name is its id (the name check()'s messages show). The graph with stand-ins
// is only ever checked, never handed out: a file with a reader problem has no graph.
NodeRead read_node(const json& j, const std::string& path, Faults& f) {
  NodeRead out;
  std::optional<ObjectReader> rr;
  if (!f([&] { rr.emplace(j, path); })) return out;
  ObjectReader& r = *rr;
  Node n;
  bool id_ok = f([&] { n.id = *r.str("id", true); });
  bool kind_ok = f([&] {
    auto kind = r.str("kind", true);
    auto k = parse_node_kind(*kind);
    if (!k)
      ObjectReader::fail(Errc::invalid_value, r.at("kind"),
                         "is '" + *kind +
                             "', expected development, strategic_theme, goal, learning_goal, intervention, "
                             "target_group, programme, process or budget_stream");
    n.kind = *k;
  });
  if (!f([&] { n.name = *r.str("name", true); })) n.name = n.id;  // stand-in (validation only)
  f([&] { n.description = r.str_or("description", ""); });
  f([&] { n.importance = r.number("importance"); });
  if (!kind_ok) {
    // Which fields belong depends on the kind: only a field no kind has is reported unknown.
    // Such a node cannot take part in the graph checks (no kind to judge its edges by); its id
    // is noted so that its edges are left out as well rather than reported as dangling.
    for (const char* key : kind_fields) (void)r.has(key);
    refuse_unread(r, f);
    if (id_ok) out.left_out_id = n.id;
    return out;
  }
  auto allow = [&](std::initializer_list<NodeKind> kinds) {
    for (auto kk : kinds)
      if (kk == n.kind) return true;
    return false;
  };
  if (allow({NodeKind::development, NodeKind::strategic_theme, NodeKind::goal, NodeKind::learning_goal}) &&
      r.has("decomposition"))
    f([&] { n.decomposition = enum_field<Decomposition>(r, "decomposition", parse_decomposition, "and, or, xor"); });
  if (n.kind == NodeKind::learning_goal) f([&] { n.audience = r.str_or("audience", ""); });
  if (allow({NodeKind::intervention, NodeKind::programme})) {
    if (r.has("status") &&
        !f([&] { n.status = enum_field<Status>(r, "status", parse_status, "new, existing, partly_existing"); }))
      n.status = Status::new_;  // stand-in (validation only)
  }
  if (n.kind == NodeKind::intervention) {
    f([&] { n.table = r.str_or("table", ""); });
    f([&] { n.doel = r.str_or("doel", ""); });
    f([&] { n.inhoud = r.str_or("inhoud", ""); });
    f([&] { n.doelgroep = r.str_or("doelgroep", ""); });
    f([&] { n.note = r.str_or("note", ""); });
    f([&] { n.mandatory = r.boolean("mandatory").value_or(false); });
    if (r.has("channel"))
      f([&] { n.channel = enum_field<Channel>(r, "channel", parse_channel, "on_the_job, with_others, formal"); });
    f([&] { n.duration_hours = r.number("duration_hours"); });
    f([&] { n.cost_cents = model_cents(r, "cost_cents"); });
    f([&] { n.participants = r.integer("participants"); });
    f([&] { n.ilb_contribution = r.boolean("ilb_contribution").value_or(false); });
    f([&] {
      if (n.duration_hours && *n.duration_hours < 0)
        ObjectReader::fail(Errc::invalid_value, r.at("duration_hours"), "must not be negative");
    });
    f([&] {
      if (n.cost_cents && *n.cost_cents < 0)
        ObjectReader::fail(Errc::invalid_value, r.at("cost_cents"), "must not be negative");
    });
    f([&] {
      if (n.participants && *n.participants < 0)
        ObjectReader::fail(Errc::invalid_value, r.at("participants"), "must not be negative");
    });
  }
  if (n.kind == NodeKind::target_group) {
    f([&] { n.size = r.integer("size"); });
    f([&] {
      if (n.size && *n.size < 0) ObjectReader::fail(Errc::invalid_value, r.at("size"), "must not be negative");
    });
  }
  if (n.kind == NodeKind::process) {
    f([&] { n.gemma_id = r.str_or("gemma_id", ""); });
    f([&] { n.domain = r.str_or("domain", ""); });
  }
  if (n.kind == NodeKind::budget_stream) {
    if (!f([&] { n.budget_cents = model_cents(r, "budget_cents"); })) n.budget_cents = 0;  // stand-in
    f([&] { n.year = r.integer("year"); });
    f([&] {
      if (n.budget_cents && *n.budget_cents < 0)
        ObjectReader::fail(Errc::invalid_value, r.at("budget_cents"), "must not be negative");
    });
  }
  refuse_unread(r, f);
  if (id_ok) out.node = std::move(n);  // without an id it takes no part (and leaves no id behind)
  return out;
}

/// An edge takes part in the graph checks when its kind, from and to read (validation); a
/// faulty strength gets a stand-in (see read_node).
std::optional<Edge> read_edge(const json& j, const std::string& path, Faults& f) {
  std::optional<ObjectReader> rr;
  if (!f([&] { rr.emplace(j, path); })) return std::nullopt;
  ObjectReader& r = *rr;
  Edge e;
  bool kind_ok = f([&] {
    e.kind = enum_field<EdgeKind>(r, "kind", parse_edge_kind,
                                  "refines, contributes, decomposes, targets, funded_by, part_of, improves");
  });
  bool from_ok = f([&] { e.from = *r.str("from", true); });
  bool to_ok = f([&] { e.to = *r.str("to", true); });
  if (!kind_ok) {
    (void)r.has("strength");  // a field of one kind of edge: not judged without the kind
  } else if (e.kind == EdgeKind::contributes) {
    if (auto* s = r.get("strength", false)) {
      bool ok = f([&] {
        Strength st;
        if (s->is_string())
          st.label = s->get<std::string>();
        else
          st.value = ObjectReader::as_number(*s, r.at("strength"));
        e.strength = st;
      });
      if (!ok) e.strength = Strength{std::nullopt, "unknown"};  // stand-in (validation only)
    }
  }
  refuse_unread(r, f);
  if (!kind_ok || !from_ok || !to_ok) return std::nullopt;
  return e;
}

json write_node(const Node& n) {
  json j = json::object();
  j["id"] = n.id;
  j["kind"] = std::string(to_string(n.kind));
  j["name"] = n.name;
  if (!n.description.empty()) j["description"] = n.description;
  if (n.importance) j["importance"] = *n.importance;
  if (n.decomposition) j["decomposition"] = std::string(to_string(*n.decomposition));
  if (!n.audience.empty()) j["audience"] = n.audience;
  if (!n.table.empty()) j["table"] = n.table;
  if (!n.doel.empty()) j["doel"] = n.doel;
  if (!n.inhoud.empty()) j["inhoud"] = n.inhoud;
  if (!n.doelgroep.empty()) j["doelgroep"] = n.doelgroep;
  if (n.status) j["status"] = std::string(to_string(*n.status));
  if (n.kind == NodeKind::intervention) j["mandatory"] = n.mandatory;
  if (n.channel) j["channel"] = std::string(to_string(*n.channel));
  if (n.duration_hours) j["duration_hours"] = *n.duration_hours;
  if (n.cost_cents) j["cost_cents"] = *n.cost_cents;
  if (n.participants) j["participants"] = *n.participants;
  if (n.ilb_contribution) j["ilb_contribution"] = true;
  if (!n.note.empty()) j["note"] = n.note;
  if (n.size) j["size"] = *n.size;
  if (!n.gemma_id.empty()) j["gemma_id"] = n.gemma_id;
  if (!n.domain.empty()) j["domain"] = n.domain;
  if (n.budget_cents) j["budget_cents"] = *n.budget_cents;
  if (n.year) j["year"] = *n.year;
  return j;
}

json number_json(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

}  // namespace

// ---- streaming reader ----------------------------------------------------------------------
// The loader never holds the DOM of the whole document: an nlohmann SAX handler builds a small
// DOM for ONE element of /nodes, /edges or /strategies at a time (and for the small top-level
// fields), hands it to read_node / read_edge / read_strategy and drops it. Errors keep the
// priority of the former DOM reader: E108 (linear pre-scan) and E101 (anywhere in the text) first,
// then format/version, then the fields in the order name, source, period, nodes, edges,
// strategies, unknown top-level fields; so a field error found early is remembered and thrown
// only once the whole text has parsed. Nothing half-loaded escapes: the graph is returned only
// after every check.
namespace {

/// A strategy takes part in the graph checks (its values name known nodes, within -100..100)
/// with the values that read (validation).
std::optional<Strategy> read_strategy(const json& j, const std::string& path, Faults& f) {
  std::optional<ObjectReader> rr;
  if (!f([&] { rr.emplace(j, path); })) return std::nullopt;
  ObjectReader& sr = *rr;
  Strategy s;
  f([&] { s.name = *sr.str("name", true); });
  f([&] { s.description = sr.str_or("description", ""); });
  const json* vals = nullptr;
  f([&] { vals = sr.object("values"); });
  if (vals) {
    s.values.reserve(vals->size());
    for (auto it = vals->begin(); it != vals->end(); ++it)
      f([&] { s.values.emplace_back(it.key(), ObjectReader::as_number(it.value(), path + "/values/" + it.key())); });
  }
  refuse_unread(sr, f);
  return s;
}

/// Depth and element counts of a JSON text, fed in chunks: the depth check of
/// detail::json_depth (strings skipped, stops counting once past the limit) plus the number of
/// objects directly inside top-level "nodes" and "edges" arrays (a reserve hint only).
class PreScan {
 public:
  void feed(std::string_view text) {
    for (char c : text) {
      if (in_string_) {
        if (escape_) {
          escape_ = false;
          continue;
        }
        if (c == '\\') {
          escape_ = true;
          key_ok_ = false;
        } else if (c == '"')
          in_string_ = false;
        else if (depth_ == 1) {
          if (key_len_ < sizeof(key_))
            key_[key_len_++] = c;
          else
            key_ok_ = false;
        }
        continue;
      }
      if (c == '"') {
        in_string_ = true;
        if (depth_ == 1) {
          key_len_ = 0;
          key_ok_ = true;
        }
      } else if (c == ':' && depth_ == 1) {
        std::string_view k(key_, key_len_);
        section_ = !key_ok_ ? 0 : k == "nodes" ? 1 : k == "edges" ? 2 : 0;
      } else if (c == '[' || c == '{') {
        ++depth_;
        if (depth_ > deepest_) deepest_ = depth_;
        if (depth_ == 3 && c == '{') {
          if (section_ == 1)
            ++nodes_;
          else if (section_ == 2)
            ++edges_;
        }
      } else if (c == ']' || c == '}') {
        --depth_;
      }
    }
  }
  int deepest() const { return deepest_; }
  std::size_t nodes() const { return nodes_; }
  std::size_t edges() const { return edges_; }

 private:
  int depth_ = 0, deepest_ = 0;
  bool in_string_ = false, escape_ = false, key_ok_ = false;
  char key_[8] = {};
  std::size_t key_len_ = 0;
  int section_ = 0;
  std::size_t nodes_ = 0, edges_ = 0;
};

void check_depth(const PreScan& scan, const std::string& origin) {
  if (scan.deepest() > detail::max_json_depth)
    throw InputError(Errc::too_deep,
                     origin + " nests deeper than " + std::to_string(detail::max_json_depth) + " levels", {origin});
}

/// Builds the DOM of one JSON value from SAX events (iterative: no recursion).
class ValueBuilder {
 public:
  bool active() const { return active_; }
  bool done() const { return done_; }
  void start() {
    root_ = json();
    stack_.clear();
    active_ = true;
    done_ = false;
  }
  json take() {
    active_ = false;
    done_ = false;
    return std::move(root_);
  }

  template <class V>
  void value(V&& v) {
    place(json(std::forward<V>(v)));
    if (stack_.empty()) done_ = true;
  }
  void start_container(json::value_t t) { stack_.push_back(place(json(t))); }
  void key(std::string& k) { key_ = std::move(k); }
  void end_container() {
    stack_.pop_back();
    if (stack_.empty()) done_ = true;
  }

 private:
  json* place(json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json* top = stack_.back();
    if (top->is_array()) {
      top->push_back(std::move(v));
      return &top->back();
    }
    json& slot = (*top)[key_];  // duplicate keys: the last one wins, as with json::parse
    slot = std::move(v);
    return &slot;
  }
  json root_;
  std::vector<json*> stack_;
  std::string key_;
  bool active_ = false, done_ = false;
};

class ModelSax {
 public:
  /// `collect`: record every element's first problem (validation) instead of stopping at the
  /// first per section; `finish_collecting()` then reports them with the top-level ones.
  explicit ModelSax(std::string origin, bool collect = false) : origin_(std::move(origin)), collect_(collect) {}
  /// Set when the parse stopped at a number too large for a double (JSON's grammar allows it,
  /// nlohmann refuses it): validation then gives that as its verdict (see validate_model).
  bool number_out_of_range = false;
  void reserve(std::size_t nodes_hint, std::size_t edges_hint) {
    try {
      g_.reserve(nodes_hint, edges_hint);  // counted by the pre-scan: a hint only
    } catch (const std::exception&) {
      // a hostile count the allocator refuses: grow as needed instead
    }
  }

  // -- the SAX interface (nlohmann::json_sax) --
  bool null() { return scalar(nullptr); }
  bool boolean(bool v) { return scalar(v); }
  bool number_integer(json::number_integer_t v) { return scalar(v); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return scalar(v); }
  bool string(json::string_t& v) { return scalar(std::move(v)); }
  bool binary(json::binary_t&) { return true; }  // never produced by the JSON text parser
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    if (depth_ == 1) {
      key_ = k;
      return true;
    }
    if (skip_ == 0 && builder_.active()) builder_.key(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    std::string what = e.what();
    auto p = what.find("] ");
    std::string msg = p == std::string::npos ? what : what.substr(p + 2);
    if (dynamic_cast<const json::out_of_range*>(&e)) {
      number_out_of_range = true;
      throw InputError(Errc::invalid_value, origin_ + " holds a number out of range (" + msg + ")", {origin_});
    }
    throw InputError(Errc::not_json, origin_ + " is not valid JSON: " + msg, {origin_});
  }

  /// After a complete parse: every check in the former order, then the graph.
  /// Validation: every problem the reader finds (top-level fields, each faulty element), in
  /// document order of the sections; the graph is returned only when there is none.
  std::vector<Issue> finish_collecting(std::optional<StrategyGraph>& graph) {
    std::vector<Issue> top;
    auto note = [&](auto&& step) {
      try {
        step();
      } catch (const InputError& e) { top.push_back(Issue{e.code(), e.elements(), e.message()}); }
    };
    if (!top_is_object_)  // JSON, but not a model: the verdict says so (koers validate --json, exit 1)
      return {Issue{Errc::wrong_type, {"/"}, origin_ + ": the document must be a JSON object"}};
    bool format_ok = true;
    note([&] {
      try {
        detail::check_format(top_, "koers.model", model_format_version, origin_);
      } catch (...) {
        format_ok = false;
        throw;
      }
    });
    if (!format_ok) return top;  // another kind of file: its fields mean something else
    ObjectReader r(top_, "");
    note([&] { r.str("format"); });
    note([&] { r.integer("version"); });
    note([&] { g_.name = r.str_or("name", ""); });
    note([&] { g_.source = r.str_or("source", ""); });
    note([&] {
      if (auto* p = r.object("period")) {
        ObjectReader pr(*p, "/period");
        g_.period_start = pr.str_or("start", "");
        g_.period_end = pr.str_or("end", "");
        pr.finish();
      }
    });
    std::size_t before = top.size();
    note([&] { r.array("nodes", true); });
    nodes_read_ = top.size() == before;
    before = top.size();
    note([&] { r.array("edges"); });
    if (top.size() != before) left_out_[edges] = true;
    note([&] { r.array("strategies"); });
    note([&] { r.finish(); });
    top.insert(top.end(), collected_.begin(), collected_.end());
    g_.strategies = std::move(strategies_);
    judged_ = true;
    if (top.empty()) {
      (void)g_.topology();
      graph = std::move(g_);
    }
    return top;
  }

  /// Validation of a file with reader problems: the graph checks over the elements that did
  /// read (see read_node), each problem once. Nothing when the nodes array itself did not read
  /// (every edge would dangle). The edges of a node left out (its kind did not read) are left
  /// out too: they are neither dangling (E200) nor judgeable by kind (E203), and so are the
  /// strategies' values for it (not "sets unknown node" either). When any node or
  /// edge is left out, "served by no intervention" (E204) and "serves no goal" (E205) are not
  /// reported: the missing element may be what serves. Every other check only reports what the
  /// elements that read hold themselves, so its problems are real ones.
  std::vector<Issue> check_what_read() {
    if (!judged_ || !nodes_read_) return {};
    if (!left_out_ids_.empty()) {
      StrategyGraph h;
      h.name = g_.name;
      h.strategies = std::move(g_.strategies);
      for (auto& st : h.strategies)  // nor does a strategy's value for it
        std::erase_if(st.values, [&](const auto& v) { return left_out_ids_.count(v.first) > 0; });
      for (auto& n : g_.nodes()) h.add_node(n);
      for (auto& e : g_.edges())
        if (!left_out_ids_.count(e.from) && !left_out_ids_.count(e.to)) h.add_edge(e);
      g_ = std::move(h);
    }
    auto issues = g_.check();
    if (left_out_[nodes] || left_out_[edges])
      std::erase_if(
          issues, [](const Issue& i) { return i.code == Errc::goal_unserved || i.code == Errc::intervention_unused; });
    return issues;
  }

  StrategyGraph finish() {
    if (!top_is_object_) throw InputError(Errc::wrong_type, origin_ + ": the document must be a JSON object", {"/"});
    detail::check_format(top_, "koers.model", model_format_version, origin_);
    ObjectReader top(top_, "");
    top.str("format");
    top.integer("version");
    g_.name = top.str_or("name", "");
    g_.source = top.str_or("source", "");
    if (auto* p = top.object("period")) {
      ObjectReader pr(*p, "/period");
      g_.period_start = pr.str_or("start", "");
      g_.period_end = pr.str_or("end", "");
      pr.finish();
    }
    if (top.array("nodes", true) && errors_[0]) std::rethrow_exception(errors_[0]);
    if (top.array("edges") && errors_[1]) std::rethrow_exception(errors_[1]);
    if (top.array("strategies") && errors_[2]) std::rethrow_exception(errors_[2]);
    top.finish();
    g_.strategies = std::move(strategies_);
    (void)g_
        .topology();  // every edge's ends resolved once, while loading (as a graph library's load builds its adjacency)
    return std::move(g_);
  }

 private:
  enum Section { none = -1, nodes = 0, edges = 1, strategies = 2 };

  bool open(json::value_t t) {
    if (++depth_ > detail::max_json_depth)  // the pre-scan catches this first; a guard only
      throw InputError(Errc::too_deep,
                       origin_ + " nests deeper than " + std::to_string(detail::max_json_depth) + " levels", {origin_});
    if (depth_ == 1) {
      if (t == json::value_t::object)
        top_is_object_ = true;
      else
        skip_ = 1;  // not an object: parse the rest for syntax only
      return true;
    }
    if (skip_ > 0) {
      ++skip_;
      return true;
    }
    if (builder_.active()) {
      builder_.start_container(t);
      return true;
    }
    if (depth_ == 2) {  // a top-level field's value
      Section s = key_ == "nodes" ? nodes : key_ == "edges" ? edges : key_ == "strategies" ? strategies : none;
      if (s != none && t == json::value_t::array) {
        begin_section(s);
        return true;
      }
      begin_field(t);
      return true;
    }
    // depth 3: an element of a streamed section
    begin_element();
    if (skip_ == 0) builder_.start_container(t);
    return true;
  }

  bool close() {
    --depth_;
    if (skip_ > 0) {
      if (--skip_ == 0 && depth_ >= 1) element_done(false);
      return true;
    }
    if (builder_.active()) {
      builder_.end_container();
      if (builder_.done()) element_done(true);
      return true;
    }
    if (depth_ == 1) section_ = none;  // end of a streamed array
    return true;
  }

  template <class V>
  bool scalar(V&& v) {
    if (skip_ > 0 || depth_ == 0) return true;  // inside a skipped value, or a scalar document
    if (builder_.active()) {
      builder_.value(std::forward<V>(v));
      return true;
    }
    if (depth_ == 1) {  // a scalar top-level field
      section_ = none;
      replacing(key_);
      if (known(key_))
        top_[key_] = json(std::forward<V>(v));
      else
        top_[key_] = nullptr;  // only its name matters (E104)
      return true;
    }
    // depth 2: a scalar element of a streamed section
    begin_element();
    if (skip_ == 0) {
      builder_.value(std::forward<V>(v));
      element_done(true);
    } else {
      skip_ = 0;
      element_done(false);
    }
    return true;
  }

  static bool known(const std::string& k) {
    return k == "format" || k == "version" || k == "name" || k == "source" || k == "period" || k == "nodes" ||
           k == "edges" || k == "strategies";
  }

  void begin_section(Section s) {
    // a repeated top-level key: the last one wins, as with json::parse
    if (seen_[s]) reset(s);
    seen_[s] = true;
    top_[key_] = json::array();  // a placeholder: the elements are read as they stream by
    section_ = s;
    index_ = 0;
  }
  /// A top-level key whose value is not a streamed array: forget an earlier streamed one.
  void replacing(const std::string& k) {
    Section s = k == "nodes" ? nodes : k == "edges" ? edges : k == "strategies" ? strategies : none;
    if (s != none && seen_[s]) {
      reset(s);
      seen_[s] = false;
    }
  }
  void begin_field(json::value_t t) {
    section_ = none;
    replacing(key_);
    field_ = key_;
    if (known(key_)) {
      builder_.start();
      builder_.start_container(t);
    } else {
      top_[key_] = nullptr;
      skip_ = 1;
    }
  }
  void begin_element() {
    if (errors_[section_] && !collect_)
      skip_ = 1;  // one error per section is all that is reported
    else
      builder_.start();
  }

  void element_done(bool built) {
    if (section_ == none) {  // a top-level field's value
      if (built) top_[field_] = builder_.take();
      return;
    }
    std::size_t i = index_++;
    if (!built) return;
    json j = builder_.take();
    const char* name = section_ == nodes ? "/nodes/" : section_ == edges ? "/edges/" : "/strategies/";
    try {
      std::string path = name + std::to_string(i);
      Faults f(collect_ ? &collected_ : nullptr);  // loading: the first problem throws
      if (section_ == nodes) {
        auto r = read_node(j, path, f);
        if (r.node)
          g_.add_node(std::move(*r.node));
        else
          left_out_[nodes] = true;
        if (r.left_out_id) left_out_ids_.insert(std::move(*r.left_out_id));
      } else if (section_ == edges) {
        if (auto e = read_edge(j, path, f))
          g_.add_edge(*e);
        else
          left_out_[edges] = true;
      } else if (auto s = read_strategy(j, path, f)) {
        strategies_.push_back(std::move(*s));
      }
    } catch (const InputError& e) {
      if (collect_) collected_.push_back(Issue{e.code(), e.elements(), e.message()});
      errors_[section_] = std::current_exception();
    }
  }

  /// Forget what an earlier occurrence of a repeated top-level key loaded (rare: a hostile file).
  void reset(Section s) {
    errors_[s] = nullptr;
    left_out_[s] = false;
    if (s == nodes) left_out_ids_.clear();
    if (collect_) {
      const std::string prefix = s == nodes ? "/nodes/" : s == edges ? "/edges/" : "/strategies/";
      std::erase_if(collected_,
                    [&](const Issue& i) { return !i.elements.empty() && i.elements.front().rfind(prefix, 0) == 0; });
    }
    if (s == strategies) {
      strategies_.clear();
      return;
    }
    StrategyGraph h;
    if (s != nodes)
      for (auto& n : g_.nodes()) h.add_node(n);
    if (s != edges)
      for (auto& e : g_.edges()) h.add_edge(e);
    g_ = std::move(h);
  }

  std::string origin_;
  StrategyGraph g_;
  std::vector<Strategy> strategies_;
  json top_ = json::object();  // the small top-level fields; placeholders for the streamed arrays
  ValueBuilder builder_;
  int depth_ = 0;
  int skip_ = 0;  // > 0: inside a value that is not built (its depth)
  std::string key_, field_;
  Section section_ = none;
  std::size_t index_ = 0;
  bool top_is_object_ = false;
  bool seen_[3] = {false, false, false};
  std::exception_ptr errors_[3];
  bool collect_ = false;
  std::vector<Issue> collected_;
  // validation: what could not take part in the graph checks
  bool left_out_[3] = {false, false, false};
  std::set<std::string> left_out_ids_;
  bool judged_ = false, nodes_read_ = false;
};

}  // namespace

namespace {
/// Runs the reader over a text.
void run_text(ModelSax& sax, std::string_view text, const std::string& origin) {
  PreScan scan;
  scan.feed(text);
  check_depth(scan, origin);
  sax.reserve(scan.nodes(), scan.edges());
  json::sax_parse(text.begin(), text.end(), &sax);
}

/// Runs the reader over a file: a regular file is streamed twice (pre-scan, SAX parse); a pipe
/// or device is read once (up to the size limit), then parsed as text.
void run_file(ModelSax& sax, const std::string& path, const std::string& origin) {
  auto unreadable = [&] { return InputError(Errc::file_unreadable, "cannot read '" + path + "'", {path}); };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw InputError(Errc::file_unreadable, "'" + path + "' is a directory, not a file", {path});
  bool regular = std::filesystem::is_regular_file(path, ec);
  if (!regular) {  // a pipe or device: read once (stopping at the limit), then parse the text
    run_text(sax, io::read_file(path, detail::max_json_bytes), origin);
    return;
  }
  std::ifstream in = io::open_file(path);
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > detail::max_json_bytes) io::throw_too_large(path, detail::max_json_bytes);
  PreScan scan;
  std::vector<char> buf(std::size_t{1} << 20);
  std::size_t total = 0;
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    total += static_cast<std::size_t>(in.gcount());
    if (total > detail::max_json_bytes) io::throw_too_large(path, detail::max_json_bytes);  // a file that grows
    scan.feed(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) throw unreadable();
  check_depth(scan, origin);
  in.clear();
  in.seekg(0);
  if (!in) throw unreadable();
  sax.reserve(scan.nodes(), scan.edges());
  try {
    json::sax_parse(in, &sax);
  } catch (const InputError&) {
    if (in.bad()) throw unreadable();  // a read error mid-file, not a syntax error
    throw;
  }
  if (in.bad()) throw unreadable();
}

ModelValidation collect(ModelSax& sax) {
  ModelValidation v;
  std::optional<StrategyGraph> g;
  v.issues = sax.finish_collecting(g);
  auto checked = g ? g->check() : sax.check_what_read();
  v.issues.insert(v.issues.end(), checked.begin(), checked.end());
  if (g) v.graph = std::move(*g);
  return v;
}
}  // namespace

StrategyGraph parse_model(std::string_view text, const std::string& origin) {
  ModelSax sax(origin);
  run_text(sax, text, origin);
  return sax.finish();
}

StrategyGraph load_model(const std::string& path) {
  const std::string origin = "'" + path + "'";
  ModelSax sax(origin);
  run_file(sax, path, origin);
  return sax.finish();
}

namespace {
/// nlohmann's acceptor, told which error stopped it: a number too large for a double
/// (out_of_range), with the token and the position after it, or anything else.
struct Acceptor : nlohmann::json_sax<json> {
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string& token, const nlohmann::detail::exception& e) override {
    out_of_range = dynamic_cast<const json::out_of_range*>(&e) != nullptr;
    position = at;
    last_token = token;
    return false;
  }
  bool out_of_range = false;
  std::size_t position = 0;
  std::string last_token;
};

/// Whether `text` is JSON, reading each number too large for a double as 0 (JSON's grammar has
/// no limit; nlohmann's acceptor stops there). Iterative, no DOM; gives up (false) past 1,000
/// such numbers or when a token cannot be found where the parser stopped.
bool json_but_for_big_numbers(std::string_view text) {
  std::string copy;
  std::string_view t = text;
  for (int round = 0; round < 1000; ++round) {
    Acceptor a;
    if (json::sax_parse(t.begin(), t.end(), &a)) return true;
    const std::size_t n = a.last_token.size();
    if (!a.out_of_range || n == 0 || a.position > t.size() || a.position < n ||
        t.substr(a.position - n, n) != a.last_token)
      return false;
    if (copy.empty()) copy.assign(text);
    copy.replace(a.position - n, n, "0" + std::string(n - 1, ' '));  // same length: later positions hold
    t = copy;
  }
  return false;
}

/// Validation of a document the reader cannot read to its end although it is JSON: nested too
/// deep (E108; checked by nlohmann's iterative acceptor, no DOM) or holding a number too large
/// for a double (E107). The verdict lists that problem as its one; when the text is not JSON
/// either, the error stands as the file error it is.
ModelValidation unreadable_verdict(const InputError& e, std::string_view text) {
  if (!json_but_for_big_numbers(text)) throw e;
  ModelValidation v;
  v.issues.push_back(Issue{e.code(), e.elements(), e.message()});
  return v;
}
}  // namespace

ModelValidation validate_model(const std::string& path) {
  const std::string origin = "'" + path + "'";
  ModelSax sax(origin, true);
  try {
    run_file(sax, path, origin);
  } catch (const InputError& e) {
    if (e.code() != Errc::too_deep && !sax.number_out_of_range) throw;
    return unreadable_verdict(e, io::read_file(path, detail::max_json_bytes));
  }
  return collect(sax);
}

ModelValidation validate_model_text(std::string_view text, const std::string& origin) {
  ModelSax sax(origin, true);
  try {
    run_text(sax, text, origin);
  } catch (const InputError& e) {
    if (e.code() != Errc::too_deep && !sax.number_out_of_range) throw;
    return unreadable_verdict(e, text);
  }
  return collect(sax);
}

std::string to_json(const StrategyGraph& g, int indent) {
  json j = json::object();
  j["format"] = "koers.model";
  j["version"] = model_format_version;
  if (!g.name.empty()) j["name"] = g.name;
  if (!g.source.empty()) j["source"] = g.source;
  if (!g.period_start.empty() || !g.period_end.empty()) {
    json p = json::object();
    if (!g.period_start.empty()) p["start"] = g.period_start;
    if (!g.period_end.empty()) p["end"] = g.period_end;
    j["period"] = p;
  }
  json nodes = json::array();
  for (auto& n : g.nodes()) nodes.push_back(write_node(n));
  j["nodes"] = std::move(nodes);
  json edges = json::array();
  for (auto& e : g.edges()) {
    json je = json::object();
    je["kind"] = std::string(to_string(e.kind));
    je["from"] = e.from;
    je["to"] = e.to;
    if (e.strength) {
      if (e.strength->value)
        je["strength"] = number_json(*e.strength->value);
      else
        je["strength"] = e.strength->label;
    }
    edges.push_back(std::move(je));
  }
  j["edges"] = std::move(edges);
  if (!g.strategies.empty()) {
    json ss = json::array();
    for (auto& s : g.strategies) {
      json js = json::object();
      js["name"] = s.name;
      if (!s.description.empty()) js["description"] = s.description;
      json vals = json::object();
      for (auto& [id, v] : s.values) vals[id] = number_json(v);
      js["values"] = vals;
      ss.push_back(std::move(js));
    }
    j["strategies"] = std::move(ss);
  }
  return j.dump(indent, ' ', false, json::error_handler_t::strict);
}

void save_model(const StrategyGraph& g, const std::string& path) {
  std::string text = to_json(g);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(Errc::file_unreadable, "cannot write '" + path + "'", {path});
  out << text << '\n';
  if (!out) throw InputError(Errc::file_unreadable, "cannot write '" + path + "'", {path});
}

}  // namespace koers
