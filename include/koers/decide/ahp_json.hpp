#pragma once
/// \file
/// The versioned JSON format `koers.ahp` v1 (schemas/ahp.schema.json) and the JSON of
/// `koers ahp FILE --json`. Defined in src/decide_ahp_json.cpp.
///
/// One comparison set:
///   {"format": "koers.ahp", "version": 1, "name": str?, "description": str?,
///    "elements": [names],
///    "judgments": [{"a": name, "b": name, "value": n}]          (a is value times as important as b)
///    | "judges": [{"name": str, "weight": n?, "judgments": [...]}],
///    "aggregation": "aij"|"aip", "priorities": "eigenvector"|"geometric",
///    "ri_table": "saaty1980"|"saaty2005"|"donegan-dodd"|"aguaron"|"tummala-ling",
///    "completion": "bozoki"|"none", "cr_threshold": n?}
/// Aliases read (never written): "priority_method" for "priorities" ("geometric_mean" for
/// "geometric"), "random_index" for "ri_table", "lambda_max" for "bozoki"; giving both spellings is E107.
/// A two-level hierarchy replaces elements/judgments/judges by
///   "criteria": {"elements": [...], "judgments": [...] | "judges": [...]},
///   "alternatives": {"elements": [...], "judgments": {criterion: [...]}}.
/// Unknown fields are E104 with their JSON path; judgment errors (E303, E304, E111) carry the path.
#include <koers/decide/ahp.hpp>
#include <koers/decide/ahp_group.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace koers::decide {

inline constexpr int ahp_format_version = 1;

/// Elements with either judgments or judges.
struct AhpBlock {
  std::vector<std::string> elements;
  std::vector<Judgment> judgments;
  std::vector<Judge> judges;  ///< non-empty: a group
  bool group() const { return !judges.empty(); }
  friend bool operator==(const AhpBlock&, const AhpBlock&) = default;
};

/// A koers.ahp document.
struct AhpDocument {
  std::string name;
  std::string description;
  AhpBlock block;  ///< the comparisons, or the criteria of a hierarchy
  bool hierarchy = false;
  std::vector<std::string> alternatives;
  std::vector<std::pair<std::string, std::vector<Judgment>>> alternative_judgments;  ///< per criterion
  GroupOptions options;  ///< aggregation and every AHP option
  /// Equal content and the options a file holds (aggregation, priorities, RI table, completion, CR threshold).
  friend bool operator==(const AhpDocument& x, const AhpDocument& y);
};

/// Parse koers.ahp JSON text; every judgment is checked (PairwiseComparisons) before returning.
AhpDocument parse_ahp(std::string_view text, const std::string& origin = "ahp");
/// Load a koers.ahp file (E100 when it cannot be read).
AhpDocument load_ahp(const std::string& path);
/// The document as koers.ahp JSON (`indent` < 0: one line).
std::string to_json(const AhpDocument& d, int indent = 2);
/// Write a koers.ahp file.
void save_ahp(const AhpDocument& d, const std::string& path);

/// The analysis of a document: one comparison set, a group of judges, or a two-level hierarchy.
struct AhpAnalysis {
  std::string name;                          ///< the document's
  std::string kind;                          ///< "single", "group" or "hierarchy"
  AhpResult result;                          ///< single: its result; group: the group's; hierarchy: the criteria's
  std::optional<GroupResult> group;          ///< a group, or a hierarchy whose criteria have judges
  std::optional<HierarchyResult> hierarchy;  ///< kind "hierarchy"
};

/// Run the document: single, group or hierarchy, whatever it holds (the errors of ahp, ahp_group
/// and ahp_hierarchy).
AhpAnalysis analyse_ahp(const AhpDocument& d);
/// The analysis as the JSON of `koers ahp --json` (analyse_ahp_json's result).
std::string analysis_to_json(const AhpAnalysis& a, int indent = -1);

/// Run the document: single, group or hierarchy, whatever it holds; the `koers ahp --json` result:
/// {"name", "kind", "elements", "weights", "ranking", "priority_method", "eigenvector", "geometric_mean",
///  "lambda_max", "ci", "cr", "ri", "ri_table", "ri_table_name", "ri_source", "ri_note", "gci", "consistent",
///  "completion", "completed", "inconsistent", "koczkodaj_index", "revision", "matrix", "warnings", ...}
/// plus "aggregation", "consistency_of", "judges" for a group and "criteria", "local", "overall" for a hierarchy.
std::string analyse_ahp_json(const AhpDocument& d, int indent = -1);
/// One AHP result as JSON (the same keys as a single document's analysis).
std::string result_to_json(const AhpResult& r, int indent = -1);

}  // namespace koers::decide
