#pragma once
/// \file
/// One exception root for koers, with stable numeric codes.
///
/// Every error carries a `koers::Errc` (explicit, grouped by area, never reused), the
/// ids of the offending elements, and a message a person understands. `what()` is
/// "[E<code>] <message>". Python maps each subclass to a class in `koers.errors`.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace koers {

/// Stable error codes. Ranges: 1xx input and files, 2xx strategy graph, 3xx ranking
/// and weighting, 4xx budget and solver, 5xx dates and calendar, 6xx foreign formats
/// (jUCMNav, ArchiMate). Values are part of the public interface: never renumber.
enum class Errc : int {
  // 1xx input and files
  file_unreadable = 100,     ///< a file cannot be opened or read
  not_json = 101,            ///< a file is not well-formed JSON (or not UTF-8)
  wrong_format = 102,        ///< "format" is missing or names another kind of file
  unsupported_version = 103, ///< "version" is not one this koers reads
  unknown_field = 104,       ///< a field the format does not define (JSON path given)
  missing_field = 105,       ///< a required field is absent
  wrong_type = 106,          ///< a field has the wrong JSON type
  invalid_value = 107,       ///< a value outside its allowed set or range
  too_deep = 108,            ///< nesting deeper than the format allows (hostile input)
  size_mismatch = 109,       ///< vectors/matrices of inconsistent sizes
  not_finite = 110,          ///< NaN or infinite number
  unknown_name = 111,        ///< a name that is not an alternative/criterion/element
  duplicate_name = 112,      ///< a name given twice
  money_parse = 113,         ///< an amount that cannot be read as euros and cents
  money_overflow = 114,      ///< an amount beyond the 64-bit cent range
  invalid_argument = 115,    ///< a bad argument to a library call
  not_xml = 116,             ///< a file is not well-formed XML
  // 2xx strategy graph
  unknown_reference = 200,   ///< an edge or attribute names an id that does not exist
  cycle = 201,               ///< a cycle in refines/decomposes (message lists the path)
  duplicate_id = 202,        ///< two nodes with one id
  edge_not_allowed = 203,    ///< an edge kind that may not join these node kinds
  goal_unserved = 204,       ///< a goal or learning goal that no intervention serves
  intervention_unused = 205, ///< an intervention that serves no goal
  strength_out_of_range = 206, ///< a contribution strength outside -100..100
  missing_required = 207,    ///< a node lacks a field its kind requires
  unknown_node = 208,        ///< an analysis asked about an id not in the graph
  unknown_strategy = 209,    ///< an evaluation strategy that does not exist
  wrong_kind = 210,          ///< a node of another kind than the operation needs
  // 3xx ranking and weighting
  invalid_weights = 300,     ///< negative, non-finite, all-zero weights
  constant_criterion = 301,  ///< a criterion with one value for every alternative
  zero_criterion = 302,      ///< a criterion that is zero for every alternative
  judgment_out_of_range = 303, ///< an AHP judgment outside 1/9..9
  contradictory_judgment = 304, ///< a pair judged twice, the two not reciprocal
  judge_without_judgments = 305, ///< a judge with no judgments
  incomplete_judgments = 306, ///< judgments that leave the matrix disconnected
  invalid_method = 307,      ///< an unknown method, normalisation or parameter
  invalid_scale = 308,       ///< a criterion scale [lo, hi] that is empty or misses scores
  // 4xx budget and solver
  infeasible = 400,          ///< no selection meets the constraints
  solver_limit = 401,        ///< the exact solver hit a node or time limit
  unknown_stream = 402,      ///< a budget stream id that does not exist
  unknown_item = 403,        ///< an item/intervention id that does not exist
  inconsistent_cost = 404,   ///< cost_cents differs from per_participant × participants
  pinned_exceed_capacity = 405, ///< pinned items need more than is available
  invalid_scenario = 406,    ///< a scenario change that cannot be applied
  // 5xx dates and calendar
  invalid_date = 500,        ///< a date that cannot be read or does not exist
  invalid_period = 501,      ///< a period whose end precedes its start
  // 6xx foreign formats
  jucm_format = 600,         ///< a jUCMNav file that is not a readable GRL model
  archimate_format = 601,    ///< an ArchiMate exchange file that cannot be read
};

/// The code as printed: "E201".
inline std::string code_string(Errc c) {
  std::string s = std::to_string(static_cast<int>(c));
  s.insert(s.begin(), 'E');
  return s;
}

/// One problem found by a check that collects every problem (validation).
struct Issue {
  Errc code;
  std::vector<std::string> elements;  ///< ids of the offending elements (may be empty)
  std::string message;                ///< a sentence a person understands
  friend bool operator==(const Issue&, const Issue&) = default;
};

/// Root of every koers exception.
class Error : public std::runtime_error {
 public:
  Error(Errc code, std::string message, std::vector<std::string> elements = {})
      : std::runtime_error("[" + code_string(code) + "] " + message),
        code_(code), message_(std::move(message)), elements_(std::move(elements)) {}
  Errc code() const noexcept { return code_; }
  /// The message without the "[Ennn] " prefix.
  const std::string& message() const noexcept { return message_; }
  /// Ids of the offending elements.
  const std::vector<std::string>& elements() const noexcept { return elements_; }
  /// The first offending element, or "" when none is named.
  std::string element() const { return elements_.empty() ? std::string{} : elements_.front(); }

 private:
  Errc code_;
  std::string message_;
  std::vector<std::string> elements_;
};

/// Bad input: files, arguments, names (1xx, 5xx, 6xx).
class InputError : public Error {
 public:
  using Error::Error;
  /// A field problem in a file, with its JSON path ("/nodes/3/strength").
  static InputError at(Errc code, const std::string& json_path, const std::string& what) {
    return InputError(code, json_path.empty() ? what : json_path + ": " + what, {json_path});
  }
  static InputError size_mismatch(const std::string& what, long long got, long long expected) {
    return InputError(Errc::size_mismatch, what + " has " + std::to_string(got) +
                      " entries, expected " + std::to_string(expected), {what});
  }
};

/// A problem with the strategy graph (2xx).
class GraphError : public Error { public: using Error::Error; };

/// A model that failed validation: carries every issue found.
class ModelError : public Error {
 public:
  explicit ModelError(std::vector<Issue> issues)
      : Error(issues.empty() ? Errc::invalid_value : issues.front().code, summarise(issues),
              issues.empty() ? std::vector<std::string>{} : issues.front().elements),
        issues_(std::move(issues)) {}
  const std::vector<Issue>& issues() const noexcept { return issues_; }

 private:
  static std::string summarise(const std::vector<Issue>& v) {
    if (v.empty()) return "invalid model";
    std::string s = "model has " + std::to_string(v.size()) + " problem" + (v.size() == 1 ? "" : "s") +
                    "; first: [" + code_string(v.front().code) + "] " + v.front().message;
    return s;
  }
  std::vector<Issue> issues_;
};

/// A problem with a decision problem, weights or judgments (3xx).
class RankingError : public Error { public: using Error::Error; };
/// A problem with budgets, costs or scenarios (4xx).
class BudgetError : public Error { public: using Error::Error; };
/// The exact solver could not finish, or the problem has no solution (4xx).
class SolverError : public Error { public: using Error::Error; };

/// Every code with its name, for the Python enum and documentation.
inline std::vector<std::pair<int, std::string>> error_codes() {
  return {
      {100, "file_unreadable"}, {101, "not_json"}, {102, "wrong_format"}, {103, "unsupported_version"},
      {104, "unknown_field"}, {105, "missing_field"}, {106, "wrong_type"}, {107, "invalid_value"},
      {108, "too_deep"}, {109, "size_mismatch"}, {110, "not_finite"}, {111, "unknown_name"},
      {112, "duplicate_name"}, {113, "money_parse"}, {114, "money_overflow"}, {115, "invalid_argument"},
      {116, "not_xml"},
      {200, "unknown_reference"}, {201, "cycle"}, {202, "duplicate_id"}, {203, "edge_not_allowed"},
      {204, "goal_unserved"}, {205, "intervention_unused"}, {206, "strength_out_of_range"},
      {207, "missing_required"}, {208, "unknown_node"}, {209, "unknown_strategy"}, {210, "wrong_kind"},
      {300, "invalid_weights"}, {301, "constant_criterion"}, {302, "zero_criterion"},
      {303, "judgment_out_of_range"}, {304, "contradictory_judgment"}, {305, "judge_without_judgments"},
      {306, "incomplete_judgments"}, {307, "invalid_method"}, {308, "invalid_scale"},
      {400, "infeasible"}, {401, "solver_limit"}, {402, "unknown_stream"}, {403, "unknown_item"},
      {404, "inconsistent_cost"}, {405, "pinned_exceed_capacity"}, {406, "invalid_scenario"},
      {500, "invalid_date"}, {501, "invalid_period"},
      {600, "jucm_format"}, {601, "archimate_format"},
  };
}

}  // namespace koers
