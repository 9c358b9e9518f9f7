// The streaming koers.model reader (src/model_json.cpp): the same codes, JSON paths and error
// priority as the former whole-document reader, for hostile inputs as well (docs/model-format.md).
#include "testing.hpp"

#include <koers/koers.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace koers;

namespace {
struct Outcome {
  Errc code = Errc::invalid_argument;  // "no error"
  std::string what;
  std::vector<std::string> elements;
};

Outcome parse_outcome(const std::string& text) {
  try {
    parse_model(text);
  } catch (const InputError& e) { return {e.code(), e.what(), e.elements()}; }
  return {};
}

std::string temp_file(const std::string& name, const std::string& text) {
  // the system's temporary folder: the test does not depend on where the build folder is
  std::string path = (std::filesystem::temp_directory_path() / ("koers_test_stream_" + name + ".json")).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

Outcome load_outcome(const std::string& name, const std::string& text) {
  auto path = temp_file(name, text);
  Outcome o;
  try {
    load_model(path);
  } catch (const InputError& e) { o = {e.code(), e.what(), e.elements()}; }
  std::remove(path.c_str());
  return o;
}

// Both entry points agree on the code and the JSON path (the origin differs: 'path' vs model).
Outcome both(const std::string& name, const std::string& text) {
  auto a = parse_outcome(text);
  auto b = load_outcome(name, text);
  CHECK(a.code == b.code);
  return a;
}

// A small plan after the HNW part of the Deventer plan (seeds/000, section 3.1, Tabel 1).
const std::string nodes_json =
    R"([{"id":"dev.hnw","kind":"development","name":"Het Nieuwe Werken"},)"
    R"({"id":"goal.slimmer","kind":"goal","name":"Slimmer werken"},)"
    R"({"id":"iv.spel","kind":"intervention","name":"Spelsimulatie HNW","status":"new","channel":"on_the_job"}])";
const std::string edges_json = R"([{"kind":"refines","from":"dev.hnw","to":"goal.slimmer"},)"
                               R"({"kind":"contributes","from":"iv.spel","to":"goal.slimmer","strength":75}])";
}  // namespace

TEST_CASE("format and version may come after the nodes and edges", "[json][stream]") {
  std::string text =
      R"({"nodes":)" + nodes_json + R"(,"edges":)" + edges_json +
      R"(,"name":"HNW","strategies":[{"name":"plan","values":{"iv.spel":100}}],"version":1,"format":"koers.model"})";
  auto g = parse_model(text);
  CHECK(g.size() == 3);
  CHECK(g.edges().size() == 2);
  CHECK(g.name == "HNW");
  REQUIRE(g.strategies.size() == 1);
  CHECK(g.strategies[0].values == std::vector<std::pair<std::string, double>>{{"iv.spel", 100.0}});
  auto path = temp_file("after", text);
  CHECK(load_model(path) == g);
  std::remove(path.c_str());
  CHECK(parse_model(to_json(g)) == g);
  // a wrong format at the end outranks a bad node earlier in the file: nothing half-loaded escapes
  std::string bad = R"({"nodes":[{"id":"a","kind":"wish","name":"A"}],"format":"koers.decision","version":1})";
  CHECK(both("late_format", bad).code == Errc::wrong_format);
  std::string late_version = R"({"nodes":[{"id":"a","kind":"goal","name":"A"}],"format":"koers.model","version":9})";
  CHECK(both("late_version", late_version).code == Errc::unsupported_version);
  CHECK(both("no_format", R"({"nodes":[]})").code == Errc::wrong_format);
}

TEST_CASE("a file truncated inside /edges is not JSON, with its position", "[json][stream]") {
  std::string full = R"({"format":"koers.model","version":1,"nodes":)" + nodes_json + R"(,"edges":)" + edges_json + "}";
  auto cut = full.substr(0, full.find(R"("strength")") + 5);
  auto o = both("truncated", cut);
  CHECK(o.code == Errc::not_json);
  CHECK(o.what.find("line 1, column") != std::string::npos);
  // a syntax error late in the file outranks a field error early in it (as with the whole-DOM reader)
  std::string early_bad = R"({"format":"koers.model","version":1,"nodes":[{"id":"a","kind":"goal"}],"edges":[{"kind":)";
  CHECK(both("late_syntax", early_bad).code == Errc::not_json);
  // every prefix of a valid file is refused with E101, never half-loaded
  for (std::size_t n = 0; n < full.size(); n += 7) CHECK(parse_outcome(full.substr(0, n)).code == Errc::not_json);
}

TEST_CASE("an unknown field deep inside an edge names its JSON path", "[json][stream]") {
  std::string edges =
      R"([{"kind":"refines","from":"dev.hnw","to":"goal.slimmer"},)"
      R"({"kind":"contributes","from":"iv.spel","to":"goal.slimmer","strength":75,"meta":{"a":{"b":[1,2,{"c":3}]}}}])";
  std::string text = R"({"format":"koers.model","version":1,"nodes":)" + nodes_json + R"(,"edges":)" + edges + "}";
  auto o = both("unknown_edge", text);
  CHECK(o.code == Errc::unknown_field);
  CHECK(o.what.find("/edges/1/meta") != std::string::npos);
  CHECK(o.elements == std::vector<std::string>{"/edges/1/meta"});
  // a strength of the wrong type, and the first bad edge is the one reported
  std::string wrong =
      R"({"format":"koers.model","version":1,"nodes":[],"edges":[{"kind":"refines","from":"a","to":"b"},)"
      R"({"kind":"contributes","from":"a","to":"b","strength":{"x":1}},{"kind":"contributes","from":"a","to":"b","colour":1}]})";
  auto w = both("wrong_strength", wrong);
  CHECK(w.code == Errc::wrong_type);
  CHECK(w.elements == std::vector<std::string>{"/edges/1/strength"});
  // a top-level field error outranks an edge error, whatever the order in the file
  std::string name_late =
      R"({"format":"koers.model","version":1,"nodes":[],"edges":[{"kind":"x","from":"a","to":"b"}],"name":5})";
  CHECK(both("name_late", name_late).elements == std::vector<std::string>{"/name"});
  // node errors outrank edge errors; an unknown top-level field comes last
  std::string node_and_edge =
      R"({"zz":1,"format":"koers.model","version":1,"edges":[{"kind":"x","from":"a","to":"b"}],"nodes":[{"id":"a"}]})";
  CHECK(both("node_edge", node_and_edge).elements == std::vector<std::string>{"/nodes/0/kind"});
  std::string top_unknown = R"({"format":"koers.model","version":1,"nodes":[],"extra":{"deep":[[[1]]]}})";
  CHECK(both("top_unknown", top_unknown).elements == std::vector<std::string>{"/extra"});
  CHECK(both("edges_type", R"({"format":"koers.model","version":1,"nodes":[],"edges":{"a":1}})").code ==
        Errc::wrong_type);
  CHECK(both("nodes_null", R"({"format":"koers.model","version":1,"nodes":null})").code == Errc::missing_field);
  CHECK(both("node_scalar", R"({"format":"koers.model","version":1,"nodes":[1]})").elements ==
        std::vector<std::string>{"/nodes/0"});
}

TEST_CASE("invalid UTF-8 inside a node name is not JSON", "[json][stream]") {
  std::string text =
      "{\"format\":\"koers.model\",\"version\":1,\"nodes\":[{\"id\":\"a\",\"kind\":\"goal\",\"name\":"
      "\"Sl\xc3\x28mmer\"}]}";
  auto o = both("utf8", text);
  CHECK(o.code == Errc::not_json);
  CHECK(o.what.find("UTF-8") != std::string::npos);
}

TEST_CASE("a 100-deep nesting inside a node is too deep", "[json][stream]") {
  std::string deep = std::string(100, '[') + std::string(100, ']');
  std::string text =
      R"({"format":"koers.model","version":1,"nodes":[{"id":"a","kind":"goal","name":"A","x":)" + deep + "}]}";
  CHECK(both("deep", text).code == Errc::too_deep);
  // also when the file is truncated right after the nesting (the depth check comes first)
  CHECK(both("deep_cut", text.substr(0, text.size() - 3)).code == Errc::too_deep);
  // 60 levels inside a node are fine for the reader; the node then has an unknown field
  std::string ok = std::string(58, '[') + std::string(58, ']');
  std::string t2 =
      R"({"format":"koers.model","version":1,"nodes":[{"id":"a","kind":"goal","name":"A","x":)" + ok + "}]}";
  CHECK(both("deep_ok", t2).code == Errc::unknown_field);
}

TEST_CASE("a repeated top-level key: the last one wins, as with a JSON object", "[json][stream]") {
  std::string text =
      R"({"format":"koers.model","version":1,"nodes":[{"id":"a","kind":"wish","name":"A"}],)"
      R"("edges":[{"kind":"refines","from":"a","to":"b"}],"nodes":[{"id":"b","kind":"goal","name":"B"}]})";
  auto g = parse_model(text);
  REQUIRE(g.size() == 1);
  CHECK(g.nodes()[0].id == "b");
  CHECK(g.find("a") == nullptr);
  CHECK(g.edges().size() == 1);
  std::string replaced =
      R"({"format":"koers.model","version":1,"nodes":[{"id":"a","kind":"goal","name":"A"}],"nodes":7})";
  CHECK(both("dup_type", replaced).code == Errc::wrong_type);
}

TEST_CASE("strategy values read as before: sorted by id, checked with their path", "[json][stream]") {
  std::string text =
      R"({"format":"koers.model","version":1,"nodes":[],"strategies":[{"name":"s","values":{"b":1,"a":2}},)"
      R"({"name":"t","values":{"x":"hoog"}}]})";
  auto o = both("strategy", text);
  CHECK(o.elements == std::vector<std::string>{"/strategies/1/values/x"});
  auto g = parse_model(
      R"({"format":"koers.model","version":1,"nodes":[],"strategies":[{"name":"s","values":{"b":1,"a":2}}]})");
  CHECK(g.strategies[0].values == std::vector<std::pair<std::string, double>>{{"a", 2.0}, {"b", 1.0}});
}

// validate_model / validate_model_text: every problem at once (koers validate --json).
TEST_CASE("validation collects every reader problem with its JSON path, then the graph's over what read",
          "[json][validate]") {
  const std::string text =
      R"({"format":"koers.model","version":1,"colour":"red","nodes":[)"
      R"({"id":"a","kind":"goal","name":"A","status":"nieuw"},)"
      R"({"id":"b","kind":"intervention","name":"B","cost_cents":12.5},)"
      R"({"id":"c","kind":"gaol","name":"C"},)"
      R"({"id":"d","kind":"goal","name":"D"}],"edges":[{"kind":"refines","from":"a","to":"d","x":1}]})";
  auto v = validate_model_text(text);
  REQUIRE_FALSE(v.valid());
  CHECK_FALSE(v.graph.has_value());
  std::vector<std::string> paths;
  std::vector<Errc> codes;
  for (auto& i : v.issues) {
    paths.push_back(i.elements.empty() ? "" : i.elements.front());
    codes.push_back(i.code);
  }
  // the unknown top-level field and each of the four faulty elements, in document order; then
  // the graph's over the nodes and edges that read: intervention b has no status, and a goal
  // may not refine a goal (c, whose kind did not read, takes no part, so "unserved"/"unused"
  // are not judged)
  CAPTURE(paths);
  CHECK(paths == std::vector<std::string>{"/colour", "/nodes/0/status", "/nodes/1/cost_cents", "/nodes/2/kind",
                                          "/edges/0/x", "b", "a"});
  CHECK(codes == std::vector<Errc>{Errc::unknown_field, Errc::unknown_field, Errc::wrong_type, Errc::invalid_value,
                                   Errc::unknown_field, Errc::missing_required, Errc::edge_not_allowed});
}

TEST_CASE("a model that reads is validated by the graph check too", "[json][validate]") {
  auto v = validate_model_text(R"({"format":"koers.model","version":1,"nodes":[{"id":"g","kind":"goal","name":"G"}],)"
                               R"("edges":[{"kind":"refines","from":"g","to":"x"}]})");
  REQUIRE(v.graph.has_value());
  std::vector<Errc> codes;
  for (auto& i : v.issues) codes.push_back(i.code);
  CHECK(std::find(codes.begin(), codes.end(), Errc::unknown_reference) != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), Errc::goal_unserved) != codes.end());
}

TEST_CASE("another format is one problem, not a list of unknown fields", "[json][validate]") {
  auto v = validate_model_text(R"({"format":"koers.decision","version":1,"alternatives":[]})");
  REQUIRE(v.issues.size() == 1);
  CHECK(v.issues[0].code == Errc::wrong_format);
  auto w = validate_model_text(R"({"format":"koers.model","version":99,"nodes":[]})");
  REQUIRE(w.issues.size() == 1);
  CHECK(w.issues[0].code == Errc::unsupported_version);
}

// koers validate --json: a verdict for every file that is JSON at all (issue 12 §4, interfaces)
TEST_CASE("JSON that is not a model object, or nests too deep, is a verdict with its one problem", "[json][validate]") {
  for (std::string text : {"[1, 2]", "5", "null", "\"model\""}) {
    auto v = validate_model_text(text);
    REQUIRE(v.issues.size() == 1);
    CHECK(v.issues[0].code == Errc::wrong_type);
    CHECK(v.issues[0].elements == std::vector<std::string>{"/"});
    CHECK_FALSE(v.graph.has_value());
  }
  // 100,000 levels: iterative all the way (no recursion, no DOM), one E108
  const std::size_t deep = 100000;
  auto v = validate_model_text(std::string(deep, '[') + std::string(deep, ']'));
  REQUIRE(v.issues.size() == 1);
  CHECK(v.issues[0].code == Errc::too_deep);
  CHECK(v.issues[0].message.find("nests deeper than 64 levels") != std::string::npos);
}

// JSON's grammar puts no limit on a number; one too large for a double (1e400) stops the reader,
// so the verdict names it as its one problem (E107) — when the rest is JSON (source: this file)
TEST_CASE("a number too large for a double is a verdict when the document is JSON", "[json][validate]") {
  for (std::string big : {"1e400", "-1e400", "123456789e999"}) {
    auto v = validate_model_text(R"({"format": "koers.model", "version": 1, "nodes": [{"id": "b", "kind": "budget", )"
                                 R"("name": "B", "budget_cents": )" +
                                 big + R"(}], "edges": [], "x": [1e500, 2]})");
    REQUIRE(v.issues.size() == 1);
    CHECK(v.issues[0].code == Errc::invalid_value);
    CHECK(v.issues[0].message.find("out of range") != std::string::npos);
    CHECK_FALSE(v.graph.has_value());
  }
  try {  // the same number in a text that is not JSON beyond it: the file error stands
    validate_model_text(R"({"format": "koers.model", "nodes": [1e400, )");
    FAIL("not JSON");
  } catch (const InputError& e) { CHECK(e.code() == Errc::invalid_value); }
}

TEST_CASE("validation still refuses what cannot be judged", "[json][validate]") {
  CHECK_THROWS_AS(validate_model_text("{nope"), InputError);
  try {  // too deep and not JSON either (unclosed): the file error, not a verdict
    validate_model_text(std::string(100, '['));
    FAIL("not JSON");
  } catch (const InputError& e) { CHECK(e.code() == Errc::too_deep); }
  try {
    validate_model(std::filesystem::temp_directory_path().string());
    FAIL("a directory is not a model");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::file_unreadable);
    CHECK(std::string(e.what()).find("directory") != std::string::npos);
  }
}
