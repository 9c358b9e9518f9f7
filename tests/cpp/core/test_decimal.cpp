// Exact decimals (koers/core/decimal.hpp): the one reader behind Ratio::parse, parse_hours and the
// portfolio scenarios' factors. Sources of the vectors, per case: the figures of the seeds in
// ../shared/seeds (000_b2e3445de29c70ff.txt: "2% van de loonsom" in 2014, 3% towards 2020,
// l. 1200-1201; 004_481bb832475c1a2f.txt: "gewaardeerd met 7,7", l. 192, and "4,17" participants
// per started training, l. 678), the cases of tests/cpp/core/test_money.cpp and test_hours.cpp
// (which the readers must keep), the compose cases of tests/cpp/budget/test_portfolio_sweep.cpp
// and tests/python/test_budget.py ("1e3" is no factor), and the limits of the file comment
// (int64 digits, 18 decimals: boundaries by hand, INT64_MAX = 9223372036854775807).
#include "testing.hpp"

#include <koers/core/decimal.hpp>
#include <koers/core/hours.hpp>
#include <koers/core/money.hpp>

#include <string>

using koers::Decimal;
using koers::DecimalError;
using koers::DecimalSyntax;
using koers::Ratio;
using koers::read_decimal;
using koers::testing::code_of;

namespace {
Decimal value_of(const char* text, DecimalSyntax syntax = {}) {
  auto r = read_decimal(text, syntax);
  REQUIRE(r.error == DecimalError::none);
  return r.value;
}
DecimalError error_of(const char* text, DecimalSyntax syntax = {}) { return read_decimal(text, syntax).error; }
/// The message of the InputError that f() throws ("" for none).
template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const koers::InputError& e) { return e.message(); }
  return "";
}
}  // namespace

TEST_CASE("read_decimal: a scaled integer, exact, canonical", "[decimal]") {
  // the seeds' figures: 2 % and 3 % of payroll (seed 000, l. 1200-1201), 7,7 and 4,17 (seed 004)
  CHECK(value_of("0.02") == Decimal{2, 2, false});
  CHECK(value_of("0.03") == Decimal{3, 2, false});
  CHECK(value_of("7,7") == Decimal{77, 1, false});
  CHECK(value_of("4,17") == Decimal{417, 2, false});
  // test_money.cpp: "0.9", "0,025", "2.50 "; Money.hpp's doc: "-0,5"
  CHECK(value_of("0.9") == Decimal{9, 1, false});
  CHECK(value_of("0,025") == Decimal{25, 3, false});
  CHECK(value_of("2.50 ") == Decimal{25, 1, false});
  CHECK(value_of("-0,5") == Decimal{5, 1, true});
  CHECK(value_of("+4") == Decimal{4, 0, false});
  CHECK(value_of("  12  ") == Decimal{12, 0, false});
  CHECK(value_of("007") == Decimal{7, 0, false});
  CHECK(value_of("10") == Decimal{10, 0, false});  // integer zeros are digits
  CHECK(value_of(".5") == Decimal{5, 1, false});   // a bare point (the default syntax)
  CHECK(value_of("5.") == Decimal{5, 0, false});
  // trailing fraction zeros change nothing, however many (test_money.cpp, issue 13 item 14)
  CHECK(value_of("1.000000000000000000000000000000") == Decimal{1, 0, false});
  CHECK(value_of("0.90000000000000000000000000") == Decimal{9, 1, false});
  CHECK(value_of("0.0000000000000000000000000000") == Decimal{0, 0, false});
  CHECK(value_of("-0") == Decimal{0, 0, false});  // zero is never negative
  CHECK(value_of("-0.000") == Decimal{0, 0, false});
  CHECK(value_of("0.1").denominator() == 10);  // 0.1 h: 1/10 exactly (test_hours.cpp)
}

TEST_CASE("read_decimal: the limits are int64 digits and 18 decimals", "[decimal]") {
  CHECK(value_of("9223372036854775807") == Decimal{INT64_MAX, 0, false});
  CHECK(value_of("-9223372036854775807") == Decimal{INT64_MAX, 0, true});
  CHECK(error_of("9223372036854775808") == DecimalError::too_many_digits);
  CHECK(error_of("100000000000000000000") == DecimalError::too_many_digits);  // test_money.cpp
  CHECK(value_of("0.000000000000000001") == Decimal{1, 18, false});           // 18 decimals
  CHECK(value_of("0.000000000000000001").denominator() == 1000000000000000000);
  CHECK(error_of("0.0000000000000000001") == DecimalError::too_many_digits);  // 19
  CHECK(value_of("0.1234567890123456780000") == Decimal{123456789012345678, 18, false});
  CHECK(error_of("0.1234567890123456789012") == DecimalError::too_many_digits);  // test_money.cpp
  CHECK(value_of("922337203.6854775807") == Decimal{INT64_MAX, 10, false});
  CHECK(error_of("922337203.6854775808") == DecimalError::too_many_digits);
}

TEST_CASE("read_decimal: what is no decimal, and syntax before length", "[decimal]") {
  // test_money.cpp "0.9x"; test_hours.cpp's refusals
  for (const char* bad : {"",      " ",   "-",   "+",  ".",    ",",   "0.9x", "abc", "nan", "inf", "1e3", "4.5.1",
                          "1,2.5", "--4", "+-4", "4h", "0x10", "1 2", "- 5",  "\t1", "1\t", "€1",  "١"})
    CHECK(error_of(bad) == DecimalError::syntax);
  // a long text that is no number is a syntax error, not "too many digits"
  CHECK(error_of("100000000000000000000x") == DecimalError::syntax);
  CHECK(error_of("0.1234567890123456789012.5") == DecimalError::syntax);
}

TEST_CASE("DecimalSyntax: each reader's dialect", "[decimal]") {
  // plain(): the portfolio scenarios' "non-negative decimal string such as \"0.9\""
  const auto plain = DecimalSyntax::plain();
  for (const char* ok : {"0.9", "0.95", "12", "1.25", "0", "0.02", "0.333"})
    CHECK(error_of(ok, plain) == DecimalError::none);
  for (const char* bad : {"-1", "+1", "0,9", ".5", "5.", " 1", "1 ", "", "1e3", "1.2.3"})
    CHECK(error_of(bad, plain) == DecimalError::syntax);  // "1e3": tests/python/test_budget.py
  CHECK(error_of("0.1234567890123456789012", plain) == DecimalError::too_many_digits);
  // parse_hours' parts: sign, comma and a bare point, no spaces
  const DecimalSyntax hours{.spaces = false};
  CHECK(value_of("2,5", hours) == Decimal{25, 1, false});
  CHECK(value_of("-4", hours) == Decimal{4, 0, true});
  CHECK(error_of(" 4", hours) == DecimalError::syntax);
  CHECK(error_of("4 ", hours) == DecimalError::syntax);
  // the academy log's days: digits and one '.', a bare point allowed
  const DecimalSyntax days{.sign = false, .comma = false, .spaces = false};
  CHECK(value_of(".5", days) == Decimal{5, 1, false});
  CHECK(error_of("0,5", days) == DecimalError::syntax);
  CHECK(error_of("-1", days) == DecimalError::syntax);
}

TEST_CASE("decimal_product and to_string: exact, shortest text", "[decimal]") {
  auto product = [](const char* a, const char* b) {
    auto r = koers::decimal_product(value_of(a), value_of(b));
    REQUIRE(r.error == DecimalError::none);
    return koers::to_string(r.value);
  };
  CHECK(product("0.9", "0.95") == "0.855");  // the comment of the portfolio's decimal_product
  // test_portfolio_sweep.cpp, compose: payroll {0.02, 0.025} then {0.5, 2} = {0.01, 0.05}
  CHECK(product("0.02", "0.5") == "0.01");
  CHECK(product("0.025", "2") == "0.05");
  // 3 % / 2 % of payroll (seed 000): the factor 1.5, and 2 % back again
  CHECK(product("0.02", "1.5") == "0.03");
  CHECK(product("1", "1") == "1");
  CHECK(product("0", "0.333") == "0");
  CHECK(product("-0.5", "0.5") == "-0.25");
  // the product is reduced before the limits: 5·10^18 × 4·10^-18 = 20 (128-bit on the way)
  CHECK(product("5000000000000000000", "0.000000000000000004") == "20");
  CHECK(koers::decimal_product(value_of("0.123456789"), value_of("0.0000000001")).error ==
        DecimalError::too_many_digits);  // 19 decimals
  CHECK(koers::decimal_product(value_of("9223372036854775807"), value_of("2")).error == DecimalError::too_many_digits);
  CHECK(koers::to_string(Decimal{855, 3, false}) == "0.855");
  CHECK(koers::to_string(Decimal{5, 2, false}) == "0.05");
  CHECK(koers::to_string(Decimal{500, 3, false}) == "0.5");  // not canonical: trailing zeros go
  CHECK(koers::to_string(Decimal{2, 0, false}) == "2");
  CHECK(koers::to_string(Decimal{5, 1, true}) == "-0.5");
  CHECK(koers::to_string(Decimal{0, 0, true}) == "0");
  CHECK(koers::to_string(Decimal{1, 18, false}) == "0.000000000000000001");
}

TEST_CASE("Ratio::parse and parse_hours read through read_decimal, with their own errors", "[decimal][money][hours]") {
  // 2 % of payroll = Ratio{2, 100} (money.hpp's Ratio doc; seed 000, l. 1200)
  CHECK(Ratio::parse("0.02") == Ratio{2, 100});
  CHECK(Ratio::parse("0.02").num == 1);  // reduced: 1/50
  CHECK(Ratio::parse("4,17") == Ratio{417, 100});
  CHECK(Ratio::parse("-0,5") == Ratio{-1, 2});
  CHECK(koers::to_ratio(value_of("0.000000000000000001")) == Ratio{1, 1000000000000000000});
  // Ratio::parse: InputError E107 naming the text, two messages
  CHECK(code_of([] { Ratio::parse("0.9x"); }) == koers::Errc::invalid_value);
  CHECK(message_of([] { Ratio::parse("0.9x"); }) == "'0.9x' is not a decimal number");
  CHECK(message_of([] { Ratio::parse("100000000000000000000"); }) ==
        "'100000000000000000000' has too many digits for an exact ratio (64-bit numerator and denominator)");
  try {
    Ratio::parse(" 1 2");
    FAIL("no error");
  } catch (const koers::InputError& e) { CHECK(e.element() == " 1 2"); }
  // parse_hours: E502 for no number or out of range, E503 for a bad fraction (test_hours.cpp)
  CHECK(koers::parse_hours("0.1") == Ratio{1, 10});
  CHECK(koers::parse_hours("1,5/2") == Ratio{3, 4});
  CHECK(message_of([] { koers::parse_hours("4h"); }) ==
        "hours: '4h' is not a number of hours such as \"2.5\" or \"10/3\"");
  CHECK(message_of([] { koers::parse_hours("10/x", "hours_per_week"); }) ==
        "hours_per_week: '10/x' is not a fraction such as \"10/3\"");
  CHECK(message_of([] { koers::parse_hours("99999999999999999999"); }) ==
        "hours: '99999999999999999999' is out of range");
  CHECK(code_of([] { koers::parse_hours("99999999999999999999"); }) == koers::Errc::invalid_hours);
  CHECK(code_of([] { koers::parse_hours("1/99999999999999999999"); }) == koers::Errc::invalid_hours);
  CHECK(code_of([] { koers::parse_hours("1/2x"); }) == koers::Errc::invalid_fraction);
}
