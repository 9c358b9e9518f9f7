// Exact branch-and-price for the selection with experts (select_bnp, selection_detail.hpp): the
// algorithm of benchmarks/select_bnp.py in C++, with Clp as the LP solver of the master problem.
// docs/solver.md ("Branch-and-price") explains the model and when `select` uses it.
//
// Master LP over patterns (a set of processes that fits one expert's hours), experts grouped
// into classes of equal hours:
//   max Σ_p c_p λ_p   Σ_{p ∋ i} λ_p ≤ 1 (= 1 mandatory or branched in)   Σ_{p of class k} λ_p = K_k
//   cuts Σ_{i ∈ X} x_i ≤ |X| − 1 (X a set that fits no assignment; x_i = Σ_{p ∋ i} λ_p)
//   the uniqueness question (BnpProblem::at_least): Σ_{i ∈ S} x_i − Σ_{i ∉ S} x_i ≤ |S| − 1,
//   every selection but the known one S, the incumbent value at_least − 1 from the start
// The LP (floating point) only proposes duals: every bound is an integer Lagrangian bound from
// the duals rounded to 1/R of a score unit, with an exact knapsack DP as pricing.
#include "packing.hpp"
#include "selection_detail.hpp"

#include <ClpSimplex.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <queue>
#include <set>
#include <stdexcept>

namespace koers::budget::detail {

namespace {

constexpr std::int64_t R = 1000;  // dual resolution: 1/R of a score unit
constexpr double TOL = 1e-6;      // reduced-cost tolerance (score units)
constexpr std::int64_t NEG = std::numeric_limits<std::int64_t>::min() / 4;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

struct Grid {
  std::int64_t unit = 1, grid = 1;
  std::vector<std::int64_t> s, w, caps, counts;  // score units, hour units; classes
  std::vector<int> cls;                          // class per expert
  std::int64_t cmax = 0;
};

Grid make_grid(const BnpProblem& p) {
  Grid g;
  std::int64_t u = 0, h = 0;
  for (auto v : p.score) u = std::gcd(u, v < 0 ? -v : v);
  for (auto v : p.hours) h = std::gcd(h, v);
  for (auto v : p.cap) h = std::gcd(h, v);
  g.unit = u > 0 ? u : 1;
  g.grid = h > 0 ? h : 1;
  for (auto v : p.score) g.s.push_back(v / g.unit);
  for (auto v : p.hours) g.w.push_back(v / g.grid);
  std::vector<std::int64_t> c;
  for (auto v : p.cap) c.push_back(v / g.grid);
  g.caps = c;
  std::sort(g.caps.begin(), g.caps.end());
  g.caps.erase(std::unique(g.caps.begin(), g.caps.end()), g.caps.end());
  g.counts.assign(g.caps.size(), 0);
  for (auto v : c) {
    int t = static_cast<int>(std::lower_bound(g.caps.begin(), g.caps.end(), v) - g.caps.begin());
    g.cls.push_back(t);
    ++g.counts[static_cast<std::size_t>(t)];
  }
  g.cmax = g.caps.empty() ? 0 : g.caps.back();
  return g;
}

/// A block of one item's knapsack DP, in place: dst[j] = max(dst[j], src[j] + qi), keep[j] =
/// whether the item is taken. The caller's blocks are at most the item's weight long, so src
/// (wi cells below dst) lies wholly below the block, not yet updated for this item, and no step
/// depends on another: the compiler vectorises it (with AVX2 where the CPU has it, chosen at
/// load time).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__)  // ifunc
__attribute__((target_clones("avx2", "default")))
#endif
void dp_block(std::int64_t* __restrict dst, const std::int64_t* __restrict src, unsigned char* __restrict keep,
              std::size_t len, std::int64_t qi) {
  for (std::size_t j = 0; j < len; ++j) {
    const std::int64_t a = dst[j], b = src[j] + qi;
    const bool take = b > a;
    dst[j] = take ? b : a;
    keep[j] = take ? 1 : 0;
  }
}

/// 0/1 knapsack over the items with q > 0 (allowed, fitting cmax): dp[c] = the best Σ q of a
/// set of weight ≤ c; keep[k·(C+1) + c] for backtracking.
struct Knapsack {
  std::vector<int> idx;
  std::vector<std::int64_t> dp;
  std::vector<unsigned char> keep;
  std::int64_t C = 0;
  void run(const std::vector<std::int64_t>& q, const std::vector<std::int64_t>& w, const std::vector<char>& allowed,
           std::int64_t cmax) {
    C = cmax;
    idx.clear();
    for (std::size_t i = 0; i < q.size(); ++i)
      if (allowed[i] && q[i] > 0 && w[i] <= cmax) idx.push_back(static_cast<int>(i));
    const auto W = static_cast<std::size_t>(C + 1);
    dp.assign(W, 0);
    keep.assign(idx.size() * W, 0);
    for (std::size_t k = 0; k < idx.size(); ++k) {
      const auto wi = static_cast<std::size_t>(w[static_cast<std::size_t>(idx[k])]);
      const std::int64_t qi = q[static_cast<std::size_t>(idx[k])];
      unsigned char* kp = keep.data() + k * W;
      // from the top down in blocks [lo, hi) of at most wi cells: dp[c − wi] still holds the
      // value without this item (0/1 knapsack)
      for (std::size_t hi = W; hi > wi;) {
        const std::size_t lo = std::max(wi, hi - wi);
        dp_block(dp.data() + lo, dp.data() + (lo - wi), kp + lo, hi - lo, qi);
        hi = lo;
      }
    }
  }
  std::vector<int> back(const std::vector<std::int64_t>& w, std::int64_t c) const {
    std::vector<int> out;
    const auto W = static_cast<std::size_t>(C + 1);
    for (std::size_t k = idx.size(); k-- > 0;)
      if (keep[k * W + static_cast<std::size_t>(c)]) {
        out.push_back(idx[k]);
        c -= w[static_cast<std::size_t>(idx[k])];
      }
    std::sort(out.begin(), out.end());
    return out;
  }
};

/// Exact packing of all items of sizes w into the bins (counts[t] bins of caps[t]) by bin
/// completion (benchmarks/select_bnp.py): bins filled one at a time, each with the largest item
/// left and a completion whose waste fits the slack left (fewest items first, then least
/// waste; or in enumeration order), failed remainders memoised. 1: packed (`bins`: class and
/// item positions per bin), 0: no packing, −1: the call limit.
class BinCompletion {
 public:
  BinCompletion(std::vector<std::int64_t> w, std::vector<std::int64_t> caps, std::vector<std::int64_t> counts,
                std::int64_t limit, bool fewest_first)
      : w_(std::move(w)), caps_(std::move(caps)), limit_(limit), fewest_(fewest_first), counts_(std::move(counts)) {}

  int run(std::vector<std::pair<int, std::vector<int>>>& bins) {
    std::vector<int> rem(w_.size());
    std::iota(rem.begin(), rem.end(), 0);
    std::stable_sort(rem.begin(), rem.end(),
                     [&](int a, int b) { return w_[static_cast<std::size_t>(a)] > w_[static_cast<std::size_t>(b)]; });
    std::int64_t slack = 0;
    for (std::size_t t = 0; t < caps_.size(); ++t) slack += caps_[t] * counts_[t];
    for (auto v : w_) slack -= v;
    if (slack < 0) return 0;
    bins.clear();
    try {
      return dfs(rem, counts_, slack, bins) ? 1 : 0;
    } catch (const Limit&) { return -1; }
  }

 private:
  struct Limit {};
  struct Completion {
    std::int64_t waste;
    std::vector<int> items;  // positions in rem
  };
  void completions(const std::vector<int>& rem, std::int64_t cap, std::int64_t slack, std::vector<Completion>& out) {
    out.clear();
    const std::int64_t w0 = w_[static_cast<std::size_t>(rem[0])];
    if (w0 > cap) return;
    std::vector<int> chosen{0};
    // depth-first over the others in order
    auto rec = [&](auto&& self, std::size_t k, std::int64_t sum) -> void {
      if (cap - sum <= slack) out.push_back({cap - sum, chosen});
      if (out.size() > 200000) throw Limit{};
      for (std::size_t j = k; j < rem.size(); ++j) {
        const std::int64_t wj = w_[static_cast<std::size_t>(rem[j])];
        if (sum + wj <= cap) {
          chosen.push_back(static_cast<int>(j));
          self(self, j + 1, sum + wj);
          chosen.pop_back();
        }
      }
    };
    rec(rec, 1, w0);
    if (fewest_)
      std::stable_sort(out.begin(), out.end(), [](const Completion& a, const Completion& b) {
        if (a.items.size() != b.items.size()) return a.items.size() < b.items.size();
        return a.waste < b.waste;
      });
  }
  bool dfs(const std::vector<int>& rem, const std::vector<std::int64_t>& cnt, std::int64_t slack,
           std::vector<std::pair<int, std::vector<int>>>& bins) {
    if (++calls_ > limit_) throw Limit{};
    if (rem.empty()) {
      for (std::size_t t = 0; t < cnt.size(); ++t)
        for (std::int64_t k = 0; k < cnt[t]; ++k) bins.push_back({static_cast<int>(t), {}});
      return true;
    }
    std::vector<std::int64_t> key(rem.begin(), rem.end());
    key.push_back(-1);
    key.insert(key.end(), cnt.begin(), cnt.end());
    if (failed_.count(key)) return false;
    bool any = false;
    for (auto c : cnt) any = any || c > 0;
    if (!any) {
      failed_.insert(key);
      return false;
    }
    std::vector<Completion> comps;
    for (std::size_t t = 0; t < cnt.size(); ++t) {
      if (!cnt[t]) continue;
      auto nxt = cnt;
      --nxt[t];
      completions(rem, caps_[t], slack, comps);
      for (const auto& c : comps) {
        std::vector<char> take(rem.size(), 0);
        std::vector<int> S;
        for (int pos : c.items) {
          take[static_cast<std::size_t>(pos)] = 1;
          S.push_back(rem[static_cast<std::size_t>(pos)]);
        }
        std::vector<int> r2;
        for (std::size_t k = 0; k < rem.size(); ++k)
          if (!take[k]) r2.push_back(rem[k]);
        const std::size_t mark = bins.size();
        bins.push_back({static_cast<int>(t), S});
        if (dfs(r2, nxt, slack - c.waste, bins)) return true;
        bins.resize(mark);
      }
    }
    failed_.insert(key);
    return false;
  }

  std::vector<std::int64_t> w_, caps_;
  std::int64_t limit_;
  bool fewest_;
  std::vector<std::int64_t> counts_;
  std::int64_t calls_ = 0;
  std::set<std::vector<std::int64_t>> failed_;
};

struct Column {
  int t = -1;              // class; −1 artificial
  std::vector<int> items;  // sorted
  int kind = 0;            // 0 pattern, 1 artificial of a class row, 2 artificial of an item row
};

struct Undecided : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct Stop {
  BnpStop why;
};
struct Found {};  // the uniqueness question: a witness, the search ends

using Sol = std::vector<std::pair<int, std::vector<int>>>;  // (class, items)

class Bnp {
 public:
  Bnp(const BnpProblem& p, const BnpLimits& lim) : p_(p), lim_(lim), g_(make_grid(p)) {
    n_ = static_cast<int>(p.score.size());
    T_ = static_cast<int>(g_.caps.size());
    nonempty_ = p.min_per >= 1;
    std::int64_t abs = 0;
    for (auto v : g_.s) abs += v < 0 ? -v : v;
    big_ = 20.0 * static_cast<double>(abs) + 10.0;
    for (auto v : g_.s) vmin_ += std::min<std::int64_t>(v, 0);
    lp_.setLogLevel(0);
    tie_ = p.at_least.has_value();
    ng_rows_ = tie_ ? 1 : 0;
    lp_.resize(n_ + T_ + ng_rows_, 0);
    for (int i = 0; i < n_; ++i) {
      lp_.setRowLower(i, p.mandatory[static_cast<std::size_t>(i)] ? 1.0 : -COIN_DBL_MAX);
      lp_.setRowUpper(i, 1.0);
    }
    for (int t = 0; t < T_; ++t) {
      lp_.setRowLower(n_ + t, static_cast<double>(g_.counts[static_cast<std::size_t>(t)]));
      lp_.setRowUpper(n_ + t, static_cast<double>(g_.counts[static_cast<std::size_t>(t)]));
    }
    for (int t = 0; t < T_; ++t) add_raw({-1, {}, 1}, {n_ + t}, {1.0}, big_);
    for (int i = 0; i < n_; ++i) add_raw({-1, {i}, 2}, {i}, {1.0}, big_);
    if (tie_) {  // the row that cuts off the known selection, with its artificial (−1)
      ng_.assign(static_cast<std::size_t>(n_), -1);
      std::int64_t in = 0;
      for (std::size_t i = 0; i < ng_.size(); ++i)
        if (i < p.other_than.size() && p.other_than[i]) {
          ng_[i] = 1;
          ++in;
        }
      ng_rhs_ = in - 1;
      lp_.setRowLower(n_ + T_, -COIN_DBL_MAX);
      lp_.setRowUpper(n_ + T_, static_cast<double>(ng_rhs_));
      add_raw({-1, {}, 3}, {n_ + T_}, {-1.0}, big_);
      // only selections worth at least at_least: as an incumbent one unit below (score units)
      have_ = true;
      inc_ = floor_div(*p.at_least, g_.unit) + (*p.at_least % g_.unit != 0 ? 1 : 0) - 1;
    }
    if (!nonempty_)
      for (int t = 0; t < T_; ++t) add_pattern(t, {});
    fixed_.assign(static_cast<std::size_t>(n_), 0);
    allowed_.assign(static_cast<std::size_t>(n_), 1);
  }

  BnpResult run();

 private:
  // ---- columns and cuts ----
  void add_raw(Column c, const std::vector<int>& rows, const std::vector<double>& vals, double cost) {
    // Clp minimises: the objective is −score
    lp_.addColumn(static_cast<int>(rows.size()), rows.data(), vals.data(), 0.0, COIN_DBL_MAX, cost);
    cols_.push_back(std::move(c));
  }
  bool add_pattern(int t, std::vector<int> S) {
    std::sort(S.begin(), S.end());
    if (nonempty_ && S.empty()) return false;  // a pattern holds at least min_per processes
    if (!colset_.insert({t, S}).second) return false;
    std::vector<int> rows{n_ + t};
    std::vector<double> vals{1.0};
    double cost = 0;
    for (int i : S) {
      rows.push_back(i);
      vals.push_back(1.0);
      cost -= static_cast<double>(g_.s[static_cast<std::size_t>(i)]);
    }
    if (tie_) {
      int c = 0;
      for (int i : S) c += ng_[static_cast<std::size_t>(i)];
      if (c) {
        rows.push_back(n_ + T_);
        vals.push_back(c);
      }
    }
    for (std::size_t k = 0; k < cuts_.size(); ++k) {
      int c = 0;
      for (int i : S) c += incut_[k][static_cast<std::size_t>(i)];
      if (c) {
        rows.push_back(n_ + T_ + ng_rows_ + static_cast<int>(k));
        vals.push_back(c);
      }
    }
    add_raw({t, S, 0}, rows, vals, cost);
    // a new column at a node: its bound follows the node's forbidden processes
    bool dis = false;
    for (int i : S) dis = dis || !allowed_[static_cast<std::size_t>(i)];
    if (dis) lp_.setColumnUpper(static_cast<int>(cols_.size()) - 1, 0.0);
    return true;
  }
  void add_cut(const std::vector<int>& X) {
    std::vector<char> in(static_cast<std::size_t>(n_), 0);
    for (int i : X) in[static_cast<std::size_t>(i)] = 1;
    std::vector<int> js;
    std::vector<double> vals;
    for (std::size_t j = 0; j < cols_.size(); ++j) {
      if (cols_[j].kind != 0) continue;
      int c = 0;
      for (int i : cols_[j].items) c += in[static_cast<std::size_t>(i)];
      if (c) {
        js.push_back(static_cast<int>(j));
        vals.push_back(c);
      }
    }
    lp_.addRow(static_cast<int>(js.size()), js.data(), vals.data(), -COIN_DBL_MAX, static_cast<double>(X.size()) - 1);
    cuts_.push_back(X);
    incut_.push_back(in);
  }

  // ---- limits ----
  void check_limits() {
    if (lim_.progress) {
      lim_.progress->nodes.store(lim_.nodes_before + nodes_, std::memory_order_relaxed);
      if (lim_.progress->cancel.load(std::memory_order_relaxed)) throw Stop{BnpStop::cancelled};
    }
    if (lim_.deadline && std::chrono::steady_clock::now() >= *lim_.deadline) throw Stop{BnpStop::time_limit};
  }

  // ---- a node ----
  void activate(const std::vector<signed char>& st) {
    for (int i = 0; i < n_; ++i) {
      auto u = static_cast<std::size_t>(i);
      fixed_[u] = p_.mandatory[u] || st[u] == 1;
      allowed_[u] = st[u] != 0;
    }
    for (std::size_t j = 0; j < cols_.size(); ++j) {
      const auto& c = cols_[j];
      double ub = COIN_DBL_MAX;
      if (c.kind == 0) {
        for (int i : c.items)
          if (!allowed_[static_cast<std::size_t>(i)]) ub = 0;
      } else if (c.kind == 2 && !fixed_[static_cast<std::size_t>(c.items[0])])
        ub = 0;
      lp_.setColumnUpper(static_cast<int>(j), ub);
    }
    for (int i = 0; i < n_; ++i) lp_.setRowLower(i, fixed_[static_cast<std::size_t>(i)] ? 1.0 : -COIN_DBL_MAX);
  }

  void solve_lp(bool after_bounds) {
    ++lp_solves_;
    if (after_bounds)
      lp_.dual();
    else
      lp_.primal(1);
    if (!lp_.isProvenOptimal()) {
      lp_.allSlackBasis(true);
      lp_.primal();
      if (!lp_.isProvenOptimal()) throw Undecided("the master LP did not solve to optimality");
    }
  }

  struct Priced {
    int t;
    std::vector<int> S;
    std::int64_t v;
  };

  /// The exact integer bound (×R) from the LP's duals, rounded; the priced patterns.
  std::int64_t lagrangian(std::vector<Priced>& priced) {
    priced.clear();
    const double* y = lp_.dualRowSolution();
    pi_.assign(static_cast<std::size_t>(n_), 0);
    for (int i = 0; i < n_; ++i) {
      auto u = static_cast<std::size_t>(i);
      double v = -y[i];  // the dual of the maximisation
      if (!fixed_[u]) v = std::max(v, 0.0);
      if (!allowed_[u]) v = 0;
      pi_[u] = std::llround(v * R);
    }
    std::vector<std::int64_t> sig(cuts_.size(), 0);
    for (std::size_t k = 0; k < cuts_.size(); ++k)
      sig[k] = std::llround(std::max(-y[n_ + T_ + ng_rows_ + static_cast<int>(k)], 0.0) * R);
    const std::int64_t sng = tie_ ? std::llround(std::max(-y[n_ + T_], 0.0) * R) : 0;
    q_.assign(static_cast<std::size_t>(n_), 0);
    for (std::size_t i = 0; i < q_.size(); ++i) q_[i] = g_.s[i] * R - pi_[i] - (tie_ ? sng * ng_[i] : 0);
    for (std::size_t k = 0; k < cuts_.size(); ++k)
      if (sig[k])
        for (int i : cuts_[k]) q_[static_cast<std::size_t>(i)] -= sig[k];
    ks_.run(q_, g_.w, allowed_, g_.cmax);
    std::int64_t L = 0;
    for (auto v : pi_) L += v;
    for (std::size_t k = 0; k < cuts_.size(); ++k) L += sig[k] * static_cast<std::int64_t>(cuts_[k].size() - 1);
    L += sng * ng_rhs_;
    vs_.assign(static_cast<std::size_t>(T_), 0);
    for (int t = 0; t < T_; ++t) {
      const std::int64_t cap = g_.caps[static_cast<std::size_t>(t)];
      std::int64_t v = ks_.dp[static_cast<std::size_t>(cap)];
      std::vector<int> S;
      if (v == 0 && nonempty_) {
        int best = -1;
        for (int i = 0; i < n_; ++i) {
          auto u = static_cast<std::size_t>(i);
          if (allowed_[u] && g_.w[u] <= cap && (best < 0 || q_[u] > q_[static_cast<std::size_t>(best)])) best = i;
        }
        if (best < 0) return NEG;  // no process fits an expert of this class
        v = q_[static_cast<std::size_t>(best)];
        S = {best};
      } else
        S = ks_.back(g_.w, cap);
      L += g_.counts[static_cast<std::size_t>(t)] * v;
      vs_[static_cast<std::size_t>(t)] = v;
      // a few more columns: the best sets at slightly smaller capacities
      std::set<std::vector<int>> seen{S};
      priced.push_back({t, std::move(S), v});
      for (std::int64_t c = cap - 1;
           seen.size() < 6 && c > cap - 400 && c > 0 && ks_.dp[static_cast<std::size_t>(c)] > 0;) {
        auto S2 = ks_.back(g_.w, c);
        if (seen.insert(S2).second) priced.push_back({t, std::move(S2), ks_.dp[static_cast<std::size_t>(c)]});
        --c;
        while (c > 0 && ks_.dp[static_cast<std::size_t>(c)] == ks_.dp[static_cast<std::size_t>(c + 1)]) --c;
      }
    }
    L_ = L;
    return L;
  }

  /// Column generation at the node; false: pruned (bound ≤ incumbent). bound in score units.
  bool cg(std::int64_t& bound, bool after_bounds) {
    std::vector<Priced> priced;
    for (int it = 0; it < 5000; ++it) {
      check_limits();
      solve_lp(after_bounds && it == 0);
      std::int64_t L = lagrangian(priced);
      bound = std::min(bound, L == NEG ? NEG : floor_div(L, R));
      if (dead(bound)) return false;
      if (L == NEG) return false;
      const double* y = lp_.dualRowSolution();
      int added = 0;
      for (auto& pr : priced)
        if (static_cast<double>(pr.v) / R - (-y[n_ + pr.t]) > TOL && add_pattern(pr.t, pr.S)) ++added;
      if (!added) return true;
    }
    return true;
  }

  /// Processes fixed by the last exact bound, for the node's subtree (only better solutions).
  void fixings(std::vector<int>& fo, std::vector<int>& fi) {
    fo.clear();
    fi.clear();
    if (!have_) return;
    const std::int64_t lim = (inc_ + 1) * R;
    for (int i = 0; i < n_; ++i) {
      auto u = static_cast<std::size_t>(i);
      if (!allowed_[u] || fixed_[u]) continue;
      std::int64_t best = NEG;
      for (int t = 0; t < T_; ++t) {
        const std::int64_t cap = g_.caps[static_cast<std::size_t>(t)];
        if (g_.w[u] > cap) continue;
        best = std::max(
            best, L_ - vs_[static_cast<std::size_t>(t)] + q_[u] + ks_.dp[static_cast<std::size_t>(cap - g_.w[u])]);
      }
      if (best < lim)
        fo.push_back(i);
      else if (pi_[u] >= 0 && L_ - pi_[u] < lim)
        fi.push_back(i);
    }
  }

  /// The node's LP with fixing; false: pruned. st is updated with the fixings.
  bool solve_node(std::vector<signed char>& st, std::int64_t& bound) {
    activate(st);
    bool first = true;
    while (true) {
      if (!cg(bound, first)) return false;
      first = false;
      std::vector<int> fo, fi;
      fixings(fo, fi);
      if (fo.empty() && fi.empty()) return true;
      for (int i : fo) st[static_cast<std::size_t>(i)] = 0;
      for (int i : fi) st[static_cast<std::size_t>(i)] = 1;
      for (int i : fo)
        if (p_.mandatory[static_cast<std::size_t>(i)]) return false;
      activate(st);
      first = true;
    }
  }

  // ---- incumbents ----
  bool valid(const Sol& sol) const {
    std::vector<char> seen(static_cast<std::size_t>(n_), 0);
    std::vector<std::int64_t> per(static_cast<std::size_t>(T_), 0);
    for (const auto& [t, S] : sol) {
      if (t < 0 || t >= T_) return false;
      ++per[static_cast<std::size_t>(t)];
      if (static_cast<std::int64_t>(S.size()) < p_.min_per) return false;
      std::int64_t h = 0;
      for (int i : S) {
        auto u = static_cast<std::size_t>(i);
        if (seen[u]) return false;
        seen[u] = 1;
        h += g_.w[u];
      }
      if (h > g_.caps[static_cast<std::size_t>(t)]) return false;
    }
    if (per != g_.counts) return false;
    for (int i = 0; i < n_; ++i)
      if (p_.mandatory[static_cast<std::size_t>(i)] && !seen[static_cast<std::size_t>(i)]) return false;
    if (tie_) {  // the known selection is no answer to the uniqueness question
      std::int64_t a = 0;
      for (int i = 0; i < n_; ++i)
        if (seen[static_cast<std::size_t>(i)]) a += ng_[static_cast<std::size_t>(i)];
      if (a > ng_rhs_) return false;
    }
    return true;
  }
  void set_incumbent(const Sol& sol) {
    std::int64_t v = 0;
    for (const auto& pr : sol)
      for (int i : pr.second) v += g_.s[static_cast<std::size_t>(i)];
    if ((!have_ || v > inc_) && valid(sol)) {
      have_ = true;
      real_ = true;
      inc_ = v;
      inc_sol_ = sol;
      if (lim_.progress) {
        lim_.progress->best.store(v * g_.unit, std::memory_order_relaxed);
        lim_.progress->found.store(true, std::memory_order_relaxed);
      }
      if (tie_) throw Found{};
    }
  }
  void greedy() {
    std::vector<int> bins;
    for (int t = 0; t < T_; ++t)
      for (std::int64_t k = 0; k < g_.counts[static_cast<std::size_t>(t)]; ++k) bins.push_back(t);
    std::vector<std::int64_t> load(bins.size(), 0);
    Sol parts;
    for (int t : bins) parts.push_back({t, {}});
    std::vector<int> order(static_cast<std::size_t>(n_));
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](int i) {
      auto u = static_cast<std::size_t>(i);
      return static_cast<double>(g_.s[u]) / static_cast<double>(std::max<std::int64_t>(g_.w[u], 1));
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      bool pa = p_.mandatory[static_cast<std::size_t>(a)], pb = p_.mandatory[static_cast<std::size_t>(b)];
      if (pa != pb) return pa;
      return key(a) > key(b);
    });
    std::vector<std::size_t> bo(bins.size());
    for (int i : order) {
      auto u = static_cast<std::size_t>(i);
      if (!p_.mandatory[u] && g_.s[u] <= 0) continue;
      std::iota(bo.begin(), bo.end(), std::size_t{0});
      std::stable_sort(bo.begin(), bo.end(),
                       [&](std::size_t a, std::size_t b) { return parts[a].second.size() < parts[b].second.size(); });
      for (auto b : bo)
        if (load[b] + g_.w[u] <= g_.caps[static_cast<std::size_t>(bins[b])]) {
          load[b] += g_.w[u];
          parts[b].second.push_back(i);
          break;
        }
    }
    for (auto& pr : parts) {
      std::sort(pr.second.begin(), pr.second.end());
      add_pattern(pr.first, pr.second);
    }
    set_incumbent(parts);
  }
  /// The LP's patterns (λ ≥ threshold, largest first, disjoint), then an exact knapsack over the
  /// processes left for every expert left (mandatory ones first).
  void round_lp(const double* lam, double threshold) {
    std::vector<std::size_t> js;
    for (std::size_t j = 0; j < cols_.size(); ++j)
      if (cols_[j].kind == 0 && lam[j] >= threshold) js.push_back(j);
    std::stable_sort(js.begin(), js.end(), [&](std::size_t a, std::size_t b) { return lam[a] > lam[b]; });
    std::vector<char> used(static_cast<std::size_t>(n_), 0);
    std::vector<std::int64_t> left = g_.counts;
    Sol sol;
    for (auto j : js) {
      const auto& c = cols_[j];
      if (!left[static_cast<std::size_t>(c.t)]) continue;
      bool clash = false;
      for (int i : c.items) clash = clash || used[static_cast<std::size_t>(i)];
      if (clash) continue;
      sol.push_back({c.t, c.items});
      for (int i : c.items) used[static_cast<std::size_t>(i)] = 1;
      --left[static_cast<std::size_t>(c.t)];
    }
    std::int64_t bonus = 1;
    for (auto v : g_.s) bonus += v < 0 ? -v : v;
    std::vector<std::int64_t> q(static_cast<std::size_t>(n_));
    for (int t = 0; t < T_; ++t)
      for (std::int64_t k = 0; k < left[static_cast<std::size_t>(t)]; ++k) {
        std::vector<char> free(static_cast<std::size_t>(n_));
        for (std::size_t i = 0; i < free.size(); ++i) {
          free[i] = !used[i];
          q[i] = g_.s[i] + (p_.mandatory[i] ? bonus : 0);
        }
        const std::int64_t cap = g_.caps[static_cast<std::size_t>(t)];
        rks_.run(q, g_.w, free, cap);
        auto S = rks_.back(g_.w, cap);
        if (static_cast<std::int64_t>(S.size()) < p_.min_per) return;
        for (int i : S) used[static_cast<std::size_t>(i)] = 1;
        sol.push_back({t, std::move(S)});
      }
    set_incumbent(sol);
  }

  /// A packing of exactly X from the generated patterns inside X (an exact cover with the
  /// experts' counts, depth-first on the process with the fewest patterns left; 200,000 steps).
  /// true: found (a solution; "none" is not proven here).
  bool pack_from_pool(const std::vector<int>& X, const double* lam, bool support, std::optional<Sol>& out) {
    std::vector<int> pos(static_cast<std::size_t>(n_), -1);
    for (std::size_t k = 0; k < X.size(); ++k) pos[static_cast<std::size_t>(X[k])] = static_cast<int>(k);
    std::vector<std::size_t> pats;
    for (std::size_t j = 0; j < cols_.size(); ++j) {
      if (cols_[j].kind != 0 || cols_[j].items.empty() || (support && lam[j] <= 1e-9)) continue;
      bool inside = true;
      for (int i : cols_[j].items) inside = inside && pos[static_cast<std::size_t>(i)] >= 0;
      if (inside) pats.push_back(j);
    }
    std::stable_sort(pats.begin(), pats.end(), [&](std::size_t a, std::size_t b) { return lam[a] > lam[b]; });
    std::vector<std::vector<std::size_t>> by_item(X.size());
    for (auto j : pats)
      for (int i : cols_[j].items) by_item[static_cast<std::size_t>(pos[static_cast<std::size_t>(i)])].push_back(j);
    std::vector<char> covered(X.size(), 0);
    std::vector<std::int64_t> left = g_.counts;
    Sol sol;
    std::int64_t steps = 0;
    auto usable = [&](std::size_t j) {
      if (!left[static_cast<std::size_t>(cols_[j].t)]) return false;
      for (int i : cols_[j].items)
        if (covered[static_cast<std::size_t>(pos[static_cast<std::size_t>(i)])]) return false;
      return true;
    };
    auto rec = [&](auto&& self) -> bool {
      if (++steps > 200000) return false;
      std::int64_t room = 0, need = 0, bins = 0, open = 0;
      for (std::size_t t = 0; t < left.size(); ++t) {
        room += left[t] * g_.caps[t];
        bins += left[t];
      }
      for (std::size_t k = 0; k < X.size(); ++k)
        if (!covered[k]) {
          need += g_.w[static_cast<std::size_t>(X[k])];
          ++open;
        }
      if (need > room || (nonempty_ && bins > open)) return false;
      int best = -1;
      std::size_t nb = 0;
      for (std::size_t k = 0; k < X.size(); ++k) {
        if (covered[k]) continue;
        std::size_t c = 0;
        for (auto j : by_item[k]) c += usable(j);
        if (best < 0 || c < nb) {
          best = static_cast<int>(k);
          nb = c;
          if (!c) break;
        }
      }
      if (best < 0) {
        std::int64_t rest = 0;
        for (auto v : left) rest += v;
        if (nonempty_ && rest > 0) return false;
        for (std::size_t t = 0; t < left.size(); ++t)
          for (std::int64_t k = 0; k < left[t]; ++k) sol.push_back({static_cast<int>(t), {}});
        return true;
      }
      if (!nb) return false;
      for (auto j : by_item[static_cast<std::size_t>(best)]) {
        if (!usable(j)) continue;
        for (int i : cols_[j].items) covered[static_cast<std::size_t>(pos[static_cast<std::size_t>(i)])] = 1;
        --left[static_cast<std::size_t>(cols_[j].t)];
        sol.push_back({cols_[j].t, cols_[j].items});
        if (self(self)) return true;
        sol.pop_back();
        ++left[static_cast<std::size_t>(cols_[j].t)];
        for (int i : cols_[j].items) covered[static_cast<std::size_t>(pos[static_cast<std::size_t>(i)])] = 0;
      }
      return false;
    };
    bool found = rec(rec);
    if (!found) return false;
    out = sol;
    return true;
  }

  /// Bin completion (50,000 calls, fewest items first, then least waste first); the minimum of
  /// one per expert by moving a process from a bin with two or more. 1 packed, 0 none, −1 unknown.
  int pack(const std::vector<int>& X, std::optional<Sol>& out) {
    if (nonempty_ && static_cast<std::int64_t>(X.size()) < static_cast<std::int64_t>(g_.cls.size())) return 0;
    std::vector<std::int64_t> w;
    for (int i : X) w.push_back(g_.w[static_cast<std::size_t>(i)]);
    std::vector<std::pair<int, std::vector<int>>> bins;
    int res = -1;
    for (bool fewest : {true, false}) {
      BinCompletion bc(w, g_.caps, g_.counts, 50000, fewest);
      res = bc.run(bins);
      if (res != -1) break;
    }
    if (res != 1) return res;
    Sol parts;
    for (auto& [t, S] : bins) {
      std::vector<int> items;
      for (int k : S) items.push_back(X[static_cast<std::size_t>(k)]);
      parts.push_back({t, items});
    }
    if (nonempty_)
      for (auto& [t, S] : parts) {
        if (!S.empty()) continue;
        bool moved = false;
        for (auto& [t2, D] : parts)
          if (D.size() > 1 && g_.w[static_cast<std::size_t>(D.back())] <= g_.caps[static_cast<std::size_t>(t)]) {
            S.push_back(D.back());
            D.pop_back();
            moved = true;
            break;
          }
        if (!moved) return -1;  // only with unequal hours: not decided here
      }
    for (auto& pr : parts) std::sort(pr.second.begin(), pr.second.end());
    out = parts;
    return 1;
  }

  const BnpProblem& p_;
  BnpLimits lim_;
  Grid g_;
  int n_ = 0, T_ = 0;
  bool nonempty_ = false;
  double big_ = 0;
  std::int64_t vmin_ = 0;  // Σ of the negative scores: no selection is worth less
  /// A node of this exact bound holds no better selection than the incumbent, or none at all
  /// (below every selection's value: the node is infeasible — its LP needs the artificials).
  bool dead(std::int64_t bound) const { return (have_ && bound <= inc_) || bound < vmin_; }
  ClpSimplex lp_;
  std::vector<Column> cols_;
  std::set<std::pair<int, std::vector<int>>> colset_;
  std::vector<std::vector<int>> cuts_;
  std::vector<std::vector<char>> incut_;
  std::vector<char> fixed_, allowed_;
  std::vector<std::int64_t> pi_, q_, vs_;
  std::int64_t L_ = 0;
  Knapsack ks_, rks_;
  bool have_ = false;  // an incumbent value (from the start in the uniqueness question)
  bool real_ = false;  // and a selection that has it
  bool tie_ = false;   // the uniqueness question (BnpProblem::at_least)
  int ng_rows_ = 0;    // 1: row n_ + T_ cuts off the known selection (its coefficients ng_)
  std::vector<int> ng_;
  std::int64_t ng_rhs_ = 0;
  std::int64_t inc_ = 0;
  Sol inc_sol_;
  std::int64_t nodes_ = 0, lp_solves_ = 0;
};

struct Node {
  std::int64_t bound;
  int depth;
  std::int64_t seq;
  std::vector<signed char> st;  // −1 free, 0 out, 1 in
};
struct NodeOrder {
  bool operator()(const Node& a, const Node& b) const {  // best bound, deepest, first made
    if (a.bound != b.bound) return a.bound < b.bound;
    if (a.depth != b.depth) return a.depth < b.depth;
    return a.seq > b.seq;
  }
};

BnpResult Bnp::run() {
  BnpResult r;
  std::priority_queue<Node, std::vector<Node>, NodeOrder> heap;
  std::int64_t seq = 0;
  constexpr std::int64_t TOP = std::numeric_limits<std::int64_t>::max() / 4;
  heap.push({TOP, 0, seq++, std::vector<signed char>(static_cast<std::size_t>(n_), -1)});
  auto finish = [&](BnpStatus s) {
    r.status = s;
    r.found = real_;
    r.nodes = nodes_;
    r.lp_solves = lp_solves_;
    r.columns = static_cast<std::int64_t>(colset_.size());
    if (real_) {
      r.value = inc_ * g_.unit;
      r.who.assign(static_cast<std::size_t>(n_), -1);
      std::vector<std::vector<int>> experts(static_cast<std::size_t>(T_));
      for (std::size_t e = 0; e < g_.cls.size(); ++e)
        experts[static_cast<std::size_t>(g_.cls[e])].push_back(static_cast<int>(e));
      std::vector<std::size_t> used(static_cast<std::size_t>(T_), 0);
      for (const auto& [t, S] : inc_sol_) {
        int e = experts[static_cast<std::size_t>(t)][used[static_cast<std::size_t>(t)]++];
        for (int i : S) r.who[static_cast<std::size_t>(i)] = e;
      }
    }
    std::int64_t b = have_ ? inc_ : NEG;
    if (s == BnpStatus::limit && !heap.empty()) b = std::max(b, heap.top().bound);
    if (b >= TOP) {  // the root unsolved: every process with a positive score
      b = 0;
      for (auto v : g_.s) b += std::max<std::int64_t>(v, 0);
    }
    r.bound = b == NEG ? 0 : b * g_.unit;
    return r;
  };
  try {
    greedy();
    while (!heap.empty()) {
      Node nd = heap.top();
      if (dead(nd.bound)) {
        heap.pop();
        continue;
      }
      if (lim_.node_limit > 0 && nodes_ >= lim_.node_limit) throw Stop{BnpStop::node_limit};
      check_limits();
      heap.pop();
      ++nodes_;
      std::int64_t bound = nd.bound;
      bool open;
      try {
        open = solve_node(nd.st, bound);
      } catch (const Stop&) {
        heap.push(std::move(nd));  // not settled: its bound from before stays
        throw;
      }
      if (!open || dead(bound)) continue;
      const double* lam = lp_.primalColumnSolution();
      round_lp(lam, 0.5);
      round_lp(lam, 1e-6);
      if (dead(bound)) continue;
      // x and the artificials
      std::vector<double> x(static_cast<std::size_t>(n_), 0.0);
      double art = 0;
      for (std::size_t j = 0; j < cols_.size(); ++j) {
        if (cols_[j].kind != 0) {
          art += lam[j];
          continue;
        }
        for (int i : cols_[j].items) x[static_cast<std::size_t>(i)] += lam[j];
      }
      if (art > 1e-6) throw Undecided("artificial columns in an open node's LP");
      int f = -1;
      double fd = 2;
      for (int i = 0; i < n_; ++i) {
        double v = x[static_cast<std::size_t>(i)];
        if (v <= 1e-6 || v >= 1 - 1e-6) continue;
        double dd = std::fabs(v - 0.5);
        if (f < 0 || dd < fd - 1e-12 ||
            (std::fabs(dd - fd) <= 1e-12 && g_.s[static_cast<std::size_t>(i)] > g_.s[static_cast<std::size_t>(f)])) {
          f = i;
          fd = dd;
        }
      }
      if (f < 0) {
        std::vector<int> X;
        for (int i = 0; i < n_; ++i)
          if (x[static_cast<std::size_t>(i)] > 0.5) X.push_back(i);
        bool integral = true;
        Sol sol;
        for (std::size_t j = 0; j < cols_.size(); ++j)
          if (cols_[j].kind == 0 && lam[j] > 1e-6) {
            if (lam[j] < 1 - 1e-6) integral = false;
            sol.push_back({cols_[j].t, cols_[j].items});
          }
        if (integral) {
          set_incumbent(sol);
          if (!have_ || bound > inc_) throw Undecided("an integral LP below its exact bound");
          continue;
        }
        // the exact packing check of X: the assignment check's heuristics and a short search
        // (milli-hours, the minimum per expert), then bin completion on the grid
        std::optional<Sol> ps;
        bool none = false;
        {
          koers::detail::Packer pk(p_.cap, p_.min_per, 20000);
          if (lim_.deadline) pk.set_deadline(*lim_.deadline);
          if (lim_.progress) pk.set_cancel(&lim_.progress->cancel);
          std::vector<int> who;
          int res = pk.feasible(X, p_.hours, &who);
          if (res == 1) {
            std::vector<std::vector<int>> per(p_.cap.size());
            for (std::size_t k = 0; k < X.size(); ++k) per[static_cast<std::size_t>(who[k])].push_back(X[k]);
            Sol q;
            for (std::size_t e = 0; e < per.size(); ++e) q.push_back({g_.cls[e], per[e]});
            ps = q;
          } else if (res == 0)
            none = true;
        }
        if (!ps && !none) {
          check_limits();
          int res = pack_from_pool(X, lam, true, ps) || pack_from_pool(X, lam, false, ps) ? 1 : pack(X, ps);
          if (res == -1) {
            check_limits();
            throw Undecided("the packing check of an integral x did not settle");
          }
          none = res == 0;
        }
        if (ps) {
          set_incumbent(*ps);
          if (!have_ || bound > inc_) throw Undecided("a packing below its node's exact bound");
          continue;
        }
        add_cut(X);  // X fits no assignment: Σ_{i∈X} x_i ≤ |X| − 1, valid everywhere
        heap.push({bound, nd.depth, seq++, nd.st});
        continue;
      }
      auto in = nd.st, out = nd.st;
      in[static_cast<std::size_t>(f)] = 1;
      out[static_cast<std::size_t>(f)] = 0;
      heap.push({bound, nd.depth + 1, seq++, std::move(in)});
      heap.push({bound, nd.depth + 1, seq++, std::move(out)});
    }
  } catch (const Found&) { return finish(BnpStatus::optimal); } catch (const Stop& s) {
    r.stopped_by = s.why;
    return finish(BnpStatus::limit);
  } catch (const Undecided& u) {
    finish(BnpStatus::undecided);
    r.why = u.what();
    return r;
  }
  if (!have_) {
    finish(BnpStatus::undecided);
    r.why = "no selection found (infeasible?)";
    return r;
  }
  return finish(BnpStatus::optimal);
}

}  // namespace

bool bnp_applicable(const BnpProblem& p) {
  if (p.cap.empty() || p.min_per < 0 || p.min_per > 1) return false;
  if (p.score.size() != p.hours.size() || p.mandatory.size() != p.score.size()) return false;
  Grid g = make_grid(p);
  std::int64_t abs = 0;
  for (auto v : g.s) {
    abs += v < 0 ? -v : v;
    if (abs > (std::int64_t(1) << 48)) return false;
  }
  if (g.cmax > 200000) return false;
  return static_cast<double>(g.s.size() + 1) * static_cast<double>(g.cmax + 1) <= 5e7;
}

BnpResult select_bnp(const BnpProblem& p, const BnpLimits& limits) {
  try {
    Bnp b(p, limits);
    return b.run();
  } catch (...) {  // CoinError (not a std::exception) or anything else from the LP: not decided here
    BnpResult r;
    r.why = "the LP solver failed";
    return r;
  }
}

}  // namespace koers::budget::detail
