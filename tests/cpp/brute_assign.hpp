#pragma once
// Exhaustive assignment check shared by the solver tests (written independently of the solver):
// can processes of hours h[k..] go whole to experts with remaining hours `rem`, each expert
// ending with at least `min_per` processes (`cnt` counts what each already has)?
#include <cstdint>
#include <vector>

namespace koers::testing {

inline bool brute_assign(const std::vector<std::int64_t>& h, std::vector<std::int64_t>& rem,
                         std::vector<std::int64_t>& cnt, std::int64_t min_per, std::size_t k) {
  if (k == h.size()) {
    for (auto c : cnt)
      if (c < min_per) return false;
    return true;
  }
  for (std::size_t e = 0; e < rem.size(); ++e) {
    if (rem[e] < h[k]) continue;
    rem[e] -= h[k];
    ++cnt[e];
    bool ok = brute_assign(h, rem, cnt, min_per, k + 1);
    rem[e] += h[k];
    --cnt[e];
    if (ok) return true;
  }
  return false;
}

}  // namespace koers::testing
