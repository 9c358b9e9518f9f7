// JSON views of GRL models and evaluation results (for the Python layer and the CLI).
#include <koers/analysis/grl.hpp>

#include <nlohmann/json.hpp>

namespace koers::grl {
namespace {
using json = nlohmann::json;

json input_json(const Input& in) {
  json j{{"source", in.source},
         {"source_name", in.source_name},
         {"link", to_string(in.link)},
         {"source_value", in.source_value},
         {"source_label", to_string(in.source_label)},
         {"amount", in.amount},
         {"amount_label", to_string(in.amount_label)},
         {"decisive", in.decisive}};
  j["contribution"] = in.contribution ? json(std::string(to_string(*in.contribution))) : json(nullptr);
  j["strength"] = in.link == LinkKind::contribution ? json(in.strength) : json(nullptr);
  return j;
}
std::string dump(const json& j, int indent) {
  return j.dump(indent < 0 ? -1 : indent, ' ', false, json::error_handler_t::replace);
}
}  // namespace

std::string to_json(const Result& r, int indent) {
  json els = json::array();
  for (auto& e : r.elements) {
    json ins = json::array();
    for (auto& in : e.inputs) ins.push_back(input_json(in));
    els.push_back({{"id", e.id},
                   {"name", e.name},
                   {"kind", e.kind},
                   {"value", e.value},
                   {"label", to_string(e.label)},
                   {"given", e.given},
                   {"rule", e.rule},
                   {"inputs", ins}});
  }
  json acts = json::array();
  for (auto& a : r.actors) {
    json ins = json::array();
    for (auto& in : a.inputs) {
      json j = input_json(in);
      j["link"] = "importance";
      j["importance"] = in.strength;
      j.erase("strength");
      j.erase("contribution");
      ins.push_back(j);
    }
    acts.push_back(
        {{"id", a.id}, {"name", a.name}, {"value", a.value}, {"label", to_string(a.label)}, {"inputs", ins}});
  }
  json j{{"strategy", r.strategy}, {"algorithm", to_string(r.algorithm)}, {"elements", els}, {"actors", acts}};
  return dump(j, indent);
}

std::string to_json(const Model& m, int indent) {
  json els = json::array();
  for (auto& e : m.elements)
    els.push_back({{"id", e.id},
                   {"name", e.name},
                   {"type", to_string(e.type)},
                   {"kind", e.kind.empty() ? std::string(to_string(e.type)) : e.kind},
                   {"decomposition", koers::to_string(e.decomposition)},
                   {"importance", to_string(e.importance)},
                   {"importance_quantitative", e.importance_quantitative}});
  json links = json::array();
  for (auto& l : m.links) {
    json j{{"id", l.id}, {"kind", to_string(l.kind)}, {"src", l.src}, {"dest", l.dest}};
    if (l.kind == LinkKind::contribution) {
      j["contribution"] = to_string(l.contribution);
      j["strength"] = l.strength;
      j["correlation"] = l.correlation;
    }
    links.push_back(j);
  }
  json actors = json::array();
  for (auto& a : m.actors)
    actors.push_back({{"id", a.id},
                      {"name", a.name},
                      {"importance", to_string(a.importance)},
                      {"importance_quantitative", a.importance_quantitative},
                      {"elements", a.elements},
                      {"actors", a.actors}});
  json strategies = json::array();
  for (auto& s : m.strategies) {
    json evs = json::array();
    for (auto& e : s.evaluations)
      evs.push_back({{"element", e.element},
                     {"value", e.value},
                     {"label", std::string(to_string(e.label.value_or(label_of(e.value))))}});
    strategies.push_back({{"id", s.id},
                          {"name", s.name},
                          {"description", s.description},
                          {"evaluations", evs},
                          {"includes", s.includes}});
  }
  json j{{"name", m.name},   {"default_algorithm", to_string(m.default_algorithm)},
         {"elements", els},  {"links", links},
         {"actors", actors}, {"strategies", strategies}};
  return dump(j, indent);
}

namespace {
template <class E, std::size_t N>
E parse_name(const json& j, const char* key, const E (&all)[N]) {
  const auto& v = j.at(key);
  if (v.is_string())
    for (E e : all)
      if (to_string(e) == v.get<std::string>()) return e;
  throw InputError(Errc::invalid_value,
                   std::string("GRL model: '") + key + "' is " + v.dump(-1, ' ', false, json::error_handler_t::replace),
                   {key});
}
constexpr ElementType k_types[] = {ElementType::softgoal, ElementType::goal, ElementType::task, ElementType::resource,
                                   ElementType::indicator};
constexpr Importance k_importances[] = {Importance::high, Importance::medium, Importance::low, Importance::none};
constexpr LinkKind k_links[] = {LinkKind::decomposition, LinkKind::contribution, LinkKind::dependency};
constexpr ContributionType k_contributions[] = {
    ContributionType::make,          ContributionType::help, ContributionType::some_positive, ContributionType::unknown,
    ContributionType::some_negative, ContributionType::hurt, ContributionType::break_};
constexpr Label k_labels[] = {Label::denied,    Label::weakly_denied, Label::weakly_satisfied,
                              Label::satisfied, Label::conflict,      Label::unknown,
                              Label::none};
constexpr Algorithm k_algorithms[] = {Algorithm::quantitative, Algorithm::qualitative};
constexpr Decomposition k_decompositions[] = {Decomposition::and_, Decomposition::or_, Decomposition::xor_};
}  // namespace

Model model_from_json(std::string_view text) {
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    throw InputError(Errc::not_json, std::string("GRL model: not valid JSON: ") + e.what());
  }
  try {
    Model m;
    m.name = j.at("name").get<std::string>();
    m.default_algorithm = parse_name(j, "default_algorithm", k_algorithms);
    for (const auto& e : j.at("elements")) {
      Element el;
      el.id = e.at("id").get<std::string>();
      el.name = e.at("name").get<std::string>();
      el.type = parse_name(e, "type", k_types);
      el.kind = e.at("kind").get<std::string>();
      if (el.kind == to_string(el.type)) el.kind.clear();  // to_json writes the type for "no kind"
      el.decomposition = parse_name(e, "decomposition", k_decompositions);
      el.importance = parse_name(e, "importance", k_importances);
      el.importance_quantitative = e.at("importance_quantitative").get<int>();
      m.elements.push_back(std::move(el));
    }
    for (const auto& l : j.at("links")) {
      Link ln;
      ln.id = l.at("id").get<std::string>();
      ln.kind = parse_name(l, "kind", k_links);
      ln.src = l.at("src").get<std::string>();
      ln.dest = l.at("dest").get<std::string>();
      if (ln.kind == LinkKind::contribution) {
        ln.contribution = parse_name(l, "contribution", k_contributions);
        ln.strength = l.at("strength").get<int>();
        ln.correlation = l.at("correlation").get<bool>();
      }
      m.links.push_back(std::move(ln));
    }
    for (const auto& a : j.at("actors")) {
      Actor ac;
      ac.id = a.at("id").get<std::string>();
      ac.name = a.at("name").get<std::string>();
      ac.importance = parse_name(a, "importance", k_importances);
      ac.importance_quantitative = a.at("importance_quantitative").get<int>();
      ac.elements = a.at("elements").get<std::vector<std::string>>();
      ac.actors = a.at("actors").get<std::vector<std::string>>();
      m.actors.push_back(std::move(ac));
    }
    for (const auto& s : j.at("strategies")) {
      Strategy st;
      st.id = s.at("id").get<std::string>();
      st.name = s.at("name").get<std::string>();
      st.description = s.at("description").get<std::string>();
      for (const auto& e : s.at("evaluations")) {
        Evaluation ev{e.at("element").get<std::string>(), e.at("value").get<int>(), parse_name(e, "label", k_labels)};
        if (*ev.label == label_of(ev.value)) ev.label.reset();  // to_json writes the derived label too
        st.evaluations.push_back(std::move(ev));
      }
      st.includes = s.at("includes").get<std::vector<std::string>>();
      m.strategies.push_back(std::move(st));
    }
    return m;
  } catch (const json::out_of_range& e) {
    throw InputError(Errc::missing_field, std::string("GRL model: ") + e.what());
  } catch (const json::type_error& e) { throw InputError(Errc::wrong_type, std::string("GRL model: ") + e.what()); }
}

}  // namespace koers::grl
