#pragma once
// One include for every test file, so Catch2 v2 (Debian 12) and v3 both build.
// std::optional values print as their content (code_of below) instead of "{?}".
#define CATCH_CONFIG_ENABLE_OPTIONAL_STRINGMAKER
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
using Catch::Approx;
#else
#include <catch2/catch.hpp>
#endif
#include <koers/core/error.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>
namespace koers::testing {
/// Path of a file in ../shared (the repository's sibling folder with the seeds and data).
inline std::string shared_path(const std::string& rel) { return std::string(KOERS_SHARED_DIR) + "/" + rel; }
inline std::string source_path(const std::string& rel) { return std::string(KOERS_SOURCE_DIR) + "/" + rel; }
/// What f() threw: the code, message and elements of the `E` (a koers::Error class) it threw,
/// or no code when it threw nothing. An exception of another class is not caught, so the test
/// case fails on it. "No error" is `code == std::nullopt`, never a code that could also be
/// thrown, so `CHECK(thrown<InputError>(f).code == Errc::invalid_value)` fails when f() does not
/// throw:
///   auto t = thrown<koers::InputError>([&] { parse_selection(text); });
///   CHECK(t.code == Errc::missing_field);
///   CHECK(t.element() == "/period");
struct Thrown {
  std::optional<koers::Errc> code;    ///< std::nullopt: f() threw nothing
  std::string message;                ///< Error::message() (what() without "[Ennn] ")
  std::vector<std::string> elements;  ///< Error::elements()
  /// The first element, or "" (f() threw nothing, or an error without elements).
  std::string element() const { return elements.empty() ? std::string() : elements.front(); }
};
template <class E = koers::Error, class F>
Thrown thrown(F&& f) {
  try {
    std::forward<F>(f)();
  } catch (const E& e) { return {e.code(), e.message(), e.elements()}; }
  return {};
}
/// The code of the koers::Error that f() throws, or std::nullopt when it throws none:
/// `CHECK(code_of([&] { parse_hours("-4"); }) == Errc::invalid_hours);`
template <class F>
std::optional<koers::Errc> code_of(F&& f) {
  return thrown(std::forward<F>(f)).code;
}
}  // namespace koers::testing
