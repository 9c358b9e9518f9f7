// The koers.ahp JSON format: reading with paths in errors, writing, and the analysis JSON.
#include "testing.hpp"

#include <koers/decide/ahp_json.hpp>

#include <nlohmann/json.hpp>

using namespace koers::decide;
using koers::Errc;
using koers::testing::thrown;
using nlohmann::json;

namespace {
const char* k_bozoki = R"({"format": "koers.ahp", "version": 1, "name": "Bozoki 2010",
  "elements": ["a", "b", "c", "d"],
  "judgments": [{"a": "a", "b": "b", "value": 1}, {"a": "a", "b": "c", "value": 5}, {"a": "a", "b": "d", "value": 2},
                {"a": "b", "b": "c", "value": 3}, {"a": "b", "b": "d", "value": 4}],
  "ri_table": "donegan-dodd", "priorities": "eigenvector", "completion": "bozoki"})";

std::string with(const std::string& key_value) {
  std::string s = k_bozoki;
  s.insert(s.rfind('}'), ", " + key_value);
  return s;
}
}  // namespace

TEST_CASE("koers.ahp reads, writes and reads back the same document", "[ahp][json]") {
  auto d = parse_ahp(k_bozoki);
  CHECK(d.name == "Bozoki 2010");
  CHECK(d.block.elements.size() == 4);
  CHECK(d.block.judgments.size() == 5);
  CHECK(d.options.ahp.ri_table == RandomIndexTable::donegan_dodd);
  auto back = parse_ahp(to_json(d));
  CHECK(back == d);
  auto r = json::parse(analyse_ahp_json(d));
  CHECK(r["kind"] == "single");
  CHECK(r["ri_table"] == "donegan-dodd");
  CHECK(r["ri_table_name"] == "Donegan & Dodd 1991");
  CHECK(r["completed"].size() == 1);
  CHECK(r["completed"][0]["value"].get<double>() == Approx(0.730297106886979).epsilon(1e-4));
  CHECK(r["ranking"][0] == "b");
  CHECK(r["weights"]["a"].get<double>() == Approx(0.3738).margin(5e-5));
  for (const char* k :
       {"lambda_max", "ci", "cr", "ri", "ri_source", "inconsistent", "koczkodaj_index", "matrix", "revision"})
    CHECK(r.contains(k));
}

TEST_CASE("koers.ahp aliases from the brief are read, not written", "[ahp][json]") {
  std::string s =
      R"({"format": "koers.ahp", "version": 1, "elements": ["x", "y"], "judgments": [{"a": "x", "b": "y", "value": 2}],
                      "priority_method": "geometric_mean", "random_index": "saaty2005", "completion": "lambda_max"})";
  auto d = parse_ahp(s);
  CHECK(d.options.ahp.priorities == PriorityMethod::geometric_mean);
  CHECK(d.options.ahp.ri_table == RandomIndexTable::saaty2005);
  CHECK(d.options.ahp.completion == Completion::lambda_max);
  auto j = json::parse(to_json(d));
  CHECK(j["priorities"] == "geometric");
  CHECK(j["ri_table"] == "saaty2005");
  CHECK(j["completion"] == "bozoki");
  CHECK(!j.contains("priority_method"));
  CHECK(thrown([&] { parse_ahp(with(R"("priority_method": "eigenvector")")); }).code == Errc::invalid_value);
}

TEST_CASE("koers.ahp errors carry the JSON path", "[ahp][json][errors]") {
  auto e = thrown([] { parse_ahp(with(R"("extra": 1)"), "f.json"); });
  CHECK(e.code == Errc::unknown_field);
  CHECK(e.message.find("/extra") != std::string::npos);
  CHECK(e.message.find("f.json") != std::string::npos);
  std::string bad_value = R"({"format": "koers.ahp", "version": 1, "elements": ["x", "y", "z"],
    "judgments": [{"a": "x", "b": "y", "value": 2}, {"a": "y", "b": "z", "value": 12}]})";
  e = thrown([&] { parse_ahp(bad_value); });
  CHECK(e.code == Errc::judgment_out_of_range);
  CHECK(e.message.find("/judgments/1") != std::string::npos);
  std::string contradiction = R"({"format": "koers.ahp", "version": 1, "elements": ["x", "y"],
    "judgments": [{"a": "x", "b": "y", "value": 2}, {"a": "y", "b": "x", "value": 2}]})";
  CHECK(thrown([&] { parse_ahp(contradiction); }).code == Errc::contradictory_judgment);
  std::string unknown =
      R"({"format": "koers.ahp", "version": 1, "elements": ["x", "y"], "judgments": [{"a": "x", "b": "q", "value": 2}]})";
  CHECK(thrown([&] { parse_ahp(unknown); }).code == Errc::unknown_name);
  std::string dup = R"({"format": "koers.ahp", "version": 1, "elements": ["x", "x"], "judgments": []})";
  CHECK(thrown([&] { parse_ahp(dup); }).code == Errc::duplicate_name);
  std::string empty_judge = R"({"format": "koers.ahp", "version": 1, "elements": ["x", "y"],
    "judges": [{"name": "a", "judgments": [{"a": "x", "b": "y", "value": 2}]}, {"name": "b", "judgments": []}]})";
  e = thrown([&] { parse_ahp(empty_judge); });
  CHECK(e.code == Errc::judge_without_judgments);
  CHECK(e.message.find("/judges/1/judgments") != std::string::npos);
  std::string judge_field = R"({"format": "koers.ahp", "version": 1, "elements": ["x", "y"],
    "judges": [{"name": "a", "role": "mt", "judgments": [{"a": "x", "b": "y", "value": 2}]}]})";
  e = thrown([&] { parse_ahp(judge_field); });
  CHECK(e.code == Errc::unknown_field);
  CHECK(e.message.find("/judges/0/role") != std::string::npos);
  std::string bad_table = R"({"format": "koers.ahp", "version": 1, "elements": ["x"], "ri_table": "saaty1999"})";
  e = thrown([&] { parse_ahp(bad_table); });
  CHECK(e.code == Errc::invalid_method);
  CHECK(e.message.find("/ri_table") != std::string::npos);
  CHECK(thrown([] { parse_ahp(R"({"format": "koers.model", "version": 1})"); }).code == Errc::wrong_format);
  CHECK(thrown([] { parse_ahp(R"({"format": "koers.ahp", "version": 2})"); }).code == Errc::unsupported_version);
  CHECK(thrown([] { parse_ahp("{nope"); }).code == Errc::not_json);
  CHECK(thrown([] { load_ahp("/nonexistent/ahp.json"); }).code == Errc::file_unreadable);
  // disconnected judgments are refused when analysed (completion impossible), naming an element
  std::string apart = R"({"format": "koers.ahp", "version": 1, "elements": ["w", "x", "y", "z"],
    "judgments": [{"a": "w", "b": "x", "value": 2}, {"a": "y", "b": "z", "value": 2}]})";
  CHECK(thrown([&] { analyse_ahp_json(parse_ahp(apart)); }).code == Errc::incomplete_judgments);
}

TEST_CASE("koers.ahp group and hierarchy documents", "[ahp][json]") {
  std::string group = R"({"format": "koers.ahp", "version": 1, "elements": ["x", "y", "z"], "aggregation": "aip",
    "judges": [{"name": "one", "weight": 2, "judgments": [{"a": "x", "b": "y", "value": 2}, {"a": "y", "b": "z", "value": 2}]},
               {"name": "two", "judgments": [{"a": "x", "b": "y", "value": 1}, {"a": "y", "b": "z", "value": 1}, {"a": "x", "b": "z", "value": 1}]}]})";
  auto g = parse_ahp(group);
  CHECK(g.block.group());
  CHECK(g.options.aggregation == Aggregation::aip);
  CHECK(parse_ahp(to_json(g)) == g);
  auto r = json::parse(analyse_ahp_json(g));
  CHECK(r["kind"] == "group");
  CHECK(r["aggregation"] == "aip");
  CHECK(r["judges"]["one"]["weight"].get<double>() == Approx(2.0 / 3));
  CHECK(r["judges"]["one"]["completed"].size() == 1);
  CHECK(r["judges"]["one"]["completed"][0]["value"].get<double>() == Approx(4.0).epsilon(1e-8));
  CHECK(r["judges"]["two"]["weights"]["x"].get<double>() == Approx(1.0 / 3));
  std::string hier = R"({"format": "koers.ahp", "version": 1,
    "criteria": {"elements": ["c1", "c2"], "judgments": [{"a": "c1", "b": "c2", "value": 3}]},
    "alternatives": {"elements": ["p", "q"], "judgments": {"c2": [{"a": "q", "b": "p", "value": 1}],
                                                          "c1": [{"a": "p", "b": "q", "value": 4}]}}})";
  auto h = parse_ahp(hier);
  CHECK(h.hierarchy);
  CHECK(h.alternative_judgments.front().first == "c1");  // criteria order
  CHECK(parse_ahp(to_json(h)) == h);
  auto hr = json::parse(analyse_ahp_json(h));
  CHECK(hr["kind"] == "hierarchy");
  // overall p = 0.75·0.8 + 0.25·0.5 = 0.725
  CHECK(hr["overall"]["p"].get<double>() == Approx(0.725));
  CHECK(hr["local"]["c1"]["p"].get<double>() == Approx(0.8));
  CHECK(hr["weights"]["c1"].get<double>() == Approx(0.75));
  std::string missing_c = R"({"format": "koers.ahp", "version": 1,
    "criteria": {"elements": ["c1", "c2"], "judgments": [{"a": "c1", "b": "c2", "value": 3}]},
    "alternatives": {"elements": ["p", "q"], "judgments": {"c1": [{"a": "p", "b": "q", "value": 4}]}}})";
  CHECK(thrown([&] { parse_ahp(missing_c); }).code == Errc::incomplete_judgments);
  std::string unknown_c = R"({"format": "koers.ahp", "version": 1,
    "criteria": {"elements": ["c1"], "judgments": []},
    "alternatives": {"elements": ["p", "q"], "judgments": {"c9": [{"a": "p", "b": "q", "value": 4}]}}})";
  CHECK(thrown([&] { parse_ahp(unknown_c); }).code == Errc::unknown_name);
}

TEST_CASE("the West Betuwe example reads and runs", "[ahp][json][example]") {
  auto d = load_ahp(koers::testing::source_path("python/koers/examples/data/west-betuwe-2022/ahp.json"));
  CHECK(d.block.judges.size() == 5);
  CHECK(d.block.elements.size() == 5);
  auto r = json::parse(analyse_ahp_json(d));
  CHECK(r["cr"].get<double>() < 0.1);
  int completed = 0;
  for (auto& [name, j] : r["judges"].items()) completed += int(j["completed"].size());
  CHECK(completed == 1);
}
