// A whole number past the 64-bit range in the portfolio and selection readers is its range
// error however it is written (src/json_util.hpp beyond_int64): cents E114, other whole
// numbers E107 "is too large" — never "must be a whole number". Test vectors: the numbers
// 2^63 (9223372036854775808, the first past the range; nlohmann keeps it unsigned), 2^70
// (1180591620717411303424, the audit's huge_int_cents.json; nlohmann holds it as a double) and
// 1e30 (big_cents.json), in a one-stream portfolio after the Deventer plan (stream.strategisch,
// python/koers/examples/data/deventer-2014/portfolio.json) and a two-item selection.
#include "testing.hpp"

#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/selection_json.hpp>

#include <string>

using namespace koers;
using koers::testing::thrown;

namespace {
std::string portfolio(const std::string& budget, const std::string& cost = "100") {
  return R"({"format":"koers.portfolio","version":1,"streams":[{"id":"stream.strategisch","budget_cents":)" + budget +
         R"(}],"items":[{"id":"iv.spel","stream":"stream.strategisch","cost_cents":)" + cost + R"(,"value":1}]})";
}
std::string selection(const std::string& top_n) {
  return R"({"format":"koers.selection","version":1,"items":[{"id":"P1","score":0.9,"hours":120},)"
         R"({"id":"P2","score":0.5,"hours":80}],"capacity_hours":150,"top_n":)" +
         top_n + "}";
}
}  // namespace

TEST_CASE("portfolio cents past 64 bits are E114 however they are written", "[json][money]") {
  CHECK(thrown<InputError>([] { budget::parse_portfolio(portfolio("31477700")); }).code == std::nullopt);  // reads
  for (std::string big : {"9223372036854775808", "1180591620717411303424", "1e30", "-1180591620717411303424"}) {
    auto b = thrown<InputError>([&] { budget::parse_portfolio(portfolio(big)); });
    CHECK(b.code == Errc::money_overflow);
    CHECK(b.message.find("/streams/0/budget_cents is beyond the 64-bit cent range") != std::string::npos);
    auto c = thrown<InputError>([&] { budget::parse_portfolio(portfolio("31477700", big)); });
    CHECK(c.code == Errc::money_overflow);
    CHECK(c.message.find("/items/0/cost_cents") != std::string::npos);
  }
  // in range, a decimal number stays E106
  CHECK(thrown<InputError>([] { budget::parse_portfolio(portfolio("314777.5")); }).code == Errc::wrong_type);
}

TEST_CASE("a selection's whole number past 64 bits is E107 too large, however it is written", "[json]") {
  CHECK(thrown<InputError>([] { budget::parse_selection(selection("1")); }).code == std::nullopt);  // reads
  for (std::string big : {"9223372036854775808", "1180591620717411303424", "1e30"}) {
    auto s = thrown<InputError>([&] { budget::parse_selection(selection(big)); });
    CHECK(s.code == Errc::invalid_value);
    CHECK(s.message.find("/top_n is too large") != std::string::npos);
  }
  CHECK(thrown<InputError>([] { budget::parse_selection(selection("1.5")); }).code == Errc::wrong_type);
}
