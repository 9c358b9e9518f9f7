// GRL evaluation (jUCMNav's quantitative and qualitative algorithms), the StrategyGraph → GRL
// converter and the name tables. See include/koers/analysis/grl.hpp for the rules.
#include <koers/analysis/grl.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace koers::grl {

// ---------------------------------------------------------------------------- names
std::string_view to_string(Label l) {
  switch (l) {
    case Label::denied: return "Denied";
    case Label::weakly_denied: return "WeaklyDenied";
    case Label::weakly_satisfied: return "WeaklySatisfied";
    case Label::satisfied: return "Satisfied";
    case Label::conflict: return "Conflict";
    case Label::unknown: return "Unknown";
    case Label::none: return "None";
  }
  return "None";
}
std::string_view to_string(ContributionType c) {
  switch (c) {
    case ContributionType::make: return "Make";
    case ContributionType::help: return "Help";
    case ContributionType::some_positive: return "SomePositive";
    case ContributionType::unknown: return "Unknown";
    case ContributionType::some_negative: return "SomeNegative";
    case ContributionType::hurt: return "Hurt";
    case ContributionType::break_: return "Break";
  }
  return "Unknown";
}
std::string_view to_string(ElementType t) {
  switch (t) {
    case ElementType::softgoal: return "softgoal";
    case ElementType::goal: return "goal";
    case ElementType::task: return "task";
    case ElementType::resource: return "resource";
    case ElementType::indicator: return "indicator";
  }
  return "softgoal";
}
std::string_view to_string(Algorithm a) { return a == Algorithm::qualitative ? "qualitative" : "quantitative"; }
std::string_view to_string(LinkKind k) {
  switch (k) {
    case LinkKind::decomposition: return "decomposition";
    case LinkKind::contribution: return "contribution";
    case LinkKind::dependency: return "dependency";
  }
  return "contribution";
}
std::string_view to_string(Importance i) {
  switch (i) {
    case Importance::high: return "High";
    case Importance::medium: return "Medium";
    case Importance::low: return "Low";
    case Importance::none: return "None";
  }
  return "None";
}
std::optional<Label> parse_label(std::string_view s) {
  for (Label l : {Label::denied, Label::weakly_denied, Label::weakly_satisfied, Label::satisfied, Label::conflict,
                  Label::unknown, Label::none})
    if (to_string(l) == s) return l;
  return std::nullopt;
}
std::optional<ContributionType> parse_contribution(std::string_view s) {
  static const std::pair<std::string_view, ContributionType> names[] = {
      {"make", ContributionType::make},           {"help", ContributionType::help},
      {"some+", ContributionType::some_positive}, {"unknown", ContributionType::unknown},
      {"some-", ContributionType::some_negative}, {"hurt", ContributionType::hurt},
      {"break", ContributionType::break_}};
  for (auto& [n, c] : names)
    if (n == s) return c;
  for (auto c :
       {ContributionType::make, ContributionType::help, ContributionType::some_positive, ContributionType::unknown,
        ContributionType::some_negative, ContributionType::hurt, ContributionType::break_})
    if (to_string(c) == s) return c;
  return std::nullopt;
}
std::optional<Algorithm> parse_algorithm(std::string_view s) {
  if (s == "quantitative") return Algorithm::quantitative;
  if (s == "qualitative") return Algorithm::qualitative;
  return std::nullopt;
}

Label label_of(int v) {
  if (v == 100) return Label::satisfied;
  if (v > 0 && v < 100) return Label::weakly_satisfied;
  if (v > -100 && v < 0) return Label::weakly_denied;
  if (v == -100) return Label::denied;
  if (v == 0) return Label::none;
  if (v == -101) return Label::conflict;
  if (v == -102) return Label::unknown;
  return v > 100 ? Label::satisfied : Label::denied;  // out of range: only after a checked input
}
int value_of(Label l) {
  switch (l) {
    case Label::denied: return -100;
    case Label::weakly_denied: return -50;
    case Label::weakly_satisfied: return 50;
    case Label::satisfied: return 100;
    case Label::conflict: return -101;
    case Label::unknown: return -102;
    case Label::none: return 0;
  }
  return 0;
}
int strength_of(ContributionType c) {
  switch (c) {
    case ContributionType::make: return 100;
    case ContributionType::help: return 25;
    case ContributionType::some_positive: return 75;
    case ContributionType::unknown: return 0;
    case ContributionType::some_negative: return -75;
    case ContributionType::hurt: return -25;
    case ContributionType::break_: return -100;
  }
  return 0;
}
ContributionType contribution_of(int s) {
  if (s >= 100) return ContributionType::make;
  if (s >= 50) return ContributionType::some_positive;
  if (s > 0) return ContributionType::help;
  if (s == 0) return ContributionType::unknown;
  if (s > -50) return ContributionType::hurt;
  if (s > -100) return ContributionType::some_negative;
  return ContributionType::break_;
}
namespace {
Importance importance_of(int v) {  // jUCMNav getQualitativeImportanceForQuantitativeValue
  if (v >= 66) return Importance::high;
  if (v >= 33) return Importance::medium;
  if (v > 0) return Importance::low;
  return Importance::none;
}
}  // namespace

std::vector<std::string> Model::strategy_names() const {
  std::vector<std::string> out;
  for (auto& s : strategies) out.push_back(s.name);
  return out;
}
const Element* Model::find(const std::string& id) const {
  for (auto& e : elements)
    if (e.id == id) return &e;
  return nullptr;
}
const ElementResult& Result::at(const std::string& id) const {
  for (auto& e : elements)
    if (e.id == id) return e;
  throw GraphError(Errc::unknown_node, "no element '" + id + "' in the result of strategy '" + strategy + "'", {id});
}
const ElementResult* Result::by_name(const std::string& name) const {
  for (auto& e : elements)
    if (e.name == name) return &e;
  return nullptr;
}

// ---------------------------------------------------------------------------- evaluation
namespace detail {

constexpr int D = 0, WD = 1, WS = 2, S = 3, C = 4, U = 5, N = 6;  // Label indices

// jUCMNav QualitativeGRLStrategyAlgorithm.contribTable1: [source label][contribution type]
constexpr int contrib_table1[7][7] = {
    // M   H+  s+  u   s-  H-  B
    {D, WD, WD, N, WS, WS, S},    // D
    {WD, WD, WD, N, WS, WS, WS},  // WD
    {WS, WS, WS, N, WD, WD, WD},  // WS
    {S, WS, WS, N, WD, WD, D},    // S
    {U, U, U, U, U, U, U},        // C
    {U, U, U, U, U, U, U},        // U
    {N, N, N, N, N, N, N},        // N
};
// contribTable2: combines two labels
constexpr int contrib_table2[7][7] = {
    {D, D, WD, C, C, U, D},    // D
    {D, WD, N, WS, C, U, WD},  // WD
    {WD, N, WS, S, C, U, WS},  // WS
    {C, WS, S, S, C, U, S},    // S
    {C, C, C, C, C, C, C},     // C
    {U, U, U, U, C, U, U},     // U
    {D, WD, WS, S, C, U, N},   // N
};
// importanceMap: [importance][label]
constexpr int importance_map[4][7] = {
    {D, WD, WS, S, C, U, N},    // high
    {WD, WD, WS, WS, C, U, N},  // medium
    {WD, N, N, WS, C, U, N},    // low
    {N, N, N, N, N, N, N},      // none
};
// DependencyQualitativeLabelComparitor: > 0 when the first label is the lower one
constexpr int compare_map[7][7] = {
    {0, 1, 1, 1, 1, 1, 1},        // D
    {-1, 0, 1, 1, -1, -1, 1},     // WD
    {-1, -1, 0, 1, -1, -1, -1},   // WS
    {-1, -1, -1, 0, -1, -1, -1},  // S
    {-1, 1, 1, 1, 0, 1, 1},       // C
    {-1, 1, 1, 1, -1, 0, 1},      // U
    {-1, -1, 1, 1, -1, -1, 0},    // N
};

int idx(Label l) { return static_cast<int>(l); }
Label lab(int i) { return static_cast<Label>(i); }

// getQualitativeContribution: several labels → one (w1/w2/w3), or the only one
int combine_labels(const int sums[7], int count) {
  if (count > 1) {
    int w1 = sums[WS] > sums[WD] ? WS : (sums[WD] > sums[WS] ? WD : N);
    int w2 = (sums[S] > 0 && sums[D] > 0) ? C : sums[S] > 0 ? S : sums[D] > 0 ? D : N;
    int w3 = (sums[C] > 0 || sums[U] > 0) ? U : -1;
    return w3 == -1 ? contrib_table2[w1][w2] : w3;
  }
  int r = -1;
  for (int i = 0; i < 7; ++i)
    if (sums[i] > 0) r = i;
  return r;
}

// Value reported and used for arithmetic: Conflict/Unknown codes count as 0.
int reported(int v) { return (v == -101 || v == -102) ? 0 : v; }

std::string signed_str(int v) { return (v > 0 ? "+" : "") + std::to_string(v); }

/// The graph an evaluation runs on: elements by position, their incoming links grouped by
/// destination (in link order), and where the ids, names and kinds come from (a GRL model or a
/// strategy graph, never copied).
struct Net {
  struct In {
    LinkKind kind;
    ContributionType contribution;
    std::int16_t strength;
    std::uint32_t src;
  };
  std::size_t n = 0;
  std::vector<std::uint32_t> in_offset;  // n + 1
  std::vector<In> in;
  std::vector<Decomposition> decomposition;
  const Model* model = nullptr;
  const StrategyGraph* graph = nullptr;
  std::vector<std::uint32_t> node_of;  // graph: element position -> node index
  std::string model_name;

  std::span<const In> inputs(std::size_t e) const { return {in.data() + in_offset[e], in.data() + in_offset[e + 1]}; }
  std::string_view id(std::size_t e) const {
    return model ? std::string_view(model->elements[e].id) : std::string_view(graph->node_id(node_of[e]));
  }
  std::string_view name(std::size_t e) const {
    if (model) return model->elements[e].name;
    auto nm = graph->node_name(node_of[e]);
    return nm.empty() ? std::string_view(graph->node_id(node_of[e])) : nm;
  }
  std::string_view kind(std::size_t e) const {
    if (model)
      return model->elements[e].kind.empty() ? to_string(model->elements[e].type)
                                             : std::string_view(model->elements[e].kind);
    return koers::to_string(graph->node_kind(node_of[e]));
  }
};

struct Evaluator {
  const Net& net;
  Algorithm algo;
  int tolerance;
  const std::vector<int>& value;  // jUCMNav internal value (final for every source read)
  const std::vector<Label>& label;

  Input input(const Net::In& l, std::size_t s, int sv, Label amount_label) const {
    return Input{std::string(net.id(s)),
                 std::string(net.name(s)),
                 l.kind,
                 std::nullopt,
                 0,
                 sv,
                 label[s],
                 0,
                 amount_label,
                 false};
  }

  /// The quantitative value of element e (jUCMNav's QuantitativeGRLStrategyAlgorithm). With
  /// `Explain`, also its rule in `out->rule` and, with `inputs`, its inputs in `out->inputs`.
  /// One computation for both: the explanation only records what the arithmetic did, so the
  /// values and labels without it (evaluate()'s fast path) are those of the explained result.
  template <bool Explain>
  int quantitative(std::size_t e, [[maybe_unused]] ElementResult* out, [[maybe_unused]] bool inputs) const {
    const Decomposition dk = net.decomposition[e];
    int dec = -10000, dep = 10000, sum = 0;
    bool any_contrib = false, has_satisfy = false, has_deny = false;
    [[maybe_unused]] int n_dec = 0;
    [[maybe_unused]] std::vector<int> contribs;
    for (const auto& l : net.inputs(e)) {
      const int sv = reported(value[l.src]);
      int amount = sv;
      if (l.kind == LinkKind::decomposition) {
        if constexpr (Explain) ++n_dec;
        if (dec < -100)
          dec = sv;
        else if (dk == Decomposition::and_)
          dec = std::min(dec, sv);
        else
          dec = std::max(dec, sv);
      } else if (l.kind == LinkKind::dependency) {
        dep = std::min(dep, sv);
      } else {
        amount = (l.strength * sv) / 100;  // Java int division: truncates toward zero
        if (amount != 0) {
          any_contrib = true;
          sum += amount;
          has_satisfy |= amount == 100;
          has_deny |= amount == -100;
          if constexpr (Explain) contribs.push_back(amount);
        }
      }
      if constexpr (Explain) {
        if (!inputs) continue;
        Input in = input(l, l.src, sv, label_of(amount));
        in.amount = amount;
        if (l.kind == LinkKind::contribution) {
          in.contribution = l.contribution;
          in.strength = l.strength;
        }
        out->inputs.push_back(std::move(in));
      }
    }
    int result = dec >= -100 ? dec : 0;
    [[maybe_unused]] int raw = result, clamped = result;
    if (any_contrib) {
      has_satisfy |= result == 100;
      has_deny |= result == -100;
      raw = result + sum;
      result = clamped = std::clamp(raw, -100, 100);
      if (result >= 100 - tolerance && !has_satisfy)
        result = sum > 0 ? std::max(dec, 100 - tolerance) : std::max(result, 100 - tolerance);
      else if (result <= -100 + tolerance && !has_deny)
        result = (sum < 0 && dec > -10000) ? std::min(dec, -100 + tolerance) : std::min(result, -100 + tolerance);
    }
    [[maybe_unused]] const int before_dep = result;
    if (dep <= 100 && result > dep) result = dep;
    if constexpr (Explain)
      out->rule = quantitative_rule(
          *out, {dk, n_dec, dec, dep, contribs, raw, clamped, before_dep, result, has_satisfy, has_deny});
    return result;
  }

  /// What quantitative() did, for its rule.
  struct QuantitativeSteps {
    Decomposition dk;
    int n_dec, dec, dep;
    const std::vector<int>& contribs;
    int raw, clamped, before_dep, result;
    bool has_satisfy, has_deny;
  };

  /// The rule of a quantitative evaluation in words; marks the decisive inputs of `out`.
  std::string quantitative_rule(ElementResult& out, const QuantitativeSteps& q) const {
    bool dec_marked = false, dep_marked = false;
    for (auto& in : out.inputs) {
      if (in.link == LinkKind::decomposition && !dec_marked && in.amount == q.dec) in.decisive = dec_marked = true;
      if (in.link == LinkKind::contribution) in.decisive = in.amount != 0;
    }
    std::string rule;
    auto put = [&rule](int v) { rule += std::to_string(v); };
    if (q.dec >= -100) {
      rule += q.dk == Decomposition::and_ ? "AND (min)" : q.dk == Decomposition::or_ ? "OR (max)" : "XOR (max)";
      rule += " of ";
      put(q.n_dec);
      rule += q.n_dec == 1 ? " decomposition = " : " decompositions = ";
      put(q.dec);
    }
    if (!q.contribs.empty()) {
      if (q.dec >= -100) rule += "; ";
      rule += "contributions";
      for (int c : q.contribs) {
        rule += c > 0 ? " +" : " ";
        put(c);
      }
      rule += " → ";
      put(q.raw);
      if (q.raw != q.clamped) {
        rule += ", clamped to ";
        put(q.clamped);
      }
      const bool at_most = q.clamped >= 100 - tolerance && !q.has_satisfy;
      const bool at_least = !at_most && q.clamped <= -100 + tolerance && !q.has_deny;
      if ((at_most || at_least) && q.before_dep != q.clamped) {
        rule += at_most ? "; no input is 100, so at most " : "; no input is -100, so at least ";
        put(q.before_dep);
        rule += " (tolerance ";
        put(tolerance);
        rule += ")";
      }
    } else if (q.dec < -100) {
      rule += "no input changes it: 0";
    }
    if (q.dep <= 100 && q.before_dep > q.dep) {
      rule += "; capped by a dependency at ";
      put(q.dep);
      for (auto& in : out.inputs)
        if (in.link == LinkKind::dependency && !dep_marked && in.amount == q.dep) in.decisive = dep_marked = true;
    }
    return rule;
  }

  /// The qualitative label of element e; with `out`, its inputs and rule too.
  Label qualitative(std::size_t e, ElementResult* out) const {
    const Decomposition dk = net.decomposition[e];
    int result = -1;
    bool has_dec = false;
    int dsums[7] = {0}, sums[7] = {0};
    int n_contrib = 0;
    std::optional<int> dep_min;
    for (const auto& l : net.inputs(e)) {
      std::size_t s = l.src;
      int sl = idx(label[s]);
      std::optional<Input> in;
      if (out) in = input(l, s, reported(value[s]), label[s]);
      if (l.kind == LinkKind::decomposition) {
        has_dec = true;
        ++dsums[sl];
      } else if (l.kind == LinkKind::dependency) {
        if (!dep_min) dep_min = N;  // the element's own label before evaluation: None
        if (compare_map[sl][*dep_min] > 0) dep_min = sl;
      } else {
        int ci = contrib_table1[sl][static_cast<int>(l.contribution)];
        if (in) {
          in->contribution = l.contribution;
          in->strength = l.strength;
          in->amount_label = lab(ci);
          in->decisive = true;
        }
        ++sums[ci];
        ++n_contrib;
      }
      if (in) {
        in->amount = reported(value_of(in->amount_label));
        out->inputs.push_back(std::move(*in));
      }
    }
    std::ostringstream rule;
    if (has_dec) {
      if (dk == Decomposition::and_) {
        result = dsums[D]                 ? D
                 : (dsums[C] || dsums[U]) ? U
                 : dsums[WD]              ? WD
                 : dsums[N]               ? N
                 : dsums[WS]              ? WS
                 : dsums[S]               ? S
                                          : N;
        if (out) rule << "AND of decompositions = " << to_string(lab(result));
      } else {
        result = dsums[S]                 ? S
                 : (dsums[C] || dsums[U]) ? U
                 : dsums[WS]              ? WS
                 : dsums[N]               ? N
                 : dsums[WD]              ? WD
                 : dsums[D]               ? D
                                          : -1;
        if (out)
          rule << (dk == Decomposition::or_ ? "OR" : "XOR")
               << " of decompositions = " << (result >= 0 ? to_string(lab(result)) : std::string_view("None"));
      }
      if (out)
        for (auto& in : out->inputs)
          if (in.link == LinkKind::decomposition && result >= 0 && idx(in.source_label) == result) in.decisive = true;
    }
    if (n_contrib > 0) {
      int c = combine_labels(sums, n_contrib);
      if (out) {
        if (has_dec) rule << "; ";
        rule << "contributions give " << (c >= 0 ? to_string(lab(c)) : std::string_view("None"));
      }
      if (result == -1) {
        result = c;
      } else if (c >= 0) {
        result = contrib_table2[result][c];
        if (out) rule << "; combined: " << to_string(lab(result));
      }
    }
    if (dep_min) {
      int cur = result == -1 ? N : result;
      if (compare_map[*dep_min][cur] > 0) {
        result = *dep_min;
        if (out) rule << "; capped by a dependency at " << to_string(lab(result));
      }
    }
    if (out) {
      if (!has_dec && n_contrib == 0 && !dep_min) rule << "no input changes it: None";
      out->rule = rule.str();
    }
    return result == -1 ? Label::none : lab(result);
  }
};

/// One actor over element positions: its elements (one entry per reference, unknown ids
/// dropped) and nested actors (positions in the actor list).
struct NetActor {
  std::string id, name;
  Importance importance = Importance::none;
  int importance_quantitative = 0;
  std::vector<std::uint32_t> elements;
  std::vector<std::uint32_t> actors;
  std::uint32_t self = 0;  // the first actor with this id (what a nested reference finds)
};

/// Element importance, by position.
struct NetImportance {
  std::vector<int> quantitative;
  std::vector<Importance> level;
};

int actor_quantitative(const Net& net, const NetImportance& imp, const std::vector<NetActor>& actors, const NetActor& a,
                       const std::vector<int>& value, const std::vector<Label>& label, ActorResult* out,
                       std::vector<char>& stack) {
  long long sum_eval = 0, sum_imp = 0;
  for (auto e : a.elements) {
    int v = reported(value[e]);
    int iq = imp.quantitative[e];
    if (iq != 0) {
      sum_eval += static_cast<long long>(v) * iq;
      sum_imp += iq;
      if (out)
        out->inputs.push_back({std::string(net.id(e)), std::string(net.name(e)), LinkKind::contribution, std::nullopt,
                               iq, v, label[e], v * iq, label[e], true});
    }
  }
  for (auto c : a.actors) {
    const NetActor& child = actors[c];
    if (stack[child.self]) continue;
    stack[child.self] = 1;
    int v = actor_quantitative(net, imp, actors, child, value, label, nullptr, stack);
    stack[child.self] = 0;
    int iq = child.importance_quantitative;
    if (iq != 0) {
      sum_eval += static_cast<long long>(v) * iq;
      sum_imp += iq;
      if (out)
        out->inputs.push_back({child.id, child.name, LinkKind::contribution, std::nullopt, iq, v, label_of(v), v * iq,
                               label_of(v), true});
    }
  }
  return sum_imp > 0 ? static_cast<int>(sum_eval / sum_imp) : 0;
}

ActorResult actor_qualitative(const Net& net, const NetImportance& imp, const NetActor& a,
                              const std::vector<int>& value) {
  ActorResult r{a.id, a.name, 0, Label::none, {}};
  int sums[7] = {0};
  int total = 0;
  for (auto e : a.elements) {
    Label ql = label_of(value[e]);
    int ci = importance_map[static_cast<int>(imp.level[e])][idx(ql)];
    ++sums[ci];
    ++total;
    r.inputs.push_back({std::string(net.id(e)), std::string(net.name(e)), LinkKind::contribution, std::nullopt,
                        imp.quantitative[e], reported(value[e]), ql, reported(value_of(lab(ci))), lab(ci), true});
  }
  int res = combine_labels(sums, total);
  r.label = res == -1 ? Label::none : lab(res);
  r.value = reported(value_of(r.label));
  return r;
}

const Strategy* find_strategy(const Model& m, const std::string& name) {
  for (auto& s : m.strategies)
    if (s.name == name) return &s;
  for (auto& s : m.strategies)
    if (!s.id.empty() && s.id == name) return &s;
  return nullptr;
}

/// The evaluations a strategy gives, its included strategies' first (depth first, in order; a
/// later one overrides an earlier one, the strategy's own override them all). Iterative: a chain
/// of included strategies costs no C++ stack; a cycle is E201 with its path; a chain deeper
/// than max_strategy_depth is E108. Each strategy is visited once (a diamond is no cycle).
std::map<std::string, Evaluation> collect(const Model& m, std::size_t start) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < m.strategies.size(); ++i)
    if (!m.strategies[i].id.empty()) by_id[m.strategies[i].id].push_back(i);
  enum : char { unvisited, open, done };
  std::vector<char> state(m.strategies.size(), unvisited);
  std::map<std::string, Evaluation> out;
  struct Frame {
    std::size_t s, next_include, next_same_id;
  };
  std::vector<Frame> stack{{start, 0, 0}};
  state[start] = open;
  auto q = [](const Strategy& s) { return "'" + (s.name.empty() ? s.id : s.name) + "'"; };
  while (!stack.empty()) {
    Frame& f = stack.back();
    const Strategy& s = m.strategies[f.s];
    if (f.next_include == s.includes.size()) {
      for (auto& e : s.evaluations) out[e.element] = e;
      state[f.s] = done;
      stack.pop_back();
      continue;
    }
    auto it = by_id.find(s.includes[f.next_include]);
    if (it == by_id.end() || f.next_same_id >= it->second.size()) {  // unknown id: nothing to include
      ++f.next_include;
      f.next_same_id = 0;
      continue;
    }
    std::size_t t = it->second[f.next_same_id++];
    if (state[t] == done) continue;
    if (state[t] == open) {
      std::string path;
      std::vector<std::string> ids;
      std::size_t k = 0;
      while (stack[k].s != t) ++k;
      for (; k < stack.size(); ++k) {
        path += q(m.strategies[stack[k].s]) + " includes ";
        ids.push_back(m.strategies[stack[k].s].id);
      }
      throw GraphError(Errc::cycle, "strategies include each other in a cycle: " + path + q(m.strategies[t]), ids);
    }
    if (stack.size() >= max_strategy_depth)
      throw InputError(Errc::too_deep,
                       "strategy " + q(m.strategies[start]) + " includes strategies " +
                           std::to_string(max_strategy_depth) + " levels deep (at " + q(m.strategies[t]) +
                           "); koers follows at most " + std::to_string(max_strategy_depth),
                       {m.strategies[t].id});
    state[t] = open;
    stack.push_back({t, 0, 0});
  }
  return out;
}

constexpr std::uint32_t npos32 = 0xFFFFFFFFu;

/// Links grouped by destination, stably (link order within an element).
void group_links(Net& net, std::vector<std::pair<std::uint32_t, Net::In>>& links) {
  net.in_offset.assign(net.n + 1, 0);
  for (auto& [d, l] : links) ++net.in_offset[d + 1];
  for (std::size_t i = 0; i < net.n; ++i) net.in_offset[i + 1] += net.in_offset[i];
  net.in.resize(links.size());
  std::vector<std::uint32_t> fill(net.in_offset.begin(), net.in_offset.end() - 1);
  for (auto& [d, l] : links) net.in[fill[d]++] = l;
  links.clear();
  links.shrink_to_fit();
}

GraphError unknown_strategy(const std::string& strategy, const std::string& model_name, const std::string& known) {
  return GraphError(Errc::unknown_strategy,
                    "no strategy '" + strategy + "' in " + (model_name.empty() ? "the model" : "'" + model_name + "'") +
                        "; known: " + (known.empty() ? "none" : known),
                    {strategy});
}

void check_tolerance(const Options& opt) {
  if (opt.tolerance < 0 || opt.tolerance > 100)
    throw InputError(Errc::invalid_argument, "tolerance " + std::to_string(opt.tolerance) + " is outside 0..100",
                     {"tolerance"});
}

}  // namespace detail

namespace detail {
/// What a LazyResult shares: the net, the final values, the actors' results.
struct Evaluated {
  Net net;
  NetImportance importance;
  std::vector<NetActor> actors_net;
  std::string strategy;
  Algorithm algorithm = Algorithm::quantitative;
  int tolerance = 10;
  std::vector<int> value;  // jUCMNav internal values (Conflict -101, Unknown -102)
  std::vector<Label> label;
  std::vector<char> given;
  std::vector<ActorResult> actors;

  Evaluator evaluator() const { return Evaluator{net, algorithm, tolerance, value, label}; }

  /// A new run of strategy `name` over the net: every element unset and not given.
  void start(const std::string& name, Algorithm a, int tol) {
    strategy = name;
    algorithm = a;
    tolerance = tol;
    value.assign(net.n, 0);
    label.assign(net.n, Label::none);
    given.assign(net.n, 0);
  }
  /// Element e's value and label as the strategy gives them (run() leaves them as they are).
  void give(std::size_t e, int v, Label l) {
    given[e] = 1;
    value[e] = v;
    label[e] = l;
  }

  /// Kahn's order over the non-given elements (E201 with the path on a cycle), then every value.
  void run() {
    const std::size_t n = net.n;
    std::vector<std::uint32_t> pending(n, 0), out_offset(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (given[i]) continue;
      pending[i] = net.in_offset[i + 1] - net.in_offset[i];
      for (const auto& l : net.inputs(i)) ++out_offset[l.src + 1];
    }
    for (std::size_t i = 0; i < n; ++i) out_offset[i + 1] += out_offset[i];
    std::vector<std::uint32_t> outgoing(out_offset[n]);
    {
      std::vector<std::uint32_t> fill(out_offset.begin(), out_offset.end() - 1);
      for (std::size_t i = 0; i < n; ++i) {
        if (given[i]) continue;
        for (const auto& l : net.inputs(i)) outgoing[fill[l.src]++] = static_cast<std::uint32_t>(i);
      }
    }
    std::vector<std::uint32_t> ready, order;
    order.reserve(n);
    for (std::size_t i = n; i-- > 0;)
      if (pending[i] == 0) ready.push_back(static_cast<std::uint32_t>(i));
    std::vector<char> done(n, 0);
    while (!ready.empty()) {
      auto i = ready.back();
      ready.pop_back();
      order.push_back(i);
      done[i] = 1;
      for (auto k = out_offset[i]; k < out_offset[i + 1]; ++k)
        if (--pending[outgoing[k]] == 0) ready.push_back(outgoing[k]);
    }
    if (order.size() < n) throw_cycle(done);
    Evaluator ev = evaluator();
    for (auto i : order) {
      if (given[i] || net.in_offset[i + 1] == net.in_offset[i]) continue;
      if (algorithm == Algorithm::quantitative) {
        value[i] = ev.quantitative<false>(i, nullptr, false);
        label[i] = label_of(value[i]);
      } else {
        label[i] = ev.qualitative(i, nullptr);
        value[i] = value_of(label[i]);
      }
    }
    for (const auto& a : actors_net) {
      if (algorithm == Algorithm::quantitative) {
        ActorResult ar{a.id, a.name, 0, Label::none, {}};
        std::vector<char> stack(actors_net.size(), 0);
        stack[a.self] = 1;
        ar.value = actor_quantitative(net, importance, actors_net, a, value, label, &ar, stack);
        ar.label = label_of(ar.value);
        actors.push_back(std::move(ar));
      } else {
        actors.push_back(actor_qualitative(net, importance, a, value));
      }
    }
  }

  // a cycle among the computed elements: walk back along unfinished sources until one repeats
  [[noreturn]] void throw_cycle(const std::vector<char>& done) const {
    const std::size_t n = net.n;
    std::size_t start = 0;
    while (done[start]) ++start;
    std::vector<std::size_t> walk;
    std::vector<int> pos(n, -1);
    std::size_t cur = start;
    while (pos[cur] < 0) {
      pos[cur] = static_cast<int>(walk.size());
      walk.push_back(cur);
      std::size_t next = cur;
      for (const auto& l : net.inputs(cur))
        if (!done[l.src]) {
          next = l.src;
          break;
        }
      cur = next;
    }
    std::vector<std::size_t> cyc(walk.begin() + pos[cur], walk.end());
    std::reverse(cyc.begin(), cyc.end());  // in link direction: source -> destination
    cyc.push_back(cyc.front());
    std::string path;
    std::vector<std::string> ids;
    for (auto i : cyc) {
      std::string kind(net.kind(i));
      std::replace(kind.begin(), kind.end(), '_', ' ');
      path += (path.empty() ? "" : " -> ") + kind + " '" + std::string(net.name(i)) + "'";
      ids.push_back(std::string(net.id(i)));
    }
    ids.pop_back();
    throw GraphError(Errc::cycle,
                     "cycle: " + path + " (GRL evaluation needs an acyclic model; strategy '" + strategy +
                         "' does not fix any element on it)",
                     ids);
  }

  /// The rule of element i alone (no inputs built).
  std::string rule(std::size_t i) const {
    if (given[i]) return "given by strategy '" + strategy + "'";
    if (net.in_offset[i + 1] == net.in_offset[i]) return "no inputs: None";
    ElementResult out;
    if (algorithm == Algorithm::quantitative)
      evaluator().quantitative<true>(i, &out, false);
    else
      evaluator().qualitative(i, &out);
    return std::move(out.rule);
  }

  ElementResult element(std::size_t i, bool explain) const {
    ElementResult out;
    out.id = net.id(i);
    out.name = net.name(i);
    out.kind = net.kind(i);
    out.value = reported(value[i]);
    out.label = label[i];
    out.given = given[i] != 0;
    bool no_inputs = net.in_offset[i + 1] == net.in_offset[i];
    if (given[i]) {
      if (explain) out.rule = "given by strategy '" + strategy + "'";
    } else if (no_inputs) {
      if (explain) out.rule = "no inputs: None";
    } else if (algorithm == Algorithm::quantitative) {
      if (explain) evaluator().quantitative<true>(i, &out, true);
    } else {
      evaluator().qualitative(i, &out);  // the qualitative algorithm always explains
    }
    return out;
  }
};
}  // namespace detail
using namespace detail;  // this file's helpers (in detail: Evaluated's members use them)

// ---------------------------------------------------------------------------- LazyResult
namespace detail {
/// LazyResult's shared state, behind one pointer so that grl.hpp needs no <memory>.
struct EvaluatedHandle {
  std::shared_ptr<const Evaluated> evaluated;
};
}  // namespace detail

LazyResult::LazyResult(const LazyResult& other)
    : handle_(other.handle_ ? new detail::EvaluatedHandle{other.handle_->evaluated} : nullptr) {}
LazyResult::LazyResult(LazyResult&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
LazyResult& LazyResult::operator=(const LazyResult& other) {
  if (this != &other) {
    LazyResult copy(other);
    std::swap(handle_, copy.handle_);
  }
  return *this;
}
LazyResult& LazyResult::operator=(LazyResult&& other) noexcept {
  if (this != &other) {
    delete handle_;
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}
LazyResult::~LazyResult() { delete handle_; }
const detail::Evaluated& LazyResult::ev() const { return *handle_->evaluated; }

const std::string& LazyResult::strategy() const { return ev().strategy; }
Algorithm LazyResult::algorithm() const { return ev().algorithm; }
std::size_t LazyResult::size() const { return ev().net.n; }
std::string_view LazyResult::id(std::size_t i) const { return ev().net.id(i); }
std::string_view LazyResult::name(std::size_t i) const { return ev().net.name(i); }
std::string_view LazyResult::kind(std::size_t i) const { return ev().net.kind(i); }
int LazyResult::value(std::size_t i) const { return reported(ev().value[i]); }
Label LazyResult::label(std::size_t i) const { return ev().label[i]; }
bool LazyResult::given(std::size_t i) const { return ev().given[i] != 0; }
std::optional<std::size_t> LazyResult::find(std::string_view key) const {
  const auto& net = ev().net;
  for (std::size_t i = net.n; i-- > 0;)  // the last with this id, as a table keyed by id keeps
    if (net.id(i) == key) return i;
  for (std::size_t i = 0; i < net.n; ++i)
    if (net.name(i) == key) return i;
  return std::nullopt;
}
ElementResult LazyResult::explain(std::size_t i) const { return ev().element(i, true); }
std::string LazyResult::rule(std::size_t i) const { return ev().rule(i); }
const std::vector<ActorResult>& LazyResult::actors() const { return ev().actors; }
Result LazyResult::result(bool explain) const {
  Result r;
  r.strategy = ev().strategy;
  r.algorithm = ev().algorithm;
  r.elements.reserve(ev().net.n);
  for (std::size_t i = 0; i < ev().net.n; ++i) r.elements.push_back(ev().element(i, explain));
  r.actors = ev().actors;
  return r;
}

// ---------------------------------------------------------------------------- evaluation of a GRL model
LazyResult evaluate_lazy(const Model& m, const std::string& strategy, const Options& opt) {
  const Strategy* st = find_strategy(m, strategy);
  if (!st) {
    std::string known;
    for (auto& s : m.strategies) known += (known.empty() ? "'" : ", '") + s.name + "'";
    throw unknown_strategy(strategy, m.name, known);
  }
  check_tolerance(opt);
  auto ev = std::make_shared<detail::Evaluated>();
  Net& net = ev->net;
  net.model = &m;
  net.n = m.elements.size();
  const std::size_t n = net.n;
  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(n);
  for (std::size_t i = 0; i < n; ++i) index.emplace(m.elements[i].id, static_cast<std::uint32_t>(i));
  std::vector<std::pair<std::uint32_t, Net::In>> links;
  links.reserve(m.links.size());
  for (const Link& l : m.links) {
    auto s = index.find(l.src), d = index.find(l.dest);
    if (s == index.end() || d == index.end()) {
      const std::string& bad = s == index.end() ? l.src : l.dest;
      throw GraphError(Errc::unknown_reference,
                       "link '" + (l.id.empty() ? l.src + "->" + l.dest : l.id) + "' names an element '" + bad +
                           "' that does not exist",
                       {bad});
    }
    if (l.kind == LinkKind::contribution && (l.strength < -100 || l.strength > 100))
      throw InputError(Errc::invalid_value,
                       "contribution '" + (l.id.empty() ? l.src + "->" + l.dest : l.id) + "' has strength " +
                           std::to_string(l.strength) + " outside -100..100",
                       {l.id.empty() ? l.src : l.id});
    auto strength = static_cast<std::int16_t>(l.kind == LinkKind::contribution ? l.strength : 0);
    links.push_back({d->second, Net::In{l.kind, l.contribution, strength, s->second}});
  }
  group_links(net, links);
  net.decomposition.resize(n);
  ev->importance.quantitative.resize(n);
  ev->importance.level.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    net.decomposition[i] = m.elements[i].decomposition;
    ev->importance.quantitative[i] = m.elements[i].importance_quantitative;
    ev->importance.level[i] = m.elements[i].importance;
  }
  std::unordered_map<std::string_view, std::uint32_t> actor_index;
  for (std::size_t a = 0; a < m.actors.size(); ++a) actor_index.emplace(m.actors[a].id, static_cast<std::uint32_t>(a));
  for (const Actor& a : m.actors) {
    NetActor na{a.id, a.name, a.importance, a.importance_quantitative, {}, {}, actor_index.at(a.id)};
    for (auto& id : a.elements)
      if (auto it = index.find(id); it != index.end()) na.elements.push_back(it->second);
    for (auto& cid : a.actors)
      if (auto it = actor_index.find(cid); it != actor_index.end()) na.actors.push_back(it->second);
    ev->actors_net.push_back(std::move(na));
  }
  std::map<std::string, Evaluation> given = collect(m, static_cast<std::size_t>(st - m.strategies.data()));
  ev->start(st->name, opt.algorithm.value_or(m.default_algorithm), opt.tolerance);
  for (auto& [id, e] : given) {
    auto it = index.find(id);
    if (it == index.end())
      throw GraphError(Errc::unknown_reference,
                       "strategy '" + st->name + "' evaluates an element '" + id + "' that does not exist",
                       {id, st->name});
    if (e.value < -102 || e.value > 100)
      throw InputError(Errc::invalid_value,
                       "strategy '" + st->name + "' gives element '" + id + "' the value " + std::to_string(e.value) +
                           ", outside -100..100",
                       {id, st->name});
    ev->give(it->second, e.value, e.label.value_or(label_of(e.value)));
  }
  ev->run();
  LazyResult r;
  r.handle_ = new detail::EvaluatedHandle{std::move(ev)};
  return r;
}

Result evaluate(const Model& m, const std::string& strategy, const Options& opt) {
  return evaluate_lazy(m, strategy, opt).result(opt.explain);
}

// ---------------------------------------------------------------------------- evaluation of a strategy graph
namespace {
bool evaluated_kind(NodeKind k) {
  return k == NodeKind::development || k == NodeKind::strategic_theme || k == NodeKind::goal ||
         k == NodeKind::learning_goal || k == NodeKind::intervention || k == NodeKind::programme;
}
}  // namespace

// The rules and the errors of from_graph() followed by evaluate(), in the same order, on the
// graph's own nodes and edges (the GRL model is never built).
LazyResult evaluate_lazy(const StrategyGraph& g, const std::string& strategy, const Options& opt) {
  auto ev = std::make_shared<detail::Evaluated>();
  Net& net = ev->net;
  net.graph = &g;
  const std::size_t node_count = g.size();
  const auto& topo = g.topology();
  std::vector<std::uint32_t> elem_of(node_count, npos32);
  auto round_int = [](double v) { return static_cast<int>(std::lround(v)); };  // half away from zero
  bool any_importance = false;
  for (std::size_t v = 0; v < node_count; ++v) {
    if (!evaluated_kind(g.node_kind(v))) continue;
    elem_of[v] = static_cast<std::uint32_t>(net.node_of.size());
    net.node_of.push_back(static_cast<std::uint32_t>(v));
    net.decomposition.push_back(g.node_decomposition(v).value_or(Decomposition::and_));
    int iq = 0;
    if (auto importance = g.node_importance(v)) {
      if (!std::isfinite(*importance) || *importance < 0 || *importance > 100)
        throw InputError(Errc::invalid_value, "node '" + g.node_id(v) + "' has importance outside 0..100",
                         {g.node_id(v)});
      iq = round_int(*importance);
      any_importance = true;
    }
    ev->importance.quantitative.push_back(iq);
    ev->importance.level.push_back(importance_of(iq));
  }
  net.n = net.node_of.size();
  const std::size_t n = net.n;
  // the first element with a node's id (a duplicate id resolves as a GRL model's index would)
  auto element_with_id = [&](std::uint32_t node) -> std::uint32_t {
    auto f = topo.first[node];
    if (elem_of[f] != npos32) return elem_of[f];
    for (std::size_t v = f; v < node_count; ++v)
      if (elem_of[v] != npos32 && topo.first[v] == f) return elem_of[v];
    return npos32;
  };
  const std::size_t m = g.edge_count();
  std::vector<std::pair<std::uint32_t, Net::In>> links;
  links.reserve(m);
  for (std::size_t k = 0; k < m; ++k) {
    const EdgeKind kind = g.edge_kind(k);
    auto f = topo.from[k], t = topo.to[k];
    if (f == Topology::none || t == Topology::none) {
      const std::string& bad = f == Topology::none ? g.edge_from(k) : g.edge_to(k);
      if (kind == EdgeKind::contributes || kind == EdgeKind::refines || kind == EdgeKind::decomposes ||
          kind == EdgeKind::part_of)
        throw GraphError(Errc::unknown_reference,
                         "edge " + std::string(to_string(kind)) + " '" + g.edge_from(k) + "' -> '" + g.edge_to(k) +
                             "' names a node '" + bad + "' that does not exist",
                         {bad});
      continue;
    }
    NodeKind fk = g.node_kind(f), tk = g.node_kind(t);
    if (!evaluated_kind(fk) || !evaluated_kind(tk)) continue;
    switch (kind) {
      case EdgeKind::contributes: {
        ContributionType c = ContributionType::help;
        int strength = 25;  // no strength: jUCMNav's default Help (25)
        if (auto sv = g.edge_strength_value(k)) {
          double v = *sv;
          if (!std::isfinite(v) || v < -100 || v > 100)
            throw InputError(
                Errc::invalid_value,
                "contribution '" + g.edge_from(k) + "' -> '" + g.edge_to(k) + "' has strength outside -100..100",
                {g.edge_from(k)});
          strength = round_int(v);
          c = contribution_of(strength);
        } else if (const std::string& label = g.edge_strength_label(k); !label.empty()) {
          auto pc = parse_contribution(label);
          if (!pc)
            throw InputError(Errc::invalid_value,
                             "contribution '" + g.edge_from(k) + "' -> '" + g.edge_to(k) +
                                 "' has an unknown strength label '" + label + "'",
                             {g.edge_from(k)});
          c = *pc;
          strength = strength_of(*pc);
        }
        links.push_back(
            {elem_of[t], Net::In{LinkKind::contribution, c, static_cast<std::int16_t>(strength), elem_of[f]}});
        break;
      }
      case EdgeKind::refines:
      case EdgeKind::decomposes:  // the child decomposes the parent
        links.push_back({elem_of[f], Net::In{LinkKind::decomposition, ContributionType::help, 0, elem_of[t]}});
        break;
      case EdgeKind::part_of:
        if (tk != NodeKind::programme) continue;
        links.push_back({elem_of[t], Net::In{LinkKind::decomposition, ContributionType::help, 0, elem_of[f]}});
        break;
      default: continue;
    }
  }
  group_links(net, links);
  if (any_importance) {
    NetActor a{"plan", g.name.empty() ? "plan" : g.name, Importance::none, 0, {}, {}, 0};
    a.elements.reserve(n);
    for (std::size_t e = 0; e < n; ++e) a.elements.push_back(element_with_id(net.node_of[e]));
    ev->actors_net.push_back(std::move(a));
  }
  // every strategy's values, as from_graph() checks them
  for (const auto& s : g.strategies)
    for (const auto& [id, v] : s.values) {
      auto node = g.index_of(id);
      if (!node)
        throw GraphError(Errc::unknown_reference,
                         "strategy '" + s.name + "' gives a value to '" + id + "', which is not a node", {id, s.name});
      if (!std::isfinite(v))
        throw InputError(Errc::not_finite, "strategy '" + s.name + "' gives '" + id + "' a value that is not finite",
                         {id, s.name});
      if (v < -100 || v > 100)
        throw InputError(
            Errc::invalid_value,
            "strategy '" + s.name + "' gives '" + id + "' the value " + std::to_string(v) + ", outside -100..100",
            {id, s.name});
      if (element_with_id(static_cast<std::uint32_t>(*node)) == npos32)
        throw GraphError(
            Errc::wrong_kind,
            "strategy '" + s.name + "' gives a value to '" + id + "', a node kind that GRL evaluation leaves out",
            {id, s.name});
    }
  const koers::Strategy* st = nullptr;
  for (const auto& s : g.strategies)  // by name (a koers strategy's id is its name)
    if (s.name == strategy) {
      st = &s;
      break;
    }
  if (!st) {
    std::string known;
    for (auto& s : g.strategies) known += (known.empty() ? "'" : ", '") + s.name + "'";
    throw unknown_strategy(strategy, g.name, known);
  }
  check_tolerance(opt);
  ev->start(st->name, opt.algorithm.value_or(Algorithm::quantitative), opt.tolerance);
  for (const auto& [id, v] : st->values) {  // a later value for the same node overrides an earlier one
    int value = round_int(v);
    ev->give(element_with_id(static_cast<std::uint32_t>(*g.index_of(id))), value, label_of(value));
  }
  ev->run();
  LazyResult r;
  r.handle_ = new detail::EvaluatedHandle{std::move(ev)};
  return r;
}

Result evaluate(const StrategyGraph& g, const std::string& strategy, const Options& opt) {
  return evaluate_lazy(g, strategy, opt).result(opt.explain);
}

// ---------------------------------------------------------------------------- StrategyGraph → GRL
Model from_graph(const StrategyGraph& g) {
  Model m;
  m.name = g.name;
  m.default_algorithm = Algorithm::quantitative;
  auto evaluated = [](NodeKind k) {
    return k == NodeKind::development || k == NodeKind::strategic_theme || k == NodeKind::goal ||
           k == NodeKind::learning_goal || k == NodeKind::intervention || k == NodeKind::programme;
  };
  auto round_int = [](double v) { return static_cast<int>(std::lround(v)); };  // half away from zero
  bool any_importance = false;
  for (std::size_t i = 0; i < g.size(); ++i) {
    const NodeKind kind = g.node_kind(i);
    if (!evaluated(kind)) continue;
    const std::string& id = g.node_id(i);
    const std::string_view name = g.node_name(i);
    Element e;
    e.id = id;
    e.name = name.empty() ? id : std::string(name);
    e.kind = std::string(to_string(kind));
    e.type = (kind == NodeKind::development || kind == NodeKind::strategic_theme) ? ElementType::softgoal
             : (kind == NodeKind::intervention || kind == NodeKind::programme)    ? ElementType::task
                                                                                  : ElementType::goal;
    e.decomposition = g.node_decomposition(i).value_or(Decomposition::and_);
    if (auto importance = g.node_importance(i)) {
      if (!std::isfinite(*importance) || *importance < 0 || *importance > 100)
        throw InputError(Errc::invalid_value, "node '" + id + "' has importance outside 0..100", {id});
      e.importance_quantitative = round_int(*importance);
      e.importance = importance_of(e.importance_quantitative);
      any_importance = true;
    }
    m.elements.push_back(std::move(e));
  }
  auto kind_of = [&](const std::string& id) -> std::optional<NodeKind> {
    if (auto n = g.index_of(id)) return g.node_kind(*n);
    return std::nullopt;
  };
  std::size_t k = 0;
  for (auto& ed : g.edges()) {
    ++k;
    auto fk = kind_of(ed.from), tk = kind_of(ed.to);
    if (!fk || !tk) {
      const std::string& bad = !fk ? ed.from : ed.to;
      if (ed.kind == EdgeKind::contributes || ed.kind == EdgeKind::refines || ed.kind == EdgeKind::decomposes ||
          ed.kind == EdgeKind::part_of)
        throw GraphError(Errc::unknown_reference,
                         "edge " + std::string(to_string(ed.kind)) + " '" + ed.from + "' -> '" + ed.to +
                             "' names a node '" + bad + "' that does not exist",
                         {bad});
      continue;
    }
    if (!evaluated(*fk) || !evaluated(*tk)) continue;
    Link l;
    l.id = "e" + std::to_string(k);
    switch (ed.kind) {
      case EdgeKind::contributes: {
        l.kind = LinkKind::contribution;
        l.src = ed.from;
        l.dest = ed.to;
        if (ed.strength && ed.strength->value) {
          double v = *ed.strength->value;
          if (!std::isfinite(v) || v < -100 || v > 100)
            throw InputError(Errc::invalid_value,
                             "contribution '" + ed.from + "' -> '" + ed.to + "' has strength outside -100..100",
                             {ed.from});
          l.strength = round_int(v);
          l.contribution = contribution_of(l.strength);
        } else if (ed.strength && !ed.strength->label.empty()) {
          auto c = parse_contribution(ed.strength->label);
          if (!c)
            throw InputError(Errc::invalid_value,
                             "contribution '" + ed.from + "' -> '" + ed.to + "' has an unknown strength label '" +
                                 ed.strength->label + "'",
                             {ed.from});
          l.contribution = *c;
          l.strength = strength_of(*c);
        }  // no strength: jUCMNav's default Help (25)
        break;
      }
      case EdgeKind::refines:
      case EdgeKind::decomposes:
        l.kind = LinkKind::decomposition;
        l.src = ed.to;     // the child
        l.dest = ed.from;  // the parent
        break;
      case EdgeKind::part_of:
        if (*tk != NodeKind::programme) continue;
        l.kind = LinkKind::decomposition;
        l.src = ed.from;  // the part
        l.dest = ed.to;   // the programme
        break;
      default: continue;
    }
    m.links.push_back(std::move(l));
  }
  if (any_importance) {
    Actor a;
    a.id = "plan";
    a.name = g.name.empty() ? "plan" : g.name;
    for (auto& e : m.elements) a.elements.push_back(e.id);
    m.actors.push_back(std::move(a));
  }
  std::unordered_set<std::string_view> element_ids;  // Model::find is a linear scan
  element_ids.reserve(m.elements.size());
  for (auto& e : m.elements) element_ids.insert(e.id);
  for (auto& s : g.strategies) {
    Strategy st;
    st.id = s.name;
    st.name = s.name;
    st.description = s.description;
    for (auto& [id, v] : s.values) {
      if (!g.index_of(id))
        throw GraphError(Errc::unknown_reference,
                         "strategy '" + s.name + "' gives a value to '" + id + "', which is not a node", {id, s.name});
      if (!std::isfinite(v))
        throw InputError(Errc::not_finite, "strategy '" + s.name + "' gives '" + id + "' a value that is not finite",
                         {id, s.name});
      if (v < -100 || v > 100)
        throw InputError(
            Errc::invalid_value,
            "strategy '" + s.name + "' gives '" + id + "' the value " + std::to_string(v) + ", outside -100..100",
            {id, s.name});
      if (!element_ids.count(id))
        throw GraphError(
            Errc::wrong_kind,
            "strategy '" + s.name + "' gives a value to '" + id + "', a node kind that GRL evaluation leaves out",
            {id, s.name});
      st.evaluations.push_back({id, round_int(v), std::nullopt});
    }
    m.strategies.push_back(std::move(st));
  }
  return m;
}

}  // namespace koers::grl
