// Plain C++ loops of TOPSIS (vector normalisation), the weighted sum (min-max) and VIKOR (S, R,
// Q with v = 0.5) over a row-major matrix like NumPy's, for bench_decide.py: the floor a ranking
// library can reach. Reads method, rows and cols, builds a uniform(1, 100) matrix, the first half
// of the criteria benefit and the rest cost, times 10 rounds and prints {"times": [seconds...]}.
// No Eigen, no checks, no ranks.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  const std::string method = argc > 1 ? argv[1] : "topsis";
  const std::size_t m = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100000;
  const std::size_t n = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 10;
  std::mt19937_64 g(1);
  std::uniform_real_distribution<double> u(1, 100);
  std::vector<double> x(m * n), w(n, 1.0 / static_cast<double>(n)), out(m);
  for (auto& v : x) v = u(g);
  std::vector<double> times;
  for (int rep = 0; rep < 10; ++rep) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<double> a(n, 0.0), hi(n, -1e300), lo(n, 1e300);
    if (method == "topsis") {
      for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) a[j] += x[i * n + j] * x[i * n + j];
      for (std::size_t j = 0; j < n; ++j) a[j] = w[j] / std::sqrt(a[j]);
      for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) {
          double v = x[i * n + j] * a[j];
          if (j >= n / 2) v = w[j] - v;  // cost criteria: w (1 - x/||x||)
          hi[j] = std::max(hi[j], v);
          lo[j] = std::min(lo[j], v);
        }
      for (std::size_t i = 0; i < m; ++i) {
        double dp = 0, dm = 0;
        for (std::size_t j = 0; j < n; ++j) {
          double v = x[i * n + j] * a[j];
          if (j >= n / 2) v = w[j] - v;
          dp += (v - hi[j]) * (v - hi[j]);
          dm += (v - lo[j]) * (v - lo[j]);
        }
        out[i] = std::sqrt(dm) / (std::sqrt(dp) + std::sqrt(dm));
      }
    } else {  // wsm and vikor need the column min and max
      for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) {
          hi[j] = std::max(hi[j], x[i * n + j]);
          lo[j] = std::min(lo[j], x[i * n + j]);
        }
      if (method == "wsm") {
        for (std::size_t i = 0; i < m; ++i) {
          double s = 0;
          for (std::size_t j = 0; j < n; ++j) {
            const double d = hi[j] - lo[j];
            s += w[j] * (j < n / 2 ? (x[i * n + j] - lo[j]) / d : (hi[j] - x[i * n + j]) / d);
          }
          out[i] = s;
        }
      } else {  // vikor
        std::vector<double> S(m), R(m);
        for (std::size_t i = 0; i < m; ++i) {
          double s = 0, r = 0;
          for (std::size_t j = 0; j < n; ++j) {
            const double best = j < n / 2 ? hi[j] : lo[j], worst = j < n / 2 ? lo[j] : hi[j];
            const double t = w[j] * (best - x[i * n + j]) / (best - worst);
            s += t;
            r = std::max(r, t);
          }
          S[i] = s;
          R[i] = r;
        }
        const auto [s0, s1] = std::minmax_element(S.begin(), S.end());
        const auto [r0, r1] = std::minmax_element(R.begin(), R.end());
        for (std::size_t i = 0; i < m; ++i)
          out[i] = 0.5 * (S[i] - *s0) / (*s1 - *s0) + 0.5 * (R[i] - *r0) / (*r1 - *r0);
      }
    }
    auto t1 = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double>(t1 - t0).count());
  }
  std::printf("{\"times\": [");
  for (std::size_t k = 0; k < times.size(); ++k) std::printf("%s%.9f", k ? ", " : "", times[k]);
  std::printf("], \"info\": %.17g}\n", out[0]);
  return 0;
}
