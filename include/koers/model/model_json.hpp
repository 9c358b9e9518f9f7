#pragma once
/// \file
/// The versioned JSON model format `koers.model` (docs/model-format.md, schemas/model.schema.json).
/// Loading collects nothing half-way: a file error throws InputError (1xx, with the JSON path);
/// a well-formed file whose graph is invalid loads, and check()/validate() report its problems.
#include <koers/model/strategy_graph.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koers {

/// The newest model format version this koers reads and writes.
inline constexpr int model_format_version = 1;

/// Parse a model from JSON text. `origin` names the source in messages. Throws InputError:
/// E101 not JSON, E108 too deep, E102 wrong format, E103 version, E104 unknown field,
/// E105 missing field, E106 wrong type, E107 invalid value, E110 not finite, E114 cents past
/// the 64-bit range.
StrategyGraph parse_model(std::string_view text, const std::string& origin = "model");
/// Load a model file (E100 when it cannot be read).
StrategyGraph load_model(const std::string& path);
/// What validation of a model file found: every problem the reader finds (each top-level field
/// and each faulty field of every node, edge or strategy, with its JSON path and code), then
/// every problem of the graph's check() — over the nodes, edges and strategies that did read
/// when some did not: a node takes part by its id and kind (a faulty field is reported once,
/// not also as missing), one whose kind did not read takes no part, nor do its edges, and with
/// a node or edge left out "served by no intervention" (E204) / "serves no goal" (E205) are not
/// judged. `graph` holds the model only when the reader found nothing.
struct ModelValidation {
  std::vector<Issue> issues;
  std::optional<StrategyGraph> graph;
  bool valid() const noexcept { return issues.empty(); }
};
/// Validate a model file, collecting every problem instead of stopping at the first. A file
/// that is JSON at all gets a verdict (a document that is not an object is its E106, one that
/// nests deeper than the reader goes its E108). Throws only when the file cannot be judged:
/// E100 unreadable or a directory, E101 not JSON, E117 larger than 1 GiB.
ModelValidation validate_model(const std::string& path);
/// The same for JSON text.
ModelValidation validate_model_text(std::string_view text, const std::string& origin = "model");
/// The model as JSON text (format koers.model, version 1); `indent` < 0 gives one line.
std::string to_json(const StrategyGraph& g, int indent = 2);
/// Write the model to a file (E100 when it cannot be written).
void save_model(const StrategyGraph& g, const std::string& path);

}  // namespace koers
