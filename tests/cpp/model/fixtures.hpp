#pragma once
// The small plan the strategy-graph and analysis tests share.
#include <koers/model/strategy_graph.hpp>

namespace koers::testing {

// A small plan after the HNW part of the Deventer plan (seeds/000, section 3.1, Tabel 1).
inline StrategyGraph small_plan() {
  StrategyGraph g;
  g.name = "HNW";
  g.add_node({.id = "dev.hnw", .kind = NodeKind::development, .name = "Het Nieuwe Werken"});
  g.add_node({.id = "goal.slimmer", .kind = NodeKind::goal, .name = "Slimmer werken"});
  g.add_node({.id = "goal.flex", .kind = NodeKind::goal, .name = "Vergroten van de flexibiliteit"});
  g.add_node({.id = "lg.tijd", .kind = NodeKind::learning_goal, .name = "Plaats- en tijdonafhankelijk werken"});
  Node iv1{.id = "iv.spel", .kind = NodeKind::intervention, .name = "Spelsimulatie HNW"};
  iv1.status = Status::new_;
  iv1.channel = Channel::on_the_job;
  Node iv2{.id = "iv.slim", .kind = NodeKind::intervention, .name = "Slimmer werken voor dummies"};
  iv2.status = Status::partly_existing;
  iv2.channel = Channel::formal;
  g.add_node(iv1);
  g.add_node(iv2);
  g.add_node({.id = "tg.iedereen", .kind = NodeKind::target_group, .name = "Iedereen"});
  g.add_edge({EdgeKind::refines, "dev.hnw", "goal.slimmer", {}});
  g.add_edge({EdgeKind::refines, "dev.hnw", "goal.flex", {}});
  g.add_edge({EdgeKind::refines, "goal.flex", "lg.tijd", {}});
  g.add_edge({EdgeKind::contributes, "iv.spel", "lg.tijd", Strength{75.0, ""}});
  g.add_edge({EdgeKind::contributes, "iv.slim", "goal.slimmer", Strength{{}, "help"}});
  g.add_edge({EdgeKind::contributes, "iv.spel", "goal.slimmer", Strength{25.0, ""}});
  g.add_edge({EdgeKind::targets, "iv.spel", "tg.iedereen", {}});
  g.add_edge({EdgeKind::targets, "iv.slim", "tg.iedereen", {}});
  return g;
}

}  // namespace koers::testing
