// The scenario algebra of the portfolio: `apply` (budgets, moves, costs, dropped and forced
// items), `compose`, `scale_floor` and the scenario checks of `Portfolio::validate`. Declarations:
// include/koers/budget/portfolio.hpp; `apply_to`, `reset_values` (the sweep's in-place apply) and
// `check_scenario`: portfolio_detail.hpp. Factors are decimal strings, read exactly by
// core/decimal.hpp; the solve is in src/budget_portfolio.cpp.
#include "old_names.hpp"
#include "portfolio_detail.hpp"

#include <koers/core/decimal.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace koers::budget {

namespace detail {

namespace {

/// A non-negative decimal string such as "0.9" (DecimalSyntax::plain), whatever its length.
bool is_decimal(const std::string& s) { return read_decimal(s, DecimalSyntax::plain()).error != DecimalError::syntax; }

/// The exact product of two decimal texts, as decimal text ("0.9" × "0.95" = "0.855").
std::string decimal_product(const std::string& a, const std::string& b) {
  for (const auto* t : {&a, &b})
    if (!is_decimal(*t))
      throw BudgetError(Errc::invalid_scenario, "factor " + q(*t) + " is not a non-negative decimal string", {*t});
  auto read = [](const std::string& t) {
    const DecimalRead d = read_decimal(t, DecimalSyntax::plain());
    if (!d) throw BudgetError(Errc::invalid_scenario, "factor " + q(t) + " has too many digits", {t});
    return d.value;
  };
  const Decimal x = read(a), y = read(b);
  const DecimalRead r = koers::decimal_product(x, y);
  if (!r)
    throw BudgetError(Errc::invalid_scenario,
                      "the product of factors " + q(a) + " and " + q(b) + " has too many digits", {a, b});
  return koers::to_string(r.value);
}

/// a × b, reduced; E406 when it does not fit 64 bits.
Ratio ratio_product(Ratio a, Ratio b, const std::string& where) {
  koers::detail::i128 n = static_cast<koers::detail::i128>(a.num) * b.num,
                      d = static_cast<koers::detail::i128>(a.den) * b.den;
  koers::detail::i128 g = koers::detail::gcd128(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  if (n > std::numeric_limits<std::int64_t>::max() || d > std::numeric_limits<std::int64_t>::max())
    throw BudgetError(Errc::invalid_scenario, where + ": the combined factor has too many digits", {});
  return Ratio{static_cast<std::int64_t>(n), static_cast<std::int64_t>(d)};
}

/// floor(m × r); E114 naming `elements` past 64 bits.
Money floor_times(Money m, Ratio r, const std::string& where, const std::vector<std::string>& elements) {
  try {
    return m.scaled(r, Rounding::floor);
  } catch (const InputError& e) { throw_error(Errc::money_overflow, where + ": " + e.message(), elements); }
}

/// Steps 1–3 of a scenario (budgets, moves, costs) on `p` (streams and items of the base, in the
/// order of `ix`). `where` names the scenario, `path` its JSON path (may be empty).
void apply_changes(Portfolio& p, const PortfolioScenario& sc, const PortfolioIndex& ix, const std::string& path) {
  const std::string where = "scenario " + q(sc.name);
  auto at = [&](const std::string& sub) { return path.empty() ? std::string() : " (" + path + sub + ")"; };
  auto bad = [&](const std::string& msg, std::vector<std::string> el) {
    el.insert(el.begin(), sc.name);
    throw BudgetError(Errc::invalid_scenario, where + ": " + msg, el);
  };
  auto stream_at = [&](const std::string& id, const std::string& sub) {
    auto it = ix.stream.find(id);
    if (it == ix.stream.end())
      throw BudgetError(Errc::unknown_stream, where + at(sub) + " names unknown stream " + q(id), {id});
    return it->second;
  };
  auto item_at = [&](const std::string& id, const std::string& sub) {
    auto it = ix.item.find(id);
    if (it == ix.item.end())
      throw BudgetError(Errc::unknown_item, where + at(sub) + " names unknown item " + q(id), {id});
    return it->second;
  };
  auto factor = [&](const std::string& f, const std::string& sub, const std::string& elem) {
    if (!is_decimal(f))
      bad("factor " + q(f) + at(sub) + " for " + q(elem) + " is not a non-negative decimal string such as \"0.9\"",
          {elem});
    try {
      return Ratio::parse(f);
    } catch (const InputError& e) { bad("factor " + q(f) + at(sub) + ": " + e.message(), {elem}); }
    return Ratio{};
  };
  // 1. budgets
  std::optional<Ratio> payroll;
  if (sc.payroll_share) {
    Ratio from = factor(sc.payroll_share->from, "/payroll_share/from", "payroll_share");
    Ratio to = factor(sc.payroll_share->to, "/payroll_share/to", "payroll_share");
    if (from.num == 0)
      bad("payroll_share 'from'" + at("/payroll_share/from") + " must be greater than 0", {"payroll_share"});
    payroll = ratio_product(to, Ratio{from.den, from.num}, where);
  }
  std::vector<std::optional<Ratio>> sf(p.streams.size());
  for (const auto& [id, f] : sc.scale_budget) {
    int s = stream_at(id, "/scale_budget/" + id);
    sf[s] = factor(f, "/scale_budget/" + id, id);
  }
  for (std::size_t s = 0; s < p.streams.size(); ++s) {
    if (!payroll && !sf[s]) continue;
    Ratio r = payroll ? *payroll : Ratio{1, 1};
    if (sf[s]) r = ratio_product(r, *sf[s], where);
    const std::string& id = p.streams[s].id;
    p.streams[s].budget =
        floor_times(p.streams[s].budget, r,
                    where + at(sf[s] ? "/scale_budget/" + id : "/payroll_share") + " stream " + q(id), {sc.name, id});
  }
  for (const auto& [id, a] : sc.set_budget) {
    int s = stream_at(id, "/set_budget_cents/" + id);
    if (a.cents() < 0) bad("sets a negative budget for stream " + q(id) + at("/set_budget_cents/" + id), {id});
    p.streams[s].budget = a;
  }
  // 2. moves
  for (std::size_t k = 0; k < sc.move.size(); ++k) {
    const auto& mv = sc.move[k];
    const std::string sub = "/move_cents/" + std::to_string(k);
    int f = stream_at(mv.from, sub + "/from");
    int t = stream_at(mv.to, sub + "/to");
    if (mv.amount.cents() < 0) bad("moves a negative amount" + at(sub + "/cents"), {mv.from});
    if (f == t) bad("moves money from stream " + q(mv.from) + " to itself" + at(sub), {mv.from});
    auto& src = p.streams[f];
    Money left = src.budget - mv.amount;
    if (left < src.reserved)
      bad("cannot move " + mv.amount.to_string() + " out of stream " + q(mv.from) + at(sub) + ": it has " +
              src.budget.to_string() +
              (src.reserved.cents() ? " of which " + src.reserved.to_string() + " reserved" : std::string()) +
              (left.cents() < 0 ? " (it would go negative)" : " (it would go below its reserved lines)"),
          {mv.from});
    try {
      p.streams[t].budget = p.streams[t].budget + mv.amount;
    } catch (const InputError& e) {
      throw_error(Errc::money_overflow, where + at(sub) + ": stream " + q(mv.to) + ": " + e.message(),
                  {sc.name, mv.to});
    }
    src.budget = left;
  }
  // 3. costs
  std::vector<char> changed(p.items.size(), 0), set(p.items.size(), 0);
  for (const auto& [id, n] : sc.set_participants) {
    const std::string sub = "/set_participants/" + id;
    auto& it = p.items[item_at(id, sub)];
    if (n < 0) bad("sets a negative number of participants for item " + q(id) + at(sub), {id});
    if (!it.per_participant)
      bad("sets participants of item " + q(id) + at(sub) +
              ", which has no per_participant_cents (its cost is a total: use set_cost_cents or scale_cost)",
          {id});
    try {
      it.cost = *it.per_participant * n;
    } catch (const InputError& e) {
      throw_error(Errc::money_overflow,
                  where + at(sub) + ": item " + q(id) + ": per_participant_cents × participants " + e.message(),
                  {sc.name, id});
    }
    it.participants = n;
    changed[&it - p.items.data()] = 1;
  }
  for (const auto& [id, c] : sc.set_cost) {
    const std::string sub = "/set_cost_cents/" + id;
    int i = item_at(id, sub);
    if (c.cents() < 0) bad("sets a negative cost for item " + q(id) + at(sub), {id});
    p.items[i].cost = c;
    changed[i] = set[i] = 1;
  }
  std::optional<Ratio> star;
  std::vector<std::optional<Ratio>> own(p.items.size());
  for (const auto& [id, f] : sc.scale_cost) {
    const std::string sub = "/scale_cost/" + id;
    if (id == "*") {
      star = factor(f, sub, "*");
      continue;
    }
    own[item_at(id, sub)] = factor(f, sub, id);
  }
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    if (set[i]) continue;
    const auto& r = own[i] ? own[i] : star;
    if (!r) continue;
    p.items[i].cost = floor_times(
        p.items[i].cost, *r,
        where + at("/scale_cost/" + (own[i] ? p.items[i].id : std::string("*"))) + " item " + q(p.items[i].id),
        {sc.name, p.items[i].id});
    changed[i] = 1;
  }
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    auto& it = p.items[i];
    if (changed[i] && it.per_participant && it.participants &&
        static_cast<koers::detail::i128>(it.per_participant->cents()) * *it.participants != it.cost.cents())
      it.per_participant.reset();  // the cost is a total now
  }
  if (std::any_of(changed.begin(), changed.end(), [](char c) { return c != 0; })) {
    std::vector<Money> total(p.streams.size());
    for (const auto& it : p.items) {
      try {
        total[ix.stream.at(it.stream)] += it.cost;
      } catch (const InputError& e) {
        throw_error(Errc::money_overflow, where + ": the costs of stream " + q(it.stream) + " add up beyond 64 bits",
                    {sc.name, it.stream});
      }
    }
  }
}

bool has_new_changes(const PortfolioScenario& sc) {
  return !sc.set_cost.empty() || !sc.scale_cost.empty() || !sc.set_participants.empty() || !sc.move.empty() ||
         sc.payroll_share.has_value();
}

}  // namespace

/// The checks of `Portfolio::validate` for its scenario `k` (`ix` indexes `base`): names that
/// resolve, budgets, moves and costs that apply (E406 with the scenario's JSON path), factors
/// that are decimal strings, no item both dropped and forced.
void check_scenario(const Portfolio& base, std::size_t k, const PortfolioIndex& ix) {
  const auto& sc = base.scenarios[k];
  if (has_new_changes(sc)) {
    // budgets, moves and costs computed on a copy of the streams and items: every error
    // (with the scenario's JSON path) shows at load time, nothing half-applied later
    Portfolio light;
    light.streams = base.streams;
    light.items = base.items;
    apply_changes(light, sc, ix, "/scenarios/" + std::to_string(k));
  }
  for (const auto& [s, f] : sc.scale_budget) {
    ix.stream_of(s, "scenario " + q(sc.name));
    const std::string path = "/scenarios/" + std::to_string(k) + "/scale_budget/" + s;
    // (a factor whose digits do not fit, or a budget it scales past 64 bits, is the scenario's
    // error when applied — a row with status "error" in a sweep — naming scenario and stream)
    if (!is_decimal(f))
      throw BudgetError(Errc::invalid_scenario,
                        "scenario " + q(sc.name) + " (" + path + "): scale factor " + q(f) + " for stream " + q(s) +
                            " is not a non-negative decimal string",
                        {sc.name, s});
  }
  for (const auto& [s, a] : sc.set_budget) {
    ix.stream_of(s, "scenario " + q(sc.name));
    if (a.cents() < 0)
      throw BudgetError(Errc::invalid_scenario, "scenario " + q(sc.name) + " sets a negative budget", {sc.name, s});
  }
  for (const auto& id : sc.drop_items) ix.item_of(id, "scenario " + q(sc.name));
  for (const auto& id : sc.mandatory_items) {
    ix.item_of(id, "scenario " + q(sc.name));
    if (std::find(sc.drop_items.begin(), sc.drop_items.end(), id) != sc.drop_items.end())
      throw BudgetError(Errc::invalid_scenario, "scenario " + q(sc.name) + " both drops and forces " + q(id),
                        {sc.name, id});
  }
}

}  // namespace detail

Money scale_floor(Money budget, const std::string& factor) {
  if (!detail::is_decimal(factor))
    throw BudgetError(Errc::invalid_scenario,
                      "scale factor " + detail::q(factor) + " is not a non-negative decimal string such as \"0.9\"",
                      {factor});
  try {
    return budget.scaled(Ratio::parse(factor), Rounding::floor);
  } catch (const InputError& e) {
    if (e.code() == Errc::money_overflow) throw;
    throw BudgetError(Errc::invalid_scenario, "scale factor " + detail::q(factor) + ": " + e.message(), {factor});
  }
}

namespace detail {
/// `apply` in place: `p` — streams and items as in the base that `ix` indexes — changed by `sc`
/// (its name and scenario list untouched). On a throw, `p` may be half-changed.
void apply_to(Portfolio& p, const PortfolioScenario& sc, const PortfolioIndex& ix) {
  if (has_new_changes(sc)) {
    apply_changes(p, sc, ix, "");
  } else {  // the plain path (sweeps): scale/set budgets only
    for (const auto& [s, f] : sc.scale_budget) {
      auto& st = p.streams[ix.stream_of(s, "scenario " + q(sc.name))];
      try {
        st.budget = scale_floor(st.budget, f);
      } catch (const Error& e) {
        throw_error(e.code(), "scenario " + q(sc.name) + ": scale_budget of stream " + q(s) + ": " + e.message(),
                    {sc.name, s});
      }
    }
    for (const auto& [s, a] : sc.set_budget) {
      if (a.cents() < 0)
        throw BudgetError(Errc::invalid_scenario, "scenario " + q(sc.name) + " sets a negative budget", {sc.name, s});
      p.streams[ix.stream_of(s, "scenario " + q(sc.name))].budget = a;
    }
  }
  for (const auto& id : sc.mandatory_items)
    if (std::find(sc.drop_items.begin(), sc.drop_items.end(), id) != sc.drop_items.end())
      throw BudgetError(Errc::invalid_scenario, "scenario " + q(sc.name) + " both drops and forces " + q(id),
                        {sc.name, id});
  for (const auto& id : sc.drop_items) {
    auto& it = p.items[ix.item_of(id, "scenario " + q(sc.name))];
    it.excluded = true;
    it.mandatory = false;
  }
  for (const auto& id : sc.mandatory_items) {
    auto& it = p.items[ix.item_of(id, "scenario " + q(sc.name))];
    it.mandatory = true;
    it.excluded = false;
  }
}

/// The values a scenario changes (budgets; costs, prices, participants, mandatory and excluded
/// items) back to those of `base`, whose streams and items `p` has (a sweep's per-thread copy).
void reset_values(Portfolio& p, const Portfolio& base) {
  for (std::size_t s = 0; s < p.streams.size(); ++s) p.streams[s].budget = base.streams[s].budget;
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    auto& it = p.items[i];
    const auto& b = base.items[i];
    it.cost = b.cost;
    it.per_participant = b.per_participant;
    it.participants = b.participants;
    it.mandatory = b.mandatory;
    it.excluded = b.excluded;
  }
}
}  // namespace detail

Portfolio apply(const Portfolio& base, const PortfolioScenario& sc) {
  if (detail::uses_old_names(base)) return apply(detail::with_current_names(base), sc);
  if (detail::uses_old_names(sc)) return apply(base, detail::with_current_names(sc));
  Portfolio p = base;
  p.scenarios.clear();
  p.name = base.name.empty() ? sc.name : base.name + " / " + sc.name;
  detail::apply_to(p, sc, detail::PortfolioIndex(base));
  return p;
}

namespace detail {
template <class V>
V* find_key(std::vector<std::pair<std::string, V>>& v, const std::string& k) {
  for (auto& [key, val] : v)
    if (key == k) return &val;
  return nullptr;
}
template <class V>
void erase_key(std::vector<std::pair<std::string, V>>& v, const std::string& k) {
  v.erase(std::remove_if(v.begin(), v.end(), [&](const auto& e) { return e.first == k; }), v.end());
}
template <class V>
void put_key(std::vector<std::pair<std::string, V>>& v, const std::string& k, V val) {
  if (auto* p = find_key(v, k))
    *p = std::move(val);
  else
    v.emplace_back(k, std::move(val));
}
bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
}  // namespace detail

PortfolioScenario compose(const PortfolioScenario& a, const PortfolioScenario& b, const std::string& name) {
  if (detail::uses_old_names(a)) return compose(detail::with_current_names(a), b, name);
  if (detail::uses_old_names(b)) return compose(a, detail::with_current_names(b), name);
  using detail::q;
  PortfolioScenario r = a;
  r.name = name.empty() ? a.name + " + " + b.name : name;
  const std::string where = "compose " + q(a.name) + " + " + q(b.name);
  // moves of `a` followed by a budget change in `b` of a stream they touch: refuse
  std::set<std::string> moved;
  for (const auto& mv : a.move) {
    moved.insert(mv.from);
    moved.insert(mv.to);
  }
  auto refuse = [&](const std::string& stream, const std::string& what) {
    throw BudgetError(Errc::invalid_scenario,
                      where + ": " + q(b.name) + " " + what + " stream " + q(stream) + ", which " + q(a.name) +
                          " moves money to or from; compose in the other order or put the move in the later scenario",
                      {a.name, b.name, stream});
  };
  if (b.payroll_share && !moved.empty()) refuse(*moved.begin(), "changes the payroll share, which scales");
  for (const auto& [s, f] : b.scale_budget)
    if (moved.count(s)) refuse(s, "scales");
  for (const auto& [s, c] : b.set_budget)
    if (moved.count(s)) refuse(s, "sets");
  // budgets: payroll share
  if (b.payroll_share) {
    if (!r.payroll_share)
      r.payroll_share = b.payroll_share;
    else if (detail::is_decimal(b.payroll_share->from) && detail::is_decimal(r.payroll_share->to) &&
             Ratio::parse(b.payroll_share->from) == Ratio::parse(r.payroll_share->to))
      r.payroll_share->to = b.payroll_share->to;
    else
      r.payroll_share = PayrollChange{detail::decimal_product(r.payroll_share->from, b.payroll_share->from),
                                      detail::decimal_product(r.payroll_share->to, b.payroll_share->to)};
    Ratio pr = detail::ratio_product(
        Ratio::parse(b.payroll_share->to),
        [&] {
          Ratio f = Ratio::parse(b.payroll_share->from);
          if (f.num == 0)
            throw BudgetError(Errc::invalid_scenario, where + ": payroll_share 'from' must be greater than 0",
                              {b.name});
          return Ratio{f.den, f.num};
        }(),
        where);
    for (auto& [s, c] : r.set_budget) c = detail::floor_times(c, pr, where, {s});  // a set of `a`, then b's payroll
  }
  // budgets: scales and sets
  for (const auto& [s, f] : b.scale_budget) {
    if (auto* c = detail::find_key(r.set_budget, s))
      *c = scale_floor(*c, f);
    else if (auto* g = detail::find_key(r.scale_budget, s))
      *g = detail::decimal_product(*g, f);
    else
      r.scale_budget.emplace_back(s, f);
  }
  for (const auto& [s, c] : b.set_budget) {
    detail::erase_key(r.scale_budget, s);
    detail::put_key(r.set_budget, s, c);
  }
  // moves: a's, then b's
  r.move.insert(r.move.end(), b.move.begin(), b.move.end());
  // costs: b's participants re-price the item from its base price
  const bool a_star = detail::find_key(r.scale_cost, std::string("*")) != nullptr;
  for (const auto& [i, n] : b.set_participants) {
    detail::put_key(r.set_participants, i, n);
    detail::erase_key(r.set_cost, i);
    detail::erase_key(r.scale_cost, i);
    if (a_star) r.scale_cost.emplace_back(i, "1");  // a's "*" no longer applies to it
  }
  // costs: b's factors (an item's own factor of b, else b's "*"), with a's factor for the item
  // (its own, else a's "*")
  const std::string* b_star = nullptr;
  for (const auto& [i, f] : b.scale_cost)
    if (i == "*") b_star = &f;
  if (!b.scale_cost.empty()) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string* a_st = nullptr;
    for (const auto& [i, f] : r.scale_cost)
      if (i == "*") a_st = &f;
    std::vector<std::string> keys;
    for (const auto& [i, f] : r.scale_cost)
      if (i != "*") keys.push_back(i);
    for (const auto& [i, f] : b.scale_cost)
      if (i != "*" && !detail::contains(keys, i)) keys.push_back(i);
    for (const auto& i : keys) {
      if (detail::find_key(r.set_cost, i)) continue;  // handled below
      const std::string* fa = detail::find_key(r.scale_cost, i);
      if (!fa) fa = a_st;
      const std::string* fb = nullptr;
      for (const auto& [k, f] : b.scale_cost)
        if (k == i) fb = &f;
      if (!fb) fb = b_star;
      std::string v = fa && fb ? detail::decimal_product(*fa, *fb) : fa ? *fa : fb ? *fb : std::string("1");
      out.emplace_back(i, v);
    }
    if (a_st || b_star)
      out.emplace_back("*", a_st && b_star ? detail::decimal_product(*a_st, *b_star) : a_st ? *a_st : *b_star);
    for (auto& [i, c] : r.set_cost) {  // a scale of b after a set of a
      const std::string* fb = nullptr;
      for (const auto& [k, f] : b.scale_cost)
        if (k == i) fb = &f;
      if (!fb) fb = b_star;
      if (fb) c = scale_floor(c, *fb);
    }
    r.scale_cost = std::move(out);
  }
  for (const auto& [i, c] : b.set_cost) {
    detail::erase_key(r.scale_cost, i);
    detail::put_key(r.set_cost, i, c);
  }
  // items: b wins
  std::vector<std::string> drop, mandatory;
  for (const auto& i : a.drop_items)
    if (!detail::contains(b.mandatory_items, i)) drop.push_back(i);
  for (const auto& i : b.drop_items)
    if (!detail::contains(drop, i)) drop.push_back(i);
  for (const auto& i : a.mandatory_items)
    if (!detail::contains(b.drop_items, i)) mandatory.push_back(i);
  for (const auto& i : b.mandatory_items)
    if (!detail::contains(mandatory, i)) mandatory.push_back(i);
  r.drop_items = drop;
  r.mandatory_items = mandatory;
  return r;
}

}  // namespace koers::budget
