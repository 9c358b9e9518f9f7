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
