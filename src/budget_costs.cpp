// JSON of the plan costing: the options of cost_plan and its result (koers costs --json).
#include <koers/budget/plan_costs_json.hpp>

#include <koers/io/file.hpp>

#include "cost_model_detail.hpp"
#include "json_util.hpp"
#include "result_json.hpp"

namespace koers::budget {

using koers::detail::json;
using koers::detail::ObjectReader;

std::string ratio_text(const Ratio& r) {
  if (r.den == 1) return std::to_string(r.num);
  return std::to_string(r.num) + "/" + std::to_string(r.den);
}

namespace {

using koers::detail::cents_at;
std::optional<Money> cents(ObjectReader& r, const std::string& key) {
  auto* v = r.get(key, false);
  if (!v) return std::nullopt;
  return cents_at(*v, r.at(key));
}
std::optional<std::int64_t> count(ObjectReader& r, const std::string& key) {
  auto* v = r.get(key, false);
  if (!v) return std::nullopt;
  if (koers::detail::beyond_int64(*v))
    ObjectReader::fail(Errc::invalid_value, r.at(key), koers::detail::out_of_int64(*v));
  if (!v->is_number_integer())
    ObjectReader::fail(Errc::wrong_type, r.at(key),
                       "must be a whole number, not " +
                           (v->is_number_float() ? std::string("a decimal number") : koers::detail::type_name(*v)));
  auto n = ObjectReader::as_integer(*v, r.at(key));
  if (n < 0) ObjectReader::fail(Errc::invalid_value, r.at(key), "must not be negative");
  return n;
}
/// "0.5", "1/3" (exact).
Ratio ratio_from_text(const std::string& s, const std::string& path) {
  auto slash = s.find('/');
  try {
    if (slash == std::string::npos) return Ratio::parse(s);
    Ratio a = Ratio::parse(s.substr(0, slash)), b = Ratio::parse(s.substr(slash + 1));
    if (b.num == 0) ObjectReader::fail(Errc::invalid_value, path, "has a zero denominator");
    return detail::reduced(static_cast<koers::detail::i128>(a.num) * b.den,
                           static_cast<koers::detail::i128>(a.den) * b.num, path, "the fraction");
  } catch (const InputError& e) {
    if (e.code() == Errc::invalid_value && e.message().rfind(path, 0) == 0) throw;
    ObjectReader::fail(Errc::invalid_value, path,
                       "must be a decimal text such as \"0.5\" or a fraction \"1/3\", not \"" + s + "\"");
  }
  return {};
}
std::optional<Ratio> share(ObjectReader& r, const std::string& key, bool allow_number) {
  auto* v = r.get(key, false);
  if (!v) return std::nullopt;
  if (v->is_string()) {
    Ratio q = ratio_from_text(v->get<std::string>(), r.at(key));
    if (q.num < 0) ObjectReader::fail(Errc::invalid_value, r.at(key), "must not be negative");
    return q;
  }
  if (allow_number && v->is_number()) {
    double d = ObjectReader::as_number(*v, r.at(key));
    if (d < 0) ObjectReader::fail(Errc::invalid_value, r.at(key), "must not be negative");
    return exact_hours(d, r.at(key));
  }
  ObjectReader::fail(Errc::wrong_type, r.at(key),
                     std::string("must be a decimal text such as \"0.5\"") + (allow_number ? " or a number" : "") +
                         ", not " + koers::detail::type_name(*v));
  return std::nullopt;
}
Rounding rounding_from(const std::string& s, const std::string& path) {
  for (auto r : {Rounding::floor, Rounding::ceil, Rounding::half_up, Rounding::half_even, Rounding::toward_zero})
    if (to_string(r) == s) return r;
  ObjectReader::fail(Errc::invalid_value, path,
                     "must be one of floor, ceil, half_up, half_even, toward_zero, not \"" + s + "\"");
  return Rounding::half_even;
}

CostOverride read_override(ObjectReader& q) {
  CostOverride ov;
  ov.fixed = cents(q, "fixed_cents");
  ov.per_run = cents(q, "per_run_cents");
  ov.runs = count(q, "runs");
  ov.per_participant = cents(q, "per_participant_cents");
  ov.participants = count(q, "participants");
  ov.uptake = share(q, "uptake", false);
  ov.ilb_share = share(q, "ilb_share", false);
  ov.hours_per_participant = share(q, "hours_per_participant", true);
  ov.cost = cents(q, "cost_cents");
  return ov;
}

using ojson = nlohmann::ordered_json;
ojson opt_cents(const std::optional<Money>& m) { return m ? ojson(m->cents()) : ojson(nullptr); }
ojson opt_ratio(const std::optional<Ratio>& r) { return r ? ojson(ratio_text(*r)) : ojson(nullptr); }

/// {intervention id: override fields} at JSON path `path` ("" at the top of a --costs file).
std::map<std::string, CostOverride> read_overrides(const json& c, const std::string& path) {
  std::map<std::string, CostOverride> out;
  for (auto it = c.begin(); it != c.end(); ++it) {
    ObjectReader q(it.value(), path + "/" + it.key());
    CostOverride ov = read_override(q);
    q.finish();
    out.emplace(it.key(), ov);
  }
  return out;
}

}  // namespace

PlanCostOptions parse_plan_cost_options(std::string_view text, const std::string& origin) {
  json j = koers::detail::parse_json_text(text, origin);
  PlanCostOptions o;
  ObjectReader r(j, "");
  if (auto s = share(r, "ilb_share", false)) o.ilb_share = *s;
  if (auto s = share(r, "uptake", false)) o.uptake = *s;
  o.ilb_stream = r.str_or("ilb_stream", "");
  if (auto s = r.str("rounding")) o.rounding.rounding = rounding_from(*s, r.at("rounding"));
  if (auto* c = r.object("costs")) o.overrides = read_overrides(*c, "/costs");
  r.finish();
  return o;
}

std::map<std::string, CostOverride> parse_cost_overrides(std::string_view text, const std::string& origin) {
  json j = koers::detail::parse_json_text(text, origin);
  try {
    if (!j.is_object())
      throw InputError(
          Errc::wrong_type,
          "the document must be a JSON object {intervention id: cost fields}, not " + koers::detail::type_name(j),
          {"/"});
    return read_overrides(j, "");
  } catch (const Error& e) {  // name the file, as the other readers do; same code, class and JSON path
    throw_error(e.code(), origin + ": " + e.message(), e.elements());
  }
}

std::map<std::string, CostOverride> load_cost_overrides(const std::string& path) {
  // the one bounded read: E100 a directory or a missing file, E117 past 1 GiB
  return parse_cost_overrides(io::read_file(path, koers::detail::max_json_bytes), "'" + path + "'");
}

InterventionCost intervention_cost(std::string_view text, const std::string& origin) {
  json j = koers::detail::parse_json_text(text, origin);
  ObjectReader r(j, "");
  CostOverride ov = read_override(r);
  std::string element = r.str_or("element", "intervention");
  CostOptions o;
  if (auto s = r.str("rounding")) o.rounding = rounding_from(*s, r.at("rounding"));
  std::optional<std::int64_t> from_groups;
  if (auto* sizes = r.array("target_group_sizes")) {
    std::vector<std::int64_t> v;
    for (std::size_t i = 0; i < sizes->size(); ++i)
      v.push_back(ObjectReader::as_integer((*sizes)[i], r.at("target_group_sizes/" + std::to_string(i))));
    from_groups = participants_from_groups(v, ov.uptake.value_or(Ratio{1, 1}), element);
  }
  r.finish();
  CostModel m;
  m.fixed = ov.fixed.value_or(Money{});
  m.per_run = ov.per_run.value_or(Money{});
  m.runs = ov.runs.value_or(1);
  m.per_participant = ov.per_participant.value_or(Money{});
  m.participants = ov.participants;
  m.ilb_share = ov.ilb_share.value_or(Ratio{0, 1});
  m.hours_per_participant = ov.hours_per_participant;
  m.stated_total = ov.cost;
  CostBreakdown b = cost(m, from_groups, element, o);
  return {m, b};
}

ojson intervention_cost_value(const InterventionCost& c) {
  const auto& m = c.model;
  const auto& b = c.cost;
  ojson out = {{"participants", b.participants ? ojson(*b.participants) : ojson(nullptr)},
               {"fixed_cents", b.fixed_part.cents()},
               {"run_cents", b.run_part.cents()},
               {"participant_cents", b.participant_part.cents()},
               {"cost_cents", b.total.cents()},
               {"ilb_share", ratio_text(m.ilb_share)},
               {"ilb_per_participant_cents", b.ilb_per_participant.cents()},
               {"ilb_cents", b.ilb.cents()},
               {"own_cents", b.own.cents()},
               {"learning_hours", opt_ratio(b.learning_hours)},
               {"per_participant_cents", opt_cents(b.per_participant_rounded)},
               {"per_participant_exact", opt_ratio(b.per_participant)},
               {"per_hour_cents", opt_cents(b.per_hour_rounded)},
               {"per_hour_exact", opt_ratio(b.per_hour)},
               {"rounding", to_string(b.rounding)}};
  return out;
}

std::string intervention_cost_to_json(const InterventionCost& c, int indent) {
  return intervention_cost_value(c).dump(indent);
}

std::string intervention_cost_json(std::string_view text, const std::string& origin) {
  return intervention_cost_to_json(intervention_cost(text, origin));
}

ojson plan_costs_value(const PlanCosts& c) {
  ojson lines = ojson::array();
  for (const auto& L : c.lines) {
    const auto& b = L.cost;
    const auto& m = L.model;
    auto money = [&](Money v) { return L.costed ? ojson(v.cents()) : ojson(nullptr); };
    lines.push_back({
        {"id", L.id},
        {"name", L.name},
        {"stream", L.stream.empty() ? ojson(nullptr) : ojson(L.stream)},
        {"costed", L.costed},
        {"participants", b.participants ? ojson(*b.participants) : ojson(nullptr)},
        {"participants_from", L.participants_from.empty() ? ojson(nullptr) : ojson(L.participants_from)},
        {"target_groups", L.target_groups},
        {"hours_per_participant", opt_ratio(m.hours_per_participant)},
        {"learning_hours", opt_ratio(b.learning_hours)},
        {"price",
         {{"fixed_cents", m.fixed.cents()},
          {"per_run_cents", m.per_run.cents()},
          {"runs", m.runs},
          {"per_participant_cents", m.per_participant.cents()}}},
        {"fixed_cents", money(b.fixed_part)},
        {"run_cents", money(b.run_part)},
        {"participant_cents", money(b.participant_part)},
        {"cost_cents", money(b.total)},
        {"ilb_share", ratio_text(m.ilb_share)},
        {"ilb_per_participant_cents", money(b.ilb_per_participant)},
        {"ilb_cents", money(b.ilb)},
        {"own_cents", money(b.own)},
        {"per_participant_cents", L.costed ? opt_cents(b.per_participant_rounded) : ojson(nullptr)},
        {"per_participant_exact", L.costed ? opt_ratio(b.per_participant) : ojson(nullptr)},
        {"per_hour_cents", L.costed ? opt_cents(b.per_hour_rounded) : ojson(nullptr)},
        {"per_hour_exact", L.costed ? opt_ratio(b.per_hour) : ojson(nullptr)},
        {"notes", L.notes},
    });
  }
  ojson streams = ojson::array();
  for (const auto& s : c.streams)
    streams.push_back({{"id", s.id.empty() ? ojson(nullptr) : ojson(s.id)},
                       {"name", s.name},
                       {"budget_cents", opt_cents(s.budget)},
                       {"own_cents", s.own.cents()},
                       {"ilb_cents", s.ilb.cents()},
                       {"committed_cents", s.committed.cents()},
                       {"free_cents", opt_cents(s.free)}});
  ojson total = {{"cost_cents", c.total.cents()},
                 {"own_cents", c.own.cents()},
                 {"ilb_cents", c.ilb.cents()},
                 {"participants", c.participants},
                 {"learning_hours", ratio_text(c.learning_hours)},
                 {"per_participant_cents", opt_cents(c.per_participant_rounded)},
                 {"per_participant_exact", opt_ratio(c.per_participant)},
                 {"per_hour_cents", opt_cents(c.per_hour_rounded)},
                 {"per_hour_exact", opt_ratio(c.per_hour)}};
  ojson out = {{"name", c.name},
               {"rounding", to_string(c.rounding)},
               {"ilb_stream", c.ilb_stream.empty() ? ojson(nullptr) : ojson(c.ilb_stream)},
               {"interventions", lines},
               {"streams", streams},
               {"total", total},
               {"uncosted", c.uncosted}};
  return out;
}

std::string plan_costs_to_json(const PlanCosts& c, int indent) { return plan_costs_value(c).dump(indent); }

}  // namespace koers::budget
