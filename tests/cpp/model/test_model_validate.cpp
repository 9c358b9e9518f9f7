// validate_model_text: the reader's problems AND the graph checks over what did read, each
// problem once (issue 12 §4: "koers validate --json ... collected with the others"); and a
// number past the 64-bit range is its range error, not "must be a whole number".
#include "testing.hpp"

#include <koers/koers.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace koers;

namespace {
std::vector<Errc> codes(const ModelValidation& v) {
  std::vector<Errc> out;
  for (const auto& i : v.issues) out.push_back(i.code);
  return out;
}
std::size_t count(const ModelValidation& v, Errc c) {
  return static_cast<std::size_t>(
      std::count_if(v.issues.begin(), v.issues.end(), [&](auto& i) { return i.code == c; }));
}
Errc load_code(const std::string& text) {
  try {
    parse_model(text);
  } catch (const InputError& e) { return e.code(); }
  return Errc::invalid_argument;  // "no error"
}

// The HNW part of the Deventer plan (seeds/000, section 3.1, Tabel 1; tests/cpp/model/fixtures.hpp),
// broken the way the audit's mixed.json broke python/koers/examples/data/deventer-2014/model.json:
// a misspelt status (/nodes/2), a second node dev.hnw, a refines edge to an unknown node and a
// refines edge back up from a goal to its development (not allowed, and a cycle).
const std::string mixed =
    R"({"format":"koers.model","version":1,"name":"HNW","nodes":[)"
    R"({"id":"dev.hnw","kind":"development","name":"Het Nieuwe Werken"},)"
    R"({"id":"goal.slimmer","kind":"goal","name":"Slimmer werken"},)"
    R"({"id":"iv.spel","kind":"intervention","name":"Spelsimulatie HNW","status":"nwe","channel":"on_the_job"},)"
    R"j({"id":"dev.hnw","kind":"development","name":"Het Nieuwe Werken (HNW)"}],"edges":[)j"
    R"({"kind":"refines","from":"dev.hnw","to":"goal.slimmer"},)"
    R"({"kind":"contributes","from":"iv.spel","to":"goal.slimmer","strength":75},)"
    R"({"kind":"refines","from":"dev.hnw","to":"nonexistent"},)"
    R"({"kind":"refines","from":"goal.slimmer","to":"dev.hnw"}]})";
}  // namespace

TEST_CASE("field problems no longer hide the graph checks: every code of a mixed file", "[json][validate]") {
  auto v = validate_model_text(mixed);
  CHECK_FALSE(v.graph.has_value());  // a file with a reader problem hands out no graph
  CHECK(codes(v) == std::vector<Errc>{Errc::invalid_value, Errc::duplicate_id, Errc::unknown_reference,
                                      Errc::edge_not_allowed, Errc::cycle});
  REQUIRE(v.issues.size() == 5);
  CHECK(v.issues[0].elements == std::vector<std::string>{"/nodes/2/status"});
  CHECK(v.issues[1].elements == std::vector<std::string>{"dev.hnw"});
  CHECK(v.issues[2].elements == std::vector<std::string>{"nonexistent"});
  CHECK(v.issues[3].elements == std::vector<std::string>{"goal.slimmer", "dev.hnw"});
  // the misspelt status is its E107 once, not also an E207 "has no status"
  CHECK(count(v, Errc::missing_required) == 0);
  // loading is unchanged: the first problem, no half-loaded model
  CHECK(load_code(mixed) == Errc::invalid_value);
}

TEST_CASE("validation reports every faulty field of one element", "[json][validate]") {
  // the HNW plan (seeds/000, Tabel 1) with an intervention misspelt twice and given a colour
  auto v = validate_model_text(
      R"({"format":"koers.model","version":1,"nodes":[{"id":"g","kind":"goal","name":"Slimmer werken"},)"
      R"({"id":"iv","kind":"intervention","name":"Spelsimulatie HNW","status":"nieuw","channel":"formeel",)"
      R"("colour":"red","cost_cents":12.5}],"edges":[{"kind":"contributes","from":"iv","to":"g","strength":true}]})");
  std::vector<std::string> paths;
  for (auto& i : v.issues) paths.push_back(i.elements.front());
  CHECK(codes(v) == std::vector<Errc>{Errc::invalid_value, Errc::invalid_value, Errc::wrong_type, Errc::unknown_field,
                                      Errc::wrong_type});
  CHECK(paths == std::vector<std::string>{"/nodes/1/status", "/nodes/1/channel", "/nodes/1/cost_cents",
                                          "/nodes/1/colour", "/edges/0/strength"});
  // the faulty strength is not also "has no strength" (E207); the edge still serves the goal
  CHECK(count(v, Errc::missing_required) == 0);
  CHECK(count(v, Errc::goal_unserved) == 0);
  // loading: the first of them, as before
  CHECK(load_code(R"({"format":"koers.model","version":1,"nodes":[{"id":"iv","kind":"intervention","name":"B",)"
                  R"("status":"nieuw","channel":"formeel","colour":"red"}]})") == Errc::invalid_value);
}

TEST_CASE("a node whose kind does not read takes no part, nor do its edges", "[json][validate]") {
  // Tabel 1 again: goal g is served only by iv, whose kind is misspelt
  auto v = validate_model_text(
      R"({"format":"koers.model","version":1,"nodes":[{"id":"g","kind":"goal","name":"Slimmer werken"},)"
      R"({"id":"iv","kind":"interventoin","name":"Spelsimulatie HNW","status":"new","colour":"red"},)"
      R"({"id":"d","kind":"development","name":"HNW"},{"id":"d","kind":"goal","name":"Dubbel"}],"edges":[)"
      R"({"kind":"contributes","from":"iv","to":"g","strength":75},{"kind":"refines","from":"d","to":"x"},)"
      R"({"kind":"refnies","from":"d","to":"g"}],"strategies":[{"name":"s","values":{"iv":50,"y":1}}]})");
  std::vector<std::string> paths;
  for (auto& i : v.issues) paths.push_back(i.elements.front());
  // the kind (E107) and a field no kind has (E104; status belongs to some kinds: not judged),
  // the edge kind; then the graph: the duplicate d and d's edge to x. Not: iv's edge as
  // dangling (E200), g as unserved (E204: iv or the broken edge may be what serves it), the
  // strategy's value for iv as naming an unknown node; its value for y does.
  CHECK(codes(v) == std::vector<Errc>{Errc::invalid_value, Errc::unknown_field, Errc::invalid_value, Errc::duplicate_id,
                                      Errc::unknown_reference, Errc::unknown_reference});
  CHECK(paths == std::vector<std::string>{"/nodes/1/kind", "/nodes/1/colour", "/edges/2/kind", "d", "x", "y"});
}

TEST_CASE("no graph checks when the nodes array itself does not read", "[json][validate]") {
  auto v = validate_model_text(
      R"({"format":"koers.model","version":1,"nodes":{"id":"g"},"edges":[{"kind":"refines","from":"a","to":"b"}]})");
  CHECK(codes(v) == std::vector<Errc>{Errc::wrong_type});  // not two dangling ends as well
}

TEST_CASE("cents past 64 bits are E114 however they are written, in the model reader", "[json][validate][money]") {
  // python/koers/examples/data/deventer-2014/model.json's Spelsimulatie HNW with the audit's
  // cost_cents of 2^70 (huge_int_cents.json) and of 1e30 (big_cents.json); 2^63 is the first
  // integer past the range (nlohmann keeps it unsigned; 2^70 arrives as a double)
  for (std::string big : {"1180591620717411303424", "1e30", "9223372036854775808", "-1180591620717411303424"}) {
    const std::string iv = R"({"format":"koers.model","version":1,"nodes":[{"id":"iv","kind":"intervention",)"
                           R"("name":"Spelsimulatie HNW","status":"new","cost_cents":)" +
                           big + "}]}";
    auto v = validate_model_text(iv);
    REQUIRE(v.issues.size() >= 1);
    CHECK(v.issues[0].code == Errc::money_overflow);
    CHECK(v.issues[0].elements == std::vector<std::string>{"/nodes/0/cost_cents"});
    CHECK(v.issues[0].message == "/nodes/0/cost_cents is beyond the 64-bit cent range");
    CHECK(load_code(iv) == Errc::money_overflow);
    const std::string stream = R"({"format":"koers.model","version":1,"nodes":[{"id":"s","kind":"budget_stream",)"
                               R"("name":"Strategisch","budget_cents":)" +
                               big + "}]}";
    auto w = validate_model_text(stream);
    CHECK(codes(w) == std::vector<Errc>{Errc::money_overflow});  // not also "has no budget_cents"
  }
  // in range: unchanged (a decimal is E106, a whole-valued float still reads as before)
  auto f = validate_model_text(R"({"format":"koers.model","version":1,"nodes":[{"id":"iv","kind":"intervention",)"
                               R"("name":"B","status":"new","cost_cents":12.5}]})");
  CHECK(f.issues.at(0).code == Errc::wrong_type);
  CHECK(load_code(R"({"format":"koers.model","version":1,"nodes":[{"id":"t","kind":"target_group","name":"T",)"
                  R"("size":1180591620717411303424}]})") == Errc::invalid_value);  // not cents: E107 too large
}
