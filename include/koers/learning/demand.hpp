#pragma once
/// \file
/// The plan's demand for learning time against the entitlement (issue 8 §2, "Demand against
/// supply"): the learning hours the interventions of a strategy model ask — duration × participants
/// (`koers::budget::cost_plan`: participants from the model, else from the target groups' sizes) —
/// by target group, against the learning time of the people in those groups.
///
/// Attribution, stated because the plan is silent:
///  - an intervention's learning hours go to its target groups (`targets` edges) pro rata to the
///    groups' sizes in the model (equally when a size is missing); interventions without a target
///    group or without hours or participants are listed (`lines`) but ask nothing;
///  - a group's demand is spread in equal parts over its roster members employed in the year (a member
///    who is there half the year carries a full part against half an entitlement: conservative; a
///    share-of-year weighting would need denominators beyond exact 64-bit fractions), so a person's
///    demand adds up over their groups and is set against their own entitlement:
///    `over` = max(0, demand − entitlement);
///  - per group, `demand` against `supply` (Σ its members' entitlement; a person's entitlement counts
///    in each of their groups, so group supplies overlap — the person and team views add up);
///  - `max_hours_per_member`: Σ durations of the group's interventions — what one member would need
///    to take every one of them — against the group's mean entitlement per member.
/// Everything exact (`koers::Ratio` hours).
#include <koers/core/hours.hpp>
#include <koers/learning/entitlement.hpp>
#include <koers/model/strategy_graph.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace koers::learning {

/// One intervention's demand.
struct DemandLine {
  std::string intervention, name;
  std::vector<std::string> target_groups;
  std::optional<std::int64_t> participants;
  std::optional<Ratio> hours_per_participant;
  Ratio learning_hours{0, 1};     ///< participants × hours (0 when either is unknown)
  std::string participants_from;  ///< "model", "target_groups" or "" (unknown)
};

/// A target group: what the plan asks of it against its members' learning time.
struct GroupBalance {
  std::string target_group, name;
  std::optional<std::int64_t> size;  ///< in the model
  std::int64_t people = 0;           ///< on the roster, employed in the year
  std::int64_t interventions = 0;
  Ratio demand{0, 1}, supply{0, 1};
  Ratio over{0, 1};                  ///< max(0, demand − supply)
  Ratio max_hours_per_member{0, 1};  ///< Σ durations of its interventions
  Ratio supply_per_member{0, 1};     ///< supply / people (0 without people)
  Ratio over_per_member{0, 1};       ///< max(0, max_hours_per_member − supply_per_member)
};

/// A person: the demand spread to them against their entitlement.
struct PersonBalance {
  std::int64_t employee_id = 0;
  std::string team;
  Ratio demand{0, 1}, supply{0, 1}, over{0, 1};
};

/// A team: Σ over its people.
struct TeamBalance {
  std::string team;
  std::int64_t people = 0, people_over = 0;
  Ratio demand{0, 1}, supply{0, 1};
  Ratio over{0, 1};  ///< Σ of its people's over (not demand − supply: spare time does not move between people)
};

struct DemandReport {
  int year = 0;
  std::vector<DemandLine> lines;
  std::vector<GroupBalance> groups;   ///< the model's target groups, in model order
  std::vector<PersonBalance> people;  ///< the entitlement's order
  std::vector<TeamBalance> teams;     ///< by team name
  Ratio demand{0, 1}, supply{0, 1}, over{0, 1};
  Ratio unplaced{0, 1};  ///< demand of groups without roster members (no one to carry it)
  std::vector<std::string> groups_without_people;
};

/// The demand of `plan`'s interventions against `supply` (one year's entitlement of a roster).
/// Errors: those of `koers::budget::cost_plan` (e.g. E207 when participants must come from a group
/// without a size and a price per participant needs them).
DemandReport demand_vs_supply(const StrategyGraph& plan, const EntitlementReport& supply);

}  // namespace koers::learning
