// The JSON of the plan costing (budget/plan_costs_json.hpp): the options of cost_plan and the
// --costs file of `koers costs`, read with the same checks; the file's JSON paths start at its top.
#include <koers/budget/plan_costs_json.hpp>
#include "testing.hpp"

#include <filesystem>
#include <fstream>
#include <string>

using namespace koers;
using namespace koers::budget;

namespace {
InputError costs_error(const std::string& text, const std::string& origin = "'costs.json'") {
  try {
    parse_cost_overrides(text, origin);
  } catch (const InputError& e) { return e; }
  return InputError(Errc::invalid_argument, "no error for " + text, {});  // the checks of its code fail
}
}  // namespace

TEST_CASE("a --costs file is the options' \"costs\" object at the top", "[plan_costs][json]") {
  auto o = parse_cost_overrides(R"({"iv.a": {"fixed_cents": 1500, "runs": 3, "uptake": "1/3"}, "iv.b": {}})");
  REQUIRE(o.size() == 2);
  CHECK(o.at("iv.a").fixed->cents() == 1500);
  CHECK(*o.at("iv.a").runs == 3);
  CHECK(*o.at("iv.a").uptake == Ratio{1, 3});
  CHECK_FALSE(o.at("iv.b").prices());
  // the same fields as the options' "costs"
  auto opts = parse_plan_cost_options(R"({"costs": {"iv.a": {"fixed_cents": 1500, "runs": 3, "uptake": "1/3"}}})");
  CHECK(opts.overrides.at("iv.a").fixed == o.at("iv.a").fixed);
  CHECK(opts.overrides.at("iv.a").uptake == o.at("iv.a").uptake);
}

TEST_CASE("a bad --costs file: the codes of every JSON reader, its JSON paths and its name", "[plan_costs][json]") {
  // the reader's own checks, with the file's paths (not /costs/...)
  auto e = costs_error(R"({"iv.a": {"runs": 1.5}})");
  CHECK(e.code() == Errc::wrong_type);
  CHECK(e.element() == "/iv.a/runs");
  CHECK(e.message().rfind("'costs.json': /iv.a/runs ", 0) == 0);
  CHECK(costs_error(R"({"iv.a": {"wieght": 1}})").code() == Errc::unknown_field);
  CHECK(costs_error(R"({"iv.a": 5})").code() == Errc::wrong_type);
  e = costs_error("[1, 2]");
  CHECK(e.code() == Errc::wrong_type);
  CHECK(e.message().rfind("'costs.json': ", 0) == 0);
  // before parsing, as every koers JSON reader: not JSON, NaN, a lone surrogate, not UTF-8, too deep
  CHECK(costs_error("[1, 2").code() == Errc::not_json);
  CHECK(costs_error(R"({"iv.a": {"runs": NaN}})").code() == Errc::not_finite);
  CHECK(costs_error(R"({"iv.a\ud800": {}})").code() == Errc::not_json);
  CHECK(costs_error("{\"iv.a\": {\"runs\": 1}, \"\xff\": 1}").code() == Errc::not_json);
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "{\"a\":";
  deep += "1" + std::string(5000, '}');
  e = costs_error(deep);
  CHECK(e.code() == Errc::too_deep);
  CHECK(e.message().find("'costs.json'") != std::string::npos);
}

TEST_CASE("load_cost_overrides reads a file through the bounded reader", "[plan_costs][json]") {
  auto dir = std::filesystem::temp_directory_path();
  try {
    load_cost_overrides(dir.string());
    FAIL("a directory is not a costs file");
  } catch (const InputError& e) { CHECK(e.code() == Errc::file_unreadable); }
  auto path = dir / "koers_test_costs.json";
  {
    std::ofstream out(path);
    out << R"({"iv.a": {"participants": -1}})";
  }
  try {
    load_cost_overrides(path.string());
    FAIL("a negative count");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::invalid_value);
    CHECK(e.message().rfind("'" + path.string() + "': /iv.a/participants", 0) == 0);
  }
  std::filesystem::remove(path);
}
