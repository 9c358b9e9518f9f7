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
std::optional<Errc> read_code(const std::string& path, std::size_t limit) {
  return testing::code_of([&] { io::read_file(path, limit); });
}
}  // namespace

TEST_CASE("read_file: a file up to the limit is read whole, one byte more is E117", "[io][hostile]") {
  auto p = temp_file("ten", "0123456789");
  CHECK(io::read_file(p, 10) == "0123456789");
  CHECK(io::read_file(p) == "0123456789");
  CHECK(read_code(p, 9) == Errc::too_large);
  auto big = temp_file("big", std::string((std::size_t{3} << 20) + 17, 'x'));  // several chunks
  CHECK(io::read_file(big).size() == (std::size_t{3} << 20) + 17);
  CHECK(read_code(big, std::size_t{3} << 20) == Errc::too_large);
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
    CHECK(e.message() ==
          "'/dev/zero' is larger than 5 MiB (koers reads files up to that size; the read stopped there)");
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
  CHECK(read_code(dir + "/koers_no_such_file", 100) == Errc::file_unreadable);
}

TEST_CASE("invalid_utf8: the offset of the first broken byte", "[io][hostile]") {
  CHECK_FALSE(io::invalid_utf8("plain ascii"));
  CHECK_FALSE(
      io::invalid_utf8("Oekra\xC3\xAF"
                       "ne \xE2\x82\xAC \xF0\x9F\x98\x80"));
  CHECK(io::invalid_utf8("ab\x98").value() == 2);            // a lone continuation byte
  CHECK(io::invalid_utf8("\xC0\xAF").value() == 0);          // overlong '/'
  CHECK(io::invalid_utf8("x\xED\xA0\x80").value() == 1);     // a surrogate (U+D800)
  CHECK(io::invalid_utf8("\xF4\x90\x80\x80").value() == 0);  // past U+10FFFF
  CHECK(io::invalid_utf8("\xE2\x82").value() == 0);          // cut short
}
