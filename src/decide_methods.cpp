// The ranking methods (weighted sum, TOPSIS, VIKOR, PROMETHEE II, SPOTIS), `rank` and the
// in-place `rank_matrix`. Declarations: include/koers/decide/wsm.hpp, topsis.hpp, vikor.hpp,
// promethee.hpp, spotis.hpp, rank.hpp.
#include <koers/decide/rank.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace koers::decide {

namespace detail {

Ranking begin_ranking(const DecisionProblem& p, Method m) {
  p.validate();
  Ranking r;
  r.method = m;
  r.weights = used_weights(p, r.warnings);
  r.choices.push_back({"name", to_string(m)});
  return r;
}

void finish_ranking(Ranking& r, const RankOptions& o) {
  // A safety net behind the bounds validate() puts on scores: a ranking never holds NaN.
  if (!r.scores.allFinite())
    throw RankingError(Errc::numeric_overflow,
                       to_string(r.method) + " scores overflowed (a score is not a finite number)", {});
  if (!o.contributions) {
    r.contributions.resize(0, 0);
    r.contribution_kind = "not computed (contributions = false)";
  }
  r.choices.push_back({"tie_rule", tie_rule_text});
  r.choices.push_back({"weights", "the criteria weights, normalised to sum 1"});
  if (o.ranks) assign_ranks(r);
}

void wsm_choices(Ranking& r, Normalisation n, const std::string& value_functions) {
  r.normalisation = to_string(n);
  r.choices.push_back({"normalisation", describe(n)});
  r.choices.push_back({"value_functions",
                       value_functions.empty() ? "none" : "piecewise-linear value functions on: " + value_functions});
  r.choices.push_back({"score", "sum over criteria of weight * value; higher is better"});
}

Eigen::MatrixXd wsm_values(const DecisionProblem& p, const RankOptions& o, Normalisation n,
                           std::vector<std::string>* warnings) {
  Eigen::MatrixXd u(p.scores.rows(), p.scores.cols());
  for (Eigen::Index j = 0; j < p.n_criteria(); ++j) {
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    const auto uj = static_cast<std::size_t>(j);
    if (uj < o.value_functions.size() && o.value_functions[uj]) {
      const auto& f = *o.value_functions[uj];
      f.check(c.name);
      for (Eigen::Index i = 0; i < p.scores.rows(); ++i) u(i, j) = f(p.scores(i, j));
    } else {
      u.col(j) = normalise_column(p.scores.col(j), c, n, warnings);
    }
  }
  return u;
}

void topsis_choices(Ranking& r, Normalisation n) {
  r.normalisation = to_string(n);
  r.choices.push_back({"normalisation", describe(n)});
  r.choices.push_back({"distance", "euclidean"});
  r.choices.push_back({"ideal", "column max / min of the weighted normalised (benefit-oriented) matrix"});
  r.choices.push_back({"score", "closeness D-/(D+ + D-); higher is better"});
}

void vikor_choices(Ranking& r, const RankOptions& o) {
  if (!(o.v >= 0 && o.v <= 1))
    throw RankingError(Errc::invalid_method, "VIKOR v must lie in [0, 1], got " + fmt_double(o.v), {"v"});
  if (o.normalisation && *o.normalisation != Normalisation::none)
    throw RankingError(Errc::invalid_method,
                       "VIKOR uses its own normalisation (f*-f)/(f*-f-); got '" + to_string(*o.normalisation) + "'",
                       {"normalisation"});
  r.v = o.v;
  r.normalisation = "vikor";
  r.choices.push_back({"normalisation", "vikor: (f*-f)/(f*-f-) with f* the best and f- the worst score per criterion"});
  r.choices.push_back({"v", fmt_double(o.v)});
  r.choices.push_back({"score", "Q; lower is better"});
  r.choices.push_back(
      {"conditions",
       "C1 acceptable advantage Q(a2)-Q(a1) >= 1/(m-1); C2 acceptable stability: a1 also best by S or R"});
}

void vikor_finish(Ranking& r, const RankOptions& o) {
  const Eigen::Index m = r.S.size();
  const double s0 = r.S.minCoeff(), s1 = r.S.maxCoeff(), r0 = r.R.minCoeff(), r1 = r.R.maxCoeff();
  r.Q.resize(m);
  if (s1 == s0) r.warnings.push_back("every alternative has the same S: the S part of Q is 0");
  if (r1 == r0) r.warnings.push_back("every alternative has the same R: the R part of Q is 0");
  // Q_i = v qs_i + (1 − v) qr_i, with qs (qr) 0 where S (R) does not vary; array-wise (vectorised)
  const auto S = r.S.array(), R = r.R.array();
  const double v = o.v, u = 1 - o.v;
  if (s1 > s0 && r1 > r0)
    r.Q.array() = v * ((S - s0) / (s1 - s0)) + u * ((R - r0) / (r1 - r0));
  else if (s1 > s0)
    r.Q.array() = v * ((S - s0) / (s1 - s0)) + u * 0.0;
  else if (r1 > r0)
    r.Q.array() = v * 0.0 + u * ((R - r0) / (r1 - r0));
  else
    r.Q.setConstant(v * 0.0 + u * 0.0);
  r.scores = r.Q;
  r.higher_is_better = false;
  finish_ranking(r, o);
  if (!o.ranks) return;
  // acceptance conditions
  const Eigen::Index a1 = r.order.front();
  if (m == 1) {
    r.acceptable_advantage = r.acceptable_stability = true;
    r.compromise = {a1};
    return;
  }
  const double dq = 1.0 / static_cast<double>(m - 1);
  const Eigen::Index a2 = r.order[1];
  r.acceptable_advantage = r.Q[a2] - r.Q[a1] >= dq - 1e-12;
  auto s_ranks = ranks_of(r.S, false), r_ranks = ranks_of(r.R, false);
  r.acceptable_stability = s_ranks[static_cast<std::size_t>(a1)] == 1 || r_ranks[static_cast<std::size_t>(a1)] == 1;
  if (r.acceptable_advantage && r.acceptable_stability) {
    r.compromise = {a1};
  } else if (r.acceptable_advantage) {
    r.compromise = {a1, a2};
  } else {
    for (auto i : r.order)
      if (r.Q[i] - r.Q[a1] < dq - 1e-12 || i == a1) r.compromise.push_back(i);
  }
}

namespace {

/// From this many cells up rank_in_place splits the rows in `row_chunks` chunks that two
/// threads share. The split depends on the size alone, and chunks are combined in their order,
/// so the result is the same for any thread count.
constexpr Eigen::Index parallel_cells = Eigen::Index{1} << 16;
constexpr int max_chunks = 8;

/// How many chunks the rows of an m × n matrix are split in (1: not split).
int row_chunks(Eigen::Index m, Eigen::Index n) { return m >= max_chunks && m * n >= parallel_cells ? max_chunks : 1; }

/// Runs `f(chunk, i0, i1)` for every chunk of rows [m·k/c, m·(k + 1)/c), k < c = `chunks`.
/// With `threads` ≥ 2 a helper thread takes chunks too, but the caller never waits for it to
/// start: it takes whatever chunk is left and waits only for chunks the helper has begun. (The
/// helper is detached; what it shares outlives the call, and it touches `f` only for a chunk it
/// took before the last one was done.) `f` must not throw.
template <class F>
void over_chunks(Eigen::Index m, int chunks, unsigned threads, const F& f) {
  auto run = [m, chunks, &f](int k) { f(k, m * k / chunks, m * (k + 1) / chunks); };
  if (chunks == 1 || threads < 2) {
    for (int k = 0; k < chunks; ++k) run(k);
    return;
  }
  struct Shared {
    std::atomic<int> next{0}, done{0};
  };
  auto shared = std::make_shared<Shared>();
  auto work = [shared, chunks, run] {
    for (int k; (k = shared->next.fetch_add(1)) < chunks;) {
      run(k);
      shared->done.fetch_add(1, std::memory_order_release);
      shared->done.notify_one();
    }
  };
  try {
    std::thread(work).detach();
  } catch (const std::system_error&) {  // no thread to be had: every chunk here
  }
  work();
  for (int d; (d = shared->done.load(std::memory_order_acquire)) < chunks;)
    shared->done.wait(d, std::memory_order_acquire);
}

/// One chunk's column statistics, kept per statistic (contiguous over the criteria).
struct PartStats {
  std::vector<double> lo, hi, sum, sumsq;
  explicit PartStats(Eigen::Index n)
      : lo(static_cast<std::size_t>(n)), hi(lo.size()), sum(lo.size()), sumsq(lo.size()) {}
};

/// Two rows `a` and `b` of n scores into the column statistics (restrict: the loop vectorises).
template <bool Squares>
void two_rows_stats(const double* __restrict a, const double* __restrict b, Eigen::Index n, double* __restrict lo,
                    double* __restrict hi, double* __restrict s, double* __restrict q) {
  for (Eigen::Index j = 0; j < n; ++j) {
    const double u = a[j], v = b[j];
    const double l = v < u ? v : u, h = v > u ? v : u;
    lo[j] = l < lo[j] ? l : lo[j];
    hi[j] = h > hi[j] ? h : hi[j];
    s[j] += u + v;
    if constexpr (Squares) q[j] += u * u + v * v;
  }
}

/// Min, max, sum (and the sum of squares when `Squares`) per column of rows [i0, i1), i0 < i1,
/// in the memory order: two rows at a time of a row-major matrix, four lanes of rows per column
/// of a column-major one. (A NaN escapes min and max but shows in the sum.)
template <bool Squares>
void part_stats(const MatrixView& x, Eigen::Index i0, Eigen::Index i1, PartStats& ps) {
  const Eigen::Index n = x.cols();
  const double* d = x.data();
  double* lo = ps.lo.data();
  double* hi = ps.hi.data();
  double* s = ps.sum.data();
  double* q = ps.sumsq.data();
  if (x.innerStride() != 1) {  // row-major (outer stride 1): row i at d + i·rs
    const Eigen::Index rs = x.innerStride();
    const double* r0 = d + i0 * rs;
    for (Eigen::Index j = 0; j < n; ++j) {
      lo[j] = hi[j] = r0[j];
      s[j] = q[j] = 0.0;
    }
    Eigen::Index i = i0;
    for (; i + 1 < i1; i += 2) two_rows_stats<Squares>(d + i * rs, d + (i + 1) * rs, n, lo, hi, s, q);
    if (i < i1) {
      const double* a = d + i * rs;
      for (Eigen::Index j = 0; j < n; ++j) {
        const double u = a[j];
        lo[j] = u < lo[j] ? u : lo[j];
        hi[j] = u > hi[j] ? u : hi[j];
        s[j] += u;
        if constexpr (Squares) q[j] += u * u;
      }
    }
    return;
  }
  const Eigen::Index os = x.outerStride();  // column-major: column j at d + j·os
  for (Eigen::Index j = 0; j < n; ++j) {
    const double* c = d + j * os;
    double l4[4], h4[4], s4[4] = {0, 0, 0, 0}, q4[4] = {0, 0, 0, 0};
    for (int k = 0; k < 4; ++k) l4[k] = h4[k] = c[i0];
    Eigen::Index i = i0;
    for (; i + 4 <= i1; i += 4)
      for (int k = 0; k < 4; ++k) {
        const double v = c[i + k];
        l4[k] = v < l4[k] ? v : l4[k];
        h4[k] = v > h4[k] ? v : h4[k];
        s4[k] += v;
        if constexpr (Squares) q4[k] += v * v;
      }
    for (; i < i1; ++i) {
      const double v = c[i];
      l4[0] = v < l4[0] ? v : l4[0];
      h4[0] = v > h4[0] ? v : h4[0];
      s4[0] += v;
      if constexpr (Squares) q4[0] += v * v;
    }
    lo[j] = std::min(std::min(l4[0], l4[1]), std::min(l4[2], l4[3]));
    hi[j] = std::max(std::max(h4[0], h4[1]), std::max(h4[2], h4[3]));
    s[j] = (s4[0] + s4[1]) + (s4[2] + s4[3]);
    q[j] = (q4[0] + q4[1]) + (q4[2] + q4[3]);
  }
}

/// The per-row terms of the three in-place methods. `add` takes one score x_ij into the
/// accumulator, `store` writes row i's sums, `finish` turns the sums of rows
/// [i0, i0 + len) into results (vectorised; false: a case the general path reports). The
/// coefficient arrays hold one entry per criterion.
struct TopsisTerms {
  const double *a, *b, *best, *worst;
  double *dp, *dm, *score;
  struct Acc {
    double p = 0, m = 0;
  };
  void add(Acc& c, Eigen::Index j, double v) const {
    const double t = a[j] * v + b[j], e = t - best[j], f = t - worst[j];
    c.p += e * e;
    c.m += f * f;
  }
  void store(Eigen::Index i, Acc c) const {
    dp[i] = c.p;
    dm[i] = c.m;
  }
  bool finish(Eigen::Index i0, Eigen::Index len) const {
    Eigen::Map<Eigen::ArrayXd> p(dp + i0, len), m(dm + i0, len), c(score + i0, len);
    p = p.sqrt();
    m = m.sqrt();
    c = m / (p + m);
    return ((p + m) > 0).all();  // else its warning (closeness 0.5): the general path
  }
};

struct WsmTerms {
  const double* a;
  double b_sum;
  double* score;
  struct Acc {
    double s = 0;
  };
  void add(Acc& c, Eigen::Index j, double v) const { c.s += a[j] * v; }
  void store(Eigen::Index i, Acc c) const { score[i] = b_sum + c.s; }
  static bool finish(Eigen::Index, Eigen::Index) { return true; }
};

struct VikorTerms {
  const double *a, *b;
  double *S, *R;
  struct Acc {
    double s = 0, r = -std::numeric_limits<double>::infinity();
  };
  void add(Acc& c, Eigen::Index j, double v) const {
    const double t = a[j] * v + b[j];
    c.s += t;
    c.r = t > c.r ? t : c.r;
  }
  void store(Eigen::Index i, Acc c) const {
    S[i] = c.s;
    R[i] = c.r;
  }
  static bool finish(Eigen::Index, Eigen::Index) { return true; }
};

/// Rows [i0, i1) through the terms `k`, in blocks of rows, each row's criteria in order (the
/// same sums for either layout): a row-major matrix two rows side by side, a column-major block
/// criterion by criterion. False when a block's `finish` was false.
template <class K>
bool part_terms(const MatrixView& x, Eigen::Index i0, Eigen::Index i1, const K& k) {
  using Acc = typename K::Acc;
  constexpr Eigen::Index block = 256;
  const Eigen::Index n = x.cols();
  const double* d = x.data();
  const bool row_major = x.innerStride() != 1;
  const Eigen::Index rs = x.innerStride(), os = x.outerStride();
  bool ok = true;
  Acc acc[block];
  for (Eigen::Index b0 = i0; b0 < i1; b0 += block) {
    const Eigen::Index len = std::min(block, i1 - b0);
    if (row_major) {
      Eigen::Index i = b0;
      for (; i + 1 < b0 + len; i += 2) {  // two rows side by side, each criterion by criterion
        const double* r0 = d + i * rs;
        const double* r1 = r0 + rs;
        Acc c[2];
        for (Eigen::Index j = 0; j < n; ++j) {
          k.add(c[0], j, r0[j]);
          k.add(c[1], j, r1[j]);
        }
        k.store(i, c[0]);
        k.store(i + 1, c[1]);
      }
      if (i < b0 + len) {
        const double* r0 = d + i * rs;
        Acc c;
        for (Eigen::Index j = 0; j < n; ++j) k.add(c, j, r0[j]);
        k.store(i, c);
      }
    } else {
      for (Eigen::Index t = 0; t < len; ++t) acc[t] = Acc{};
      for (Eigen::Index j = 0; j < n; ++j) {
        const double* c = d + j * os + b0;
        for (Eigen::Index t = 0; t < len; ++t) k.add(acc[t], j, c[t]);
      }
      for (Eigen::Index t = 0; t < len; ++t) k.store(b0 + t, acc[t]);
    }
    ok &= k.finish(b0, len);
  }
  return ok;
}

/// Every chunk of rows through the terms `k`; false when a row of any was refused.
template <class K>
bool all_terms(const MatrixView& x, unsigned threads, const K& k) {
  const int chunks = row_chunks(x.rows(), x.cols());
  bool ok[max_chunks];
  over_chunks(x.rows(), chunks, threads,
              [&](int c, Eigen::Index i0, Eigen::Index i1) { ok[c] = part_terms(x, i0, i1, k); });
  return std::all_of(ok, ok + chunks, [](bool b) { return b; });
}

}  // namespace

std::optional<Ranking> rank_in_place(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                     const std::vector<Direction>& directions, const RankOptions& o, unsigned threads) {
  const Eigen::Index m = x.rows(), n = x.cols();
  const bool layout_ok = x.innerStride() == 1 || x.outerStride() == 1;
  if (m == 0 || n == 0 || !layout_ok || weights.size() != n || static_cast<Eigen::Index>(directions.size()) != n ||
      o.contributions || !o.value_functions.empty() ||
      !(o.method == Method::topsis || o.method == Method::wsm || o.method == Method::vikor))
    return std::nullopt;
  double wsum = 0;
  for (Eigen::Index j = 0; j < n; ++j) {
    if (!std::isfinite(weights[j]) || weights[j] < 0) return std::nullopt;
    wsum += weights[j];
  }
  if (!(wsum > 0)) return std::nullopt;
  // the problem without its scores: names, directions and weights, for the stated choices
  DecisionProblem shell;
  for (Eigen::Index j = 0; j < n; ++j) {
    Criterion c;
    c.name = "C" + std::to_string(j + 1);
    c.direction = directions[static_cast<std::size_t>(j)];
    c.weight = weights[j];
    shell.criteria.push_back(std::move(c));
  }
  // pass 1: min, max, sum (and sum of squares) per column, per part; a score that is not finite
  // shows in the sums, one beyond max_score_magnitude in min or max
  const Normalisation norm =
      o.method == Method::vikor
          ? Normalisation::none
          : o.normalisation.value_or(o.method == Method::topsis ? Normalisation::vector : Normalisation::minmax);
  const bool squares = norm == Normalisation::vector;
  const int chunks = row_chunks(m, n);
  std::vector<PartStats> parts(static_cast<std::size_t>(chunks), PartStats(n));
  over_chunks(m, chunks, threads, [&](int c, Eigen::Index i0, Eigen::Index i1) {
    if (squares)
      part_stats<true>(x, i0, i1, parts[static_cast<std::size_t>(c)]);
    else
      part_stats<false>(x, i0, i1, parts[static_cast<std::size_t>(c)]);
  });
  std::vector<ColumnStats> st(static_cast<std::size_t>(n));
  for (std::size_t j = 0; j < st.size(); ++j) {
    ColumnStats& s = st[j];
    s = {parts[0].lo[j], parts[0].hi[j], parts[0].sum[j], squares ? parts[0].sumsq[j] : 0.0};
    for (std::size_t c = 1; c < parts.size(); ++c) {  // in chunk order
      s.min = std::min(s.min, parts[c].lo[j]);
      s.max = std::max(s.max, parts[c].hi[j]);
      s.sum += parts[c].sum[j];
      if (squares) s.sumsq += parts[c].sumsq[j];
    }
    if (!std::isfinite(s.sum) || !std::isfinite(s.sumsq)) return std::nullopt;  // the general path names it
    if (std::max(std::abs(s.min), std::abs(s.max)) > max_score_magnitude) return std::nullopt;  // E310
  }
  Ranking r;
  r.method = o.method;
  r.weights = used_weights(shell, r.warnings);
  r.choices.push_back({"name", to_string(o.method)});
  // per column: the term's affine form a·x + b (weighted, benefit-oriented)
  Eigen::VectorXd a(n), b(n);
  if (o.method == Method::vikor) {
    if (o.normalisation && *o.normalisation != Normalisation::none) return std::nullopt;
    if (!(o.v >= 0 && o.v <= 1)) return std::nullopt;
    vikor_choices(r, o);
    for (Eigen::Index j = 0; j < n; ++j) {  // t = w (f* − x)/(f* − f⁻)
      const auto& s = st[static_cast<std::size_t>(j)];
      const double best = shell.is_benefit(j) ? s.max : s.min, worst = shell.is_benefit(j) ? s.min : s.max;
      if (best == worst) return std::nullopt;  // its warning: the general path
      a[j] = -r.weights[j] / (best - worst);
      b[j] = r.weights[j] * best / (best - worst);
    }
    r.S.resize(m);
    r.R.resize(m);
    all_terms(x, threads, VikorTerms{a.data(), b.data(), r.S.data(), r.R.data()});
    r.contribution_kind = vikor_contribution_kind;
    const std::size_t warned = r.warnings.size();
    vikor_finish(r, o);
    if (r.warnings.size() != warned) return std::nullopt;  // S or R does not vary: its warning, the general path
    return r;
  }
  for (Eigen::Index j = 0; j < n; ++j) {
    auto af = affine_form(st[static_cast<std::size_t>(j)], shell.criteria[static_cast<std::size_t>(j)], norm);
    if (!af) return std::nullopt;  // a column that does not discriminate, or cost max/sum: the general path
    a[j] = r.weights[j] * af->first;
    b[j] = r.weights[j] * af->second;
  }
  r.scores.resize(m);
  if (o.method == Method::wsm) {
    wsm_choices(r, norm, "");
    all_terms(x, threads, WsmTerms{a.data(), b.sum(), r.scores.data()});
    r.contribution_kind = "weight * normalised value (sums to the score)";
    r.higher_is_better = true;
    finish_ranking(r, o);
    return r;
  }
  topsis_choices(r, norm);
  Eigen::VectorXd best(n), worst(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const auto& s = st[static_cast<std::size_t>(j)];
    best[j] = a[j] >= 0 ? a[j] * s.max + b[j] : a[j] * s.min + b[j];
    worst[j] = a[j] >= 0 ? a[j] * s.min + b[j] : a[j] * s.max + b[j];
  }
  r.d_plus.resize(m);
  r.d_minus.resize(m);
  if (!all_terms(x, threads,
                 TopsisTerms{a.data(), b.data(), best.data(), worst.data(), r.d_plus.data(), r.d_minus.data(),
                             r.scores.data()}))
    return std::nullopt;  // its warning (closeness 0.5): the general path
  r.contribution_kind = topsis_contribution_kind;
  r.higher_is_better = true;
  finish_ranking(r, o);
  return r;
}

}  // namespace detail

Ranking wsm(const DecisionProblem& p, const RankOptions& o) {
  Ranking r = detail::begin_ranking(p, Method::wsm);
  Normalisation n = o.normalisation.value_or(Normalisation::minmax);
  if (!o.value_functions.empty() && static_cast<Eigen::Index>(o.value_functions.size()) != p.n_criteria())
    throw InputError::size_mismatch("value_functions", static_cast<long long>(o.value_functions.size()),
                                    p.n_criteria());
  std::string vf;
  for (std::size_t j = 0; j < o.value_functions.size(); ++j)
    if (o.value_functions[j]) vf += (vf.empty() ? "" : ", ") + p.criteria[j].name;
  detail::wsm_choices(r, n, vf);
  Eigen::MatrixXd u = detail::wsm_values(p, o, n, &r.warnings);
  r.contributions = u * r.weights.asDiagonal();
  r.contribution_kind = "weight * normalised value (sums to the score)";
  r.scores = r.contributions.rowwise().sum();
  r.higher_is_better = true;
  detail::finish_ranking(r, o);
  return r;
}

Ranking topsis(const DecisionProblem& p, const RankOptions& o) {
  Ranking r = detail::begin_ranking(p, Method::topsis);
  Normalisation n = o.normalisation.value_or(Normalisation::vector);
  detail::topsis_choices(r, n);
  const Eigen::Index m = p.n_alternatives();
  Eigen::MatrixXd v(o.contributions ? m : 0, p.n_criteria());
  Eigen::ArrayXd dp = Eigen::ArrayXd::Zero(m), dm = Eigen::ArrayXd::Zero(m);
  for (Eigen::Index j = 0; j < p.n_criteria(); ++j) {
    // column by column (contiguous): weighted normalised value, squared gaps to the column's best and worst
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    const ColumnStats st = column_stats(p.scores.col(j));
    if (auto af = affine_form(st, c, n)) {
      // fused: v = A x + B; its best and worst follow from the column's min and max
      const double A = r.weights[j] * af->first, B = r.weights[j] * af->second;
      const double best = A >= 0 ? A * st.max + B : A * st.min + B;
      const double worst = A >= 0 ? A * st.min + B : A * st.max + B;
      const double* x = p.scores.col(j).data();
      double* vj = o.contributions ? v.col(j).data() : nullptr;
      double* pp = dp.data();
      double* pm = dm.data();
      for (Eigen::Index i = 0; i < m; ++i) {
        const double t = A * x[i] + B, e = t - best, f = t - worst;
        if (vj) vj[i] = t;
        pp[i] += e * e;
        pm[i] += f * f;
      }
    } else {
      Eigen::VectorXd vc = r.weights[j] * normalise_column(p.scores.col(j), c, n, &r.warnings);
      const double best = vc.maxCoeff(), worst = vc.minCoeff();
      dp += (vc.array() - best).square();
      dm += (vc.array() - worst).square();
      if (o.contributions) v.col(j) = vc;
    }
  }
  r.d_plus = dp.sqrt().matrix();
  r.d_minus = dm.sqrt().matrix();
  r.scores.resize(m);
  bool degenerate = false;
  for (Eigen::Index i = 0; i < m; ++i) {
    double d = r.d_plus[i] + r.d_minus[i];
    if (d > 0)
      r.scores[i] = r.d_minus[i] / d;
    else {
      r.scores[i] = 0.5;
      degenerate = true;
    }
  }
  if (degenerate) r.warnings.push_back("every alternative equals the ideal and the anti-ideal: closeness set to 0.5");
  r.contributions = std::move(v);
  r.contribution_kind = detail::topsis_contribution_kind;
  r.higher_is_better = true;
  detail::finish_ranking(r, o);
  return r;
}

Ranking vikor(const DecisionProblem& p, const RankOptions& o) {
  Ranking r = detail::begin_ranking(p, Method::vikor);
  detail::vikor_choices(r, o);
  const Eigen::Index m = p.n_alternatives(), nc = p.n_criteria();
  Eigen::MatrixXd t(m, nc);
  for (Eigen::Index j = 0; j < nc; ++j) {
    auto x = p.scores.col(j);
    double best = p.is_benefit(j) ? x.maxCoeff() : x.minCoeff();
    double worst = p.is_benefit(j) ? x.minCoeff() : x.maxCoeff();
    if (best == worst) {
      r.warnings.push_back("criterion '" + p.criteria[static_cast<std::size_t>(j)].name +
                           "' has one value for every alternative: it contributes nothing");
      t.col(j).setZero();
    } else {
      t.col(j) = r.weights[j] * (best - x.array()) / (best - worst);
    }
  }
  r.contributions = t;
  r.contribution_kind = detail::vikor_contribution_kind;
  r.S = t.rowwise().sum();
  r.R = t.rowwise().maxCoeff();
  detail::vikor_finish(r, o);
  return r;
}

double preference_degree(const Preference& f, double d) {
  if (d <= 0) return 0.0;
  switch (f.function) {
    case PreferenceFunction::usual: return 1.0;
    case PreferenceFunction::u_shape: return d > f.q ? 1.0 : 0.0;
    case PreferenceFunction::v_shape: return d >= f.p ? 1.0 : d / f.p;
    case PreferenceFunction::level: return d <= f.q ? 0.0 : (d <= f.p ? 0.5 : 1.0);
    case PreferenceFunction::linear: return d <= f.q ? 0.0 : (d >= f.p ? 1.0 : (d - f.q) / (f.p - f.q));
    case PreferenceFunction::gaussian: return 1.0 - std::exp(-d * d / (2.0 * f.s * f.s));
  }
  return 0.0;
}

void promethee_unicriterion(const DecisionProblem& p, Eigen::MatrixXd& plus, Eigen::MatrixXd& minus) {
  const Eigen::Index m = p.n_alternatives(), nc = p.n_criteria();
  plus = Eigen::MatrixXd::Zero(m, nc);
  minus = Eigen::MatrixXd::Zero(m, nc);
  if (m < 2) return;
  for (Eigen::Index j = 0; j < nc; ++j) {
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    const Preference f = c.preference.value_or(Preference{});
    const double sgn = c.direction == Direction::max ? 1.0 : -1.0;
    for (Eigen::Index a = 0; a < m; ++a)
      for (Eigen::Index b = 0; b < m; ++b) {
        if (a == b) continue;
        double pab = preference_degree(f, sgn * (p.scores(a, j) - p.scores(b, j)));
        plus(a, j) += pab;
        minus(b, j) += pab;
      }
  }
  plus /= static_cast<double>(m - 1);
  minus /= static_cast<double>(m - 1);
}

Ranking promethee2(const DecisionProblem& p, const RankOptions& o) {
  Ranking r = detail::begin_ranking(p, Method::promethee2);
  if (o.normalisation && *o.normalisation != Normalisation::none)
    throw RankingError(Errc::invalid_method,
                       "PROMETHEE II compares raw differences through preference functions; got normalisation '" +
                           to_string(*o.normalisation) + "'",
                       {"normalisation"});
  r.normalisation = "none";
  r.choices.push_back(
      {"normalisation", "none: preference functions on raw differences d = g(a) - g(b) (reversed for min)"});
  for (const auto& c : p.criteria) {
    const Preference f = c.preference.value_or(Preference{});
    r.choices.push_back({"preference/" + c.name, to_string(f.function) + " q=" + fmt_double(f.q) +
                                                     " p=" + fmt_double(f.p) + " s=" + fmt_double(f.s) +
                                                     (c.preference ? "" : " (not given: usual)")});
  }
  r.choices.push_back({"flows", "phi+ = sum_b pi(a,b)/(m-1), phi- = sum_b pi(b,a)/(m-1), phi = phi+ - phi-"});
  r.choices.push_back({"score", "net flow phi; higher is better"});
  Eigen::MatrixXd plus, minus;
  promethee_unicriterion(p, plus, minus);
  r.phi_plus = plus * r.weights;
  r.phi_minus = minus * r.weights;
  r.phi = r.phi_plus - r.phi_minus;
  r.contributions = (plus - minus) * r.weights.asDiagonal();
  r.contribution_kind = "weight * unicriterion net flow (sums to phi)";
  r.scores = r.phi;
  r.higher_is_better = true;
  detail::finish_ranking(r, o);
  return r;
}

Ranking spotis(const DecisionProblem& p, const RankOptions& o) {
  Ranking r = detail::begin_ranking(p, Method::spotis);
  if (o.normalisation && *o.normalisation != Normalisation::scale && *o.normalisation != Normalisation::none)
    throw RankingError(
        Errc::invalid_method,
        "SPOTIS takes its bounds from the criteria scales; got normalisation '" + to_string(*o.normalisation) + "'",
        {"normalisation"});
  for (const auto& c : p.criteria)
    if (!c.scale)
      throw RankingError(Errc::invalid_scale,
                         "criterion '" + c.name + "' has no scale; SPOTIS takes its bounds from the scales", {c.name});
  r.normalisation = "scale";
  r.choices.push_back({"normalisation", "scale: |x - s*|/(hi - lo), bounds [lo, hi] from the criteria scales"});
  r.choices.push_back({"ideal", "s* = hi for max criteria, lo for min criteria"});
  r.choices.push_back({"score", "weighted distance to the ideal; lower is better"});
  const Eigen::Index m = p.n_alternatives(), nc = p.n_criteria();
  Eigen::MatrixXd t(m, nc);
  for (Eigen::Index j = 0; j < nc; ++j) {
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    const double ideal = c.direction == Direction::max ? c.scale->hi : c.scale->lo;
    t.col(j) = r.weights[j] * (p.scores.col(j).array() - ideal).abs() / (c.scale->hi - c.scale->lo);
  }
  r.contributions = t;
  r.contribution_kind = "weight * normalised distance to the ideal (sums to the score; lower is better)";
  r.scores = t.rowwise().sum();
  r.higher_is_better = false;
  detail::finish_ranking(r, o);
  return r;
}

Ranking rank(const DecisionProblem& p, const RankOptions& o) {
  switch (o.method) {
    case Method::wsm: return wsm(p, o);
    case Method::topsis: return topsis(p, o);
    case Method::vikor: return vikor(p, o);
    case Method::promethee2: return promethee2(p, o);
    case Method::spotis: return spotis(p, o);
  }
  throw RankingError(Errc::invalid_method, "unknown ranking method", {});
}

Ranking rank_matrix(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                    const std::vector<Direction>& directions, const RankOptions& o) {
  // asked once: std::thread::hardware_concurrency() reads /sys on every call (about 5 µs, a
  // sizeable part of ranking a small matrix)
  static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (auto r = detail::rank_in_place(x, weights, directions, o, cores)) return std::move(*r);
  return rank(make_problem(x, weights, directions), o);
}

}  // namespace koers::decide
