#pragma once
/// \file
/// AHP for a group of judges, and a two-level AHP hierarchy (criteria, then alternatives).
///
/// Group aggregation (Forman & Peniwati 1998):
/// - AIJ: per pair, the weighted geometric mean of the judgments of the judges who judged
///   that pair (weights renormalised over them); pairs nobody judged are completed as usual.
/// - AIP: each judge's own priorities (own matrix completed), then their weighted geometric
///   mean, renormalised to sum 1. The group's λmax/CI/CR then refer to the weighted geometric
///   mean of the judges' completed matrices (`GroupResult::consistency_of` says so).
///
/// Each judge's disagreement with the group (`JudgeResult`):
/// - `gci`: geometric compatibility of the judge's judgments with the group priorities,
///   GCI = 2/((n−1)(n−2)) Σ_{i<j} ln²(a_ij^k w_j / w_i) (Aguarón & Moreno-Jiménez 2003; with
///   the group's w, as in Aguarón, Escobar & Moreno-Jiménez 2016). For a judge who left pairs
///   out: n/(n−2) times the mean of ln² over the pairs the judge did judge (equal to the formula
///   when the judge judged every pair). n < 3: the mean of ln².
/// - `distance`: Euclidean distance between the judge's own priorities and the group's
///   (and `max_difference`, the largest absolute difference), when the judge's own matrix can be
///   completed (connected); otherwise absent.
#include <koers/decide/ahp.hpp>

#include <optional>
#include <string>
#include <vector>

namespace koers::decide {

/// One judge: a name, a weight (> 0; weights are normalised to sum 1) and judgments.
struct Judge {
  std::string name;
  double weight = 1.0;
  std::vector<Judgment> judgments;
  friend bool operator==(const Judge&, const Judge&) = default;
};

/// Aggregation of individual judgments / priorities.
enum class Aggregation { aij, aip };
/// "aij" / "aip".
inline std::string to_string(Aggregation a) { return a == Aggregation::aij ? "aij" : "aip"; }
/// Accepts "aij", "aip"; E307 otherwise.
Aggregation parse_aggregation(std::string_view s);

/// Settings of a group AHP.
struct GroupOptions {
  Aggregation aggregation = Aggregation::aij;
  AhpOptions ahp = {};
};

/// One judge's result.
struct JudgeResult {
  std::string name;
  double weight = 0.0;  ///< normalised
  std::size_t judged_pairs = 0;
  std::optional<AhpResult> own;    ///< own AHP; absent when the judge's graph is disconnected
  double gci = 0.0;                ///< compatibility with the group priorities (see file doc)
  std::optional<double> distance;  ///< Euclidean, own vs group priorities
  std::optional<double> max_difference;
};

/// A group AHP.
struct GroupResult {
  Aggregation aggregation = Aggregation::aij;
  AhpResult group;                  ///< priorities, λmax, CR, completion of the group
  std::string consistency_of;       ///< which matrix λmax/CI/CR describe
  std::vector<JudgeResult> judges;  ///< in input order
  std::vector<std::string> warnings;
};

/// Combine judges. E305 a judge without judgments, E112 duplicate judge name, E300 a weight that is
/// not finite or not > 0, E306 (AIP) a judge whose own judgments are disconnected, plus every
/// error of PairwiseComparisons::judge naming the judge.
GroupResult ahp_group(const std::vector<std::string>& elements, const std::vector<Judge>& judges,
                      const GroupOptions& options = {});

/// The weighted geometric mean of judgments per pair (AIJ), as comparisons.
PairwiseComparisons aggregate_judgments(const std::vector<std::string>& elements, const std::vector<Judge>& judges);

/// Two-level hierarchy: criteria weights, local priorities of the alternatives under each
/// criterion, and the overall (distributive) synthesis Σ_c w_c · local_c.
struct HierarchyResult {
  AhpResult criteria;  ///< or the group result's `group` for judged criteria
  std::optional<GroupResult> criteria_group;
  std::vector<std::string> alternatives;
  std::vector<std::pair<std::string, AhpResult>> local;  ///< one per criterion, criteria order
  Eigen::VectorXd overall;                               ///< sums to 1
  std::vector<std::string> ranking() const;              ///< alternatives, best first
};

/// Synthesise. `local` must hold one comparison set over `alternatives` per criterion
/// (E306 naming a criterion without one, E111 an unknown criterion, E112 one given twice).
HierarchyResult ahp_hierarchy(const AhpResult& criteria, const std::vector<std::string>& alternatives,
                              const std::vector<std::pair<std::string, PairwiseComparisons>>& local,
                              const AhpOptions& options = {});

}  // namespace koers::decide
