#pragma once
/// \file
/// The Analytic Hierarchy Process on named judgments.
///
/// Judgments are entered as named pairs — `{"bestuurlijke_prioriteiten", "financiele_impact", 3}`
/// reads "bestuurlijke prioriteiten is 3 times as important as financiële impact" — so a matrix
/// can never be entered transposed. Pairs left out are missing and are completed by minimising
/// λmax (Bozóki, Fülöp & Rónyai 2010), or refused when completion is off.
///
/// Every choice is stated in the result: priority method, RI table and how RI was obtained,
/// the values chosen for missing pairs, the most inconsistent triads (Koczkodaj 1993) and the
/// judgment whose revision lowers λmax most. Definitions live in src/decide_ahp.cpp.
///
/// Numerical conventions: the principal (Perron) eigenvector is found by power iteration on the
/// positive matrix, normalised to sum 1, stopped when no entry moves by more than
/// `EigenOptions::tolerance` (1e-13) between iterations; λmax = Σ_i (A w)_i for that w.
/// λmax, CI and CR always refer to the principal eigenvalue of the (completed) matrix, whatever
/// priority method is chosen.
#include <koers/core/error.hpp>
#include <koers/decide/random_index.hpp>

#include <Eigen/Core>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace koers::decide {

/// "a is `value` times as important as b"; value in [1/9, 9] (0.5 % slack at the bounds).
struct Judgment {
  std::string a;
  std::string b;
  double value = 1.0;
  friend bool operator==(const Judgment&, const Judgment&) = default;
};

/// How priorities are derived from the matrix.
enum class PriorityMethod {
  eigenvector,     ///< principal right eigenvector (Saaty)
  geometric_mean,  ///< row geometric mean, RGMM / LLSM (Crawford & Williams 1985)
};
/// How missing judgments are treated.
enum class Completion {
  none,        ///< refuse an incomplete matrix (E306)
  lambda_max,  ///< Bozóki, Fülöp & Rónyai (2010): choose missing entries minimising λmax
};

/// "eigenvector" / "geometric".
inline std::string to_string(PriorityMethod m) {
  return m == PriorityMethod::eigenvector ? "eigenvector" : "geometric";
}
/// "bozoki" / "none".
inline std::string to_string(Completion c) { return c == Completion::lambda_max ? "bozoki" : "none"; }
/// Accepts "eigenvector"/"ev", "geometric"/"geometric_mean"/"rgmm"/"llsm"; E307 otherwise.
PriorityMethod parse_priority_method(std::string_view s);
/// Accepts "bozoki"/"lambda_max", "none"; E307 otherwise.
Completion parse_completion(std::string_view s);

/// Power-iteration settings.
struct EigenOptions {
  double tolerance = 1e-13;     ///< max change of any (sum-1) entry between iterations
  int max_iterations = 100000;  ///< SolverError E401 when reached without convergence
};

/// Principal eigenpair of a positive matrix.
struct PrincipalEigen {
  Eigen::VectorXd vector;  ///< positive, sums to 1
  double value = 0.0;      ///< Perron root λmax
  int iterations = 0;
};

/// Principal eigenpair by power iteration (matrix entries > 0; E115 if not square or not positive).
PrincipalEigen principal_eigen(Eigen::Ref<const Eigen::MatrixXd> a, const EigenOptions& options = {});
/// Row geometric means, normalised to sum 1.
Eigen::VectorXd geometric_mean_priorities(Eigen::Ref<const Eigen::MatrixXd> a);
/// Geometric consistency index (Crawford & Williams 1985; Aguarón & Moreno-Jiménez 2003):
/// 2/((n−1)(n−2)) Σ_{i<j} ln²(a_ij w_j / w_i); 0 for n < 3.
double geometric_consistency_index(Eigen::Ref<const Eigen::MatrixXd> a, Eigen::Ref<const Eigen::VectorXd> w);

/// Named pairwise comparisons over a fixed list of elements.
class PairwiseComparisons {
 public:
  PairwiseComparisons() = default;
  /// Elements in order; E112 for a duplicate name, E115 for an empty name or no elements.
  explicit PairwiseComparisons(std::vector<std::string> elements);
  PairwiseComparisons(std::vector<std::string> elements, const std::vector<Judgment>& judgments);

  /// Record "a is value times as important as b". E111 unknown element, E107 a == b,
  /// E110 not finite, E303 outside [1/9, 9], E304 the pair already judged non-reciprocally
  /// (agreement within 0.5 % is accepted and the second statement ignored).
  void judge(const std::string& a, double value, const std::string& b);
  void judge(const Judgment& j) { judge(j.a, j.value, j.b); }

  const std::vector<std::string>& elements() const { return elements_; }
  std::size_t size() const { return elements_.size(); }
  /// Position of an element (E111 when unknown).
  std::size_t index(const std::string& name) const;
  /// The judgments in the order entered (one per pair, as the user phrased it).
  const std::vector<Judgment>& judgments() const { return judgments_; }
  /// a_ab if the pair was judged (either way round).
  std::optional<double> value(const std::string& a, const std::string& b) const;
  /// Whether entry (i, j) was judged.
  bool judged(std::size_t i, std::size_t j) const { return m_(i, j) > 0.0; }
  /// The matrix with 0 for missing entries (diagonal 1).
  const Eigen::MatrixXd& raw() const { return m_; }
  /// Missing pairs (i < j, in element order).
  std::vector<std::pair<std::string, std::string>> missing() const;
  bool complete() const { return missing().empty(); }
  /// Connected components of the judgment graph (each a list of element names, in order).
  std::vector<std::vector<std::string>> components() const;
  bool connected() const { return components().size() <= 1; }
  /// The same elements and the same matrix.
  friend bool operator==(const PairwiseComparisons& x, const PairwiseComparisons& y);

 private:
  std::vector<std::string> elements_;
  std::map<std::string, std::size_t> index_;
  Eigen::MatrixXd m_;
  std::vector<Judgment> judgments_;
};

/// Settings of the λmax completion.
struct CompletionOptions {
  double tolerance = 1e-10;  ///< stop when no log-entry moves more than this in one iteration
  int max_cycles = 1000;     ///< iterations (joint steps and coordinate cycles; then `converged` = false)
};

/// A completed matrix.
struct CompletionResult {
  Eigen::MatrixXd matrix;           ///< the full reciprocal matrix
  std::vector<Judgment> completed;  ///< the values chosen, one per missing pair (a before b in element order)
  std::vector<Judgment> start;      ///< the LLSM starting values of the same pairs
  double lambda_max = 0.0;          ///< λmax of the completed matrix
  int cycles = 0;
  bool converged = true;
};

/// Bozóki, Fülöp & Rónyai (2010): minimises λmax over x = ln a_ij of the missing entries
/// (ln λmax is convex in x; the minimum is unique when the judgments are connected), starting
/// from the incomplete LLSM (geometric) solution. All entries move at once (L-BFGS on ln λmax,
/// its gradient from the left and right Perron vectors: two power iterations per step), then
/// the paper's cyclic coordinates (each step minimising λmax exactly along one entry) finish
/// when that stalls, and alone for one missing pair. `cycles` counts both kinds of iteration.
/// Unconstrained, as in the paper: a chosen value may lie outside 1/9..9 (x 9 × y and y 9 × z
/// give x 81 × z). E306 when the judgment graph is disconnected.
CompletionResult complete_lambda_max(const PairwiseComparisons& pc, const CompletionOptions& options = {},
                                     const EigenOptions& eigen = {});

/// Koczkodaj's inconsistency of one fully judged triad (i, j, k):
/// min(|1 − a_ik/(a_ij a_jk)|, |1 − a_ij a_jk/a_ik|).
struct TriadInconsistency {
  std::array<std::string, 3> elements;  ///< i, j, k in element order
  double a_ij = 1, a_jk = 1, a_ik = 1;  ///< the judged values
  double index = 0;                     ///< Koczkodaj's index of the triad, in [0, 1)
};
/// Koczkodaj's triad index.
double koczkodaj_triad(double a_ij, double a_jk, double a_ik);
/// Every triad whose three pairs were all judged, worst first (ties: element order).
std::vector<TriadInconsistency> koczkodaj_triads(const PairwiseComparisons& pc);
/// The `keep` worst fully judged triads (0: all), in koczkodaj_triads's order, with the count and
/// the largest index of all of them: O(n³) time, memory for the ones kept only.
struct TriadSummary {
  std::vector<TriadInconsistency> worst;
  std::size_t count = 0;  ///< fully judged triads in all
  double index = 0;       ///< Koczkodaj's index of the matrix: the largest triad index (0: none)
};
TriadSummary koczkodaj_summary(const PairwiseComparisons& pc, std::size_t keep);

/// The single judgment whose revision lowers λmax most (others kept at their values).
struct JudgmentRevision {
  Judgment judgment;       ///< as entered
  double suggested = 1.0;  ///< the value (a over b) that minimises λmax with the rest fixed
  double lambda_max_after = 0.0;
  double cr_after = 0.0;
};

/// Settings of one AHP.
struct AhpOptions {
  PriorityMethod priorities = PriorityMethod::eigenvector;
  RandomIndexTable ri_table = RandomIndexTable::saaty1980;
  Completion completion = Completion::lambda_max;
  EigenOptions eigen = {};
  CompletionOptions completion_options = {};
  std::size_t worst_triads = 10;  ///< triads kept in the result (0: all)
  bool find_revision = true;      ///< compute AhpResult::revision
  double cr_threshold = 0.10;     ///< Saaty's 10 % rule, used only for `consistent`
};

/// Result of one AHP, every intermediate figure included.
struct AhpResult {
  std::vector<std::string> elements;
  Eigen::MatrixXd matrix;  ///< the (completed) reciprocal matrix, rows/cols = elements
  PriorityMethod priority_method = PriorityMethod::eigenvector;
  Eigen::VectorXd priorities;      ///< by `priority_method`, sum 1
  Eigen::VectorXd eigenvector;     ///< principal eigenvector (sum 1)
  Eigen::VectorXd geometric_mean;  ///< row geometric means (sum 1)
  double lambda_max = 0.0;
  double ci = 0.0;  ///< (λmax − n)/(n − 1); 0 for n = 1
  double cr = 0.0;  ///< CI / RI; 0 for n < 3
  RandomIndex ri;
  double gci = 0.0;        ///< geometric consistency index with `priorities`
  bool consistent = true;  ///< cr <= cr_threshold
  double cr_threshold = 0.10;
  int eigen_iterations = 0;
  Completion completion = Completion::lambda_max;
  std::vector<Judgment> completed;  ///< values chosen for missing pairs (empty if none missing)
  int completion_cycles = 0;
  std::size_t judged_pairs = 0;
  std::vector<TriadInconsistency> triads;  ///< worst first, at most `worst_triads`
  std::size_t triad_count = 0;             ///< fully judged triads in all
  double koczkodaj_index = 0.0;            ///< max over fully judged triads
  std::optional<JudgmentRevision> revision;
  std::vector<std::string> warnings;  ///< e.g. "CR 0.142 exceeds 0.10"

  /// Elements by priority, best first (ties: element order).
  std::vector<std::string> ranking() const;
  /// Priority of a named element (E111 when unknown).
  double priority(const std::string& element) const;
};

/// Run AHP on named comparisons. E306 when pairs are missing and completion is none, or when
/// the judgment graph is disconnected.
AhpResult ahp(const PairwiseComparisons& pc, const AhpOptions& options = {});
/// Convenience: elements and judgments.
AhpResult ahp(std::vector<std::string> elements, const std::vector<Judgment>& judgments,
              const AhpOptions& options = {});

}  // namespace koers::decide
