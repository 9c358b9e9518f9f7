#pragma once
/// \file
/// The one exact solver core of koers: depth-first branch-and-bound over 0/1 choices with
/// side constraints, in exact integer arithmetic. Internal (namespace koers::detail); the
/// public faces are koers::budget::optimise / curve (portfolio.hpp) and koers::budget::select
/// (selection.hpp).
///
/// Model (BnbModel): n items x_i ∈ {0,1};
///  - each item uses `cost[i] ≥ 0` of one resource `res[i]` (−1: none); Σ cost ≤ cap[r];
///  - objective additive (Σ value[i] x_i) or coverage (Σ weight[g] over goals g with at least one
///    selected item covering it); all int64;
///  - groups Σ_{i∈G} x_i ≤ max_G; implications x_a ≤ x_b ("a needs b"); fixed items;
///  - Σ x_i ≥ min_count; an optional leaf oracle `accept(x)` (the selection's assignment check).
///
/// Bounds (all exact, rational with int128, floored — the objective is integral):
///  - additive: per resource the Dantzig bound (LP relaxation of that knapsack; items in a fixed
///    exact ratio order, items larger than the resource's remainder skipped), summed;
///  - coverage: Lagrangian relaxation of "goal g counts only if covered" with multipliers
///    u_g ∈ [0, D·w_g] optimised by subgradient at the root; for a node,
///    D·covered + Σ_{g open} (D·w_g − u_g) + Σ_r LP-knapsack_r(v_i = Σ_{open g ∈ i} u_g), the
///    LP-knapsack evaluated through its dual λ_r·cap_r + Σ max(0, v_i − λ_r·a_i), valid for
///    every λ_r ≥ 0 (first the parent's λ_r, then the exact Dantzig λ_r when that does not prune).
/// Reduced-cost fixing at the root with the LP duals, propagation of needs/groups/capacities,
/// branching "include first" on the free item of best ratio (Horowitz–Sahni).
/// Uniqueness: while no second optimal selection is known, subtrees are pruned only when their
/// bound is strictly below the incumbent (ties are explored); a different complete selection of
/// the same value is a witness of non-uniqueness, after which pruning becomes ≤ incumbent.
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

using i128 = __int128;

struct BnbModel {
  int n = 0;
  bool coverage = false;
  std::vector<std::int64_t> value;             ///< additive objective per item
  std::vector<std::vector<int>> covers;        ///< coverage: goal indices per item
  std::vector<std::int64_t> weight;            ///< coverage: goal weights (≥ 0)
  int n_res = 0;
  std::vector<int> res;                        ///< resource per item, −1 none
  std::vector<std::int64_t> cost;              ///< ≥ 0
  std::vector<std::int64_t> cap;               ///< per resource
  std::vector<std::vector<int>> groups;
  std::vector<std::int64_t> group_max;
  std::vector<std::pair<int, int>> needs;      ///< (a, b): a needs b
  std::vector<signed char> fix;                ///< per item: −1 free, 0, 1 (empty: all free)
  std::int64_t min_count = 0;
  /// Leaf oracle: 1 accept, 0 reject, −1 unknown (its own limit: the result is not a proof).
  std::function<int(const std::vector<signed char>&)> accept;
};

struct BnbOptions {
  std::int64_t node_limit = 0;  ///< 0 none
  double time_limit = 0;        ///< seconds, 0 none
  bool find_ties = true;        ///< decide uniqueness
  /// Only selections of value > *target count (the result is "infeasible" when none exists).
  std::optional<std::int64_t> target;
};

enum class BnbStatus { optimal, infeasible, limit };

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
};

namespace bnb_impl {

inline std::int64_t floor_div(i128 a, i128 b) {  // b > 0
  i128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  if (q > std::numeric_limits<std::int64_t>::max()) return std::numeric_limits<std::int64_t>::max();
  if (q < std::numeric_limits<std::int64_t>::min()) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(q);
}

class Solver {
 public:
  static constexpr std::int64_t NEG = std::numeric_limits<std::int64_t>::min() / 4;

  Solver(const BnbModel& m, const BnbOptions& o) : m_(m), o_(o) {}

  BnbResult run() {
    auto t0 = std::chrono::steady_clock::now();
    start_ = t0;
    BnbResult r = solve();
    r.nodes = nodes_;
    r.fixed_at_root = fixed_root_;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
  }

 private:
  const BnbModel& m_;
  BnbOptions o_;
  std::chrono::steady_clock::time_point start_;
  int n_ = 0;
  // structure
  std::vector<std::vector<int>> needs_out_, needs_in_, item_groups_, goal_items_;
  std::vector<std::vector<int>> ord_;  // per resource: root-free items in exact ratio order
  std::vector<int> nores_;             // root-free items without a resource
  std::vector<int> free_list_;         // root-free items (coverage)
  std::int64_t D_ = 1;                 // coverage multiplier scale
  std::vector<std::int64_t> W_;        // D·weight
  std::vector<std::int64_t> u_;        // multipliers
  std::vector<i128> lam_num_, lam_den_;  // per resource λ = num/den (coverage dual)
  // state
  std::vector<signed char> x_;
  std::vector<int> trail_;
  std::vector<std::int64_t> rem_;
  std::vector<std::int64_t> gcount_;
  std::vector<int> covcnt_, freecov_;
  std::int64_t val_ = 0, nsel_ = 0, nfree_ = 0;
  // search
  bool have_ = false;
  std::int64_t best_ = NEG;
  std::vector<signed char> xbest_, alt_;
  bool tie_ = false;
  bool aborted_ = false;
  bool unproven_ = false;  // the oracle said "unknown" for a candidate
  std::int64_t unproven_val_ = NEG;
  std::int64_t open_bound_ = NEG;
  std::int64_t nodes_ = 0, fixed_root_ = 0;
  std::vector<std::int64_t> curv_;  // coverage: current item values (scratch)
  std::vector<std::pair<double, int>> buf_;

  // ---- thresholds ---------------------------------------------------------------
  std::int64_t need() const {
    if (!have_) return o_.target ? *o_.target + 1 : NEG;
    return (o_.find_ties && !tie_ && !o_.target) ? best_ : best_ + 1;
  }

  // ---- propagation ----------------------------------------------------------------
  bool assign(int i, signed char v) {
    std::vector<std::pair<int, signed char>> q{{i, v}};
    while (!q.empty()) {
      auto [j, b] = q.back();
      q.pop_back();
      if (x_[j] == b) continue;
      if (x_[j] != -1) return false;
      x_[j] = b;
      trail_.push_back(j);
      --nfree_;
      if (m_.coverage)
        for (int g : m_.covers[j]) --freecov_[g];
      if (b == 1) {
        // complete the bookkeeping first (undo reverses all of it), then check
        ++nsel_;
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
        for (int k : needs_out_[j]) {
          if (x_[k] == 0) return false;
          if (x_[k] == -1) q.push_back({k, 1});
        }
      } else {
        for (int k : needs_in_[j]) {
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
      if (m_.coverage)
        for (int g : m_.covers[j]) ++freecov_[g];
      if (b == 1) {
        --nsel_;
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

  // exact ratio order: a before b when v_a/c_a > v_b/c_b (cost 0 = infinite ratio)
  static bool ratio_greater(std::int64_t va, std::int64_t ca, std::int64_t vb, std::int64_t cb) {
    return static_cast<i128>(va) * cb > static_cast<i128>(vb) * ca;
  }

  // ---- bounds -----------------------------------------------------------------------
  // Additive: Σ_r floor(Dantzig_r) + val. Also returns, per resource, the break item (−1 none)
  // via brk (optional) for reduced-cost fixing.
  struct StreamLp {
    i128 num = 0;       // LP value × den
    i128 den = 1;       // cost of the break item (1 when no break)
    std::int64_t lam_v = 0, lam_c = 1;  // λ = lam_v / lam_c (0 when no break: everything fits)
    int brk = -1;
  };

  StreamLp dantzig(int r) const {
    StreamLp s;
    std::int64_t cap = rem_[r];
    i128 sum = 0;
    for (int i : ord_[r]) {
      if (x_[i] != -1) continue;
      std::int64_t c = m_.cost[i];
      if (c > rem_[r]) continue;  // cannot be in any completion
      if (c <= cap) {
        cap -= c;
        sum += m_.value[i];
      } else {
        s.brk = i;
        s.den = c;
        s.num = sum * c + static_cast<i128>(m_.value[i]) * cap;
        s.lam_v = m_.value[i];
        s.lam_c = c;
        return s;
      }
    }
    s.num = sum;
    s.den = 1;
    s.lam_v = 0;
    s.lam_c = 1;
    return s;
  }

  std::int64_t bound_additive() const {
    i128 b = val_;
    for (int r = 0; r < m_.n_res; ++r) {
      auto s = dantzig(r);
      b += floor_div(s.num, s.den);
    }
    for (int i : nores_)
      if (x_[i] == -1 && m_.value[i] > 0) b += m_.value[i];
    if (b > std::numeric_limits<std::int64_t>::max() / 2) return std::numeric_limits<std::int64_t>::max() / 2;
    return static_cast<std::int64_t>(b);
  }

  // coverage: current Lagrangian item values into curv_ for free items
  void coverage_values() {
    for (int i : free_list_) {
      if (x_[i] != -1) continue;
      std::int64_t v = 0;
      for (int g : m_.covers[i])
        if (covcnt_[g] == 0) v += u_[g];
      curv_[i] = v;
    }
  }
  i128 coverage_const() const {
    i128 c = static_cast<i128>(val_) * D_;
    for (std::size_t g = 0; g < W_.size(); ++g)
      if (covcnt_[g] == 0 && freecov_[g] > 0) c += W_[g] - u_[g];
    return c;
  }
  // dual bound of resource r with λ = ln/ld: (ln·cap + Σ max(0, v·ld − ln·a)) / ld, floored
  std::int64_t dual_r(int r, i128 ln, i128 ld) const {
    i128 s = ln * rem_[r];
    for (int i : ord_[r]) {
      if (x_[i] != -1 || curv_[i] <= 0) continue;
      if (m_.cost[i] > rem_[r]) continue;
      i128 t = static_cast<i128>(curv_[i]) * ld - ln * m_.cost[i];
      if (t > 0) s += t;
    }
    return floor_div(s, ld);
  }
  // exact Dantzig λ for resource r on current values; sets lam
  std::int64_t exact_r(int r) {
    buf_.clear();
    for (int i : ord_[r]) {
      if (x_[i] != -1 || curv_[i] <= 0) continue;
      if (m_.cost[i] > rem_[r]) continue;
      double key = m_.cost[i] == 0 ? 1e300 : static_cast<double>(curv_[i]) / static_cast<double>(m_.cost[i]);
      buf_.push_back({key, i});
    }
    std::sort(buf_.begin(), buf_.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::int64_t cap = rem_[r];
    i128 ln = 0, ld = 1;
    for (auto& [k, i] : buf_) {
      if (m_.cost[i] <= cap) {
        cap -= m_.cost[i];
      } else {
        ln = curv_[i];
        ld = m_.cost[i];
        break;
      }
    }
    lam_num_[r] = ln;
    lam_den_[r] = ld;
    return dual_r(r, ln, ld);
  }
  std::int64_t coverage_nores() const {
    i128 s = 0;
    for (int i : nores_)
      if (x_[i] == -1 && curv_[i] > 0) s += curv_[i];
    return static_cast<std::int64_t>(s);
  }
  // coverage bound (objective units); `exact` recomputes λ by sorting
  std::int64_t bound_coverage(bool exact) {
    coverage_values();
    i128 b = coverage_const() + coverage_nores();
    for (int r = 0; r < m_.n_res; ++r) b += exact ? exact_r(r) : dual_r(r, lam_num_[r], lam_den_[r]);
    return floor_div(b, D_);
  }

  std::int64_t node_bound(std::int64_t nd) {
    if (!m_.coverage) return bound_additive();
    std::int64_t b = bound_coverage(false);
    if (b < nd) return b;
    return bound_coverage(true);
  }

  // ---- leaves -------------------------------------------------------------------------
  void record(std::int64_t v) {
    if (!have_ || v > best_) {
      if (o_.target && v <= *o_.target) return;
      have_ = true;
      best_ = v;
      xbest_ = x_;
      tie_ = false;
      alt_.clear();
    } else if (v == best_ && !tie_ && !o_.target) {
      if (x_ != xbest_) {
        tie_ = true;
        alt_ = x_;
      }
    }
  }

  // complete the current node with free items at 0; offer to oracle
  void leaf() {
    std::size_t mark = trail_.size();
    bool ok = true;
    for (int i = 0; i < n_ && ok; ++i)
      if (x_[i] == -1) ok = assign(i, 0);
    if (ok && nsel_ >= m_.min_count && val_ >= need()) {
      int a = m_.accept ? m_.accept(x_) : 1;
      if (a == 1) record(val_);
      else if (a == -1) { unproven_ = true; unproven_val_ = std::max(unproven_val_, val_); }
    }
    undo(mark);
  }

  bool limit_hit() {
    if (o_.node_limit > 0 && nodes_ >= o_.node_limit) return true;
    if (o_.time_limit > 0 && (nodes_ & 255) == 0) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      if (s >= o_.time_limit) return true;
    }
    return false;
  }

  // choose the free item to branch on: best ratio among free items with positive (current) value
  int pick() {
    int i = pick_gain();
    if (i >= 0 || nsel_ >= m_.min_count) return i;
    // Σx ≥ min_count still open: branch on any item that fits, best value first
    int any = -1;
    for (int k = 0; k < n_; ++k) {
      if (x_[k] != -1) continue;
      if (m_.res[k] >= 0 && m_.cost[k] > rem_[m_.res[k]]) continue;
      if (any < 0 || (!m_.coverage && m_.value[k] > m_.value[any])) any = k;
    }
    return any;
  }
  int pick_gain() {
    int best = -1;
    std::int64_t bv = 0, bc = 1;
    if (!m_.coverage) {
      // first free item in the global ratio order
      for (std::size_t k = gpos_; k < gord_.size(); ++k) {
        int i = gord_[k];
        if (x_[i] != -1) continue;
        if (m_.res[i] >= 0 && m_.cost[i] > rem_[m_.res[i]]) continue;
        return i;
      }
      return -1;
    }
    // prefer the best Lagrangian ratio; an item with multiplier value 0 but a real marginal
    // gain (an open goal whose u_g is 0) still has to be branched on
    int fallback = -1;
    std::int64_t fv = 0, fc = 1;
    for (int i : free_list_) {
      if (x_[i] != -1) continue;
      if (m_.res[i] >= 0 && m_.cost[i] > rem_[m_.res[i]]) continue;
      if (curv_[i] > 0) {
        if (best < 0 || ratio_greater(curv_[i], m_.cost[i], bv, bc)) { best = i; bv = curv_[i]; bc = m_.cost[i]; }
      } else if (best < 0) {
        std::int64_t g = 0;
        for (int q : m_.covers[i]) if (covcnt_[q] == 0) g += m_.weight[q];
        if (g > 0 && (fallback < 0 || ratio_greater(g, m_.cost[i], fv, fc))) { fallback = i; fv = g; fc = m_.cost[i]; }
      }
    }
    return best >= 0 ? best : fallback;
  }
  std::vector<int> gord_;
  std::size_t gpos_ = 0;

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
    int i = pick();
    if (i < 0) {
      leaf();
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
    for (int i = 0; i < n_; ++i)
      if (x_[i] != -1 && x_[i] != xbest_[i]) return false;
    for (int i = 0; i < n_; ++i)
      if (x_[i] == -1 && xbest_[i] != 0) return false;
    return true;
  }

  // at a leaf equal to the incumbent: does adding some free item keep the value (a tie)?
  void zero_value_tie() {
    for (int i = 0; i < n_ && !tie_; ++i) {
      if (x_[i] != -1) continue;
      std::size_t mark = trail_.size();
      if (assign(i, 1)) {
        std::size_t m2 = trail_.size();
        bool ok = true;
        for (int k = 0; k < n_ && ok; ++k)
          if (x_[k] == -1) ok = assign(k, 0);
        if (ok && val_ == best_ && nsel_ >= m_.min_count) {
          int a = m_.accept ? m_.accept(x_) : 1;
          if (a == 1) { tie_ = true; alt_ = x_; }
        }
        undo(m2);
      }
      undo(mark);
    }
  }

  // greedy incumbent: include items in ratio order when they fit (with everything they need)
  void greedy() {
    std::size_t mark = trail_.size();
    std::vector<int> order;
    if (!m_.coverage) {
      order = gord_;
    } else {
      order = free_list_;
      coverage_values();
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return ratio_greater(curv_[a], m_.cost[a], curv_[b], m_.cost[b]);
      });
    }
    for (int i : order) {
      if (x_[i] != -1) continue;
      if (m_.coverage) {
        std::int64_t v = 0;
        for (int g : m_.covers[i]) if (covcnt_[g] == 0) v += m_.weight[g];
        if (v <= 0) continue;
      } else if (m_.value[i] <= 0) {
        continue;
      }
      std::size_t mk = trail_.size();
      std::int64_t before = val_;
      if (!assign(i, 1) || val_ < before) undo(mk);
    }
    if (nsel_ >= m_.min_count) {
      std::size_t mk = trail_.size();
      bool ok = true;
      for (int i = 0; i < n_ && ok; ++i)
        if (x_[i] == -1) ok = assign(i, 0);
      if (ok && (!o_.target || val_ > *o_.target)) {
        int a = m_.accept ? m_.accept(x_) : 1;
        if (a == 1) record(val_);
      }
      undo(mk);
    }
    undo(mark);
  }

  // coverage: subgradient optimisation of the multipliers at the root (doubles), then rounded
  void optimise_multipliers() {
    std::size_t G = m_.weight.size();
    i128 tw = 0;
    for (auto w : m_.weight) tw += w;
    D_ = 1;
    while (D_ < 1000000 && tw * D_ * 10 < (i128(1) << 60) / 4) D_ *= 10;
    W_.assign(G, 0);
    for (std::size_t g = 0; g < G; ++g) W_[g] = m_.weight[g] * D_;
    u_ = W_;
    lam_num_.assign(m_.n_res, 0);
    lam_den_.assign(m_.n_res, 1);
    std::int64_t bestL = bound_coverage(true);
    std::vector<std::int64_t> bestu = u_;
    auto blam_n = lam_num_, blam_d = lam_den_;
    double theta = 1.0;
    int stall = 0;
    std::vector<double> xs(n_, 0.0), sg(G, 0.0);
    for (int it = 0; it < 300; ++it) {
      // LP solution per resource at current u (from exact_r's order)
      coverage_values();
      std::fill(xs.begin(), xs.end(), 0.0);
      i128 Lc = coverage_const() + coverage_nores();
      for (int i : nores_) if (x_[i] == -1 && curv_[i] > 0) xs[i] = 1.0;
      for (int r = 0; r < m_.n_res; ++r) {
        Lc += exact_r(r);
        std::int64_t cap = rem_[r];
        for (auto& [k, i] : buf_) {
          if (m_.cost[i] <= cap) { cap -= m_.cost[i]; xs[i] = 1.0; }
          else { xs[i] = static_cast<double>(cap) / static_cast<double>(m_.cost[i]); break; }
        }
      }
      std::int64_t L = floor_div(Lc, D_);
      if (L < bestL) { bestL = L; bestu = u_; blam_n = lam_num_; blam_d = lam_den_; stall = 0; }
      else if (++stall >= 10) { theta /= 2; stall = 0; }
      if (theta < 1e-4) break;
      if (have_ && L <= best_) break;
      double norm = 0;
      for (std::size_t g = 0; g < G; ++g) {
        if (covcnt_[g] != 0 || freecov_[g] == 0) { sg[g] = 0; continue; }
        double s = -1.0;
        for (int i : goal_items_[g]) if (x_[i] == -1) s += xs[i];
        sg[g] = s;
        norm += s * s;
      }
      if (norm < 1e-12) break;
      double target = have_ ? static_cast<double>(best_) : 0.9 * static_cast<double>(L);
      double step = theta * (static_cast<double>(Lc) / D_ - target) / norm * D_;
      if (step <= 0) step = theta * D_ / norm;
      for (std::size_t g = 0; g < G; ++g) {
        if (sg[g] == 0) continue;
        double nu = static_cast<double>(u_[g]) - step * sg[g];
        nu = std::clamp(nu, 0.0, static_cast<double>(W_[g]));
        u_[g] = static_cast<std::int64_t>(std::llround(nu));
      }
    }
    u_ = bestu;
    lam_num_ = blam_n;
    lam_den_ = blam_d;
    bound_coverage(true);  // λ for the final u
  }

  // reduced-cost fixing at the root (valid for any λ: LP duality on the relaxation)
  void root_fixing() {
    for (int pass = 0; pass < 3; ++pass) {
      std::int64_t nd = need();
      if (!have_) return;
      std::vector<std::pair<int, signed char>> fixes;
      if (!m_.coverage) {
        std::vector<StreamLp> lp(m_.n_res);
        i128 other = val_;
        std::vector<std::int64_t> fl(m_.n_res);
        for (int r = 0; r < m_.n_res; ++r) { lp[r] = dantzig(r); fl[r] = floor_div(lp[r].num, lp[r].den); other += fl[r]; }
        for (int i : nores_) if (x_[i] == -1 && m_.value[i] > 0) other += m_.value[i];
        for (int r = 0; r < m_.n_res; ++r) {
          const auto& s = lp[r];
          i128 rest = other - fl[r];
          for (int i : ord_[r]) {
            if (x_[i] != -1 || i == s.brk) continue;
            if (m_.cost[i] > rem_[r]) { fixes.push_back({i, 0}); continue; }
            // |v_i·λc − λv·a_i| / λc subtracted from the stream's LP
            i128 rc = static_cast<i128>(m_.value[i]) * s.lam_c - static_cast<i128>(s.lam_v) * m_.cost[i];
            // scale the stream LP to denominator lam_c: num/den with den == lam_c when a break exists
            i128 num = s.brk >= 0 ? s.num : s.num * s.lam_c;
            i128 den = s.brk >= 0 ? s.den : s.lam_c;
            if (rc < 0) rc = -rc;
            std::int64_t b = floor_div(num - rc, den);
            if (rest + b < nd) {
              // flipping i is hopeless: fix at its LP value (in LP ⇔ positive reduced cost)
              bool in_lp = static_cast<i128>(m_.value[i]) * s.lam_c - static_cast<i128>(s.lam_v) * m_.cost[i] > 0 ||
                           (s.brk < 0 && m_.value[i] > 0);
              fixes.push_back({i, static_cast<signed char>(in_lp ? 1 : 0)});
            }
          }
        }
      } else {
        coverage_values();
        i128 cst = coverage_const() + coverage_nores();
        std::vector<std::int64_t> fl(m_.n_res);
        i128 other = cst;
        for (int r = 0; r < m_.n_res; ++r) { fl[r] = dual_r(r, lam_num_[r], lam_den_[r]); other += fl[r]; }
        for (int r = 0; r < m_.n_res; ++r) {
          i128 ln = lam_num_[r], ld = lam_den_[r];
          // stream dual value × ld
          i128 s = ln * rem_[r];
          for (int i : ord_[r]) {
            if (x_[i] != -1 || curv_[i] <= 0 || m_.cost[i] > rem_[r]) continue;
            i128 t = static_cast<i128>(curv_[i]) * ld - ln * m_.cost[i];
            if (t > 0) s += t;
          }
          i128 rest = other - fl[r];
          for (int i : ord_[r]) {
            if (x_[i] != -1) continue;
            if (m_.cost[i] > rem_[r]) { fixes.push_back({i, 0}); continue; }
            i128 rc = static_cast<i128>(curv_[i]) * ld - ln * m_.cost[i];
            if (rc == 0) continue;
            i128 arc = rc < 0 ? -rc : rc;
            std::int64_t b = floor_div(floor_div(s - arc, ld) + rest, D_);
            if (b < nd) fixes.push_back({i, static_cast<signed char>(rc > 0 ? 1 : 0)});
          }
        }
      }
      if (fixes.empty()) return;
      std::int64_t before = static_cast<std::int64_t>(trail_.size());
      for (auto [i, v] : fixes) {
        if (x_[i] != -1) continue;
        if (!assign(i, v)) { root_infeasible_ = true; return; }
      }
      fixed_root_ += static_cast<std::int64_t>(trail_.size()) - before;
    }
  }
  bool root_infeasible_ = false;

  BnbResult solve() {
    n_ = m_.n;
    BnbResult r;
    needs_out_.assign(n_, {});
    needs_in_.assign(n_, {});
    item_groups_.assign(n_, {});
    for (auto [a, b] : m_.needs) { needs_out_[a].push_back(b); needs_in_[b].push_back(a); }
    for (std::size_t g = 0; g < m_.groups.size(); ++g)
      for (int i : m_.groups[g]) item_groups_[i].push_back(static_cast<int>(g));
    x_.assign(n_, -1);
    nfree_ = n_;
    rem_ = m_.cap;
    gcount_.assign(m_.groups.size(), 0);
    std::size_t G = m_.coverage ? m_.weight.size() : 0;
    covcnt_.assign(G, 0);
    freecov_.assign(G, 0);
    goal_items_.assign(G, {});
    if (m_.coverage)
      for (int i = 0; i < n_; ++i)
        for (int g : m_.covers[i]) { ++freecov_[g]; goal_items_[g].push_back(i); }
    curv_.assign(n_, 0);
    // negative capacity: nothing fits (not even the empty selection)
    for (int q = 0; q < m_.n_res; ++q)
      if (rem_[q] < 0) { r.status = BnbStatus::infeasible; return r; }
    // fixed items, then items that can never fit
    bool ok = true;
    for (int i = 0; i < n_ && ok; ++i)
      if (!m_.fix.empty() && m_.fix[i] != -1) ok = assign(i, m_.fix[i]);
    for (int i = 0; i < n_ && ok; ++i)
      if (x_[i] == -1 && m_.res[i] >= 0 && m_.cost[i] > rem_[m_.res[i]]) ok = assign(i, 0);
    if (!ok) { r.status = BnbStatus::infeasible; return r; }
    fixed_root_ = 0;
    build_orders();
    if (m_.coverage) optimise_multipliers();
    greedy();
    if (m_.coverage) optimise_multipliers();  // again with the incumbent as target
    root_fixing();
    if (root_infeasible_) {
      // fixing contradicted: the incumbent is optimal (every other completion is worse)
      finish(r);
      return r;
    }
    build_orders();
    if (m_.coverage) bound_coverage(true);
    dfs();
    finish(r);
    return r;
  }

  void finish(BnbResult& r) {
    r.found = have_;
    if (have_) { r.value = best_; r.x = xbest_; }
    if (aborted_ || unproven_) {
      r.status = BnbStatus::limit;
      std::int64_t b = std::max(open_bound_, unproven_val_);
      if (have_) b = std::max(b, best_);
      r.bound = b;
      r.unique = false;
      return;
    }
    if (!have_) { r.status = BnbStatus::infeasible; return; }
    r.status = BnbStatus::optimal;
    r.bound = best_;
    r.unique = o_.find_ties && !tie_;
    if (tie_) r.alt = alt_;
  }

  void build_orders() {
    ord_.assign(m_.n_res, {});
    nores_.clear();
    free_list_.clear();
    for (int i = 0; i < n_; ++i) {
      if (x_[i] != -1) continue;
      free_list_.push_back(i);
      if (m_.res[i] >= 0) ord_[m_.res[i]].push_back(i);
      else nores_.push_back(i);
    }
    if (!m_.coverage) {
      for (auto& o : ord_) {
        // drop items of value ≤ 0 from the bound lists (the LP never takes them)
        o.erase(std::remove_if(o.begin(), o.end(), [&](int i) { return m_.value[i] <= 0; }), o.end());
        std::stable_sort(o.begin(), o.end(), [&](int a, int b) {
          return ratio_greater(m_.value[a], m_.cost[a], m_.value[b], m_.cost[b]);
        });
      }
      gord_.clear();
      for (int i : free_list_) if (m_.value[i] > 0) gord_.push_back(i);
      std::stable_sort(gord_.begin(), gord_.end(), [&](int a, int b) {
        return ratio_greater(m_.value[a], m_.cost[a], m_.value[b], m_.cost[b]);
      });
      gpos_ = 0;
    }
  }
};

}  // namespace bnb_impl

/// Solve a BnbModel exactly (or up to the limits in `o`).
inline BnbResult solve_bnb(const BnbModel& m, const BnbOptions& o = {}) {
  bnb_impl::Solver s(m, o);
  return s.run();
}

}  // namespace koers::detail
