// Cost models (participants, ILB part, per participant and per learning hour) and the costing of
// a plan (`cost_plan`). Declarations: include/koers/budget/cost_model.hpp, plan_costs.hpp.
#include <koers/budget/cost_model.hpp>
#include <koers/budget/plan_costs.hpp>

#include "cost_model_detail.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace koers::budget {

std::string to_string(Rounding r) {
  switch (r) {
    case Rounding::floor: return "floor";
    case Rounding::ceil: return "ceil";
    case Rounding::half_up: return "half_up";
    case Rounding::half_even: return "half_even";
    case Rounding::toward_zero: return "toward_zero";
  }
  return "?";
}

namespace detail {

Ratio reduced(koers::detail::i128 num, koers::detail::i128 den, const std::string& element, const char* what) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const koers::detail::i128 a = koers::detail::gcd128(num, den);
  if (a > 1) {
    num /= a;
    den /= a;
  }
  constexpr koers::detail::i128 hi = std::numeric_limits<std::int64_t>::max(),
                                lo = std::numeric_limits<std::int64_t>::min();
  if (num > hi || num < lo || den > hi)
    throw_error(Errc::money_overflow, element + ": " + what + " is out of the 64-bit range", {element});
  return Ratio{static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
}

Money cents128(koers::detail::i128 v, const std::string& element, const char* what) {
  constexpr koers::detail::i128 hi = std::numeric_limits<std::int64_t>::max(),
                                lo = std::numeric_limits<std::int64_t>::min();
  if (v > hi || v < lo) throw_error(Errc::money_overflow, element + ": " + what + " is beyond 64-bit cents", {element});
  return Money::from_cents(static_cast<std::int64_t>(v));
}

void not_negative(std::int64_t v, const std::string& element, const char* what) {
  if (v < 0)
    throw_error(Errc::invalid_value, element + ": " + what + " must not be negative (" + std::to_string(v) + ")",
                {element});
}

}  // namespace detail

Ratio exact_hours(double hours, const std::string& element) {
  if (!(hours >= 0) || hours > 1e15)
    throw_error(Errc::invalid_value, element + ": learning hours must be a finite number >= 0", {element});
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, hours, std::chars_format::fixed);
  if (ec != std::errc{}) throw_error(Errc::invalid_value, element + ": learning hours cannot be read", {element});
  try {
    return Ratio::parse(std::string(buf, end));
  } catch (const InputError&) {
    throw_error(Errc::money_overflow, element + ": learning hours " + std::string(buf, end) + " have too many decimals",
                {element});
  }
}

std::int64_t participants_from_groups(const std::vector<std::int64_t>& sizes, Ratio uptake,
                                      const std::string& element) {
  if (uptake.den <= 0 || uptake.num < 0)
    throw_error(Errc::invalid_value, element + ": uptake must be a fraction >= 0 (" + uptake.to_string() + ")",
                {element});
  koers::detail::i128 total = 0;
  for (auto s : sizes) {
    detail::not_negative(s, element, "a target-group size");
    total += s;
  }
  koers::detail::i128 v = koers::detail::divide(total * uptake.num, uptake.den, Rounding::half_up);
  if (v > std::numeric_limits<std::int64_t>::max())
    throw_error(Errc::money_overflow, element + ": participants are out of the 64-bit range", {element});
  return static_cast<std::int64_t>(v);
}

CostBreakdown cost(const CostModel& m, std::optional<std::int64_t> participants, const std::string& element,
                   const CostOptions& o) {
  using detail::not_negative;
  not_negative(m.fixed.cents(), element, "the fixed cost");
  not_negative(m.per_run.cents(), element, "the cost per run");
  not_negative(m.runs, element, "the number of runs");
  not_negative(m.per_participant.cents(), element, "the cost per participant");
  if (m.participants) not_negative(*m.participants, element, "the number of participants");
  if (participants) not_negative(*participants, element, "the number of participants");
  if (m.stated_total) not_negative(m.stated_total->cents(), element, "cost_cents");
  const Ratio& s = m.ilb_share;
  if (s.den <= 0 || s.num < 0 || s.num > s.den)
    throw_error(Errc::invalid_value, element + ": the ILB share must be between 0 and 1 (" + s.to_string() + ")",
                {element});
  if (m.hours_per_participant) {
    const Ratio& h = *m.hours_per_participant;
    if (h.den <= 0 || h.num < 0)
      throw_error(Errc::invalid_value, element + ": learning hours must not be negative (" + h.to_string() + ")",
                  {element});
  }

  CostBreakdown b;
  b.rounding = o.rounding;
  b.participants = m.participants ? m.participants : participants;
  if (!b.participants && m.per_participant.cents() != 0)
    throw_error(Errc::missing_required,
                element + ": a cost per participant (" + m.per_participant.to_string() +
                    ") needs a number of participants (give participants, or target groups with a size)",
                {element});
  const koers::detail::i128 n = b.participants.value_or(0);
  b.fixed_part = m.fixed;
  b.run_part = detail::cents128(static_cast<koers::detail::i128>(m.per_run.cents()) * m.runs, element,
                                "the cost per run × runs");
  b.participant_part =
      detail::cents128(m.per_participant.cents() * n, element, "the cost per participant × participants");
  b.total = detail::cents128(
      static_cast<koers::detail::i128>(b.fixed_part.cents()) + b.run_part.cents() + b.participant_part.cents(), element,
      "the total cost");
  if (m.stated_total && *m.stated_total != b.total)
    throw BudgetError(
        Errc::inconsistent_cost,
        element + ": cost_cents " + std::to_string(m.stated_total->cents()) + " is not the cost model's total " +
            std::to_string(b.total.cents()) + " (fixed " + std::to_string(b.fixed_part.cents()) + " + per run " +
            std::to_string(m.per_run.cents()) + " × " + std::to_string(m.runs) + " + per participant " +
            std::to_string(m.per_participant.cents()) + " × " + std::to_string(static_cast<long long>(n)) + ")",
        {element});
  b.ilb_per_participant = Money::from_cents(static_cast<std::int64_t>(koers::detail::divide(
      static_cast<koers::detail::i128>(m.per_participant.cents()) * s.num, s.den, Rounding::floor)));
  b.ilb = detail::cents128(b.ilb_per_participant.cents() * n, element, "the ILB part");
  b.own = b.total - b.ilb;
  if (n > 0) {
    b.per_participant = detail::reduced(b.total.cents(), n, element, "the cost per participant");
    b.per_participant_rounded =
        Money::from_cents(static_cast<std::int64_t>(koers::detail::divide(b.total.cents(), n, o.rounding)));
  }
  if (m.hours_per_participant && b.participants) {
    const Ratio& h = *m.hours_per_participant;
    b.learning_hours = detail::reduced(n * h.num, h.den, element, "the learning hours");
    if (b.learning_hours->num > 0) {
      const koers::detail::i128 num = static_cast<koers::detail::i128>(b.total.cents()) * b.learning_hours->den,
                                den = b.learning_hours->num;
      b.per_hour = detail::reduced(num, den, element, "the cost per learning hour");
      b.per_hour_rounded =
          detail::cents128(koers::detail::divide(num, den, o.rounding), element, "the cost per learning hour");
    }
  }
  return b;
}

}  // namespace koers::budget

namespace koers::budget {

namespace detail {

namespace {
bool personal(std::string_view id, std::string_view name) {
  auto low = [](std::string_view v) {
    std::string s(v);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::string a = low(id), b = low(name);
  for (const char* w : {"persoonlijk", "personal"})
    if (a.find(w) != std::string::npos || b.find(w) != std::string::npos) return true;
  return false;
}
}  // namespace

bool names_personal(const Node& n) { return personal(n.id, n.name); }

}  // namespace detail

PlanCosts cost_plan(const StrategyGraph& g, const PlanCostOptions& o) {
  PlanCosts out;
  out.name = g.name;
  out.rounding = o.rounding.rounding;
  for (const auto& [id, ov] : o.overrides) {
    auto n = g.index_of(id);
    if (!n || g.node_kind(*n) != NodeKind::intervention)
      throw BudgetError(Errc::unknown_item, "cost override for '" + id + "', which is not an intervention of the model",
                        {id});
    (void)ov;
  }
  // edges by source
  std::map<std::string, std::vector<std::string>> targets, funded;
  for (const auto& e : g.edges()) {
    if (e.kind == EdgeKind::targets) targets[e.from].push_back(e.to);
    if (e.kind == EdgeKind::funded_by) funded[e.from].push_back(e.to);
  }
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (g.node_kind(i) != NodeKind::intervention) continue;
    const std::string& id = g.node_id(i);
    const auto participants = g.node_participants(i), cost_cents = g.node_cost_cents(i);
    const auto duration_hours = g.node_duration_hours(i);
    const CostOverride* ov = nullptr;
    if (auto it = o.overrides.find(id); it != o.overrides.end()) ov = &it->second;
    CostLine L;
    L.id = id;
    L.name = g.node_name(i);
    if (auto it = funded.find(id); it != funded.end() && !it->second.empty()) {
      L.stream = it->second.front();
      if (it->second.size() > 1)
        L.notes.push_back("funded by several streams; costed on the first, '" + L.stream + "'");
    }
    if (auto it = targets.find(id); it != targets.end()) L.target_groups = it->second;
    CostModel& m = L.model;
    // participants: override > model > target groups
    std::optional<std::int64_t> explicit_n;
    if (ov && ov->participants) {
      explicit_n = ov->participants;
      L.participants_from = "override";
    } else if (participants) {
      explicit_n = participants;
      L.participants_from = "model";
    }
    // price
    if (ov && ov->prices()) {
      L.costed = true;
      m.fixed = ov->fixed.value_or(Money{});
      m.per_run = ov->per_run.value_or(Money{});
      m.runs = ov->runs.value_or(1);
      m.per_participant = ov->per_participant.value_or(Money{});
      if (ov->cost)
        m.stated_total = ov->cost;
      else if (cost_cents)
        m.stated_total = Money::from_cents(*cost_cents);
    } else if (ov && ov->cost) {
      L.costed = true;
      m.fixed = *ov->cost;
      m.stated_total = ov->cost;
    } else if (cost_cents) {
      L.costed = true;
      const Money c = Money::from_cents(*cost_cents);
      m.stated_total = c;
      if (explicit_n && *explicit_n > 0 && c.cents() % *explicit_n == 0) {
        m.per_participant = Money::from_cents(c.cents() / *explicit_n);
      } else {
        m.fixed = c;
        if (explicit_n && *explicit_n > 0)
          L.notes.push_back("cost_cents / participants is not a whole number of cents: costed as a fixed amount");
      }
    }
    if (explicit_n) m.participants = explicit_n;
    // ILB share and hours
    if (ov && ov->ilb_share)
      m.ilb_share = *ov->ilb_share;
    else if (g.node_ilb_contribution(i))
      m.ilb_share = o.ilb_share;
    if (ov && ov->hours_per_participant)
      m.hours_per_participant = ov->hours_per_participant;
    else if (duration_hours)
      m.hours_per_participant = exact_hours(*duration_hours, id);
    // participants from the target groups, when not given
    std::optional<std::int64_t> from_groups;
    if (!explicit_n && !L.target_groups.empty()) {
      std::vector<std::int64_t> sizes;
      std::vector<std::string> missing;
      for (const auto& t : L.target_groups) {
        auto tg = g.index_of(t);
        if (auto size = tg ? g.node_size(*tg) : std::nullopt)
          sizes.push_back(*size);
        else
          missing.push_back(t);
      }
      if (missing.empty()) {
        from_groups = participants_from_groups(sizes, ov && ov->uptake ? *ov->uptake : o.uptake, id);
        L.participants_from = "target_groups";
      } else if (m.per_participant.cents() != 0) {
        std::vector<std::string> el{id};
        el.insert(el.end(), missing.begin(), missing.end());
        std::string list;
        for (const auto& s : missing) list += (list.empty() ? "'" : ", '") + s + "'";
        throw_error(Errc::missing_required,
                    id + ": participants come from its target groups, but " + list + " has no size", el);
      } else {
        L.notes.push_back("participants unknown: target group without a size");
      }
    }
    if (m.ilb_share.num != 0 && L.costed && m.per_participant.cents() == 0)
      L.notes.push_back("asks an ILB contribution, but has no cost per participant: nothing is charged to the ILB");
    L.cost = cost(m, from_groups, id, o.rounding);
    if (L.costed && L.cost.participants && !L.target_groups.empty() && L.participants_from != "target_groups") {
      std::int64_t cap = 0;
      bool all = true;
      for (const auto& t : L.target_groups) {
        auto tg = g.index_of(t);
        if (auto size = tg ? g.node_size(*tg) : std::nullopt)
          cap += *size;
        else
          all = false;
      }
      if (all && *L.cost.participants > cap)
        L.notes.push_back("more participants (" + std::to_string(*L.cost.participants) +
                          ") than its target groups hold (" + std::to_string(cap) + ")");
    }
    out.lines.push_back(std::move(L));
  }
  // the ILB stream
  Money ilb_due;
  for (const auto& L : out.lines) ilb_due += L.cost.ilb;
  if (!o.ilb_stream.empty()) {
    auto s = g.index_of(o.ilb_stream);
    if (!s || g.node_kind(*s) != NodeKind::budget_stream)
      throw BudgetError(Errc::unknown_stream, "ILB stream '" + o.ilb_stream + "' is not a budget stream of the model",
                        {o.ilb_stream});
    out.ilb_stream = o.ilb_stream;
  } else {
    std::vector<std::string> found;
    for (std::size_t i = 0; i < g.size(); ++i)
      if (g.node_kind(i) == NodeKind::budget_stream && detail::personal(g.node_id(i), g.node_name(i)))
        found.push_back(g.node_id(i));
    if (found.size() == 1)
      out.ilb_stream = found.front();
    else if (ilb_due.cents() != 0)
      throw BudgetError(Errc::unknown_stream,
                        found.empty() ? "interventions ask an ILB contribution, but no budget stream is named "
                                        "personal/persoonlijk: name the ILB stream"
                                      : "several budget streams are named personal/persoonlijk: name the ILB stream",
                        found);
  }
  // streams
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (g.node_kind(i) != NodeKind::budget_stream) continue;
    StreamCost s;
    s.id = g.node_id(i);
    s.name = g.node_name(i);
    if (auto b = g.node_budget_cents(i)) s.budget = Money::from_cents(*b);
    out.streams.push_back(s);
  }
  auto stream_row = [&](const std::string& id) -> StreamCost& {
    for (auto& s : out.streams)
      if (s.id == id) return s;
    out.streams.push_back(StreamCost{id, id.empty() ? "(no stream)" : id, std::nullopt, {}, {}, {}, std::nullopt});
    return out.streams.back();
  };
  koers::detail::i128 hours_num = 0, hours_den = 1;
  Money with_n, with_h;
  for (const auto& L : out.lines) {
    if (!L.costed) {
      out.uncosted.push_back(L.id);
      continue;
    }
    stream_row(L.stream).own += L.cost.own;
    out.total += L.cost.total;
    out.own += L.cost.own;
    out.ilb += L.cost.ilb;
    if (L.cost.participants) {
      out.participants = detail::cents128(static_cast<koers::detail::i128>(out.participants) + *L.cost.participants,
                                          L.id, "the participants")
                             .cents();
      with_n += L.cost.total;
    }
    if (L.cost.learning_hours) {
      const Ratio& h = *L.cost.learning_hours;
      auto r = detail::reduced(hours_num * h.den + static_cast<koers::detail::i128>(h.num) * hours_den,
                               hours_den * h.den, L.id, "the learning hours");
      hours_num = r.num;
      hours_den = r.den;
      with_h += L.cost.total;
    }
  }
  if (out.ilb.cents() != 0) stream_row(out.ilb_stream).ilb += out.ilb;
  for (auto& s : out.streams) {
    s.committed = s.own + s.ilb;
    if (s.budget) s.free = *s.budget - s.committed;
  }
  out.learning_hours = Ratio{static_cast<std::int64_t>(hours_num), static_cast<std::int64_t>(hours_den)};
  if (out.participants > 0) {
    out.per_participant = detail::reduced(with_n.cents(), out.participants, "plan", "the cost per participant");
    out.per_participant_rounded = Money::from_cents(
        static_cast<std::int64_t>(koers::detail::divide(with_n.cents(), out.participants, out.rounding)));
  }
  if (hours_num > 0) {
    const koers::detail::i128 num = static_cast<koers::detail::i128>(with_h.cents()) * hours_den;
    out.per_hour = detail::reduced(num, hours_num, "plan", "the cost per learning hour");
    out.per_hour_rounded =
        detail::cents128(koers::detail::divide(num, hours_num, out.rounding), "plan", "the cost per learning hour");
  }
  return out;
}

}  // namespace koers::budget
