// The CSV reader (include/koers/io/csv.hpp) over libcsv. libcsv is C: its callbacks never throw
// (an exception through C frames is undefined); they record the first problem and the parse
// stops at the end of the line being fed. The text is fed line by line so every row knows the
// source line it starts on.
#include <koers/io/csv.hpp>
#include <koers/io/file.hpp>

#include <csv.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>

namespace koers::io {
namespace {

constexpr int row_not_begun = 0;  // libcsv's parser state before the first byte of a row

struct State {
  State(const CsvOptions& o, CsvTable& t) : opt(o), table(t) {}
  const CsvOptions& opt;
  CsvTable& table;
  std::vector<std::string> cur;
  bool have_header = false;
  std::size_t row_line = 0;  // the line the current row started on
  bool failed = false;
  Errc code = Errc::csv_malformed;
  std::string message;
  std::vector<std::string> elements;

  std::string column_name(std::size_t i) const {
    if (!have_header) return "header column " + std::to_string(i + 1);
    if (i < table.header.size()) return table.header[i];
    return "column " + std::to_string(i + 1);
  }
  std::string place(std::size_t col) const {
    std::string s = table.origin;
    if (!have_header)
      s += ", header (line " + std::to_string(row_line) + ")";
    else
      s += ", row " + std::to_string(table.rows.size() + 1) + " (line " + std::to_string(row_line) + ")";
    if (col != std::string::npos) s += ", field " + column_name(col);
    return s;
  }
  void fail(Errc c, std::size_t col, const std::string& what) {
    if (failed) return;
    failed = true;
    code = c;
    message = place(col) + ": " + what;
    elements = {table.origin, std::to_string(have_header ? table.rows.size() + 1 : 0)};
    if (col != std::string::npos) elements.push_back(column_name(col));
  }
};

void on_field(void* s, std::size_t len, void* data) {
  auto& st = *static_cast<State*>(data);
  if (st.failed) return;
  std::size_t col = st.cur.size();
  if (len > st.opt.max_field_bytes) {
    st.fail(Errc::too_large, col,
            "a field of " + std::to_string(len) + " bytes; the limit is " + std::to_string(st.opt.max_field_bytes));
    return;
  }
  std::string_view f(static_cast<const char*>(s), s ? len : 0);
  if (f.find('\0') != std::string_view::npos) {
    st.fail(Errc::csv_malformed, col, "a NUL byte (a binary file, or UTF-16?)");
    return;
  }
  std::size_t bad = 0;
  if (!valid_utf8(f, &bad)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(f[bad]));
    st.fail(Errc::not_utf8, col,
            std::string("not valid UTF-8 (byte ") + hex + " at offset " + std::to_string(bad) +
                " of the field); save the file as UTF-8");
    return;
  }
  if (!st.have_header && col >= st.opt.max_columns) {
    st.fail(Errc::too_large, std::string::npos, "more than " + std::to_string(st.opt.max_columns) + " columns");
    return;
  }
  st.cur.emplace_back(f);
}

void on_row(int, void* data) {
  auto& st = *static_cast<State*>(data);
  if (st.failed) return;
  auto fields = std::move(st.cur);
  st.cur.clear();
  if (!st.have_header) {
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].empty()) {
        st.fail(Errc::csv_malformed, std::string::npos, "header column " + std::to_string(i + 1) + " has no name");
        return;
      }
      if (!seen.insert(fields[i]).second) {
        st.fail(Errc::duplicate_column, std::string::npos, "the header names column '" + fields[i] + "' twice");
        st.elements.push_back(fields[i]);
        return;
      }
    }
    st.table.header = std::move(fields);
    st.have_header = true;
    return;
  }
  if (fields.size() != st.table.header.size()) {
    st.fail(Errc::csv_malformed, std::string::npos,
            "the row has " + std::to_string(fields.size()) + " field" + (fields.size() == 1 ? "" : "s") +
                ", the header " + std::to_string(st.table.header.size()));
    return;
  }
  st.table.rows.push_back(CsvRow{st.table.rows.size() + 1, st.row_line, std::move(fields)});
}

struct Parser {
  csv_parser p{};
  Parser(unsigned char opts, char delim) {
    if (csv_init(&p, opts) != 0) throw std::bad_alloc();
    csv_set_delim(&p, static_cast<unsigned char>(delim));
  }
  ~Parser() { csv_free(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

}  // namespace

bool valid_utf8(std::string_view s, std::size_t* bad_offset) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  auto bad = [&](std::size_t at) {
    if (bad_offset) *bad_offset = at;
    return false;
  };
  while (i < n) {
    unsigned char c = b[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else
      return bad(i);
    if (i + len > n) return bad(i);
    for (std::size_t k = 1; k < len; ++k) {
      if ((b[i + k] & 0xC0) != 0x80) return bad(i);
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      return bad(i);
    i += len;
  }
  return true;
}

std::optional<std::size_t> CsvTable::find(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

std::size_t CsvTable::column(std::string_view name) const {
  if (auto i = find(name)) return *i;
  std::string have;
  for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
  throw InputError(Errc::missing_column,
                   origin + ": the column '" + std::string(name) + "' is missing (the header has: " + have + ")",
                   {origin, "0", std::string(name)});
}

std::vector<std::size_t> CsvTable::require(std::initializer_list<std::string_view> columns) const {
  std::vector<std::size_t> out;
  out.reserve(columns.size());
  for (auto c : columns) out.push_back(column(c));
  return out;
}

std::vector<std::size_t> CsvTable::require(const std::vector<std::string>& columns) const {
  std::vector<std::size_t> out;
  out.reserve(columns.size());
  for (const auto& c : columns) out.push_back(column(c));
  return out;
}

std::string CsvTable::where(const CsvRow& r, std::size_t col) const {
  std::string s = origin + ", row " + std::to_string(r.row) + " (line " + std::to_string(r.line) + ")";
  if (col < header.size()) s += ", field " + header[col];
  return s;
}

CsvTable parse_csv(std::string_view text, const std::string& origin, const CsvOptions& options) {
  CsvTable table;
  table.origin = origin;
  if (text.size() > options.max_bytes)
    throw InputError(
        Errc::too_large,
        origin + " has " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(options.max_bytes),
        {origin});
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
    throw InputError(Errc::not_utf8, origin + " starts with a UTF-16 byte-order mark; save it as UTF-8", {origin});
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  Parser parser(CSV_STRICT | CSV_STRICT_FINI, options.delimiter);
  State st{options, table};
  std::size_t line = 0, pos = 0;
  while (pos < text.size() && !st.failed) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line;
    if (parser.p.pstate == row_not_begun) st.row_line = line;
    // a line is fed in pieces, so a field growing past the limit (one endless line, or a quoted
    // field over many lines) stops within a piece of it, not after buffering all of it
    constexpr std::size_t piece = std::size_t{1} << 16;
    for (std::size_t at = pos; at < end && !st.failed; at += piece) {
      std::size_t len = std::min(piece, end - at);
      if (csv_parse(&parser.p, text.data() + at, len, on_field, on_row, &st) != len && !st.failed) {
        int err = csv_error(&parser.p);
        if (err == CSV_EPARSE)
          st.fail(Errc::csv_malformed, st.cur.size(),
                  "a stray quote on line " + std::to_string(line) +
                      " (a quote inside an unquoted field, or text after a closing quote; write \"\" for a quote)");
        else
          throw std::bad_alloc();
      }
      if (!st.failed && parser.p.entry_pos > options.max_field_bytes)
        st.fail(Errc::too_large, st.cur.size(),
                "a field of more than " + std::to_string(options.max_field_bytes) + " bytes (the limit), from line " +
                    std::to_string(st.row_line));
    }
    pos = end;
  }
  if (!st.failed && csv_fini(&parser.p, on_field, on_row, &st) != 0 && !st.failed)
    st.fail(Errc::csv_malformed, st.cur.size(), "a quoted field is not closed before the end of the file");
  if (st.failed) throw_error(st.code, std::move(st.message), std::move(st.elements));
  if (!st.have_header) throw InputError(Errc::empty_file, origin + " is empty: no header row", {origin});
  return table;
}

CsvTable table_from_columns(std::string origin, std::vector<std::string> header,
                            const std::vector<std::vector<std::string>>& columns) {
  CsvTable t;
  t.origin = std::move(origin);
  if (columns.size() != header.size())
    throw InputError(Errc::size_mismatch,
                     t.origin + ": " + std::to_string(header.size()) + " column names for " +
                         std::to_string(columns.size()) + " columns",
                     {t.origin});
  std::set<std::string_view> seen;
  for (const auto& h : header) {
    if (h.empty()) throw InputError(Errc::csv_malformed, t.origin + ": a column has no name", {t.origin, "0"});
    if (!valid_utf8(h))
      throw InputError(Errc::not_utf8, t.origin + ": a column name is not valid UTF-8", {t.origin, "0"});
    if (!seen.insert(h).second)
      throw InputError(Errc::duplicate_column, t.origin + ": the column '" + h + "' is given twice",
                       {t.origin, "0", h});
  }
  std::size_t n = columns.empty() ? 0 : columns.front().size();
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].size() != n)
      throw InputError(Errc::size_mismatch,
                       t.origin + ": column '" + header[c] + "' has " + std::to_string(columns[c].size()) +
                           " values, column '" + header[0] + "' " + std::to_string(n),
                       {t.origin, "0", header[c]});
  t.header = std::move(header);
  t.rows.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto& r = t.rows[i];
    r.row = i + 1;
    r.line = i + 2;
    r.fields.reserve(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (!valid_utf8(columns[c][i]))
        throw InputError(Errc::not_utf8, t.where(r, c) + ": not valid UTF-8",
                         {t.origin, std::to_string(i + 1), t.header[c]});
      r.fields.push_back(columns[c][i]);
    }
  }
  return t;
}

CsvTable read_csv(const std::string& file, const CsvOptions& options) {
  // the one bounded read of koers (io/file.hpp): E100 missing, a directory or unreadable; E117 too large
  return parse_csv(read_file(file, options.max_bytes), file, options);
}

}  // namespace koers::io
