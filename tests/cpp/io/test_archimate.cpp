// ArchiMate exchange format: reading the shared files (counts from the files themselves, counted
// with xml.etree; GEMMA figures as in shared/data/gemma/SOURCES.md), hand-made models, hostile
// files made here, the writer's round trip, the diff and the mapping to the strategy graph.
#include "testing.hpp"

#include <koers/io/archimate.hpp>
#include <koers/model/model_json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace koers;
using namespace koers::archimate;
using koers::testing::shared_path;

namespace {

std::size_t count_of(const std::vector<std::pair<std::string, std::size_t>>& v, const std::string& type) {
  for (auto& [t, n] : v)
    if (t == type) return n;
  return 0;
}

const char* head = R"(<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">
  <name xml:lang="en">Hand-made</name>
)";

std::string with(const std::string& body) { return std::string(head) + body + "</model>\n"; }

// the code and message of a refused text
std::pair<Errc, std::string> refusal(const std::string& text) {
  try {
    parse_archimate(text, "t.xml");
  } catch (const Error& e) { return {e.code(), e.message()}; }
  FAIL("the text was accepted");
  return {};
}

const std::string hand = with(R"(  <elements>
    <element identifier="g1" xsi:type="Goal"><name xml:lang="en">Serve citizens</name><name xml:lang="nl">Burgers bedienen</name>
      <documentation xml:lang="nl">Doel</documentation>
      <properties><property propertyDefinitionRef="p1"><value xml:lang="nl">G-1</value><value xml:lang="en">G-one</value></property></properties>
    </element>
    <element identifier="d1" xsi:type="Driver"><name>Digitisation</name></element>
    <element identifier="w1" xsi:type="WorkPackage"><name>Training</name></element>
    <element identifier="j1" xsi:type="OrJunction"/>
    <element identifier="b1" xsi:type="BusinessObject"><name>Case file</name></element>
    <element identifier="a1" xsi:type="BusinessProcess"><name>Handle case</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="w1" target="g1" xsi:type="Influence" modifier="++"/>
    <relationship identifier="r2" source="d1" target="g1" xsi:type="Influence" modifier="-"/>
    <relationship identifier="r3" source="a1" target="b1" xsi:type="Access" accessType="ReadWrite"/>
    <relationship identifier="r4" source="d1" target="r1" xsi:type="Association" isDirected="true"><name>why</name></relationship>
    <relationship identifier="r5" source="w1" target="j1" xsi:type="Influence" modifier="7"/>
  </relationships>
  <organizations>
    <item><label xml:lang="en">Motivation</label><item identifierRef="g1"/><item><label>Sub</label><item identifierRef="d1"/></item></item>
  </organizations>
  <propertyDefinitions>
    <propertyDefinition identifier="p1" type="string"><name xml:lang="en">Code</name><name xml:lang="nl">Code (nl)</name></propertyDefinition>
  </propertyDefinitions>
)");

}  // namespace

TEST_CASE("archimate: the smallest file (archi Sample1.xml)", "[archimate]") {
  Model m = load_archimate(shared_path("data/archimate/archi_Sample1.xml"));
  CHECK(m.id == "id-11f5304f");
  REQUIRE(m.elements.size() == 2);
  CHECK(m.elements[0].type == "BusinessRole");
  CHECK(m.elements[0].names == LangStrings{{"en", "Sales Person"}});
  CHECK(m.elements[1].documentation == LangStrings{{"", "A description of the sell product process"}});
  REQUIRE(m.relationships.size() == 1);
  CHECK(m.relationships[0].type == "Assignment");
  CHECK(m.relationships[0].source == "id-37d5bc4b");
}

TEST_CASE("archimate: ArchiSurance (metadata, properties, organizations, views)", "[archimate]") {
  Model m = load_archimate(shared_path("data/archimate/ogxml_archisurance_exchange.xml"));
  auto s = stats(m);
  std::size_t e = 0, r = 0;
  for (auto& [t, n] : s.elements) e += n;
  for (auto& [t, n] : s.relationships) r += n;
  CHECK(e == 120);
  CHECK(r == 178);
  CHECK(s.property_definitions == 3);
  CHECK(s.organizations == 338);
  CHECK(s.views == 17);
  CHECK(m.metadata_xml.find("Phil Beauvoir") != std::string::npos);
  CHECK(m.property(m.properties, "Property1") == "Value of Property 1");
  CHECK(m.namespaces == std::vector<std::pair<std::string, std::string>>{{"dc", "http://purl.org/dc/elements/1.1/"}});
  std::size_t read = 0, write = 0;
  for (auto& x : m.relationships) {
    read += x.access_type == "Read";
    write += x.access_type == "Write";
  }
  CHECK(read == 3);
  CHECK(write == 11);
}

TEST_CASE("archimate: GEMMA 2026-06-30 (SOURCES.md counts; relationship-to-relationship)", "[archimate][gemma]") {
  Model m = load_archimate(shared_path("data/gemma/gemma-2026-06-30.xml"));
  auto s = stats(m);
  CHECK(m.elements.size() == 3006);
  CHECK(m.relationships.size() == 6257);
  CHECK(s.property_definitions == 63);
  CHECK(count_of(s.elements, "BusinessProcess") == 177);
  CHECK(count_of(s.elements, "BusinessFunction") == 304);
  CHECK(count_of(s.elements, "Goal") == 32);
  CHECK(count_of(s.elements, "Driver") == 60);
  CHECK(count_of(s.elements, "Principle") == 33);
  CHECK(count_of(s.elements, "Requirement") == 106);
  CHECK(s.organizations == 9472);
  std::size_t to_rel = 0, props = 0;
  for (auto& r : m.relationships) to_rel += m.relationship(r.source) || m.relationship(r.target);
  for (auto& el : m.elements) props += el.properties.size();
  for (auto& r : m.relationships) props += r.properties.size();
  CHECK(to_rel == 4);
  CHECK(props + m.properties.size() == 24606);
  const Element* kas = m.element("id-058a6e89-c36e-46ce-819b-7d8637fd3980");
  REQUIRE(kas);
  CHECK(first_text(kas->names) == "Kascomponent");
  CHECK(m.property(kas->properties, "Object ID") == "058a6e89-c36e-46ce-819b-7d8637fd3980");
  CHECK(m.property(kas->properties, "GEMMA type", "nl") == "Referentiecomponent");
}

TEST_CASE("archimate: a hand-made model (languages, modifiers, access, junction, relationship to relationship)",
          "[archimate]") {
  Model m = parse_archimate(hand, "hand");
  const Element* g = m.element("g1");
  REQUIRE(g);
  CHECK(g->names == LangStrings{{"en", "Serve citizens"}, {"nl", "Burgers bedienen"}});
  REQUIRE(g->properties.size() == 1);
  CHECK(g->properties[0].values == LangStrings{{"nl", "G-1"}, {"en", "G-one"}});
  CHECK(m.property(g->properties, "Code", "en") == "G-one");
  CHECK(m.element("j1")->names.empty());
  CHECK(m.relationship("r1")->modifier == "++");
  CHECK(m.relationship("r3")->access_type == "ReadWrite");
  CHECK(m.relationship("r4")->target == "r1");
  CHECK(m.relationship("r4")->is_directed == std::optional<bool>(true));
  CHECK(m.relationship("r2")->line == 17);  // head 3 lines, elements 4-14, relationships from 15
  REQUIRE(m.organizations.size() == 1);
  CHECK(m.organizations[0].items[1].items[0].ref == "d1");
  CHECK(stats(m).organizations == 4);
  CHECK(m.property_definitions[0].names.size() == 2);
}

TEST_CASE("archimate: every refusal names its code, the line and the element", "[archimate][hostile]") {
  SECTION("not XML, truncated XML") {
    CHECK(refusal("this is not xml").first == Errc::not_xml);
    auto [code, msg] = refusal(hand.substr(0, hand.size() / 2));
    CHECK(code == Errc::not_xml);
    CHECK(msg.find("t.xml:") != std::string::npos);
    CHECK(refusal("").first == Errc::not_xml);
    auto [c2, m2] =
        refusal(with("<elements>\n<element identifier=\"a\" xsi:type=\"Goal\"><name>a</nme></element></elements>"));
    CHECK(c2 == Errc::not_xml);
    CHECK(m2.find("t.xml:5:") != std::string::npos);
    CHECK(m2.find("near <") != std::string::npos);
  }
  SECTION("2.x namespace") {
    auto [code, msg] =
        refusal(R"(<model xmlns="http://www.opengroup.org/xsd/archimate" identifier="m"><name>x</name></model>)");
    CHECK(code == Errc::archimate_version);
    CHECK(msg.find("2.x") != std::string::npos);
    CHECK(msg.find("3.x") != std::string::npos);
  }
  SECTION("Archi native") {
    auto [code, msg] = refusal(R"(<?xml version="1.0" encoding="UTF-8"?>
<archimate:model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:archimate="http://www.archimatetool.com/archimate" name="x" id="a" version="4.9.0"><folder name="Strategy" id="f" type="strategy"/></archimate:model>)");
    CHECK(code == Errc::archi_native);
    CHECK(msg.find("Open Exchange") != std::string::npos);
  }
  SECTION("another root") { CHECK(refusal("<html/>").first == Errc::archimate_format); }
  SECTION("unknown element type, on its line") {
    auto [code, msg] =
        refusal(with("  <elements>\n    <element identifier=\"e1\" "
                     "xsi:type=\"BusinessWidget\"><name>x</name></element>\n  </elements>\n"));
    CHECK(code == Errc::unknown_element_type);
    CHECK(msg.find("t.xml:5:") != std::string::npos);
    CHECK(msg.find("identifier=\"e1\"") != std::string::npos);
    CHECK(msg.find("BusinessWidget") != std::string::npos);
  }
  SECTION("unknown relationship type") {
    CHECK(refusal(with("<elements><element identifier=\"a\" xsi:type=\"Goal\"><name>a</name></element></elements>"
                       "<relationships><relationship identifier=\"r\" source=\"a\" target=\"a\" "
                       "xsi:type=\"Likes\"/></relationships>"))
              .first == Errc::unknown_element_type);
  }
  SECTION("dangling relationship") {
    auto [code, msg] =
        refusal(with("<elements><element identifier=\"a\" xsi:type=\"Goal\"><name>a</name></element></elements>\n"
                     "<relationships><relationship identifier=\"r9\" source=\"a\" target=\"nowhere\" "
                     "xsi:type=\"Influence\"/></relationships>"));
    CHECK(code == Errc::dangling_relationship);
    CHECK(msg.find("nowhere") != std::string::npos);
    CHECK(msg.find("r9") != std::string::npos);
    CHECK(msg.find("t.xml:5:") != std::string::npos);
  }
  SECTION("duplicate identifiers, across kinds") {
    CHECK(refusal(with("<elements><element identifier=\"a\" xsi:type=\"Goal\"><name>a</name></element>"
                       "<element identifier=\"a\" xsi:type=\"Goal\"><name>b</name></element></elements>"))
              .first == Errc::duplicate_identifier);
    CHECK(refusal(with("<elements><element identifier=\"id-m\" xsi:type=\"Goal\"><name>a</name></element></elements>"))
              .first == Errc::duplicate_identifier);
  }
  SECTION("invalid xs:ID") {
    for (const char* id : {"1abc", "a b", "a:b", ""}) {
      auto [code, msg] = refusal(with(std::string("<elements><element identifier=\"") + id +
                                      "\" xsi:type=\"Goal\"><name>a</name></element></elements>"));
      CHECK(code == Errc::invalid_identifier);
    }
    CHECK(is_xs_id("id-1.x_y"));
    CHECK(is_xs_id("_a"));
    CHECK(!is_xs_id("-a"));
  }
  SECTION("unknown property definition") {
    auto [code, msg] =
        refusal(with("<elements><element identifier=\"a\" xsi:type=\"Goal\"><name>a</name>"
                     "<properties><property "
                     "propertyDefinitionRef=\"nope\"><value>1</value></property></properties></element></elements>"));
    CHECK(code == Errc::unknown_property_definition);
    CHECK(msg.find("nope") != std::string::npos);
  }
  SECTION("billion laughs, bounded") {
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE model [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i)
      bomb += " <!ENTITY lol" + std::to_string(i) + " \"" + [&] {
        std::string s;
        for (int k = 0; k < 10; ++k) s += "&lol" + (i > 1 ? std::to_string(i - 1) : std::string()) + ";";
        return s;
      }() + "\">\n";
    bomb +=
        "]>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" identifier=\"m\"><name>&lol9;</name></model>";
    auto t0 = std::chrono::steady_clock::now();
    auto [code, msg] = refusal(bomb);
    CHECK(code == Errc::xml_entity);
    CHECK(msg.find("t.xml:2:") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));  // a hang guard, not a timing target
  }
  SECTION("external entity (XXE)") {
    auto [code, msg] = refusal(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE model [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" identifier=\"m\"><name>&xxe;</name></model>");
    CHECK(code == Errc::xml_entity);
    CHECK(msg.find("root:") == std::string::npos);
    CHECK(refusal("<!DOCTYPE model SYSTEM \"http://example.org/x.dtd\">\n<model/>").first == Errc::xml_entity);
  }
  SECTION("a file over the size limit (sparse, never read)") {
    auto p = std::filesystem::temp_directory_path() / "koers_archimate_large.xml";
    { std::ofstream(p) << "<model/>"; }
    std::filesystem::resize_file(p, max_file_bytes + 1);
    try {
      load_archimate(p.string());
      FAIL("accepted");
    } catch (const Error& e) { CHECK(e.code() == Errc::too_large); }
    std::filesystem::remove(p);
  }
}

TEST_CASE("archimate: write then read gives the same model (all shared files)", "[archimate][roundtrip]") {
  for (const char* f : {"data/archimate/archi_Sample1.xml", "data/archimate/ogxml_archisurance_exchange.xml",
                        "data/gemma/gemma-2023-06-08.xml", "data/gemma/gemma-2026-06-30.xml"}) {
    INFO(f);
    Model a = load_archimate(shared_path(f));
    Model b = parse_archimate(to_xml(a), "written");
    CHECK(a == b);
    Model c = parse_archimate_json(to_json(a), "json");
    CHECK(a == c);
  }
  Model h = parse_archimate(hand, "hand");
  CHECK(parse_archimate(to_xml(h), "written") == h);
}

TEST_CASE("archimate: the JSON form refuses unknown fields with their path", "[archimate]") {
  Model h = parse_archimate(hand, "hand");
  std::string j = to_json(h, -1);
  auto p = j.find("\"elements\":[{");
  REQUIRE(p != std::string::npos);
  j.insert(p + 13, "\"colour\":\"red\",");
  try {
    parse_archimate_json(j, "j");
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Errc::unknown_field);
    CHECK(e.message().find("/elements/0/colour") != std::string::npos);
  }
}

TEST_CASE("archimate: diff by identifier, property by property (by definition name)", "[archimate][diff]") {
  Model a = parse_archimate(hand, "a");
  std::string t = hand;
  t.replace(t.find("Digitisation"), 12, "Digitalisering");
  t.replace(t.find("<value xml:lang=\"nl\">G-1</value>"), 32, "<value xml:lang=\"nl\">G-2</value>");
  t.replace(t.find("modifier=\"++\""), 13, "modifier=\"+\"");
  t.replace(t.find("    <element identifier=\"b1\""),
            std::string("    <element identifier=\"b1\" xsi:type=\"BusinessObject\"><name>Case file</name></element>\n")
                .size(),
            "");
  t.replace(t.find("    <relationship identifier=\"r3\""),
            std::string("    <relationship identifier=\"r3\" source=\"a1\" target=\"b1\" xsi:type=\"Access\" "
                        "accessType=\"ReadWrite\"/>\n")
                .size(),
            "    <relationship identifier=\"r6\" source=\"a1\" target=\"g1\" xsi:type=\"Realization\"/>\n");
  // renumber the property definition: the diff matches properties by name, not by identifier
  for (std::size_t p; (p = t.find("\"p1\"")) != std::string::npos;) t.replace(p, 4, "\"px\"");
  Model b = parse_archimate(t, "b");
  ModelDiff d = diff(a, b);
  CHECK(d.elements.removed == std::vector<std::string>{"b1"});
  CHECK(d.elements.added.empty());
  REQUIRE(d.elements.changed.size() == 2);
  CHECK(d.elements.changed[0].id == "g1");
  REQUIRE(d.elements.changed[0].changes.size() == 1);
  CHECK(d.elements.changed[0].changes[0] ==
        FieldChange{"property:Code", "[nl] G-1 | [en] G-one", "[nl] G-2 | [en] G-one"});
  CHECK(d.elements.changed[1].id == "d1");
  CHECK(d.elements.changed[1].renamed());
  CHECK(d.relationships.removed == std::vector<std::string>{"r3"});
  CHECK(d.relationships.added == std::vector<std::string>{"r6"});
  REQUIRE(d.relationships.changed.size() == 1);
  CHECK(d.relationships.changed[0].changes[0] == FieldChange{"modifier", "++", "+"});
  ModelDiff none = diff(a, a);
  CHECK(none.elements.changed.empty());
  CHECK(none.relationships.added.empty());
}

TEST_CASE("archimate: modifier <-> strength by the one table", "[archimate][mapping]") {
  CHECK(strength_of_modifier("++")->label == "make");
  CHECK(strength_of_modifier("--")->label == "break");
  CHECK(*strength_of_modifier("7")->value == 70);
  CHECK(*strength_of_modifier("0")->value == 0);
  CHECK(*strength_of_modifier("-35")->value == -35);
  CHECK(!strength_of_modifier("strong"));
  CHECK(!strength_of_modifier(""));
  CHECK(modifier_of_strength({75.0, ""}) == "75");
  CHECK(modifier_of_strength({50.0, ""}) == "5");
  CHECK(modifier_of_strength({std::nullopt, "hurt"}) == "-");
  CHECK(node_kind_of("Goal") == NodeKind::goal);
  CHECK(!node_kind_of("Node"));
  CHECK(archimate_type_of(NodeKind::programme) == "WorkPackage");
  for (NodeKind k : all_node_kinds) CHECK(node_kind_of(archimate_type_of(k)).has_value());
}

TEST_CASE("archimate: the hand-made model as a strategy graph", "[archimate][mapping]") {
  Model m = parse_archimate(hand, "hand");
  Unmapped u;
  StrategyGraph g = to_graph(m, {}, &u);
  CHECK(g.size() == 4);  // g1 d1 w1 a1 (junction and business object do not map)
  CHECK(u.elements == std::vector<std::string>{"j1", "b1"});
  REQUIRE(g.edges().size() == 2);
  CHECK(g.edges()[0].kind == EdgeKind::contributes);  // WorkPackage -> Goal
  CHECK(g.edges()[0].strength->label == "make");
  CHECK(g.edges()[1].kind == EdgeKind::refines);  // Driver -> Goal
  CHECK(g.find("a1")->gemma_id == "a1");
}

TEST_CASE("archimate: the Deventer plan to ArchiMate and back is the same graph", "[archimate][mapping]") {
  StrategyGraph g = load_model(koers::testing::source_path("python/koers/examples/data/deventer-2014/model.json"));
  Model m = from_graph(g);
  CHECK(m.elements.size() == g.size());
  CHECK(m.relationships.size() == g.edges().size());
  CHECK(m.view_count == g.ids(NodeKind::development).size());
  Model read = parse_archimate(to_xml(m), "deventer.xml");
  Unmapped u;
  StrategyGraph back = to_graph(read, {}, &u);
  CHECK(u.elements.empty());
  CHECK(u.relationships.empty());
  CHECK(back == g);
}

TEST_CASE("archimate: a file with the exchange namespace under a prefix, views included, round-trips",
          "[archimate][roundtrip]") {
  std::string t = R"(<?xml version="1.0"?>
<archimate:model xmlns:archimate="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <archimate:name>Prefixed</archimate:name>
  <archimate:elements><archimate:element identifier="a" i:type="Goal"><archimate:name>A</archimate:name></archimate:element></archimate:elements>
  <archimate:views><archimate:diagrams><archimate:view identifier="v" i:type="Diagram"><archimate:name>V</archimate:name>
    <archimate:node identifier="n" elementRef="a" i:type="Element" x="1" y="2" w="3" h="4"/></archimate:view></archimate:diagrams></archimate:views>
</archimate:model>)";
  Model m = parse_archimate(t, "prefixed");
  REQUIRE(m.elements.size() == 1);
  CHECK(m.elements[0].type == "Goal");
  CHECK(m.view_count == 1);
  std::string xml = to_xml(m);
  CHECK(xml.find("xmlns:archimate=\"http://www.opengroup.org/xsd/archimate/3.0/\"") != std::string::npos);
  CHECK(xml.find("xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"") != std::string::npos);
  CHECK(parse_archimate(xml, "written") == m);
}
