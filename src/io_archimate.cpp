// ArchiMate Model Exchange File Format 3.x → koers::archimate::Model, with pugixml.
// Every problem is an InputError naming the line and the element (codes in io/archimate.hpp).
#include <koers/io/archimate.hpp>
#include <koers/io/file.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>

namespace koers::archimate {
namespace {

constexpr std::string_view element_types[] = {"BusinessActor",
                                              "BusinessRole",
                                              "BusinessCollaboration",
                                              "BusinessInterface",
                                              "BusinessProcess",
                                              "BusinessFunction",
                                              "BusinessInteraction",
                                              "BusinessEvent",
                                              "BusinessService",
                                              "BusinessObject",
                                              "Contract",
                                              "Representation",
                                              "Product",
                                              "ApplicationComponent",
                                              "ApplicationCollaboration",
                                              "ApplicationInterface",
                                              "ApplicationFunction",
                                              "ApplicationInteraction",
                                              "ApplicationProcess",
                                              "ApplicationEvent",
                                              "ApplicationService",
                                              "DataObject",
                                              "Node",
                                              "Device",
                                              "SystemSoftware",
                                              "TechnologyCollaboration",
                                              "TechnologyInterface",
                                              "Path",
                                              "CommunicationNetwork",
                                              "TechnologyFunction",
                                              "TechnologyProcess",
                                              "TechnologyInteraction",
                                              "TechnologyEvent",
                                              "TechnologyService",
                                              "Artifact",
                                              "Equipment",
                                              "Facility",
                                              "DistributionNetwork",
                                              "Material",
                                              "Stakeholder",
                                              "Driver",
                                              "Assessment",
                                              "Goal",
                                              "Outcome",
                                              "Principle",
                                              "Requirement",
                                              "Constraint",
                                              "Meaning",
                                              "Value",
                                              "Resource",
                                              "Capability",
                                              "CourseOfAction",
                                              "ValueStream",
                                              "WorkPackage",
                                              "Deliverable",
                                              "ImplementationEvent",
                                              "Plateau",
                                              "Gap",
                                              "Grouping",
                                              "Location",
                                              "AndJunction",
                                              "OrJunction"};
constexpr std::string_view relationship_types[] = {"Composition", "Aggregation",    "Assignment", "Realization",
                                                   "Serving",     "Access",         "Influence",  "Triggering",
                                                   "Flow",        "Specialization", "Association"};
constexpr std::string_view access_types[] = {"Access", "Read", "Write", "ReadWrite"};
constexpr std::string_view data_types[] = {"string", "boolean", "currency", "date", "time", "number"};

constexpr std::string_view xsi_uri = "http://www.w3.org/2001/XMLSchema-instance";

template <std::size_t N>
bool one_of(std::string_view s, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}

std::string_view local(std::string_view qname) {
  auto p = qname.find(':');
  return p == std::string_view::npos ? qname : qname.substr(p + 1);
}

std::string raw_xml(const pugi::xml_node& n) {
  std::ostringstream out;
  n.print(out, "", pugi::format_raw);
  return out.str();
}

struct Reader {
  std::string_view text;
  std::string origin;
  std::string xsi;                     // "xsi:type" with the file's prefix (the first declared; "xsi" when several)
  std::vector<std::string> xsi_types;  // every prefix the file declares for the XSI namespace, + ":type"
  mutable std::vector<std::size_t> newlines;

  std::size_t line_at(std::ptrdiff_t offset) const {
    if (newlines.empty()) {
      newlines.reserve(text.size() / 40 + 16);
      newlines.push_back(0);
      const char* b = text.data();
      const char* e = b + text.size();
      for (const char* p = b; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p))));)
        newlines.push_back(static_cast<std::size_t>(++p - b));
    }
    if (offset < 0) return 0;
    auto it = std::upper_bound(newlines.begin(), newlines.end(), static_cast<std::size_t>(offset));
    return static_cast<std::size_t>(it - newlines.begin());
  }
  std::size_t line(const pugi::xml_node& n) const { return line_at(n.offset_debug()); }

  std::string where(const pugi::xml_node& n) const {
    std::string s = origin + ":" + std::to_string(line(n)) + ": <" + std::string(n.name());
    if (auto id = n.attribute("identifier")) s += " identifier=\"" + std::string(id.value()) + "\"";
    if (auto t = type_attr(n)) s += " " + std::string(t.name()) + "=\"" + std::string(t.value()) + "\"";
    return s + ">";
  }
  [[noreturn]] void fail(Errc code, const pugi::xml_node& n, const std::string& what) const {
    std::string id = n.attribute("identifier").value();
    throw_error(code, where(n) + " " + what, {id.empty() ? std::string(n.name()) : id});
  }

  pugi::xml_attribute type_attr(const pugi::xml_node& n) const {
    for (const auto& t : xsi_types)
      if (auto a = n.attribute(t.c_str())) return a;
    return {};
  }

  // every prefix the root declares for the exchange namespace ("" for the default namespace)
  std::vector<std::string> prefixes;
  bool exchange_prefix(std::string_view q, std::string_view& local_name) const {
    auto p = q.find(':');
    std::string_view prefix = p == std::string_view::npos ? std::string_view{} : q.substr(0, p);
    local_name = p == std::string_view::npos ? q : q.substr(p + 1);
    for (const auto& x : prefixes)
      if (x == prefix) return true;
    return false;
  }
  bool is(const pugi::xml_node& n, std::string_view name) const {
    std::string_view l;
    return exchange_prefix(n.name(), l) && l == name;
  }
  bool foreign(const pugi::xml_node& n) const {  // an element of another namespace (grp.any)
    std::string_view l;
    return !exchange_prefix(n.name(), l);
  }

  std::string identifier(const pugi::xml_node& n, bool required = true) const {
    auto a = n.attribute("identifier");
    if (!a) {
      if (required) fail(Errc::archimate_format, n, "lacks the attribute identifier");
      return {};
    }
    std::string_view v = a.value();
    if (!is_xs_id(v))
      fail(Errc::invalid_identifier, n,
           "has identifier \"" + std::string(v) +
               "\", which is not a valid xs:ID (an NCName: a letter or _ first, no ':' or spaces)");
    return std::string(v);
  }

  LangString lang_string(const pugi::xml_node& n) const { return {n.attribute("xml:lang").value(), n.child_value()}; }

  std::vector<Property> properties(const pugi::xml_node& props, const Model& m) const {
    std::vector<Property> out;
    std::size_t n = 0;
    for (auto p = props.first_child(); p; p = p.next_sibling()) ++n;
    out.reserve(n);
    for (auto p : props.children()) {
      if (p.type() != pugi::node_element) continue;
      if (!is(p, "property")) fail(Errc::archimate_format, p, "is not a <property>");
      Property prop;
      auto ref = p.attribute("propertyDefinitionRef");
      if (!ref) fail(Errc::archimate_format, p, "lacks the attribute propertyDefinitionRef");
      prop.definition = ref.value();
      if (!m.definition_index.count(prop.definition))
        fail(Errc::unknown_property_definition, p,
             "names the property definition \"" + prop.definition + "\", which the file does not define");
      for (auto v : p.children()) {
        if (v.type() != pugi::node_element) continue;
        if (!is(v, "value")) fail(Errc::archimate_format, v, "is not a <value>");
        prop.values.push_back(lang_string(v));
      }
      out.push_back(std::move(prop));
    }
    return out;
  }

  // name*, documentation*, grp.any, properties? — common to elements, relationships and the model
  template <class T>
  void concept_children(const pugi::xml_node& n, T& c, const Model& m) const {
    for (auto ch : n.children()) {
      if (ch.type() != pugi::node_element) continue;
      if (is(ch, "name"))
        c.names.push_back(lang_string(ch));
      else if (is(ch, "documentation"))
        c.documentation.push_back(lang_string(ch));
      else if (is(ch, "properties"))
        c.properties = properties(ch, m);
      else if (foreign(ch))
        c.extensions += raw_xml(ch);
      else
        fail(Errc::archimate_format, ch, "is not allowed inside <" + std::string(n.name()) + ">");
    }
  }

  void item(const pugi::xml_node& n, Item& it, std::size_t depth, std::size_t& count) const {
    if (depth > 256) fail(Errc::archimate_format, n, "nests organization items deeper than 256 levels");
    ++count;
    it.id = identifier(n, false);
    it.ref = n.attribute("identifierRef").value();
    for (auto ch : n.children()) {
      if (ch.type() != pugi::node_element) continue;
      if (is(ch, "label"))
        it.labels.push_back(lang_string(ch));
      else if (is(ch, "documentation"))
        it.documentation.push_back(lang_string(ch));
      else if (is(ch, "item")) {
        it.items.emplace_back();
        item(ch, it.items.back(), depth + 1, count);
      } else if (!foreign(ch))
        fail(Errc::archimate_format, ch, "is not allowed inside <item>");
    }
  }
};

void refuse_doctype(const Reader& rd, const pugi::xml_document& doc) {
  for (auto n : doc.children()) {
    if (n.type() != pugi::node_doctype) continue;
    std::string_view v = n.value();
    for (std::string_view bad : {"ENTITY", "SYSTEM", "PUBLIC"})
      if (v.find(bad) != std::string_view::npos)
        throw_error(Errc::xml_entity,
                    rd.origin + ":" + std::to_string(rd.line(n)) + ": <!DOCTYPE> " +
                        (bad == "ENTITY" ? "declares entities" : "names an external DTD") +
                        "; koers refuses DTD entities (entity expansion and external entities are a known attack)",
                    {"DOCTYPE"});
  }
}

void count_items(const std::vector<Item>& v, std::size_t& n) {
  for (const auto& i : v) {
    ++n;
    count_items(i.items, n);
  }
}

}  // namespace

bool is_element_type(std::string_view type) { return one_of(type, element_types); }
bool is_relationship_type(std::string_view type) { return one_of(type, relationship_types); }

bool is_xs_id(std::string_view s) {
  if (s.empty()) return false;
  auto start = [](unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
  };
  if (!start(static_cast<unsigned char>(s[0]))) return false;
  for (unsigned char c : s.substr(1))
    if (!(start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  return true;
}

void Model::reindex() {
  element_index.clear();
  relationship_index.clear();
  definition_index.clear();
  element_index.reserve(elements.size());
  relationship_index.reserve(relationships.size());
  for (std::size_t i = 0; i < elements.size(); ++i) element_index.emplace(elements[i].id, i);
  for (std::size_t i = 0; i < relationships.size(); ++i) relationship_index.emplace(relationships[i].id, i);
  for (std::size_t i = 0; i < property_definitions.size(); ++i) definition_index.emplace(property_definitions[i].id, i);
}
const Element* Model::element(const std::string& id) const {
  auto it = element_index.find(id);
  return it == element_index.end() ? nullptr : &elements[it->second];
}
const Relationship* Model::relationship(const std::string& id) const {
  auto it = relationship_index.find(id);
  return it == relationship_index.end() ? nullptr : &relationships[it->second];
}
const PropertyDefinition* Model::property_definition(const std::string& id) const {
  auto it = definition_index.find(id);
  return it == definition_index.end() ? nullptr : &property_definitions[it->second];
}
std::string Model::property(const std::vector<Property>& props, std::string_view definition_name,
                            std::string_view lang) const {
  for (const auto& p : props) {
    const auto* d = property_definition(p.definition);
    if (!d || first_text(d->names) != definition_name) continue;
    for (const auto& v : p.values)
      if (lang.empty() || v.lang == lang) return v.text;
  }
  return {};
}

Stats stats(const Model& m) {
  Stats s;
  std::map<std::string, std::size_t> e, r;
  for (const auto& x : m.elements) ++e[x.type];
  for (const auto& x : m.relationships) ++r[x.type];
  s.elements.assign(e.begin(), e.end());
  s.relationships.assign(r.begin(), r.end());
  s.property_definitions = m.property_definitions.size();
  count_items(m.organizations, s.organizations);
  s.views = m.view_count;
  return s;
}

Model parse_archimate(std::string_view text, const std::string& origin) {
  if (text.size() > max_file_bytes)
    throw_error(Errc::too_large, origin + " is larger than 256 MiB, the ArchiMate reader's limit", {origin});
  Reader rd{text, origin, "xsi:type", {}, {}, {}};
  pugi::xml_document doc;
  // parse_doctype keeps the DOCTYPE so that it can be refused; pugixml itself never expands a
  // declared entity and never fetches an external one.
  auto res = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_doctype);
  if (!res) {
    // name the element being read: the last tag opened at or before the offset
    std::string near;
    auto end = static_cast<std::size_t>(
        std::max<std::ptrdiff_t>(0, std::min<std::ptrdiff_t>(res.offset, static_cast<std::ptrdiff_t>(text.size()))));
    auto lt = text.rfind('<', end == text.size() ? end : end + 1);
    if (lt != std::string_view::npos && end - lt < 4096) {
      auto from = lt + 1 + (lt + 1 < text.size() && text[lt + 1] == '/');  // a closing tag: </name>
      auto stop = text.find_first_of(" \t\r\n/>", from);
      std::string_view tag = text.substr(lt + 1, (stop == std::string_view::npos ? text.size() : stop) - lt - 1);
      if (!tag.empty() && tag.size() < 100) near = " near <" + std::string(tag) + ">";
    }
    throw_error(Errc::not_xml,
                origin + ":" + std::to_string(rd.line_at(res.offset)) + ": not well-formed XML (" + res.description() +
                    ", at offset " + std::to_string(res.offset) + near + ")",
                {origin});
  }
  refuse_doctype(rd, doc);
  pugi::xml_node root = doc.document_element();
  std::string_view qname = root.name();
  auto colon = qname.find(':');
  std::string prefix = colon == std::string_view::npos ? "" : std::string(qname.substr(0, colon));
  std::string uri = root.attribute(prefix.empty() ? "xmlns" : ("xmlns:" + prefix).c_str()).value();
  if (uri.find("archimatetool.com") != std::string::npos)
    throw_error(Errc::archi_native,
                origin + ":" + std::to_string(rd.line(root)) + ": <" + std::string(qname) +
                    "> is an Archi native .archimate file, not an exchange file; in Archi use "
                    "File > Export > Model to Open Exchange File... and read that file",
                {std::string(qname)});
  if (local(qname) != "model")
    throw_error(Errc::archimate_format,
                origin + ":" + std::to_string(rd.line(root)) + ": the root element is <" + std::string(qname) +
                    ">, not the exchange format's <model>",
                {std::string(qname)});
  if (uri == "http://www.opengroup.org/xsd/archimate" || uri == "http://www.opengroup.org/xsd/archimate/" ||
      uri.rfind("http://www.opengroup.org/xsd/archimate/2", 0) == 0)
    throw_error(Errc::archimate_version,
                origin + ":" + std::to_string(rd.line(root)) +
                    ": <model> is in the ArchiMate 2.x exchange namespace \"" + uri +
                    "\"; koers reads the 3.x format (namespace " + std::string(namespace_uri) +
                    "): export the model again from a 3.x tool",
                {"model"});
  if (uri != namespace_uri)
    throw_error(Errc::archimate_format,
                origin + ":" + std::to_string(rd.line(root)) + ": <model> is in the namespace \"" + uri +
                    "\", not the ArchiMate 3.x exchange namespace " + std::string(namespace_uri),
                {"model"});
  for (auto a : root.attributes()) {
    std::string_view n = a.name();
    if (a.value() != namespace_uri) continue;
    if (n == "xmlns")
      rd.prefixes.emplace_back();
    else if (n.rfind("xmlns:", 0) == 0)
      rd.prefixes.emplace_back(n.substr(6));
  }

  Model m;
  for (auto a : root.attributes()) {
    std::string_view n = a.name();
    if (a.value() == xsi_uri && n.rfind("xmlns:", 0) == 0) rd.xsi_types.push_back(std::string(n.substr(6)) + ":type");
  }
  if (rd.xsi_types.empty()) rd.xsi_types.push_back("xsi:type");
  rd.xsi = rd.xsi_types.front();
  for (const auto& t : rd.xsi_types)
    if (t == "xsi:type") rd.xsi = t;
  for (auto a : root.attributes()) {
    std::string_view n = a.name(), v = a.value();
    // every prefixed declaration but the writer's own xmlns:xsi: views, metadata and extensions
    // are kept as XML text and may use any of them (archimate:, dc:, another prefix for xsi)
    if (n.rfind("xmlns:", 0) != 0 || (n == "xmlns:xsi" && v == xsi_uri)) continue;
    m.namespaces.emplace_back(std::string(n.substr(6)), std::string(v));
  }
  m.id = rd.identifier(root);
  m.version = root.attribute("version").value();

  // views into the document's own text: it outlives this set
  std::unordered_set<std::string_view> ids;
  ids.reserve(text.size() / 256 + 16);
  auto claim = [&](const pugi::xml_node& n, std::string_view) {
    std::string_view id = n.attribute("identifier").value();
    if (id.empty()) return;
    if (!ids.insert(id).second)
      rd.fail(Errc::duplicate_identifier, n, "uses the identifier \"" + std::string(id) + "\" a second time");
  };
  claim(root, m.id);

  // property definitions first: properties anywhere refer to them
  for (auto defs : root.children()) {
    if (!rd.is(defs, "propertyDefinitions")) continue;
    for (auto d : defs.children()) {
      if (d.type() != pugi::node_element) continue;
      if (!rd.is(d, "propertyDefinition")) rd.fail(Errc::archimate_format, d, "is not a <propertyDefinition>");
      PropertyDefinition pd;
      pd.id = rd.identifier(d);
      claim(d, pd.id);
      if (auto t = d.attribute("type")) pd.type = t.value();
      if (!one_of(std::string_view(pd.type), data_types))
        rd.fail(Errc::archimate_format, d,
                "has type=\"" + pd.type + "\"; the format knows string, boolean, currency, date, time, number");
      for (auto ch : d.children())
        if (rd.is(ch, "name")) pd.names.push_back(rd.lang_string(ch));
      m.definition_index.emplace(pd.id, m.property_definitions.size());
      m.property_definitions.push_back(std::move(pd));
    }
  }

  std::vector<pugi::xml_node> rel_nodes;
  for (auto ch : root.children()) {
    if (ch.type() != pugi::node_element) continue;
    if (rd.is(ch, "name"))
      m.names.push_back(rd.lang_string(ch));
    else if (rd.is(ch, "documentation"))
      m.documentation.push_back(rd.lang_string(ch));
    else if (rd.is(ch, "properties"))
      m.properties = rd.properties(ch, m);
    else if (rd.is(ch, "metadata"))
      m.metadata_xml = raw_xml(ch);
    else if (rd.is(ch, "elements")) {
      std::size_t n = 0;
      for (auto e = ch.first_child(); e; e = e.next_sibling()) ++n;
      m.elements.reserve(n);
      m.element_index.reserve(n);
      for (auto e : ch.children()) {
        if (e.type() != pugi::node_element) continue;
        if (!rd.is(e, "element")) rd.fail(Errc::archimate_format, e, "is not an <element>");
        Element el;
        el.line = rd.line(e);
        el.id = rd.identifier(e);
        claim(e, el.id);
        auto t = rd.type_attr(e);
        if (!t) rd.fail(Errc::archimate_format, e, "lacks " + rd.xsi);
        el.type = std::string(local(t.value()));
        if (!is_element_type(el.type))
          rd.fail(Errc::unknown_element_type, e, "has the type \"" + el.type + "\", which ArchiMate 3 does not define");
        rd.concept_children(e, el, m);
        m.element_index.emplace(el.id, m.elements.size());
        m.elements.push_back(std::move(el));
      }
    } else if (rd.is(ch, "relationships")) {
      for (auto r : ch.children())
        if (r.type() == pugi::node_element) rel_nodes.push_back(r);
    } else if (rd.is(ch, "organizations")) {
      for (auto it : ch.children()) {
        if (it.type() != pugi::node_element) continue;
        if (!rd.is(it, "item")) rd.fail(Errc::archimate_format, it, "is not an <item>");
        m.organizations.emplace_back();
        std::size_t count = 0;
        rd.item(it, m.organizations.back(), 0, count);
      }
    } else if (rd.is(ch, "propertyDefinitions")) {
      // read above
    } else if (rd.is(ch, "views")) {
      m.views_xml = raw_xml(ch);
      for (auto v : ch.select_nodes(".//*[@identifier]")) claim(v.node(), v.node().attribute("identifier").value());
      for (auto diagrams : ch.children())
        if (rd.is(diagrams, "diagrams"))
          for (auto v : diagrams.children())
            if (rd.is(v, "view")) ++m.view_count;
    } else if (rd.foreign(ch)) {
      m.extensions += raw_xml(ch);
    } else {
      rd.fail(Errc::archimate_format, ch, "is not allowed inside <model>");
    }
  }
  if (m.names.empty()) rd.fail(Errc::archimate_format, root, "has no <name>");

  m.relationships.reserve(rel_nodes.size());
  m.relationship_index.reserve(rel_nodes.size());
  for (auto r : rel_nodes) {
    if (!rd.is(r, "relationship")) rd.fail(Errc::archimate_format, r, "is not a <relationship>");
    Relationship rel;
    rel.line = rd.line(r);
    rel.id = rd.identifier(r);
    claim(r, rel.id);
    auto t = rd.type_attr(r);
    if (!t) rd.fail(Errc::archimate_format, r, "lacks " + rd.xsi);
    rel.type = std::string(local(t.value()));
    if (!is_relationship_type(rel.type))
      rd.fail(Errc::unknown_element_type, r,
              "has the type \"" + rel.type + "\", which ArchiMate 3 does not define as a relationship");
    auto src = r.attribute("source"), dst = r.attribute("target");
    if (!src || !dst) rd.fail(Errc::archimate_format, r, "lacks the attribute source or target");
    rel.source = src.value();
    rel.target = dst.value();
    if (auto a = r.attribute("accessType")) {
      rel.access_type = a.value();
      if (!one_of(std::string_view(rel.access_type), access_types))
        rd.fail(Errc::archimate_format, r,
                "has accessType=\"" + rel.access_type + "\"; the format knows Access, Read, Write, ReadWrite");
    }
    if (auto a = r.attribute("modifier")) rel.modifier = a.value();
    if (auto a = r.attribute("isDirected")) {
      std::string_view v = a.value();
      if (v != "true" && v != "false" && v != "1" && v != "0")
        rd.fail(Errc::archimate_format, r, "has isDirected=\"" + std::string(v) + "\", which is not a boolean");
      rel.is_directed = v == "true" || v == "1";
    }
    rd.concept_children(r, rel, m);
    m.relationship_index.emplace(rel.id, m.relationships.size());
    m.relationships.push_back(std::move(rel));
  }
  // source and target may name elements or relationships (relationship to relationship)
  for (std::size_t i = 0; i < m.relationships.size(); ++i) {
    const auto& rel = m.relationships[i];
    for (const std::string* end : {&rel.source, &rel.target})
      if (!m.element_index.count(*end) && !m.relationship_index.count(*end))
        rd.fail(Errc::dangling_relationship, rel_nodes[i],
                std::string(end == &rel.source ? "has source" : "has target") + " \"" + *end +
                    "\", which is neither an element nor a relationship of the file");
  }
  return m;
}

Model load_archimate(const std::string& path) {
  // THE bounded read (E100 a directory or unreadable, E117 past the limit; a pipe is read too)
  return parse_archimate(koers::io::read_file(path, max_file_bytes), "'" + path + "'");
}

const std::string& first_text(const LangStrings& v) {
  static const std::string empty;
  return v.empty() ? empty : v.front().text;
}

bool operator==(const Element& a, const Element& b) {
  return a.id == b.id && a.type == b.type && a.names == b.names && a.documentation == b.documentation &&
         a.properties == b.properties && a.extensions == b.extensions;
}

bool operator==(const Relationship& a, const Relationship& b) {
  return a.id == b.id && a.type == b.type && a.source == b.source && a.target == b.target && a.names == b.names &&
         a.documentation == b.documentation && a.properties == b.properties && a.access_type == b.access_type &&
         a.modifier == b.modifier && a.is_directed == b.is_directed && a.extensions == b.extensions;
}

bool operator==(const Model& a, const Model& b) {
  return a.id == b.id && a.version == b.version && a.names == b.names && a.documentation == b.documentation &&
         a.properties == b.properties && a.metadata_xml == b.metadata_xml && a.elements == b.elements &&
         a.relationships == b.relationships && a.organizations == b.organizations &&
         a.property_definitions == b.property_definitions && a.views_xml == b.views_xml &&
         a.view_count == b.view_count && a.extensions == b.extensions && a.namespaces == b.namespaces;
}

bool ConceptChange::renamed() const {
  for (const auto& c : changes)
    if (c.field == "name") return true;
  return false;
}

}  // namespace koers::archimate
