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

/// THE error table: every code once, with its stable number, the exception class that
/// raises it and what it means. Everything else — `Errc`, `error_codes()`, `error_name()`,
/// `error_class()`, `throw_error()`, the Python `koers.Errc` and the Python classes — is
/// generated from it. Ranges: 1xx input and files, 2xx strategy graph, 3xx ranking and
/// weighting, 4xx budget and solver, 5xx dates and calendar, 6xx foreign formats (jUCMNav,
/// ArchiMate), 7xx learning time and the academy. Numbers are part of the public interface:
/// never renumber, never reuse. A code means one thing and is raised by one class only.
///
///   X(name, number, class, meaning)
#define KOERS_ERROR_TABLE(X) \
  /* 1xx input and files */ \
  X(file_unreadable, 100, InputError, "a file cannot be opened or read") \
  X(not_json, 101, InputError, "a file is not well-formed JSON (or not UTF-8)") \
  X(wrong_format, 102, InputError, "\"format\" is missing or names another kind of file") \
  X(unsupported_version, 103, InputError, "\"version\" is not one this koers reads") \
  X(unknown_field, 104, InputError, "a field the format does not define (JSON path given)") \
  X(missing_field, 105, InputError, "a required field is absent") \
  X(wrong_type, 106, InputError, "a field has the wrong JSON type") \
  X(invalid_value, 107, InputError, "a value outside its allowed set or range") \
  X(too_deep, 108, InputError, "nesting deeper than the format allows (hostile input)") \
  X(size_mismatch, 109, InputError, "vectors or matrices of inconsistent sizes") \
  X(not_finite, 110, InputError, "a NaN or infinite number") \
  X(unknown_name, 111, InputError, "a name that is not an alternative, criterion or element") \
  X(duplicate_name, 112, InputError, "a name given twice") \
  X(money_parse, 113, InputError, "an amount that cannot be read as euros and cents") \
  X(money_overflow, 114, InputError, "an amount beyond the 64-bit cent range") \
  X(invalid_argument, 115, InputError, "a bad argument to a library call") \
  X(not_xml, 116, InputError, "a file is not well-formed XML") \
  X(too_large, 117, InputError, "a file or stream larger than the reader's limit") \
  X(not_utf8, 118, InputError, "a text file that is not valid UTF-8") \
  X(limit_exceeded, 119, InputError, "work beyond a documented size limit (grid, steps, samples, depth)") \
  /* 2xx strategy graph */ \
  X(unknown_reference, 200, GraphError, "an edge or attribute names an id that does not exist") \
  X(cycle, 201, GraphError, "a cycle in refines/decomposes/requires (message lists the path)") \
  X(duplicate_id, 202, GraphError, "two nodes with one id") \
  X(edge_not_allowed, 203, GraphError, "an edge kind that may not join these node kinds") \
  X(goal_unserved, 204, GraphError, "a goal or learning goal that no intervention serves") \
  X(intervention_unused, 205, GraphError, "an intervention that serves no goal") \
  X(strength_out_of_range, 206, GraphError, "a contribution strength outside -100..100") \
  X(missing_required, 207, GraphError, "a node lacks a field its kind requires") \
  X(unknown_node, 208, GraphError, "an analysis asked about an id not in the graph") \
  X(unknown_strategy, 209, GraphError, "an evaluation strategy that does not exist") \
  X(wrong_kind, 210, GraphError, "a node of another kind than the operation needs") \
  /* 3xx ranking and weighting */ \
  X(invalid_weights, 300, RankingError, "negative, non-finite or all-zero weights") \
  X(constant_criterion, 301, RankingError, "a criterion with one value for every alternative") \
  X(zero_criterion, 302, RankingError, "a criterion that is zero for every alternative") \
  X(judgment_out_of_range, 303, RankingError, "an AHP judgment outside 1/9..9") \
  X(contradictory_judgment, 304, RankingError, "a pair judged twice, the two not reciprocal") \
  X(judge_without_judgments, 305, RankingError, "a judge with no judgments") \
  X(incomplete_judgments, 306, RankingError, "judgments that leave the matrix disconnected") \
  X(invalid_method, 307, RankingError, "an unknown method, normalisation or parameter") \
  X(invalid_scale, 308, RankingError, "a criterion scale [lo, hi] that is empty or misses scores") \
  X(negative_scores, 309, RankingError, "a method that needs non-negative scores got a negative one") \
  X(numeric_overflow, 310, RankingError, "numbers too large to normalise or weigh without overflow") \
  /* 4xx budget and solver */ \
  X(infeasible, 400, SolverError, "no selection meets the constraints") \
  X(solver_limit, 401, SolverError, "the exact solver hit a node or time limit") \
  X(unknown_stream, 402, BudgetError, "a budget stream id that does not exist") \
  X(unknown_item, 403, BudgetError, "an item or intervention id that does not exist") \
  X(inconsistent_cost, 404, BudgetError, "cost_cents differs from per_participant x participants") \
  X(mandatory_exceed_capacity, 405, BudgetError, "mandatory items need more than is available") \
  X(invalid_scenario, 406, BudgetError, "a scenario change that cannot be applied") \
  X(unknown_goal, 407, BudgetError, "a goal id that the portfolio or model does not have") \
  /* 5xx dates and calendar */ \
  X(invalid_date, 500, InputError, "a date that cannot be read or does not exist") \
  X(invalid_period, 501, InputError, "a period whose end precedes its start") \
  X(invalid_hours, 502, InputError, "hours that are negative, not a number or not exact") \
  X(invalid_fraction, 503, InputError, "a fraction that cannot be read or has a zero denominator") \
  X(unknown_holiday_rules, 504, InputError, "a holiday rule set that koers does not know") \
  /* 6xx foreign formats */ \
  X(jucm_format, 600, InputError, "a jUCMNav file that is not a readable GRL model") \
  X(archimate_format, 601, InputError, "an ArchiMate exchange file that cannot be read") \
  X(archimate_version, 602, InputError, "an ArchiMate 2.x exchange file: the 3.x format is needed") \
  X(archi_native, 603, InputError, "an Archi native .archimate file: export it as Open Exchange") \
  X(unknown_element_type, 604, InputError, "an element or relationship type ArchiMate 3 does not define") \
  X(dangling_relationship, 605, InputError, "a relationship whose source or target does not exist") \
  X(duplicate_identifier, 606, InputError, "an identifier used twice in one exchange file") \
  X(invalid_identifier, 607, InputError, "an identifier that is not a valid xs:ID") \
  X(unknown_property_definition, 608, InputError, "a property that names no property definition") \
  X(xml_entity, 609, InputError, "a DTD, entity declaration or external entity (refused)") \
  /* 7xx learning time and the academy */ \
  X(csv_malformed, 700, InputError, "a CSV file that cannot be parsed (e.g. an unterminated quote)") \
  X(missing_column, 701, InputError, "a CSV file lacks a required column") \
  X(empty_file, 702, InputError, "an empty file, or a CSV file without a header row") \
  X(duplicate_column, 703, InputError, "a CSV header names one column twice") \
  X(invalid_rows, 704, InputError, "rows left out by row validation (each listed with file, row, field)") \
  X(log_refused, 705, InputError, "--strict: an event log with an invalid row is refused whole") \
  X(as_of_before_launch, 706, InputError, "an as-of date before the first event of the log") \
  X(invalid_roster, 710, InputError, "a roster that cannot be used (bad rows listed)") \
  X(unknown_employee, 711, InputError, "a leave or event row for an employee not on the roster")

/// Codes renamed since the last release, X(old_name, name): one word for one idea (issue 12 §3).
/// Each old name stays for one release as a `[[deprecated]]` enumerator of `Errc` with the same
/// number, and in Python as an alias of the same `koers.Errc` member; the table above,
/// `error_codes()` and `error_name()` know each code once, under its new name.
#define KOERS_ERROR_RENAMED(X) X(pinned_exceed_capacity, mandatory_exceed_capacity)

/// The exception classes, each with its parent and the Python built-in it also derives from
/// (so `except ValueError` keeps working). Python builds `koers.errors` from this list.
///
///   X(class, parent, python_base, meaning)
#define KOERS_ERROR_CLASSES(X) \
  X(Error, , Exception, "Root of every koers error.") \
  X(InputError, Error, ValueError, "Bad input: a file, a field, an argument (1xx, 5xx, 6xx, 7xx).") \
  X(ModelError, Error, ValueError, "A model that failed validation; .errors lists every problem.") \
  X(GraphError, Error, ValueError, "A problem with the strategy graph (2xx).") \
  X(RankingError, Error, ValueError, "A problem with a decision problem, weights or judgments (3xx).") \
  X(BudgetError, Error, ValueError, "A problem with budgets, costs or scenarios (4xx).") \
  X(SolverError, Error, RuntimeError, "The exact solver found no solution or could not finish (4xx).")

/// Stable error codes, generated from `KOERS_ERROR_TABLE` (and the old names of
/// `KOERS_ERROR_RENAMED`, deprecated aliases of the same numbers).
enum class Errc : int {
#define KOERS_X(name, number, cls, doc) name = number,
  KOERS_ERROR_TABLE(KOERS_X)
#undef KOERS_X
#define KOERS_X(old_name, name) old_name [[deprecated("renamed: use Errc::" #name)]] = name,
      KOERS_ERROR_RENAMED(KOERS_X)
#undef KOERS_X
};

/// One row of the error table, as data.
struct ErrorCodeInfo {
  int number;
  std::string_view name;
  std::string_view error_class;  ///< the class that raises it ("InputError", ...)
  std::string_view meaning;
};

/// Every row of the error table, in table order.
inline constexpr ErrorCodeInfo error_table[] = {
#define KOERS_X(name, number, cls, doc) {number, #name, #cls, doc},
    KOERS_ERROR_TABLE(KOERS_X)
#undef KOERS_X
};

/// A renamed code, as data: its old name and the row it now has.
struct ErrorRenameInfo {
  std::string_view old_name;
  std::string_view name;
  int number;
};

/// Every renamed code (`KOERS_ERROR_RENAMED`), for the Python aliases and documentation.
inline constexpr ErrorRenameInfo error_renamed_table[] = {
#define KOERS_X(old_name, name) {#old_name, #name, static_cast<int>(Errc::name)},
    KOERS_ERROR_RENAMED(KOERS_X)
#undef KOERS_X
};

/// One row of the class table, as data.
struct ErrorClassInfo {
  std::string_view name;
  std::string_view parent;       ///< "" for the root
  std::string_view python_base;  ///< the Python built-in it also derives from
  std::string_view meaning;
};

inline constexpr ErrorClassInfo error_class_table[] = {
#define KOERS_X(cls, parent, pybase, doc) {#cls, #parent, #pybase, doc},
    KOERS_ERROR_CLASSES(KOERS_X)
#undef KOERS_X
};

/// The row of a code (nullptr for a number outside the table).
constexpr const ErrorCodeInfo* error_info(Errc c) noexcept {
  for (const auto& row : error_table)
    if (row.number == static_cast<int>(c)) return &row;
  return nullptr;
}
/// The code's name ("cycle"), or "" for a number outside the table.
constexpr std::string_view error_name(Errc c) noexcept {
  const auto* r = error_info(c);
  return r ? r->name : std::string_view{};
}
/// The class that raises the code ("GraphError"), or "Error" outside the table.
constexpr std::string_view error_class(Errc c) noexcept {
  const auto* r = error_info(c);
  return r ? r->error_class : std::string_view{"Error"};
}
/// The area of a code: its hundreds (1 input, 2 graph, ..., 7 learning time and academy).
constexpr int error_area(Errc c) noexcept { return static_cast<int>(c) / 100; }

/// The code as printed: "E201".
std::string code_string(Errc c);

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
  Error(Errc code, std::string message, std::vector<std::string> elements = {});
  Errc code() const noexcept { return code_; }
  /// The message without the "[Ennn] " prefix.
  const std::string& message() const noexcept { return message_; }
  /// Ids of the offending elements.
  const std::vector<std::string>& elements() const noexcept { return elements_; }
  /// The first offending element, or "" when none is named.
  std::string element() const;

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
  static InputError at(Errc code, const std::string& json_path, const std::string& what);
  static InputError size_mismatch(const std::string& what, long long got, long long expected);
};

/// A problem with the strategy graph (2xx).
class GraphError : public Error {
 public:
  using Error::Error;
};

/// A model that failed validation: carries every issue found.
class ModelError : public Error {
 public:
  explicit ModelError(std::vector<Issue> issues);
  const std::vector<Issue>& issues() const noexcept { return issues_; }

 private:
  static std::string summarise(const std::vector<Issue>& v);
  std::vector<Issue> issues_;
};

/// A problem with a decision problem, weights or judgments (3xx).
class RankingError : public Error {
 public:
  using Error::Error;
};
/// A problem with budgets, costs or scenarios (4xx).
class BudgetError : public Error {
 public:
  using Error::Error;
};
/// The exact solver could not finish, or the problem has no solution (4xx).
class SolverError : public Error {
 public:
  using Error::Error;
};

/// Every code with its name, for documentation and older callers: (number, name).
std::vector<std::pair<int, std::string>> error_codes();

/// Throws the exception class the error table prescribes for `code`.
[[noreturn]] void throw_error(Errc code, std::string message, std::vector<std::string> elements = {});

}  // namespace koers
