#pragma once
/// \file
/// `koers::budget::select`: choose the work processes the experts (Lean Green Belts) take on,
/// maximising the total score under their hours, proven optimal (issue 4 §2).
///
/// Model: processes with a score, the hours they need, mandatory (must be in) and optional
/// dependencies ("a requires b"); experts with the hours they have. Every selected process goes
/// WHOLE to ONE expert (a process is never split across experts: one Green Belt leads one
/// improvement project); an expert's processes fit in the expert's hours; each expert takes at
/// least `min_items_per_expert` processes. Without experts (`capacity_hours` only) the hours
/// form one pool and there is no assignment.
///
/// Exactness: scores are fixed-point in micro-points (score × 10⁶ rounded) and hours in
/// milli-hours (hours × 1000 rounded); the solver proves optimality exactly in those integer
/// units (docs/solver.md). The same branch-and-bound core as the portfolio bounds with the LP
/// relaxation of the pooled hours and checks every candidate selection for an assignment with an
/// exact bin-packing search; both are compiled into the library (src/budget_selection.cpp).
#include <koers/budget/portfolio.hpp>  // SolveStatus, SolveOptions, SolveStats
#include <koers/detail/old_names.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace koers::budget {

/// A work process that can be selected.
/// Every member has a default (`{.id = ..., .score = ..., .hours = ...}` builds warning-free).
///
/// Names: one word for one idea in C++, Python, the file format and the command line
/// (issue 12 §3): `mandatory` is the file's and Python's "mandatory", `requires_` their
/// "requires". `requires` is a C++20 keyword, so the member takes the rule protobuf's C++
/// generator applies to a field named like a keyword (and PEP 8 to a Python keyword, pybind11
/// in `py::class_`, and koers itself in `Decomposition::and_`, `Status::new_`): append an
/// underscore.
///
/// `pinned` and `needs`, the old names, stay for one release as deprecated members that the
/// library still honours: an item is mandatory if `mandatory` or `pinned` is set, and requires
/// the processes of `requires_` and of `needs` (both lists). What the library builds (a parsed
/// file) sets only the new members, so code that reads an item must read the new ones.
KOERS_OLD_NAMES_BEGIN
struct SelectionItem {
  std::string id{};
  double score = 0;                      ///< finite; higher is better
  double hours = 0;                      ///< finite, ≥ 0
  bool mandatory = false;                ///< urgent: must be selected
  std::vector<std::string> requires_{};  ///< optional dependencies: selected only with these
  [[deprecated("use mandatory")]] bool pinned = false;
  [[deprecated("use requires_")]] std::vector<std::string> needs{};
  friend bool operator==(const SelectionItem&, const SelectionItem&) = default;
};
KOERS_OLD_NAMES_END

/// An expert with the hours available in the period.
struct Expert {
  std::string id;
  double hours = 0;  ///< finite, ≥ 0
  friend bool operator==(const Expert&, const Expert&) = default;
};

/// The selection problem (file format `koers.selection` v1, see selection_json.hpp).
struct Selection {
  std::string name;
  std::vector<SelectionItem> items;
  std::vector<Expert> experts;           ///< empty: use `capacity_hours` as one pool
  std::optional<double> capacity_hours;  ///< the pool when there are no experts
  std::int64_t min_items_per_expert = 0;
  /// Length of the "top-N cut" to compare with; 0 = the longest prefix of the ranking
  /// (mandatory first, then by score) that can still be assigned.
  std::int64_t top_n = 0;
  /// Throws InputError naming the element: non-finite score/hours (E110), negative hours (E107),
  /// duplicate ids (E112), unknown dependency (E403), both/neither experts and capacity (E107).
  void validate() const;
  friend bool operator==(const Selection&, const Selection&) = default;
};

/// Why a selection is infeasible.
struct SelectionConflict {
  /// "pinned_hours": mandatory processes (with what they require) need more hours than there are
  /// (E405); "pinned_too_large": a mandatory process is larger than every expert's hours (the
  /// kinds keep their first names: they are values of `koers select --json`);
  /// "too_few_items": fewer processes than experts × min_items_per_expert (or than the j experts
  /// with the least hours need, those experts in `items`); "expert_too_small": an expert (in
  /// `items`) has fewer hours than the min_items_per_expert smallest processes need;
  /// "no_assignment": no assignment meets the hours and the minimum per expert.
  std::string kind;
  std::vector<std::string> items;
  double required_hours = 0;
  double capacity_hours = 0;
  std::string message;
};

/// The "take the top N" cut (ranking order: mandatory first, then by score).
struct TopNCut {
  std::int64_t n = 0;
  std::vector<std::string> selected;
  double total_score = 0;
  bool feasible = true;  ///< false when the first N cannot be assigned within the hours
  double lost = 0;       ///< optimum − total_score of the cut
  std::vector<std::pair<std::string, std::vector<std::string>>> assignment;
};

/// The answer of `select`.
struct SelectionResult {
  SolveStatus status = SolveStatus::optimal;
  std::vector<std::string> selected;  ///< in input order
  double total_score = 0;             ///< Σ score of the selected processes (as given)
  double bound = 0;                   ///< proven upper bound (in micro-point resolution)
  double gap = 0;                     ///< bound − total_score (0 when optimal)
  bool unique = false;                ///< no other selection reaches the optimum
  /// Another selection that reaches the optimum (ids in input order) when the search found one
  /// (then `unique` is false); empty when the optimum is unique, the question was not asked
  /// (`check_unique` off) or a limit left it open. As `OptimiseResult::alternative`.
  std::vector<std::string> alternative;
  double hours_used = 0;
  double hours_available = 0;
  /// expert → processes (in input order of experts; empty without experts)
  std::vector<std::pair<std::string, std::vector<std::string>>> assignment;
  TopNCut top_n_cut;
  std::optional<SelectionConflict> conflict;
  SolveStats stats;
};

/// Choose and assign, proven optimal. Validates first (throws InputError);
/// an infeasible selection is a result with status `infeasible` and a `conflict`.
SelectionResult select(const Selection& s, const SolveOptions& options = {});

}  // namespace koers::budget
