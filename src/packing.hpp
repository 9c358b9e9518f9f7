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
#include <atomic>
#include <chrono>
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
    for (int i : items) {
      tot += size[i];
      maxs = std::max(maxs, size[i]);
    }
    std::int64_t totc = 0;
    for (auto c : cap_) {
      totc += c;
      maxc = std::max(maxc, c);
    }
    if (tot > totc || maxs > maxc) return 0;
    sz_.resize(k);
    order_.resize(k);
    std::iota(order_.begin(), order_.end(), 0);
    for (std::size_t t = 0; t < k; ++t) sz_[t] = size[items[t]];
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) { return sz_[a] > sz_[b]; });
    bin_.assign(k, -1);
    if (heuristic() || fill_heuristic()) {
      export_to(who);
      return 1;
    }
    // exact searches: item by item (short: it settles most cases at once), then bin by bin over
    // counts of equal sizes (strong when sizes repeat: many identical items), then item by item
    // to the node limit
    suffix_.assign(k + 1, 0);
    for (std::size_t t = k; t-- > 0;) suffix_[t] = suffix_[t + 1] + sz_[order_[t]];
    const std::int64_t full = node_limit_;
    node_limit_ = std::min<std::int64_t>(full, first_nodes_);
    int res = node_limit_ > 0 ? item_search() : -1;
    node_limit_ = full;
    if (res == -1) {
      bin_.assign(k, -1);
      res = counts_on_ ? by_counts(tot) : -1;
      if (res == -1) res = item_search();
    }
    if (res == 1) export_to(who);
    return res;
  }

  /// Node budget of the first, short item-by-item search (tests set 0 to exercise the others).
  void set_first_search_nodes(std::int64_t n) { first_nodes_ = n; }
  /// Give up (answer −1, unknown) once the clock passes `t` (the caller's time limit).
  void set_deadline(std::chrono::steady_clock::time_point t) {
    deadline_ = t;
    has_deadline_ = true;
  }
  /// Stop (answer −1, unknown) once `*flag` is set by another thread; not owned.
  void set_cancel(const std::atomic<bool>* flag) { cancel_ = flag; }
  /// Skip the search by counts (tests: the plain item search alone).
  void set_count_search(bool on) { counts_on_ = on; }

 private:
  std::int64_t first_nodes_ = 20000;
  std::chrono::steady_clock::time_point deadline_{};
  bool has_deadline_ = false;
  const std::atomic<bool>* cancel_ = nullptr;
  bool late() const {
    if ((nodes_ & 1023) != 0) return false;
    if (cancel_ && cancel_->load(std::memory_order_relaxed)) return true;
    return has_deadline_ && std::chrono::steady_clock::now() >= deadline_;
  }
  bool counts_on_ = true;
  std::vector<std::int64_t> cap_;
  std::int64_t min_per_;
  std::int64_t node_limit_;
  std::vector<std::int64_t> sz_, rem_, cnt_, suffix_;
  std::vector<int> order_, bin_;
  std::int64_t nodes_ = 0;

  // ---- bin completion over size classes ---------------------------------------------------
  // Items of equal size are interchangeable: the state is (bin, count left per size). Bins are
  // filled one at a time, largest capacity first, each with a multiset of sizes (a pattern);
  // failed states are remembered. Pruning: the bins after this one must be able to take the
  // rest (hours and the minimum counts), and an item larger than every later bin goes here.
  // Returns 1 / 0 / −1 (node limit, or too many states to remember: not tried).
  std::vector<std::int64_t> csz_, ccnt_, radix_, bord_, capafter_;
  std::vector<std::vector<std::int64_t>> pat_;  // per bin position: count per class
  std::vector<std::int64_t> cur_;
  std::vector<std::uint64_t> memo_;  // open-addressing set of failed codes (+1)
  std::size_t memo_n_ = 0;
  std::uint64_t code_ = 0;

  bool memo_has(std::uint64_t key) const {
    std::size_t mask = memo_.size() - 1, h = static_cast<std::size_t>((key + 1) * 0x9E3779B97F4A7C15ull) & mask;
    while (memo_[h]) {
      if (memo_[h] == key + 1) return true;
      h = (h + 1) & mask;
    }
    return false;
  }
  void memo_add(std::uint64_t key) {
    if (memo_n_ * 2 >= memo_.size()) {
      if (memo_.size() >= (std::size_t(1) << 24)) return;  // full: forget nothing, remember no more
      std::vector<std::uint64_t> old(memo_.size() * 2, 0);
      old.swap(memo_);
      memo_n_ = 0;
      for (auto v : old)
        if (v) memo_add(v - 1);
    }
    std::size_t mask = memo_.size() - 1, h = static_cast<std::size_t>((key + 1) * 0x9E3779B97F4A7C15ull) & mask;
    while (memo_[h]) {
      if (memo_[h] == key + 1) return;
      h = (h + 1) & mask;
    }
    memo_[h] = key + 1;
    ++memo_n_;
  }

  int by_counts(std::int64_t tot) {
    const std::size_t E = cap_.size();
    csz_.clear();
    ccnt_.clear();
    for (int t : order_) {  // order_: sizes descending
      if (csz_.empty() || csz_.back() != sz_[t]) {
        csz_.push_back(sz_[t]);
        ccnt_.push_back(0);
      }
      ++ccnt_.back();
    }
    const std::size_t Cn = csz_.size();
    radix_.assign(Cn, 1);
    std::uint64_t prod = 1;
    for (std::size_t c = 0; c < Cn; ++c) {
      radix_[c] = static_cast<std::int64_t>(prod);
      prod *= static_cast<std::uint64_t>(ccnt_[c] + 1);
      if (prod > (std::uint64_t(1) << 40)) return -1;
    }
    bord_.resize(E);
    std::iota(bord_.begin(), bord_.end(), 0);
    std::stable_sort(bord_.begin(), bord_.end(), [&](std::int64_t a, std::int64_t b) { return cap_[a] > cap_[b]; });
    capafter_.assign(E + 1, 0);
    for (std::size_t b = E; b-- > 0;) capafter_[b] = capafter_[b + 1] + cap_[bord_[b]];
    pat_.assign(E, std::vector<std::int64_t>(Cn, 0));
    cur_.assign(Cn, 0);
    memo_.assign(1024, 0);
    memo_n_ = 0;
    code_ = 0;
    for (std::size_t c = 0; c < Cn; ++c) code_ += static_cast<std::uint64_t>(ccnt_[c] * radix_[c]);
    prod_ = prod;
    nodes_ = 0;
    int r = bins(0, tot, static_cast<std::int64_t>(order_.size()));
    if (r != 1) return r;
    // the patterns to items
    std::vector<std::size_t> next(Cn, 0);
    std::vector<std::vector<int>> of(Cn);
    for (int t : order_) {
      std::size_t c =
          static_cast<std::size_t>(std::lower_bound(csz_.begin(), csz_.end(), sz_[t], std::greater<>()) - csz_.begin());
      of[c].push_back(t);
    }
    for (std::size_t b = 0; b < E; ++b)
      for (std::size_t c = 0; c < Cn; ++c)
        for (std::int64_t q = 0; q < pat_[b][c]; ++q) bin_[of[c][next[c]++]] = static_cast<int>(bord_[b]);
    return 1;
  }
  std::uint64_t prod_ = 1;

  // fill bin position b; `left` = total size, `items` = count of the items not yet placed
  int bins(std::size_t b, std::int64_t left, std::int64_t items) {
    const std::size_t E = cap_.size();
    if (b == E) return items == 0 ? 1 : 0;
    std::uint64_t key = code_ + prod_ * b;
    if (memo_has(key)) return 0;
    if (++nodes_ > node_limit_ || late()) return -1;
    const std::int64_t R = cap_[bord_[b]];
    const std::int64_t after = capafter_[b + 1];
    const std::int64_t later_bins = static_cast<std::int64_t>(E - b - 1);
    // this bin takes at least `need` of the size and at most `maxn` items, at least min_per
    const std::int64_t need = left - after;
    const std::int64_t maxn = items - min_per_ * later_bins;
    if (maxn < min_per_ || need > R) {
      memo_add(key);
      return 0;
    }
    const std::int64_t next_cap = b + 1 < E ? cap_[bord_[b + 1]] : 0;
    std::fill(cur_.begin(), cur_.end(), 0);
    int r = fill(b, 0, R, 0, 0, need, maxn, next_cap, left, items);
    if (r == 0) memo_add(key);
    return r;
  }

  int fill(std::size_t b, std::size_t c, std::int64_t room, std::int64_t used, std::int64_t n, std::int64_t need,
           std::int64_t maxn, std::int64_t next_cap, std::int64_t left, std::int64_t items) {
    const std::size_t Cn = csz_.size();
    if (c == Cn) {
      if (used < need || n < min_per_) return 0;
      for (std::size_t k = 0; k < Cn; ++k) {
        pat_[b][k] = cur_[k];
        ccnt_[k] -= cur_[k];
        code_ -= static_cast<std::uint64_t>(cur_[k] * radix_[k]);
      }
      std::vector<std::int64_t> saved(cur_);
      int r = bins(b + 1, left - used, items - n);
      cur_ = saved;
      for (std::size_t k = 0; k < Cn; ++k) {
        ccnt_[k] += cur_[k];
        code_ += static_cast<std::uint64_t>(cur_[k] * radix_[k]);
      }
      return r;
    }
    // what the remaining classes could still add (for the `need` test)
    std::int64_t s = csz_[c];
    std::int64_t hi = std::min<std::int64_t>(ccnt_[c], maxn - n);
    if (s > 0) hi = std::min<std::int64_t>(hi, room / s);
    // items larger than every later bin must go here
    std::int64_t lo = s > next_cap ? ccnt_[c] : 0;
    if (lo > hi) return 0;
    bool unknown = false;
    for (std::int64_t q = hi; q >= lo; --q) {
      // an upper estimate of what this bin can still reach: room left after q
      if (used + q * s + (room - q * s) < need) break;  // room only shrinks as q drops? no: constant
      cur_[c] = q;
      int r = fill(b, c + 1, room - q * s, used + q * s, n + q, need, maxn, next_cap, left, items);
      cur_[c] = 0;
      if (r == 1) return 1;
      if (r == -1) {
        unknown = true;
        break;
      }
      // the rest of the classes can add at most their total size
      std::int64_t rest = 0;
      for (std::size_t k = c + 1; k < Cn && rest < need; ++k) rest += csz_[k] * ccnt_[k];
      if (used + (q - 1) * s + std::min(rest, room - (q - 1) * s) < need) break;
    }
    return unknown ? -1 : 0;
  }

  int item_search() {
    rem_ = cap_;
    cnt_.assign(cap_.size(), 0);
    bin_.assign(order_.size(), -1);
    nodes_ = 0;
    return dfs(0);
  }

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
    return repair_minimum();
  }

  // Bins one at a time, smallest capacity first, each filled as full as the items left allow
  // (subset sum on the gcd of the sizes), an item of more than half the bin first (such items
  // need bins of their own); what is left goes first-fit; then the minimum per bin.
  // Only when the capacities are at most 2^16 steps of the gcd.
  bool fill_heuristic() {
    const std::size_t E = cap_.size(), k = order_.size();
    std::int64_t g = 0, cmax = 0;
    for (std::size_t t = 0; t < k; ++t)
      if (sz_[t] > 0) g = std::gcd(g, sz_[t]);
    if (g == 0) return false;
    for (auto c : cap_) {
      if (c > 0) g = std::gcd(g, c);
      cmax = std::max(cmax, c);
    }
    const std::int64_t C = cmax / g;
    if (C > (std::int64_t(1) << 16)) return false;
    rem_ = cap_;
    cnt_.assign(E, 0);
    bin_.assign(k, -1);
    std::vector<int> bord(E);
    std::iota(bord.begin(), bord.end(), 0);
    std::stable_sort(bord.begin(), bord.end(), [&](int a, int b) { return cap_[a] < cap_[b]; });
    std::vector<int> from(static_cast<std::size_t>(C + 1));
    for (int e : bord) {
      for (int t : order_)  // the largest unplaced item of more than half this bin
        if (bin_[t] < 0 && sz_[t] > 0 && sz_[t] <= rem_[e] && 2 * sz_[t] > cap_[e]) {
          put(t, e);
          break;
        }
      const std::int64_t R = rem_[e] / g;
      if (R <= 0) continue;
      // from[v]: the item that first made sum v reachable (−1 unreachable, −2 the empty sum)
      std::fill(from.begin(), from.begin() + R + 1, -1);
      from[0] = -2;
      std::int64_t top = 0;
      for (int t : order_) {
        if (bin_[t] >= 0 || sz_[t] <= 0) continue;
        const std::int64_t u = sz_[t] / g;
        if (u > R) continue;
        for (std::int64_t v = std::min(R, top + u); v >= u; --v)
          if (from[v] == -1 && from[v - u] != -1) from[v] = t;
        top = std::min(R, top + u);
        if (from[R] != -1) break;
      }
      std::int64_t v = R;
      while (v > 0 && from[v] == -1) --v;
      while (v > 0) {  // items on the chain come in strictly earlier order: all distinct
        int t = from[v];
        put(t, e);
        v -= sz_[t] / g;
      }
    }
    for (int t : order_) {
      if (bin_[t] >= 0) continue;
      int best = -1;
      for (std::size_t e = 0; e < E; ++e)
        if (rem_[e] >= sz_[t] && (best < 0 || cnt_[e] < cnt_[best])) best = static_cast<int>(e);
      if (best < 0) return false;
      put(t, best);
    }
    return repair_minimum();
  }
  void put(int t, int e) {
    bin_[t] = e;
    rem_[e] -= sz_[t];
    ++cnt_[e];
  }

  // repair the minimum per bin: move the smallest movable items into deficient bins
  bool repair_minimum() {
    const std::size_t E = cap_.size();
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
    if (++nodes_ > node_limit_ || late()) return -1;
    // capacity that the smallest item left cannot use is wasted
    std::int64_t smallest = sz_[order_[k - 1]];
    std::int64_t usable = 0;
    for (std::size_t e = 0; e < E; ++e)
      if (rem_[e] >= smallest) usable += rem_[e];
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
      if (r == -1) {
        unknown = true;
        break;
      }
    }
    bin_[t] = -1;
    return unknown ? -1 : 0;
  }
};

}  // namespace koers::detail
