#pragma once
/// \file
/// The `koers.decision` file format (version 1, docs/decision-format.md,
/// schemas/decision.schema.json): a decision problem with its method, SMAA and sensitivity
/// settings, read so that a C++ program loads a decision problem as it loads a model or a
/// portfolio. Every problem names its JSON path: E100 unreadable, E101 not JSON or not UTF-8,
/// E102 format, E103 version, E104 unknown field, E105 missing field, E106 wrong type,
/// E107 a value outside its set, E108 too deep, E109 sizes, E110 NaN/Infinity, E111 unknown
/// criterion, E117 larger than 1 GiB.
#include <koers/decide/problem.hpp>
#include <koers/decide/ranking.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace koers::decide {

/// The newest koers.decision version this koers reads.
inline constexpr int decision_format_version = 1;

/// A criterion's texts that the ranking does not use.
struct CriterionText {
  std::optional<std::string> id;
  std::optional<std::string> description;
  /// which PROMETHEE thresholds the file gives (the others are 0 by default)
  struct {
    bool q = false, p = false, s = false;
  } preference_given;
};

/// "method": the ranking method and its parameters, as the file gives them.
struct MethodSpec {
  std::string name = "topsis";               ///< wsm, topsis, vikor, promethee2 (also read as "promethee"), spotis
  std::optional<std::string> normalisation;  ///< none, vector, minmax, max, sum, scale
  std::optional<double> v;                   ///< VIKOR
  std::vector<std::pair<std::string, ValueFunction>> value_functions;  ///< by criterion name, in file order
  bool has_value_functions = false;
};

/// "smaa": the sampling settings, as the file gives them.
struct SmaaSpec {
  std::optional<std::int64_t> samples, seed, confidence_samples;
  std::optional<std::string> weights;                                        ///< uniform, fixed
  std::vector<std::pair<std::string, std::pair<double, double>>> intervals;  ///< criterion → [lo, hi]
  bool has_intervals = false;
  std::vector<std::pair<std::string, std::string>> orderings;  ///< (a, b): weight of a ≥ weight of b
  bool has_orderings = false;
  std::optional<std::string> score_model;              ///< none, uniform, normal (set when "scores" is given)
  std::optional<double> score_spread;                  ///< one spread for every cell …
  std::optional<Eigen::MatrixXd> score_spread_matrix;  ///< … or one per cell
};

/// "sensitivity": top_k and steps, as the file gives them.
struct SensitivitySpec {
  std::optional<std::int64_t> top_k, steps;
};

/// A koers.decision document: the problem and its settings.
struct DecisionDocument {
  DecisionProblem problem;                    ///< alternatives, criteria, scores (not yet validated)
  std::vector<CriterionText> criterion_text;  ///< one per criterion
  std::optional<MethodSpec> method;
  std::optional<SmaaSpec> smaa;
  std::optional<SensitivitySpec> sensitivity;
  /// name, description, source, note, credit, weights_source — those present, in that order
  std::vector<std::pair<std::string, std::string>> meta;
};

/// Read a koers.decision document from JSON text; `origin` names it in messages.
DecisionDocument parse_decision(std::string_view text, const std::string& origin = "decision");
/// Read a koers.decision file.
DecisionDocument load_decision(const std::string& path);

}  // namespace koers::decide
