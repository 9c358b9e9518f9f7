#pragma once
// Internal (never installed): the row-by-row validation every koers CSV table uses (the academy
// event log, the roster, the leave table). A rule that fails throws RowFail inside `each_row`,
// which records ONE RowError for the row (file name, 1-based data row, the column's name, the
// stable reason and a message naming the place) and goes on with the next row.
#include <koers/core/calendar.hpp>
#include <koers/core/error.hpp>
#include <koers/io/csv.hpp>
#include <koers/learning/row_error.hpp>

#include <charconv>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koers::learning::rows {

/// Thrown inside the row loop only: the first rule a row fails.
struct RowFail {
  std::size_t col;
  std::string reason;
  std::string what;
};

inline std::string file_name(const io::CsvTable& t) { return std::filesystem::path(t.origin).filename().string(); }

struct RowReader {
  const io::CsvTable& t;
  const io::CsvRow* row = nullptr;
  const std::string& text(std::size_t col) const { return row->fields[col]; }
  [[noreturn]] void fail(std::size_t col, std::string reason, std::string what) const {
    throw RowFail{col, std::move(reason), std::move(what)};
  }
  std::int64_t id(std::size_t col) const {
    const std::string& s = text(col);
    if (s.empty()) fail(col, "blank_id", "the id is blank");
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) fail(col, "invalid_id", "'" + s + "' is not a whole number");
    if (v <= 0) fail(col, "non_positive_id", "the id " + s + " is not above 0");
    return v;
  }
  Date date(std::size_t col) const {
    try {
      return parse_date(text(col));
    } catch (const InputError&) {
      fail(col, "invalid_date", "'" + text(col) + "' is not a date YYYY-MM-DD that exists");
    }
  }
  std::optional<Date> optional_date(std::size_t col) const {
    if (text(col).empty()) return std::nullopt;
    return date(col);
  }
  const std::string& non_blank(std::size_t col) const {
    if (text(col).empty()) fail(col, "blank_field", "the field is blank");
    return text(col);
  }
};

template <class F>
void each_row(const io::CsvTable& t, std::vector<RowError>& errors, F&& f) {
  RowReader rd{t};
  std::string file = file_name(t);
  for (const auto& r : t.rows) {
    rd.row = &r;
    try {
      f(rd);
    } catch (const RowFail& e) {
      errors.push_back(RowError{file, r.row, t.header[e.col], e.reason, t.where(r, e.col) + ": " + e.what});
    }
  }
}

constexpr std::size_t none = static_cast<std::size_t>(-1);

inline std::size_t optional_column(const io::CsvTable& t, std::string_view name) {
  auto c = t.find(name);
  return c ? *c : none;
}

}  // namespace koers::learning::rows
