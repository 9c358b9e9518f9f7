// SMAA-2: the samplers, the fast evaluators, the per-sample ranking and the threads.
// Declarations: include/koers/decide/smaa.hpp.
#include <koers/decide/smaa.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace koers::decide {

namespace detail {
namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
/// Uniform in (0, 1), from 53 random bits (never 0).
double unit(std::mt19937_64& g) { return (static_cast<double>(g() >> 11) + 0.5) * 0x1.0p-53; }
/// Standard normal by Box–Muller (our own, so results do not depend on the standard library).
double std_normal(std::mt19937_64& g) {
  double u1 = unit(g), u2 = unit(g);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

/// Fast evaluation of one method for many weight vectors over fixed (possibly perturbed) scores.
struct Evaluator {
  Method method;
  Eigen::MatrixXd U;          // wsm/promethee/spotis: utilities; topsis: normalised; vikor: (f*-f)/(f*-f-)
  Eigen::RowVectorXd hi, lo;  // topsis column max/min of U
  double v = 0.5;
  bool higher = true;

  Evaluator(const DecisionProblem& p, const RankOptions& o) : method(o.method), v(o.v) {
    const Eigen::Index n = p.n_criteria();
    std::vector<std::string> ignore;
    switch (method) {
      case Method::topsis:
        U = normalise(p, o.normalisation.value_or(Normalisation::vector), &ignore);
        hi = U.colwise().maxCoeff();
        lo = U.colwise().minCoeff();
        higher = true;
        break;
      case Method::vikor: {
        U.resize(p.n_alternatives(), n);
        for (Eigen::Index j = 0; j < n; ++j) {
          auto x = p.scores.col(j);
          double best = p.is_benefit(j) ? x.maxCoeff() : x.minCoeff();
          double worst = p.is_benefit(j) ? x.minCoeff() : x.maxCoeff();
          if (best == worst)
            U.col(j).setZero();
          else
            U.col(j) = (best - x.array()) / (best - worst);
        }
        higher = false;
        break;
      }
      default: {
        // weight-linear methods: the utilities are the contributions at unit weights
        DecisionProblem q = p.with_weights(Eigen::VectorXd::Ones(n));
        RankOptions oc = o;
        oc.contributions = true;
        Ranking r = rank(q, oc);
        U = r.contributions * static_cast<double>(n);
        higher = r.higher_is_better;
      }
    }
  }

  void scores(const Eigen::VectorXd& w, Eigen::VectorXd& out) const {
    const Eigen::Index m = U.rows();
    out.resize(m);
    switch (method) {
      case Method::topsis: {
        for (Eigen::Index i = 0; i < m; ++i) {
          double dp = 0, dm = 0;
          for (Eigen::Index j = 0; j < U.cols(); ++j) {
            double a = w[j] * (U(i, j) - hi[j]), b = w[j] * (U(i, j) - lo[j]);
            dp += a * a;
            dm += b * b;
          }
          dp = std::sqrt(dp);
          dm = std::sqrt(dm);
          out[i] = dp + dm > 0 ? dm / (dp + dm) : 0.5;
        }
        break;
      }
      case Method::vikor: {
        Eigen::VectorXd S(m), R(m);
        for (Eigen::Index i = 0; i < m; ++i) {
          double s = 0, r = 0;
          for (Eigen::Index j = 0; j < U.cols(); ++j) {
            double t = w[j] * U(i, j);
            s += t;
            r = std::max(r, t);
          }
          S[i] = s;
          R[i] = r;
        }
        double s0 = S.minCoeff(), s1 = S.maxCoeff(), r0 = R.minCoeff(), r1 = R.maxCoeff();
        for (Eigen::Index i = 0; i < m; ++i)
          out[i] = v * (s1 > s0 ? (S[i] - s0) / (s1 - s0) : 0.0) + (1 - v) * (r1 > r0 ? (R[i] - r0) / (r1 - r0) : 0.0);
        break;
      }
      default: out.noalias() = U * w;
    }
  }
};

/// Scratch space of `rank_positions` (one per thread: no allocation per sample).
struct RankScratch {
  std::vector<std::uint32_t> key, tmp_key, idx, tmp_idx, hist;
  std::vector<std::pair<double, Eigen::Index>> keyed;
};

/// Competition ranks (0-based here: number of alternatives strictly better, ties per `tied`),
/// and the order (best first; equal scores by index): the hot loop of SMAA, once per sample.
/// Small inputs: std::sort of (score, index) pairs. Otherwise a two-pass stable LSD radix sort
/// (digits of about log2 m bits) on a monotone quantisation of the scores to [0, 2^2b) — the
/// distance from the best score times a fixed scale, which never reorders two scores — and the
/// few runs of equal quantised values are sorted by the scores themselves: exactly the order
/// of sorting (score, index), at O(m) per sample.
void rank_positions(const Eigen::VectorXd& s, bool higher, RankScratch& w, std::vector<std::uint32_t>& order,
                    std::vector<std::uint32_t>& pos) {
  const std::size_t m = static_cast<std::size_t>(s.size());
  order.resize(m);
  pos.resize(m);
  const double* x = s.data();
  bool sorted = false;
  if (m >= 256) {
    double lo = x[0], hi = x[0];
    for (std::size_t i = 1; i < m; ++i) {
      lo = std::min(lo, x[i]);
      hi = std::max(hi, x[i]);
    }
    int b = 8;
    while (b < 16 && (std::size_t{1} << b) < m) ++b;
    const std::uint32_t top = (std::uint32_t{1} << (2 * b)) - 1, mask = (std::uint32_t{1} << b) - 1;
    const double scale = static_cast<double>(top) / (hi - lo);
    if (hi == lo) {  // every score the same: all tied, in index order
      for (std::size_t i = 0; i < m; ++i) {
        order[i] = static_cast<std::uint32_t>(i);
        pos[i] = 0;
      }
      return;
    }
    if (std::isfinite(scale) && scale > 0) {
      w.key.resize(m);
      w.tmp_key.resize(m);
      w.idx.resize(m);
      w.tmp_idx.resize(m);
      w.hist.assign(std::size_t{2} << b, 0);
      std::uint32_t* h0 = w.hist.data();
      std::uint32_t* h1 = h0 + (std::size_t{1} << b);
      std::uint32_t* k = w.key.data();
      for (std::size_t i = 0; i < m; ++i) {
        const double v = (higher ? hi - x[i] : x[i] - lo) * scale;  // monotone in the score
        const std::uint32_t q = v >= static_cast<double>(top) ? top : static_cast<std::uint32_t>(v);
        k[i] = q;
        ++h0[q & mask];
        ++h1[q >> b];
      }
      std::uint32_t s0 = 0, s1 = 0;
      for (std::size_t d = 0; d <= mask; ++d) {
        std::uint32_t t0 = h0[d], t1 = h1[d];
        h0[d] = s0;
        h1[d] = s1;
        s0 += t0;
        s1 += t1;
      }
      std::uint32_t* tk = w.tmp_key.data();
      std::uint32_t* ti = w.tmp_idx.data();
      for (std::size_t i = 0; i < m; ++i) {
        const std::uint32_t d = h0[k[i] & mask]++;
        tk[d] = k[i];
        ti[d] = static_cast<std::uint32_t>(i);
      }
      for (std::size_t i = 0; i < m; ++i) {
        const std::uint32_t d = h1[tk[i] >> b]++;
        k[d] = tk[i];
        order[d] = ti[i];
      }
      // runs of equal quantised values: by the score itself (then index, which the run keeps)
      for (std::size_t a = 0; a + 1 < m;) {
        std::size_t e = a + 1;
        while (e < m && k[e] == k[a]) ++e;
        if (e - a > 1)
          std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(a),
                           order.begin() + static_cast<std::ptrdiff_t>(e),
                           [&](std::uint32_t u, std::uint32_t v) { return higher ? x[u] > x[v] : x[u] < x[v]; });
        a = e;
      }
      sorted = true;
    }
  }
  if (!sorted) {
    w.keyed.resize(m);
    for (std::size_t i = 0; i < m; ++i) w.keyed[i] = {higher ? -x[i] : x[i], static_cast<Eigen::Index>(i)};
    std::sort(w.keyed.begin(), w.keyed.end());
    for (std::size_t k = 0; k < m; ++k) order[k] = static_cast<std::uint32_t>(w.keyed[k].second);
  }
  for (std::size_t k = 0; k < m; ++k) {
    const std::uint32_t i = order[k];
    pos[i] = k > 0 && tied(x[i], x[order[k - 1]]) ? pos[order[k - 1]] : static_cast<std::uint32_t>(k);
  }
}

/// Run `work(chunk, slot)` for chunks 0..count-1 on up to `threads` threads (`slot` < the
/// number returned by `parallel_slots`: one per thread, for its own accumulators); rethrows
/// the first exception.
unsigned parallel_slots(std::size_t count, unsigned threads) {
  return std::max(
      1u,
      std::min<unsigned>(threads, static_cast<unsigned>(std::min<std::size_t>(std::max<std::size_t>(count, 1), 1024))));
}
void parallel_chunks(std::size_t count, unsigned threads, const std::function<void(std::size_t, unsigned)>& work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr err;
  std::mutex mu;
  auto body = [&](unsigned slot) {
    while (true) {
      std::size_t c = next.fetch_add(1);
      if (c >= count) return;
      try {
        work(c, slot);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!err) err = std::current_exception();
        next.store(count);
        return;
      }
    }
  };
  const unsigned t = parallel_slots(count, threads);
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < t; ++k) pool.emplace_back(body, k);
  body(0);
  for (auto& th : pool) th.join();
  if (err) std::rethrow_exception(err);
}

}  // namespace
}  // namespace detail

namespace detail {
namespace {

/// What SMAA samples and how, checked once: the weight model (fixed, uniform, a complete chain
/// of orderings, rejection by intervals/orderings) and the score model; `draw` gives sample
/// after sample of one chunk's generator — the same draws for `smaa` and `smaa_draws`.
struct SmaaSampler {
  const DecisionProblem& p;
  const SmaaOptions& o;
  Eigen::Index m = 0, n = 0;
  std::vector<std::string> names;
  bool lower = false, upper = false;
  Eigen::VectorXd fixed_w;
  std::vector<Eigen::Index> chain;  // a complete chain w_c0 >= w_c1 >= ...: sorting construction
  DecisionProblem probe;            // the problem with equal weights where it has none
  std::vector<Choice> choices;
  std::vector<std::string> warnings;

  SmaaSampler(const DecisionProblem& problem, const SmaaOptions& opts) : p(problem), o(opts) {
    p.validate();
    m = p.n_alternatives();
    n = p.n_criteria();
    if (o.samples == 0) throw InputError(Errc::invalid_argument, "samples must be at least 1", {"samples"});
    for (auto [count, what] : {std::pair{o.samples, "samples"}, std::pair{o.confidence_samples, "confidence_samples"}})
      if (count > max_smaa_samples)
        throw InputError(Errc::limit_exceeded,
                         std::string(what) + " " + std::to_string(count) + " is more than the limit of " +
                             std::to_string(max_smaa_samples),
                         {what});
    if (o.chunk_size == 0) throw InputError(Errc::invalid_argument, "chunk_size must be at least 1", {"chunk_size"});
    names = p.criterion_names();
    lower = o.weight_lower.size() > 0;
    upper = o.weight_upper.size() > 0;
    if (lower && o.weight_lower.size() != n) throw InputError::size_mismatch("weight_lower", o.weight_lower.size(), n);
    if (upper && o.weight_upper.size() != n) throw InputError::size_mismatch("weight_upper", o.weight_upper.size(), n);
    for (auto [a, b] : o.orderings)
      if (a < 0 || a >= n || b < 0 || b >= n || a == b)
        throw InputError(Errc::unknown_name,
                         "a weight ordering names a criterion index outside 0.." + std::to_string(n - 1), {});
    if (o.weights == WeightModel::fixed) {
      fixed_w = used_weights(p, warnings);
      choices.push_back({"weights", "fixed: the problem's weights, normalised to sum 1"});
    } else {
      if (lower) {
        for (Eigen::Index j = 0; j < n; ++j)
          if (!std::isfinite(o.weight_lower[j]) || o.weight_lower[j] < 0 ||
              (upper && !(o.weight_upper[j] >= o.weight_lower[j])))
            throw RankingError(Errc::invalid_weights,
                               "weight interval of criterion '" + names[static_cast<std::size_t>(j)] + "' is invalid",
                               {names[static_cast<std::size_t>(j)]});
        if (o.weight_lower.sum() > 1.0)
          throw RankingError(Errc::invalid_weights, "the lower weight bounds sum to more than 1", names);
      }
      if (upper && o.weight_upper.sum() < 1.0)
        throw RankingError(Errc::invalid_weights, "the upper weight bounds sum to less than 1", names);
      choices.push_back({"weights", "uniform on the simplex (Dirichlet(1,...,1) from normalised exponentials)"});
      if (lower || upper) choices.push_back({"weight_intervals", "rejection sampling"});
    }
    if (o.weights == WeightModel::uniform && !o.orderings.empty() &&
        static_cast<Eigen::Index>(o.orderings.size()) == n - 1) {
      std::vector<int> indeg(static_cast<std::size_t>(n), 0), outdeg(static_cast<std::size_t>(n), 0);
      std::vector<Eigen::Index> nextof(static_cast<std::size_t>(n), -1);
      for (auto [a, b] : o.orderings) {
        outdeg[static_cast<std::size_t>(a)]++;
        indeg[static_cast<std::size_t>(b)]++;
        nextof[static_cast<std::size_t>(a)] = b;
      }
      Eigen::Index head = -1;
      bool ok = true;
      for (Eigen::Index j = 0; j < n; ++j) {
        if (indeg[static_cast<std::size_t>(j)] > 1 || outdeg[static_cast<std::size_t>(j)] > 1) ok = false;
        if (indeg[static_cast<std::size_t>(j)] == 0) {
          if (head >= 0) ok = false;
          head = j;
        }
      }
      if (ok && head >= 0) {
        for (Eigen::Index c = head; c >= 0 && static_cast<Eigen::Index>(chain.size()) <= n;
             c = nextof[static_cast<std::size_t>(c)])
          chain.push_back(c);
        if (static_cast<Eigen::Index>(chain.size()) != n) chain.clear();
      }
    }
    if (!o.orderings.empty()) {
      std::string txt;
      for (auto [a, b] : o.orderings)
        txt += (txt.empty() ? "" : ", ") + names[static_cast<std::size_t>(a)] +
               " >= " + names[static_cast<std::size_t>(b)];
      choices.push_back({"weight_orderings", txt + (chain.empty() ? " (rejection sampling)"
                                                                  : " (a complete chain: sorting construction)")});
    }
    if (o.scores != ScoreModel::none && (o.score_spread.rows() != m || o.score_spread.cols() != n))
      throw InputError::size_mismatch("score_spread", o.score_spread.rows() * o.score_spread.cols(), m * n);
    if (o.scores != ScoreModel::none) {
      for (Eigen::Index i = 0; i < m; ++i)
        for (Eigen::Index j = 0; j < n; ++j)
          if (!std::isfinite(o.score_spread(i, j)) || o.score_spread(i, j) < 0)
            throw InputError(Errc::not_finite,
                             "score spread of '" + p.alternative_name(i) + "' on '" +
                                 names[static_cast<std::size_t>(j)] + "' must be finite and >= 0",
                             {p.alternative_name(i), names[static_cast<std::size_t>(j)]});
    }
    choices.push_back({"scores", o.scores == ScoreModel::none ? "as given"
                                 : o.scores == ScoreModel::uniform
                                     ? "uniform on [x - s, x + s] per cell, clamped to the scale"
                                     : "normal N(x, s^2) per cell (Box-Muller), clamped to the scale"});
    probe = p.has_weights() ? p : p.with_weights(Eigen::VectorXd::Ones(n));
  }

  std::size_t chunks() const { return (o.samples + o.chunk_size - 1) / o.chunk_size; }
  /// The generator of chunk c (its samples are c·chunk_size, ...).
  std::mt19937_64 generator(std::size_t c) const { return std::mt19937_64(splitmix64(o.seed ^ splitmix64(c))); }

  /// The next weight vector from `g` (`draws` counts every draw, rejected ones too).
  void draw_weights(std::mt19937_64& g, Eigen::VectorXd& w, std::size_t& draws) const {
    if (o.weights == WeightModel::fixed) {
      w = fixed_w;
      ++draws;
      return;
    }
    w.resize(n);
    for (std::size_t tries = 0;; ++tries) {
      if (tries > o.max_rejections * 10 + 1000)
        throw RankingError(Errc::invalid_weights,
                           "the weight constraints leave (almost) no room: fewer than 1 in " +
                               std::to_string(o.max_rejections) + " uniform draws satisfy them",
                           names);
      ++draws;
      for (Eigen::Index j = 0; j < n; ++j) w[j] = -std::log(unit(g));
      w /= w.sum();
      if (!chain.empty()) {
        double s[64];
        std::vector<double> big;
        double* sp = n <= 64 ? s : (big.resize(static_cast<std::size_t>(n)), big.data());
        std::copy(w.data(), w.data() + n, sp);
        std::sort(sp, sp + n, std::greater<double>());
        for (Eigen::Index k = 0; k < n; ++k) w[chain[static_cast<std::size_t>(k)]] = sp[k];
      } else {
        bool ok = true;
        for (auto [a, b] : o.orderings)
          if (w[a] < w[b]) {
            ok = false;
            break;
          }
        if (!ok) continue;
      }
      bool ok = true;
      for (Eigen::Index j = 0; j < n && ok; ++j) {
        if (lower && w[j] < o.weight_lower[j]) ok = false;
        if (upper && w[j] > o.weight_upper[j]) ok = false;
      }
      if (ok) return;
    }
  }
  /// The next score draw from `g` into q.scores (score models only).
  void perturb(std::mt19937_64& g, DecisionProblem& q) const {
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto& sc = p.criteria[static_cast<std::size_t>(j)].scale;
      for (Eigen::Index i = 0; i < m; ++i) {
        double s = o.score_spread(i, j), x = p.scores(i, j);
        double y = o.scores == ScoreModel::uniform ? x + s * (2.0 * unit(g) - 1.0) : x + s * std_normal(g);
        if (sc) y = std::clamp(y, sc->lo, sc->hi);
        q.scores(i, j) = y;
      }
    }
  }
};

}  // namespace
}  // namespace detail

}  // namespace koers::decide

namespace koers::decide {

SmaaResult smaa(const DecisionProblem& p, const SmaaOptions& o) {
  detail::SmaaSampler smp(p, o);
  const Eigen::Index m = smp.m, n = smp.n;
  const std::size_t mu = static_cast<std::size_t>(m);
  const std::size_t K = o.ranks == 0 ? mu : std::min(o.ranks, mu);  // rank columns kept
  if (mu * K > max_smaa_cells)
    throw InputError(Errc::limit_exceeded,
                     std::to_string(m) + " alternatives × " + std::to_string(K) + " ranks = " + std::to_string(mu * K) +
                         " rank acceptability cells, more than the limit of " + std::to_string(max_smaa_cells) +
                         "; ask for the first ranks only (ranks, koers smaa --ranks)",
                     {"ranks"});
  SmaaResult res;
  res.samples = o.samples;
  res.warnings = smp.warnings;
  res.choices = smp.choices;
  const DecisionProblem& probe = smp.probe;
  // the method's own choices, from one ranking of the problem as given (weights: equal when absent)
  {
    RankOptions ro = o.rank;
    ro.contributions = false;
    Ranking base = rank(probe, ro);
    for (auto& c : base.choices)
      if (c.first != "weights") res.choices.push_back({"rank/" + c.first, c.second});
  }
  res.choices.push_back({"rank_ties", "tied scores share the best rank"});
  res.choices.push_back({"seed", std::to_string(o.seed)});
  res.choices.push_back({"samples", std::to_string(o.samples)});
  if (K < mu)
    res.choices.push_back(
        {"ranks", "rank acceptability of the first " + std::to_string(K) + " of " + std::to_string(m) + " ranks"});
  res.choices.push_back({"rng", "std::mt19937_64 per chunk of " + std::to_string(o.chunk_size) +
                                    " samples, seeded splitmix64(seed, chunk)"});
  res.choices.push_back({"holistic", "meta-weights (m - r)/(m - 1)"});

  const std::size_t chunks = smp.chunks();
  const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  const unsigned slots = detail::parallel_slots(chunks, threads);
  // per thread: rank counts (m × K; < 2^32 as samples ≤ 10^7) and rank sums (holistic)
  std::vector<std::vector<std::uint32_t>> counts(slots);
  std::vector<std::vector<std::uint64_t>> rank_sum(slots);
  // first-rank weight sums: per chunk, only the alternatives first in it, merged in chunk order
  struct Partial {
    std::vector<std::uint32_t> alts;
    std::vector<double> sums;
  };
  std::map<std::size_t, Partial> pending;
  std::size_t next_merge = 0;
  Eigen::MatrixXd wtot = Eigen::MatrixXd::Zero(m, n);
  std::vector<std::uint64_t> firsts(mu, 0);
  std::mutex merge_mu, progress_mu;
  std::vector<std::size_t> draws(chunks, 0);
  std::atomic<std::size_t> done{0};
  const bool fixed_scores = o.scores == ScoreModel::none;
  std::optional<detail::Evaluator> eval0;
  if (fixed_scores) eval0.emplace(probe, o.rank);
  // samples whose ranks are counted together, row by row (at most 64, and 4 MB of ranks)
  const std::size_t block = std::clamp<std::size_t>((std::size_t{1} << 20) / std::max<std::size_t>(mu, 1), 1, 64);
  detail::parallel_chunks(chunks, threads, [&](std::size_t c, unsigned slot) {
    auto& cnt = counts[slot];
    auto& rs = rank_sum[slot];
    if (cnt.empty()) {
      cnt.assign(mu * K, 0);
      rs.assign(mu, 0);
    }
    std::mt19937_64 g = smp.generator(c);
    const std::size_t begin = c * o.chunk_size, end = std::min(o.samples, begin + o.chunk_size);
    Eigen::VectorXd w(n), s;
    detail::RankScratch scratch;
    std::vector<std::uint32_t> order, pos;
    std::vector<std::uint32_t> buf(std::min(block, end - begin) * mu);
    std::size_t nb = 0;
    auto flush = [&] {
      for (std::size_t i = 0; i < mu; ++i) {
        std::uint32_t* row = cnt.data() + i * K;
        for (std::size_t b = 0; b < nb; ++b) {
          std::uint32_t r = buf[b * mu + i];
          if (r < K) ++row[r];
        }
      }
      nb = 0;
    };
    Partial part;
    std::vector<std::int32_t> slot_of(mu, -1);
    std::optional<DecisionProblem> q;
    if (!fixed_scores) q.emplace(probe);
    for (std::size_t k = begin; k < end; ++k) {
      smp.draw_weights(g, w, draws[c]);
      bool higher;
      if (fixed_scores) {
        eval0->scores(w, s);
        higher = eval0->higher;
      } else {
        smp.perturb(g, *q);
        detail::Evaluator ev(*q, o.rank);
        ev.scores(w, s);
        higher = ev.higher;
      }
      detail::rank_positions(s, higher, scratch, order, pos);
      std::copy(pos.begin(), pos.end(), buf.begin() + static_cast<std::ptrdiff_t>(nb * mu));
      for (std::size_t i = 0; i < mu; ++i) rs[i] += pos[i];
      if (++nb == block) flush();
      for (std::size_t t = 0; t < mu && pos[order[t]] == 0; ++t) {  // the first (tied) group
        const std::uint32_t i = order[t];
        if (slot_of[i] < 0) {
          slot_of[i] = static_cast<std::int32_t>(part.alts.size());
          part.alts.push_back(i);
          part.sums.resize(part.sums.size() + static_cast<std::size_t>(n), 0.0);
        }
        double* d = part.sums.data() + static_cast<std::size_t>(slot_of[i]) * static_cast<std::size_t>(n);
        for (Eigen::Index j = 0; j < n; ++j) d[j] += w[j];
      }
    }
    flush();
    std::size_t d;
    {
      std::lock_guard<std::mutex> lock(merge_mu);
      pending.emplace(c, std::move(part));
      for (auto it = pending.find(next_merge); it != pending.end(); it = pending.find(next_merge)) {
        const Partial& pp = it->second;
        for (std::size_t a = 0; a < pp.alts.size(); ++a)
          for (Eigen::Index j = 0; j < n; ++j)
            wtot(pp.alts[a], j) += pp.sums[a * static_cast<std::size_t>(n) + static_cast<std::size_t>(j)];
        pending.erase(it);
        ++next_merge;
      }
      d = done.fetch_add(end - begin) + (end - begin);
    }
    if (o.progress) {
      std::lock_guard<std::mutex> lock(progress_mu);
      o.progress(d, o.samples);
    }
  });
  for (std::size_t c = 0; c < chunks; ++c) res.weight_draws += draws[c];
  const double S = static_cast<double>(o.samples);
  res.acceptability.resize(m, static_cast<Eigen::Index>(K));
  {
    std::vector<std::uint64_t> total(mu * K, 0);
    for (const auto& cnt : counts)
      if (!cnt.empty())
        for (std::size_t k = 0; k < total.size(); ++k) total[k] += cnt[k];
    for (std::size_t i = 0; i < mu; ++i)
      for (std::size_t r = 0; r < K; ++r)
        res.acceptability(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(r)) =
            static_cast<double>(total[i * K + r]) / S;
    for (std::size_t i = 0; i < mu; ++i) firsts[i] = total[i * K];
  }
  res.central_weights = Eigen::MatrixXd::Zero(m, n);
  res.has_central.assign(mu, false);
  for (Eigen::Index i = 0; i < m; ++i) {
    auto f = firsts[static_cast<std::size_t>(i)];
    if (f > 0) {
      res.central_weights.row(i) = wtot.row(i) / static_cast<double>(f);
      res.has_central[static_cast<std::size_t>(i)] = true;
    }
  }
  // holistic acceptability Σ_r b_i^r (m − 1 − r)/(m − 1) = 1 − E[rank]/(m − 1), from the exact
  // integer sums of the ranks (every rank counts, also those beyond `ranks`)
  res.holistic = Eigen::VectorXd::Constant(m, 1.0);
  if (m > 1) {
    const double denom = static_cast<double>(m - 1) * S;
    for (std::size_t i = 0; i < mu; ++i) {
      std::uint64_t sum = 0;
      for (const auto& rs : rank_sum)
        if (!rs.empty()) sum += rs[i];
      res.holistic[static_cast<Eigen::Index>(i)] = (static_cast<double>(m - 1) * S - static_cast<double>(sum)) / denom;
    }
  }
  // --- confidence factors: at each central weight vector, the share of score draws where i is first
  const std::size_t cs = o.confidence_samples ? o.confidence_samples : o.samples;
  res.confidence = Eigen::VectorXd::Zero(m);
  res.choices.push_back({"confidence", fixed_scores ? "scores as given: 1 when first at its central weights, else 0"
                                                    : std::to_string(cs) + " score draws at the central weights"});
  std::vector<Eigen::Index> with_central;
  for (Eigen::Index i = 0; i < m; ++i)
    if (res.has_central[static_cast<std::size_t>(i)]) with_central.push_back(i);
  detail::parallel_chunks(with_central.size(), threads, [&](std::size_t k, unsigned) {
    const Eigen::Index i = with_central[k];
    Eigen::VectorXd w = res.central_weights.row(i).transpose(), s;
    detail::RankScratch scratch;
    std::vector<std::uint32_t> order, pos;
    if (fixed_scores) {
      eval0->scores(w, s);
      detail::rank_positions(s, eval0->higher, scratch, order, pos);
      res.confidence[i] = pos[static_cast<std::size_t>(i)] == 0 ? 1.0 : 0.0;
      return;
    }
    std::mt19937_64 g(detail::splitmix64(~o.seed ^ detail::splitmix64(0x5eed0000ULL + static_cast<std::uint64_t>(i))));
    DecisionProblem q = probe;
    std::size_t first = 0;
    for (std::size_t t = 0; t < cs; ++t) {
      smp.perturb(g, q);
      detail::Evaluator ev(q, o.rank);
      ev.scores(w, s);
      detail::rank_positions(s, ev.higher, scratch, order, pos);
      if (pos[static_cast<std::size_t>(i)] == 0) ++first;
    }
    res.confidence[i] = static_cast<double>(first) / static_cast<double>(cs);
  });
  return res;
}

SmaaDraws smaa_draws(const DecisionProblem& p, const SmaaOptions& o) {
  detail::SmaaSampler smp(p, o);
  const Eigen::Index n = smp.n;
  const std::size_t per =
      static_cast<std::size_t>(n) * (1 + (o.scores != ScoreModel::none ? static_cast<std::size_t>(smp.m) : 0));
  if (o.samples * per > max_smaa_cells)
    throw InputError(Errc::limit_exceeded,
                     std::to_string(o.samples) + " samples of " + std::to_string(per) +
                         " numbers each are more than the limit of " + std::to_string(max_smaa_cells) +
                         " numbers handed out",
                     {"samples"});
  SmaaDraws out;
  out.choices = smp.choices;
  out.choices.push_back({"seed", std::to_string(o.seed)});
  out.choices.push_back({"rng", "std::mt19937_64 per chunk of " + std::to_string(o.chunk_size) +
                                    " samples, seeded splitmix64(seed, chunk)"});
  out.warnings = smp.warnings;
  out.weights.resize(static_cast<Eigen::Index>(o.samples), n);
  if (o.scores != ScoreModel::none) out.scores.assign(o.samples, Eigen::MatrixXd());
  const std::size_t chunks = smp.chunks();
  const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::size_t> draws(chunks, 0);
  detail::parallel_chunks(chunks, threads, [&](std::size_t c, unsigned) {
    std::mt19937_64 g = smp.generator(c);
    const std::size_t begin = c * o.chunk_size, end = std::min(o.samples, begin + o.chunk_size);
    Eigen::VectorXd w(n);
    std::optional<DecisionProblem> q;
    if (o.scores != ScoreModel::none) q.emplace(smp.probe);
    for (std::size_t k = begin; k < end; ++k) {
      smp.draw_weights(g, w, draws[c]);
      out.weights.row(static_cast<Eigen::Index>(k)) = w.transpose();
      if (q) {
        smp.perturb(g, *q);
        out.scores[k] = q->scores;
      }
    }
  });
  for (auto d : draws) out.weight_draws += d;
  return out;
}

}  // namespace koers::decide
