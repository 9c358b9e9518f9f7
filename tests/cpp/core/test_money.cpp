#include "testing.hpp"

#include <koers/core/money.hpp>

using koers::Money;
using koers::Ratio;
using koers::Rounding;

TEST_CASE("Money parses the amounts of Tabel 7 as the seed writes them", "[money]") {
  // Source: Deventer strategisch leer & ontwikkelplan 2014-2017, Tabel 7 (seeds/000, ch. 4.2)
  auto strategic = Money::parse("314.777,00");
  auto functional = Money::parse("314.594,00");
  auto personal = Money::parse("357.451,62");
  CHECK(strategic.cents() == 31477700);
  CHECK(functional.cents() == 31459400);
  CHECK(personal.cents() == 35745162);
  CHECK(strategic + functional + personal == Money::parse("986822.62"));
  CHECK(Money::parse("€ 314.777,00") == strategic);
  CHECK(Money::parse("314777.00") == strategic);
  CHECK(Money::parse("314777") == strategic);
  CHECK(Money::parse("€ 12,-").cents() == 1200);
  CHECK(Money::parse("-12,5").cents() == -1250);
  CHECK(Money::parse("0,05").cents() == 5);
}

TEST_CASE("Money prints in Dutch format", "[money]") {
  CHECK(Money::from_cents(98682262).to_string() == "€ 986.822,62");
  CHECK(Money::from_cents(5).to_string() == "€ 0,05");
  CHECK(Money::from_cents(-123450).to_string() == "€ -1.234,50");
  CHECK(Money::from_cents(98682262).to_decimal() == "986822.62");
  CHECK(Money::from_cents(-5).to_decimal() == "-0.05");
}

TEST_CASE("Money refuses what it cannot read exactly", "[money]") {
  for (const char* bad : {"", "€", "abc", "1.2.3", "12,345", "1,2,3", "1.23.456", "12x", "--1", "1.0001"}) {
    INFO(bad);
    CHECK_THROWS_AS(Money::parse(bad), koers::InputError);
  }
  try {
    Money::parse("12,345");
  } catch (const koers::InputError& e) {
    CHECK(e.code() == koers::Errc::money_parse);
    CHECK(std::string(e.what()).find("12,345") != std::string::npos);
  }
  CHECK_THROWS_AS(Money::parse("999999999999999999999"), koers::InputError);
  auto big = Money::from_cents(std::numeric_limits<std::int64_t>::max());
  CHECK_THROWS_AS(big + Money::from_cents(1), koers::InputError);
  CHECK_THROWS_AS(big * 2, koers::InputError);
}

TEST_CASE("Money scales exactly with a ratio and a rounding rule", "[money]") {
  // STYLE.md C1: 314.777,00 x 9/10 = 283.299,30
  CHECK(Money::parse("314777.00").scaled({9, 10}, Rounding::half_even).cents() == 28329930);
  CHECK(Money::from_cents(5).scaled({1, 2}, Rounding::half_even).cents() == 2);
  CHECK(Money::from_cents(7).scaled({1, 2}, Rounding::half_even).cents() == 4);
  CHECK(Money::from_cents(5).scaled({1, 2}, Rounding::half_up).cents() == 3);
  CHECK(Money::from_cents(5).scaled({1, 2}, Rounding::floor).cents() == 2);
  CHECK(Money::from_cents(-5).scaled({1, 2}, Rounding::floor).cents() == -3);
  CHECK(Money::from_cents(-5).scaled({1, 2}, Rounding::toward_zero).cents() == -2);
  CHECK(Ratio::parse("0.9") == Ratio{9, 10});
  CHECK(Ratio::parse("0,025") == Ratio{1, 40});
  CHECK_THROWS_AS(Ratio::parse("0.9x"), koers::InputError);
}

TEST_CASE("Money allocates by largest remainder and the parts add up", "[money]") {
  auto parts = Money::from_cents(100).allocate({1, 1, 1});
  CHECK(parts[0].cents() == 34);
  CHECK(parts[1].cents() == 33);
  CHECK(parts[2].cents() == 33);
  // functional budget shared by FTE (illustrative team sizes)
  auto functional = Money::parse("314.594,00");
  std::vector<std::int64_t> fte{1275, 830, 2210, 455, 3390};  // FTE x 100
  auto shares = functional.allocate(fte);
  CHECK(koers::sum(shares) == functional);
  CHECK_THROWS_AS(functional.allocate({0, 0}), koers::InputError);
  CHECK_THROWS_AS(functional.allocate({1, -1}), koers::InputError);
}

TEST_CASE("Ratio reads trailing fraction zeros exactly (issue 13 item 14)", "[money][hostile]") {
  CHECK(Ratio::parse("1.000000000000000000000000000000") == Ratio{1, 1});
  CHECK(Ratio::parse("0.90000000000000000000000000") == Ratio{9, 10});
  CHECK(Ratio::parse("0.0000000000000000000000000000") == Ratio{0, 1});
  CHECK(Ratio::parse("2.50 ") == Ratio{5, 2});
  // digits that matter still have to fit 64 bits
  CHECK_THROWS_AS(Ratio::parse("0.1234567890123456789012"), koers::InputError);
  CHECK_THROWS_AS(Ratio::parse("100000000000000000000"), koers::InputError);
  CHECK(Money::from_cents(31477700).scaled(Ratio::parse("1.000000000000000000000000000000"), Rounding::floor).cents() ==
        31477700);
}

TEST_CASE("Money names a non-ASCII character whole, never half of it (issue 13 item 15)", "[money][hostile]") {
  auto message = [](const std::string& s) {
    try {
      Money::parse(s);
    } catch (const koers::InputError& e) {
      CHECK(e.code() == koers::Errc::money_parse);
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(message("12\xD9\xA3,00").find("unexpected character '\xD9\xA3' (U+0663)") !=
        std::string::npos);  // Arabic-Indic 3
  CHECK(message("\xF0\x9F\x98\x80").find("(U+01F600)") != std::string::npos);
  CHECK(message("12,\xD9\xA3").find("'\xD9\xA3' (U+0663) in the cents") != std::string::npos);
  CHECK(message("1\xFF"
                "2")
            .find("byte 0xFF") != std::string::npos);
  CHECK(message("1\xD9").find("byte 0xD9") != std::string::npos);  // cut short: the byte, not half a character
  CHECK(message("1x2").find("unexpected character 'x'") != std::string::npos);
}
