// Plain C++ TOPSIS loop (vector normalisation, row-major input like NumPy's) for the decide
// benchmark: reads rows cols and a seed, builds the same uniform(1, 100) matrix as nothing else
// needs to, times the loop and prints milliseconds. No Eigen, no checks, no ranks.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

int main(int argc, char** argv) {
  const std::size_t m = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  const std::size_t n = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 10;
  std::mt19937_64 g(1);
  std::uniform_real_distribution<double> u(1, 100);
  std::vector<double> x(m * n), w(n, 1.0 / static_cast<double>(n)), out(m);
  for (auto& v : x) v = u(g);
  double best = 1e300;
  for (int rep = 0; rep < 10; ++rep) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<double> norm(n, 0.0), hi(n, -1e300), lo(n, 1e300);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < n; ++j) norm[j] += x[i * n + j] * x[i * n + j];
    for (std::size_t j = 0; j < n; ++j) norm[j] = w[j] / std::sqrt(norm[j]);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        double v = x[i * n + j] * norm[j];
        if (j >= n / 2) v = w[j] - v;  // cost criteria: w (1 - x/||x||)
        hi[j] = std::max(hi[j], v);
        lo[j] = std::min(lo[j], v);
      }
    for (std::size_t i = 0; i < m; ++i) {
      double dp = 0, dm = 0;
      for (std::size_t j = 0; j < n; ++j) {
        double v = x[i * n + j] * norm[j];
        if (j >= n / 2) v = w[j] - v;
        dp += (v - hi[j]) * (v - hi[j]);
        dm += (v - lo[j]) * (v - lo[j]);
      }
      out[i] = std::sqrt(dm) / (std::sqrt(dp) + std::sqrt(dm));
    }
    auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::printf("%.4f %.17g\n", best, out[0]);
  return 0;
}
