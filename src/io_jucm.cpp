// jUCMNav .jucm (EMF XMI) → koers::grl::Model, with pugixml. Every problem is an InputError:
// E116 not XML, E600 not a readable GRL model (naming the element and attribute).
#include <koers/io/jucm.hpp>

#include <pugixml.hpp>

#include <koers/io/file.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace koers::io {
namespace {

constexpr std::size_t max_jucm_bytes = max_file_bytes;  // 1 GiB

std::string_view local_name(std::string_view qname) {
  auto p = qname.find(':');
  return p == std::string_view::npos ? qname : qname.substr(p + 1);
}

struct Reader {
  std::string origin;

  [[noreturn]] void fail(const std::string& what, const std::string& element) const {
    throw InputError(Errc::jucm_format, origin + ": " + what, {element});
  }

  std::string where(const pugi::xml_node& n) const {
    std::string s = "<" + std::string(n.name());
    if (auto id = n.attribute("id"))
      s += " id=\"" + std::string(id.value()) + "\"";
    else if (auto nm = n.attribute("name"))
      s += " name=\"" + std::string(nm.value()) + "\"";
    return s + ">";
  }

  int integer(const pugi::xml_node& n, const char* attr, int def, int lo, int hi) const {
    auto a = n.attribute(attr);
    if (!a) return def;
    std::string_view v = a.value();
    int out = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || p != v.data() + v.size() || v.empty())
      fail(where(n) + " attribute " + attr + "=\"" + std::string(v) + "\" is not an integer",
           n.attribute("id").value());
    if (out < lo || out > hi)
      fail(where(n) + " attribute " + attr + "=\"" + std::string(v) + "\" is outside " + std::to_string(lo) + ".." +
               std::to_string(hi),
           n.attribute("id").value());
    return out;
  }

  std::vector<std::string> ids(const pugi::xml_node& n, const char* attr) const {
    std::vector<std::string> out;
    std::istringstream in(n.attribute(attr).value());
    std::string t;
    while (in >> t) out.push_back(t);
    return out;
  }

  std::string required(const pugi::xml_node& n, const char* attr) const {
    auto a = n.attribute(attr);
    if (!a || !*a.value()) fail(where(n) + " lacks the attribute " + attr, n.attribute("id").value());
    return a.value();
  }
};

}  // namespace

grl::Model parse_jucm(std::string_view text, const std::string& origin) {
  using namespace koers::grl;
  Reader rd{origin};
  if (text.size() > max_jucm_bytes) throw InputError(Errc::too_large, origin + " is larger than 1 GiB", {origin});
  pugi::xml_document doc;
  // no DTD/entity expansion beyond the five predefined ones: pugixml never fetches anything
  auto res = doc.load_buffer(text.data(), text.size(), pugi::parse_default & ~pugi::parse_doctype);
  if (!res)
    throw InputError(Errc::not_xml,
                     origin + " is not well-formed XML: " + std::string(res.description()) + " at offset " +
                         std::to_string(res.offset),
                     {origin});
  // pugixml converts Latin-1 (jUCMNav writes ISO-8859-1) and UTF-16/32 to UTF-8, but passes
  // UTF-8 through unchecked: a broken byte there would break every name read from the file
  if (res.encoding == pugi::encoding_utf8)
    if (auto bad = invalid_utf8(text))
      throw InputError(Errc::not_utf8,
                       origin + " is not valid UTF-8 (byte " + std::to_string(*bad) +
                           "); jUCMNav files are UTF-8 or declare encoding=\"ISO-8859-1\"",
                       {origin});
  pugi::xml_node root = doc.document_element();
  if (!root || local_name(root.name()) != "URNspec")
    throw InputError(Errc::jucm_format,
                     origin + " is not a jUCMNav file: its root element is <" + std::string(root ? root.name() : "") +
                         ">, not <urn:URNspec>",
                     {root ? root.name() : origin});
  pugi::xml_node grl;
  for (auto c : root.children())
    if (local_name(c.name()) == "grlspec") {
      grl = c;
      break;
    }
  if (!grl) throw InputError(Errc::jucm_format, origin + " has no <grlspec>: not a GRL model", {"grlspec"});

  Model m;
  m.name = root.attribute("name").value();
  m.default_algorithm = Algorithm::qualitative;
  std::set<std::string> element_ids, actor_ids;

  static const std::map<std::string_view, ElementType> types{
      {"Softgoal", ElementType::softgoal},  {"Goal", ElementType::goal},         {"Task", ElementType::task},
      {"Ressource", ElementType::resource}, {"Resource", ElementType::resource}, {"Indicator", ElementType::indicator}};
  static const std::map<std::string_view, Decomposition> decs{
      {"And", Decomposition::and_}, {"Or", Decomposition::or_}, {"Xor", Decomposition::xor_}};
  static const std::map<std::string_view, Importance> imps{
      {"High", Importance::high}, {"Medium", Importance::medium}, {"Low", Importance::low}, {"None", Importance::none}};
  auto pick = [&](const auto& table, const pugi::xml_node& n, const char* attr, auto def) {
    auto a = n.attribute(attr);
    if (!a) return def;
    auto it = table.find(std::string_view(a.value()));
    if (it == table.end())
      rd.fail(rd.where(n) + " attribute " + attr + "=\"" + a.value() + "\" is not one jUCMNav writes",
              n.attribute("id").value());
    return it->second;
  };

  for (auto n : grl.children("intElements")) {
    Element e;
    e.id = rd.required(n, "id");
    if (!element_ids.insert(e.id).second) rd.fail("two intentional elements have the id '" + e.id + "'", e.id);
    e.name = n.attribute("name") ? n.attribute("name").value() : e.id;
    e.type = pick(types, n, "type", ElementType::softgoal);
    e.decomposition = pick(decs, n, "decompositionType", Decomposition::and_);
    e.importance = pick(imps, n, "importance", Importance::none);
    e.importance_quantitative = rd.integer(n, "importanceQuantitative", 0, 0, 100);
    e.kind = std::string(to_string(e.type));
    m.elements.push_back(std::move(e));
  }
  for (auto n : grl.children("actors")) {
    Actor a;
    a.id = rd.required(n, "id");
    if (!actor_ids.insert(a.id).second) rd.fail("two actors have the id '" + a.id + "'", a.id);
    a.name = n.attribute("name") ? n.attribute("name").value() : a.id;
    a.importance = pick(imps, n, "importance", Importance::none);
    a.importance_quantitative = rd.integer(n, "importanceQuantitative", 0, 0, 100);
    m.actors.push_back(std::move(a));
  }
  for (auto n : grl.children("links")) {
    Link l;
    l.id = rd.required(n, "id");
    std::string type = local_name(n.attribute("xsi:type").value()).data();
    l.src = rd.required(n, "src");
    l.dest = rd.required(n, "dest");
    if (type == "Decomposition") {
      l.kind = LinkKind::decomposition;
    } else if (type == "Dependency") {
      l.kind = LinkKind::dependency;
    } else if (type == "Contribution") {
      l.kind = LinkKind::contribution;
      if (auto a = n.attribute("contribution")) {
        auto c = parse_contribution(a.value());
        if (!c || std::string_view(a.value()) != to_string(*c))
          rd.fail(rd.where(n) + " attribute contribution=\"" + a.value() + "\" is not a jUCMNav contribution type",
                  l.id);
        l.contribution = *c;
      }
      l.strength = rd.integer(n, "quantitativeContribution", 25, -100, 100);
      l.correlation = std::string_view(n.attribute("correlation").value()) == "true";
    } else {
      rd.fail(rd.where(n) + " is a link of type '" + std::string(n.attribute("xsi:type").value()) +
                  "', which koers cannot evaluate (Decomposition, Contribution, Dependency)",
              l.id);
    }
    // jUCMNav propagates between intentional elements only; links that touch an actor are
    // not part of the evaluation (its algorithm would fail on them).
    if (actor_ids.count(l.src) || actor_ids.count(l.dest)) continue;
    for (auto* end : {&l.src, &l.dest})
      if (!element_ids.count(*end))
        rd.fail(rd.where(n) + " names '" + *end + "', which is not an intentional element", l.id);
    m.links.push_back(std::move(l));
  }
  // actors hold elements through their references on the diagrams
  std::unordered_map<std::string, std::string> node_def;      // IntentionalElementRef id -> element id
  std::unordered_map<std::string, std::string> ref_actor;     // ActorRef id -> actor id
  std::map<std::string, std::vector<std::string>> ref_nodes;  // ActorRef id -> node ids
  std::map<std::string, std::vector<std::string>> ref_children;
  for (auto diag : root.children()) {
    if (local_name(diag.name()) != "urndef") continue;
    for (auto sd : diag.children("specDiagrams")) {
      for (auto node : sd.children("nodes")) {
        if (local_name(node.attribute("xsi:type").value()) != "IntentionalElementRef") continue;
        std::string id = node.attribute("id").value(), def = node.attribute("def").value();
        node_def[id] = def;
        if (auto c = node.attribute("contRef")) ref_nodes[c.value()].push_back(id);
      }
      for (auto cr : sd.children("contRefs")) {
        if (local_name(cr.attribute("xsi:type").value()) != "ActorRef") continue;
        std::string id = cr.attribute("id").value();
        ref_actor[id] = cr.attribute("contDef").value();
        for (auto& nid : rd.ids(cr, "nodes")) ref_nodes[id].push_back(nid);
        if (auto p = cr.attribute("parent")) ref_children[p.value()].push_back(id);
        for (auto& cid : rd.ids(cr, "children")) ref_children[id].push_back(cid);
      }
    }
  }
  for (auto& a : m.actors) {
    for (auto& [ref, actor] : ref_actor) {
      if (actor != a.id) continue;
      std::set<std::string> seen_nodes;
      for (auto& nid : ref_nodes[ref]) {
        if (!seen_nodes.insert(nid).second) continue;
        auto it = node_def.find(nid);
        if (it != node_def.end() && element_ids.count(it->second)) a.elements.push_back(it->second);
      }
      std::set<std::string> seen_children;
      for (auto& cid : ref_children[ref]) {
        if (!seen_children.insert(cid).second) continue;
        auto it = ref_actor.find(cid);
        if (it != ref_actor.end() && it->second != a.id) a.actors.push_back(it->second);
      }
    }
  }
  for (auto n : grl.children("strategies")) {
    grl::Strategy s;
    s.id = rd.required(n, "id");
    s.name = n.attribute("name") ? n.attribute("name").value() : s.id;
    s.description = n.attribute("description").value();
    s.includes = rd.ids(n, "includedStrategies");
    for (auto ev : n.children("evaluations")) {
      Evaluation e;
      e.element = rd.required(ev, "intElement");
      if (!element_ids.count(e.element))
        rd.fail("strategy '" + s.name + "' evaluates '" + e.element + "', which is not an intentional element",
                e.element);
      std::optional<Label> ql;
      if (auto a = ev.attribute("qualitativeEvaluation")) {
        ql = parse_label(a.value());
        if (!ql)
          rd.fail("strategy '" + s.name + "': qualitativeEvaluation=\"" + a.value() + "\" of element '" + e.element +
                      "' is not a jUCMNav label",
                  e.element);
      }
      if (ev.attribute("evaluation")) {
        e.value = rd.integer(ev, "evaluation", 0, -102, 100);  // jUCMNav keeps the label in step with the number
      } else if (ql) {
        e.value = value_of(*ql);
        e.label = ql;
      }
      s.evaluations.push_back(std::move(e));
    }
    m.strategies.push_back(std::move(s));
  }
  return m;
}

grl::Model load_jucm(const std::string& path) {
  std::string text = read_file(path, max_jucm_bytes);
  grl::Model m = parse_jucm(text, "'" + path + "'");
  if (m.name.empty() || m.name == "URNspec")  // jUCMNav's default name says nothing: use the file's
    m.name = std::filesystem::path(path).stem().string();
  return m;
}

}  // namespace koers::io
