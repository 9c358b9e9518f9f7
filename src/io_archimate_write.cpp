// koers::archimate::Model → exchange-file XML (the element order of the 3.1 XSD), the model as
// JSON (koers.archimate v1), and the comparison of two models.
#include <koers/io/archimate.hpp>

#include "json_util.hpp"

#include <fstream>
#include <map>
#include <unordered_map>

namespace koers::archimate {
using detail::json;
using detail::ObjectReader;
namespace {

void escape(std::string& out, std::string_view s, bool attribute) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute)
          out += "&quot;";
        else
          out += c;
        break;
      case '\r': out += "&#13;"; break;
      case '\n':
        if (attribute)
          out += "&#10;";
        else
          out += c;
        break;
      case '\t':
        if (attribute)
          out += "&#9;";
        else
          out += c;
        break;
      default: out += c;
    }
  }
}

struct Writer {
  std::string out;

  void indent(int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }
  void attr(std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    escape(out, value, true);
    out += '"';
  }
  void texts(int depth, std::string_view tag, const LangStrings& v) {
    for (const auto& s : v) {
      indent(depth);
      out += '<';
      out += tag;
      if (!s.lang.empty()) attr("xml:lang", s.lang);
      out += '>';
      escape(out, s.text, false);
      out += "</";
      out += tag;
      out += ">\n";
    }
  }
  void properties(int depth, const std::vector<Property>& props) {
    if (props.empty()) return;
    indent(depth);
    out += "<properties>\n";
    for (const auto& p : props) {
      indent(depth + 1);
      out += "<property";
      attr("propertyDefinitionRef", p.definition);
      out += '>';
      for (const auto& v : p.values) {
        out += "<value";
        if (!v.lang.empty()) attr("xml:lang", v.lang);
        out += '>';
        escape(out, v.text, false);
        out += "</value>";
      }
      out += "</property>\n";
    }
    indent(depth);
    out += "</properties>\n";
  }
  void raw(int depth, const std::string& xml) {
    if (xml.empty()) return;
    indent(depth);
    out += xml;
    out += '\n';
  }
  void item(int depth, const Item& it) {
    indent(depth);
    out += "<item";
    if (!it.id.empty()) attr("identifier", it.id);
    if (!it.ref.empty()) attr("identifierRef", it.ref);
    if (it.labels.empty() && it.documentation.empty() && it.items.empty()) {
      out += "/>\n";
      return;
    }
    out += ">\n";
    texts(depth + 1, "label", it.labels);
    texts(depth + 1, "documentation", it.documentation);
    for (const auto& c : it.items) item(depth + 1, c);
    indent(depth);
    out += "</item>\n";
  }
};

}  // namespace

std::string to_xml(const Model& m) {
  Writer w;
  w.out.reserve(512 + m.elements.size() * 600 + m.relationships.size() * 300 + m.views_xml.size());
  w.out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<model";
  w.attr("xmlns", namespace_uri);
  w.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  for (const auto& [prefix, uri] : m.namespaces) w.attr("xmlns:" + prefix, uri);
  w.attr("xsi:schemaLocation",
         std::string(namespace_uri) + " http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd");
  w.attr("identifier", m.id);
  if (!m.version.empty()) w.attr("version", m.version);
  w.out += ">\n";
  w.texts(1, "name", m.names);
  w.texts(1, "documentation", m.documentation);
  w.raw(1, m.extensions);
  w.properties(1, m.properties);
  w.raw(1, m.metadata_xml);
  if (!m.elements.empty()) {
    w.out += "  <elements>\n";
    for (const auto& e : m.elements) {
      w.indent(2);
      w.out += "<element";
      w.attr("identifier", e.id);
      w.attr("xsi:type", e.type);
      w.out += ">\n";
      w.texts(3, "name", e.names);
      w.texts(3, "documentation", e.documentation);
      w.raw(3, e.extensions);
      w.properties(3, e.properties);
      w.out += "    </element>\n";
    }
    w.out += "  </elements>\n";
  }
  if (!m.relationships.empty()) {
    w.out += "  <relationships>\n";
    for (const auto& r : m.relationships) {
      w.indent(2);
      w.out += "<relationship";
      w.attr("identifier", r.id);
      w.attr("source", r.source);
      w.attr("target", r.target);
      w.attr("xsi:type", r.type);
      if (!r.access_type.empty()) w.attr("accessType", r.access_type);
      if (!r.modifier.empty()) w.attr("modifier", r.modifier);
      if (r.is_directed) w.attr("isDirected", *r.is_directed ? "true" : "false");
      if (r.names.empty() && r.documentation.empty() && r.properties.empty() && r.extensions.empty()) {
        w.out += "/>\n";
        continue;
      }
      w.out += ">\n";
      w.texts(3, "name", r.names);
      w.texts(3, "documentation", r.documentation);
      w.raw(3, r.extensions);
      w.properties(3, r.properties);
      w.out += "    </relationship>\n";
    }
    w.out += "  </relationships>\n";
  }
  if (!m.organizations.empty()) {
    w.out += "  <organizations>\n";
    for (const auto& it : m.organizations) w.item(2, it);
    w.out += "  </organizations>\n";
  }
  if (!m.property_definitions.empty()) {
    w.out += "  <propertyDefinitions>\n";
    for (const auto& d : m.property_definitions) {
      w.indent(2);
      w.out += "<propertyDefinition";
      w.attr("identifier", d.id);
      w.attr("type", d.type);
      w.out += ">\n";
      w.texts(3, "name", d.names);
      w.out += "    </propertyDefinition>\n";
    }
    w.out += "  </propertyDefinitions>\n";
  }
  w.raw(1, m.views_xml);
  w.out += "</model>\n";
  return std::move(w.out);
}

void save_archimate(const Model& m, const std::string& path) {
  std::string text = to_xml(m);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw_error(Errc::file_unreadable, "cannot write '" + path + "'", {path});
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw_error(Errc::file_unreadable, "cannot write '" + path + "'", {path});
}

// ---- JSON ----------------------------------------------------------------------------------
namespace {

json lang_json(const LangStrings& v) {
  json a = json::array();
  for (const auto& s : v) a.push_back(json{{"lang", s.lang}, {"text", s.text}});
  return a;
}
json props_json(const std::vector<Property>& v) {
  json a = json::array();
  for (const auto& p : v) a.push_back(json{{"definition", p.definition}, {"values", lang_json(p.values)}});
  return a;
}
json item_json(const Item& it) {
  json j = json::object();
  if (!it.id.empty()) j["id"] = it.id;
  if (!it.ref.empty()) j["ref"] = it.ref;
  if (!it.labels.empty()) j["labels"] = lang_json(it.labels);
  if (!it.documentation.empty()) j["documentation"] = lang_json(it.documentation);
  if (!it.items.empty()) {
    json a = json::array();
    for (const auto& c : it.items) a.push_back(item_json(c));
    j["items"] = std::move(a);
  }
  return j;
}

struct JsonIn {
  std::string origin;
  std::string text(ObjectReader& r, const std::string& key, bool required) {
    const json* v = r.get(key, required);
    if (!v) return {};
    return ObjectReader::as_string(*v, r.at(key));
  }
  const json* array(ObjectReader& r, const std::string& key) { return r.array(key); }
  LangStrings langs(ObjectReader& r, const std::string& key) {
    LangStrings out;
    const json* a = array(r, key);
    if (!a) return out;
    for (std::size_t i = 0; i < a->size(); ++i) {
      ObjectReader s((*a)[i], r.at(key) + "/" + std::to_string(i));
      out.push_back({text(s, "lang", false), text(s, "text", true)});
      s.finish();
    }
    return out;
  }
  std::vector<Property> props(ObjectReader& r, const std::string& key) {
    std::vector<Property> out;
    const json* a = array(r, key);
    if (!a) return out;
    for (std::size_t i = 0; i < a->size(); ++i) {
      ObjectReader s((*a)[i], r.at(key) + "/" + std::to_string(i));
      Property p;
      p.definition = text(s, "definition", true);
      p.values = langs(s, "values");
      s.finish();
      out.push_back(std::move(p));
    }
    return out;
  }
  Item item(const json& j, const std::string& path, int depth) {
    if (depth > 60) ObjectReader::fail(Errc::too_deep, path, "organization items nest too deep");
    ObjectReader r(j, path);
    Item it;
    it.id = text(r, "id", false);
    it.ref = text(r, "ref", false);
    it.labels = langs(r, "labels");
    it.documentation = langs(r, "documentation");
    if (const json* a = array(r, "items"))
      for (std::size_t i = 0; i < a->size(); ++i)
        it.items.push_back(item((*a)[i], r.at("items") + "/" + std::to_string(i), depth + 1));
    r.finish();
    return it;
  }
};

}  // namespace

std::string to_json(const Model& m, int indent) {
  json j = json::object();
  j["format"] = "koers.archimate";
  j["version"] = archimate_json_version;
  j["id"] = m.id;
  if (!m.version.empty()) j["model_version"] = m.version;
  j["names"] = lang_json(m.names);
  if (!m.documentation.empty()) j["documentation"] = lang_json(m.documentation);
  if (!m.properties.empty()) j["properties"] = props_json(m.properties);
  if (!m.metadata_xml.empty()) j["metadata_xml"] = m.metadata_xml;
  if (!m.namespaces.empty()) {
    json ns = json::object();
    for (const auto& [p, u] : m.namespaces) ns[p] = u;
    j["namespaces"] = std::move(ns);
  }
  if (!m.extensions.empty()) j["extensions"] = m.extensions;
  json els = json::array();
  for (const auto& e : m.elements) {
    json x{{"id", e.id}, {"type", e.type}, {"names", lang_json(e.names)}};
    if (!e.documentation.empty()) x["documentation"] = lang_json(e.documentation);
    if (!e.properties.empty()) x["properties"] = props_json(e.properties);
    if (!e.extensions.empty()) x["extensions"] = e.extensions;
    els.push_back(std::move(x));
  }
  j["elements"] = std::move(els);
  json rels = json::array();
  for (const auto& r : m.relationships) {
    json x{{"id", r.id}, {"type", r.type}, {"source", r.source}, {"target", r.target}};
    if (!r.names.empty()) x["names"] = lang_json(r.names);
    if (!r.documentation.empty()) x["documentation"] = lang_json(r.documentation);
    if (!r.properties.empty()) x["properties"] = props_json(r.properties);
    if (!r.access_type.empty()) x["access_type"] = r.access_type;
    if (!r.modifier.empty()) x["modifier"] = r.modifier;
    if (r.is_directed) x["is_directed"] = *r.is_directed;
    if (!r.extensions.empty()) x["extensions"] = r.extensions;
    rels.push_back(std::move(x));
  }
  j["relationships"] = std::move(rels);
  json orgs = json::array();
  for (const auto& it : m.organizations) orgs.push_back(item_json(it));
  j["organizations"] = std::move(orgs);
  json defs = json::array();
  for (const auto& d : m.property_definitions)
    defs.push_back(json{{"id", d.id}, {"type", d.type}, {"names", lang_json(d.names)}});
  j["property_definitions"] = std::move(defs);
  if (!m.views_xml.empty()) j["views_xml"] = m.views_xml;
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

Model parse_archimate_json(std::string_view text, const std::string& origin) {
  json j = detail::parse_json_text(text, origin);
  detail::check_format(j, "koers.archimate", archimate_json_version, origin);
  JsonIn in{origin};
  ObjectReader r(j, "");
  r.get("format", true);
  r.get("version", true);
  Model m;
  m.id = in.text(r, "id", true);
  m.version = in.text(r, "model_version", false);
  m.names = in.langs(r, "names");
  m.documentation = in.langs(r, "documentation");
  m.properties = in.props(r, "properties");
  m.metadata_xml = in.text(r, "metadata_xml", false);
  m.extensions = in.text(r, "extensions", false);
  if (const json* ns = r.object("namespaces"))
    for (auto it = ns->begin(); it != ns->end(); ++it)
      m.namespaces.emplace_back(it.key(), ObjectReader::as_string(*it, "/namespaces/" + it.key()));
  if (const json* a = in.array(r, "elements"))
    for (std::size_t i = 0; i < a->size(); ++i) {
      ObjectReader e((*a)[i], "/elements/" + std::to_string(i));
      Element el;
      el.id = in.text(e, "id", true);
      el.type = in.text(e, "type", true);
      el.names = in.langs(e, "names");
      el.documentation = in.langs(e, "documentation");
      el.properties = in.props(e, "properties");
      el.extensions = in.text(e, "extensions", false);
      e.finish();
      m.elements.push_back(std::move(el));
    }
  if (const json* a = in.array(r, "relationships"))
    for (std::size_t i = 0; i < a->size(); ++i) {
      ObjectReader e((*a)[i], "/relationships/" + std::to_string(i));
      Relationship rel;
      rel.id = in.text(e, "id", true);
      rel.type = in.text(e, "type", true);
      rel.source = in.text(e, "source", true);
      rel.target = in.text(e, "target", true);
      rel.names = in.langs(e, "names");
      rel.documentation = in.langs(e, "documentation");
      rel.properties = in.props(e, "properties");
      rel.access_type = in.text(e, "access_type", false);
      rel.modifier = in.text(e, "modifier", false);
      rel.is_directed = e.boolean("is_directed");
      rel.extensions = in.text(e, "extensions", false);
      e.finish();
      m.relationships.push_back(std::move(rel));
    }
  if (const json* a = in.array(r, "organizations"))
    for (std::size_t i = 0; i < a->size(); ++i)
      m.organizations.push_back(in.item((*a)[i], "/organizations/" + std::to_string(i), 0));
  if (const json* a = in.array(r, "property_definitions"))
    for (std::size_t i = 0; i < a->size(); ++i) {
      ObjectReader e((*a)[i], "/property_definitions/" + std::to_string(i));
      PropertyDefinition d;
      d.id = in.text(e, "id", true);
      d.type = in.text(e, "type", false);
      if (d.type.empty()) d.type = "string";
      d.names = in.langs(e, "names");
      e.finish();
      m.property_definitions.push_back(std::move(d));
    }
  m.views_xml = in.text(r, "views_xml", false);
  r.finish();
  // the same checks as the XML reader: write the model and read it back (identifiers, types,
  // references, property definitions, the views' XML) — one set of rules, in one place
  Model checked = parse_archimate(to_xml(m), origin + " (as an exchange file)");
  return checked;
}

// ---- diff ----------------------------------------------------------------------------------
namespace {

std::string joined(const LangStrings& v) {
  if (v.size() == 1) return v.front().text;  // one text: its language said nothing new
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += " | ";
    if (!x.lang.empty()) s += "[" + x.lang + "] ";
    s += x.text;
  }
  return s;
}

const std::string& definition_name(const Model& m, const std::string& id) {
  const auto* d = m.property_definition(id);
  return d && !d->names.empty() ? first_text(d->names) : id;
}

std::map<std::string, std::string> props_by_name(const Model& m, const std::vector<Property>& props) {
  std::map<std::string, std::string> out;
  for (const auto& p : props) {
    auto& slot = out[definition_name(m, p.definition)];
    if (!slot.empty()) slot += " | ";
    slot += joined(p.values);
  }
  return out;
}

// the common case without allocating: the same properties in the same order, their definitions
// named alike (the two files may number the definitions differently)
bool same_properties(const Model& ma, const std::vector<Property>& a, const Model& mb, const std::vector<Property>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].values != b[i].values || definition_name(ma, a[i].definition) != definition_name(mb, b[i].definition))
      return false;
  return true;
}

template <class T>
void compare_common(const Model& ma, const T& a, const Model& mb, const T& b, std::vector<FieldChange>& out) {
  if (a.type != b.type) out.push_back({"type", a.type, b.type});
  if (a.names != b.names) out.push_back({"name", joined(a.names), joined(b.names)});
  if (a.documentation != b.documentation)
    out.push_back({"documentation", joined(a.documentation), joined(b.documentation)});
  if (same_properties(ma, a.properties, mb, b.properties)) return;
  auto pa = props_by_name(ma, a.properties), pb = props_by_name(mb, b.properties);
  for (const auto& [k, v] : pa) {
    auto it = pb.find(k);
    std::string after = it == pb.end() ? "" : it->second;
    if (after != v) out.push_back({"property:" + k, v, after});
  }
  for (const auto& [k, v] : pb)
    if (!pa.count(k)) out.push_back({"property:" + k, "", v});
}

}  // namespace

ModelDiff diff(const Model& before, const Model& after) {
  ModelDiff d;
  for (const auto& e : before.elements)
    if (!after.element(e.id)) d.elements.removed.push_back(e.id);
  for (const auto& e : after.elements) {
    const Element* old = before.element(e.id);
    if (!old) {
      d.elements.added.push_back(e.id);
      continue;
    }
    ConceptChange c{e.id, e.type, first_text(e.names), {}};
    compare_common(before, *old, after, e, c.changes);
    if (!c.changes.empty()) d.elements.changed.push_back(std::move(c));
  }
  for (const auto& r : before.relationships)
    if (!after.relationship(r.id)) d.relationships.removed.push_back(r.id);
  for (const auto& r : after.relationships) {
    const Relationship* old = before.relationship(r.id);
    if (!old) {
      d.relationships.added.push_back(r.id);
      continue;
    }
    ConceptChange c{r.id, r.type, first_text(r.names), {}};
    compare_common(before, *old, after, r, c.changes);
    if (old->source != r.source) c.changes.push_back({"source", old->source, r.source});
    if (old->target != r.target) c.changes.push_back({"target", old->target, r.target});
    if (old->access_type != r.access_type) c.changes.push_back({"accessType", old->access_type, r.access_type});
    if (old->modifier != r.modifier) c.changes.push_back({"modifier", old->modifier, r.modifier});
    auto dir = [](const std::optional<bool>& b) { return b ? (*b ? "true" : "false") : ""; };
    if (old->is_directed != r.is_directed)
      c.changes.push_back({"isDirected", dir(old->is_directed), dir(r.is_directed)});
    if (!c.changes.empty()) d.relationships.changed.push_back(std::move(c));
  }
  return d;
}

}  // namespace koers::archimate
