#pragma once
/// \file
/// One bad row of a CSV table (the academy event log, the roster, the leave table): where it is,
/// which field, and the stable reason code of the first rule it fails.
#include <cstddef>
#include <string>

namespace koers::learning {

/// One bad row: where, and the stable reason code; `message` says it for a person.
struct RowError {
  std::string file;     ///< "registrations.csv" (the file name, without its folder)
  std::size_t row = 0;  ///< 1-based data row (the header is row 0)
  std::string field;
  std::string reason;  ///< "unknown_run_id", "invalid_hours", ...
  std::string message;
  friend bool operator==(const RowError& a, const RowError& b) {
    return a.file == b.file && a.row == b.row && a.field == b.field && a.reason == b.reason;
  }
};

}  // namespace koers::learning
