#pragma once
/// \file
/// The 70/20/10 learning mix per development and theme: of the interventions that serve it,
/// how many learn on the job (70), with and from others (20), in formal courses (10).
#include <koers/analysis/trace.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace koers::analysis {

/// The mix of one development or strategic theme.
struct LearningMix {
  std::string node;             ///< development or theme id
  std::int64_t on_the_job = 0;  ///< interventions per channel
  std::int64_t with_others = 0;
  std::int64_t formal = 0;
  std::int64_t unknown = 0;  ///< interventions without a channel
  /// Shares of the known channels (0..1; all 0 when none is known).
  double share_on_the_job() const {
    auto t = known();
    return t ? double(on_the_job) / double(t) : 0.0;
  }
  double share_with_others() const {
    auto t = known();
    return t ? double(with_others) / double(t) : 0.0;
  }
  double share_formal() const {
    auto t = known();
    return t ? double(formal) / double(t) : 0.0;
  }
  std::int64_t known() const { return on_the_job + with_others + formal; }
  /// Largest absolute gap, in percentage points, from the 70/20/10 norm (0 when nothing is known).
  double deviation_points() const {
    if (!known()) return 0.0;
    double a = std::abs(share_on_the_job() - 0.7), b = std::abs(share_with_others() - 0.2),
           c = std::abs(share_formal() - 0.1);
    return 100.0 * std::max({a, b, c});
  }
};

/// The 70/20/10 mix of every development and strategic theme (counting each intervention
/// that serves it once, whatever the number of paths).
std::vector<LearningMix> learning_mix(const StrategyGraph& g);

}  // namespace koers::analysis
