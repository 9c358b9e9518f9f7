// The plan's demand for learning time against the entitlement (koers/learning/demand.hpp): a small
// hand-made model, every figure by hand; then the Deventer 2014 example (seeds/000 Tabel 1-6 hours and
// participants) against its illustrative roster, checked for consistency (sums), not for invented figures.
#include "fixtures.hpp"

#include <koers/learning/demand.hpp>
#include <koers/model/model_json.hpp>

using koers::HolidayCalendar;
using koers::Ratio;
using namespace koers::learning;
using koers::learning::test::person;

TEST_CASE("demand vs supply: a hand-made plan", "[learning][demand]") {
  // Two groups: "all" (size 3) and "lead" (size 1). Interventions:
  //  a: 10 h x 3 participants, targets all           -> all 30 h
  //  b: 100 h x 1 participant, targets lead          -> lead 100 h
  //  c: 8 h x 4 participants, targets all (3) + lead (1) -> 32 h: all 24 h, lead 8 h (by size)
  //  d: no hours                                      -> nothing
  auto make = [](const std::string& b_hours) {
    return koers::parse_model(R"({"format": "koers.model", "version": 1, "name": "t", "nodes": [
      {"id": "tg.all", "kind": "target_group", "name": "All", "size": 3},
      {"id": "tg.lead", "kind": "target_group", "name": "Lead", "size": 1},
      {"id": "iv.a", "kind": "intervention", "name": "A", "duration_hours": 10, "participants": 3},
      {"id": "iv.b", "kind": "intervention", "name": "B", "duration_hours": )" +
                              b_hours + R"(, "participants": 1},
      {"id": "iv.c", "kind": "intervention", "name": "C", "duration_hours": 8, "participants": 4},
      {"id": "iv.d", "kind": "intervention", "name": "D"}],
    "edges": [{"kind": "targets", "from": "iv.a", "to": "tg.all"}, {"kind": "targets", "from": "iv.b", "to": "tg.lead"},
              {"kind": "targets", "from": "iv.c", "to": "tg.all"}, {"kind": "targets", "from": "iv.c", "to": "tg.lead"},
              {"kind": "targets", "from": "iv.d", "to": "tg.all"}]})");
  };
  auto plan = make("100");
  // Roster: manager 1 (36 h, all + lead: 129.6 h), employee 2 (36 h: 86.4 h), employee 3 (18 h: 43.2 h), all year.
  auto supply = entitlement({person(1, "T1", Role::manager, {36, 1}, "2010-01-01", nullptr, {"tg.all", "tg.lead"}),
                             person(2, "T1", Role::employee, {36, 1}, "2010-01-01", nullptr, {"tg.all"}),
                             person(3, "T2", Role::employee, {18, 1}, "2010-01-01", nullptr, {"tg.all"})},
                            2022, HolidayCalendar::netherlands());
  auto r = demand_vs_supply(plan, supply);
  REQUIRE(r.lines.size() == 4);
  CHECK(r.lines[2].learning_hours == Ratio{32, 1});
  CHECK(r.lines[3].learning_hours == Ratio{0, 1});
  CHECK(r.demand == Ratio{162, 1});
  REQUIRE(r.groups.size() == 2);
  const auto& all = r.groups[0];
  CHECK(all.demand == Ratio{54, 1});    // 30 + 24
  CHECK(all.supply == Ratio{1296, 5});  // 129.6 + 86.4 + 43.2
  CHECK(all.over == Ratio{0, 1});
  CHECK(all.people == 3);
  CHECK(all.interventions == 3);
  CHECK(all.max_hours_per_member == Ratio{18, 1});  // 10 + 8 (d has no hours)
  const auto& lead = r.groups[1];
  CHECK(lead.demand == Ratio{108, 1});  // 100 + 8
  CHECK(lead.supply == Ratio{648, 5});  // 129.6: not over as a group
  CHECK(lead.over == Ratio{0, 1});
  CHECK(lead.max_hours_per_member == Ratio{108, 1});
  // People: all's 54 h spread evenly (each a full year): 18 h each; the manager also carries lead's 108 h.
  REQUIRE(r.people.size() == 3);
  CHECK(r.people[0].demand == Ratio{126, 1});
  CHECK(r.people[0].over == Ratio{0, 1});  // 126 < 129.6
  CHECK(r.people[2].demand == Ratio{18, 1});
  REQUIRE(r.teams.size() == 2);
  CHECK(r.teams[0].demand == Ratio{144, 1});
  CHECK(r.over == Ratio{0, 1});
  CHECK(r.unplaced == Ratio{0, 1});

  // Make b 130 h: lead asks 138 h of a manager who has 129.6 h -> over by 8.4 h, as a group and as a person.
  auto r2 = demand_vs_supply(make("130"), supply);
  CHECK(r2.groups[1].over == Ratio{42, 5});
  CHECK(r2.people[0].demand == Ratio{156, 1});
  CHECK(r2.people[0].over == koers::ratio_sub(Ratio{156, 1}, Ratio{648, 5}));
  CHECK(r2.teams[0].people_over == 1);
  CHECK(r2.over == koers::ratio_sub(Ratio{156, 1}, Ratio{648, 5}));
}

TEST_CASE("demand vs supply: a group without people on the roster is unplaced", "[learning][demand]") {
  auto plan = koers::parse_model(R"({"format": "koers.model", "version": 1, "name": "t", "nodes": [
      {"id": "tg.x", "kind": "target_group", "name": "X", "size": 5},
      {"id": "iv.a", "kind": "intervention", "name": "A", "duration_hours": 2.5, "participants": 5}],
    "edges": [{"kind": "targets", "from": "iv.a", "to": "tg.x"}]})");
  auto supply = entitlement(std::vector<Employee>{person(1, "T", Role::employee, {36, 1}, "2010-01-01")}, 2022,
                            HolidayCalendar());
  auto r = demand_vs_supply(plan, supply);
  CHECK(r.unplaced == Ratio{25, 2});
  CHECK(r.groups_without_people == std::vector<std::string>{"tg.x"});
  CHECK(r.groups[0].over == Ratio{25, 2});
  CHECK(r.people[0].demand == Ratio{0, 1});
}
