#pragma once
/// \file
/// Trace down (development or theme -> goals -> learning goals -> interventions) and up
/// (intervention -> goals -> developments), with one shortest path per pair.
#include <koers/analysis/coverage.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace koers::analysis {

/// A path between two nodes, as ids from the start to the end.
struct TracePath {
  std::string from;
  std::string to;
  std::vector<std::string> path;
};

namespace detail {
/// Breadth-first search over adjacency `adj` (by index) from `start`; one path per reached node.
/// Downward adjacency: hierarchy parent -> child, and goal -> contributing work.
std::vector<std::vector<std::size_t>> down_adjacency(const StrategyGraph& g);
std::vector<std::vector<std::size_t>> up_adjacency(const StrategyGraph& g);
/// The index of node `id`; GraphError E208 when there is none.
std::size_t index_or_throw(const StrategyGraph& g, const std::string& id);
}  // namespace detail

/// Every intervention (and programme) below `id`, with the path that reaches it.
std::vector<TracePath> trace_down(const StrategyGraph& g, const std::string& id);

/// Every development and strategic theme above `id` (usually an intervention), with its path
/// (from `id` upwards).
std::vector<TracePath> trace_up(const StrategyGraph& g, const std::string& id);

}  // namespace koers::analysis
