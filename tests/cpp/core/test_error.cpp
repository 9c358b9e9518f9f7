// The error table (include/koers/core/error.hpp) walked row by row: every code unique, in the
// range of its area, raised by the class the table names, and its class in the class table.
#include "testing.hpp"

#include <koers/core/error.hpp>

#include <set>
#include <string>

using namespace koers;

namespace {
// The class an area's codes are raised by (4xx splits: the solver's 400/401, the budget's rest).
std::string expected_class(int number) {
  switch (number / 100) {
    case 1:
    case 5:
    case 6:
    case 7: return "InputError";
    case 2: return "GraphError";
    case 3: return "RankingError";
    case 4: return number <= 401 ? "SolverError" : "BudgetError";
    default: return "?";
  }
}
std::string thrown_class(Errc c) {
  try {
    throw_error(c, "m", {"x"});
  } catch (const InputError&) { return "InputError"; } catch (const GraphError&) {
    return "GraphError";
  } catch (const RankingError&) { return "RankingError"; } catch (const BudgetError&) {
    return "BudgetError";
  } catch (const SolverError&) { return "SolverError"; } catch (const Error&) {
    return "Error";
  }
  return "none";
}
}  // namespace

TEST_CASE("every row of the error table is unique and in its area's range") {
  std::set<int> numbers;
  std::set<std::string_view> names;
  std::set<std::string_view> classes;
  for (const auto& c : error_class_table) classes.insert(c.name);
  for (const auto& row : error_table) {
    INFO(row.name);
    CHECK(numbers.insert(row.number).second);
    CHECK(names.insert(row.name).second);
    CHECK(classes.count(row.error_class) == 1);
    CHECK(std::string(row.error_class) == expected_class(row.number));
    CHECK(!row.meaning.empty());
    CHECK(row.number >= 100);
    CHECK(row.number < 800);
  }
  CHECK(error_codes().size() == std::size(error_table));
}

TEST_CASE("throw_error raises the class the table names, with code, message and elements") {
  for (const auto& row : error_table) {
    const auto c = static_cast<Errc>(row.number);
    INFO(row.name);
    CHECK(thrown_class(c) == std::string(row.error_class));
    CHECK(error_name(c) == row.name);
    CHECK(error_class(c) == row.error_class);
    try {
      throw_error(c, "the message", {"el"});
    } catch (const Error& e) {
      CHECK(e.code() == c);
      CHECK(e.message() == "the message");
      CHECK(e.element() == "el");
      CHECK(std::string(e.what()) == "[" + code_string(c) + "] the message");
    }
  }
}

TEST_CASE("the class table: a root, parents before children") {
  std::set<std::string_view> seen;
  for (const auto& c : error_class_table) {
    if (c.parent.empty())
      CHECK(c.name == "Error");
    else
      CHECK(seen.count(c.parent) == 1);
    seen.insert(c.name);
  }
  CHECK(error_name(static_cast<Errc>(999)).empty());
  CHECK(error_class(static_cast<Errc>(999)) == "Error");
  CHECK(error_area(Errc::cycle) == 2);
}

TEST_CASE("a renamed code is in the table once, under its new name, and its old name is an alias") {
  for (const auto& r : error_renamed_table) {
    INFO(r.old_name);
    const auto c = static_cast<Errc>(r.number);
    CHECK(error_name(c) == r.name);
    for (const auto& row : error_table) CHECK(row.name != r.old_name);
    for (const auto& [number, name] : error_codes()) CHECK(name != r.old_name);
  }
  // the old enumerator still names the code (deprecated: this check silences it, locally)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  static_assert(Errc::pinned_exceed_capacity == Errc::mandatory_exceed_capacity);
  CHECK(error_name(Errc::pinned_exceed_capacity) == "mandatory_exceed_capacity");
#pragma GCC diagnostic pop
  CHECK(static_cast<int>(Errc::mandatory_exceed_capacity) == 405);
}
