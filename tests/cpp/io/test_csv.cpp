// The CSV reader (include/koers/io/csv.hpp): RFC 4180 cases (quoted commas, quotes, newlines),
// BOM and CRLF, columns by name in any order, and hostile input, each a coded InputError that
// names the file, row and field.
#include "testing.hpp"

#include <koers/io/csv.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using namespace koers;
using koers::io::parse_csv;
using koers::io::read_csv;

namespace {
// The code and message of the InputError a parse throws ("" when none).
struct Thrown {
  Errc code{};
  std::string message;
  std::vector<std::string> elements;
};
Thrown thrown(std::string_view text, const io::CsvOptions& opt = {}) {
  try {
    parse_csv(text, "t.csv", opt);
  } catch (const InputError& e) { return {e.code(), e.message(), e.elements()}; }
  return {};
}
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("csv: header, rows, 1-based row numbers and source lines") {
  auto t = parse_csv("a,b\n1,2\n\n3,4\n", "t.csv");
  REQUIRE(t.header == std::vector<std::string>{"a", "b"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].row == 1);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].fields == std::vector<std::string>{"1", "2"});
  CHECK(t.rows[1].row == 2);  // the blank line is no row
  CHECK(t.rows[1].line == 4);
  CHECK(t.rows[1].fields == std::vector<std::string>{"3", "4"});
  auto w = parse_csv("a,b\n1,2\n  \t \n3,4\n", "t.csv");  // a line of spaces is blank too
  REQUIRE(w.rows.size() == 2);
  CHECK(w.rows[1].line == 4);
}

TEST_CASE("csv: RFC 4180 quoting — embedded delimiter, doubled quote, newline") {
  auto t = parse_csv(
      "id,title\n1,\"Schrijven, college- en raadsvoorstellen\"\n2,\"Zij zei \"\"ja\"\"\"\n"
      "3,\"twee\nregels\"\n4,last\n",
      "t.csv");
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].fields[1] == "Schrijven, college- en raadsvoorstellen");
  CHECK(t.rows[1].fields[1] == "Zij zei \"ja\"");
  CHECK(t.rows[2].fields[1] == "twee\nregels");
  CHECK(t.rows[2].line == 4);
  CHECK(t.rows[3].line == 6);  // the row after a two-line field
  CHECK(t.rows[3].row == 4);
}

TEST_CASE("csv: a UTF-8 BOM is stripped, CRLF accepted, no final newline accepted") {
  auto t = parse_csv(
      "\xEF\xBB\xBF"
      "course_id,title\r\n1,Caf\xC3\xA9\r\n2,\"a\r\nb\"\r\n3,x",
      "t.csv");
  REQUIRE(t.header[0] == "course_id");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].fields[1] == "Caf\xC3\xA9");
  CHECK(t.rows[1].fields[1] == "a\r\nb");  // quoted: kept verbatim
  CHECK(t.rows[2].fields == std::vector<std::string>{"3", "x"});
  CHECK(t.rows[2].line == 5);
}

TEST_CASE("csv: spaces around unquoted fields are trimmed, quoted spaces kept") {
  auto t = parse_csv("a , b\n 1 ,\" 2 \"\n", "t.csv");
  CHECK(t.header == std::vector<std::string>{"a", "b"});
  CHECK(t.rows[0].fields == std::vector<std::string>{"1", " 2 "});
}

TEST_CASE("csv: columns are found by name in any order") {
  auto t = parse_csv("run_id,registration_id\n7,1\n", "registrations.csv");
  auto cols = t.require({"registration_id", "run_id"});
  CHECK(cols == std::vector<std::size_t>{1, 0});
  CHECK(t.rows[0].fields[cols[0]] == "1");
  CHECK_FALSE(t.find("employee_id"));
  try {
    t.require({"registration_id", "employee_id"});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::missing_column);
    CHECK(contains(e.message(), "registrations.csv"));
    CHECK(contains(e.message(), "'employee_id'"));
    CHECK(contains(e.message(), "run_id, registration_id"));
    CHECK(e.elements() == std::vector<std::string>{"registrations.csv", "0", "employee_id"});
  }
  CHECK(t.where(t.rows[0], 0) == "registrations.csv, row 1 (line 2), field run_id");
}

TEST_CASE("csv: a header-only file has no rows; an empty file is E702") {
  CHECK(parse_csv("a,b\n", "t.csv").rows.empty());
  CHECK(thrown("").code == Errc::empty_file);
  CHECK(thrown("\xEF\xBB\xBF").code == Errc::empty_file);
  CHECK(thrown("\n\r\n\n").code == Errc::empty_file);
  CHECK(contains(thrown("").message, "t.csv"));
}

TEST_CASE("csv: duplicate and blank column names") {
  auto d = thrown("id,title,id\n1,2,3\n");
  CHECK(d.code == Errc::duplicate_column);
  CHECK(contains(d.message, "'id' twice"));
  CHECK(thrown("id,,x\n").code == Errc::csv_malformed);
}

TEST_CASE("csv: malformed — stray quote, unterminated quote, ragged rows, NUL") {
  auto q = thrown("a,b\n1,2\n3,x\"y\n");
  CHECK(q.code == Errc::csv_malformed);
  CHECK(contains(q.message, "t.csv, row 2 (line 3), field b"));
  auto after = thrown("a,b\n\"1\"x,2\n");
  CHECK(after.code == Errc::csv_malformed);
  auto open = thrown("a,b\n1,\"never closed\n2,3\n");
  CHECK(open.code == Errc::csv_malformed);
  CHECK(contains(open.message, "line 2"));
  CHECK(contains(open.message, "not closed"));
  auto shortrow = thrown("a,b,c\n1,2,3\n4,5\n");
  CHECK(shortrow.code == Errc::csv_malformed);
  CHECK(contains(shortrow.message, "row 2 (line 3)"));
  CHECK(contains(shortrow.message, "2 fields, the header 3"));
  CHECK(thrown("a,b\n1,2,3\n").code == Errc::csv_malformed);
  auto nul = thrown(std::string_view("a,b\n1,x\0y\n", 10));
  CHECK(nul.code == Errc::csv_malformed);
  CHECK(contains(nul.message, "NUL"));
}

TEST_CASE("csv: not UTF-8 — Latin-1, overlong, surrogate, UTF-16 BOM; the field is named") {
  auto latin1 = thrown("id,title\n1,Caf\xE9\n");
  CHECK(latin1.code == Errc::not_utf8);
  CHECK(contains(latin1.message, "t.csv, row 1 (line 2), field title"));
  CHECK(contains(latin1.message, "0xE9"));
  CHECK(latin1.elements == std::vector<std::string>{"t.csv", "1", "title"});
  CHECK(thrown("id\n\xC0\xAF\n").code == Errc::not_utf8);          // overlong '/'
  CHECK(thrown("id\n\xED\xA0\x80\n").code == Errc::not_utf8);      // surrogate U+D800
  CHECK(thrown("id\n\xF4\x90\x80\x80\n").code == Errc::not_utf8);  // above U+10FFFF
  CHECK(thrown("id\n\xE2\x82\n").code == Errc::not_utf8);          // truncated
  CHECK(thrown("\xFF\xFEi\0d\0").code == Errc::not_utf8);          // UTF-16 LE
  CHECK(io::valid_utf8("\xE2\x82\xAC \xF0\x9F\x98\x80"));          // € and an emoji
}

TEST_CASE("csv: limits — file, field and column count (E117)") {
  io::CsvOptions small;
  small.max_bytes = 10;
  CHECK(thrown("a,b\n1,2\n3,4\n", small).code == Errc::too_large);
  io::CsvOptions field;
  field.max_field_bytes = 4;
  auto f = thrown("a\n12345\n", field);
  CHECK(f.code == Errc::too_large);
  CHECK(contains(f.message, "field a"));
  // an endless quoted field stops at the limit while it is read, not after
  io::CsvOptions mib;
  mib.max_field_bytes = 1000;
  std::string endless = "a\n\"" + std::string(200000, 'x');
  auto e = thrown(endless, mib);
  CHECK(e.code == Errc::too_large);
  CHECK(contains(e.message, "more than 1000 bytes"));
  io::CsvOptions cols;
  cols.max_columns = 2;
  CHECK(thrown("a,b,c\n", cols).code == Errc::too_large);
}

TEST_CASE("csv: a hostile file — one long quoted field spanning many lines stays linear and exact") {
  std::string text = "a,b\n1,\"";
  for (int i = 0; i < 20000; ++i) text += "x,\"\"\n";
  text += "\"\n2,y\n";
  auto t = parse_csv(text, "t.csv");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields[1].size() == 20000 * 4);
  CHECK(t.rows[1].line == 20000 + 3);
}

TEST_CASE("csv: read_csv — missing file, a directory, a real file") {
  namespace fs = std::filesystem;
  auto dir = fs::temp_directory_path() / "koers_test_csv";
  fs::create_directories(dir);
  try {
    read_csv(dir / "nope.csv");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::file_unreadable);
    CHECK(contains(e.message(), "nope.csv"));
  }
  try {
    read_csv(dir);
    FAIL("no error");
  } catch (const InputError& e) { CHECK(e.code() == Errc::file_unreadable); }
  auto file = dir / "x.csv";
  { std::ofstream(file, std::ios::binary) << "b,a\r\n2,1\r\n"; }
  auto t = read_csv(file);
  CHECK(t.origin == file.string());
  CHECK(t.rows[0].fields[t.column("a")] == "1");
  io::CsvOptions tiny;
  tiny.max_bytes = 4;
  try {
    read_csv(file, tiny);
    FAIL("no error");
  } catch (const InputError& e) { CHECK(e.code() == Errc::too_large); }
  fs::remove_all(dir);
}

TEST_CASE("csv: a table from columns (a DataFrame) numbers its rows as a file would") {
  auto t = io::table_from_columns("runs", {"run_id", "course_id"}, {{"1", "2"}, {"10", "20"}});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].row == 2);
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[1].fields == std::vector<std::string>{"2", "20"});
  CHECK(t.column("course_id") == 1);
  CHECK(testing::code_of([] {
          io::table_from_columns("runs", {"a", "b"}, {{"1", "2"}, {"1"}});
        }) == Errc::size_mismatch);
  CHECK(testing::code_of([] { io::table_from_columns("runs", {"a", "a"}, {{"1"}, {"1"}}); }) == Errc::duplicate_column);
  CHECK(testing::code_of([] { io::table_from_columns("runs", {"a"}, {{"\xFF"}}); }) == Errc::not_utf8);
}
