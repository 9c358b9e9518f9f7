// The koers.decision reader in C++ (decide/problem_json.hpp): a C++ program loads a decision
// problem as it loads a model or a portfolio, with every problem named by its JSON path.
#include "testing.hpp"

#include <koers/decide/problem_json.hpp>
#include <koers/decide/rank.hpp>

#include <filesystem>
#include <string>

using namespace koers;
using namespace koers::decide;

namespace {
Errc decision_code(const std::string& text, std::string* element = nullptr) {
  try {
    parse_decision(text);
  } catch (const InputError& e) {
    if (element) *element = e.element();
    return e.code();
  }
  return Errc::invalid_argument;  // "no error"
}
const std::string head = R"({"format":"koers.decision","version":1,)";
}  // namespace

TEST_CASE("the West Betuwe decision example loads with its 36 processes and five criteria", "[decision][json]") {
  // python/koers/examples/data/west-betuwe-2022/decision.json (seed 004, Project procesverbetering)
  auto d = load_decision(std::string(KOERS_SOURCE_DIR) + "/python/koers/examples/data/west-betuwe-2022/decision.json");
  CHECK(d.problem.n_alternatives() == 36);
  CHECK(d.problem.n_criteria() == 5);
  CHECK(d.problem.has_weights());
  REQUIRE_NOTHROW(d.problem.validate());
  CHECK_FALSE(d.meta.empty());
  CHECK(d.meta.front().first == "name");
  auto r = rank(d.problem, RankOptions{});
  CHECK(r.order.size() == 36);
}

TEST_CASE("every field of a decision document is read", "[decision][json]") {
  auto d = parse_decision(head + R"("alternatives":["a","b"],
    "criteria":[{"name":"x","id":"c1","weight":0.6,"scale":[1,5],"preference":{"function":"linear","q":0.5,"p":2}},
                {"name":"y","direction":"min","weight":0.4}],
    "scores":[[1,2],[3,4]],
    "method":{"name":"promethee","normalisation":"none","value_functions":{"y":{"x":[0,10],"v":[1,0]}}},
    "smaa":{"samples":500,"seed":7,"weights":"uniform","intervals":{"x":[0.2,0.8]},"orderings":[["x","y"]],
            "scores":{"model":"normal","spread":[[0.1,0.1],[0.2,0.2]]}},
    "sensitivity":{"top_k":1,"steps":10}})");
  CHECK(d.problem.alternatives == std::vector<std::string>{"a", "b"});
  CHECK(d.problem.criteria[1].direction == Direction::min);
  CHECK(*d.problem.criteria[0].weight == 0.6);
  CHECK(d.problem.criteria[0].scale->hi == 5);
  CHECK(d.problem.criteria[0].preference->function == PreferenceFunction::linear);
  CHECK(d.criterion_text[0].preference_given.q);
  CHECK_FALSE(d.criterion_text[0].preference_given.s);
  CHECK(*d.criterion_text[0].id == "c1");
  CHECK(d.problem.scores(1, 0) == 3);
  REQUIRE(d.method);
  CHECK(d.method->name == "promethee2");
  CHECK(d.method->value_functions.size() == 1);
  REQUIRE(d.smaa);
  CHECK(*d.smaa->samples == 500);
  CHECK(d.smaa->orderings.front() == std::pair<std::string, std::string>{"x", "y"});
  CHECK(d.smaa->score_spread_matrix->rows() == 2);
  CHECK(*d.sensitivity->steps == 10);
}

TEST_CASE("a bad decision document names the JSON path and a stable code", "[decision][json][hostile]") {
  std::string el;
  CHECK(decision_code("{nope") == Errc::not_json);
  CHECK(decision_code(head + R"("alternatives":["a"],"criteria":[{"name":"x"}],"scores":[[NaN]]})") ==
        Errc::not_finite);
  CHECK(decision_code(head + R"("alternatives":["a"],"criteria":[{"name":"x"}],"scores":[[1e999]]})") ==
        Errc::not_finite);
  CHECK(decision_code(head + R"("alternatives":["a"],"criteria":[{"name":"x","wieght":1}],"scores":[[1]]})", &el) ==
        Errc::unknown_field);
  CHECK(el == "/criteria/0/wieght");
  CHECK(decision_code(head + R"("alternatives":["a","b"],"criteria":[{"name":"x"}],"scores":[[1],[2,3]]})", &el) ==
        Errc::size_mismatch);
  CHECK(el == "/scores/1");
  CHECK(decision_code(R"({"format":"koers.model","version":1})") == Errc::wrong_format);
  CHECK(decision_code(R"({"format":"koers.decision","version":2})") == Errc::unsupported_version);
  CHECK(decision_code(head + R"("alternatives":["a"],"criteria":[{"name":"x"}]})", &el) == Errc::missing_field);
  CHECK(el == "/scores");
  CHECK(decision_code(head + R"("alternatives":["a"],"criteria":[{"name":"x","direction":"up"}],"scores":[[1]]})") ==
        Errc::invalid_value);
  CHECK(decision_code(head + R"("alternatives":["a"],"criteria":[{"name":"x"}],"scores":[[1]],"smaa":{"seed":-1}})") ==
        Errc::invalid_value);
  CHECK(
      decision_code(
          head +
          R"("alternatives":["a"],"criteria":[{"name":"x"}],"scores":[[1]],"smaa":{"samples":18446744073709551615}})") ==
      Errc::invalid_value);
  CHECK(decision_code(
            head + R"("alternatives":["a"],"criteria":[{"name":"x"}],"scores":[[1]],"smaa":{"orderings":[["x","z"]]}})",
            &el) == Errc::unknown_name);
  CHECK(el == "/smaa/orderings/0/1");
  CHECK(decision_code(head + R"("alternatives":["a"],"criteria":[{"name":"x"}],"scores":[["1"]]})") ==
        Errc::wrong_type);
  // nesting 100,000 deep: refused by the linear pre-scan, no recursion (koers rank exits 2 with E108)
  CHECK(decision_code(std::string(100000, '[') + std::string(100000, ']')) == Errc::too_deep);
}

TEST_CASE("the format comes before the fields, and every message names the origin", "[decision][json]") {
  // a koers.model document (with fields this format lacks) is the wrong format, not an unknown field
  std::string el;
  CHECK(decision_code(R"({"format":"koers.model","version":1,"period":{"start":"2024-01-01"},"nodes":[]})", &el) ==
        Errc::wrong_format);
  CHECK(el == "/format");
  CHECK(decision_code(R"({"version":1,"period":{}})", &el) == Errc::missing_field);
  CHECK(el == "/format");
  CHECK(decision_code(R"({"format":"koers.decision","version":2,"period":{}})") == Errc::unsupported_version);
  CHECK(decision_code("[1, 2]", &el) == Errc::wrong_type);
  CHECK(el == "/");
  try {
    parse_decision("[1, 2]", "'arr.json'");
    FAIL("an array is not a decision document");
  } catch (const InputError& e) { CHECK(e.message().rfind("'arr.json': ", 0) == 0); }
  try {
    parse_decision(head + R"("alternatives":["a"],"criteria":[{"name":"x"}],"scores":[[1]],"zz":1})", "'d.json'");
    FAIL("an unknown field");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::unknown_field);
    CHECK(e.element() == "/zz");  // the element stays the JSON path
    CHECK(e.message().rfind("'d.json': /zz: ", 0) == 0);
  }
}

TEST_CASE("a directory or a missing file is E100", "[decision][json][hostile]") {
  try {
    load_decision(std::filesystem::temp_directory_path().string());
    FAIL("a directory is not a decision file");
  } catch (const InputError& e) { CHECK(e.code() == Errc::file_unreadable); }
  CHECK_THROWS_AS(load_decision("/nonexistent/koers/decision.json"), InputError);
}
