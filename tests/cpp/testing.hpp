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
namespace koers::testing {
/// Path of a file in ../shared (the repository's sibling folder with the seeds and data).
inline std::string shared_path(const std::string& rel) { return std::string(KOERS_SHARED_DIR) + "/" + rel; }
inline std::string source_path(const std::string& rel) { return std::string(KOERS_SOURCE_DIR) + "/" + rel; }
/// The code of the koers::Error that f() throws, or std::nullopt when it throws none:
/// `CHECK(code_of([&] { parse_hours("-4"); }) == Errc::invalid_hours);`
template <class F>
std::optional<koers::Errc> code_of(F&& f) {
  try {
    std::forward<F>(f)();
  } catch (const koers::Error& e) { return e.code(); }
  return std::nullopt;
}
}  // namespace koers::testing
