#pragma once
/// \file
/// The one exact solver core of koers: depth-first branch-and-bound over 0/1 choices with
/// side constraints, in exact integer arithmetic. Internal (namespace koers::detail); the
/// public faces are koers::budget::optimise / curve (portfolio.hpp) and koers::budget::select
/// (selection.hpp). The algorithm is described in docs/solver.md.
///
/// Model (BnbModel): n items x_i ∈ {0,1};
///  - each item uses `cost[i] ≥ 0` of one resource `res[i]` (−1: none); Σ cost ≤ cap[r];
///  - objective additive (Σ value[i] x_i) or coverage (Σ weight[g] over goals g with at least one
///    selected item covering it); all int64;
///  - groups Σ_{i∈G} x_i ≤ max_G; implications x_a ≤ x_b ("a requires b"); fixed items;
///  - Σ x_i ≥ min_count; an optional leaf oracle `accept(x)` (the selection's assignment check).
///
/// Bounds. Every bound is a Lagrangian bound in integer units of 1/D: the constraints that
/// couple items — "goal g counts only if covered" (coverage), "a requires b", "at most k of a
/// group" — are dualised with multipliers u_g ∈ [0, D·w_g], μ_p ≥ 0, μ_G ≥ 0, which leaves one
/// knapsack per resource with item values
///     additive: D·value_i + adj_i          coverage: Σ_{open g ∋ i} u_g + adj_i
///     adj_i = Σ_{p=(a,i)} μ_p − Σ_{p=(i,b)} μ_p − Σ_{G ∋ i} μ_G,
/// plus the constant D·value(selected) + Σ_{selected} adj + Σ_G μ_G·max_G (+ Σ_{open, coverable g}
/// (D·w_g − u_g) for coverage), less the multipliers of constraints already decided. Each
/// resource's LP knapsack is bounded by its dual λ·cap + Σ max(0, v_i − λ·a_i) — valid for any
/// λ ≥ 0, equal to the Dantzig bound at the break ratio — and floored (the Lagrangian value of an
/// integral selection within one resource is an integer). The multipliers are optimised at the
/// root by projected subgradient; two sets are kept: (A) everything dualised, (B) only the
/// coverage multipliers (μ = 0); a node is pruned when either bound proves it useless.
/// Reduced-cost fixing at the root with the LP duals; propagation of requires/groups/capacities;
/// branching "include first" on the free item of best Lagrangian ratio (Horowitz–Sahni).
/// Uniqueness: while no second optimal selection is known, subtrees are pruned only when their
/// bound is strictly below the incumbent (ties are explored); a different complete selection of
/// the same value is a witness of non-uniqueness, after which pruning becomes ≤ incumbent.
#include <koers/detail/int128.hpp>
#include <koers/detail/progress.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <vector>

namespace koers::detail {

struct BnbModel {
  int n = 0;
  bool coverage = false;
  std::vector<std::int64_t> value;       ///< additive objective per item
  std::vector<std::vector<int>> covers;  ///< coverage: goal indices per item (no repeats)
  std::vector<std::int64_t> weight;      ///< coverage: goal weights (≥ 0)
  int n_res = 0;
  std::vector<int> res;                  ///< resource per item, −1 none
  std::vector<std::int64_t> cost;        ///< ≥ 0
  std::vector<std::int64_t> cap;         ///< per resource
  std::vector<std::vector<int>> groups;  ///< item indices (no repeats)
  std::vector<std::int64_t> group_max;
  std::vector<std::pair<int, int>> requires_;  ///< (a, b): a requires b
  /// (a, b): x_a ≤ x_b as well, but only propagated (neither dualised nor a coupling): for
  /// dominance rules that keep at least one optimal selection (the selection's "a process of
  /// more score and no more hours goes first"). Not with stream decomposition (the pooled
  /// knapsack search of resources ignores them — which stays exact, only less pruned).
  std::vector<std::pair<int, int>> implies;
  std::vector<signed char> fix;  ///< per item: −1 free, 0, 1 (empty: all free)
  std::int64_t min_count = 0;
  /// Leaf oracle: 1 accept, 0 reject, −1 unknown (its own limit: the result is not a proof).
  std::function<int(const std::vector<signed char>&)> accept;
  /// Optional (additive objective only): given a complete selection the oracle did not accept,
  /// rewrite it into one it would accept (true) — a heuristic for incumbents. The solver checks
  /// the rewritten selection against the model (fixed items, capacities, requires, groups,
  /// min_count) before it records it; `accept` is not asked again, so a repair must only return
  /// selections that the oracle accepts.
  std::function<bool(std::vector<signed char>&)> repair;
  /// Optional: a slower, stronger oracle for the completions `accept` left undecided (−1). They
  /// are kept during the search and asked again after it, best value first, each while it could
  /// still beat (or, for uniqueness, tie) the incumbent — so one hard completion does not hold
  /// up the search, and most never need the long check.
  std::function<int(const std::vector<signed char>&)> accept_again;
};

struct BnbOptions {
  std::int64_t node_limit = 0;  ///< 0 none
  double time_limit = 0;        ///< seconds, 0 none
  bool find_ties = true;        ///< decide uniqueness
  /// Only selections of value > *target count (the result is "infeasible" when none exists).
  std::optional<std::int64_t> target;
  /// Additive with groups/requires: node budget of the first search phase (see
  /// search_with_restarts; tests set it small to exercise the restarts).
  std::int64_t restart_nodes = 100000;
  /// Optional: nodes and the incumbent for an observer thread; its `cancel` stops the search as
  /// a limit does (status limit, valid bound).
  SearchCounters* progress = nullptr;
};

enum class BnbStatus { optimal, infeasible, limit };
/// Why a search ended at `limit`: a user limit, the observer's cancel, or a completion the leaf
/// oracle left undecided (its own budget) that could still beat the incumbent.
enum class BnbStop { none, node_limit, time_limit, cancelled, undecided };

struct BnbResult {
  BnbStatus status = BnbStatus::infeasible;
  bool found = false;
  std::int64_t value = 0;
  std::vector<signed char> x;
  std::int64_t bound = 0;  ///< valid upper bound on the optimum (meaningful when found or limit)
  bool unique = false;
  std::vector<signed char> alt;  ///< another optimal selection (when !unique and one was found)
  std::int64_t nodes = 0;
  std::int64_t fixed_at_root = 0;
  double seconds = 0;
  BnbStop stopped_by = BnbStop::none;  ///< why the status is limit (none otherwise)
};

namespace bnb_impl {

inline std::int64_t floor_div(i128 a, i128 b) {  // b > 0
  i128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  if (q > std::numeric_limits<std::int64_t>::max()) return std::numeric_limits<std::int64_t>::max();
  if (q < std::numeric_limits<std::int64_t>::min()) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(q);
}

/// std::llround(x) (half away from zero), inline for 0 ≤ x < 2^63 — the subgradient rounds
/// every multiplier each iteration, and the library call dominated it. Exact: trunc(x) is a
/// double, and x − trunc(x) is computed without rounding.
inline std::int64_t round_half_away(double x) {
  if (x >= 0 && x < 9.2e18) {
    auto i = static_cast<std::int64_t>(x);
    return x - static_cast<double>(i) >= 0.5 ? i + 1 : i;
  }
  return std::llround(x);
}

// exact ratio order: a before b when v_a/c_a > v_b/c_b (cost 0 = infinite ratio)
inline bool ratio_greater(i128 va, i128 ca, i128 vb, i128 cb) { return va * cb > vb * ca; }

/// One set of Lagrangian multipliers with what depends on it.
struct Lag {
  std::vector<std::int64_t> u;           // coverage multipliers (D units), u_g ∈ [0, W_g]
  std::vector<std::int64_t> mreq, mgrp;  // μ per requires pair, per group
  std::vector<std::int64_t> adj;         // per item
  std::vector<std::int64_t> val;         // item values (additive: static; coverage: per node)
  i128 C = 0;                            // Σ μ_G·max_G
  i128 ladj = 0;                         // Σ adj over selected items (kept by assign/undo)
  std::vector<std::vector<int>> ord;     // additive: per resource, items of value > 0 by ratio
  std::vector<i128> ln, ld;              // per resource λ = ln/ld (coverage: last exact)
  bool has_mu = false;
};

class Solver {
 public:
  static constexpr std::int64_t NEG = std::numeric_limits<std::int64_t>::min() / 4;

  Solver(const BnbModel& m, const BnbOptions& o) : m_(m), o_(o) {}

  BnbResult run() {
    start_ = std::chrono::steady_clock::now();
    BnbResult r = solve();
    r.nodes = nodes_;
    r.fixed_at_root = fixed_root_;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    return r;
  }

 private:
  const BnbModel& m_;
  BnbOptions o_;
  std::chrono::steady_clock::time_point start_;
  int n_ = 0;
  // structure
  std::vector<std::vector<int>> requires_out_, requires_in_, item_groups_, goal_items_;
  std::vector<std::vector<int>> all_res_;  // per resource: root-free items
  std::vector<int> nores_;                 // root-free items without a resource
  std::vector<int> free_list_;             // root-free items
  std::vector<int> gord_;                  // additive branching order
  std::int64_t D_ = 1;
  std::vector<std::int64_t> W_;  // D·weight
  Lag lag_[2];                   // A: all multipliers; B: coverage only
  int nlag_ = 1;
  // state
  std::vector<signed char> x_;
  std::vector<int> trail_;
  std::vector<std::int64_t> rem_, gcount_, gfree_;
  std::vector<int> covcnt_, freecov_;
  std::int64_t val_ = 0, nsel_ = 0, nfree_ = 0;
  // search
  bool have_ = false;
  std::int64_t best_ = NEG;
  std::vector<signed char> xbest_, alt_;
  bool tie_ = false, aborted_ = false, unproven_ = false, root_infeasible_ = false;
  std::int64_t unproven_val_ = NEG, open_bound_ = NEG;
  std::int64_t nodes_ = 0, fixed_root_ = 0;
  std::vector<std::pair<double, int>> buf_;
  std::vector<std::pair<int, signed char>> queue_;  // assign(): the propagation queue, reused
  // The node while its multipliers are optimised (x_ stays as it is during optimise()): what
  // lagrangian() and the subgradient read, without re-testing x_, covcnt_ and rem_ each time.
  // Every list keeps the order of the structure it filters, so sums and sorts see the items in
  // the same order as the general code (bound_of) does.
  struct Frozen {
    std::vector<int> open;                         // goals open and coverable (covcnt 0, freecov > 0), ascending
    std::vector<int> open_off, open_items;         // per open goal: its free items (goal_items_ order)
    std::vector<int> items, item_off, item_goals;  // free items of free_list_: their uncovered goals
    std::vector<int> sel;                          // selected items
    std::vector<int> nores;                        // free items without a resource (nores_ order)
    std::vector<std::vector<int>> res;             // per resource: free items that fit (all_res_ order)
  } fz_;
  // stream decomposition (additive): once every item of a group or requires pair is decided, the
  // free items only share their own resource, and each resource is solved on its own
  std::vector<char> coupling_;
  std::int64_t free_coupling_ = 0;
  bool separable_ok_ = false;
  std::vector<std::vector<int>> pord_, zero_;  // per resource: value > 0 by ratio; value == 0

  // ---- thresholds ---------------------------------------------------------------
  std::int64_t need() const {
    if (!have_) return o_.target ? *o_.target + 1 : NEG;
    return (o_.find_ties && !tie_ && !o_.target) ? best_ : best_ + 1;
  }

  // ---- propagation ----------------------------------------------------------------
  bool assign(int i, signed char v) {
    auto& q = queue_;
    q.clear();
    q.push_back({i, v});
    while (!q.empty()) {
      auto [j, b] = q.back();
      q.pop_back();
      if (x_[j] == b) continue;
      if (x_[j] != -1) return false;
      x_[j] = b;
      trail_.push_back(j);
      --nfree_;
      if (coupling_[j]) --free_coupling_;
      if (m_.coverage)
        for (int g : m_.covers[j]) --freecov_[g];
      for (int g : item_groups_[j]) --gfree_[g];
      if (b == 1) {
        // complete the bookkeeping first (undo reverses all of it), then check
        ++nsel_;
        for (int k = 0; k < nlag_; ++k) lag_[k].ladj += lag_[k].adj[j];
        if (m_.res[j] >= 0) rem_[m_.res[j]] -= m_.cost[j];
        if (m_.coverage) {
          for (int g : m_.covers[j])
            if (covcnt_[g]++ == 0) val_ += m_.weight[g];
        } else {
          val_ += m_.value[j];
        }
        for (int g : item_groups_[j]) ++gcount_[g];
        if (m_.res[j] >= 0 && rem_[m_.res[j]] < 0) return false;
        for (int g : item_groups_[j]) {
          if (gcount_[g] > m_.group_max[g]) return false;
          if (gcount_[g] == m_.group_max[g])
            for (int k : m_.groups[g])
              if (x_[k] == -1) q.push_back({k, 0});
        }
        for (int k : requires_out_[j]) {
          if (x_[k] == 0) return false;
          if (x_[k] == -1) q.push_back({k, 1});
        }
      } else {
        for (int k : requires_in_[j]) {
          if (x_[k] == 1) return false;
          if (x_[k] == -1) q.push_back({k, 0});
        }
      }
    }
    return true;
  }

  void undo(std::size_t mark) {
    while (trail_.size() > mark) {
      int j = trail_.back();
      trail_.pop_back();
      signed char b = x_[j];
      x_[j] = -1;
      ++nfree_;
      if (coupling_[j]) ++free_coupling_;
      if (m_.coverage)
        for (int g : m_.covers[j]) ++freecov_[g];
      for (int g : item_groups_[j]) ++gfree_[g];
      if (b == 1) {
        --nsel_;
        for (int k = 0; k < nlag_; ++k) lag_[k].ladj -= lag_[k].adj[j];
        if (m_.res[j] >= 0) rem_[m_.res[j]] += m_.cost[j];
        if (m_.coverage) {
          for (int g : m_.covers[j])
            if (--covcnt_[g] == 0) val_ -= m_.weight[g];
        } else {
          val_ -= m_.value[j];
        }
        for (int g : item_groups_[j]) --gcount_[g];
      }
    }
  }

  // ---- bounds -----------------------------------------------------------------------
  void coverage_values(Lag& L) {
    for (int i : free_list_) {
      if (x_[i] != -1) continue;
      std::int64_t v = L.adj[i];
      for (int g : m_.covers[i])
        if (covcnt_[g] == 0) v += L.u[g];
      L.val[i] = v;
    }
  }

  // constant part of the bound at this node (units 1/D)
  i128 node_const(const Lag& L) const {
    i128 c = static_cast<i128>(val_) * D_ + L.ladj + L.C;
    if (m_.coverage)
      for (std::size_t g = 0; g < W_.size(); ++g)
        if (covcnt_[g] == 0 && freecov_[g] > 0) c += W_[g] - L.u[g];
    for (int i : nores_)
      if (x_[i] == -1 && L.val[i] > 0) c += L.val[i];
    if (L.has_mu) c += node_const_mu(L);
    return c;
  }
  // decided constraints: their multiplier terms are constants ≥ 0 that bound nothing (≤ 0)
  i128 node_const_mu(const Lag& L) const {
    i128 c = 0;
    for (std::size_t q = 0; q < m_.groups.size(); ++q)
      if (gfree_[q] == 0 && L.mgrp[q] > 0) c -= static_cast<i128>(L.mgrp[q]) * (m_.group_max[q] - gcount_[q]);
    for (std::size_t p = 0; p < m_.requires_.size(); ++p) {
      auto [a, b] = m_.requires_[p];
      if (L.mreq[p] > 0 && x_[a] != -1 && x_[b] != -1) c -= static_cast<i128>(L.mreq[p]) * (x_[b] - x_[a]);
    }
    return c;
  }

  // additive: exact Dantzig bound of resource r (static order); λ = break ratio
  i128 dantzig(const Lag& L, int r, i128* ln = nullptr, i128* ld = nullptr) const {
    std::int64_t cap = rem_[r];
    i128 sum = 0;
    for (int i : L.ord[r]) {
      if (x_[i] != -1) continue;
      std::int64_t c = m_.cost[i];
      if (c > rem_[r]) continue;  // cannot be in any completion
      if (c <= cap) {
        cap -= c;
        sum += L.val[i];
      } else {
        if (ln) {
          *ln = L.val[i];
          *ld = c;
        }
        return floor_div(sum * c + static_cast<i128>(L.val[i]) * cap, c);
      }
    }
    if (ln) {
      *ln = 0;
      *ld = 1;
    }
    return sum;
  }

  // dual bound of resource r with λ = ln/ld: (ln·cap + Σ max(0, v·ld − ln·a)) / ld, floored
  i128 dual_r(const Lag& L, int r, i128 ln, i128 ld) const {
    i128 s = ln * rem_[r];
    for (int i : all_res_[r]) {
      if (x_[i] != -1 || L.val[i] <= 0) continue;
      if (m_.cost[i] > rem_[r]) continue;
      i128 t = static_cast<i128>(L.val[i]) * ld - ln * m_.cost[i];
      if (t > 0) s += t;
    }
    return floor_div(s, ld);
  }

  // exact LP λ of resource r on current values (items sorted into buf_); returns the bound
  // With `xs` (the subgradient's use): also the LP solution into xs, and the return value is the
  // Dantzig value of the scan (only steers the subgradient; every bound used to cut a node or
  // fix an item is the exact dual bound dual_r).
  i128 exact_r(Lag& L, int r, std::vector<double>* xs = nullptr) { return exact_r(L, r, xs, all_res_[r]); }
  // the same over `items` ⊇ the free items of r that fit (in all_res_ order: the same buf_)
  i128 exact_r(Lag& L, int r, std::vector<double>* xs, const std::vector<int>& items) {
    buf_.clear();
    for (int i : items) {
      if (x_[i] != -1 || L.val[i] <= 0) continue;
      if (m_.cost[i] > rem_[r]) continue;
      double key = m_.cost[i] == 0 ? 1e300 : static_cast<double>(L.val[i]) / static_cast<double>(m_.cost[i]);
      buf_.push_back({key, i});
    }
    // The break item of the Dantzig order without sorting everything (linear expected time):
    // halve the candidate range [lo, hi) with nth_element; a leading half that fits is taken
    // whole. Afterwards buf_ is: [0, lo) all in (unsorted), [lo, hi) sorted, [hi, end) out —
    // the same prefix scan as a full sort gives (lagrangian() reads buf_ that way).
    auto greater = [](const std::pair<double, int>& a, const std::pair<double, int>& b) { return a.first > b.first; };
    {
      std::size_t lo = 0, hi = buf_.size();
      std::int64_t c = rem_[r];
      if (L.ln[r] > 0 && hi > 64) {
        // warm start: the break ratio moves little between calls — one three-way pass around
        // the previous one ([0, a) above the window, [a, b) in it, [b, end) below)
        double kp = static_cast<double>(L.ln[r]) / static_cast<double>(L.ld[r]);
        double khi = kp * 1.02, klo = kp * 0.98;
        std::size_t a = 0, b = 0, e = hi;
        std::int64_t wt = 0, ww = 0;
        while (b < e) {
          double k = buf_[b].first;
          if (k > khi) {
            wt += m_.cost[buf_[b].second];
            std::swap(buf_[a++], buf_[b++]);
          } else if (k < klo)
            std::swap(buf_[b], buf_[--e]);
          else {
            ww += m_.cost[buf_[b].second];
            ++b;
          }
        }
        if (wt > c)
          hi = a;
        else if (wt + ww > c) {
          lo = a;
          hi = b;
          c -= wt;
        } else {
          lo = b;
          c -= wt + ww;
        }
      }
      while (hi - lo > 32) {
        std::size_t mid = lo + (hi - lo) / 2;
        std::nth_element(buf_.begin() + static_cast<std::ptrdiff_t>(lo),
                         buf_.begin() + static_cast<std::ptrdiff_t>(mid),
                         buf_.begin() + static_cast<std::ptrdiff_t>(hi), greater);
        std::int64_t w = 0;
        for (std::size_t t = lo; t < mid && w <= c; ++t) w += m_.cost[buf_[t].second];
        if (w <= c) {
          c -= w;
          lo = mid;
        } else
          hi = mid;
      }
      std::sort(buf_.begin() + static_cast<std::ptrdiff_t>(lo), buf_.begin() + static_cast<std::ptrdiff_t>(hi),
                greater);
    }
    std::int64_t cap = rem_[r];
    i128 ln = 0, ld = 1, sumv = 0;
    for (auto& [k, i] : buf_) {
      if (m_.cost[i] <= cap) {
        cap -= m_.cost[i];
        if (xs) {
          (*xs)[i] = 1.0;
          sumv += L.val[i];
        }
      } else {
        ln = L.val[i];
        ld = m_.cost[i];
        if (xs) (*xs)[i] = static_cast<double>(cap) / static_cast<double>(m_.cost[i]);
        break;
      }
    }
    L.ln[r] = ln;
    L.ld[r] = ld;
    if (xs) return floor_div(sumv * ld + ln * cap, ld);
    return dual_r(L, r, ln, ld);
  }

  std::int64_t bound_of(Lag& L, std::int64_t nd, bool exact) {
    if (!m_.coverage) {
      if (!L.has_mu) {
        // values are D·value: each resource's own value is a whole number, floor it alone
        i128 b = val_;
        for (int i : nores_)
          if (x_[i] == -1 && m_.value[i] > 0) b += m_.value[i];
        for (int r = 0; r < m_.n_res; ++r) b += floor_div(dantzig(L, r), D_);
        return static_cast<std::int64_t>(std::min<i128>(b, std::numeric_limits<std::int64_t>::max() / 2));
      }
      i128 b = node_const(L);
      for (int r = 0; r < m_.n_res; ++r) b += dantzig(L, r);
      return floor_div(b, D_);
    }
    coverage_values(L);
    i128 c = node_const(L);
    if (!exact) {
      i128 b = c;
      for (int r = 0; r < m_.n_res; ++r) b += dual_r(L, r, L.ln[r], L.ld[r]);
      std::int64_t q = floor_div(b, D_);
      if (q < nd) return q;
    }
    i128 b = c;
    for (int r = 0; r < m_.n_res; ++r) b += exact_r(L, r);
    return floor_div(b, D_);
  }

  std::int64_t node_bound(std::int64_t nd) {
    std::int64_t b = bound_of(lag_[0], nd, false);
    if (b < nd || nlag_ == 1) return b;
    return std::min(b, bound_of(lag_[1], nd, false));
  }

  // ---- leaves -------------------------------------------------------------------------
  void record(std::int64_t v) { record(v, x_); }
  void record(std::int64_t v, const std::vector<signed char>& x) {
    if (!have_ || v > best_) {
      if (o_.target && v <= *o_.target) return;
      have_ = true;
      best_ = v;
      if (o_.progress) {
        o_.progress->best.store(v, std::memory_order_relaxed);
        o_.progress->found.store(true, std::memory_order_relaxed);
      }
      xbest_ = x;
      tie_ = false;
      alt_.clear();
    } else if (v == best_ && !tie_ && !o_.target) {
      if (x != xbest_) {
        tie_ = true;
        alt_ = x;
      }
    }
  }

  // the oracle could not decide the complete selection x_: keep it for accept_again (up to a
  // memory cap; past it, or without accept_again, it stays undecided)
  struct Pending {
    std::int64_t v;
    std::vector<int> sel;
  };
  std::vector<Pending> pending_;
  std::size_t pending_ints_ = 0;
  static constexpr std::size_t max_pending_ints = std::size_t(1) << 24;  // 64 MB of indices
  void note_undecided() {
    if (m_.accept_again && pending_ints_ + static_cast<std::size_t>(nsel_) <= max_pending_ints) {
      Pending p{val_, {}};
      p.sel.reserve(static_cast<std::size_t>(nsel_));
      for (int i = 0; i < n_; ++i)
        if (x_[i] == 1) p.sel.push_back(i);
      pending_ints_ += p.sel.size();
      pending_.push_back(std::move(p));
      return;
    }
    unproven_ = true;
    unproven_val_ = std::max(unproven_val_, val_);
  }
  // after the search: the kept completions, best value first, while they could still matter
  void recheck_pending() {
    std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) { return a.v > b.v; });
    std::vector<signed char> y(static_cast<std::size_t>(n_));
    for (const auto& p : pending_) {
      if (p.v < need()) continue;  // cannot beat (or tie) the incumbent any more
      int a = -1;
      if (!aborted_ && !out_of_time()) {
        std::fill(y.begin(), y.end(), static_cast<signed char>(0));
        for (int i : p.sel) y[i] = 1;
        a = m_.accept_again(y);
      }
      if (a == 1)
        record(p.v, y);
      else if (a == -1) {
        unproven_ = true;
        unproven_val_ = std::max(unproven_val_, p.v);
      }
    }
    pending_.clear();
  }
  bool out_of_time() const {
    if (o_.progress && o_.progress->cancel.load(std::memory_order_relaxed)) return true;
    return o_.time_limit > 0 &&
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() >= o_.time_limit;
  }

  // the oracle refused the complete selection x_: ask the model's repair for an accepted one,
  // check it against the model and record it
  void try_repair() {
    if (!m_.repair || m_.coverage) return;
    std::vector<signed char> y = x_;
    if (!m_.repair(y) || static_cast<int>(y.size()) != n_) return;
    std::vector<std::int64_t> used(static_cast<std::size_t>(m_.n_res), 0);
    std::int64_t v = 0, cnt = 0;
    for (int i = 0; i < n_; ++i) {
      if (y[i] != 0 && y[i] != 1) return;
      if (!m_.fix.empty() && m_.fix[i] != -1 && y[i] != m_.fix[i]) return;
      if (y[i] != 1) continue;
      ++cnt;
      v += m_.value[i];
      if (m_.res[i] >= 0) used[static_cast<std::size_t>(m_.res[i])] += m_.cost[i];
    }
    for (int r = 0; r < m_.n_res; ++r)
      if (used[static_cast<std::size_t>(r)] > m_.cap[r]) return;
    for (auto [a, b] : m_.requires_)
      if (y[a] == 1 && y[b] != 1) return;
    for (std::size_t g = 0; g < m_.groups.size(); ++g) {
      std::int64_t k = 0;
      for (int i : m_.groups[g]) k += y[i] == 1;
      if (k > m_.group_max[g]) return;
    }
    if (cnt < m_.min_count) return;
    if (have_ && v < best_) return;
    record(v, y);
  }

  // complete the current node with free items at 0; offer to the oracle
  // returns the oracle's answer (1, 0, −1) or 2 when the completion was not offered
  int leaf() {
    std::size_t mark = trail_.size();
    bool ok = true;
    int a = 2;
    for (int i = 0; i < n_ && ok; ++i)
      if (x_[i] == -1) ok = assign(i, 0);
    if (ok && nsel_ >= m_.min_count && val_ >= need()) {
      a = m_.accept ? m_.accept(x_) : 1;
      if (a == 1)
        record(val_);
      else {
        if (a == -1) note_undecided();
        try_repair();
      }
    }
    undo(mark);
    return a;
  }

  // The oracle rejected the completion of a node whose free items add no value: a superset
  // with some of those items (value ≤ 0 each) may still be accepted — e.g. a process of score 0
  // that gives an expert the minimum number of processes. Enumerate the supersets (each once),
  // every one bounded by the current value.
  void extend(const std::vector<int>& L, std::size_t k) {
    for (std::size_t j = k; j < L.size() && !aborted_; ++j) {
      int i = L[j];
      if (x_[i] != -1 || (m_.res[i] >= 0 && m_.cost[i] > rem_[m_.res[i]])) continue;
      std::size_t mark = trail_.size();
      if (assign(i, 1)) {
        ++nodes_;
        if (limit_hit()) {
          aborted_ = true;
          open_bound_ = std::max(open_bound_, val_);
        } else if (val_ >= need()) {
          leaf();
          extend(L, j + 1);
        }
      }
      undo(mark);
    }
  }

  bool limit_hit() {
    if (o_.node_limit > 0 && nodes_ >= o_.node_limit) return stop(BnbStop::node_limit);
    if (o_.progress && (nodes_ & 255) == 0) {
      o_.progress->nodes.store(nodes_, std::memory_order_relaxed);
      if (o_.progress->cancel.load(std::memory_order_relaxed)) return stop(BnbStop::cancelled);
    }
    if (o_.time_limit > 0 && (nodes_ & 255) == 0) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      if (s >= o_.time_limit) return stop(BnbStop::time_limit);
    }
    if (phase_end_ > 0 && nodes_ >= phase_end_) {
      phase_hit_ = true;
      return true;
    }
    return false;
  }
  BnbStop stop_ = BnbStop::none;  // the first user limit (or cancel) that stopped the search
  bool stop(BnbStop why) {
    if (stop_ == BnbStop::none) stop_ = why;
    return true;
  }
  std::int64_t phase_end_ = 0;  // restarts (search_with_restarts): node count ending this phase
  bool phase_hit_ = false;

  // Additive portfolios with coupling: two search orders, each exact — (S) coupling items first,
  // then the streams separately; (P) plain ratio order. Neither dominates on every instance, so
  // they alternate with growing node budgets (S: 100k, 200k, 400k, …; P: half of that), each
  // phase a complete search from the root that keeps the incumbent (and any tie witness) of the
  // earlier ones; the first phase that ends within its budget is the proof. The bound of an
  // aborted phase covers the whole tree, so a user limit still reports a valid bound.
  void search_with_restarts() {
    std::int64_t budget = std::max<std::int64_t>(2, o_.restart_nodes);
    bool sep = true;
    for (;;) {
      phase_end_ = nodes_ + (sep ? budget : budget / 2);
      phase_hit_ = false;
      aborted_ = false;
      open_bound_ = NEG;
      dfs();
      if (!aborted_ || !phase_hit_) break;  // finished, or a user limit
      sep = !sep;
      if (sep) budget *= 2;
      separable_ok_ = sep;
      build_lists();
    }
    phase_end_ = 0;
  }

  std::int64_t gain(int i) const {  // real marginal value of adding i alone
    if (!m_.coverage) return m_.value[i];
    std::int64_t g = 0;
    for (int q : m_.covers[i])
      if (covcnt_[q] == 0) g += m_.weight[q];
    return g;
  }

  // the free item to branch on; −1 when every free item is worthless (a leaf)
  int pick() {
    int i = pick_gain();
    if (i >= 0 || nsel_ >= m_.min_count) return i;
    // Σx ≥ min_count still open: branch on any item that fits, best value first
    int any = -1;
    for (int k = 0; k < n_; ++k) {
      if (x_[k] != -1) continue;
      if (m_.res[k] >= 0 && m_.cost[k] > rem_[m_.res[k]]) continue;
      if (any < 0 || gain(k) > gain(any)) any = k;
    }
    return any;
  }
  int pick_gain() {
    if (!m_.coverage) {
      for (int i : gord_) {
        if (x_[i] != -1) continue;
        if (m_.res[i] >= 0 && m_.cost[i] > rem_[m_.res[i]]) continue;
        return i;
      }
      return -1;
    }
    // best Lagrangian ratio (values of set A, current after node_bound); an item with
    // Lagrangian value ≤ 0 but a real marginal gain still has to be branched on
    const Lag& L = lag_[0];
    int best = -1, fallback = -1;
    i128 bv = 0, bc = 1, fv = 0, fc = 1;
    for (int i : free_list_) {
      if (x_[i] != -1) continue;
      if (m_.res[i] >= 0 && m_.cost[i] > rem_[m_.res[i]]) continue;
      if (L.val[i] > 0) {
        if (gain(i) <= 0 && !L.has_mu) continue;
        if (best < 0 || ratio_greater(L.val[i], m_.cost[i], bv, bc)) {
          best = i;
          bv = L.val[i];
          bc = m_.cost[i];
        }
      } else if (best < 0) {
        std::int64_t g = gain(i);
        if (g > 0 && (fallback < 0 || ratio_greater(g, m_.cost[i], fv, fc))) {
          fallback = i;
          fv = g;
          fc = m_.cost[i];
        }
      }
    }
    return best >= 0 ? best : fallback;
  }

  void dfs() {
    ++nodes_;
    std::int64_t nd = need();
    std::int64_t ub = node_bound(nd);
    if (ub < nd) return;
    if (nsel_ + nfree_ < m_.min_count) return;
    if (limit_hit()) {
      aborted_ = true;
      open_bound_ = std::max(open_bound_, ub);
      return;
    }
    if (separable_ok_ && free_coupling_ == 0) {
      separable(ub);
      return;
    }
    int i = pick();
    if (i < 0) {
      int a = leaf();
      if (m_.accept && (a == 0 || a == -1)) {
        std::vector<int> rest;
        for (int k = 0; k < n_; ++k)
          if (x_[k] == -1) rest.push_back(k);
        extend(rest, 0);
        return;
      }
      // ties by adding an item of no marginal value
      if (have_ && o_.find_ties && !tie_ && !o_.target && val_ == best_ && x_is_best_completion()) zero_value_tie();
      return;
    }
    std::size_t mark = trail_.size();
    if (assign(i, 1)) dfs();
    undo(mark);
    if (aborted_) {
      if (assign(i, 0)) open_bound_ = std::max(open_bound_, node_bound(NEG));
      undo(mark);
      return;
    }
    if (assign(i, 0)) dfs();
    undo(mark);
  }

  bool x_is_best_completion() const {
    for (int i = 0; i < n_; ++i) {
      if (x_[i] != -1 && x_[i] != xbest_[i]) return false;
      if (x_[i] == -1 && xbest_[i] != 0) return false;
    }
    return true;
  }

  // at a leaf equal to the incumbent: does adding some free item keep the value (a tie)?
  void zero_value_tie() {
    for (int i = 0; i < n_ && !tie_; ++i) {
      if (x_[i] != -1) continue;
      std::size_t mark = trail_.size();
      if (assign(i, 1)) {
        bool ok = true;
        for (int k = 0; k < n_ && ok; ++k)
          if (x_[k] == -1) ok = assign(k, 0);
        if (ok && val_ == best_ && nsel_ >= m_.min_count) {
          int a = m_.accept ? m_.accept(x_) : 1;
          if (a == 1) {
            tie_ = true;
            alt_ = x_;
          }
        }
      }
      undo(mark);
    }
  }

  // ---- stream decomposition -------------------------------------------------------------
  struct Sub {
    int r = 0;
    i128 thr = 0;
    bool have = false, tie = false;
    i128 v = 0;
    std::vector<int> sel, alt, path;
  };

  // plain Dantzig of resource r from position k of pord_[r] (value units, floored)
  i128 sub_bound(int r, std::size_t k) const {
    std::int64_t cap = rem_[r];
    i128 sum = 0;
    const auto& o = pord_[r];
    for (std::size_t t = k; t < o.size(); ++t) {
      int i = o[t];
      if (x_[i] != -1) continue;
      std::int64_t c = m_.cost[i];
      if (c > rem_[r]) continue;
      if (c <= cap) {
        cap -= c;
        sum += m_.value[i];
      } else
        return floor_div(sum * c + static_cast<i128>(m_.value[i]) * cap, c);
    }
    return sum;
  }

  void sub_leaf(Sub& s, i128 cur) {
    if (!s.have || cur > s.v) {
      s.have = true;
      s.v = cur;
      s.sel = s.path;
      s.tie = false;
      s.alt.clear();
    } else if (cur == s.v && !s.tie) {
      s.tie = true;
      s.alt = s.path;
    }
    if (o_.find_ties && !o_.target && !s.tie && cur == s.v)
      for (int i : zero_[s.r])
        if (x_[i] == -1 && m_.cost[i] <= rem_[s.r]) {
          s.tie = true;
          s.alt = s.path;
          s.alt.push_back(i);
          break;
        }
  }

  // Horowitz–Sahni over the free items of one resource (no coupling left)
  void sub(Sub& s, std::size_t k, i128 cur) {
    ++nodes_;
    if (limit_hit()) {
      aborted_ = true;
      return;
    }
    i128 nd = !s.have ? s.thr : ((o_.find_ties && !s.tie && !o_.target) ? s.v : s.v + 1);
    if (cur + sub_bound(s.r, k) < nd) return;
    const auto& o = pord_[s.r];
    std::size_t j = k;
    while (j < o.size() && (x_[o[j]] != -1 || m_.cost[o[j]] > rem_[s.r])) ++j;
    if (j == o.size()) {
      sub_leaf(s, cur);
      return;
    }
    int i = o[j];
    x_[i] = 1;
    rem_[s.r] -= m_.cost[i];
    s.path.push_back(i);
    sub(s, j + 1, cur + m_.value[i]);
    s.path.pop_back();
    rem_[s.r] += m_.cost[i];
    x_[i] = 0;
    if (!aborted_) sub(s, j + 1, cur);
    x_[i] = -1;
  }

  // every coupling item decided: solve the resources one by one (exactly) and combine
  void separable(std::int64_t ub) {
    std::size_t mark = trail_.size();
    bool tie_here = false;
    int zero_nores = -1;
    for (int i : nores_)
      if (x_[i] == -1) {
        if (m_.value[i] > 0)
          assign(i, 1);
        else if (m_.value[i] == 0 && zero_nores < 0)
          zero_nores = i;
      }
    std::vector<i128> ubr(m_.n_res);
    i128 rest = 0;
    for (int r = 0; r < m_.n_res; ++r) {
      ubr[r] = sub_bound(r, 0);
      rest += ubr[r];
    }
    i128 acc = val_;
    std::vector<Sub> subs(m_.n_res);
    int tie_res = -1;
    for (int r = 0; r < m_.n_res; ++r) {
      rest -= ubr[r];
      Sub& s = subs[r];
      s.r = r;
      s.thr = static_cast<i128>(need()) - acc - rest;
      sub(s, 0, 0);
      if (aborted_) {
        open_bound_ = std::max(open_bound_, ub);
        undo(mark);
        return;
      }
      if (!s.have) {
        undo(mark);
        return;
      }
      acc += s.v;
      if (s.tie && tie_res < 0) tie_res = r;
    }
    if (tie_res >= 0 || zero_nores >= 0) tie_here = true;
    for (int r = 0; r < m_.n_res; ++r)
      for (int i : subs[r].sel) assign(i, 1);
    bool ok = true;
    for (int i = 0; i < n_ && ok; ++i)
      if (x_[i] == -1) ok = assign(i, 0);
    if (ok && val_ >= need()) {
      record(val_);
      if (have_ && best_ == val_ && o_.find_ties && !o_.target && tie_here && !tie_) {
        tie_ = true;
        alt_ = x_;
        if (tie_res >= 0) {
          for (int i : subs[tie_res].sel) alt_[i] = 0;
          for (int i : subs[tie_res].alt) alt_[i] = 1;
        } else {
          alt_[zero_nores] = 1;
        }
      }
    }
    undo(mark);
  }

  // ---- incumbents ---------------------------------------------------------------------
  // include items in `order` when they fit (with what they need) and add real value
  void greedy(const std::vector<int>& order) {
    std::size_t mark = trail_.size();
    for (int i : order) {
      if (x_[i] != -1 || gain(i) <= 0) continue;
      std::size_t mk = trail_.size();
      std::int64_t before = val_;
      if (!assign(i, 1) || val_ <= before) undo(mk);
    }
    offer_completion();
    undo(mark);
  }
  // repeatedly the best marginal ratio (coverage)
  void greedy_marginal() {
    std::size_t mark = trail_.size();
    for (;;) {
      int bi = -1;
      i128 bv = 0, bc = 1;
      for (int i : free_list_) {
        if (x_[i] != -1) continue;
        if (m_.res[i] >= 0 && m_.cost[i] > rem_[m_.res[i]]) continue;
        i128 v = gain(i);
        if (v <= 0) continue;
        if (bi < 0 || ratio_greater(v, m_.cost[i], bv, bc)) {
          bi = i;
          bv = v;
          bc = m_.cost[i];
        }
      }
      if (bi < 0) break;
      std::size_t mk = trail_.size();
      if (!assign(bi, 1)) {
        undo(mk);
        if (!assign(bi, 0)) {
          undo(mk);
          break;
        }
      }
    }
    offer_completion();
    undo(mark);
  }
  // top up to min_count, set the rest to 0 and offer the selection
  void offer_completion() {
    std::size_t mk = trail_.size();
    for (int i = 0; i < n_ && nsel_ < m_.min_count; ++i) {
      if (x_[i] != -1) continue;
      std::size_t m2 = trail_.size();
      if (!assign(i, 1)) undo(m2);
    }
    bool ok = nsel_ >= m_.min_count;
    for (int i = 0; i < n_ && ok; ++i)
      if (x_[i] == -1) ok = assign(i, 0);
    if (ok && (!o_.target || val_ > *o_.target)) {
      int a = m_.accept ? m_.accept(x_) : 1;
      if (a == 1) record(val_);
    }
    undo(mk);
  }
  std::vector<int> sorted_free(const std::vector<std::int64_t>& v) const {
    std::vector<int> o = free_list_;
    std::stable_sort(o.begin(), o.end(),
                     [&](int a, int b) { return ratio_greater(v[a], m_.cost[a], v[b], m_.cost[b]); });
    return o;
  }

  // ---- multipliers ---------------------------------------------------------------------
  void refresh(Lag& L) {
    L.adj.assign(n_, 0);
    L.C = 0;
    for (std::size_t p = 0; p < m_.requires_.size(); ++p) {
      L.adj[m_.requires_[p].second] += L.mreq[p];
      L.adj[m_.requires_[p].first] -= L.mreq[p];
    }
    for (std::size_t g = 0; g < m_.groups.size(); ++g) {
      L.C += static_cast<i128>(L.mgrp[g]) * m_.group_max[g];
      for (int i : m_.groups[g]) L.adj[i] -= L.mgrp[g];
    }
    L.ladj = 0;
    for (int i = 0; i < n_; ++i)
      if (x_[i] == 1) L.ladj += L.adj[i];
    if (!m_.coverage)
      for (int i = 0; i < n_; ++i) L.val[i] = m_.value[i] * D_ + L.adj[i];
  }

  // fz_ for the current node (before optimise() changes the multipliers)
  void freeze() {
    Frozen& f = fz_;
    f.open.clear();
    f.open_off.assign(1, 0);
    f.open_items.clear();
    for (std::size_t g = 0; g < W_.size(); ++g) {
      if (covcnt_[g] != 0 || freecov_[g] <= 0) continue;
      f.open.push_back(static_cast<int>(g));
      for (int i : goal_items_[g])
        if (x_[i] == -1) f.open_items.push_back(i);
      f.open_off.push_back(static_cast<int>(f.open_items.size()));
    }
    f.items.clear();
    f.item_off.assign(1, 0);
    f.item_goals.clear();
    if (m_.coverage)
      for (int i : free_list_) {
        if (x_[i] != -1) continue;
        f.items.push_back(i);
        for (int g : m_.covers[i])
          if (covcnt_[g] == 0) f.item_goals.push_back(g);
        f.item_off.push_back(static_cast<int>(f.item_goals.size()));
      }
    f.sel.clear();
    for (int i = 0; i < n_; ++i)
      if (x_[i] == 1) f.sel.push_back(i);
    f.nores.clear();
    for (int i : nores_)
      if (x_[i] == -1) f.nores.push_back(i);
    f.res.resize(static_cast<std::size_t>(m_.n_res));
    for (int r = 0; r < m_.n_res; ++r) {
      auto& v = f.res[static_cast<std::size_t>(r)];
      v.clear();
      for (int i : all_res_[r])
        if (x_[i] == -1 && m_.cost[i] <= rem_[r]) v.push_back(i);
    }
  }

  // L(multipliers) at the current node with the LP solution per resource in xs; on fz_ (the
  // same values as coverage_values, node_const and exact_r compute on the node itself)
  i128 lagrangian(Lag& L, std::vector<double>& xs) {
    const Frozen& f = fz_;
    if (m_.coverage)  // coverage_values
      for (std::size_t k = 0; k < f.items.size(); ++k) {
        std::int64_t v = L.adj[f.items[k]];
        for (int t = f.item_off[k]; t < f.item_off[k + 1]; ++t) v += L.u[f.item_goals[t]];
        L.val[f.items[k]] = v;
      }
    std::fill(xs.begin(), xs.end(), 0.0);
    for (int i : f.sel) xs[i] = 1.0;
    for (int i : f.nores)
      if (L.val[i] > 0) xs[i] = 1.0;
    // node_const
    i128 v = static_cast<i128>(val_) * D_ + L.ladj + L.C;
    for (int g : f.open) v += W_[g] - L.u[g];
    for (int i : f.nores)
      if (L.val[i] > 0) v += L.val[i];
    if (L.has_mu) v += node_const_mu(L);
    for (int r = 0; r < m_.n_res; ++r) v += exact_r(L, r, &xs, f.res[static_cast<std::size_t>(r)]);
    return v;
  }

  // subgradient on the multipliers of L (u when `cov`, μ when `mu`). The coverage-only run
  // (cov && !mu) uses the plain (unprojected) subgradient with a slow step decay: on the
  // generated coverage portfolios its multipliers make the search far smaller than those of the
  // projected variant, though its root bound is not always lower. Any multipliers in range give
  // a valid bound, so this is a matter of speed only.
  void optimise(Lag& L, bool cov, bool mu, int iterations, bool aim_at_incumbent = true) {
    const bool cov_only = cov && !mu;
    const int stall_max = cov_only ? 10 : 8;
    const double theta_min = cov_only ? 1e-4 : 1e-3;
    std::size_t G = W_.size(), P = m_.requires_.size(), Q = m_.groups.size();
    std::vector<double> ud(L.u.begin(), L.u.end()), pd(L.mreq.begin(), L.mreq.end()), qd(L.mgrp.begin(), L.mgrp.end());
    auto round_in = [&] {
      for (std::size_t g = 0; g < G; ++g) L.u[g] = std::clamp<std::int64_t>(round_half_away(ud[g]), 0, W_[g]);
      if (!mu) return;  // μ unchanged: adj, C and ladj stay as they are
      for (std::size_t p = 0; p < P; ++p) L.mreq[p] = std::max<std::int64_t>(0, round_half_away(pd[p]));
      for (std::size_t q = 0; q < Q; ++q) L.mgrp[q] = std::max<std::int64_t>(0, round_half_away(qd[q]));
      refresh(L);
    };
    freeze();
    const Frozen& f = fz_;
    std::vector<double> xs(n_, 0.0), sg(G, 0.0), sp(P, 0.0), sq(Q, 0.0);
    i128 bestL = lagrangian(L, xs);
    std::int64_t bestq = floor_div(bestL, D_);  // need() does not change while optimising
    auto bu = L.u, bp = L.mreq, bq = L.mgrp;
    double theta = 1.0;
    int stall = 0;
    for (int it = 0; it < iterations; ++it) {
      i128 v = lagrangian(L, xs);
      if (v < bestL) {
        bestL = v;
        bestq = floor_div(bestL, D_);
        bu = L.u;
        bp = L.mreq;
        bq = L.mgrp;
        stall = 0;
      } else if (++stall >= stall_max) {
        theta /= 2;
        stall = 0;
      }
      if (theta < theta_min) break;
      if (have_ && bestq < need()) break;
      double norm = 0;
      if (cov)  // the goals that are not open keep sg = 0 (and add 0 to the norm)
        for (std::size_t k = 0; k < f.open.size(); ++k) {
          const int g = f.open[k];
          double s = -1.0;
          for (int t = f.open_off[k]; t < f.open_off[k + 1]; ++t) s += xs[f.open_items[t]];
          if (!cov_only && ((L.u[g] <= 0 && s > 0) || (L.u[g] >= W_[g] && s < 0))) s = 0;  // projected
          sg[g] = s;
          norm += s * s;
        }
      if (mu) {
        for (std::size_t p = 0; p < P; ++p) {
          auto [a, b] = m_.requires_[p];
          double s = (x_[a] != -1 && x_[b] != -1) ? 0.0 : xs[b] - xs[a];
          if (L.mreq[p] <= 0 && s > 0) s = 0;
          sp[p] = s;
          norm += s * s;
        }
        for (std::size_t q = 0; q < Q; ++q) {
          double s = static_cast<double>(m_.group_max[q]);
          for (int i : m_.groups[q]) s -= xs[i];
          if (L.mgrp[q] <= 0 && s > 0) s = 0;
          sq[q] = s;
          norm += s * s;
        }
      }
      if (norm < 1e-12) break;
      double target = have_ && aim_at_incumbent ? static_cast<double>(best_) * static_cast<double>(D_)
                                                : static_cast<double>(v) * 0.98;
      double gap = static_cast<double>(v) - target;
      if (gap <= 0) gap = static_cast<double>(D_);
      double step = theta * gap / norm;
      if (cov)  // (sg = 0 leaves ud as it is)
        for (int g : f.open) ud[g] = std::clamp(ud[g] - step * sg[g], 0.0, static_cast<double>(W_[g]));
      if (mu) {
        for (std::size_t p = 0; p < P; ++p) pd[p] = std::max(0.0, pd[p] - step * sp[p]);
        for (std::size_t q = 0; q < Q; ++q) qd[q] = std::max(0.0, qd[q] - step * sq[q]);
      }
      round_in();
    }
    L.u = bu;
    L.mreq = bp;
    L.mgrp = bq;
    refresh(L);
    L.has_mu = std::any_of(L.mreq.begin(), L.mreq.end(), [](auto v) { return v > 0; }) ||
               std::any_of(L.mgrp.begin(), L.mgrp.end(), [](auto v) { return v > 0; });
    if (m_.coverage) lagrangian(L, xs);  // λ for the final multipliers
  }

  void init_lag(Lag& L) {
    L.u = W_;
    L.mreq.assign(m_.requires_.size(), 0);
    L.mgrp.assign(m_.groups.size(), 0);
    L.val.assign(n_, 0);
    L.ln.assign(m_.n_res, 0);
    L.ld.assign(m_.n_res, 1);
    refresh(L);
  }

  void build_orders(Lag& L) {
    if (m_.coverage) return;
    L.ord.assign(m_.n_res, {});
    for (int i : free_list_)
      if (m_.res[i] >= 0 && L.val[i] > 0) L.ord[m_.res[i]].push_back(i);
    for (auto& o : L.ord)
      std::stable_sort(o.begin(), o.end(),
                       [&](int a, int b) { return ratio_greater(L.val[a], m_.cost[a], L.val[b], m_.cost[b]); });
  }

  void build_lists() {
    all_res_.assign(m_.n_res, {});
    nores_.clear();
    free_list_.clear();
    for (int i = 0; i < n_; ++i) {
      if (x_[i] != -1) continue;
      free_list_.push_back(i);
      if (m_.res[i] >= 0)
        all_res_[m_.res[i]].push_back(i);
      else
        nores_.push_back(i);
    }
    for (int k = 0; k < nlag_; ++k) build_orders(lag_[k]);
    if (!m_.coverage) {
      // branching: items of positive value, in set A's ratio order
      gord_.clear();
      const Lag& L = lag_[0];
      auto by_ratio = [&](int a, int b) { return ratio_greater(L.val[a], m_.cost[a], L.val[b], m_.cost[b]); };
      if (separable_ok_) {
        // coupling items first (all of them: the rest separates once they are decided)
        for (int i : free_list_)
          if (coupling_[i]) gord_.push_back(i);
        std::stable_sort(gord_.begin(), gord_.end(), by_ratio);
        std::vector<int> rest;
        for (int i : free_list_)
          if (!coupling_[i] && m_.value[i] > 0) rest.push_back(i);
        std::stable_sort(rest.begin(), rest.end(), by_ratio);
        gord_.insert(gord_.end(), rest.begin(), rest.end());
        pord_.assign(m_.n_res, {});
        zero_.assign(m_.n_res, {});
        for (int i : free_list_) {
          if (coupling_[i] || m_.res[i] < 0) continue;
          if (m_.value[i] > 0)
            pord_[m_.res[i]].push_back(i);
          else if (m_.value[i] == 0)
            zero_[m_.res[i]].push_back(i);
        }
        for (auto& o : pord_)
          std::stable_sort(o.begin(), o.end(), [&](int a, int b) {
            return ratio_greater(m_.value[a], m_.cost[a], m_.value[b], m_.cost[b]);
          });
      } else {
        for (int i : free_list_)
          if (m_.value[i] > 0) gord_.push_back(i);
        std::stable_sort(gord_.begin(), gord_.end(), by_ratio);
      }
    }
  }

  // reduced-cost fixing at the root (LP duality on the Lagrangian relaxation of set k)
  void root_fixing(Lag& L) {
    for (int pass = 0; pass < 3; ++pass) {
      if (!have_) return;
      std::int64_t nd = need();
      std::vector<std::pair<int, signed char>> fixes;
      if (m_.coverage) coverage_values(L);
      std::vector<i128> ln(m_.n_res), ld(m_.n_res), S(m_.n_res);
      i128 total = node_const(L);
      for (int r = 0; r < m_.n_res; ++r) {
        if (m_.coverage) {
          ln[r] = L.ln[r];
          ld[r] = L.ld[r];
        } else
          dantzig(L, r, &ln[r], &ld[r]);
        i128 t = ln[r] * rem_[r];
        for (int i : all_res_[r]) {
          if (x_[i] != -1 || L.val[i] <= 0 || m_.cost[i] > rem_[r]) continue;
          i128 v = static_cast<i128>(L.val[i]) * ld[r] - ln[r] * m_.cost[i];
          if (v > 0) t += v;
        }
        S[r] = t;
        total += floor_div(t, ld[r]);
      }
      for (int r = 0; r < m_.n_res; ++r) {
        i128 rest = total - floor_div(S[r], ld[r]);
        for (int i : all_res_[r]) {
          if (x_[i] != -1) continue;
          if (m_.cost[i] > rem_[r]) {
            fixes.push_back({i, 0});
            continue;
          }
          i128 rc = static_cast<i128>(L.val[i]) * ld[r] - ln[r] * m_.cost[i];
          if (rc == 0) continue;
          i128 arc = rc < 0 ? -rc : rc;
          std::int64_t b = floor_div(floor_div(S[r] - arc, ld[r]) + rest, D_);
          if (b < nd) fixes.push_back({i, static_cast<signed char>(rc > 0 ? 1 : 0)});
        }
      }
      if (fixes.empty()) return;
      std::int64_t before = static_cast<std::int64_t>(trail_.size());
      for (auto [i, v] : fixes) {
        if (x_[i] != -1) continue;
        if (!assign(i, v)) {
          root_infeasible_ = true;
          return;
        }
      }
      fixed_root_ += static_cast<std::int64_t>(trail_.size()) - before;
      build_lists();
    }
  }

  BnbResult solve() {
    n_ = m_.n;
    BnbResult r;
    requires_out_.assign(n_, {});
    requires_in_.assign(n_, {});
    item_groups_.assign(n_, {});
    for (auto [a, b] : m_.requires_) {
      requires_out_[a].push_back(b);
      requires_in_[b].push_back(a);
    }
    for (auto [a, b] : m_.implies) {
      requires_out_[a].push_back(b);
      requires_in_[b].push_back(a);
    }
    gfree_.assign(m_.groups.size(), 0);
    for (std::size_t g = 0; g < m_.groups.size(); ++g)
      for (int i : m_.groups[g]) {
        item_groups_[i].push_back(static_cast<int>(g));
        ++gfree_[g];
      }
    x_.assign(n_, -1);
    nfree_ = n_;
    coupling_.assign(n_, 0);
    for (auto [a, b] : m_.requires_) coupling_[a] = coupling_[b] = 1;
    for (const auto& g : m_.groups)
      for (int i : g) coupling_[i] = 1;
    free_coupling_ = std::count(coupling_.begin(), coupling_.end(), 1);
    separable_ok_ = !m_.coverage && !m_.accept && m_.min_count == 0;
    rem_ = m_.cap;
    gcount_.assign(m_.groups.size(), 0);
    std::size_t G = m_.coverage ? m_.weight.size() : 0;
    covcnt_.assign(G, 0);
    freecov_.assign(G, 0);
    goal_items_.assign(G, {});
    if (m_.coverage)
      for (int i = 0; i < n_; ++i)
        for (int g : m_.covers[i]) {
          ++freecov_[g];
          goal_items_[g].push_back(i);
        }
    bool mu = !m_.requires_.empty() || !m_.groups.empty();
    // the scale of the multipliers: as fine as 64 bits allow
    i128 tw = 1;
    if (m_.coverage)
      for (auto w : m_.weight) tw += w;
    else
      for (auto v : m_.value) tw += v < 0 ? -v : v;
    D_ = 1;
    if (m_.coverage || mu)
      while (D_ < 1000000 && tw * D_ * 10 < (i128(1) << 58)) D_ *= 10;
    W_.assign(G, 0);
    for (std::size_t g = 0; g < G; ++g) W_[g] = m_.weight[g] * D_;
    nlag_ = 1;
    init_lag(lag_[0]);
    // negative capacity: nothing fits (not even the empty selection)
    for (int q = 0; q < m_.n_res; ++q)
      if (rem_[q] < 0) {
        r.status = BnbStatus::infeasible;
        return r;
      }
    // fixed items, then items that can never fit
    bool ok = true;
    for (int i = 0; i < n_ && ok; ++i)
      if (!m_.fix.empty() && m_.fix[i] != -1) ok = assign(i, m_.fix[i]);
    for (int i = 0; i < n_ && ok; ++i)
      if (x_[i] == -1 && m_.res[i] >= 0 && m_.cost[i] > rem_[m_.res[i]]) ok = assign(i, 0);
    if (!ok) {
      r.status = BnbStatus::infeasible;
      return r;
    }
    fixed_root_ = 0;
    build_lists();
    // incumbents
    if (m_.coverage) {
      std::vector<std::int64_t> full(n_, 0);
      for (int i : free_list_)
        for (int g : m_.covers[i]) full[i] += m_.weight[g];
      greedy(sorted_free(full));
      greedy_marginal();
    } else {
      greedy(sorted_free(m_.value));
    }
    // multipliers: set A (coverage first, then everything), set B = coverage only
    if (m_.coverage) {
      // twice, as in the first version: once aiming below the Lagrangian value itself (no
      // incumbent), then towards the incumbent
      // (stopping as soon as the bound proves the incumbent optimal)
      optimise(lag_[0], true, false, 300, false);
      optimise(lag_[0], true, false, 300);
    }
    if (mu) {
      if (m_.coverage)
        lag_[1] = lag_[0];
      else
        init_lag(lag_[1]);
      build_orders(lag_[1]);
      optimise(lag_[0], m_.coverage, true, 150);
      if (lag_[0].has_mu) {
        nlag_ = 2;
        lag_[1].ladj = 0;
        for (int i = 0; i < n_; ++i)
          if (x_[i] == 1) lag_[1].ladj += lag_[1].adj[i];
      }
    }
    build_lists();
    if (!m_.coverage) greedy(gord_);
    root_fixing(lag_[0]);
    if (!root_infeasible_ && nlag_ > 1) root_fixing(lag_[1]);
    if (root_infeasible_) {
      // fixing contradicted: no completion reaches the threshold; the incumbent stands
      finish(r);
      return r;
    }
    if (separable_ok_ && free_coupling_ > 0)
      search_with_restarts();
    else
      dfs();
    recheck_pending();
    finish(r);
    return r;
  }

  void finish(BnbResult& r) {
    if (o_.progress) o_.progress->nodes.store(nodes_, std::memory_order_relaxed);
    r.found = have_;
    if (have_) {
      r.value = best_;
      r.x = xbest_;
    }
    // a completion the oracle could not decide (−1) matters only while it could beat the final
    // incumbent (or tie it, for uniqueness)
    const bool value_open = unproven_ && (!have_ || unproven_val_ > best_);
    const bool tie_open = unproven_ && have_ && unproven_val_ == best_;
    if (aborted_ || value_open) {
      r.status = BnbStatus::limit;
      // a completion left undecided: because the time ran out (or the observer cancelled)
      // while its check ran, or because the check's own node budget did not settle it
      r.stopped_by = stop_ != BnbStop::none                                               ? stop_
                     : o_.progress && o_.progress->cancel.load(std::memory_order_relaxed) ? BnbStop::cancelled
                     : out_of_time()                                                      ? BnbStop::time_limit
                                                                                          : BnbStop::undecided;
      std::int64_t b = std::max(open_bound_, unproven_val_);
      if (have_) b = std::max(b, best_);
      r.bound = b;
      r.unique = false;
      return;
    }
    if (!have_) {
      r.status = BnbStatus::infeasible;
      return;
    }
    r.status = BnbStatus::optimal;
    r.bound = best_;
    r.unique = o_.find_ties && !tie_ && !tie_open;  // tie_open: not proven unique
    if (tie_) r.alt = alt_;
  }
};

}  // namespace bnb_impl

/// Solve a BnbModel exactly (or up to the limits in `o`).
inline BnbResult solve_bnb(const BnbModel& m, const BnbOptions& o = {}) {
  bnb_impl::Solver s(m, o);
  return s.run();
}

}  // namespace koers::detail
