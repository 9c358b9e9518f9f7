// The plan's demand for learning time against the entitlement (koers/learning/demand.hpp).
#include <koers/budget/plan_costs.hpp>
#include <koers/learning/demand.hpp>

#include <algorithm>
#include <map>

namespace koers::learning {

namespace {
Ratio positive_part(Ratio r) { return r.num > 0 ? r : Ratio{0, 1}; }
}  // namespace

DemandReport demand_vs_supply(const StrategyGraph& plan, const EntitlementReport& supply) {
  DemandReport out;
  out.year = supply.year;
  const auto costs = budget::cost_plan(plan);
  std::map<std::string, std::size_t> group_at;
  for (std::size_t i = 0; i < plan.size(); ++i)
    if (plan.node_kind(i) == NodeKind::target_group) {
      group_at[plan.node_id(i)] = out.groups.size();
      GroupBalance g;
      g.target_group = plan.node_id(i);
      g.name = plan.node_name(i);
      g.size = plan.node_size(i);
      out.groups.push_back(std::move(g));
    }
  // the interventions' hours, to their groups pro rata to the model sizes
  for (const auto& L : costs.lines) {
    DemandLine d;
    d.intervention = L.id;
    d.name = L.name;
    d.target_groups = L.target_groups;
    d.participants = L.cost.participants;
    d.hours_per_participant = L.model.hours_per_participant;
    d.participants_from = L.participants_from;
    if (L.cost.learning_hours) d.learning_hours = *L.cost.learning_hours;
    std::vector<std::size_t> gs;
    for (const auto& t : L.target_groups)
      if (auto it = group_at.find(t); it != group_at.end()) gs.push_back(it->second);
    if (!gs.empty()) {
      bool sized = std::all_of(gs.begin(), gs.end(),
                               [&](std::size_t i) { return out.groups[i].size && *out.groups[i].size > 0; });
      std::int64_t total = 0;
      for (auto i : gs) total += sized ? *out.groups[i].size : 1;
      for (auto i : gs) {
        auto& g = out.groups[i];
        Ratio w = exact_ratio(sized ? *g.size : 1, total, g.target_group);
        g.demand = ratio_add(g.demand, ratio_mul(d.learning_hours, w, g.target_group), g.target_group);
        g.interventions += 1;
        if (d.hours_per_participant)
          g.max_hours_per_member = ratio_add(g.max_hours_per_member, *d.hours_per_participant, g.target_group);
      }
    }
    out.demand = ratio_add(out.demand, d.learning_hours, "demand");
    out.lines.push_back(std::move(d));
  }
  // members of each group, their supply, and the group's demand spread over them by share of the year
  out.people.reserve(supply.people.size());
  for (const auto& p : supply.people) out.people.push_back({p.employee_id, p.team, Ratio{0, 1}, p.hours, Ratio{0, 1}});
  for (auto& g : out.groups) {
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < supply.people.size(); ++i) {
      const auto& p = supply.people[i];
      if (std::find(p.target_groups.begin(), p.target_groups.end(), g.target_group) == p.target_groups.end()) continue;
      members.push_back(i);
      g.supply = ratio_add(g.supply, p.hours, g.target_group);
    }
    g.people = static_cast<std::int64_t>(members.size());
    g.over = positive_part(ratio_sub(g.demand, g.supply, g.target_group));
    if (g.people > 0) g.supply_per_member = ratio_div(g.supply, Ratio{g.people, 1}, g.target_group);
    g.over_per_member = positive_part(ratio_sub(g.max_hours_per_member, g.supply_per_member, g.target_group));
    if (members.empty()) {
      if (g.demand.num != 0) {
        out.unplaced = ratio_add(out.unplaced, g.demand, "unplaced");
        out.groups_without_people.push_back(g.target_group);
      }
      continue;
    }
    // an equal part per member: weighting by share of the year would make every group's
    // denominator Σ shares, and their least common multiple outgrows exact 64-bit fractions
    Ratio per_member = ratio_div(g.demand, Ratio{g.people, 1}, g.target_group);
    for (auto i : members) out.people[i].demand = ratio_add(out.people[i].demand, per_member, g.target_group);
  }
  std::map<std::string, TeamBalance> teams;
  for (auto& p : out.people) {
    p.over = positive_part(ratio_sub(p.demand, p.supply, "over"));
    auto& t = teams[p.team];
    t.team = p.team;
    t.people += 1;
    t.people_over += p.over.num > 0 ? 1 : 0;
    t.demand = ratio_add(t.demand, p.demand, p.team);
    t.supply = ratio_add(t.supply, p.supply, p.team);
    t.over = ratio_add(t.over, p.over, p.team);
    out.supply = ratio_add(out.supply, p.supply, "supply");
    out.over = ratio_add(out.over, p.over, "over");
  }
  for (auto& [k, t] : teams) out.teams.push_back(std::move(t));
  return out;
}

}  // namespace koers::learning
