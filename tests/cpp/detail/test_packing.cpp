// Tests of the assignment oracle src/packing.hpp (the selection's "can the experts take
// these processes?"): every search path against an exhaustive enumeration of all assignments.
// Source of the vectors: seeded random instances generated here (sizes with many repeats, so that
// the search by counts of equal sizes has work to do), checked against brute force.
#include "testing.hpp"

#include "brute_assign.hpp"
#include "packing.hpp"  // src/

#include <random>
#include <vector>

namespace {

using koers::testing::brute_assign;

}  // namespace

TEST_CASE("packing: heuristic, item search and search by counts equal the enumeration", "[solver][random]") {
  std::mt19937_64 rng(4242);
  auto U = [&](std::int64_t a, std::int64_t b) { return std::uniform_int_distribution<std::int64_t>(a, b)(rng); };
  int feasible = 0, infeasible = 0;
  for (int t = 0; t < 3000; ++t) {
    int E = static_cast<int>(U(1, 4)), k = static_cast<int>(U(0, 9));
    std::vector<std::int64_t> cap;
    std::int64_t same = U(4, 14);
    for (int e = 0; e < E; ++e) cap.push_back(U(0, 2) ? same : U(0, 16));
    std::vector<std::int64_t> size;
    std::int64_t kinds = U(1, 4);
    std::vector<std::int64_t> pool;
    for (int q = 0; q < kinds; ++q) pool.push_back(U(0, 9));
    for (int i = 0; i < k; ++i) size.push_back(pool[static_cast<std::size_t>(U(0, kinds - 1))]);
    std::int64_t min_per = U(0, 2);
    std::vector<int> items(k);
    for (int i = 0; i < k; ++i) items[i] = i;
    std::vector<std::int64_t> rem = cap, cnt(E, 0);
    bool want = brute_assign(size, rem, cnt, min_per, 0);
    (want ? feasible : infeasible)++;
    INFO("instance " << t);
    for (int mode = 0; mode < 3; ++mode) {
      koers::detail::Packer p(cap, min_per);
      if (mode >= 1) p.set_first_search_nodes(0);  // straight to the search by counts
      if (mode == 2) p.set_count_search(false);    // the item search alone
      std::vector<int> who;
      int r = p.feasible(items, size, &who);
      REQUIRE(r == (want ? 1 : 0));
      if (r == 1) {
        std::vector<std::int64_t> load(E, 0), n(E, 0);
        REQUIRE(who.size() == items.size());
        for (int i = 0; i < k; ++i) {
          REQUIRE(who[i] >= 0);
          REQUIRE(who[i] < E);
          load[who[i]] += size[i];
          ++n[who[i]];
        }
        for (int e = 0; e < E; ++e) {
          CHECK(load[e] <= cap[e]);
          CHECK(n[e] >= min_per);
        }
      }
    }
  }
  CHECK(feasible > 100);
  CHECK(infeasible > 100);
}
