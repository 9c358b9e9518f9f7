// GRL evaluation (jUCMNav's quantitative and qualitative algorithms), the StrategyGraph → GRL
// converter and the name tables. See include/koers/analysis/grl.hpp for the rules.
#include <koers/analysis/grl.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

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
std::string_view to_string(Algorithm a) {
  return a == Algorithm::qualitative ? "qualitative" : "quantitative";
}
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
  for (Label l : {Label::denied, Label::weakly_denied, Label::weakly_satisfied, Label::satisfied,
                  Label::conflict, Label::unknown, Label::none})
    if (to_string(l) == s) return l;
  return std::nullopt;
}
std::optional<ContributionType> parse_contribution(std::string_view s) {
  static const std::pair<std::string_view, ContributionType> names[] = {
      {"make", ContributionType::make},         {"help", ContributionType::help},
      {"some+", ContributionType::some_positive}, {"unknown", ContributionType::unknown},
      {"some-", ContributionType::some_negative}, {"hurt", ContributionType::hurt},
      {"break", ContributionType::break_}};
  for (auto& [n, c] : names)
    if (n == s) return c;
  for (auto c : {ContributionType::make, ContributionType::help, ContributionType::some_positive,
                 ContributionType::unknown, ContributionType::some_negative, ContributionType::hurt,
                 ContributionType::break_})
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
namespace {

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

struct Evaluator {
  const Model& m;
  Algorithm algo;
  int tolerance;
  std::unordered_map<std::string, std::size_t> index;      // element id -> position
  std::vector<std::vector<std::size_t>> incoming;          // element -> link indices (dest == element)
  std::vector<std::size_t> src_of;                         // link index -> source element
  std::vector<int> value;                                  // jUCMNav internal value
  std::vector<Label> label;

  std::string name_of(std::size_t i) const { return "'" + m.elements[i].name + "'"; }

  // The same arithmetic as compute_quantitative, without the explanation (Options::explain off).
  void compute_quantitative_lean(std::size_t e) {
    const Element& el = m.elements[e];
    int dec = -10000, dep = 10000, sum = 0;
    bool any_contrib = false, has_satisfy = false, has_deny = false;
    for (auto li : incoming[e]) {
      const Link& l = m.links[li];
      int sv = reported(value[src_of[li]]);
      if (l.kind == LinkKind::decomposition) {
        if (dec < -100) dec = sv;
        else if (el.decomposition == Decomposition::and_) dec = std::min(dec, sv);
        else dec = std::max(dec, sv);
      } else if (l.kind == LinkKind::dependency) {
        dep = std::min(dep, sv);
      } else {
        int amt = (l.strength * sv) / 100;
        if (amt != 0) {
          any_contrib = true;
          sum += amt;
          has_satisfy |= amt == 100;
          has_deny |= amt == -100;
        }
      }
    }
    int result = dec >= -100 ? dec : 0;
    if (any_contrib) {
      has_satisfy |= result == 100;
      has_deny |= result == -100;
      result = std::clamp(result + sum, -100, 100);
      if (result >= 100 - tolerance && !has_satisfy)
        result = sum > 0 ? std::max(dec, 100 - tolerance) : std::max(result, 100 - tolerance);
      else if (result <= -100 + tolerance && !has_deny)
        result = (sum < 0 && dec > -10000) ? std::min(dec, -100 + tolerance) : std::min(result, -100 + tolerance);
    }
    if (dep <= 100 && result > dep) result = dep;
    value[e] = result;
    label[e] = label_of(result);
  }

  void compute_quantitative(std::size_t e, ElementResult& out) {
    const Element& el = m.elements[e];
    int dec = -10000, dep = 10000;
    int n_dec = 0;
    std::vector<int> contribs;
    for (auto li : incoming[e]) {
      const Link& l = m.links[li];
      std::size_t s = src_of[li];
      int sv = reported(value[s]);
      Input in{l.src, m.elements[s].name, l.kind, std::nullopt, 0, sv, label[s], 0, Label::none, false};
      if (l.kind == LinkKind::decomposition) {
        ++n_dec;
        if (dec < -100) dec = sv;
        else if (el.decomposition == Decomposition::and_) dec = std::min(dec, sv);
        else dec = std::max(dec, sv);
        in.amount = sv;
        in.amount_label = label_of(sv);
      } else if (l.kind == LinkKind::dependency) {
        dep = std::min(dep, sv);
        in.amount = sv;
        in.amount_label = label_of(sv);
      } else {
        in.contribution = l.contribution;
        in.strength = l.strength;
        int amt = (l.strength * sv) / 100;  // Java int division: truncates toward zero
        in.amount = amt;
        in.amount_label = label_of(amt);
        if (amt != 0) contribs.push_back(amt);
      }
      out.inputs.push_back(in);
    }
    // decisive decomposition / dependency inputs
    bool dec_marked = false, dep_marked = false;
    for (auto& in : out.inputs) {
      if (in.link == LinkKind::decomposition && !dec_marked && in.amount == dec) in.decisive = dec_marked = true;
      if (in.link == LinkKind::contribution) in.decisive = in.amount != 0;
    }
    std::ostringstream rule;
    int result = 0;
    if (dec >= -100) {
      result = dec;
      rule << (el.decomposition == Decomposition::and_ ? "AND (min)" : el.decomposition == Decomposition::or_ ? "OR (max)" : "XOR (max)")
           << " of " << n_dec << " decomposition" << (n_dec == 1 ? "" : "s") << " = " << dec;
    }
    if (!contribs.empty()) {
      bool has_satisfy = result == 100, has_deny = result == -100;
      int sum = 0;
      for (int c : contribs) {
        if (c == 100) has_satisfy = true;
        if (c == -100) has_deny = true;
        sum += c;
      }
      if (dec >= -100) rule << "; ";
      rule << "contributions";
      for (int c : contribs) rule << " " << signed_str(c);
      int raw = result + sum;
      result = std::clamp(raw, -100, 100);
      rule << " → " << raw;
      if (raw != result) rule << ", clamped to " << result;
      if (result >= 100 - tolerance && !has_satisfy) {
        int before = result;
        result = sum > 0 ? std::max(dec, 100 - tolerance) : std::max(result, 100 - tolerance);
        if (result != before)
          rule << "; no input is 100, so at most " << result << " (tolerance " << tolerance << ")";
      } else if (result <= -100 + tolerance && !has_deny) {
        int before = result;
        result = (sum < 0 && dec > -10000) ? std::min(dec, -100 + tolerance) : std::min(result, -100 + tolerance);
        if (result != before)
          rule << "; no input is -100, so at least " << result << " (tolerance " << tolerance << ")";
      }
    } else if (dec < -100) {
      rule << "no input changes it: 0";
    }
    if (dep <= 100 && result > dep) {
      result = dep;
      rule << "; capped by a dependency at " << dep;
      for (auto& in : out.inputs)
        if (in.link == LinkKind::dependency && !dep_marked && in.amount == dep) in.decisive = dep_marked = true;
    }
    value[e] = result;
    label[e] = label_of(result);
    out.rule = rule.str();
  }

  void compute_qualitative(std::size_t e, ElementResult& out) {
    const Element& el = m.elements[e];
    int result = -1;
    bool has_dec = false;
    int dsums[7] = {0}, sums[7] = {0};
    int n_contrib = 0;
    std::optional<int> dep_min;
    for (auto li : incoming[e]) {
      const Link& l = m.links[li];
      std::size_t s = src_of[li];
      int sl = idx(label[s]);
      Input in{l.src, m.elements[s].name, l.kind, std::nullopt, 0, reported(value[s]), label[s], 0, label[s], false};
      if (l.kind == LinkKind::decomposition) {
        has_dec = true;
        ++dsums[sl];
      } else if (l.kind == LinkKind::dependency) {
        if (!dep_min) dep_min = N;  // the element's own label before evaluation: None
        if (compare_map[sl][*dep_min] > 0) dep_min = sl;
      } else {
        in.contribution = l.contribution;
        in.strength = l.strength;
        int ci = contrib_table1[sl][static_cast<int>(l.contribution)];
        in.amount_label = lab(ci);
        in.decisive = true;
        ++sums[ci];
        ++n_contrib;
      }
      in.amount = reported(value_of(in.amount_label));
      out.inputs.push_back(in);
    }
    std::ostringstream rule;
    if (has_dec) {
      if (el.decomposition == Decomposition::and_) {
        result = dsums[D] ? D : (dsums[C] || dsums[U]) ? U : dsums[WD] ? WD : dsums[N] ? N : dsums[WS] ? WS : dsums[S] ? S : N;
        rule << "AND of decompositions = " << to_string(lab(result));
      } else {
        result = dsums[S] ? S : (dsums[C] || dsums[U]) ? U : dsums[WS] ? WS : dsums[N] ? N : dsums[WD] ? WD : dsums[D] ? D : -1;
        rule << (el.decomposition == Decomposition::or_ ? "OR" : "XOR") << " of decompositions = "
             << (result >= 0 ? to_string(lab(result)) : std::string_view("None"));
      }
      for (auto& in : out.inputs)
        if (in.link == LinkKind::decomposition && result >= 0 && idx(in.source_label) == result) in.decisive = true;
    }
    if (n_contrib > 0) {
      int c = combine_labels(sums, n_contrib);
      if (has_dec) rule << "; ";
      rule << "contributions give " << (c >= 0 ? to_string(lab(c)) : std::string_view("None"));
      if (result == -1) {
        result = c;
      } else if (c >= 0) {
        result = contrib_table2[result][c];
        rule << "; combined: " << to_string(lab(result));
      }
    }
    if (dep_min) {
      int cur = result == -1 ? N : result;
      if (compare_map[*dep_min][cur] > 0) {
        result = *dep_min;
        rule << "; capped by a dependency at " << to_string(lab(result));
      }
    }
    if (!has_dec && n_contrib == 0 && !dep_min) rule << "no input changes it: None";
    Label l = result == -1 ? Label::none : lab(result);
    value[e] = value_of(l);
    label[e] = l;
    out.rule = rule.str();
  }

  int actor_quantitative(const Actor& a, ActorResult* out, std::set<std::string>& stack,
                         const std::unordered_map<std::string, const Actor*>& actors) {
    long long sum_eval = 0, sum_imp = 0;
    for (auto& id : a.elements) {
      auto it = index.find(id);
      if (it == index.end()) continue;
      const Element& el = m.elements[it->second];
      int v = reported(value[it->second]);
      if (el.importance_quantitative != 0) {
        sum_eval += static_cast<long long>(v) * el.importance_quantitative;
        sum_imp += el.importance_quantitative;
        if (out)
          out->inputs.push_back({el.id, el.name, LinkKind::contribution, std::nullopt, el.importance_quantitative, v,
                                 label[it->second], v * el.importance_quantitative, label[it->second], true});
      }
    }
    for (auto& cid : a.actors) {
      auto it = actors.find(cid);
      if (it == actors.end() || stack.count(cid)) continue;
      stack.insert(cid);
      int v = actor_quantitative(*it->second, nullptr, stack, actors);
      stack.erase(cid);
      int imp = it->second->importance_quantitative;
      if (imp != 0) {
        sum_eval += static_cast<long long>(v) * imp;
        sum_imp += imp;
        if (out)
          out->inputs.push_back({cid, it->second->name, LinkKind::contribution, std::nullopt, imp, v, label_of(v), v * imp,
                                 label_of(v), true});
      }
    }
    return sum_imp > 0 ? static_cast<int>(sum_eval / sum_imp) : 0;
  }

  ActorResult actor_qualitative(const Actor& a) {
    ActorResult r{a.id, a.name, 0, Label::none, {}};
    int sums[7] = {0};
    int total = 0;
    for (auto& id : a.elements) {
      auto it = index.find(id);
      if (it == index.end()) continue;
      const Element& el = m.elements[it->second];
      Label ql = label_of(value[it->second]);
      int ci = importance_map[static_cast<int>(el.importance)][idx(ql)];
      ++sums[ci];
      ++total;
      r.inputs.push_back({el.id, el.name, LinkKind::contribution, std::nullopt, el.importance_quantitative,
                          reported(value[it->second]), ql, reported(value_of(lab(ci))), lab(ci), true});
    }
    int res = combine_labels(sums, total);
    r.label = res == -1 ? Label::none : lab(res);
    r.value = reported(value_of(r.label));
    return r;
  }
};

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
  struct Frame { std::size_t s, next_include, next_same_id; };
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
      throw InputError(Errc::too_deep, "strategy " + q(m.strategies[start]) + " includes strategies " +
                       std::to_string(max_strategy_depth) + " levels deep (at " + q(m.strategies[t]) +
                       "); koers follows at most " + std::to_string(max_strategy_depth), {m.strategies[t].id});
    state[t] = open;
    stack.push_back({t, 0, 0});
  }
  return out;
}

}  // namespace

Result evaluate(const Model& m, const std::string& strategy, const Options& opt) {
  const Strategy* st = find_strategy(m, strategy);
  if (!st) {
    std::string known;
    for (auto& s : m.strategies) known += (known.empty() ? "'" : ", '") + s.name + "'";
    throw GraphError(Errc::unknown_strategy,
                     "no strategy '" + strategy + "' in " + (m.name.empty() ? "the model" : "'" + m.name + "'") +
                         "; known: " + (known.empty() ? "none" : known),
                     {strategy});
  }
  if (opt.tolerance < 0 || opt.tolerance > 100)
    throw InputError(Errc::invalid_argument, "tolerance " + std::to_string(opt.tolerance) + " is outside 0..100", {"tolerance"});
  Evaluator ev{m, opt.algorithm.value_or(m.default_algorithm), opt.tolerance, {}, {}, {}, {}, {}};
  const std::size_t n = m.elements.size();
  for (std::size_t i = 0; i < n; ++i) ev.index.emplace(m.elements[i].id, i);
  ev.incoming.assign(n, {});
  ev.src_of.assign(m.links.size(), 0);
  for (std::size_t li = 0; li < m.links.size(); ++li) {
    const Link& l = m.links[li];
    auto s = ev.index.find(l.src), d = ev.index.find(l.dest);
    if (s == ev.index.end() || d == ev.index.end()) {
      const std::string& bad = s == ev.index.end() ? l.src : l.dest;
      throw GraphError(Errc::unknown_reference, "link '" + (l.id.empty() ? l.src + "->" + l.dest : l.id) +
                                                    "' names an element '" + bad + "' that does not exist", {bad});
    }
    if (l.kind == LinkKind::contribution && (l.strength < -100 || l.strength > 100))
      throw InputError(Errc::invalid_value, "contribution '" + (l.id.empty() ? l.src + "->" + l.dest : l.id) +
                                                "' has strength " + std::to_string(l.strength) + " outside -100..100", {l.id.empty() ? l.src : l.id});
    ev.incoming[d->second].push_back(li);
    ev.src_of[li] = s->second;
  }
  std::map<std::string, Evaluation> given = collect(m, static_cast<std::size_t>(st - m.strategies.data()));
  ev.value.assign(n, 0);
  ev.label.assign(n, Label::none);
  std::vector<bool> is_given(n, false);
  for (auto& [id, e] : given) {
    auto it = ev.index.find(id);
    if (it == ev.index.end())
      throw GraphError(Errc::unknown_reference, "strategy '" + st->name + "' evaluates an element '" + id + "' that does not exist", {id, st->name});
    if (e.value < -102 || e.value > 100)
      throw InputError(Errc::invalid_value, "strategy '" + st->name + "' gives element '" + id + "' the value " +
                                                std::to_string(e.value) + ", outside -100..100", {id, st->name});
    is_given[it->second] = true;
    ev.value[it->second] = e.value;
    ev.label[it->second] = e.label.value_or(label_of(e.value));
  }

  // Kahn's order: given elements and elements without incoming links are ready.
  std::vector<std::size_t> pending(n, 0), order;
  std::vector<std::vector<std::size_t>> outgoing(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (is_given[i]) continue;
    pending[i] = ev.incoming[i].size();
    for (auto li : ev.incoming[i]) outgoing[ev.src_of[li]].push_back(i);
  }
  std::vector<std::size_t> ready;
  for (std::size_t i = 0; i < n; ++i)
    if (pending[i] == 0) ready.push_back(i);
  std::reverse(ready.begin(), ready.end());
  std::vector<bool> done(n, false);
  while (!ready.empty()) {
    std::size_t i = ready.back();
    ready.pop_back();
    order.push_back(i);
    done[i] = true;
    for (auto d : outgoing[i])
      if (--pending[d] == 0) ready.push_back(d);
  }
  if (order.size() < n) {
    // a cycle among the computed elements: walk back along unfinished sources until one repeats
    std::size_t start = 0;
    while (done[start]) ++start;
    std::vector<std::size_t> walk;
    std::vector<int> pos(n, -1);
    std::size_t cur = start;
    while (pos[cur] < 0) {
      pos[cur] = static_cast<int>(walk.size());
      walk.push_back(cur);
      std::size_t next = cur;
      for (auto li : ev.incoming[cur]) {
        std::size_t s = ev.index.at(m.links[li].src);
        if (!done[s]) { next = s; break; }
      }
      cur = next;
    }
    std::vector<std::size_t> cyc(walk.begin() + pos[cur], walk.end());
    std::reverse(cyc.begin(), cyc.end());  // in link direction: source -> destination
    cyc.push_back(cyc.front());
    std::string path;
    std::vector<std::string> ids;
    for (auto i : cyc) {
      std::string kind = m.elements[i].kind.empty() ? std::string(to_string(m.elements[i].type)) : m.elements[i].kind;
      std::replace(kind.begin(), kind.end(), '_', ' ');
      path += (path.empty() ? "" : " -> ") + kind + " '" + m.elements[i].name + "'";
      ids.push_back(m.elements[i].id);
    }
    ids.pop_back();
    throw GraphError(Errc::cycle, "cycle: " + path + " (GRL evaluation needs an acyclic model; strategy '" + st->name +
                                      "' does not fix any element on it)", ids);
  }

  Result r;
  r.strategy = st->name;
  r.algorithm = ev.algo;
  r.elements.resize(n);
  for (auto i : order) {
    ElementResult& out = r.elements[i];
    const Element& el = m.elements[i];
    out.id = el.id;
    out.name = el.name;
    out.kind = el.kind.empty() ? std::string(to_string(el.type)) : el.kind;
    if (is_given[i]) {
      out.given = true;
      if (opt.explain) out.rule = "given by strategy '" + st->name + "'";
    } else if (ev.incoming[i].empty()) {
      if (opt.explain) out.rule = "no inputs: None";
    } else if (ev.algo == Algorithm::quantitative && !opt.explain) {
      ev.compute_quantitative_lean(i);
    } else if (ev.algo == Algorithm::quantitative) {
      ev.compute_quantitative(i, out);
    } else {
      ev.compute_qualitative(i, out);
    }
    out.value = reported(ev.value[i]);
    out.label = ev.label[i];
  }

  std::unordered_map<std::string, const Actor*> actors;
  for (auto& a : m.actors) actors.emplace(a.id, &a);
  for (auto& a : m.actors) {
    if (ev.algo == Algorithm::quantitative) {
      ActorResult ar{a.id, a.name, 0, Label::none, {}};
      std::set<std::string> stack{a.id};
      ar.value = ev.actor_quantitative(a, &ar, stack, actors);
      ar.label = label_of(ar.value);
      r.actors.push_back(std::move(ar));
    } else {
      r.actors.push_back(ev.actor_qualitative(a));
    }
  }
  return r;
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
  for (auto& n : g.nodes()) {
    if (!evaluated(n.kind)) continue;
    Element e;
    e.id = n.id;
    e.name = n.name.empty() ? n.id : n.name;
    e.kind = std::string(to_string(n.kind));
    e.type = (n.kind == NodeKind::development || n.kind == NodeKind::strategic_theme) ? ElementType::softgoal
             : (n.kind == NodeKind::intervention || n.kind == NodeKind::programme)   ? ElementType::task
                                                                                    : ElementType::goal;
    e.decomposition = n.decomposition.value_or(Decomposition::and_);
    if (n.importance) {
      if (!std::isfinite(*n.importance) || *n.importance < 0 || *n.importance > 100)
        throw InputError(Errc::invalid_value, "node '" + n.id + "' has importance outside 0..100", {n.id});
      e.importance_quantitative = round_int(*n.importance);
      e.importance = importance_of(e.importance_quantitative);
      any_importance = true;
    }
    m.elements.push_back(std::move(e));
  }
  auto kind_of = [&](const std::string& id) -> std::optional<NodeKind> {
    if (auto* n = g.find(id)) return n->kind;
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
        throw GraphError(Errc::unknown_reference, "edge " + std::string(to_string(ed.kind)) + " '" + ed.from + "' -> '" +
                                                      ed.to + "' names a node '" + bad + "' that does not exist", {bad});
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
            throw InputError(Errc::invalid_value, "contribution '" + ed.from + "' -> '" + ed.to + "' has strength outside -100..100", {ed.from});
          l.strength = round_int(v);
          l.contribution = contribution_of(l.strength);
        } else if (ed.strength && !ed.strength->label.empty()) {
          auto c = parse_contribution(ed.strength->label);
          if (!c)
            throw InputError(Errc::invalid_value, "contribution '" + ed.from + "' -> '" + ed.to + "' has an unknown strength label '" +
                                                      ed.strength->label + "'", {ed.from});
          l.contribution = *c;
          l.strength = strength_of(*c);
        }  // no strength: jUCMNav's default Help (25)
        break;
      }
      case EdgeKind::refines:
      case EdgeKind::decomposes:
        l.kind = LinkKind::decomposition;
        l.src = ed.to;    // the child
        l.dest = ed.from;  // the parent
        break;
      case EdgeKind::part_of:
        if (*tk != NodeKind::programme) continue;
        l.kind = LinkKind::decomposition;
        l.src = ed.from;  // the part
        l.dest = ed.to;   // the programme
        break;
      default:
        continue;
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
      if (!g.find(id))
        throw GraphError(Errc::unknown_reference, "strategy '" + s.name + "' gives a value to '" + id + "', which is not a node", {id, s.name});
      if (!std::isfinite(v))
        throw InputError(Errc::not_finite, "strategy '" + s.name + "' gives '" + id + "' a value that is not finite", {id, s.name});
      if (v < -100 || v > 100)
        throw InputError(Errc::invalid_value, "strategy '" + s.name + "' gives '" + id + "' the value " + std::to_string(v) +
                                                  ", outside -100..100", {id, s.name});
      if (!element_ids.count(id))
        throw GraphError(Errc::wrong_kind, "strategy '" + s.name + "' gives a value to '" + id +
                                               "', a node kind that GRL evaluation leaves out", {id, s.name});
      st.evaluations.push_back({id, round_int(v), std::nullopt});
    }
    m.strategies.push_back(std::move(st));
  }
  return m;
}

}  // namespace koers::grl
