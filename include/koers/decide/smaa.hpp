#pragma once
/// \file
/// SMAA-2 (Lahdelma & Salminen 2001): rank acceptability indices, central weights and
/// confidence factors under uncertain weights and scores. Seeded, reproducible and
/// independent of the thread count: samples are drawn in fixed chunks of `chunk_size`, chunk c
/// from its own std::mt19937_64 seeded with splitmix64(seed, c); integer counts are summed
/// exactly and weight sums are combined in chunk order.
#include <koers/decide/rank.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <numeric>
#include <random>
#include <thread>
#include <utility>
#include <vector>

namespace koers::decide {

/// How uncertain scores are drawn per cell: none, uniform on [x − s, x + s], or normal N(x, s²);
/// s from `SmaaOptions::score_spread`. Draws are clamped to the criterion's scale when it has one.
enum class ScoreModel { none, uniform, normal };

/// The weight model. `uniform`: uniform on the simplex (Dirichlet(1,…,1) from normalised
/// exponentials), optionally restricted by intervals and orderings (rejection sampling; a
/// complete chain of orderings over all criteria uses the sorting construction instead: sort
/// a uniform simplex point decreasingly and assign it along the chain). `fixed`: the problem's weights.
enum class WeightModel { uniform, fixed };

struct SmaaOptions {
  RankOptions rank = {};
  std::size_t samples = 10'000;
  std::uint64_t seed = 0;
  unsigned threads = 0;          ///< 0: std::thread::hardware_concurrency()
  WeightModel weights = WeightModel::uniform;
  Eigen::VectorXd weight_lower = {};  ///< empty, or one lower bound per criterion
  Eigen::VectorXd weight_upper = {};  ///< empty, or one upper bound per criterion
  std::vector<std::pair<Eigen::Index, Eigen::Index>> orderings = {};  ///< (a, b): w_a ≥ w_b
  ScoreModel scores = ScoreModel::none;
  Eigen::MatrixXd score_spread = {};  ///< alternatives × criteria half-width (uniform) or sd (normal)
  std::size_t confidence_samples = 0; ///< score draws per confidence factor; 0 = `samples`
  std::size_t chunk_size = 1024;      ///< part of the reproducibility: same seed + chunk size = same result
  std::size_t max_rejections = 1000; ///< give up (E300) when fewer than 1 in this many weight draws is accepted
  std::function<void(std::size_t done, std::size_t total)> progress = {};  ///< called after each chunk (any thread)
};

struct SmaaResult {
  Eigen::MatrixXd acceptability;    ///< alternatives × ranks: share of samples at rank r (b_i^r)
  Eigen::MatrixXd central_weights;  ///< alternatives × criteria: mean weight when ranked first (zeros when never first)
  std::vector<bool> has_central;    ///< whether the alternative was ever ranked first
  Eigen::VectorXd confidence;       ///< p_i^c: share of score draws in which i is first at its central weights (0 when never first)
  Eigen::VectorXd holistic;         ///< holistic acceptability with meta-weights (m − r)/(m − 1) (Lahdelma & Salminen 2001)
  std::size_t samples = 0;
  std::size_t weight_draws = 0;     ///< weight draws including rejected ones
  std::vector<Choice> choices;
  std::vector<std::string> warnings;
};

namespace detail {

inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
/// Uniform in (0, 1), from 53 random bits (never 0).
inline double unit(std::mt19937_64& g) { return (static_cast<double>(g() >> 11) + 0.5) * 0x1.0p-53; }
/// Standard normal by Box–Muller (our own, so results do not depend on the standard library).
inline double std_normal(std::mt19937_64& g) {
  double u1 = unit(g), u2 = unit(g);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

/// Fast evaluation of one method for many weight vectors over fixed (possibly perturbed) scores.
struct Evaluator {
  Method method;
  Eigen::MatrixXd U;      // wsm/promethee/spotis: utilities; topsis: normalised; vikor: (f*-f)/(f*-f-)
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
          if (best == worst) U.col(j).setZero();
          else U.col(j) = (best - x.array()) / (best - worst);
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
          for (Eigen::Index j = 0; j < U.cols(); ++j) { double t = w[j] * U(i, j); s += t; r = std::max(r, t); }
          S[i] = s;
          R[i] = r;
        }
        double s0 = S.minCoeff(), s1 = S.maxCoeff(), r0 = R.minCoeff(), r1 = R.maxCoeff();
        for (Eigen::Index i = 0; i < m; ++i)
          out[i] = v * (s1 > s0 ? (S[i] - s0) / (s1 - s0) : 0.0) + (1 - v) * (r1 > r0 ? (R[i] - r0) / (r1 - r0) : 0.0);
        break;
      }
      default:
        out.noalias() = U * w;
    }
  }
};

/// Competition ranks (0-based here: number of alternatives strictly better, ties per `tied`).
inline void rank_positions(const Eigen::VectorXd& s, bool higher, std::vector<Eigen::Index>& idx, std::vector<int>& pos) {
  const Eigen::Index m = s.size();
  // sort (key, index) pairs in place — best first, equal scores by index — rather than indices
  // through a comparator that reads the scores: the hot loop of SMAA, one sort per sample
  thread_local std::vector<std::pair<double, Eigen::Index>> keyed;
  keyed.resize(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < m; ++i) keyed[static_cast<std::size_t>(i)] = {higher ? -s[i] : s[i], i};
  std::sort(keyed.begin(), keyed.end());
  idx.resize(static_cast<std::size_t>(m));
  for (Eigen::Index k = 0; k < m; ++k) idx[static_cast<std::size_t>(k)] = keyed[static_cast<std::size_t>(k)].second;
  pos.resize(static_cast<std::size_t>(m));
  for (Eigen::Index k = 0; k < m; ++k) {
    auto i = idx[static_cast<std::size_t>(k)];
    if (k > 0 && tied(s[i], s[idx[static_cast<std::size_t>(k - 1)]]))
      pos[static_cast<std::size_t>(i)] = pos[static_cast<std::size_t>(idx[static_cast<std::size_t>(k - 1)])];
    else
      pos[static_cast<std::size_t>(i)] = static_cast<int>(k);
  }
}

/// Run `work(chunk)` for chunks 0..count-1 on `threads` threads; rethrows the first exception.
inline void parallel_chunks(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr err;
  std::mutex mu;
  auto body = [&] {
    while (true) {
      std::size_t c = next.fetch_add(1);
      if (c >= count) return;
      try { work(c); } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!err) err = std::current_exception();
        next.store(count);
        return;
      }
    }
  };
  unsigned t = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < t; ++k) pool.emplace_back(body);
  body();
  for (auto& th : pool) th.join();
  if (err) std::rethrow_exception(err);
}

}  // namespace detail

/// SMAA-2. Throws what `validate`/`rank` throw, E109 for option sizes, E111 for a bad ordering
/// index, E300 for infeasible or too narrow weight constraints or `fixed` without weights.
inline SmaaResult smaa(const DecisionProblem& p, const SmaaOptions& o = {}) {
  p.validate();
  const Eigen::Index m = p.n_alternatives(), n = p.n_criteria();
  if (o.samples == 0) throw InputError(Errc::invalid_argument, "samples must be at least 1", {"samples"});
  if (o.chunk_size == 0) throw InputError(Errc::invalid_argument, "chunk_size must be at least 1", {"chunk_size"});
  const auto names = p.criterion_names();
  SmaaResult res;
  res.samples = o.samples;
  // --- weight model
  const bool lower = o.weight_lower.size() > 0, upper = o.weight_upper.size() > 0;
  if (lower && o.weight_lower.size() != n) throw InputError::size_mismatch("weight_lower", o.weight_lower.size(), n);
  if (upper && o.weight_upper.size() != n) throw InputError::size_mismatch("weight_upper", o.weight_upper.size(), n);
  for (auto [a, b] : o.orderings)
    if (a < 0 || a >= n || b < 0 || b >= n || a == b)
      throw InputError(Errc::unknown_name, "a weight ordering names a criterion index outside 0.." + std::to_string(n - 1), {});
  Eigen::VectorXd fixed_w;
  if (o.weights == WeightModel::fixed) {
    fixed_w = used_weights(p, res.warnings);
    res.choices.push_back({"weights", "fixed: the problem's weights, normalised to sum 1"});
  } else {
    if (lower) {
      for (Eigen::Index j = 0; j < n; ++j)
        if (!std::isfinite(o.weight_lower[j]) || o.weight_lower[j] < 0 ||
            (upper && !(o.weight_upper[j] >= o.weight_lower[j])))
          throw RankingError(Errc::invalid_weights, "weight interval of criterion '" + names[static_cast<std::size_t>(j)] + "' is invalid", {names[static_cast<std::size_t>(j)]});
      if (o.weight_lower.sum() > 1.0)
        throw RankingError(Errc::invalid_weights, "the lower weight bounds sum to more than 1", names);
    }
    if (upper && o.weight_upper.sum() < 1.0)
      throw RankingError(Errc::invalid_weights, "the upper weight bounds sum to less than 1", names);
    res.choices.push_back({"weights", "uniform on the simplex (Dirichlet(1,...,1) from normalised exponentials)"});
    if (lower || upper) res.choices.push_back({"weight_intervals", "rejection sampling"});
  }
  // a complete chain of orderings w_c0 >= w_c1 >= ... over every criterion: sorting construction
  std::vector<Eigen::Index> chain;
  if (o.weights == WeightModel::uniform && !o.orderings.empty() && static_cast<Eigen::Index>(o.orderings.size()) == n - 1) {
    std::vector<int> indeg(static_cast<std::size_t>(n), 0), outdeg(static_cast<std::size_t>(n), 0);
    std::vector<Eigen::Index> nextof(static_cast<std::size_t>(n), -1);
    for (auto [a, b] : o.orderings) { outdeg[static_cast<std::size_t>(a)]++; indeg[static_cast<std::size_t>(b)]++; nextof[static_cast<std::size_t>(a)] = b; }
    Eigen::Index head = -1;
    bool ok = true;
    for (Eigen::Index j = 0; j < n; ++j) {
      if (indeg[static_cast<std::size_t>(j)] > 1 || outdeg[static_cast<std::size_t>(j)] > 1) ok = false;
      if (indeg[static_cast<std::size_t>(j)] == 0) { if (head >= 0) ok = false; head = j; }
    }
    if (ok && head >= 0) {
      for (Eigen::Index c = head; c >= 0 && static_cast<Eigen::Index>(chain.size()) <= n; c = nextof[static_cast<std::size_t>(c)]) chain.push_back(c);
      if (static_cast<Eigen::Index>(chain.size()) != n) chain.clear();
    }
  }
  if (!o.orderings.empty()) {
    std::string txt;
    for (auto [a, b] : o.orderings) txt += (txt.empty() ? "" : ", ") + names[static_cast<std::size_t>(a)] + " >= " + names[static_cast<std::size_t>(b)];
    res.choices.push_back({"weight_orderings", txt + (chain.empty() ? " (rejection sampling)" : " (a complete chain: sorting construction)")});
  }
  // --- score model
  if (o.scores != ScoreModel::none && (o.score_spread.rows() != m || o.score_spread.cols() != n))
    throw InputError::size_mismatch("score_spread", o.score_spread.rows() * o.score_spread.cols(), m * n);
  if (o.scores != ScoreModel::none) {
    for (Eigen::Index i = 0; i < m; ++i)
      for (Eigen::Index j = 0; j < n; ++j)
        if (!std::isfinite(o.score_spread(i, j)) || o.score_spread(i, j) < 0)
          throw InputError(Errc::not_finite, "score spread of '" + p.alternative_name(i) + "' on '" +
                           names[static_cast<std::size_t>(j)] + "' must be finite and >= 0",
                           {p.alternative_name(i), names[static_cast<std::size_t>(j)]});
  }
  res.choices.push_back({"scores", o.scores == ScoreModel::none ? "as given"
                                   : o.scores == ScoreModel::uniform ? "uniform on [x - s, x + s] per cell, clamped to the scale"
                                                                     : "normal N(x, s^2) per cell (Box-Muller), clamped to the scale"});
  // the method's own choices, from one ranking of the problem as given (weights: equal when absent)
  DecisionProblem probe = p.has_weights() ? p : p.with_weights(Eigen::VectorXd::Ones(n));
  Ranking base = rank(probe, o.rank);
  for (auto& c : base.choices) if (c.first != "weights") res.choices.push_back({"rank/" + c.first, c.second});
  res.choices.push_back({"rank_ties", "tied scores share the best rank"});
  res.choices.push_back({"seed", std::to_string(o.seed)});
  res.choices.push_back({"samples", std::to_string(o.samples)});
  res.choices.push_back({"rng", "std::mt19937_64 per chunk of " + std::to_string(o.chunk_size) + " samples, seeded splitmix64(seed, chunk)"});
  res.choices.push_back({"holistic", "meta-weights (m - r)/(m - 1)"});

  auto draw_weights = [&](std::mt19937_64& g, Eigen::VectorXd& w, std::size_t& draws) {
    if (o.weights == WeightModel::fixed) { w = fixed_w; ++draws; return; }
    for (std::size_t tries = 0;; ++tries) {
      if (tries > o.max_rejections * 10 + 1000)
        throw RankingError(Errc::invalid_weights, "the weight constraints leave (almost) no room: fewer than 1 in " +
                           std::to_string(o.max_rejections) + " uniform draws satisfy them", names);
      ++draws;
      for (Eigen::Index j = 0; j < n; ++j) w[j] = -std::log(detail::unit(g));
      w /= w.sum();
      if (!chain.empty()) {
        Eigen::VectorXd s = w;
        std::sort(s.data(), s.data() + n, std::greater<double>());
        for (Eigen::Index k = 0; k < n; ++k) w[chain[static_cast<std::size_t>(k)]] = s[k];
      } else {
        bool ok = true;
        for (auto [a, b] : o.orderings) if (w[a] < w[b]) { ok = false; break; }
        if (!ok) continue;
      }
      bool ok = true;
      for (Eigen::Index j = 0; j < n && ok; ++j) {
        if (lower && w[j] < o.weight_lower[j]) ok = false;
        if (upper && w[j] > o.weight_upper[j]) ok = false;
      }
      if (ok) return;
    }
  };
  auto perturbed = [&](std::mt19937_64& g, DecisionProblem& q) {
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto& sc = p.criteria[static_cast<std::size_t>(j)].scale;
      for (Eigen::Index i = 0; i < m; ++i) {
        double s = o.score_spread(i, j), x = p.scores(i, j);
        double y = o.scores == ScoreModel::uniform ? x + s * (2.0 * detail::unit(g) - 1.0) : x + s * detail::std_normal(g);
        if (sc) y = std::clamp(y, sc->lo, sc->hi);
        q.scores(i, j) = y;
      }
    }
  };

  const std::size_t chunks = (o.samples + o.chunk_size - 1) / o.chunk_size;
  const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::vector<std::uint64_t>> counts(chunks);   // per chunk: m × m rank counts
  std::vector<Eigen::MatrixXd> wsum(chunks);                // per chunk: m × n sums of first-rank weights
  std::vector<std::size_t> draws(chunks, 0);
  std::atomic<std::size_t> done{0};
  std::mutex progress_mu;
  const bool fixed_scores = o.scores == ScoreModel::none;
  const detail::Evaluator* shared_eval = nullptr;
  std::optional<detail::Evaluator> eval0;
  if (fixed_scores) { eval0.emplace(probe, o.rank); shared_eval = &*eval0; }
  detail::parallel_chunks(chunks, threads, [&](std::size_t c) {
    std::mt19937_64 g(detail::splitmix64(o.seed ^ detail::splitmix64(c)));
    const std::size_t begin = c * o.chunk_size, end = std::min(o.samples, begin + o.chunk_size);
    std::vector<std::uint64_t> cnt(static_cast<std::size_t>(m * m), 0);
    Eigen::MatrixXd ws = Eigen::MatrixXd::Zero(m, n);
    Eigen::VectorXd w(n), s;
    std::vector<Eigen::Index> idx;
    std::vector<int> pos;
    DecisionProblem q = probe;
    for (std::size_t k = begin; k < end; ++k) {
      draw_weights(g, w, draws[c]);
      if (fixed_scores) {
        shared_eval->scores(w, s);
        detail::rank_positions(s, shared_eval->higher, idx, pos);
      } else {
        perturbed(g, q);
        detail::Evaluator ev(q, o.rank);
        ev.scores(w, s);
        detail::rank_positions(s, ev.higher, idx, pos);
      }
      for (Eigen::Index i = 0; i < m; ++i) {
        cnt[static_cast<std::size_t>(i * m + pos[static_cast<std::size_t>(i)])]++;
        if (pos[static_cast<std::size_t>(i)] == 0) ws.row(i) += w.transpose();
      }
    }
    counts[c] = std::move(cnt);
    wsum[c] = std::move(ws);
    std::size_t d = done.fetch_add(end - begin) + (end - begin);
    if (o.progress) { std::lock_guard<std::mutex> lock(progress_mu); o.progress(d, o.samples); }
  });
  std::vector<std::uint64_t> total(static_cast<std::size_t>(m * m), 0);
  Eigen::MatrixXd wtot = Eigen::MatrixXd::Zero(m, n);
  for (std::size_t c = 0; c < chunks; ++c) {
    for (std::size_t k = 0; k < total.size(); ++k) total[k] += counts[c][k];
    wtot += wsum[c];
    res.weight_draws += draws[c];
  }
  res.acceptability.resize(m, m);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index r = 0; r < m; ++r)
      res.acceptability(i, r) = static_cast<double>(total[static_cast<std::size_t>(i * m + r)]) / static_cast<double>(o.samples);
  res.central_weights = Eigen::MatrixXd::Zero(m, n);
  res.has_central.assign(static_cast<std::size_t>(m), false);
  for (Eigen::Index i = 0; i < m; ++i) {
    auto firsts = total[static_cast<std::size_t>(i * m)];
    if (firsts > 0) {
      res.central_weights.row(i) = wtot.row(i) / static_cast<double>(firsts);
      res.has_central[static_cast<std::size_t>(i)] = true;
    }
  }
  res.holistic = Eigen::VectorXd::Zero(m);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index r = 0; r < m; ++r)
      res.holistic[i] += res.acceptability(i, r) * (m > 1 ? static_cast<double>(m - 1 - r) / static_cast<double>(m - 1) : 1.0);
  // --- confidence factors: at each central weight vector, the share of score draws where i is first
  const std::size_t cs = o.confidence_samples ? o.confidence_samples : o.samples;
  res.confidence = Eigen::VectorXd::Zero(m);
  res.choices.push_back({"confidence", fixed_scores ? "scores as given: 1 when first at its central weights, else 0"
                                                    : std::to_string(cs) + " score draws at the central weights"});
  std::vector<Eigen::Index> with_central;
  for (Eigen::Index i = 0; i < m; ++i) if (res.has_central[static_cast<std::size_t>(i)]) with_central.push_back(i);
  detail::parallel_chunks(with_central.size(), threads, [&](std::size_t k) {
    const Eigen::Index i = with_central[k];
    Eigen::VectorXd w = res.central_weights.row(i).transpose(), s;
    std::vector<Eigen::Index> idx;
    std::vector<int> pos;
    if (fixed_scores) {
      shared_eval->scores(w, s);
      detail::rank_positions(s, shared_eval->higher, idx, pos);
      res.confidence[i] = pos[static_cast<std::size_t>(i)] == 0 ? 1.0 : 0.0;
      return;
    }
    std::mt19937_64 g(detail::splitmix64(~o.seed ^ detail::splitmix64(0x5eed0000ULL + static_cast<std::uint64_t>(i))));
    DecisionProblem q = probe;
    std::size_t first = 0;
    for (std::size_t t = 0; t < cs; ++t) {
      perturbed(g, q);
      detail::Evaluator ev(q, o.rank);
      ev.scores(w, s);
      detail::rank_positions(s, ev.higher, idx, pos);
      if (pos[static_cast<std::size_t>(i)] == 0) ++first;
    }
    res.confidence[i] = static_cast<double>(first) / static_cast<double>(cs);
  });
  return res;
}

}  // namespace koers::decide
