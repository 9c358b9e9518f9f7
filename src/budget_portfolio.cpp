// The exact portfolio optimisation (`optimise`, `curve`), scenario sweeps (`sweep_portfolio`)
// and validation: the solve. Declarations: include/koers/budget/portfolio.hpp,
// portfolio_sweep.hpp; the library-internal parts that the selection and the tests share:
// portfolio_detail.hpp. The scenario algebra (`apply`, `compose`, `scale_floor`, the scenario
// checks of `validate`) is src/budget_scenario.cpp.
#include "old_names.hpp"
#include "portfolio_detail.hpp"

#include <koers/budget/portfolio_sweep.hpp>

#include "bnb.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

namespace koers::budget {

namespace detail {

std::string q(const std::string& s) { return "'" + s + "'"; }

Closure mandatory_closure(const Portfolio& p, const Prepared& pr) {
  std::size_t n = p.items.size();
  Closure c{std::vector<char>(n, 0), std::vector<int>(n, -1)};
  const auto& out = pr.requires_out;
  std::vector<int> stack;
  for (std::size_t i = 0; i < n; ++i)
    if (p.items[i].mandatory) {
      c.in[i] = 1;
      stack.push_back(static_cast<int>(i));
    }
  while (!stack.empty()) {
    int a = stack.back();
    stack.pop_back();
    for (int b : out[a])
      if (!c.in[b]) {
        c.in[b] = 1;
        c.via[b] = a;
        stack.push_back(b);
      }
  }
  return c;
}

/// The first reason why even the cheapest selection (the mandatory closure) is impossible.
std::optional<Conflict> find_conflict(const Portfolio& p, const Prepared& pr) {
  auto c = mandatory_closure(p, pr);
  std::size_t n = p.items.size();
  const auto& res = pr.model.res;  // stream of each item
  // a mandatory item requires an item that may not be funded
  for (std::size_t i = 0; i < n; ++i) {
    if (!c.in[i] || !p.items[i].excluded) continue;
    Conflict k;
    k.kind = "requires";
    std::vector<std::string> chain;
    for (int j = static_cast<int>(i); j >= 0; j = c.via[j]) chain.push_back(p.items[j].id);
    std::reverse(chain.begin(), chain.end());
    k.items = chain;
    std::string path;
    for (std::size_t t = 0; t < chain.size(); ++t) path += (t ? " -> " : "") + q(chain[t]);
    k.message = "mandatory item " + q(chain.front()) + " requires " + q(p.items[i].id) + " (" + path +
                "), which may not be funded";
    return k;
  }
  // a stream too small for its mandatory items (with what they require)
  for (std::size_t s = 0; s < p.streams.size(); ++s) {
    const auto& st = p.streams[s];
    Money need;
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < n; ++i)
      if (c.in[i] && res[i] == static_cast<int>(s)) {
        need += p.items[i].cost;
        items.push_back(i);
      }
    Money cap = st.capacity();
    if (need > cap) {
      Conflict k;
      k.kind = "stream";
      k.stream = st.id;
      for (auto i : items) k.items.push_back(p.items[i].id);
      k.required = need;
      k.capacity = cap;
      k.message = "stream " + q(st.id) + " cannot hold its mandatory items" +
                  (items.empty() ? std::string() : " (with every item they require)") + ": they need " +
                  need.to_string() + ", the stream has " + cap.to_string() + " (budget " + st.budget.to_string() +
                  " less " + st.reserved.to_string() + " reserved)";
      return k;
    }
  }
  // a group holding more mandatory (or required) items than its max
  for (std::size_t g = 0; g < p.groups.size(); ++g) {
    std::vector<std::string> items;
    for (int i : pr.group_items[g])
      if (c.in[i]) items.push_back(p.items[i].id);
    if (static_cast<std::int64_t>(items.size()) > p.groups[g].max) {
      Conflict k;
      k.kind = "group";
      k.group = p.groups[g].id;
      k.items = items;
      k.message = "group " + q(p.groups[g].id) + " allows at most " + std::to_string(p.groups[g].max) + " items, but " +
                  std::to_string(items.size()) + " of them are mandatory or required by mandatory items";
      return k;
    }
  }
  return std::nullopt;
}

/// The values of `p` that scenarios change, into its model `m` (capacities in cents, costs,
/// fixed items): `m` is `Prepared::model` of a portfolio with the same structure (or a copy).
void refresh_model(const Portfolio& p, koers::detail::BnbModel& m) {
  for (std::size_t s = 0; s < p.streams.size(); ++s) m.cap[s] = p.streams[s].capacity().cents();
  for (int i = 0; i < m.n; ++i) {
    const auto& it = p.items[static_cast<std::size_t>(i)];
    m.cost[i] = it.cost.cents();
    m.fix[i] = it.excluded ? 0 : it.mandatory ? 1 : -1;
  }
}

/// The portfolio as a BnbModel (resources = streams, capacities in cents).
koers::detail::BnbModel to_model(const Portfolio& p, const PortfolioIndex& ix) {
  koers::detail::BnbModel m;
  m.n = static_cast<int>(p.items.size());
  m.coverage = p.objective == Objective::coverage;
  m.n_res = static_cast<int>(p.streams.size());
  m.cap.assign(p.streams.size(), 0);
  m.fix.assign(m.n, -1);
  m.res.resize(m.n);
  m.cost.resize(m.n);
  m.value.assign(m.n, 0);
  if (m.coverage) {
    m.covers.assign(m.n, {});
    for (const auto& g : p.goals) m.weight.push_back(g.weight);
  }
  for (int i = 0; i < m.n; ++i) {
    const auto& it = p.items[i];
    m.res[i] = ix.stream.at(it.stream);
    m.value[i] = it.value;
    if (m.coverage) {
      std::set<int> gs;
      for (const auto& g : it.covers) gs.insert(ix.goal.at(g));
      m.covers[i].assign(gs.begin(), gs.end());
    }
  }
  refresh_model(p, m);
  for (const auto& g : p.groups) {
    std::vector<int> v;
    for (const auto& id : g.items) v.push_back(ix.item.at(id));
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    m.groups.push_back(v);
    m.group_max.push_back(g.max);
  }
  for (const auto& r : p.requires_) m.requires_.push_back({ix.item.at(r.item), ix.item.at(r.requires_)});
  return m;
}

Prepared::Prepared(const Portfolio& p) : ix(p), requires_out(p.items.size()), model(to_model(p, ix)) {
  for (const auto& [a, b] : model.requires_) requires_out[static_cast<std::size_t>(a)].push_back(b);
  group_items.reserve(p.groups.size());
  for (const auto& g : p.groups) {
    std::vector<int> v;
    for (const auto& id : g.items) v.push_back(ix.item.at(id));
    group_items.push_back(std::move(v));
  }
}

/// Validate's check of `p`'s group `g` (its items `items`, as listed): no more mandatory items
/// than the group allows (E107). The one check a scenario's forced items can fail once the
/// base is valid (sweeps run it alone per scenario).
void check_group_mandatory(const Portfolio& p, std::size_t g, const std::vector<int>& items) {
  const auto& grp = p.groups[g];
  std::int64_t mand = 0;
  for (int i : items)
    if (p.items[static_cast<std::size_t>(i)].mandatory && !p.items[static_cast<std::size_t>(i)].excluded) ++mand;
  if (mand > grp.max)
    throw_error(Errc::invalid_value,
                "group " + q(grp.id) + " holds " + std::to_string(mand) + " mandatory items but allows at most " +
                    std::to_string(grp.max),
                {grp.id});
}

StopReason stop_reason(koers::detail::BnbStop s) {
  switch (s) {
    case koers::detail::BnbStop::none: return StopReason::none;
    case koers::detail::BnbStop::node_limit: return StopReason::node_limit;
    case koers::detail::BnbStop::time_limit: return StopReason::time_limit;
    case koers::detail::BnbStop::cancelled: return StopReason::cancelled;
    case koers::detail::BnbStop::undecided: return StopReason::assignment_check;
  }
  return StopReason::none;
}

koers::detail::BnbOptions bnb_options(const SolveOptions& o) {
  o.validate();
  koers::detail::BnbOptions b;
  b.node_limit = o.node_limit;
  b.time_limit = o.time_limit;
  b.find_ties = o.check_unique;
  if (o.progress) b.progress = &o.progress->counters;
  return b;
}

std::vector<std::string> ids_of(const Portfolio& p, const std::vector<signed char>& x) {
  std::vector<std::string> v;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i] == 1) v.push_back(p.items[i].id);
  return v;
}

/// A witness that resource `r` binds at the optimum `x`: one free, unselected item of `r` whose
/// addition raises the objective and keeps every other constraint (groups, requires, implies, the
/// leaf oracle) — a selection better than `x` once `r` is unlimited. Cheap (O(model)); when it
/// finds none, the exact search decides.
bool binding_witness(const koers::detail::BnbModel& m, const std::vector<signed char>& x, int r) {
  std::vector<int> in_group(m.groups.size(), 0);
  std::vector<std::vector<int>> groups_of(static_cast<std::size_t>(m.n));
  for (std::size_t g = 0; g < m.groups.size(); ++g)
    for (int i : m.groups[g]) {
      in_group[g] += x[static_cast<std::size_t>(i)] == 1;
      groups_of[static_cast<std::size_t>(i)].push_back(static_cast<int>(g));
    }
  std::vector<char> requires_ok(static_cast<std::size_t>(m.n), 1), covered(m.weight.size(), 0);
  for (const auto* pairs : {&m.requires_, &m.implies})
    for (const auto& [a, b] : *pairs)
      if (x[static_cast<std::size_t>(b)] != 1) requires_ok[static_cast<std::size_t>(a)] = 0;
  if (m.coverage)
    for (int i = 0; i < m.n; ++i)
      if (x[static_cast<std::size_t>(i)] == 1)
        for (int g : m.covers[static_cast<std::size_t>(i)]) covered[static_cast<std::size_t>(g)] = 1;
  for (int i = 0; i < m.n; ++i) {
    const auto u = static_cast<std::size_t>(i);
    if (x[u] == 1 || m.res[u] != r || !requires_ok[u] || (!m.fix.empty() && m.fix[u] != -1)) continue;
    bool gain = false;
    if (m.coverage) {
      for (int g : m.covers[u])
        gain = gain || (!covered[static_cast<std::size_t>(g)] && m.weight[static_cast<std::size_t>(g)] > 0);
    } else {
      gain = m.value[u] > 0;
    }
    if (!gain) continue;
    bool room = true;
    for (int g : groups_of[u])
      room = room && in_group[static_cast<std::size_t>(g)] < m.group_max[static_cast<std::size_t>(g)];
    if (!room) continue;
    if (m.accept) {
      auto y = x;
      y[u] = 1;
      if (m.accept(y) != 1) continue;
    }
    return true;
  }
  return false;
}

}  // namespace detail

void Portfolio::validate() const {
  if (detail::uses_old_names(*this)) return detail::with_current_names(*this).validate();
  using detail::q;
  std::set<std::string> seen;
  for (const auto& s : streams) {
    if (!seen.insert(s.id).second) throw_error(Errc::duplicate_name, "stream " + q(s.id) + " is defined twice", {s.id});
    if (s.budget.cents() < 0) throw_error(Errc::invalid_value, "stream " + q(s.id) + " has a negative budget", {s.id});
    if (s.reserved.cents() < 0)
      throw_error(Errc::invalid_value, "stream " + q(s.id) + " has negative reserved lines", {s.id});
  }
  detail::PortfolioIndex ix(*this);
  seen.clear();
  for (const auto& g : goals) {
    if (!seen.insert(g.id).second) throw_error(Errc::duplicate_name, "goal " + q(g.id) + " is defined twice", {g.id});
    if (g.weight < 0) throw_error(Errc::invalid_value, "goal " + q(g.id) + " has a negative weight", {g.id});
  }
  seen.clear();
  std::vector<Money> stream_total(streams.size());
  koers::detail::i128 vpos = 0, wsum = 0;
  for (const auto& g : goals) wsum += g.weight;
  for (const auto& it : items) {
    if (!seen.insert(it.id).second)
      throw_error(Errc::duplicate_name, "item " + q(it.id) + " is defined twice", {it.id});
    int s = ix.stream_of(it.stream, "item " + q(it.id));
    if (it.cost.cents() < 0) throw_error(Errc::invalid_value, "item " + q(it.id) + " has a negative cost", {it.id});
    if (it.per_participant && it.per_participant->cents() < 0)
      throw_error(Errc::invalid_value, "item " + q(it.id) + " has a negative per_participant_cents", {it.id});
    if (it.participants && *it.participants < 0)
      throw_error(Errc::invalid_value, "item " + q(it.id) + " has a negative number of participants", {it.id});
    if (it.per_participant && it.participants) {
      Money prod = *it.per_participant * *it.participants;
      if (prod != it.cost)
        throw BudgetError(
            Errc::inconsistent_cost,
            "item " + q(it.id) + ": cost_cents " + std::to_string(it.cost.cents()) +
                " differs from per_participant_cents × participants = " + std::to_string(it.per_participant->cents()) +
                " × " + std::to_string(*it.participants) + " = " + std::to_string(prod.cents()),
            {it.id});
    }
    stream_total[s] += it.cost;  // throws E114 past 64 bits
    if (it.value > 0) vpos += it.value;
    for (const auto& g : it.covers)
      if (!ix.goal.count(g))
        throw_error(Errc::unknown_goal, "item " + q(it.id) + " covers unknown goal " + q(g), {it.id, g});
  }
  if (vpos > (koers::detail::i128(1) << 61) || wsum > (koers::detail::i128(1) << 61))
    throw_error(Errc::invalid_value, "the values or goal weights add up beyond 2^61", {});
  seen.clear();
  for (const auto& g : groups) {
    if (!seen.insert(g.id).second) throw_error(Errc::duplicate_name, "group " + q(g.id) + " is defined twice", {g.id});
    if (g.max < 0) throw_error(Errc::invalid_value, "group " + q(g.id) + " has a negative max", {g.id});
    std::vector<int> members;
    for (const auto& id : g.items) {
      auto it = ix.item.find(id);
      if (it == ix.item.end()) ix.item_of(id, "group " + q(g.id));  // throws E403 naming the group
      members.push_back(it->second);
    }
    detail::check_group_mandatory(*this, static_cast<std::size_t>(&g - groups.data()), members);
  }
  std::vector<std::vector<int>> out(items.size());
  for (const auto& r : requires_) {
    int a = ix.item_of(r.item, "a requires pair");
    int b = ix.item_of(r.requires_, "the requires pair of " + q(r.item));
    if (a == b) throw_error(Errc::cycle, "item " + q(r.item) + " requires itself", {r.item});
    out[a].push_back(b);
  }
  // requires must be acyclic (a cycle is one package: model it as one item)
  std::vector<int> state(items.size(), 0), parent(items.size(), -1);
  for (std::size_t s0 = 0; s0 < items.size(); ++s0) {
    if (state[s0]) continue;
    std::vector<std::pair<int, std::size_t>> st{{static_cast<int>(s0), 0}};
    state[s0] = 1;
    while (!st.empty()) {
      auto& [a, k] = st.back();
      if (k < out[a].size()) {
        int b = out[a][k++];
        if (state[b] == 1) {
          std::vector<std::string> path{items[b].id};
          for (int c = a; c != b; c = parent[c]) path.push_back(items[c].id);
          path.push_back(items[b].id);
          std::reverse(path.begin(), path.end());
          std::string msg;
          for (std::size_t t = 0; t < path.size(); ++t) msg += (t ? " -> " : "") + q(path[t]);
          throw_error(Errc::cycle, "requires cycle: " + msg, path);
        }
        if (state[b] == 0) {
          state[b] = 1;
          parent[b] = a;
          st.push_back({b, 0});
        }
      } else {
        state[a] = 2;
        st.pop_back();
      }
    }
  }
  for (std::size_t k = 0; k < scenarios.size(); ++k) detail::check_scenario(*this, k, ix);
}

namespace detail {
/// `optimise` of a valid portfolio `p` with the structure `pr` was built from (the same ids,
/// groups, requires pairs; any budgets, costs, mandatory and excluded items). `m`: pr.model or a
/// copy of it (a sweep's per-thread one), refreshed here with the values of `p`.
PortfolioResult solve_prepared(const Portfolio& p, const Prepared& pr, koers::detail::BnbModel& m,
                               const SolveOptions& o) {
  PortfolioResult r;
  for (const auto& s : p.streams) r.spent.push_back({s.id, Money{}, s.capacity()});
  if (auto c = detail::find_conflict(p, pr)) {
    r.status = SolveStatus::infeasible;
    r.conflict = *c;
    return r;
  }
  refresh_model(p, m);
  auto b = koers::detail::solve_bnb(m, detail::bnb_options(o));
  r.stats.nodes = b.nodes;
  r.stats.seconds = b.seconds;
  r.stats.fixed_at_root = b.fixed_at_root;
  r.stats.stopped_by = detail::stop_reason(b.stopped_by);
  if (b.status == koers::detail::BnbStatus::infeasible) {
    r.status = SolveStatus::infeasible;  // not reached: the closure check is exact
    Conflict k;
    k.kind = "unknown";
    k.message = "no selection meets the constraints";
    r.conflict = k;
    return r;
  }
  r.status = b.status == koers::detail::BnbStatus::optimal ? SolveStatus::optimal : SolveStatus::limit;
  if (b.found) {
    r.optimum = b.value;
    r.selected = detail::ids_of(p, b.x);
    for (std::size_t i = 0; i < b.x.size(); ++i)
      if (b.x[i] == 1) r.spent[static_cast<std::size_t>(m.res[i])].spent += p.items[i].cost;
  }
  r.bound = b.bound;
  r.gap = b.found ? b.bound - b.value : 0;
  r.unique = b.unique;
  if (!b.alt.empty()) r.alternative = detail::ids_of(p, b.alt);
  if (r.status == SolveStatus::optimal && o.check_binding) {
    for (std::size_t s = 0; s < p.streams.size(); ++s) {
      Money total;
      for (std::size_t i = 0; i < p.items.size(); ++i)
        if (m.res[i] == static_cast<int>(s) && !p.items[i].excluded) total += p.items[i].cost;
      if (total <= p.streams[s].capacity()) continue;              // everything fits: not binding
      if (detail::binding_witness(m, b.x, static_cast<int>(s))) {  // one more item pays: binding, no search
        r.binding.push_back(p.streams[s].id);
        continue;
      }
      auto m2 = m;
      m2.cap[s] = total.cents();
      auto o2 = detail::bnb_options(o);
      o2.find_ties = false;
      o2.target = b.value;
      o2.progress = nullptr;  // the observer watches (and cancels) the main search only
      auto b2 = koers::detail::solve_bnb(m2, o2);
      r.stats.nodes += b2.nodes;
      if (b2.found) r.binding.push_back(p.streams[s].id);
    }
  }
  return r;
}
}  // namespace detail

PortfolioResult optimise(const Portfolio& p, const SolveOptions& o) {
  if (detail::uses_old_names(p)) return optimise(detail::with_current_names(p), o);
  p.validate();
  detail::Prepared pr(p);
  return detail::solve_prepared(p, pr, pr.model, o);
}

std::vector<CurvePoint> curve(const Portfolio& p, const std::string& stream, const CurveOptions& co) {
  if (detail::uses_old_names(p)) return curve(detail::with_current_names(p), stream, co);
  p.validate();
  detail::Prepared pr(p);
  int s = pr.ix.stream_of(stream, "curve");
  std::vector<CurvePoint> pts;
  Money reserved = p.streams[s].reserved;
  // mandatory spend in this stream; other conflicts make every budget infeasible
  Portfolio big = p;
  Money total;
  for (const auto& it : p.items)
    if (it.stream == stream && !it.excluded) total += it.cost;
  big.streams[s].budget = reserved + total;
  if (detail::find_conflict(big, pr)) return {CurvePoint{Money{}, std::nullopt, {}}};
  auto closure = detail::mandatory_closure(p, pr);
  Money mand;
  for (std::size_t i = 0; i < p.items.size(); ++i)
    if (closure.in[i] && p.items[i].stream == stream) mand += p.items[i].cost;
  auto& m = pr.model;
  auto base_opts = detail::bnb_options(co.solve);
  base_opts.find_ties = false;
  auto spend_of = [&](const std::vector<signed char>& x) {
    std::int64_t t = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i] == 1 && m.res[i] == s) t += m.cost[i];
    return t;
  };
  auto solve_at = [&](std::int64_t cap, std::optional<std::int64_t> target) {
    m.cap[s] = cap;
    auto o = base_opts;
    o.target = target;
    auto b = koers::detail::solve_bnb(m, o);
    if (b.status == koers::detail::BnbStatus::limit)
      throw SolverError(Errc::solver_limit,
                        "curve of stream " + detail::q(stream) + ": a solve hit its limit at capacity " +
                            Money::from_cents(cap).to_string(),
                        {stream});
    return b;
  };
  if ((reserved + mand).cents() > 0) pts.push_back({Money{}, std::nullopt, {}});
  std::int64_t c = mand.cents();
  auto b0 = solve_at(c, std::nullopt);
  if (!b0.found) return pts;  // cannot happen: the closure fits
  std::int64_t v = b0.value;
  pts.push_back({reserved + Money::from_cents(c), v, detail::ids_of(p, b0.x)});
  auto bmax = solve_at(total.cents(), std::nullopt);
  std::int64_t vmax = bmax.value;
  const std::int64_t v0 = v;
  const auto gain = [&] { return static_cast<std::size_t>(static_cast<koers::detail::i128>(v) - v0); };
  const auto all_gain = static_cast<std::size_t>(static_cast<koers::detail::i128>(vmax) - v0);
  const auto items = std::max<std::int64_t>(1, static_cast<std::int64_t>(p.items.size()));
  if (co.progress) co.progress(0, all_gain);
  std::int64_t hi_c = spend_of(bmax.x), hi_v = vmax;
  std::vector<signed char> hi_x = bmax.x;
  while (v < vmax) {
    if (static_cast<std::int64_t>(pts.size()) >= co.max_points)
      throw SolverError(
          Errc::solver_limit,
          "curve of stream " + detail::q(stream) + " has more than " + std::to_string(co.max_points) + " breakpoints",
          {stream});
    if (static_cast<std::int64_t>(pts.size()) * items >= co.max_cells)
      throw InputError(Errc::limit_exceeded,
                       "curve of stream " + detail::q(stream) + " has more than " + std::to_string(pts.size()) +
                           " breakpoints of " + std::to_string(items) + " items each (" +
                           std::to_string(static_cast<std::int64_t>(pts.size()) * items) +
                           " cells), past the limit of " + std::to_string(co.max_cells) +
                           "; ask for the optimum at the budgets you need (koers optimise)",
                       {stream});
    // smallest capacity in (c, hi_c] at which the optimum exceeds v; f(hi_c) = hi_v > v
    std::int64_t lo = c + 1;
    while (lo < hi_c) {
      std::int64_t mid = lo + (hi_c - lo) / 2;
      auto b = solve_at(mid, v);
      if (b.found) {
        hi_c = spend_of(b.x);  // f(spend) ≥ value > v, and spend ≤ mid
        hi_v = b.value;
        hi_x = b.x;
      } else {
        lo = mid + 1;
      }
    }
    c = hi_c;
    v = hi_v;
    pts.push_back({reserved + Money::from_cents(c), v, detail::ids_of(p, hi_x)});
    if (co.progress) co.progress(gain(), all_gain);
    // next search: the best known selection beyond c is the global one
    if (v < vmax) {
      hi_c = spend_of(bmax.x);
      hi_v = vmax;
      hi_x = bmax.x;
    }
  }
  return pts;
}

// ---- sweeps (koers/budget/portfolio_sweep.hpp) ----------------------------------------------

namespace detail {
/// What one worker thread reuses from scenario to scenario: its copy of the base portfolio
/// (strings and all, copied once) and of the solver model, reset and changed in place.
struct SweepWorker {
  const Portfolio& base;
  const Prepared& prepared;
  Portfolio work;
  koers::detail::BnbModel model;
  SweepWorker(const Portfolio& b, const Prepared& pr) : base(b), prepared(pr), work(b), model(pr.model) {}

  /// The row of `apply(base, sc)` then `optimise(…, o)`. Once the base is valid, a scenario that
  /// applies leaves it valid but for one check, the groups' mandatory items (forced items):
  /// only that is checked again, and the base's index and model serve every scenario.
  SweepResult solve(const PortfolioScenario& sc, const SolveOptions& o) {
    SweepResult r;
    r.name = sc.name;
    try {
      reset_values(work, base);
      apply_to(work, sc, prepared.ix);
      for (const auto& s : work.streams) {
        r.budget.push_back(s.budget);
        r.capacity.push_back(s.capacity());
      }
      for (std::size_t g = 0; g < work.groups.size(); ++g) check_group_mandatory(work, g, prepared.group_items[g]);
      PortfolioResult res = solve_prepared(work, prepared, model, o);
      r.status = to_string(res.status);
      r.optimum = res.optimum;
      if (res.status != SolveStatus::infeasible) r.selected = std::move(res.selected);
      for (const auto& s : res.spent) r.spent.push_back(s.spent);
      r.conflict = std::move(res.conflict);
      r.nodes = res.stats.nodes;
    } catch (const Error& e) {
      r.status = "error";
      r.error = e.what();
      r.error_code = static_cast<int>(e.code());
      r.optimum.reset();
      r.selected.clear();
    }
    return r;
  }
};
}  // namespace detail

std::vector<SweepResult> sweep_portfolio(const Portfolio& base, const std::vector<PortfolioScenario>& scenarios,
                                         const PortfolioSweepOptions& o) {
  if (detail::uses_old_names(base)) return sweep_portfolio(detail::with_current_names(base), scenarios, o);
  if (std::any_of(scenarios.begin(), scenarios.end(), [](const auto& s) { return detail::uses_old_names(s); })) {
    std::vector<PortfolioScenario> current;
    current.reserve(scenarios.size());
    for (const auto& s : scenarios) current.push_back(detail::with_current_names(s));
    return sweep_portfolio(base, current, o);
  }
  base.validate();
  // the workers copy the base: without its own scenario list (which may be the sweep list
  // itself, thousands long) each copy stays small
  Portfolio bare = base;
  bare.scenarios.clear();
  const detail::Prepared prepared(bare);
  const std::size_t n = scenarios.size();
  std::vector<SweepResult> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i].name = scenarios[i].name;
  if (o.progress) {
    o.progress->total = n;
    o.progress->done = 0;
  }
  std::atomic<std::size_t> next{0};
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  unsigned t = o.threads ? o.threads : hw;
  t = static_cast<unsigned>(std::min<std::size_t>(t, std::max<std::size_t>(n, 1)));
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
  auto work = [&] {
    try {
      detail::SweepWorker worker(bare, prepared);
      for (std::size_t i; (i = next.fetch_add(1)) < n;) {
        if (failed || (o.progress && o.progress->cancel)) break;
        rows[i] = worker.solve(scenarios[i], o.solve);
        if (o.progress) ++o.progress->done;
      }
    } catch (...) {  // std::bad_alloc and the like: report once, stop the others
      if (!failed.exchange(true)) failure = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < t; ++k) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (failure) std::rethrow_exception(failure);
  return rows;
}

void SolveOptions::validate() const {
  if (node_limit < 0) throw InputError(Errc::invalid_argument, "node_limit must be >= 0 (0: no limit)", {"node_limit"});
  if (!std::isfinite(time_limit) || time_limit < 0)
    throw InputError(Errc::invalid_argument, "time_limit must be a finite number of seconds >= 0 (0: no limit)",
                     {"time_limit"});
}

}  // namespace koers::budget
