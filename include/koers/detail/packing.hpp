#pragma once
/// \file
/// Exact feasibility of assigning items (whole, never split) to bins with capacities and a
/// minimum number of items per bin: the selection's "can the experts take these processes?"
/// oracle. Internal (koers::detail).
///
/// First a worst-fit-decreasing heuristic with a repair of the per-bin minimum; when that fails,
/// an exact depth-first search (items largest first, bins of equal state tried once, pruning by
/// unusable capacity and by the missing minimum counts). Answers 1 (feasible, with an
/// assignment), 0 (proven infeasible) or −1 (the search hit its node limit: unknown).
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace koers::detail {

class Packer {
 public:
  Packer(std::vector<std::int64_t> cap, std::int64_t min_per, std::int64_t node_limit = 2'000'000)
      : cap_(std::move(cap)), min_per_(min_per), node_limit_(node_limit) {}

  /// Can `items` (sizes `size[item]`) be assigned? On 1, `who` (if given) holds the bin per item.
  int feasible(const std::vector<int>& items, const std::vector<std::int64_t>& size, std::vector<int>* who = nullptr) {
    const std::size_t E = cap_.size(), k = items.size();
    if (E == 0) return k == 0 ? 1 : 0;
    if (static_cast<std::int64_t>(k) < min_per_ * static_cast<std::int64_t>(E)) return 0;
    std::int64_t tot = 0, maxc = 0, maxs = 0;
    for (int i : items) { tot += size[i]; maxs = std::max(maxs, size[i]); }
    std::int64_t totc = 0;
    for (auto c : cap_) { totc += c; maxc = std::max(maxc, c); }
    if (tot > totc || maxs > maxc) return 0;
    sz_.resize(k);
    order_.resize(k);
    std::iota(order_.begin(), order_.end(), 0);
    for (std::size_t t = 0; t < k; ++t) sz_[t] = size[items[t]];
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) { return sz_[a] > sz_[b]; });
    bin_.assign(k, -1);
    if (heuristic()) { export_to(who); return 1; }
    // exact search
    rem_ = cap_;
    cnt_.assign(E, 0);
    bin_.assign(k, -1);
    nodes_ = 0;
    suffix_.assign(k + 1, 0);
    for (std::size_t t = k; t-- > 0;) suffix_[t] = suffix_[t + 1] + sz_[order_[t]];
    int res = dfs(0);
    if (res == 1) export_to(who);
    return res;
  }

 private:
  std::vector<std::int64_t> cap_;
  std::int64_t min_per_;
  std::int64_t node_limit_;
  std::vector<std::int64_t> sz_, rem_, cnt_, suffix_;
  std::vector<int> order_, bin_;
  std::int64_t nodes_ = 0;

  void export_to(std::vector<int>* who) const {
    if (who) *who = bin_;
  }

  bool heuristic() {
    const std::size_t E = cap_.size();
    rem_ = cap_;
    cnt_.assign(E, 0);
    for (int t : order_) {
      int best = -1;
      for (std::size_t e = 0; e < E; ++e)
        if (rem_[e] >= sz_[t] && (best < 0 || rem_[e] > rem_[best])) best = static_cast<int>(e);
      if (best < 0) return false;
      bin_[t] = best;
      rem_[best] -= sz_[t];
      ++cnt_[best];
    }
    // repair the minimum per bin: move the smallest movable items into deficient bins
    for (std::size_t e = 0; e < E; ++e) {
      while (cnt_[e] < min_per_) {
        int pick = -1;
        for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
          int t = *it;
          int from = bin_[t];
          if (from == static_cast<int>(e) || cnt_[from] <= min_per_ || sz_[t] > rem_[e]) continue;
          pick = t;
          break;
        }
        if (pick < 0) return false;
        int from = bin_[pick];
        rem_[from] += sz_[pick];
        --cnt_[from];
        bin_[pick] = static_cast<int>(e);
        rem_[e] -= sz_[pick];
        ++cnt_[e];
      }
    }
    return true;
  }

  int dfs(std::size_t pos) {
    const std::size_t E = cap_.size(), k = order_.size();
    // the missing minimum counts must come from the items left (checked first: a complete
    // assignment that leaves an expert below the minimum is no assignment)
    std::int64_t deficit = 0;
    for (std::size_t e = 0; e < E; ++e) deficit += std::max<std::int64_t>(0, min_per_ - cnt_[e]);
    if (deficit > static_cast<std::int64_t>(k - pos)) return 0;
    if (pos == k) return 1;
    if (++nodes_ > node_limit_) return -1;
    // capacity that the smallest item left cannot use is wasted
    std::int64_t smallest = sz_[order_[k - 1]];
    std::int64_t usable = 0;
    for (std::size_t e = 0; e < E; ++e) if (rem_[e] >= smallest) usable += rem_[e];
    if (usable < suffix_[pos]) return 0;
    int t = order_[pos];
    // try bins by remaining capacity (largest first); equal (rem, cnt) states once
    std::vector<int> bins(E);
    std::iota(bins.begin(), bins.end(), 0);
    std::sort(bins.begin(), bins.end(), [&](int a, int b) { return rem_[a] > rem_[b]; });
    std::vector<std::pair<std::int64_t, std::int64_t>> tried;
    bool unknown = false;
    for (int e : bins) {
      if (rem_[e] < sz_[t]) break;
      std::pair<std::int64_t, std::int64_t> key{rem_[e], std::min(cnt_[e], min_per_)};
      if (std::find(tried.begin(), tried.end(), key) != tried.end()) continue;
      tried.push_back(key);
      rem_[e] -= sz_[t];
      ++cnt_[e];
      bin_[t] = e;
      int r = dfs(pos + 1);
      rem_[e] += sz_[t];
      --cnt_[e];
      if (r == 1) return 1;
      if (r == -1) { unknown = true; break; }
    }
    bin_[t] = -1;
    return unknown ? -1 : 0;
  }
};

}  // namespace koers::detail
