#pragma once
/// \file
/// `koers::budget::cost_plan`: the cost of every intervention of a strategy graph (a CostModel per
/// intervention, from the model's fields or an override), who pays (the stream it is `funded_by`,
/// and the ILB parts on the personal-development stream), the unit costs, and per stream the
/// totals against the budget. Exact cents throughout (see cost_model.hpp for the rules).
///
/// The cost model of an intervention, from the model (docs/budget.md, "Costing the plan"):
/// - `cost_cents` with `participants` (> 0): priced per participant, per_participant =
///   cost_cents / participants — when that is a whole number of cents; otherwise a fixed amount
///   (with a note);
/// - `cost_cents` without `participants`: a fixed amount; the participants come from the target
///   groups (`targets` edges, each group's `size`) × uptake, for the unit costs;
/// - no `cost_cents`: not costed (listed in `uncosted`, left out of the totals);
/// - `ilb_contribution: true`: the ILB share is `PlanCostOptions::ilb_share` (the model gives none);
/// - `duration_hours`: learning hours per participant, exactly as written.
/// An override (`PlanCostOptions::overrides`, by intervention id) replaces any of these: when it
/// gives a price (fixed / per_run / runs / per_participant) that price is the cost model, and the
/// model's cost_cents (or the override's `cost`) must equal its total (E404).
#include <koers/budget/cost_model.hpp>
#include <koers/model/strategy_graph.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace koers::budget {

/// Changes to one intervention's cost model; every field optional.
struct CostOverride {
  std::optional<Money> fixed, per_run, per_participant;
  std::optional<std::int64_t> runs, participants;
  std::optional<Ratio> uptake, ilb_share, hours_per_participant;
  std::optional<Money> cost;  ///< the stated total (replaces the model's cost_cents)
  bool prices() const { return fixed || per_run || per_participant || runs; }
};

struct PlanCostOptions {
  Ratio ilb_share{1, 2};   ///< for interventions with ilb_contribution (illustrative default: half)
  Ratio uptake{1, 1};      ///< share of the target groups that takes part (participants from sizes)
  std::string ilb_stream;  ///< the stream that holds the ILBs; "" = the budget stream named personal/persoonlijk
  CostOptions rounding;
  std::map<std::string, CostOverride> overrides;  ///< by intervention id (E403 for unknown ids)
};

/// One intervention's line of the plan costing.
struct CostLine {
  std::string id, name;
  std::string stream;             ///< the budget stream it is funded_by ("" when none)
  bool costed = false;            ///< false: no cost known (the money fields are 0)
  std::string participants_from;  ///< "model", "override", "target_groups" or "" (unknown)
  std::vector<std::string> target_groups;
  CostModel model;
  CostBreakdown cost;
  std::vector<std::string> notes;
};

/// One budget stream: its budget against what the plan commits to it.
struct StreamCost {
  std::string id, name;           ///< id "" = interventions without a funded_by stream
  std::optional<Money> budget;
  Money own;                      ///< own parts of the interventions funded by it
  Money ilb;                      ///< ILB parts (only on the ILB stream)
  Money committed;                ///< own + ilb
  std::optional<Money> free;      ///< budget − committed (negative: over budget)
};

struct PlanCosts {
  std::string name;
  std::vector<CostLine> lines;
  std::vector<StreamCost> streams;
  std::string ilb_stream;         ///< "" when nothing is charged to an ILB and none was found
  Money total, own, ilb;          ///< over the costed interventions
  std::int64_t participants = 0;  ///< participant places of the costed interventions with a count
  Ratio learning_hours{0, 1};     ///< of the costed interventions with participants and hours
  std::optional<Ratio> per_participant, per_hour;   ///< Σ cost / Σ participants (Σ hours), same lines
  std::optional<Money> per_participant_rounded, per_hour_rounded;
  Rounding rounding = Rounding::half_even;
  std::vector<std::string> uncosted;
};

namespace detail {
inline bool names_personal(const Node& n) {
  auto low = [](std::string s) { for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c))); return s; };
  std::string a = low(n.id), b = low(n.name);
  for (const char* w : {"persoonlijk", "personal"})
    if (a.find(w) != std::string::npos || b.find(w) != std::string::npos) return true;
  return false;
}
}  // namespace detail

/// Cost every intervention of `g` (in the graph's order). Errors name the element: E403 an
/// override for an unknown intervention, E402 an unknown ILB stream (or none found when an ILB part
/// is due), E207 a target group without a size when participants come from it and are needed, and
/// those of `cost()` (E107, E114, E404).
inline PlanCosts cost_plan(const StrategyGraph& g, const PlanCostOptions& o = {}) {
  PlanCosts out;
  out.name = g.name;
  out.rounding = o.rounding.rounding;
  for (const auto& [id, ov] : o.overrides) {
    const Node* n = g.find(id);
    if (!n || n->kind != NodeKind::intervention)
      throw BudgetError(Errc::unknown_item, "cost override for '" + id + "', which is not an intervention of the model", {id});
    (void)ov;
  }
  // edges by source
  std::map<std::string, std::vector<std::string>> targets, funded;
  for (const auto& e : g.edges()) {
    if (e.kind == EdgeKind::targets) targets[e.from].push_back(e.to);
    if (e.kind == EdgeKind::funded_by) funded[e.from].push_back(e.to);
  }
  for (const auto& n : g.nodes()) {
    if (n.kind != NodeKind::intervention) continue;
    const CostOverride* ov = nullptr;
    if (auto it = o.overrides.find(n.id); it != o.overrides.end()) ov = &it->second;
    CostLine L;
    L.id = n.id;
    L.name = n.name;
    if (auto it = funded.find(n.id); it != funded.end() && !it->second.empty()) {
      L.stream = it->second.front();
      if (it->second.size() > 1) L.notes.push_back("funded by several streams; costed on the first, '" + L.stream + "'");
    }
    if (auto it = targets.find(n.id); it != targets.end()) L.target_groups = it->second;
    CostModel& m = L.model;
    // participants: override > model > target groups
    std::optional<std::int64_t> explicit_n;
    if (ov && ov->participants) { explicit_n = ov->participants; L.participants_from = "override"; }
    else if (n.participants) { explicit_n = n.participants; L.participants_from = "model"; }
    // price
    if (ov && ov->prices()) {
      L.costed = true;
      m.fixed = ov->fixed.value_or(Money{});
      m.per_run = ov->per_run.value_or(Money{});
      m.runs = ov->runs.value_or(1);
      m.per_participant = ov->per_participant.value_or(Money{});
      if (ov->cost) m.stated_total = ov->cost;
      else if (n.cost_cents) m.stated_total = Money::from_cents(*n.cost_cents);
    } else if (ov && ov->cost) {
      L.costed = true;
      m.fixed = *ov->cost;
      m.stated_total = ov->cost;
    } else if (n.cost_cents) {
      L.costed = true;
      const Money c = Money::from_cents(*n.cost_cents);
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
    if (ov && ov->ilb_share) m.ilb_share = *ov->ilb_share;
    else if (n.ilb_contribution) m.ilb_share = o.ilb_share;
    if (ov && ov->hours_per_participant) m.hours_per_participant = ov->hours_per_participant;
    else if (n.duration_hours) m.hours_per_participant = exact_hours(*n.duration_hours, n.id);
    // participants from the target groups, when not given
    std::optional<std::int64_t> from_groups;
    if (!explicit_n && !L.target_groups.empty()) {
      std::vector<std::int64_t> sizes;
      std::vector<std::string> missing;
      for (const auto& t : L.target_groups) {
        const Node* tg = g.find(t);
        if (tg && tg->size) sizes.push_back(*tg->size);
        else missing.push_back(t);
      }
      if (missing.empty()) {
        from_groups = participants_from_groups(sizes, ov && ov->uptake ? *ov->uptake : o.uptake, n.id);
        L.participants_from = "target_groups";
      } else if (m.per_participant.cents() != 0) {
        std::vector<std::string> el{n.id};
        el.insert(el.end(), missing.begin(), missing.end());
        std::string list;
        for (const auto& s : missing) list += (list.empty() ? "'" : ", '") + s + "'";
        throw_error(Errc::missing_required, n.id + ": participants come from its target groups, but " + list +
                          " has no size", el);
      } else {
        L.notes.push_back("participants unknown: target group without a size");
      }
    }
    if (m.ilb_share.num != 0 && L.costed && m.per_participant.cents() == 0)
      L.notes.push_back("asks an ILB contribution, but has no cost per participant: nothing is charged to the ILB");
    L.cost = cost(m, from_groups, n.id, o.rounding);
    if (L.costed && L.cost.participants && !L.target_groups.empty() && L.participants_from != "target_groups") {
      std::int64_t cap = 0;
      bool all = true;
      for (const auto& t : L.target_groups) {
        const Node* tg = g.find(t);
        if (tg && tg->size) cap += *tg->size; else all = false;
      }
      if (all && *L.cost.participants > cap)
        L.notes.push_back("more participants (" + std::to_string(*L.cost.participants) + ") than its target groups hold (" +
                          std::to_string(cap) + ")");
    }
    out.lines.push_back(std::move(L));
  }
  // the ILB stream
  Money ilb_due;
  for (const auto& L : out.lines) ilb_due += L.cost.ilb;
  if (!o.ilb_stream.empty()) {
    const Node* s = g.find(o.ilb_stream);
    if (!s || s->kind != NodeKind::budget_stream)
      throw BudgetError(Errc::unknown_stream, "ILB stream '" + o.ilb_stream + "' is not a budget stream of the model", {o.ilb_stream});
    out.ilb_stream = o.ilb_stream;
  } else {
    std::vector<std::string> found;
    for (const auto& n : g.nodes())
      if (n.kind == NodeKind::budget_stream && detail::names_personal(n)) found.push_back(n.id);
    if (found.size() == 1) out.ilb_stream = found.front();
    else if (ilb_due.cents() != 0)
      throw BudgetError(Errc::unknown_stream, found.empty()
                            ? "interventions ask an ILB contribution, but no budget stream is named personal/persoonlijk: name the ILB stream"
                            : "several budget streams are named personal/persoonlijk: name the ILB stream", found);
  }
  // streams
  for (const auto& n : g.nodes()) {
    if (n.kind != NodeKind::budget_stream) continue;
    StreamCost s;
    s.id = n.id;
    s.name = n.name;
    if (n.budget_cents) s.budget = Money::from_cents(*n.budget_cents);
    out.streams.push_back(s);
  }
  auto stream_row = [&](const std::string& id) -> StreamCost& {
    for (auto& s : out.streams) if (s.id == id) return s;
    out.streams.push_back(StreamCost{id, id.empty() ? "(no stream)" : id, std::nullopt, {}, {}, {}, std::nullopt});
    return out.streams.back();
  };
  koers::detail::i128 hours_num = 0, hours_den = 1;
  Money with_n, with_h;
  for (const auto& L : out.lines) {
    if (!L.costed) { out.uncosted.push_back(L.id); continue; }
    stream_row(L.stream).own += L.cost.own;
    out.total += L.cost.total;
    out.own += L.cost.own;
    out.ilb += L.cost.ilb;
    if (L.cost.participants) {
      out.participants = detail::cents128(static_cast<koers::detail::i128>(out.participants) + *L.cost.participants, L.id, "the participants").cents();
      with_n += L.cost.total;
    }
    if (L.cost.learning_hours) {
      const Ratio& h = *L.cost.learning_hours;
      auto r = detail::reduced(hours_num * h.den + static_cast<koers::detail::i128>(h.num) * hours_den, hours_den * h.den, L.id, "the learning hours");
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
    out.per_participant_rounded = Money::from_cents(static_cast<std::int64_t>(koers::detail::divide(with_n.cents(), out.participants, out.rounding)));
  }
  if (hours_num > 0) {
    const koers::detail::i128 num = static_cast<koers::detail::i128>(with_h.cents()) * hours_den;
    out.per_hour = detail::reduced(num, hours_num, "plan", "the cost per learning hour");
    out.per_hour_rounded = detail::cents128(koers::detail::divide(num, hours_num, out.rounding), "plan", "the cost per learning hour");
  }
  return out;
}

}  // namespace koers::budget
