// The selection of processes under the experts' hours (`select`, `Selection::validate`),
// proven optimal on the branch-and-bound core (bnb.hpp) with the exact assignment check
// (packing.hpp). Declarations: include/koers/budget/selection.hpp; the bounds the tests check on
// their own: selection_detail.hpp.
#include "selection_detail.hpp"

#include <koers/budget/selection.hpp>

#include "bnb.hpp"
#include "old_names.hpp"
#include "packing.hpp"
#include "portfolio_detail.hpp"  // detail::q, bnb_options, stop_reason

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <set>
#include <unordered_map>

namespace koers::budget {

namespace detail {
namespace {
constexpr double score_scale = 1e6;  ///< micro-points
constexpr double hour_scale = 1e3;   ///< milli-hours
std::int64_t to_units(double v, double scale) { return static_cast<std::int64_t>(std::llround(v * scale)); }
std::string hours_text(double h) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g h", h);
  return buf;
}
}  // namespace
}  // namespace detail

void Selection::validate() const {
  if (detail::uses_old_names(*this)) return detail::with_current_names(*this).validate();
  using detail::q;
  std::set<std::string> seen;
  for (const auto& it : items) {
    if (!seen.insert(it.id).second)
      throw InputError(Errc::duplicate_name, "process " + q(it.id) + " is listed twice", {it.id});
    if (!std::isfinite(it.score))
      throw InputError(Errc::not_finite, "process " + q(it.id) + " has a non-finite score", {it.id});
    if (!std::isfinite(it.hours))
      throw InputError(Errc::not_finite, "process " + q(it.id) + " has non-finite hours", {it.id});
    if (it.hours < 0) throw InputError(Errc::invalid_value, "process " + q(it.id) + " has negative hours", {it.id});
    if (std::fabs(it.score) > 1e12 || it.hours > 1e12)
      throw InputError(Errc::invalid_value, "process " + q(it.id) + " has a score or hours beyond 10^12", {it.id});
  }
  for (const auto& it : items)
    for (const auto& d : it.requires_) {
      if (!seen.count(d))
        throw InputError(Errc::unknown_name, "process " + q(it.id) + " requires unknown process " + q(d), {it.id, d});
      if (d == it.id) throw_error(Errc::cycle, "process " + q(it.id) + " requires itself", {it.id});
    }
  std::set<std::string> eseen;
  for (const auto& e : experts) {
    if (!eseen.insert(e.id).second)
      throw InputError(Errc::duplicate_name, "expert " + q(e.id) + " is listed twice", {e.id});
    if (!std::isfinite(e.hours))
      throw InputError(Errc::not_finite, "expert " + q(e.id) + " has non-finite hours", {e.id});
    if (e.hours < 0 || e.hours > 1e12)
      throw InputError(Errc::invalid_value, "expert " + q(e.id) + " has hours out of range", {e.id});
  }
  if (experts.empty() == !capacity_hours.has_value())
    throw InputError(Errc::invalid_value, "a selection needs either experts or capacity_hours (exactly one of them)",
                     {"experts"});
  if (capacity_hours && (!std::isfinite(*capacity_hours) || *capacity_hours < 0))
    throw InputError(Errc::invalid_value, "capacity_hours must be a finite number ≥ 0", {"capacity_hours"});
  if (min_items_per_expert < 0)
    throw InputError(Errc::invalid_value, "min_items_per_expert must be ≥ 0", {"min_items_per_expert"});
  if (top_n < 0) throw InputError(Errc::invalid_value, "top_n must be ≥ 0", {"top_n"});
}

namespace detail {

namespace {
struct SelectionData {
  std::vector<std::int64_t> score, hours, cap;  // units
  std::int64_t pool = 0;
  bool pooled = false;
  std::int64_t min_per = 0;
  std::vector<std::pair<int, int>> requires_;
};
}  // namespace

// reachable_cap, process_waste: declared and explained in selection_detail.hpp
std::int64_t reachable_cap(std::int64_t cap, const std::vector<std::int64_t>& sizes) {
  if (cap <= 0) return cap;
  std::int64_t g = 0;
  std::vector<std::int64_t> sz;
  for (auto h : sizes)
    if (h > 0 && h <= cap) {
      sz.push_back(h);
      g = std::gcd(g, h);
    }
  if (sz.empty()) return 0;
  std::int64_t C = cap / g;
  if (C > (std::int64_t(1) << 26)) return C * g;
  std::sort(sz.begin(), sz.end());
  const std::size_t W = static_cast<std::size_t>(C / 64 + 1);
  std::vector<std::uint64_t> bits(W, 0), nxt(W);
  bits[0] = 1;
  auto top = [&]() -> std::int64_t {
    for (std::size_t w = W; w-- > 0;)
      if (bits[w]) return static_cast<std::int64_t>(w * 64 + 63 - static_cast<std::size_t>(__builtin_clzll(bits[w])));
    return 0;
  };
  std::uint64_t lastmask = (C % 64 == 63) ? ~std::uint64_t(0) : ((std::uint64_t(1) << (C % 64 + 1)) - 1);
  for (std::size_t a = 0; a < sz.size();) {
    std::size_t b = a;
    while (b < sz.size() && sz[b] == sz[a]) ++b;
    std::int64_t u = sz[a] / g;
    std::int64_t reps = std::min<std::int64_t>(static_cast<std::int64_t>(b - a), C / u);
    const std::size_t ws = static_cast<std::size_t>(u / 64), bs = static_cast<std::size_t>(u % 64);
    for (std::int64_t k = 0; k < reps; ++k) {
      bool changed = false;
      for (std::size_t w = W; w-- > 0;) {
        std::uint64_t v = 0;
        if (w >= ws) {
          v = bits[w - ws] << bs;
          if (bs && w >= ws + 1) v |= bits[w - ws - 1] >> (64 - bs);
        }
        nxt[w] = bits[w] | v;
      }
      nxt[W - 1] &= lastmask;
      for (std::size_t w = 0; w < W; ++w)
        if (nxt[w] != bits[w]) {
          changed = true;
          break;
        }
      if (!changed) break;
      bits.swap(nxt);
      if (top() == C) return C * g;
    }
    a = b;
  }
  return top() * g;
}

std::vector<std::int64_t> process_waste(const std::vector<std::int64_t>& cap, const std::vector<std::int64_t>& hours,
                                        const std::vector<signed char>& fix) {
  std::vector<std::int64_t> w(hours.size(), 0);
  std::int64_t cmax = 0;
  for (auto c : cap) cmax = std::max(cmax, c);
  if (cmax <= 0) return w;
  bool any = false;
  for (std::size_t i = 0; i < hours.size(); ++i)
    if (fix[i] != 0 && hours[i] > 0)
      for (auto c : cap)
        if (hours[i] <= c && 2 * hours[i] > c) any = true;
  if (!any) return w;
  std::int64_t g = 0;
  std::vector<std::int64_t> sz;
  for (std::size_t i = 0; i < hours.size(); ++i)
    if (fix[i] != 0 && hours[i] > 0 && hours[i] <= cmax) {
      sz.push_back(hours[i]);
      g = std::gcd(g, hours[i]);
    }
  for (auto c : cap)
    if (c > 0) g = std::gcd(g, c);
  if (sz.empty()) return w;
  const std::int64_t C = cmax / g;
  if (C > (std::int64_t(1) << 26)) return w;
  std::sort(sz.begin(), sz.end());
  // bit v: a sum of a sub-multiset of the hours equals v·g (v ≤ C); shifts by whole words
  const std::size_t W = static_cast<std::size_t>(C / 64 + 1);
  std::vector<std::uint64_t> bits(W, 0), nxt(W);
  bits[0] = 1;
  const std::uint64_t lastmask = (C % 64 == 63) ? ~std::uint64_t(0) : ((std::uint64_t(1) << (C % 64 + 1)) - 1);
  for (std::size_t a = 0; a < sz.size();) {
    std::size_t b = a;
    while (b < sz.size() && sz[b] == sz[a]) ++b;
    const std::int64_t u = sz[a] / g;
    const std::int64_t reps = std::min<std::int64_t>(static_cast<std::int64_t>(b - a), C / u);
    const std::size_t ws = static_cast<std::size_t>(u / 64), bs = static_cast<std::size_t>(u % 64);
    for (std::int64_t k = 0; k < reps; ++k) {
      for (std::size_t v = W; v-- > 0;) {
        std::uint64_t t = 0;
        if (v >= ws) {
          t = bits[v - ws] << bs;
          if (bs && v >= ws + 1) t |= bits[v - ws - 1] >> (64 - bs);
        }
        nxt[v] = bits[v] | t;
      }
      nxt[W - 1] &= lastmask;
      if (nxt == bits) break;
      bits.swap(nxt);
    }
    a = b;
  }
  // best[v] = the largest reachable ≤ v
  std::vector<std::int64_t> best(static_cast<std::size_t>(C + 1), 0);
  for (std::int64_t v = 0, last = 0; v <= C; ++v) {
    if ((bits[static_cast<std::size_t>(v / 64)] >> (v % 64)) & 1) last = v;
    best[static_cast<std::size_t>(v)] = last;
  }
  for (std::size_t i = 0; i < hours.size(); ++i) {
    if (fix[i] == 0 || hours[i] <= 0) continue;
    std::int64_t least = -1;
    for (auto c : cap) {
      if (hours[i] > c) continue;
      std::int64_t wc = 0;
      if (2 * hours[i] > c) {
        std::int64_t room = c - hours[i];  // both multiples of g
        wc = room - best[static_cast<std::size_t>(room / g)] * g;
      }
      if (least < 0 || wc < least) least = wc;
      if (least == 0) break;
    }
    w[i] = std::max<std::int64_t>(least, 0);
  }
  return w;
}

namespace {
SelectionData selection_data(const Selection& s) {
  SelectionData d;
  std::unordered_map<std::string, int> ix;
  for (std::size_t i = 0; i < s.items.size(); ++i) ix.emplace(s.items[i].id, static_cast<int>(i));
  for (const auto& it : s.items) {
    d.score.push_back(to_units(it.score, score_scale));
    d.hours.push_back(to_units(it.hours, hour_scale));
  }
  d.pooled = s.experts.empty();
  if (d.pooled) d.pool = to_units(*s.capacity_hours, hour_scale);
  for (const auto& e : s.experts) {
    d.cap.push_back(to_units(e.hours, hour_scale));
    d.pool += d.cap.back();
  }
  d.min_per = d.pooled ? 0 : s.min_items_per_expert;
  for (std::size_t i = 0; i < s.items.size(); ++i)
    for (const auto& n : s.items[i].requires_) d.requires_.push_back({static_cast<int>(i), ix.at(n)});
  return d;
}

/// The first reason the selection is impossible (before any search), or nothing.
std::optional<SelectionConflict> selection_conflict(const Selection& s, const SelectionData& d) {
  std::size_t n = s.items.size();
  std::vector<std::vector<int>> out(n);
  for (auto [a, b] : d.requires_) out[a].push_back(b);
  std::vector<char> in(n, 0);
  std::vector<int> st;
  for (std::size_t i = 0; i < n; ++i)
    if (s.items[i].mandatory) {
      in[i] = 1;
      st.push_back(static_cast<int>(i));
    }
  while (!st.empty()) {
    int a = st.back();
    st.pop_back();
    for (int b : out[a])
      if (!in[b]) {
        in[b] = 1;
        st.push_back(b);
      }
  }
  std::int64_t need = 0;
  std::vector<std::string> ids;
  double need_h = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (in[i]) {
      need += d.hours[i];
      need_h += s.items[i].hours;
      ids.push_back(s.items[i].id);
    }
  double cap_h = d.pooled ? *s.capacity_hours : 0;
  for (const auto& e : s.experts) cap_h += e.hours;
  if (need > d.pool) {
    SelectionConflict c;
    c.kind = "pinned_hours";
    c.items = ids;
    c.required_hours = need_h;
    c.capacity_hours = cap_h;
    c.message = "[E405] the mandatory processes (with the processes they require) need " + hours_text(need_h) +
                ", but the experts have " + hours_text(cap_h) + " in all";
    return c;
  }
  if (!d.pooled) {
    std::int64_t biggest = 0;
    for (auto c : d.cap) biggest = std::max(biggest, c);
    for (std::size_t i = 0; i < n; ++i)
      if (in[i] && d.hours[i] > biggest) {
        SelectionConflict c;
        c.kind = "pinned_too_large";
        c.items = {s.items[i].id};
        c.required_hours = s.items[i].hours;
        double bh = 0;
        for (const auto& e : s.experts) bh = std::max(bh, e.hours);
        c.capacity_hours = bh;
        c.message = "[E405] mandatory process " + q(s.items[i].id) + " needs " + hours_text(s.items[i].hours) +
                    ", more than any one expert has (at most " + hours_text(bh) +
                    "); a process is not split across experts";
        return c;
      }
    std::int64_t fitting = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (d.hours[i] <= biggest) ++fitting;
    std::int64_t needed = d.min_per * static_cast<std::int64_t>(d.cap.size());
    if (fitting < needed) {
      SelectionConflict c;
      c.kind = "too_few_items";
      c.message = "each of the " + std::to_string(d.cap.size()) + " experts must take at least " +
                  std::to_string(d.min_per) + " processes, but only " + std::to_string(fitting) +
                  " processes fit any expert";
      return c;
    }
    if (d.min_per > 0 && static_cast<std::size_t>(d.min_per) <= d.hours.size()) {  // (more: too_few_items above)
      // An expert takes min_per processes, so at least the min_per smallest ones' hours: an
      // expert with fewer hours can take nothing that counts (0 h with "at least one each").
      std::vector<std::int64_t> h(d.hours);
      std::sort(h.begin(), h.end());
      std::int64_t least = 0;
      double least_h = 0;
      std::vector<double> hh;
      for (const auto& it : s.items) hh.push_back(it.hours);
      std::sort(hh.begin(), hh.end());
      for (std::int64_t k = 0; k < d.min_per; ++k) {
        least += h[static_cast<std::size_t>(k)];
        least_h += hh[static_cast<std::size_t>(k)];
      }
      for (std::size_t e = 0; e < d.cap.size(); ++e)
        if (d.cap[e] < least) {
          SelectionConflict c;
          c.kind = "expert_too_small";
          c.items = {s.experts[e].id};
          c.required_hours = least_h;
          c.capacity_hours = s.experts[e].hours;
          c.message =
              "expert " + q(s.experts[e].id) + " has " + hours_text(s.experts[e].hours) + ", but must take at least " +
              std::to_string(d.min_per) + " process" + (d.min_per == 1 ? "" : "es") + " and the " +
              (d.min_per == 1 ? std::string("smallest needs ") : "smallest " + std::to_string(d.min_per) + " need ") +
              hours_text(least_h);
          return c;
        }
      // Hall's condition on nested sets: the j experts with the least hours together need
      // j × min_per processes that fit the j-th of them.
      std::vector<std::size_t> order(d.cap.size());
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d.cap[a] < d.cap[b]; });
      for (std::size_t j = 0; j < order.size(); ++j) {
        auto fit = static_cast<std::int64_t>(std::upper_bound(h.begin(), h.end(), d.cap[order[j]]) - h.begin());
        std::int64_t need_j = d.min_per * static_cast<std::int64_t>(j + 1);
        if (fit < need_j) {
          SelectionConflict c;
          c.kind = "too_few_items";
          std::string names;
          for (std::size_t k = 0; k <= j; ++k) {
            c.items.push_back(s.experts[order[k]].id);
            names += (k ? ", " : "") + q(s.experts[order[k]].id);
          }
          c.capacity_hours = s.experts[order[j]].hours;
          c.message = "experts " + names + " must take at least " + std::to_string(need_j) +
                      " processes together, but only " + std::to_string(fit) + " processes fit within " +
                      hours_text(s.experts[order[j]].hours);
          return c;
        }
      }
    }
  }
  return std::nullopt;
}

/// The bound and gap of a finished search (optimal: bound = total, gap 0; a limit: the search's
/// bound in score units) and what the top-N cut loses against the result.
void close_result(SelectionResult& r, std::int64_t bound) {
  if (r.status == SolveStatus::optimal) {
    r.bound = r.total_score;
    r.gap = 0;
  } else {
    r.bound = static_cast<double>(bound) / detail::score_scale;
    r.gap = std::max(0.0, r.bound - r.total_score);
  }
  r.top_n_cut.lost = r.total_score - r.top_n_cut.total_score;
}
}  // namespace

/// Why branch-and-price stopped, as the result says it (none when it did not stop).
StopReason stop_reason(BnpStop s) {
  switch (s) {
    case BnpStop::node_limit: return StopReason::node_limit;
    case BnpStop::time_limit: return StopReason::time_limit;
    case BnpStop::cancelled: return StopReason::cancelled;
    case BnpStop::none: break;
  }
  return StopReason::none;
}

}  // namespace detail

namespace {
SelectionResult select_impl(const Selection& s, const SolveOptions& o, bool allow_bnp) {
  if (detail::uses_old_names(s)) return select_impl(detail::with_current_names(s), o, allow_bnp);
  s.validate();
  o.validate();
  SelectionResult r;
  auto d = detail::selection_data(s);
  std::size_t n = s.items.size();
  r.hours_available = d.pooled ? *s.capacity_hours : 0;
  for (const auto& e : s.experts) r.hours_available += e.hours;

  // the top-N cut: ranking order (mandatory first, then score, then input order)
  std::vector<int> rank(n);
  std::iota(rank.begin(), rank.end(), 0);
  std::stable_sort(rank.begin(), rank.end(), [&](int a, int b) {
    if (s.items[a].mandatory != s.items[b].mandatory) return s.items[a].mandatory;
    return s.items[a].score > s.items[b].score;
  });
  // the first k of the ranking: 1 can be assigned (with `who`), 0 cannot, −1 unknown (the
  // check's node limit or the caller's time limit)
  if (o.progress) o.progress->scale.store(detail::score_scale, std::memory_order_relaxed);
  const std::atomic<bool>* cancel = o.progress ? &o.progress->counters.cancel : nullptr;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (o.time_limit > 0)
    deadline = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                      std::chrono::duration<double>(o.time_limit));
  auto prefix_check = [&](std::size_t k, std::vector<int>& items, std::vector<int>& who) -> int {
    items.assign(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(k));
    std::sort(items.begin(), items.end());
    who.clear();
    std::int64_t h = 0;
    for (int i : items) h += d.hours[i];
    if (h > d.pool) return 0;
    if (d.pooled) return 1;
    // a prefix may leave experts without their minimum: only the hours count for the cut,
    // the minimum per expert is checked on the optimum
    koers::detail::Packer p0(d.cap, 0);
    if (deadline) p0.set_deadline(*deadline);
    p0.set_cancel(cancel);
    return p0.feasible(items, d.hours, &who);
  };
  {
    TopNCut cut;
    std::vector<int> chosen, who;
    bool placed = false;
    if (s.top_n > 0) {
      std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(s.top_n), n);
      int ok = prefix_check(k, chosen, who);
      cut.feasible = ok == 1;
      placed = ok == 1;
      cut.n = static_cast<std::int64_t>(k);
    } else {
      // The longest prefix that can be assigned. A prefix that cannot be assigned has no longer
      // one that can (more processes, the same experts, no minimum), so a binary search over the
      // length decides it with O(log n) checks — first the longest prefix within the pooled hours
      // (the usual answer), then halving between a length that fits and one that does not.
      std::size_t hi = 0;  // the longest prefix within the pooled hours
      for (std::int64_t h = 0; hi < n && h + d.hours[rank[hi]] <= d.pool; ++hi) h += d.hours[rank[hi]];
      std::vector<int> items, w;
      std::size_t lo = 0;  // the empty prefix can always be assigned
      if (prefix_check(hi, items, w) == 1) {
        lo = hi;
        chosen = items;
        who = w;
      } else {
        while (hi - lo > 1) {
          std::size_t mid = lo + (hi - lo) / 2;
          if (prefix_check(mid, items, w) == 1) {
            lo = mid;
            chosen = items;
            who = w;
          } else
            hi = mid;
        }
      }
      placed = true;
      cut.n = static_cast<std::int64_t>(lo);
    }
    for (int i : chosen) {
      cut.selected.push_back(s.items[i].id);
      cut.total_score += s.items[i].score;
    }
    if (placed && !d.pooled) {
      for (const auto& e : s.experts) cut.assignment.push_back({e.id, {}});
      for (std::size_t k = 0; k < chosen.size(); ++k) cut.assignment[who[k]].second.push_back(s.items[chosen[k]].id);
    }
    r.top_n_cut = cut;
  }

  if (auto c = detail::selection_conflict(s, d)) {
    r.status = SolveStatus::infeasible;
    r.conflict = *c;
    r.top_n_cut.lost = 0;
    return r;
  }

  // From here on the capacities are the largest loads the process hours can make (exact, see
  // reachable_cap); the conflicts above and the result speak of the hours as given.
  {
    std::vector<std::pair<std::int64_t, std::int64_t>> memo;
    auto tight = [&](std::int64_t c) {
      for (auto [a, b] : memo)
        if (a == c) return b;
      std::int64_t t = detail::reachable_cap(c, d.hours);
      memo.push_back({c, t});
      return t;
    };
    if (d.pooled)
      d.pool = tight(d.pool);
    else {
      d.pool = 0;
      for (auto& c : d.cap) {
        c = tight(c);
        d.pool += c;
      }
    }
  }
  // Branch-and-price (selection_bnp.cpp; docs/solver.md, "Branch-and-price") where its model
  // holds and the branch-and-bound is weak: experts, no dependencies, at most one process per
  // expert required, at least 50 processes and irregular hours (at least half as many distinct
  // hours as processes: the bin-packing check of the branch-and-bound finds no equal sizes to
  // count). The uniqueness question is a second run that looks for another selection worth the
  // optimum. What it cannot settle goes to the branch-and-bound below.
  const auto t_start = std::chrono::steady_clock::now();
  std::int64_t bnp_nodes = 0;
  if (allow_bnp && !d.pooled && d.requires_.empty() && d.min_per <= 1 && n >= 50) {
    std::set<std::int64_t> sizes(d.hours.begin(), d.hours.end());
    detail::BnpProblem bp{.score = d.score,
                          .hours = d.hours,
                          .cap = d.cap,
                          .mandatory = {},
                          .min_per = d.min_per,
                          .at_least = {},
                          .other_than = {}};
    for (const auto& it : s.items) bp.mandatory.push_back(it.mandatory ? 1 : 0);
    if (2 * sizes.size() >= n && detail::bnp_applicable(bp)) {
      detail::BnpLimits lim{o.node_limit, deadline, o.progress ? &o.progress->counters : nullptr};
      auto br = detail::select_bnp(bp, lim);
      bnp_nodes = br.nodes;
      // the exact re-check of the answer: hours as given (milli-hours), the minimum, mandatory in
      bool ok = br.status != detail::BnpStatus::undecided && (br.found || br.status == detail::BnpStatus::limit);
      if (ok && br.found) {
        std::vector<std::int64_t> load(s.experts.size(), 0), cnt(s.experts.size(), 0);
        std::int64_t v = 0;
        for (std::size_t i = 0; i < n; ++i) {
          int e = br.who[i];
          if (e < 0) {
            ok = ok && !s.items[i].mandatory;
            continue;
          }
          load[static_cast<std::size_t>(e)] += d.hours[i];
          ++cnt[static_cast<std::size_t>(e)];
          v += d.score[i];
        }
        for (std::size_t e = 0; e < s.experts.size(); ++e)
          ok = ok && load[e] <= detail::to_units(s.experts[e].hours, detail::hour_scale) && cnt[e] >= d.min_per;
        ok = ok && v == br.value;
      }
      if (ok) {
        r.status = br.status == detail::BnpStatus::optimal ? SolveStatus::optimal : SolveStatus::limit;
        r.stats.nodes = br.nodes;
        r.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();
        r.stats.stopped_by = detail::stop_reason(br.stopped_by);
        if (br.found) {
          for (const auto& e : s.experts) r.assignment.push_back({e.id, {}});
          for (std::size_t i = 0; i < n; ++i)
            if (br.who[i] >= 0) {
              r.selected.push_back(s.items[i].id);
              r.total_score += s.items[i].score;
              r.hours_used += s.items[i].hours;
              r.assignment[static_cast<std::size_t>(br.who[i])].second.push_back(s.items[i].id);
            }
        }
        r.unique = false;
        if (o.check_unique && br.found && br.status == detail::BnpStatus::optimal) {
          // another selection worth the optimum? (the rest of the limits; none found: unique)
          detail::BnpProblem tp = bp;
          tp.at_least = br.value;
          tp.other_than.assign(n, 0);
          for (std::size_t i = 0; i < n; ++i) tp.other_than[i] = br.who[i] >= 0 ? 1 : 0;
          detail::BnpLimits tl = lim;
          if (tl.node_limit > 0) tl.node_limit = std::max<std::int64_t>(1, tl.node_limit - br.nodes);
          tl.nodes_before = br.nodes;
          auto tr = detail::select_bnp(tp, tl);
          r.stats.nodes += tr.nodes;
          r.unique = tr.status == detail::BnpStatus::optimal && !tr.found;
          if (tr.status == detail::BnpStatus::optimal && tr.found)  // the witness, checked by the run
            for (std::size_t i = 0; i < n; ++i)
              if (tr.who[i] >= 0) r.alternative.push_back(s.items[i].id);
          // a limit during the question leaves the optimum proven and `unique` false (not proven),
          // as in the branch-and-bound
          if (tr.status == detail::BnpStatus::limit) r.stats.stopped_by = detail::stop_reason(tr.stopped_by);
          r.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();
        }
        detail::close_result(r, br.bound);
        return r;
      }
    }
  }
  // the check at the search's leaves is short (20,000 nodes: the heuristics settle most
  // selections); what it leaves undecided is asked again after the search with the full
  // budget (2 million nodes), best value first, only while it could still matter
  koers::detail::Packer packer(d.cap, d.min_per, 20000), packer_full(d.cap, d.min_per);
  if (deadline) {
    packer.set_deadline(*deadline);
    packer_full.set_deadline(*deadline);
  }
  packer.set_cancel(cancel);
  packer_full.set_cancel(cancel);
  // the assignments found for the best selections accepted so far (the result's assignment is
  // one of them; the check is not run again, so a time limit cannot lose it)
  std::int64_t kept_value = std::numeric_limits<std::int64_t>::min();
  std::vector<std::pair<std::vector<int>, std::vector<int>>> kept;
  auto keep = [&](const std::vector<int>& items, const std::vector<int>& who) {
    std::int64_t v = 0;
    for (int i : items) v += d.score[i];
    if (v < kept_value) return;
    if (v > kept_value) {
      kept.clear();
      kept_value = v;
    }
    kept.push_back({items, who});
  };
  auto check_with = [&](koers::detail::Packer& p, const std::vector<signed char>& x) -> int {
    std::vector<int> items, who;
    for (std::size_t i = 0; i < n; ++i)
      if (x[i] == 1) items.push_back(static_cast<int>(i));
    int res = p.feasible(items, d.hours, &who);
    if (res == 1) keep(items, who);
    return res;
  };
  auto pack = [&](const std::vector<signed char>& x) -> int { return d.pooled ? 1 : check_with(packer, x); };
  auto fill_assignment = [&](const std::vector<int>& items,
                             std::vector<std::pair<std::string, std::vector<std::string>>>& out) {
    out.clear();
    if (d.pooled) return true;
    std::vector<int> who;
    for (const auto& [its, w] : kept)
      if (its == items) {
        who = w;
        break;
      }
    if (who.size() != items.size()) {
      koers::detail::Packer again(d.cap, d.min_per);  // not reached in practice: kept has it
      if (again.feasible(items, d.hours, &who) != 1) return false;
    }
    for (const auto& e : s.experts) out.push_back({e.id, {}});
    for (std::size_t k = 0; k < items.size(); ++k) out[who[k]].second.push_back(s.items[items[k]].id);
    return true;
  };

  koers::detail::BnbModel m;
  m.n = static_cast<int>(n);
  m.value = d.score;
  m.n_res = 1;
  m.res.assign(n, 0);
  m.cost = d.hours;
  m.cap = {d.pool};
  m.fix.assign(n, -1);
  std::int64_t biggest = d.pool;
  if (!d.pooled) {
    biggest = 0;
    for (auto c : d.cap) biggest = std::max(biggest, c);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (s.items[i].mandatory)
      m.fix[i] = 1;
    else if (d.hours[i] > biggest)
      m.fix[i] = 0;
  }
  // the pooled capacity charges a process the hours its expert cannot use beside it (exact: see
  // process_waste); the assignment check and the result use the hours themselves
  if (!d.pooled) {
    auto w = detail::process_waste(d.cap, d.hours, m.fix);
    for (std::size_t i = 0; i < n; ++i) m.cost[i] = d.hours[i] + w[i];
  }
  m.requires_ = d.requires_;
  m.min_count = d.min_per * static_cast<std::int64_t>(d.cap.size());
  if (!d.pooled) {
    m.accept = pack;
    m.accept_again = [&](const std::vector<signed char>& x) -> int { return check_with(packer_full, x); };
  }
  // Incumbents for the search: a selection the assignment check refused is rewritten into one
  // with an explicit assignment — its processes best-fit by hours (largest first, mandatory ones
  // before the rest; what fits nowhere is left out, with what requires it), then the processes of
  // best score per hour that fit a gap, then the minimum per expert by moving or adding small
  // processes. Only a selection whose assignment meets every expert's hours and minimum is
  // returned; the core checks it against the model again.
  std::vector<int> by_size(n), by_ratio;
  std::vector<char> in_dep(n, 0);
  for (auto [a, b2] : d.requires_) in_dep[a] = in_dep[b2] = 1;
  if (!d.pooled) {
    std::iota(by_size.begin(), by_size.end(), 0);
    std::stable_sort(by_size.begin(), by_size.end(), [&](int a, int b2) { return d.hours[a] > d.hours[b2]; });
    for (std::size_t i = 0; i < n; ++i)
      if (!in_dep[i] && m.fix[i] == -1 && d.score[i] > 0) by_ratio.push_back(static_cast<int>(i));
    std::stable_sort(by_ratio.begin(), by_ratio.end(), [&](int a, int b2) {
      using koers::detail::i128;
      return i128(d.score[a]) * i128(std::max<std::int64_t>(d.hours[b2], 1)) >
             i128(d.score[b2]) * i128(std::max<std::int64_t>(d.hours[a], 1));
    });
    m.repair = [&, E = d.cap.size()](std::vector<signed char>& x) -> bool {
      std::vector<std::int64_t> rem = d.cap, cnt(E, 0);
      std::vector<int> who(n, -1);
      auto place = [&](int i) {
        int best = -1;
        for (std::size_t e = 0; e < E; ++e)
          if (rem[e] >= d.hours[i] && (best < 0 || rem[e] < rem[best])) best = static_cast<int>(e);
        if (best < 0) return false;
        who[i] = best;
        rem[best] -= d.hours[i];
        ++cnt[best];
        return true;
      };
      auto drop = [&](int i) {
        if (who[i] >= 0) {
          rem[who[i]] += d.hours[i];
          --cnt[who[i]];
          who[i] = -1;
        }
        x[i] = 0;
      };
      for (int pass = 0; pass < 2; ++pass)
        for (int i : by_size) {
          if (x[i] != 1 || s.items[i].mandatory != (pass == 0)) continue;
          if (!place(i)) {
            if (s.items[i].mandatory) return false;
            x[i] = 0;
          }
        }
      for (bool changed = true; changed;) {
        changed = false;
        for (auto [a, b2] : d.requires_)
          if (x[a] == 1 && x[b2] != 1) {
            if (s.items[a].mandatory) return false;
            drop(a);
            changed = true;
          }
      }
      for (int i : by_ratio)
        if (x[i] != 1 && place(i)) x[i] = 1;
      for (std::size_t e = 0; e < E; ++e)
        while (cnt[e] < d.min_per) {
          int pick = -1;  // the smallest process that can move here from an expert above the minimum
          for (auto it = by_size.rbegin(); it != by_size.rend(); ++it) {
            int t = *it;
            if (x[t] == 1 && who[t] >= 0 && who[t] != static_cast<int>(e) && cnt[who[t]] > d.min_per &&
                d.hours[t] <= rem[e]) {
              pick = t;
              break;
            }
          }
          if (pick >= 0) {
            drop(pick);
          } else {  // or the smallest process not selected that fits
            for (auto it = by_size.rbegin(); it != by_size.rend(); ++it) {
              int t = *it;
              if (x[t] != 1 && !in_dep[t] && m.fix[t] == -1 && d.hours[t] <= rem[e]) {
                pick = t;
                break;
              }
            }
            if (pick < 0) return false;
          }
          x[pick] = 1;
          who[pick] = static_cast<int>(e);
          rem[e] -= d.hours[pick];
          ++cnt[e];
        }
      for (std::size_t e = 0; e < E; ++e)
        if (rem[e] < 0 || cnt[e] < d.min_per) return false;
      std::vector<int> items, w;
      for (std::size_t i = 0; i < n; ++i)
        if (x[i] == 1) {
          if (who[i] < 0) return false;
          items.push_back(static_cast<int>(i));
          w.push_back(who[i]);
        }
      keep(items, w);
      return true;
    };
  }
  auto bo = detail::bnb_options(o);
  if (bnp_nodes > 0) {  // what branch-and-price left: the rest of the caller's limits
    if (bo.node_limit > 0) bo.node_limit = std::max<std::int64_t>(1, bo.node_limit - bnp_nodes);
    if (deadline)
      bo.time_limit =
          std::max(1e-3, std::chrono::duration<double>(*deadline - std::chrono::steady_clock::now()).count());
  }
  // Dominance (experts only; the pooled knapsack is solved by stream decomposition): processes
  // outside every dependency, grouped by hours, each class by score (descending, then input
  // order). Process j may be selected only if process i is, when i has no more hours and
  //  (a) more score: swapping i in for j (same expert) would raise the score, so no optimum
  //      breaks the rule — uniqueness is untouched;
  //  (b) the same hours and score and comes first in its class: an optimum that breaks the rule
  //      becomes one that keeps it by swapping twins; afterwards a class of twins that is partly
  //      selected means the optimum is not unique;
  //  (c) without the uniqueness question: the same score and fewer hours (an optimum stays).
  // Mandatory processes are always in: they need nothing, and nothing needs them.
  std::vector<std::vector<int>> twin_classes;
  if (!d.pooled) {
    std::vector<char> dep(n, 0);
    for (auto [a, b2] : d.requires_) dep[a] = dep[b2] = 1;
    std::vector<int> el;
    for (std::size_t i = 0; i < n; ++i)
      if (!dep[i] && m.fix[i] != 0) el.push_back(static_cast<int>(i));
    std::stable_sort(el.begin(), el.end(), [&](int a, int b2) {
      if (d.hours[a] != d.hours[b2]) return d.hours[a] < d.hours[b2];
      return d.score[a] > d.score[b2];
    });
    std::vector<std::vector<int>> cls;  // by hours ascending; within: score descending, input order
    for (std::size_t k = 0; k < el.size(); ++k) {
      if (k == 0 || d.hours[el[k]] != d.hours[el[k - 1]]) cls.push_back({});
      cls.back().push_back(el[k]);
    }
    const bool ties = bo.find_ties;
    constexpr std::size_t max_classes = 24;  // edges per process (any subset of the rules is exact)
    for (std::size_t c = 0; c < cls.size(); ++c) {
      const auto& C = cls[c];
      for (std::size_t k = 0; k < C.size(); ++k) {
        int j = C[k];
        if (s.items[j].mandatory) continue;
        // (a)/(b) in the class: the nearest earlier process that is not mandatory
        for (std::size_t t = k; t-- > 0;)
          if (!s.items[C[t]].mandatory) {
            m.implies.push_back({j, C[t]});
            break;
          }
        // (a)/(c) in classes of fewer hours: the weakest process there that dominates j
        for (std::size_t c2 = c, used = 0; c2-- > 0 && used < max_classes;) {
          const auto& D2 = cls[c2];
          // prefix of D2 with score > score_j (or ≥ without ties)
          std::size_t lo = 0, hi = D2.size();
          while (lo < hi) {
            std::size_t mid = (lo + hi) / 2;
            bool dom = ties ? d.score[D2[mid]] > d.score[j] : d.score[D2[mid]] >= d.score[j];
            if (dom)
              lo = mid + 1;
            else
              hi = mid;
          }
          for (std::size_t t = lo; t-- > 0;)
            if (!s.items[D2[t]].mandatory) {
              m.implies.push_back({j, D2[t]});
              ++used;
              break;
            }
        }
      }
      // twins for the uniqueness check: equal score in the class, not mandatory
      for (std::size_t k = 0; k < C.size();) {
        std::size_t e = k;
        std::vector<int> tw;
        while (e < C.size() && d.score[C[e]] == d.score[C[k]]) {
          if (!s.items[C[e]].mandatory) tw.push_back(C[e]);
          ++e;
        }
        if (tw.size() > 1) twin_classes.push_back(tw);
        k = e;
      }
    }
  }
  auto b = koers::detail::solve_bnb(m, bo);
  r.stats.nodes = b.nodes + bnp_nodes;
  r.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();
  r.stats.fixed_at_root = b.fixed_at_root;
  r.stats.stopped_by = detail::stop_reason(b.stopped_by);
  if (b.status == koers::detail::BnbStatus::infeasible) {
    r.status = SolveStatus::infeasible;
    SelectionConflict c;
    c.kind = "no_assignment";
    c.required_hours = 0;
    c.capacity_hours = r.hours_available;
    c.message = "no selection can be assigned so that every expert takes at least " + std::to_string(d.min_per) +
                " processes within the hours (with every mandatory process in)";
    r.conflict = c;
    return r;
  }
  r.status = b.status == koers::detail::BnbStatus::optimal ? SolveStatus::optimal : SolveStatus::limit;
  std::vector<int> items;
  if (b.found) {
    for (std::size_t i = 0; i < n; ++i)
      if (b.x[i] == 1) {
        items.push_back(static_cast<int>(i));
        r.selected.push_back(s.items[i].id);
        r.total_score += s.items[i].score;
        r.hours_used += s.items[i].hours;
      }
    fill_assignment(items, r.assignment);
  }
  r.unique = b.unique;
  if (r.unique && b.found)
    for (const auto& tw : twin_classes) {
      int in = 0;
      for (int i : tw) in += b.x[i] == 1;
      if (in > 0 && in < static_cast<int>(tw.size())) {
        r.unique = false;
        // the witness: a selected twin swapped for one that is not (same hours, same score)
        auto alt = b.x;
        int out = -1, other = -1;
        for (int i : tw) {
          if (b.x[i] == 1 && out < 0) out = i;
          if (b.x[i] != 1 && other < 0) other = i;
        }
        alt[out] = 0;
        alt[other] = 1;
        for (std::size_t i = 0; i < n; ++i)
          if (alt[i] == 1) r.alternative.push_back(s.items[i].id);
        break;
      }
    }
  // the search's own tie (experts: its assignment checked here, as the incumbent's is)
  if (!r.unique && r.status == SolveStatus::optimal && b.found && r.alternative.empty() && b.alt.size() == n) {
    bool ok = b.alt != b.x;
    std::int64_t v = 0, h = 0;
    std::vector<int> alt_items;
    for (std::size_t i = 0; i < n && ok; ++i) {
      if (b.alt[i] == 1) {
        alt_items.push_back(static_cast<int>(i));
        v += d.score[i];
        h += d.hours[i];
      } else if (s.items[i].mandatory)
        ok = false;
    }
    for (auto [a, b2] : d.requires_) ok = ok && (b.alt[a] != 1 || b.alt[b2] == 1);
    ok = ok && v == b.value;
    if (ok) ok = d.pooled ? h <= d.pool : packer_full.feasible(alt_items, d.hours) == 1;
    if (ok)
      for (int i : alt_items) r.alternative.push_back(s.items[i].id);
  }
  detail::close_result(r, b.bound);
  return r;
}
}  // namespace

SelectionResult select(const Selection& s, const SolveOptions& o) { return select_impl(s, o, true); }

SelectionResult detail::select_bnb_only(const Selection& s, const SolveOptions& o) { return select_impl(s, o, false); }

}  // namespace koers::budget
