// AHP: random indices, priorities, λmax completion (Bozóki et al. 2010), Koczkodaj triads,
// groups (AIJ / AIP) and two-level hierarchies. Declarations: include/koers/decide/ahp*.hpp,
// random_index.hpp.
#include <koers/decide/ahp.hpp>
#include <koers/decide/ahp_group.hpp>
#include <koers/decide/random_index.hpp>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

namespace koers::decide {

namespace {

std::string fmt(double v, int digits = 4) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

// ---------------------------------------------------------------------------------------------
// Random index tables.
// Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill: n = 1..15 as printed (the dip
// at n = 12, 1.48, is in the printed table).
const std::vector<std::pair<int, double>> k_saaty1980 = {{1, 0.0},   {2, 0.0},   {3, 0.58},  {4, 0.90},  {5, 1.12},
                                                         {6, 1.24},  {7, 1.32},  {8, 1.41},  {9, 1.45},  {10, 1.49},
                                                         {11, 1.51}, {12, 1.48}, {13, 1.56}, {14, 1.57}, {15, 1.59}};
// Saaty (2005), Theory and Applications of the Analytic Network Process, RWS, p. 31
// (the same values as AHPy's 'saaty' table, which cites this page).
const std::vector<std::pair<int, double>> k_saaty2005 = {{1, 0.0},   {2, 0.0},   {3, 0.52},  {4, 0.89},  {5, 1.11},
                                                         {6, 1.25},  {7, 1.35},  {8, 1.40},  {9, 1.45},  {10, 1.49},
                                                         {11, 1.52}, {12, 1.54}, {13, 1.56}, {14, 1.58}, {15, 1.59}};
// Donegan & Dodd (1991), A note on Saaty's random indexes, Math. Comput. Modelling 15(10):135-137
// (tabulated n as in AHPy's 'dd' table, which cites the paper; the value at 90 is as printed).
const std::vector<std::pair<int, double>> k_donegan_dodd = {
    {1, 0.0},     {2, 0.0},     {3, 0.4914},  {4, 0.8286},  {5, 1.0591},  {6, 1.1797},  {7, 1.2519},  {8, 1.3171},
    {9, 1.3733},  {10, 1.4055}, {11, 1.4213}, {12, 1.4497}, {13, 1.4643}, {14, 1.4822}, {15, 1.4969}, {16, 1.5078},
    {17, 1.5153}, {18, 1.5262}, {19, 1.5313}, {20, 1.5371}, {25, 1.5619}, {30, 1.5772}, {40, 1.5976}, {50, 1.6102},
    {60, 1.6178}, {70, 1.6237}, {80, 1.6277}, {90, 1.6213}, {100, 1.6339}};
// Aguarón & Moreno-Jiménez (2003), The geometric consistency index: approximated thresholds,
// EJOR 147:137-145, RI for n = 3..16 (three decimals).
const std::vector<std::pair<int, double>> k_aguaron = {
    {1, 0.0},   {2, 0.0},    {3, 0.525},  {4, 0.882},  {5, 1.115},  {6, 1.252},  {7, 1.341},  {8, 1.404},
    {9, 1.452}, {10, 1.484}, {11, 1.513}, {12, 1.535}, {13, 1.555}, {14, 1.570}, {15, 1.583}, {16, 1.595}};
// Tummala & Ling (1998), A note on the computation of the mean random consistency index of the
// AHP, Theory and Decision 44(3):221-230: n = 1..15 as tabulated in pymcdm 1.4.0
// (pymcdm/weights/subjective/ahp.py, AHP.RI_M), which cites the paper.
const std::vector<std::pair<int, double>> k_tummala_ling = {
    {1, 0.0},    {2, 0.0},     {3, 0.5799},  {4, 0.8921},  {5, 1.1159},  {6, 1.2358},  {7, 1.3322}, {8, 1.3952},
    {9, 1.4537}, {10, 1.4882}, {11, 1.5117}, {12, 1.5356}, {13, 1.5571}, {14, 1.5714}, {15, 1.5831}};
const std::vector<std::pair<int, double>> k_empty = {};

// Saaty's 17 scale values 1/9 .. 9.
constexpr std::array<double, 17> k_scale = {1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3, 1.0 / 2, 1.0,
                                            2,       3,       4,       5,       6,       7,       8,       9};

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// ---------------------------------------------------------------------------------------------
// Power iteration (no checks; used inside). `a` may be an Eigen expression (a transpose).
template <class M>
double power_iterate(const M& a, Eigen::VectorXd& w, const EigenOptions& o, int* iters = nullptr) {
  const Eigen::Index n = a.rows();
  if (w.size() != n || !(w.array() > 0).all()) w = Eigen::VectorXd::Constant(n, 1.0 / double(n));
  w /= w.sum();
  double lambda = 0.0;
  Eigen::VectorXd y(n);
  for (int it = 1; it <= o.max_iterations; ++it) {
    y.noalias() = a * w;
    lambda = y.sum();
    y /= lambda;
    double change = (y - w).cwiseAbs().maxCoeff();
    w.swap(y);
    if (change <= o.tolerance) {
      if (iters) *iters = it;
      y.noalias() = a * w;  // λ of the final vector
      return y.sum();
    }
  }
  throw SolverError(Errc::solver_limit, "power iteration did not converge within " + std::to_string(o.max_iterations) +
                                            " iterations (tolerance " + fmt(o.tolerance) + ")");
}

// λmax, its derivative along x = ln a_ij (a_ji = 1/a_ij) from the right (w) and left (v) Perron
// vectors, and the curvature of that expression with the vectors held fixed (a Newton scale).
struct LambdaDeriv {
  double lambda;
  double deriv;
  double curvature;
};
LambdaDeriv lambda_and_derivative(Eigen::MatrixXd& a, std::size_t i, std::size_t j, double x, Eigen::VectorXd& w,
                                  Eigen::VectorXd& v, const EigenOptions& o) {
  a(i, j) = std::exp(x);
  a(j, i) = std::exp(-x);
  double lambda = power_iterate(a, w, o);
  power_iterate(a.transpose(), v, o);
  double vw = v.dot(w);
  double p = v(i) * a(i, j) * w(j), q = v(j) * a(j, i) * w(i);
  return {lambda, (p - q) / vw, (p + q) / vw};
}

// Minimise λmax along ln a_ij (convex in it, Bozóki et al. 2010): find the root of the derivative.
// A Newton-scaled first step and secant extrapolation bracket it; Illinois regula falsi (with
// bisection every 8th step) narrows the bracket to 1e-13.
double minimise_coordinate(Eigen::MatrixXd& a, std::size_t i, std::size_t j, double x0, Eigen::VectorXd& w,
                           Eigen::VectorXd& v, const EigenOptions& o, double* lambda_out) {
  auto f = [&](double x) { return lambda_and_derivative(a, i, j, x, w, v, o); };
  LambdaDeriv f0 = f(x0);
  if (std::fabs(f0.deriv) < 1e-15) {
    if (lambda_out) *lambda_out = f0.lambda;
    return x0;
  }
  // bracket [lo, hi] with g(lo) < 0 < g(hi)
  double xa = x0, ga = f0.deriv;
  double step = -f0.deriv / std::max(f0.curvature, 1e-12);
  step = std::clamp(step, -4.0, 4.0);
  if (std::fabs(step) < 1e-12) step = f0.deriv > 0 ? -1e-12 : 1e-12;
  double xb = xa + step, gb = f(xb).deriv;
  for (int k = 0; k < 100 && (gb > 0) == (ga > 0) && gb != 0.0; ++k) {
    double ext = (gb != ga) ? gb * (xb - xa) / (ga - gb) : 0.0;  // secant extrapolation
    double dir = xb - xa;
    if (!(ext * dir > 0) || !std::isfinite(ext)) ext = dir;
    ext = std::clamp(std::fabs(ext), std::fabs(dir), 4.0 * std::fabs(dir) + 1e-12) * (dir > 0 ? 1 : -1);
    xa = xb;
    ga = gb;
    xb = xb + ext;
    gb = f(xb).deriv;
  }
  if ((gb > 0) == (ga > 0) && gb != 0.0)
    throw SolverError(Errc::solver_limit, "λmax completion: no bracket for the minimum along one entry");
  double lo = ga < 0 ? xa : xb, glo = ga < 0 ? ga : gb;
  double hi = ga < 0 ? xb : xa, ghi = ga < 0 ? gb : ga;
  if (gb == 0.0) { lo = hi = xb; }
  int side = 0;
  double x = 0.5 * (lo + hi), last = std::numeric_limits<double>::infinity();
  for (int it = 0; it < 200 && hi - lo > 1e-13; ++it) {
    x = (lo * ghi - hi * glo) / (ghi - glo);
    if (!(x > lo && x < hi) || it % 8 == 7) x = 0.5 * (lo + hi);
    double g = f(x).deriv;
    if (std::fabs(g) < 1e-15 || std::fabs(x - last) < 1e-14) {
      lo = hi = x;
      break;
    }
    last = x;
    if (g < 0) {
      lo = x;
      glo = g;
      if (side == -1) ghi *= 0.5;
      side = -1;
    } else {
      hi = x;
      ghi = g;
      if (side == 1) glo *= 0.5;
      side = 1;
    }
  }
  x = 0.5 * (lo + hi);
  LambdaDeriv fx = f(x);
  if (lambda_out) *lambda_out = fx.lambda;
  return x;
}

// The gradient of ln λmax over x_k = ln a_ij (a_ji = 1/a_ij) of every missing pair, from the
// right (w) and left (v) Perron vectors: (v_i a_ij w_j − v_j a_ji w_i) / (λ v·w). Returns ln λmax.
double log_lambda_gradient(Eigen::MatrixXd& a, const std::vector<std::pair<std::size_t, std::size_t>>& miss,
                           const std::vector<double>& x, Eigen::VectorXd& w, Eigen::VectorXd& v, const EigenOptions& o,
                           Eigen::VectorXd& g) {
  for (std::size_t k = 0; k < miss.size(); ++k) {
    auto [i, j] = miss[k];
    a(Eigen::Index(i), Eigen::Index(j)) = std::exp(x[k]);
    a(Eigen::Index(j), Eigen::Index(i)) = std::exp(-x[k]);
  }
  double lambda = power_iterate(a, w, o);
  power_iterate(a.transpose(), v, o);
  const double vw = v.dot(w) * lambda;
  g.resize(Eigen::Index(miss.size()));
  for (std::size_t k = 0; k < miss.size(); ++k) {
    auto i = Eigen::Index(miss[k].first), j = Eigen::Index(miss[k].second);
    g(Eigen::Index(k)) = (v(i) * a(i, j) * w(j) - v(j) * a(j, i) * w(i)) / vw;
  }
  return std::log(lambda);
}

struct JointDescent {
  int iterations = 0;
  bool converged = false;
};

// Every missing entry at once: L-BFGS (memory 8) on ln λmax, which is convex in the log-entries
// (Kingman; Bozóki et al. 2010, with the unique minimum when the judgments are connected). The
// line search finds a root of the directional derivative, as minimise_coordinate does along one
// entry. One iteration costs two power iterations plus O(missing) — where a cycle of coordinate
// steps costs about twenty per missing pair, which made 150 elements with missing pairs take
// most of a minute. Converged when an iteration moves no log-entry more than `tolerance` (the
// coordinate cycles' rule); `converged` false when it stalls (the caller then cycles).
JointDescent joint_descent(Eigen::MatrixXd& a, const std::vector<std::pair<std::size_t, std::size_t>>& miss,
                           std::vector<double>& x, Eigen::VectorXd& w, Eigen::VectorXd& v, const EigenOptions& eo,
                           const CompletionOptions& co) {
  const auto m = Eigen::Index(miss.size());
  constexpr int memory = 8;
  std::vector<Eigen::VectorXd> ss, ys;
  std::vector<double> rho;
  Eigen::VectorXd g, gt, d(m), xv = Eigen::Map<const Eigen::VectorXd>(x.data(), m);
  std::vector<double> xt(x.size());
  auto eval = [&](const Eigen::VectorXd& at, Eigen::VectorXd& grad) {
    for (Eigen::Index k = 0; k < m; ++k) xt[std::size_t(k)] = at(k);
    return log_lambda_gradient(a, miss, xt, w, v, eo, grad);
  };
  eval(xv, g);
  JointDescent out;
  for (int it = 1; it <= co.max_cycles; ++it) {
    out.iterations = it;
    if (g.lpNorm<Eigen::Infinity>() < 1e-15) {
      out.converged = true;
      break;
    }
    // two-loop recursion: d = −H g
    d = -g;
    std::vector<double> alpha(ss.size());
    for (std::size_t k = ss.size(); k-- > 0;) {
      alpha[k] = rho[k] * ss[k].dot(d);
      d -= alpha[k] * ys[k];
    }
    if (!ys.empty())
      d *= ss.back().dot(ys.back()) / ys.back().squaredNorm();
    else
      d *= std::min(1.0, 1.0 / g.lpNorm<Eigen::Infinity>());  // first step: at most 1 in any log-entry
    for (std::size_t k = 0; k < ss.size(); ++k) {
      double beta = rho[k] * ys[k].dot(d);
      d += (alpha[k] - beta) * ss[k];
    }
    double d0 = g.dot(d);
    if (!(d0 < 0)) {  // not a descent direction (rounding): restart from the gradient
      ss.clear();
      ys.clear();
      rho.clear();
      d = -g * std::min(1.0, 1.0 / g.lpNorm<Eigen::Infinity>());
      d0 = g.dot(d);
      if (!(d0 < 0)) break;
    }
    // line search along d: φ'(t) = g(x + t d)·d is increasing (convex); stop at |φ'(t)| ≤ 0.1 |φ'(0)|
    double lo = 0.0, dlo = d0, hi = -1.0, dhi = 0.0, t = 1.0;
    bool found = false;
    for (int k = 0; k < 60; ++k) {
      eval(xv + t * d, gt);
      double dt = gt.dot(d);
      if (std::fabs(dt) <= 0.1 * std::fabs(d0)) {
        found = true;
        break;
      }
      if (dt < 0) {
        lo = t;
        dlo = dt;
      } else {
        hi = t;
        dhi = dt;
      }
      if (hi < 0)
        t *= 4.0;  // no bracket yet: further
      else {
        double sec = lo - dlo * (hi - lo) / (dhi - dlo);  // secant root of φ'
        t = (sec > lo + 0.01 * (hi - lo) && sec < hi - 0.01 * (hi - lo)) ? sec : 0.5 * (lo + hi);
      }
      if (hi > 0 && (hi - lo) * d.lpNorm<Eigen::Infinity>() < 1e-16) {
        found = true;
        break;
      }
    }
    if (!found) break;  // stalled: the coordinate cycles take over
    Eigen::VectorXd step = t * d;
    xv += step;
    Eigen::VectorXd y = gt - g;
    g = gt;
    if (step.lpNorm<Eigen::Infinity>() <= co.tolerance) {
      out.converged = true;
      break;
    }
    double sy = step.dot(y);
    if (sy > 1e-300) {
      if (int(ss.size()) == memory) {
        ss.erase(ss.begin());
        ys.erase(ys.begin());
        rho.erase(rho.begin());
      }
      ss.push_back(std::move(step));
      ys.push_back(std::move(y));
      rho.push_back(1.0 / sy);
    }
  }
  for (Eigen::Index k = 0; k < m; ++k) x[std::size_t(k)] = xv(k);
  eval(xv, g);  // leave a, w and v at x
  return out;
}

double ci_of(double lambda, std::size_t n) { return n <= 1 ? 0.0 : (lambda - double(n)) / double(n - 1); }

[[noreturn]] void rethrow_in(const std::string& what, const std::string& name) {
  try {
    throw;
  } catch (const RankingError& e) {
    auto el = e.elements();
    el.insert(el.begin(), name);
    throw RankingError(e.code(), what + " '" + name + "': " + e.message(), el);
  } catch (const InputError& e) {
    auto el = e.elements();
    el.insert(el.begin(), name);
    throw InputError(e.code(), what + " '" + name + "': " + e.message(), el);
  }
}
[[noreturn]] void rethrow_for_judge(const std::string& judge) { rethrow_in("judge", judge); }

std::vector<std::string> rank_by(const std::vector<std::string>& names, const Eigen::VectorXd& p) {
  std::vector<std::size_t> idx(names.size());
  std::iota(idx.begin(), idx.end(), 0);
  auto key = [&](std::size_t i) { return std::round(p(Eigen::Index(i)) * 1e12); };
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) { return key(x) > key(y); });
  std::vector<std::string> out;
  for (auto i : idx) out.push_back(names[i]);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// random_index.hpp

int monte_carlo_default_samples(int n) {
  if (n <= 15) return 10000;
  double s = 10000.0 * (15.0 / n) * (15.0 / n);
  return std::max(500, int(s));
}

double monte_carlo_random_index(int n, const MonteCarloOptions& options) {
  if (n < 3) return 0.0;
  int samples = options.samples > 0 ? options.samples : monte_carlo_default_samples(n);
  static std::mutex mu;
  static std::map<std::tuple<int, int, std::uint64_t>, double> cache;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find({n, samples, options.seed});
    if (it != cache.end()) return it->second;
  }
  std::mt19937_64 rng(splitmix64(options.seed ^ (std::uint64_t(n) << 32)));
  Eigen::MatrixXd a = Eigen::MatrixXd::Ones(n, n);
  Eigen::VectorXd w;
  EigenOptions eo{.tolerance = 1e-12, .max_iterations = 100000};
  double sum = 0.0;
  for (int s = 0; s < samples; ++s) {
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j) {
        double v = k_scale[rng() % 17];
        a(i, j) = v;
        a(j, i) = 1.0 / v;
      }
    w.resize(0);
    double lambda = power_iterate(a, w, eo);
    sum += (lambda - n) / (n - 1);
  }
  double ri = sum / samples;
  std::lock_guard<std::mutex> lock(mu);
  cache[{n, samples, options.seed}] = ri;
  return ri;
}

const std::vector<std::pair<int, double>>& random_index_table(RandomIndexTable t) {
  switch (t) {
    case RandomIndexTable::saaty1980: return k_saaty1980;
    case RandomIndexTable::saaty2005: return k_saaty2005;
    case RandomIndexTable::donegan_dodd: return k_donegan_dodd;
    case RandomIndexTable::aguaron: return k_aguaron;
    case RandomIndexTable::tummala_ling: return k_tummala_ling;
  }
  return k_empty;
}

RandomIndex random_index(int n, RandomIndexTable table) {
  if (n < 1) throw InputError(Errc::invalid_argument, "random index needs n >= 1, got " + std::to_string(n));
  RandomIndex r;
  r.n = n;
  r.table = table;
  if (n < 3) {
    r.source = "n<3";
    r.note = "a reciprocal matrix of order " + std::to_string(n) + " is always consistent: RI = 0 and CR = 0";
    return r;
  }
  const auto& t = random_index_table(table);
  if (!t.empty() && n <= t.back().first) {
    auto it = std::lower_bound(t.begin(), t.end(), n, [](const auto& e, int k) { return e.first < k; });
    if (it->first == n) {
      r.value = it->second;
      r.source = "table";
      r.note = citation(table) + ", n = " + std::to_string(n);
    } else {
      auto lo = std::prev(it);
      double f = double(n - lo->first) / double(it->first - lo->first);
      r.value = lo->second + f * (it->second - lo->second);
      r.source = "interpolated";
      r.note = citation(table) + ", linear between n = " + std::to_string(lo->first) +
               " and n = " + std::to_string(it->first);
    }
    return r;
  }
  MonteCarloOptions mo;
  r.samples = monte_carlo_default_samples(n);
  r.seed = mo.seed;
  r.value = monte_carlo_random_index(n, mo);
  r.source = "monte-carlo";
  r.note = citation(table) + " stops at n = " + std::to_string(t.back().first) +
           "; extended by koers's Monte-Carlo RI (entries uniform on Saaty's 17 values), " + std::to_string(r.samples) +
           " matrices, seed " + std::to_string(r.seed);
  return r;
}

// ---------------------------------------------------------------------------------------------
// ahp.hpp

PriorityMethod parse_priority_method(std::string_view s) {
  if (s == "eigenvector" || s == "ev" || s == "eigen") return PriorityMethod::eigenvector;
  if (s == "geometric" || s == "geometric_mean" || s == "geometric-mean" || s == "rgmm" || s == "llsm")
    return PriorityMethod::geometric_mean;
  throw RankingError(Errc::invalid_method,
                     "unknown priority method '" + std::string(s) + "' (known: eigenvector, geometric)",
                     {std::string(s)});
}

Completion parse_completion(std::string_view s) {
  if (s == "bozoki" || s == "lambda_max" || s == "lambda-max") return Completion::lambda_max;
  if (s == "none") return Completion::none;
  throw RankingError(Errc::invalid_method, "unknown completion '" + std::string(s) + "' (known: bozoki, none)",
                     {std::string(s)});
}

PrincipalEigen principal_eigen(Eigen::Ref<const Eigen::MatrixXd> a, const EigenOptions& options) {
  if (a.rows() != a.cols() || a.rows() == 0)
    throw InputError(Errc::invalid_argument, "principal_eigen needs a non-empty square matrix, got " +
                                                 std::to_string(a.rows()) + "x" + std::to_string(a.cols()));
  if (!a.allFinite() || !(a.array() > 0).all())
    throw InputError(Errc::invalid_argument, "principal_eigen needs a matrix of finite positive entries");
  PrincipalEigen r;
  Eigen::MatrixXd m = a;
  r.vector = geometric_mean_priorities(m);
  r.value = power_iterate(m, r.vector, options, &r.iterations);
  return r;
}

Eigen::VectorXd geometric_mean_priorities(Eigen::Ref<const Eigen::MatrixXd> a) {
  Eigen::VectorXd g = a.array().log().rowwise().mean().exp().matrix();
  return g / g.sum();
}

double geometric_consistency_index(Eigen::Ref<const Eigen::MatrixXd> a, Eigen::Ref<const Eigen::VectorXd> w) {
  const Eigen::Index n = a.rows();
  if (n < 3) return 0.0;
  double s = 0.0;
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = i + 1; j < n; ++j) {
      double e = std::log(a(i, j) * w(j) / w(i));
      s += e * e;
    }
  return 2.0 * s / double((n - 1) * (n - 2));
}

PairwiseComparisons::PairwiseComparisons(std::vector<std::string> elements) : elements_(std::move(elements)) {
  if (elements_.empty()) throw InputError(Errc::invalid_argument, "AHP needs at least one element");
  for (std::size_t i = 0; i < elements_.size(); ++i) {
    if (elements_[i].empty())
      throw InputError(Errc::invalid_argument, "element " + std::to_string(i + 1) + " has an empty name");
    if (!index_.emplace(elements_[i], i).second)
      throw InputError(Errc::duplicate_name, "element '" + elements_[i] + "' is listed twice", {elements_[i]});
  }
  const auto n = Eigen::Index(elements_.size());
  m_ = Eigen::MatrixXd::Zero(n, n);
  m_.diagonal().setOnes();
}

PairwiseComparisons::PairwiseComparisons(std::vector<std::string> elements, const std::vector<Judgment>& judgments)
    : PairwiseComparisons(std::move(elements)) {
  for (const auto& j : judgments) judge(j);
}

std::size_t PairwiseComparisons::index(const std::string& name) const {
  auto it = index_.find(name);
  if (it == index_.end())
    throw InputError(Errc::unknown_name, "'" + name + "' is not one of the elements compared", {name});
  return it->second;
}

void PairwiseComparisons::judge(const std::string& a, double value, const std::string& b) {
  std::size_t i = index(a), j = index(b);
  if (i == j) throw InputError(Errc::invalid_value, "'" + a + "' is judged against itself", {a});
  if (!std::isfinite(value))
    throw InputError(Errc::not_finite, "the judgment '" + a + "' vs '" + b + "' is not a finite number", {a, b});
  constexpr double slack = 1.005;
  if (!(value >= 1.0 / 9.0 / slack && value <= 9.0 * slack))
    throw RankingError(Errc::judgment_out_of_range,
                       "the judgment '" + a + "' is " + fmt(value, 6) + " times as important as '" + b +
                           "' is outside Saaty's scale 1/9..9",
                       {a, b});
  if (m_(i, j) > 0.0) {
    if (std::fabs(std::log(m_(i, j)) - std::log(value)) > std::log(slack))
      throw RankingError(Errc::contradictory_judgment,
                         "the pair '" + a + "' / '" + b + "' is judged twice: " + fmt(m_(i, j), 6) + " and " +
                             fmt(value, 6) +
                             " (a second statement must be the same judgment, or its reciprocal the other way round)",
                         {a, b});
    return;  // the same judgment again
  }
  m_(Eigen::Index(i), Eigen::Index(j)) = value;
  m_(Eigen::Index(j), Eigen::Index(i)) = 1.0 / value;
  judgments_.push_back({a, b, value});
}

std::optional<double> PairwiseComparisons::value(const std::string& a, const std::string& b) const {
  double v = m_(Eigen::Index(index(a)), Eigen::Index(index(b)));
  if (v > 0.0) return v;
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> PairwiseComparisons::missing() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t j = i + 1; j < size(); ++j)
      if (!judged(i, j)) out.emplace_back(elements_[i], elements_[j]);
  return out;
}

std::vector<std::vector<std::string>> PairwiseComparisons::components() const {
  const std::size_t n = size();
  std::vector<int> comp(n, -1);
  std::vector<std::vector<std::string>> out;
  for (std::size_t s = 0; s < n; ++s) {
    if (comp[s] >= 0) continue;
    int c = int(out.size());
    out.emplace_back();
    std::vector<std::size_t> stack{s};
    comp[s] = c;
    std::vector<std::size_t> members;
    while (!stack.empty()) {
      auto u = stack.back();
      stack.pop_back();
      members.push_back(u);
      for (std::size_t v = 0; v < n; ++v)
        if (v != u && comp[v] < 0 && judged(u, v)) {
          comp[v] = c;
          stack.push_back(v);
        }
    }
    std::sort(members.begin(), members.end());
    for (auto u : members) out.back().push_back(elements_[u]);
  }
  return out;
}

namespace {
void require_connected(const PairwiseComparisons& pc, const std::string& why) {
  auto comps = pc.components();
  if (comps.size() <= 1) return;
  // name the smallest component
  auto smallest =
      std::min_element(comps.begin(), comps.end(), [](const auto& x, const auto& y) { return x.size() < y.size(); });
  std::string names;
  for (const auto& s : *smallest) names += (names.empty() ? "'" : ", '") + s + "'";
  throw RankingError(Errc::incomplete_judgments,
                     "the judgments fall apart into " + std::to_string(comps.size()) +
                         " groups that are never compared with each other (" + names + " not linked to the rest)" + why,
                     *smallest);
}

// Incomplete LLSM: minimise Σ_judged (ln a_ij − y_i + y_j)², Σ y = 0.
Eigen::VectorXd llsm_logs(const PairwiseComparisons& pc) {
  const auto n = Eigen::Index(pc.size());
  Eigen::MatrixXd l = Eigen::MatrixXd::Ones(n, n);  // + 1·1ᵀ fixes the gauge
  Eigen::VectorXd r = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (i != j && pc.judged(std::size_t(i), std::size_t(j))) {
        l(i, i) += 1.0;
        l(i, j) -= 1.0;
        r(i) += std::log(pc.raw()(i, j));
      }
  return l.ldlt().solve(r);
}
}  // namespace

CompletionResult complete_lambda_max(const PairwiseComparisons& pc, const CompletionOptions& options,
                                     const EigenOptions& eigen) {
  require_connected(pc, ": completion is impossible");
  CompletionResult out;
  const auto n = Eigen::Index(pc.size());
  Eigen::MatrixXd a = pc.raw();
  std::vector<std::pair<std::size_t, std::size_t>> miss;
  for (std::size_t i = 0; i < pc.size(); ++i)
    for (std::size_t j = i + 1; j < pc.size(); ++j)
      if (!pc.judged(i, j)) miss.emplace_back(i, j);
  Eigen::VectorXd y = llsm_logs(pc);
  std::vector<double> x(miss.size());
  for (std::size_t k = 0; k < miss.size(); ++k) {
    auto [i, j] = miss[k];
    x[k] = y(Eigen::Index(i)) - y(Eigen::Index(j));
    a(Eigen::Index(i), Eigen::Index(j)) = std::exp(x[k]);
    a(Eigen::Index(j), Eigen::Index(i)) = std::exp(-x[k]);
    out.start.push_back({pc.elements()[i], pc.elements()[j], std::exp(x[k])});
  }
  Eigen::VectorXd w, v;
  double lambda = 0.0;
  if (miss.empty()) {
    lambda = power_iterate(a, w, eigen);
  } else {
    out.converged = false;
    int used = 0;
    if (miss.size() > 1) {
      auto q = joint_descent(a, miss, x, w, v, eigen, options);
      used = q.iterations;
      out.converged = q.converged;
    }
    // cyclic coordinates (Bozóki et al. 2010): the method for one missing pair, the check that
    // no single entry can still move, and the fallback when the joint descent stalls
    for (int cycle = 1; !out.converged && used + cycle <= options.max_cycles; ++cycle) {
      double change = 0.0;
      for (std::size_t k = 0; k < miss.size(); ++k) {
        auto [i, j] = miss[k];
        double nx = minimise_coordinate(a, i, j, x[k], w, v, eigen, &lambda);
        change = std::max(change, std::fabs(nx - x[k]));
        x[k] = nx;
      }
      out.cycles = used + cycle;
      if (change <= options.tolerance) out.converged = true;
    }
    if (out.cycles == 0) out.cycles = used;
    lambda = power_iterate(a, w, eigen);
  }
  (void)n;
  for (std::size_t k = 0; k < miss.size(); ++k) {
    auto [i, j] = miss[k];
    out.completed.push_back({pc.elements()[i], pc.elements()[j], std::exp(x[k])});
  }
  out.matrix = std::move(a);
  out.lambda_max = lambda;
  return out;
}

double koczkodaj_triad(double a_ij, double a_jk, double a_ik) {
  double p = a_ij * a_jk;
  return std::min(std::fabs(1.0 - a_ik / p), std::fabs(1.0 - p / a_ik));
}

TriadSummary koczkodaj_summary(const PairwiseComparisons& pc, std::size_t keep) {
  // light entries (index, i, j, k), the strings only for the ones kept: O(n³) time, O(keep) memory
  struct Light {
    double index;
    std::uint32_t i, j, k;
  };
  // worst first; ties in element order (i, j, k lexicographic: the order they are generated in)
  auto worse = [](const Light& x, const Light& y) {
    if (x.index != y.index) return x.index > y.index;
    return std::tie(x.i, x.j, x.k) < std::tie(y.i, y.j, y.k);
  };
  const auto& m = pc.raw();
  const std::size_t n = pc.size();
  TriadSummary out;
  std::vector<Light> kept;  // keep > 0: a heap whose top is the least bad kept
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!pc.judged(i, j)) continue;
      for (std::size_t k = j + 1; k < n; ++k) {
        if (!pc.judged(j, k) || !pc.judged(i, k)) continue;
        Light t{koczkodaj_triad(m(Eigen::Index(i), Eigen::Index(j)), m(Eigen::Index(j), Eigen::Index(k)),
                                m(Eigen::Index(i), Eigen::Index(k))),
                std::uint32_t(i), std::uint32_t(j), std::uint32_t(k)};
        ++out.count;
        out.index = std::max(out.index, t.index);
        if (keep == 0) {
          kept.push_back(t);
        } else if (kept.size() < keep) {
          kept.push_back(t);
          std::push_heap(kept.begin(), kept.end(), worse);
        } else if (worse(t, kept.front())) {
          std::pop_heap(kept.begin(), kept.end(), worse);
          kept.back() = t;
          std::push_heap(kept.begin(), kept.end(), worse);
        }
      }
    }
  std::sort(kept.begin(), kept.end(), worse);
  out.worst.reserve(kept.size());
  for (const auto& t : kept) {
    TriadInconsistency r;
    r.elements = {pc.elements()[t.i], pc.elements()[t.j], pc.elements()[t.k]};
    r.a_ij = m(Eigen::Index(t.i), Eigen::Index(t.j));
    r.a_jk = m(Eigen::Index(t.j), Eigen::Index(t.k));
    r.a_ik = m(Eigen::Index(t.i), Eigen::Index(t.k));
    r.index = t.index;
    out.worst.push_back(std::move(r));
  }
  return out;
}

std::vector<TriadInconsistency> koczkodaj_triads(const PairwiseComparisons& pc) {
  return koczkodaj_summary(pc, 0).worst;
}

std::vector<std::string> AhpResult::ranking() const { return rank_by(elements, priorities); }

double AhpResult::priority(const std::string& element) const {
  for (std::size_t i = 0; i < elements.size(); ++i)
    if (elements[i] == element) return priorities(Eigen::Index(i));
  throw InputError(Errc::unknown_name, "'" + element + "' is not one of the elements compared", {element});
}

AhpResult ahp(const PairwiseComparisons& pc, const AhpOptions& options) {
  AhpResult r;
  const std::size_t n = pc.size();
  r.elements = pc.elements();
  r.priority_method = options.priorities;
  r.completion = options.completion;
  r.cr_threshold = options.cr_threshold;
  r.judged_pairs = pc.judgments().size();
  auto missing = pc.missing();
  if (!missing.empty()) {
    if (options.completion == Completion::none) {
      std::string names = "'" + missing.front().first + "' / '" + missing.front().second + "'";
      throw RankingError(Errc::incomplete_judgments,
                         std::to_string(missing.size()) + " pair" + (missing.size() == 1 ? " is" : "s are") +
                             " not judged (first: " + names + ") and completion is 'none'",
                         {missing.front().first, missing.front().second});
    }
    auto c = complete_lambda_max(pc, options.completion_options, options.eigen);
    r.matrix = std::move(c.matrix);
    r.completed = std::move(c.completed);
    r.completion_cycles = c.cycles;
    if (!c.converged)
      r.warnings.push_back("λmax completion stopped after " + std::to_string(c.cycles) +
                           " cycles without meeting its tolerance");
  } else {
    r.matrix = pc.raw();
  }
  auto e = principal_eigen(r.matrix, options.eigen);
  r.eigenvector = e.vector;
  r.lambda_max = std::max(e.value, double(n));  // λmax >= n for reciprocal matrices (rounding)
  r.eigen_iterations = e.iterations;
  r.geometric_mean = geometric_mean_priorities(r.matrix);
  r.priorities = options.priorities == PriorityMethod::eigenvector ? r.eigenvector : r.geometric_mean;
  r.ci = ci_of(r.lambda_max, n);
  r.ri = random_index(int(n), options.ri_table);
  r.cr = (n < 3 || r.ri.value <= 0.0) ? 0.0 : r.ci / r.ri.value;
  r.gci = geometric_consistency_index(r.matrix, r.priorities);
  r.consistent = r.cr <= options.cr_threshold;

  auto triads = koczkodaj_summary(pc, options.worst_triads);
  r.triad_count = triads.count;
  r.koczkodaj_index = triads.index;
  r.triads = std::move(triads.worst);

  if (options.find_revision && n >= 3 && !pc.judgments().empty()) {
    // candidates: every judged pair, or the 20 with the largest |ln(a_ij w_j / w_i)|
    std::vector<std::pair<double, std::size_t>> cand;
    const auto& js = pc.judgments();
    for (std::size_t k = 0; k < js.size(); ++k) {
      auto i = Eigen::Index(pc.index(js[k].a)), j = Eigen::Index(pc.index(js[k].b));
      cand.emplace_back(std::fabs(std::log(r.matrix(i, j) * r.eigenvector(j) / r.eigenvector(i))), k);
    }
    std::stable_sort(cand.begin(), cand.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    if (cand.size() > 45) cand.resize(20);
    double best = 0.0;
    for (auto [dev, k] : cand) {
      (void)dev;
      std::size_t i = pc.index(js[k].a), j = pc.index(js[k].b);
      Eigen::MatrixXd a = r.matrix;
      Eigen::VectorXd w = r.eigenvector, v;
      double lam = 0.0;
      double x =
          minimise_coordinate(a, i, j, std::log(r.matrix(Eigen::Index(i), Eigen::Index(j))), w, v, options.eigen, &lam);
      double gain = r.lambda_max - lam;
      if (gain > best + 1e-12) {
        best = gain;
        JudgmentRevision rev;
        rev.judgment = js[k];
        rev.suggested = std::exp(x);
        rev.lambda_max_after = std::max(lam, double(n));
        rev.cr_after = r.ri.value > 0 ? ci_of(rev.lambda_max_after, n) / r.ri.value : 0.0;
        r.revision = rev;
      }
    }
  }
  if (!r.consistent) {
    std::string w =
        "CR " + fmt(r.cr, 3) + " exceeds " + fmt(options.cr_threshold, 3) + " (Saaty's rule; RI " + r.ri.note + ")";
    if (r.revision)
      w += "; revising '" + r.revision->judgment.a + "' vs '" + r.revision->judgment.b + "' (" +
           fmt(r.revision->judgment.value, 4) + ", suggested " + fmt(r.revision->suggested, 3) +
           ") lowers CR most, to " + fmt(r.revision->cr_after, 3);
    r.warnings.push_back(w);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// ahp_group.hpp

Aggregation parse_aggregation(std::string_view s) {
  if (s == "aij") return Aggregation::aij;
  if (s == "aip") return Aggregation::aip;
  throw RankingError(Errc::invalid_method, "unknown aggregation '" + std::string(s) + "' (known: aij, aip)",
                     {std::string(s)});
}

namespace {
std::vector<double> check_judges(const std::vector<Judge>& judges) {
  if (judges.empty()) throw InputError(Errc::invalid_argument, "a group AHP needs at least one judge");
  std::set<std::string> names;
  double total = 0.0;
  for (std::size_t k = 0; k < judges.size(); ++k) {
    const auto& j = judges[k];
    std::string label = j.name.empty() ? "judge " + std::to_string(k + 1) : "judge '" + j.name + "'";
    if (j.name.empty()) throw InputError(Errc::invalid_argument, label + " has no name");
    if (!names.insert(j.name).second) throw InputError(Errc::duplicate_name, label + " is listed twice", {j.name});
    if (!std::isfinite(j.weight) || !(j.weight > 0.0))
      throw RankingError(Errc::invalid_weights,
                         label + " has weight " + fmt(j.weight) + "; judge weights must be finite and > 0", {j.name});
    if (j.judgments.empty()) throw RankingError(Errc::judge_without_judgments, label + " made no judgments", {j.name});
    total += j.weight;
  }
  std::vector<double> w;
  for (const auto& j : judges) w.push_back(j.weight / total);
  return w;
}

std::vector<PairwiseComparisons> judge_comparisons(const std::vector<std::string>& elements,
                                                   const std::vector<Judge>& judges) {
  std::vector<PairwiseComparisons> out;
  for (const auto& j : judges) {
    try {
      out.emplace_back(elements, j.judgments);
    } catch (const Error&) { rethrow_for_judge(j.name); }
  }
  return out;
}

PairwiseComparisons aggregate(const std::vector<std::string>& elements, const std::vector<PairwiseComparisons>& pcs,
                              const std::vector<double>& w) {
  PairwiseComparisons g(elements);
  const std::size_t n = elements.size();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      double s = 0.0, wt = 0.0, first = 0.0;
      bool same = true;
      for (std::size_t k = 0; k < pcs.size(); ++k)
        if (pcs[k].judged(i, j)) {
          double v = pcs[k].raw()(Eigen::Index(i), Eigen::Index(j));
          if (wt == 0.0) first = v;
          same = same && v == first;
          s += w[k] * std::log(v);
          wt += w[k];
        }
      // the geometric mean of equal judgments is that judgment (exactly, not exp(log(v)))
      if (wt > 0.0) g.judge(elements[i], same ? first : std::exp(s / wt), elements[j]);
    }
  return g;
}

double compatibility(const PairwiseComparisons& pc, const Eigen::VectorXd& w) {
  const std::size_t n = pc.size();
  double s = 0.0;
  std::size_t m = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (pc.judged(i, j)) {
        double e = std::log(pc.raw()(Eigen::Index(i), Eigen::Index(j)) * w(Eigen::Index(j)) / w(Eigen::Index(i)));
        s += e * e;
        ++m;
      }
  if (m == 0) return 0.0;
  double mean = s / double(m);
  return n >= 3 ? mean * double(n) / double(n - 2) : mean;
}
}  // namespace

PairwiseComparisons aggregate_judgments(const std::vector<std::string>& elements, const std::vector<Judge>& judges) {
  auto w = check_judges(judges);
  return aggregate(elements, judge_comparisons(elements, judges), w);
}

GroupResult ahp_group(const std::vector<std::string>& elements, const std::vector<Judge>& judges,
                      const GroupOptions& options) {
  auto w = check_judges(judges);
  auto pcs = judge_comparisons(elements, judges);
  GroupResult g;
  g.aggregation = options.aggregation;
  AhpOptions own_opts = options.ahp;
  std::vector<std::optional<AhpResult>> own(judges.size());
  for (std::size_t k = 0; k < judges.size(); ++k) {
    if (pcs[k].connected()) {
      try {
        own[k] = ahp(pcs[k], own_opts);
      } catch (const Error&) { rethrow_for_judge(judges[k].name); }
    } else if (options.aggregation == Aggregation::aip) {
      try {
        require_connected(pcs[k], ": AIP needs each judge's own priorities");
      } catch (const Error&) { rethrow_for_judge(judges[k].name); }
    } else {
      g.warnings.push_back("judge '" + judges[k].name +
                           "' left their judgments disconnected: no own priorities, only "
                           "compatibility with the group");
    }
  }
  if (options.aggregation == Aggregation::aij) {
    auto agg = aggregate(elements, pcs, w);
    g.group = ahp(agg, options.ahp);
    g.consistency_of = "the aggregated (AIJ) matrix";
  } else {
    // weighted geometric mean of the judges' completed matrices, for consistency figures
    PairwiseComparisons full(elements);
    const std::size_t n = elements.size();
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        double s = 0.0;
        for (std::size_t k = 0; k < judges.size(); ++k)
          s += w[k] * std::log(own[k]->matrix(Eigen::Index(i), Eigen::Index(j)));
        double v = std::clamp(std::exp(s), 1.0 / 9.0, 9.0);  // completed entries may lie outside 1/9..9
        full.judge(elements[i], v, elements[j]);
      }
    AhpOptions o = options.ahp;
    o.completion = Completion::none;
    g.group = ahp(full, o);
    Eigen::VectorXd logp = Eigen::VectorXd::Zero(Eigen::Index(n));
    for (std::size_t k = 0; k < judges.size(); ++k) logp += w[k] * own[k]->priorities.array().log().matrix();
    Eigen::VectorXd p = logp.array().exp().matrix();
    g.group.priorities = p / p.sum();
    g.group.gci = geometric_consistency_index(g.group.matrix, g.group.priorities);
    // completed values of the group: none (each judge completed their own)
    g.consistency_of = "the weighted geometric mean of the judges' completed matrices (entries clamped to 1/9..9)";
  }
  for (std::size_t k = 0; k < judges.size(); ++k) {
    JudgeResult jr;
    jr.name = judges[k].name;
    jr.weight = w[k];
    jr.judged_pairs = pcs[k].judgments().size();
    jr.gci = compatibility(pcs[k], g.group.priorities);
    if (own[k]) {
      Eigen::VectorXd d = own[k]->priorities - g.group.priorities;
      jr.distance = d.norm();
      jr.max_difference = d.cwiseAbs().maxCoeff();
      jr.own = std::move(own[k]);
    }
    g.judges.push_back(std::move(jr));
  }
  for (const auto& s : g.group.warnings) g.warnings.push_back("group: " + s);
  return g;
}

std::vector<std::string> HierarchyResult::ranking() const { return rank_by(alternatives, overall); }

HierarchyResult ahp_hierarchy(const AhpResult& criteria, const std::vector<std::string>& alternatives,
                              const std::vector<std::pair<std::string, PairwiseComparisons>>& local,
                              const AhpOptions& options) {
  HierarchyResult h;
  h.criteria = criteria;
  h.alternatives = alternatives;
  std::map<std::string, const PairwiseComparisons*> by_name;
  for (const auto& [c, pc] : local) {
    if (std::find(criteria.elements.begin(), criteria.elements.end(), c) == criteria.elements.end())
      throw InputError(Errc::unknown_name, "alternatives are judged under '" + c + "', which is not a criterion", {c});
    if (!by_name.emplace(c, &pc).second)
      throw InputError(Errc::duplicate_name, "alternatives are judged twice under criterion '" + c + "'", {c});
    if (pc.elements() != alternatives)
      throw InputError(Errc::invalid_value, "the judgments under '" + c + "' are not over the listed alternatives",
                       {c});
  }
  h.overall = Eigen::VectorXd::Zero(Eigen::Index(alternatives.size()));
  for (std::size_t ci = 0; ci < criteria.elements.size(); ++ci) {
    const auto& c = criteria.elements[ci];
    auto it = by_name.find(c);
    if (it == by_name.end())
      throw RankingError(Errc::incomplete_judgments, "the alternatives are not judged under criterion '" + c + "'",
                         {c});
    AhpResult r;
    try {
      r = ahp(*it->second, options);
    } catch (const Error&) { rethrow_in("under criterion", c); }
    h.overall += criteria.priorities(Eigen::Index(ci)) * r.priorities;
    h.local.emplace_back(c, std::move(r));
  }
  h.overall /= h.overall.sum();
  return h;
}

bool operator==(const PairwiseComparisons& x, const PairwiseComparisons& y) {
  return x.elements_ == y.elements_ && x.m_ == y.m_;
}

AhpResult ahp(std::vector<std::string> elements, const std::vector<Judgment>& judgments, const AhpOptions& options) {
  return ahp(PairwiseComparisons(std::move(elements), judgments), options);
}

RandomIndexTable parse_random_index_table(std::string_view s) {
  if (s == "saaty1980" || s == "saaty" || s == "saaty-1980") return RandomIndexTable::saaty1980;
  if (s == "saaty2005" || s == "saaty-2005") return RandomIndexTable::saaty2005;
  if (s == "donegan-dodd" || s == "donegan_dodd" || s == "dd") return RandomIndexTable::donegan_dodd;
  if (s == "aguaron" || s == "aguaron2003") return RandomIndexTable::aguaron;
  if (s == "tummala-ling" || s == "tummala_ling") return RandomIndexTable::tummala_ling;
  throw RankingError(Errc::invalid_method,
                     "unknown random-index table '" + std::string(s) +
                         "' (known: saaty1980, saaty2005, donegan-dodd, aguaron, tummala-ling)",
                     {std::string(s)});
}

}  // namespace koers::decide
