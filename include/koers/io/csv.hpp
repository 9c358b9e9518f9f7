#pragma once
/// \file
/// THE CSV reader of koers (rosters, the academy event log): RFC 4180 text parsed by Debian's
/// libcsv (`libcsv-dev`), into a header and rows of string fields, each row with its 1-based
/// data-row number and the source line it starts on.
///
/// Accepted: a UTF-8 byte-order mark (stripped), LF or CRLF line ends, quoted fields with
/// embedded delimiters, quotes ("") and newlines, blank lines (skipped; they do not count as
/// rows), spaces and tabs around an unquoted field (trimmed, as libcsv does; quoted fields are
/// kept verbatim). Columns are found by name in any order (`CsvTable::require`).
///
/// Refused, each an InputError whose message names the file and, where there is one, the data
/// row, the source line and the column:
///  - E100 file_unreadable: the file cannot be opened or read (also: a directory), as `io::read_file`;
///  - E117 too_large: the file is over `CsvOptions::max_bytes`, a field over `max_field_bytes`,
///    or a header over `max_columns` columns;
///  - E118 not_utf8: a field that is not valid UTF-8 (overlong forms, surrogates, code points
///    above U+10FFFF and a UTF-16 byte-order mark included);
///  - E700 csv_malformed: a stray quote, an unterminated quoted field, a NUL byte, a row whose
///    field count differs from the header's, a blank column name;
///  - E701 missing_column: `require` names a column the header lacks;
///  - E702 empty_file: no header row (an empty file, only a BOM or blank lines);
///  - E703 duplicate_column: a header naming one column twice.
/// The error's elements are {file, row (as text, "0" for the header), column} where known.
#include <koers/core/error.hpp>

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koers::io {

/// How `read_csv` / `parse_csv` read a file.
struct CsvOptions {
  char delimiter = ',';
  std::size_t max_bytes = std::size_t{1} << 30;        ///< 1 GiB: larger files are E117
  std::size_t max_field_bytes = std::size_t{1} << 20;  ///< 1 MiB per field
  std::size_t max_columns = 1024;                      ///< header width
};

/// One data row: its fields in header order.
struct CsvRow {
  std::size_t row = 0;   ///< 1-based data row (the header is row 0)
  std::size_t line = 0;  ///< 1-based source line the row starts on (LF-counted)
  std::vector<std::string> fields;
};

/// A parsed CSV file.
struct CsvTable {
  std::string origin;               ///< the file (as given), for messages
  std::vector<std::string> header;  ///< column names, in file order
  std::vector<CsvRow> rows;

  /// The index of a column, or nullopt.
  std::optional<std::size_t> find(std::string_view column) const;
  /// The index of a column; E701 naming the file, the column and the columns present.
  std::size_t column(std::string_view column) const;
  /// The indexes of the named columns, in the order asked (E701 for the first missing one).
  std::vector<std::size_t> require(std::initializer_list<std::string_view> columns) const;
  std::vector<std::size_t> require(const std::vector<std::string>& columns) const;
  /// "courses.csv, row 3 (line 4), field course_id" — the place of a field, for messages.
  std::string where(const CsvRow& r, std::size_t col) const;
};

/// Parse CSV text; `origin` names it in messages.
CsvTable parse_csv(std::string_view text, const std::string& origin, const CsvOptions& options = {});
/// Read (through `io::read_file`, the one bounded read) and parse a file: E100 when it is
/// missing, a directory or unreadable, E117 when over `max_bytes`.
CsvTable read_csv(const std::string& file, const CsvOptions& options = {});
/// The same for a path object (`std::filesystem::path`, or anything with `.string()`): this
/// header does not include `<filesystem>`, which would cost every file that includes it.
template <class Path>
requires requires(const Path& p) {
  { p.string() } -> std::convertible_to<std::string>;
}
CsvTable read_csv(const Path& file, const CsvOptions& options = {}) {
  return read_csv(std::string(file.string()), options);
}
/// A table from columns of text (a DataFrame's, from Python): row i is data row i + 1 on
/// "line" i + 2, as if written with a header line. E109 for columns of unequal length or a
/// header of another width, E703 for a duplicate name, E700 for a blank name, E118 for a field
/// that is not UTF-8.
CsvTable table_from_columns(std::string origin, std::vector<std::string> header,
                            const std::vector<std::vector<std::string>>& columns);

/// Whether `s` is valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF);
/// on failure `bad_offset` (when given) is the offset of the first bad byte.
bool valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr) noexcept;

}  // namespace koers::io
