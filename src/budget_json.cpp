// The koers.portfolio and koers.selection JSON formats, and the JSON of their results.
// Reading builds the whole object first and validates it before returning: never half-loaded.
#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/selection_json.hpp>

#include "calendar_json.hpp"  // optional "period" and experts' "hours_per_week"
#include "json_util.hpp"
#include "old_names.hpp"
#include "result_json.hpp"

#include <fstream>

namespace koers::budget {

using koers::detail::json;
using koers::detail::ObjectReader;

namespace {

using koers::detail::cents_at;

/// The old field names the readers of this thread accepted, until take_deprecation_notes().
std::vector<std::string>& deprecation_notes() {
  static thread_local std::vector<std::string> notes;
  return notes;
}

/// The key to read for a field renamed from `old_key` to `key`: `key`, or `old_key` when only that
/// is given (read for one release, noted for take_deprecation_notes()). Both given: E107.
std::string renamed(ObjectReader& r, const std::string& key, const std::string& old_key) {
  if (!r.has(old_key)) return key;
  if (r.has(key))
    ObjectReader::fail(Errc::invalid_value, r.at(old_key), "is the old name of '" + key + "': give one of the two");
  deprecation_notes().push_back(r.at(old_key) + ": '" + old_key + "' is the old name of '" + key +
                                "' (read for one release; write '" + key + "')");
  return old_key;
}
std::optional<Money> cents(ObjectReader& r, const std::string& key, bool required) {
  auto* v = r.get(key, required);
  if (!v) return std::nullopt;
  return cents_at(*v, r.at(key));
}
/// A whole number (int64): a float is E106.
std::int64_t whole_at(const json& v, const std::string& path) {
  if (koers::detail::beyond_int64(v)) ObjectReader::fail(Errc::invalid_value, path, koers::detail::out_of_int64(v));
  if (!v.is_number_integer())
    ObjectReader::fail(Errc::wrong_type, path,
                       "must be a whole number (objective values and weights are integers), not " +
                           (v.is_number_float() ? std::string("a decimal number") : koers::detail::type_name(v)));
  if (v.is_number_unsigned() &&
      v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    ObjectReader::fail(Errc::invalid_value, path, "is too large");
  return v.get<std::int64_t>();
}
std::vector<std::string> string_list(const json& a, const std::string& path) {
  if (!a.is_array()) ObjectReader::fail(Errc::wrong_type, path, "must be an array, not " + koers::detail::type_name(a));
  std::vector<std::string> v;
  for (std::size_t i = 0; i < a.size(); ++i) v.push_back(ObjectReader::as_string(a[i], path + "/" + std::to_string(i)));
  return v;
}
std::string p(const std::string& base, std::size_t i) { return base + "/" + std::to_string(i); }

void write_file(const std::string& text, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(Errc::file_unreadable, "cannot write '" + path + "'", {path});
  out << text << '\n';
  if (!out) throw InputError(Errc::file_unreadable, "cannot write '" + path + "'", {path});
}

/// Rethrow a validation error of a file with the file named.
template <class F>
auto validated(const std::string& origin, F&& f) {
  try {
    return f();
  } catch (const BudgetError& e) {
    throw BudgetError(e.code(), origin + ": " + e.message(), e.elements());
  } catch (const InputError& e) {
    if (e.message().rfind(origin, 0) == 0) throw;
    throw InputError(e.code(), origin + ": " + e.message(), e.elements());
  }
}

/// One scenario of a koers.portfolio file (JSON path `at` for messages).
PortfolioScenario scenario_at(const json& v, const std::string& at) {
  ObjectReader r(v, at);
  PortfolioScenario s;
  s.name = *r.str("name", true);
  auto factors = [&](const char* key, std::vector<std::pair<std::string, std::string>>& out) {
    if (auto* o = r.object(key))
      for (auto it = o->begin(); it != o->end(); ++it) {
        std::string path = r.at(key) + "/" + it.key();
        if (!it->is_string())
          ObjectReader::fail(
              Errc::wrong_type, path,
              "must be a decimal string such as \"0.9\" (a float loses cents), not " + koers::detail::type_name(*it));
        out.push_back({it.key(), it->get<std::string>()});
      }
  };
  factors("scale_budget", s.scale_budget);
  if (auto* o = r.object("set_budget_cents"))
    for (auto it = o->begin(); it != o->end(); ++it)
      s.set_budget.push_back({it.key(), cents_at(*it, r.at("set_budget_cents") + "/" + it.key())});
  if (auto* v2 = r.get("drop_items", false)) s.drop_items = string_list(*v2, r.at("drop_items"));
  const auto mandatory = renamed(r, "mandatory_items", "force_items");
  if (auto* v2 = r.get(mandatory, false)) s.mandatory_items = string_list(*v2, r.at(mandatory));
  if (auto* o = r.object("set_cost_cents"))
    for (auto it = o->begin(); it != o->end(); ++it)
      s.set_cost.push_back({it.key(), cents_at(*it, r.at("set_cost_cents") + "/" + it.key())});
  factors("scale_cost", s.scale_cost);
  if (auto* o = r.object("set_participants"))
    for (auto it = o->begin(); it != o->end(); ++it) {
      std::string path = r.at("set_participants") + "/" + it.key();
      auto n = whole_at(*it, path);
      if (n < 0) ObjectReader::fail(Errc::invalid_value, path, "must not be negative");
      s.set_participants.push_back({it.key(), n});
    }
  if (const json* mv = r.array("move_cents"))
    for (std::size_t k = 0; k < mv->size(); ++k) {
      ObjectReader m((*mv)[k], r.at("move_cents") + "/" + std::to_string(k));
      PortfolioMove x;
      x.from = *m.str("from", true);
      x.to = *m.str("to", true);
      x.amount = *cents(m, "cents", true);
      m.finish();
      s.move.push_back(x);
    }
  if (auto* o = r.object("payroll_share")) {
    ObjectReader m(*o, r.at("payroll_share"));
    auto share = [&](const char* key) {
      auto* v2 = m.get(key, true);
      if (!v2->is_string())
        ObjectReader::fail(
            Errc::wrong_type, m.at(key),
            "must be a decimal string such as \"0.02\" (a float is not exact), not " + koers::detail::type_name(*v2));
      return v2->get<std::string>();
    };
    PayrollChange c;
    c.from = share("from");
    c.to = share("to");
    m.finish();
    s.payroll_share = c;
  }
  r.finish();
  return s;
}

json scenario_json(const PortfolioScenario& s) {
  if (detail::uses_old_names(s)) return scenario_json(detail::with_current_names(s));
  json o = {{"name", s.name}};
  if (!s.scale_budget.empty()) {
    o["scale_budget"] = json::object();
    for (const auto& [k, v] : s.scale_budget) o["scale_budget"][k] = v;
  }
  if (!s.set_budget.empty()) {
    o["set_budget_cents"] = json::object();
    for (const auto& [k, v] : s.set_budget) o["set_budget_cents"][k] = v.cents();
  }
  if (!s.drop_items.empty()) o["drop_items"] = s.drop_items;
  if (!s.mandatory_items.empty()) o["mandatory_items"] = s.mandatory_items;
  if (!s.set_cost.empty()) {
    o["set_cost_cents"] = json::object();
    for (const auto& [k, v] : s.set_cost) o["set_cost_cents"][k] = v.cents();
  }
  if (!s.scale_cost.empty()) {
    o["scale_cost"] = json::object();
    for (const auto& [k, v] : s.scale_cost) o["scale_cost"][k] = v;
  }
  if (!s.set_participants.empty()) {
    o["set_participants"] = json::object();
    for (const auto& [k, v] : s.set_participants) o["set_participants"][k] = v;
  }
  if (!s.move.empty()) {
    o["move_cents"] = json::array();
    for (const auto& m : s.move)
      o["move_cents"].push_back({{"from", m.from}, {"to", m.to}, {"cents", m.amount.cents()}});
  }
  if (s.payroll_share) o["payroll_share"] = {{"from", s.payroll_share->from}, {"to", s.payroll_share->to}};
  return o;
}

}  // namespace

// ---- koers.portfolio -------------------------------------------------------------------

Portfolio parse_portfolio(std::string_view text, const std::string& origin) {
  json j = koers::detail::parse_json_text(text, origin);
  koers::detail::check_format(j, "koers.portfolio", portfolio_format_version, origin);
  return validated(origin, [&] {
    Portfolio pf;
    ObjectReader top(j, "");
    top.str("format");
    top.integer("version");
    pf.name = top.str_or("name", "");
    pf.note = top.str_or("note", "");  // free text (sources, what is illustrative); round-trips
    if (auto o = top.str("objective")) {
      if (*o == "additive")
        pf.objective = Objective::additive;
      else if (*o == "coverage")
        pf.objective = Objective::coverage;
      else
        ObjectReader::fail(Errc::invalid_value, "/objective",
                           "must be \"additive\" or \"coverage\", not \"" + *o + "\"");
    }
    const json* streams = top.array("streams", true);
    for (std::size_t i = 0; i < streams->size(); ++i) {
      ObjectReader r((*streams)[i], p("/streams", i));
      PortfolioStream s;
      s.id = *r.str("id", true);
      s.budget = *cents(r, "budget_cents", true);
      s.reserved = cents(r, "reserved_cents", false).value_or(Money{});
      s.name = r.str_or("name", "");
      r.finish();
      pf.streams.push_back(s);
    }
    if (const json* items = top.array("items", true))
      for (std::size_t i = 0; i < items->size(); ++i) {
        ObjectReader r((*items)[i], p("/items", i));
        PortfolioItem it;
        it.id = *r.str("id", true);
        it.name = r.str_or("name", "");
        it.stream = *r.str("stream", true);
        it.per_participant = cents(r, "per_participant_cents", false);
        if (auto* v = r.get("participants", false)) {
          if (!koers::detail::beyond_int64(*v) && !v->is_number_integer())  // past 64 bits: whole_at's E107
            ObjectReader::fail(Errc::wrong_type, r.at("participants"), "must be a whole number");
          it.participants = whole_at(*v, r.at("participants"));
          if (*it.participants < 0)
            ObjectReader::fail(Errc::invalid_value, r.at("participants"), "must not be negative");
        }
        bool both = it.per_participant && it.participants;
        auto c = cents(r, "cost_cents", !both);
        if (c)
          it.cost = *c;
        else
          it.cost = *it.per_participant * *it.participants;  // E114 when beyond 64 bits
        if (auto* v = r.get("value", false)) it.value = whole_at(*v, r.at("value"));
        if (auto* v = r.get("covers", false)) it.covers = string_list(*v, r.at("covers"));
        it.mandatory = r.boolean("mandatory").value_or(false);
        it.excluded = r.boolean("excluded").value_or(false);
        r.finish();
        pf.items.push_back(it);
      }
    if (const json* goals = top.array("goals"))
      for (std::size_t i = 0; i < goals->size(); ++i) {
        ObjectReader r((*goals)[i], p("/goals", i));
        PortfolioGoal g;
        g.id = *r.str("id", true);
        if (auto* v = r.get("weight", false)) g.weight = whole_at(*v, r.at("weight"));
        if (g.weight < 0) ObjectReader::fail(Errc::invalid_value, r.at("weight"), "must not be negative");
        r.finish();
        pf.goals.push_back(g);
      }
    if (const json* groups = top.array("groups"))
      for (std::size_t i = 0; i < groups->size(); ++i) {
        ObjectReader r((*groups)[i], p("/groups", i));
        PortfolioGroup g;
        g.id = *r.str("id", true);
        g.items = string_list(*r.array("items", true), r.at("items"));
        g.max = whole_at(*r.get("max", true), r.at("max"));
        if (g.max < 0) ObjectReader::fail(Errc::invalid_value, r.at("max"), "must not be negative");
        r.finish();
        pf.groups.push_back(g);
      }
    if (const json* req = top.array("requires"))
      for (std::size_t i = 0; i < req->size(); ++i) {
        auto v = string_list((*req)[i], p("/requires", i));
        if (v.size() != 2)
          ObjectReader::fail(Errc::invalid_value, p("/requires", i), "must be a pair [item, required item]");
        pf.requires_.push_back({.item = v[0], .requires_ = v[1]});
      }
    if (const json* sc = top.array("scenarios"))
      for (std::size_t i = 0; i < sc->size(); ++i) {
        pf.scenarios.push_back(scenario_at((*sc)[i], p("/scenarios", i)));
      }
    top.finish();
    pf.validate();
    return pf;
  });
}

std::vector<std::string> take_deprecation_notes() {
  std::vector<std::string> out;
  out.swap(deprecation_notes());
  return out;
}

Portfolio load_portfolio(const std::string& path) {
  // one parse: the text goes straight to the reader (which checks UTF-8, depth and format)
  return parse_portfolio(koers::io::read_file(path, koers::detail::max_json_bytes), "'" + path + "'");
}

std::string to_json(const Portfolio& pf, int indent) {
  if (detail::uses_old_names(pf)) return to_json(detail::with_current_names(pf), indent);
  json j = json::object();
  j["format"] = "koers.portfolio";
  j["version"] = portfolio_format_version;
  if (!pf.name.empty()) j["name"] = pf.name;
  if (!pf.note.empty()) j["note"] = pf.note;
  j["objective"] = to_string(pf.objective);
  j["streams"] = json::array();
  for (const auto& s : pf.streams) {
    json o = {{"id", s.id}, {"budget_cents", s.budget.cents()}};
    if (s.reserved.cents() != 0) o["reserved_cents"] = s.reserved.cents();
    if (!s.name.empty()) o["name"] = s.name;
    j["streams"].push_back(o);
  }
  j["items"] = json::array();
  for (const auto& it : pf.items) {
    json o = {{"id", it.id}};
    if (!it.name.empty()) o["name"] = it.name;
    o["stream"] = it.stream;
    o["cost_cents"] = it.cost.cents();
    if (it.value != 0) o["value"] = it.value;
    if (!it.covers.empty()) o["covers"] = it.covers;
    if (it.mandatory) o["mandatory"] = true;
    if (it.excluded) o["excluded"] = true;
    if (it.per_participant) o["per_participant_cents"] = it.per_participant->cents();
    if (it.participants) o["participants"] = *it.participants;
    j["items"].push_back(o);
  }
  if (!pf.goals.empty()) {
    j["goals"] = json::array();
    for (const auto& g : pf.goals) j["goals"].push_back({{"id", g.id}, {"weight", g.weight}});
  }
  if (!pf.groups.empty()) {
    j["groups"] = json::array();
    for (const auto& g : pf.groups) j["groups"].push_back({{"id", g.id}, {"items", g.items}, {"max", g.max}});
  }
  if (!pf.requires_.empty()) {
    j["requires"] = json::array();
    for (const auto& r : pf.requires_) j["requires"].push_back({r.item, r.requires_});
  }
  if (!pf.scenarios.empty()) {
    j["scenarios"] = json::array();
    for (const auto& s : pf.scenarios) j["scenarios"].push_back(scenario_json(s));
  }
  return j.dump(indent);
}

void save_portfolio(const Portfolio& pf, const std::string& path) { write_file(to_json(pf), path); }

PortfolioScenario parse_portfolio_scenario(std::string_view text, const std::string& origin) {
  json j = koers::detail::parse_json_text(text, origin);
  return validated(origin, [&] { return scenario_at(j, ""); });
}

json scenario_value(const PortfolioScenario& s) { return scenario_json(s); }

std::string to_json(const PortfolioScenario& s, int indent) { return scenario_json(s).dump(indent); }

namespace {
/// `stopped_by` of a result: null unless the status is limit
json stopped_by_json(const SolveStats& s) {
  return s.stopped_by == StopReason::none ? json(nullptr) : json(to_string(s.stopped_by));
}
}  // namespace

json conflict_value(const Conflict& c) {
  json o = {{"kind", c.kind}, {"items", c.items}, {"message", c.message}};
  if (c.kind == "stream") {
    o["stream"] = c.stream;
    o["required_cents"] = c.required.cents();
    o["capacity_cents"] = c.capacity.cents();
  } else {
    o["stream"] = nullptr;
  }
  if (!c.group.empty()) o["group"] = c.group;
  return o;
}

json result_value(const PortfolioResult& r) {
  json j = json::object();
  j["status"] = to_string(r.status);
  j["optimum"] = r.optimum ? json(*r.optimum) : json(nullptr);
  j["selected"] = r.status == SolveStatus::infeasible ? std::vector<std::string>{} : r.selected;
  j["spent_cents"] = json::object();
  j["capacity_cents"] = json::object();
  for (const auto& s : r.spent) {
    j["spent_cents"][s.stream] = s.spent.cents();
    j["capacity_cents"][s.stream] = s.capacity.cents();
  }
  if (r.status == SolveStatus::infeasible) {
    j["bound"] = nullptr;
    j["gap"] = nullptr;
  } else {
    j["bound"] = r.bound;
    j["gap"] = r.gap;
  }
  j["unique"] = r.unique;
  j["alternative"] = r.alternative;
  j["binding"] = r.binding;
  if (r.conflict) j["conflict"] = conflict_value(*r.conflict);
  j["nodes"] = r.stats.nodes;
  j["seconds"] = r.stats.seconds;
  j["stopped_by"] = stopped_by_json(r.stats);
  return j;
}

std::string result_to_json(const PortfolioResult& r, int indent) { return result_value(r).dump(indent); }

json curve_value(const std::vector<CurvePoint>& pts) {
  json a = json::array();
  for (const auto& pt : pts)
    a.push_back({{"budget_cents", pt.budget.cents()},
                 {"optimum", pt.optimum ? json(*pt.optimum) : json(nullptr)},
                 {"selected", pt.selected}});
  return json{{"breakpoints", a}};
}

std::string curve_to_json(const std::vector<CurvePoint>& pts, int indent) { return curve_value(pts).dump(indent); }

// ---- koers.selection -------------------------------------------------------------------

Selection parse_selection(std::string_view text, const std::string& origin) {
  json j = koers::detail::parse_json_text(text, origin);
  koers::detail::check_format(j, "koers.selection", selection_format_version, origin);
  return validated(origin, [&] {
    Selection s;
    ObjectReader top(j, "");
    top.str("format");
    top.integer("version");
    s.name = top.str_or("name", "");
    const json* items = top.array("items", true);
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader r((*items)[i], p("/items", i));
      SelectionItem it;
      it.id = *r.str("id", true);
      it.score = *r.number("score", true);
      it.hours = *r.number("hours", true);
      if (it.hours < 0) ObjectReader::fail(Errc::invalid_value, r.at("hours"), "must not be negative");
      it.mandatory = r.boolean(renamed(r, "mandatory", "pinned")).value_or(false);
      const auto requires_key = renamed(r, "requires", "needs");
      if (auto* v = r.get(requires_key, false)) it.requires_ = string_list(*v, r.at(requires_key));
      r.finish();
      s.items.push_back(it);
    }
    // optional "period" {start, end, calendar?, extra_days?}; an expert gives "hours" or
    // "hours_per_week" (= calendar hours over the period). Written back as plain "hours".
    const auto period = koers::detail::read_period(top);
    if (const json* ex = top.array("experts"))
      for (std::size_t i = 0; i < ex->size(); ++i) {
        ObjectReader r((*ex)[i], p("/experts", i));
        Expert e;
        e.id = *r.str("id", true);
        e.hours = koers::detail::read_hours(r, period);
        r.finish();
        s.experts.push_back(e);
      }
    s.capacity_hours = top.number("capacity_hours");
    if (top.has("experts") && s.capacity_hours)
      ObjectReader::fail(Errc::invalid_value, "/capacity_hours", "give either experts or capacity_hours, not both");
    if (!top.has("experts") && !s.capacity_hours)
      ObjectReader::fail(Errc::missing_field, "/experts", "is required (or capacity_hours)");
    if (auto m = top.integer("min_items_per_expert")) {
      if (*m < 0) ObjectReader::fail(Errc::invalid_value, "/min_items_per_expert", "must not be negative");
      s.min_items_per_expert = *m;
    }
    if (auto n = top.integer("top_n")) {
      if (*n < 0) ObjectReader::fail(Errc::invalid_value, "/top_n", "must not be negative");
      s.top_n = *n;
    }
    top.finish();
    s.validate();
    return s;
  });
}

Selection load_selection(const std::string& path) {
  // one parse: the text goes straight to the reader (which checks UTF-8, depth and format)
  return parse_selection(koers::io::read_file(path, koers::detail::max_json_bytes), "'" + path + "'");
}

std::string to_json(const Selection& s, int indent) {
  if (detail::uses_old_names(s)) return to_json(detail::with_current_names(s), indent);
  json j = json::object();
  j["format"] = "koers.selection";
  j["version"] = selection_format_version;
  if (!s.name.empty()) j["name"] = s.name;
  j["items"] = json::array();
  for (const auto& it : s.items) {
    json o = {{"id", it.id}, {"score", it.score}, {"hours", it.hours}};
    if (it.mandatory) o["mandatory"] = true;
    if (!it.requires_.empty()) o["requires"] = it.requires_;
    j["items"].push_back(o);
  }
  if (!s.experts.empty()) {
    j["experts"] = json::array();
    for (const auto& e : s.experts) j["experts"].push_back({{"id", e.id}, {"hours", e.hours}});
  }
  if (s.capacity_hours) j["capacity_hours"] = *s.capacity_hours;
  j["min_items_per_expert"] = s.min_items_per_expert;
  if (s.top_n) j["top_n"] = s.top_n;
  return j.dump(indent);
}

void save_selection(const Selection& s, const std::string& path) { write_file(to_json(s), path); }

json result_value(const SelectionResult& r) {
  json j = json::object();
  j["status"] = to_string(r.status);
  j["selected"] = r.selected;
  j["total_score"] = r.total_score;
  if (r.status == SolveStatus::infeasible) {
    j["bound"] = nullptr;
    j["gap"] = nullptr;
  } else {
    j["bound"] = r.bound;
    j["gap"] = r.gap;
  }
  j["unique"] = r.unique;
  j["alternative"] = r.alternative;
  j["assignment"] = json::object();
  for (const auto& [e, ids] : r.assignment) j["assignment"][e] = ids;
  j["hours_used"] = r.hours_used;
  j["hours_available"] = r.hours_available;
  json cut = {{"n", r.top_n_cut.n},
              {"selected", r.top_n_cut.selected},
              {"total_score", r.top_n_cut.total_score},
              {"feasible", r.top_n_cut.feasible},
              {"lost", r.top_n_cut.lost}};
  cut["assignment"] = json::object();
  for (const auto& [e, ids] : r.top_n_cut.assignment) cut["assignment"][e] = ids;
  j["top_n_cut"] = cut;
  if (r.conflict) {
    const auto& c = *r.conflict;
    j["conflict"] = {{"kind", c.kind},
                     {"items", c.items},
                     {"required_hours", c.required_hours},
                     {"capacity_hours", c.capacity_hours},
                     {"message", c.message}};
  }
  j["nodes"] = r.stats.nodes;
  j["seconds"] = r.stats.seconds;
  j["stopped_by"] = stopped_by_json(r.stats);
  return j;
}

std::string result_to_json(const SelectionResult& r, int indent) { return result_value(r).dump(indent); }

}  // namespace koers::budget
