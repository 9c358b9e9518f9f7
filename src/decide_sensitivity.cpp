// One-at-a-time weight sensitivity. Declarations: include/koers/decide/sensitivity.hpp.
#include <koers/decide/sensitivity.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace koers::decide {

Eigen::VectorXd reweight(const Eigen::VectorXd& w0, Eigen::Index j, double t) {
  Eigen::VectorXd w(w0.size());
  const double rest = 1.0 - w0[j];
  for (Eigen::Index k = 0; k < w0.size(); ++k) {
    if (k == j)
      w[k] = t;
    else if (rest > 1e-15)
      w[k] = w0[k] * (1.0 - t) / rest;
    else
      w[k] = (1.0 - t) / static_cast<double>(w0.size() - 1);
  }
  return w;
}

bool linear_in_weights(Method m) { return m == Method::wsm || m == Method::promethee2 || m == Method::spotis; }

namespace detail {

std::vector<int> top_key(const std::vector<int>& ranks, int k) {
  if (k <= 0) return ranks;
  std::vector<int> in(ranks.size());
  for (std::size_t i = 0; i < ranks.size(); ++i) in[i] = ranks[i] <= k ? 1 : 0;
  return in;
}

std::vector<std::string> changed(const DecisionProblem& p, const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) out.push_back(p.alternative_name(static_cast<Eigen::Index>(i)));
  return out;
}

}  // namespace detail

SensitivityResult sensitivity(const DecisionProblem& p, const SensitivityOptions& o) {
  p.validate();
  std::vector<std::string> warns;
  const Eigen::VectorXd w0 = used_weights(p, warns);
  const Ranking base = rank(p, o.rank);
  const Eigen::Index n = p.n_criteria(), m = p.n_alternatives();
  if (o.top_k < 0 || o.top_k > m)
    throw InputError(Errc::invalid_argument, "top_k must lie in 0.." + std::to_string(m), {"top_k"});
  if (o.steps < 1) throw InputError(Errc::invalid_argument, "steps must be at least 1", {"steps"});
  if (o.steps > max_sensitivity_steps)
    throw InputError(
        Errc::limit_exceeded,
        "steps " + std::to_string(o.steps) + " is more than the limit of " + std::to_string(max_sensitivity_steps),
        {"steps"});
  if (const auto cells = (std::int64_t{o.steps} + 1) * std::int64_t{n} * std::int64_t{m}; cells > max_sensitivity_cells)
    throw InputError(Errc::limit_exceeded,
                     "the sweeps would hold " + std::to_string(cells) + " cells ((steps " + std::to_string(o.steps) +
                         " + 1) × " + std::to_string(n) + " criteria × " + std::to_string(m) +
                         " alternatives), more than the limit of " + std::to_string(max_sensitivity_cells) +
                         "; take fewer steps",
                     {"steps"});
  if (!(o.scan_step >= 1e-6 && o.scan_step <= 0.5))
    throw InputError(Errc::invalid_argument, "scan_step must lie in [1e-6, 0.5], not " + fmt_double(o.scan_step),
                     {"scan_step"});
  if (!(o.tolerance >= 1e-15 && o.tolerance <= o.scan_step))
    throw InputError(Errc::invalid_argument, "tolerance must lie in [1e-15, scan_step], not " + fmt_double(o.tolerance),
                     {"tolerance"});
  SensitivityResult res;
  res.top_k = o.top_k;
  res.target = o.top_k > 0 ? "top-" + std::to_string(o.top_k) : "ranking";
  res.choices = base.choices;
  res.choices.push_back(
      {"reweighting", "one criterion's weight t, the others scaled by (1-t)/(1-w) so the sum stays 1"});
  res.choices.push_back({"target", o.top_k > 0 ? "the set of the best " + std::to_string(o.top_k) + " stays the same"
                                               : "every rank stays the same"});
  const bool lin = linear_in_weights(o.rank.method);
  res.choices.push_back(
      {"interval", lin ? "exact: crossing points of the weight-linear scores"
                       : "scan of step " + fmt_double(o.scan_step) + " then bisection to " + fmt_double(o.tolerance)});
  const auto key0 = detail::top_key(base.ranks, o.top_k);
  const bool lin0 = linear_in_weights(o.rank.method);
  std::size_t done = 0,
              total = static_cast<std::size_t>(n) * static_cast<std::size_t>(o.steps + 1) +
                      static_cast<std::size_t>(n) * (lin0 ? 2 : static_cast<std::size_t>(2.0 / o.scan_step) + 120);
  auto tick = [&] {
    ++done;
    if (o.progress && (done % 16 == 0)) o.progress(std::min(done, total - 1), total);
  };
  auto key_at = [&](Eigen::Index j, double t) {
    tick();
    return detail::top_key(rank(p.with_weights(reweight(w0, j, t)), o.rank).ranks, o.top_k);
  };
  // per-criterion utilities of a weight-linear method: score = U w
  Eigen::MatrixXd U;
  if (lin) {
    RankOptions oc = o.rank;
    oc.contributions = true;
    Ranking unit = rank(p.with_weights(Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n))), oc);
    U = unit.contributions * static_cast<double>(n);
  }
  for (Eigen::Index j = 0; j < n; ++j) {
    WeightInterval iv;
    iv.criterion = p.criteria[static_cast<std::size_t>(j)].name;
    iv.weight = w0[j];
    iv.exact = lin;
    const double t0 = w0[j];
    if (lin) {
      // score_i(t) = t U_ij + (1 - t) c_i
      Eigen::VectorXd c(m);
      for (Eigen::Index i = 0; i < m; ++i) {
        double s = 0;
        for (Eigen::Index k = 0; k < n; ++k)
          if (k != j) s += w0[k] * U(i, k);
        c[i] = (1.0 - t0) > 1e-15 ? s / (1.0 - t0) : (U.row(i).sum() - U(i, j)) / static_cast<double>(n - 1);
      }
      double lo = 0.0, hi = 1.0;
      // the pairs that can change the target first: for the whole ranking, neighbours in the order
      // at t0 (two lines that cross first have no third between them); for top-k, pairs across the set
      std::vector<std::pair<Eigen::Index, Eigen::Index>> pairs;
      if (o.top_k == 0) {
        std::vector<Eigen::Index> order(static_cast<std::size_t>(m));
        std::iota(order.begin(), order.end(), Eigen::Index{0});
        auto at0 = [&](Eigen::Index i) { return c[i] + (U(i, j) - c[i]) * t0; };
        std::sort(order.begin(), order.end(), [&](Eigen::Index x, Eigen::Index y) {
          const double sx = at0(x), sy = at0(y);
          return sx != sy ? sx > sy : x < y;
        });
        // (a tied group: if any two of its lines differ in slope, two neighbours do)
        for (std::size_t k = 0; k + 1 < order.size(); ++k) pairs.emplace_back(order[k], order[k + 1]);
      } else {
        std::vector<Eigen::Index> in, out;
        for (Eigen::Index i = 0; i < m; ++i) (key0[static_cast<std::size_t>(i)] ? in : out).push_back(i);
        for (auto a : in)
          for (auto b : out) pairs.emplace_back(a, b);
      }
      for (auto [a, b] : pairs) {
        double da = U(a, j) - c[a], db = U(b, j) - c[b];
        double slope = da - db, off = c[a] - c[b];  // diff(t) = off + slope t
        if (std::abs(slope) < 1e-15) continue;
        double tc = -off / slope;
        if (tied(c[a] + da * t0, c[b] + db * t0)) {
          // tied now: any move in the direction that separates them changes the ranks
          if (o.top_k == 0) {
            lo = std::max(lo, t0);
            hi = std::min(hi, t0);
          }
          continue;
        }
        if (tc > t0 && tc < hi) hi = tc;
        if (tc < t0 && tc > lo) lo = tc;
      }
      iv.lower = lo;
      iv.upper = hi;
      if (lo > 0) iv.changes_at_lower = detail::changed(p, key0, key_at(j, std::max(0.0, lo - 1e-7)));
      if (hi < 1) iv.changes_at_upper = detail::changed(p, key0, key_at(j, std::min(1.0, hi + 1e-7)));
    } else {
      auto search = [&](double dir, double& bound, std::vector<std::string>& what) {
        double same = t0, t = t0;
        while (true) {
          double nt = t + dir * o.scan_step;
          if ((dir > 0 && nt >= 1.0) || (dir < 0 && nt <= 0.0)) nt = dir > 0 ? 1.0 : 0.0;
          if (key_at(j, nt) != key0) {
            double a = same, b = nt;
            while (std::abs(b - a) > o.tolerance) {
              double mid = 0.5 * (a + b);
              if (key_at(j, mid) == key0)
                a = mid;
              else
                b = mid;
            }
            bound = a;
            // name what changes a little beyond the boundary (exactly at it, the pair is tied)
            const double beyond = std::clamp(b + dir * 1e-6, 0.0, 1.0);
            what = detail::changed(p, key0, key_at(j, beyond));
            return;
          }
          same = nt;
          t = nt;
          if (nt == 0.0 || nt == 1.0) {
            bound = nt;
            return;
          }
        }
      };
      search(+1.0, iv.upper, iv.changes_at_upper);
      search(-1.0, iv.lower, iv.changes_at_lower);
    }
    res.intervals.push_back(std::move(iv));
  }
  // sweeps
  res.grid = Eigen::VectorXd::LinSpaced(o.steps + 1, 0.0, 1.0);
  for (Eigen::Index j = 0; j < n; ++j) {
    Eigen::MatrixXd sc(res.grid.size(), m);
    Eigen::MatrixXi rk(res.grid.size(), m);
    for (Eigen::Index g = 0; g < res.grid.size(); ++g) {
      tick();
      Ranking r = rank(p.with_weights(reweight(w0, j, res.grid[g])), o.rank);
      sc.row(g) = r.scores.transpose();
      for (Eigen::Index i = 0; i < m; ++i) rk(g, i) = r.ranks[static_cast<std::size_t>(i)];
    }
    res.sweep_scores.push_back(std::move(sc));
    res.sweep_ranks.push_back(std::move(rk));
  }
  if (o.progress) o.progress(total, total);
  return res;
}

}  // namespace koers::decide
