// koers::io::read_file: the bounded read behind every reader (issue 13 item 4).
#include "testing.hpp"

#include <koers/core/error.hpp>
#include <koers/io/file.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace koers;

namespace {
std::string temp_file(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("koers_test_file_" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}
Errc code_of(const std::string& path, std::size_t limit) {
  try {
    io::read_file(path, limit);
  } catch (const Error& e) {
    return e.code();
  }
  return Errc::invalid_argument;  // no error: not a code read_file raises
}
}  // namespace

TEST_CASE("read_file: a file up to the limit is read whole, one byte more is E117", "[io][hostile]") {
  auto p = temp_file("ten", "0123456789");
  CHECK(io::read_file(p, 10) == "0123456789");
  CHECK(io::read_file(p) == "0123456789");
  CHECK(code_of(p, 9) == Errc::too_large);
  auto big = temp_file("big", std::string((std::size_t{3} << 20) + 17, 'x'));  // several chunks
  CHECK(io::read_file(big).size() == (std::size_t{3} << 20) + 17);
  CHECK(code_of(big, std::size_t{3} << 20) == Errc::too_large);
  std::filesystem::remove(p);
  std::filesystem::remove(big);
}

TEST_CASE("read_file: an endless stream stops at the limit", "[io][hostile]") {
  if (!std::filesystem::exists("/dev/zero")) return;
  try {
    io::read_file("/dev/zero", std::size_t{5} << 20);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::too_large);
    CHECK(e.message() == "'/dev/zero' is larger than 5 MiB (koers reads files up to that size; the read stopped there)");
  }
}

TEST_CASE("read_file: a directory and a missing file are E100", "[io][hostile]") {
  auto dir = std::filesystem::temp_directory_path().string();
  try {
    io::read_file(dir);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::file_unreadable);
    CHECK(e.message().find("is a directory") != std::string::npos);
  }
  CHECK(code_of(dir + "/koers_no_such_file", 100) == Errc::file_unreadable);
}
