#pragma once
/// \file
/// Node kinds, edge kinds and the one table of which edge kind may join which node kinds.
#include <koers/core/error.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace koers {

/// What a node of the strategy graph is.
enum class NodeKind {
  development,      ///< organisatieontwikkeling / opgave (HNW, Mobiliteit, ...)
  strategic_theme,  ///< strategisch thema (Hostmanship, ...)
  goal,             ///< doel
  learning_goal,    ///< leerdoel
  intervention,     ///< leerinterventie
  target_group,     ///< doelgroep
  programme,        ///< programma / project
  process,          ///< werkproces (GEMMA)
  budget_stream,    ///< opleidingsbudget
};
inline constexpr std::array<NodeKind, 9> all_node_kinds{
    NodeKind::development,   NodeKind::strategic_theme, NodeKind::goal,
    NodeKind::learning_goal, NodeKind::intervention,    NodeKind::target_group,
    NodeKind::programme,     NodeKind::process,         NodeKind::budget_stream};

/// What an edge of the strategy graph says.
enum class EdgeKind { refines, contributes, decomposes, targets, funded_by, part_of, improves };
inline constexpr std::array<EdgeKind, 7> all_edge_kinds{EdgeKind::refines, EdgeKind::contributes, EdgeKind::decomposes,
                                                        EdgeKind::targets, EdgeKind::funded_by,   EdgeKind::part_of,
                                                        EdgeKind::improves};

/// How a parent combines its children (GRL decomposition): AND = all, OR/XOR = any.
enum class Decomposition { and_, or_, xor_ };
/// Status of an intervention in the plan (nieuw / bestaand / deels bestaand).
enum class Status { new_, existing, partly_existing };
/// Learning channel for the 70/20/10 rule: on the job (70), with others (20), formal (10).
enum class Channel { on_the_job, with_others, formal };

inline std::string_view to_string(NodeKind k) {
  switch (k) {
    case NodeKind::development: return "development";
    case NodeKind::strategic_theme: return "strategic_theme";
    case NodeKind::goal: return "goal";
    case NodeKind::learning_goal: return "learning_goal";
    case NodeKind::intervention: return "intervention";
    case NodeKind::target_group: return "target_group";
    case NodeKind::programme: return "programme";
    case NodeKind::process: return "process";
    case NodeKind::budget_stream: return "budget_stream";
  }
  return "?";
}
inline std::string_view to_string(EdgeKind k) {
  switch (k) {
    case EdgeKind::refines: return "refines";
    case EdgeKind::contributes: return "contributes";
    case EdgeKind::decomposes: return "decomposes";
    case EdgeKind::targets: return "targets";
    case EdgeKind::funded_by: return "funded_by";
    case EdgeKind::part_of: return "part_of";
    case EdgeKind::improves: return "improves";
  }
  return "?";
}
inline std::string_view to_string(Decomposition d) {
  switch (d) {
    case Decomposition::and_: return "and";
    case Decomposition::or_: return "or";
    case Decomposition::xor_: return "xor";
  }
  return "?";
}
inline std::string_view to_string(Status s) {
  switch (s) {
    case Status::new_: return "new";
    case Status::existing: return "existing";
    case Status::partly_existing: return "partly_existing";
  }
  return "?";
}
inline std::string_view to_string(Channel c) {
  switch (c) {
    case Channel::on_the_job: return "on_the_job";
    case Channel::with_others: return "with_others";
    case Channel::formal: return "formal";
  }
  return "?";
}
/// A person-readable name of a node kind ("learning goal").
std::string display_name(NodeKind k);

/// The kind named `s` ("learning_goal"), or nothing (the names of `to_string`).
std::optional<NodeKind> parse_node_kind(std::string_view s);
std::optional<EdgeKind> parse_edge_kind(std::string_view s);
std::optional<Decomposition> parse_decomposition(std::string_view s);
std::optional<Status> parse_status(std::string_view s);
std::optional<Channel> parse_channel(std::string_view s);

/// One allowed combination: an edge of `kind` may go from a node of kind `from` to one of kind `to`.
struct AllowedEdge {
  EdgeKind kind;
  NodeKind from;
  NodeKind to;
};

/// THE table of allowed edges — the one place that says which edge kind may join which node kinds.
inline constexpr AllowedEdge allowed_edges[] = {
    // refines: strategy flows down (development/theme -> goal -> learning goal)
    {EdgeKind::refines, NodeKind::development, NodeKind::goal},
    {EdgeKind::refines, NodeKind::strategic_theme, NodeKind::goal},
    {EdgeKind::refines, NodeKind::development, NodeKind::learning_goal},
    {EdgeKind::refines, NodeKind::strategic_theme, NodeKind::learning_goal},
    {EdgeKind::refines, NodeKind::goal, NodeKind::learning_goal},
    // contributes: work serves strategy, with a strength
    {EdgeKind::contributes, NodeKind::intervention, NodeKind::goal},
    {EdgeKind::contributes, NodeKind::intervention, NodeKind::learning_goal},
    {EdgeKind::contributes, NodeKind::intervention, NodeKind::development},
    {EdgeKind::contributes, NodeKind::intervention, NodeKind::strategic_theme},
    {EdgeKind::contributes, NodeKind::programme, NodeKind::goal},
    {EdgeKind::contributes, NodeKind::programme, NodeKind::learning_goal},
    {EdgeKind::contributes, NodeKind::programme, NodeKind::development},
    {EdgeKind::contributes, NodeKind::programme, NodeKind::strategic_theme},
    // decomposes: parent -> child, AND/OR/XOR by the parent's decomposition
    {EdgeKind::decomposes, NodeKind::goal, NodeKind::goal},
    {EdgeKind::decomposes, NodeKind::learning_goal, NodeKind::learning_goal},
    {EdgeKind::decomposes, NodeKind::development, NodeKind::development},
    // targets, funded-by, part-of, improves
    {EdgeKind::targets, NodeKind::intervention, NodeKind::target_group},
    {EdgeKind::targets, NodeKind::programme, NodeKind::target_group},
    {EdgeKind::funded_by, NodeKind::intervention, NodeKind::budget_stream},
    {EdgeKind::funded_by, NodeKind::programme, NodeKind::budget_stream},
    {EdgeKind::part_of, NodeKind::intervention, NodeKind::programme},
    {EdgeKind::part_of, NodeKind::programme, NodeKind::programme},
    {EdgeKind::part_of, NodeKind::process, NodeKind::process},
    {EdgeKind::part_of, NodeKind::target_group, NodeKind::target_group},
    {EdgeKind::improves, NodeKind::programme, NodeKind::process},
    {EdgeKind::improves, NodeKind::intervention, NodeKind::process},
};

/// May an edge of `kind` go from a `from` node to a `to` node?
inline constexpr bool edge_allowed(EdgeKind kind, NodeKind from, NodeKind to) {
  for (const auto& a : allowed_edges)
    if (a.kind == kind && a.from == from && a.to == to) return true;
  return false;
}

/// Qualitative contribution labels (GRL) accepted as a strength.
inline constexpr std::array<std::string_view, 7> contribution_labels{"make",  "help", "some+", "unknown",
                                                                     "some-", "hurt", "break"};
bool is_contribution_label(std::string_view s);

}  // namespace koers
