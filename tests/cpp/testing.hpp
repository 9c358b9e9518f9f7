#pragma once
// One include for every test file, so Catch2 v2 (Debian 12) and v3 both build.
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
using Catch::Approx;
#else
#include <catch2/catch.hpp>
#endif
#include <string>
namespace koers::testing {
/// Path of a file in ../shared (the repository's sibling folder with the seeds and data).
inline std::string shared_path(const std::string& rel) { return std::string(KOERS_SHARED_DIR) + "/" + rel; }
inline std::string source_path(const std::string& rel) { return std::string(KOERS_SOURCE_DIR) + "/" + rel; }
}  // namespace koers::testing
