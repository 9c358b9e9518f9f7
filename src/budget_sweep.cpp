// JSON of a portfolio sweep (koers/budget/portfolio_sweep.hpp), column-oriented so that the
// Python facade builds its DataFrame directly.
#include <koers/budget/portfolio_sweep.hpp>

#include "json_util.hpp"
#include "result_json.hpp"

namespace koers::budget {

using koers::detail::json;

json sweep_value(const Portfolio& base, const std::vector<SweepResult>& rows) {
  json j = json::object();
  json name = json::array(), status = json::array(), optimum = json::array(), selected = json::array(),
       nodes = json::array(), error = json::array(), code = json::array(), conflict = json::array();
  json streams = json::array();
  json budget = json::object(), capacity = json::object(), spent = json::object();
  for (const auto& s : base.streams) {
    streams.push_back(s.id);
    budget[s.id] = json::array();
    capacity[s.id] = json::array();
    spent[s.id] = json::array();
  }
  for (const auto& r : rows) {
    name.push_back(r.name);
    status.push_back(r.status);
    optimum.push_back(r.optimum ? json(*r.optimum) : json(nullptr));
    selected.push_back(r.selected);
    nodes.push_back(r.nodes);
    error.push_back(r.status == "error" ? json(r.error) : json(nullptr));
    code.push_back(r.status == "error" ? json(r.error_code) : json(nullptr));
    conflict.push_back(r.conflict ? conflict_value(*r.conflict) : json(nullptr));
    for (std::size_t k = 0; k < base.streams.size(); ++k) {
      const auto& id = base.streams[k].id;
      budget[id].push_back(k < r.budget.size() ? json(r.budget[k].cents()) : json(nullptr));
      capacity[id].push_back(k < r.capacity.size() ? json(r.capacity[k].cents()) : json(nullptr));
      spent[id].push_back(k < r.spent.size() ? json(r.spent[k].cents()) : json(nullptr));
    }
  }
  j["name"] = name;
  j["status"] = status;
  j["optimum"] = optimum;
  j["selected"] = selected;
  j["nodes"] = nodes;
  j["error"] = error;
  j["error_code"] = code;
  j["conflict"] = conflict;
  j["streams"] = streams;
  j["budget_cents"] = budget;
  j["capacity_cents"] = capacity;
  j["spent_cents"] = spent;
  return j;
}

std::string sweep_to_json(const Portfolio& base, const std::vector<SweepResult>& rows) {
  return sweep_value(base, rows).dump();
}

}  // namespace koers::budget
