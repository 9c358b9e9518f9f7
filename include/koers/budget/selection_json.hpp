#pragma once
/// \file
/// The versioned JSON format `koers.selection` v1 (schemas/selection.schema.json) and the JSON
/// shape of `koers select --json`. Defined in src/budget_json.cpp. Reading never half-loads
/// (InputError E101..E110 with the JSON path, then Selection::validate()).
#include <koers/budget/selection.hpp>

#include <string>
#include <string_view>

namespace koers::budget {

/// The newest selection format version this koers reads and writes.
inline constexpr int selection_format_version = 1;

/// Parse koers.selection JSON text.
Selection parse_selection(std::string_view text, const std::string& origin = "selection");
/// Load a koers.selection file (E100 when it cannot be read).
Selection load_selection(const std::string& path);
/// The selection as koers.selection JSON (`indent` < 0: one line).
std::string to_json(const Selection& s, int indent = 2);
/// Write a koers.selection file.
void save_selection(const Selection& s, const std::string& path);
/// {"status", "selected", "total_score", "bound", "gap", "assignment", "top_n_cut", "unique",
///  "hours_used", "hours_available", "conflict"?, "nodes", "seconds"}.
std::string result_to_json(const SelectionResult& r, int indent = -1);

}  // namespace koers::budget
