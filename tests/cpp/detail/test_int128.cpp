// koers::detail::wide_int (koers/detail/int128.hpp), the portable 128-bit integer, against the
// compiler's __int128: every operation on edge values (0, ±1, around ±2^63, ±2^64, ±2^127) and on
// random values of every bit length, both signs. Built twice by ctest: in test_detail (where
// i128 is __int128) and in test_portable_int128 (KOERS_PORTABLE_INT128: i128 is wide_int).
#include "testing.hpp"

#include <koers/detail/int128.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

using koers::detail::wide_int;

#if defined(__SIZEOF_INT128__)
namespace {
__extension__ typedef __int128 native;
__extension__ typedef unsigned __int128 unative;

native to_native(wide_int w) { return static_cast<native>((static_cast<unative>(w.high_word()) << 64) | w.low_word()); }
wide_int from_native(native n) {
  const auto u = static_cast<unative>(n);
  return wide_int::from_words(static_cast<std::uint64_t>(u >> 64), static_cast<std::uint64_t>(u));
}
// wrapping arithmetic on the native side (signed overflow is undefined; wide_int wraps)
native wrap_add(native a, native b) { return static_cast<native>(static_cast<unative>(a) + static_cast<unative>(b)); }
native wrap_sub(native a, native b) { return static_cast<native>(static_cast<unative>(a) - static_cast<unative>(b)); }
native wrap_mul(native a, native b) { return static_cast<native>(static_cast<unative>(a) * static_cast<unative>(b)); }
native wrap_neg(native a) { return static_cast<native>(unative{0} - static_cast<unative>(a)); }

constexpr native kMax = static_cast<native>(~unative{0} >> 1);
constexpr native kMin = -kMax - 1;

std::vector<native> edge_values() {
  std::vector<native> v;
  const native p63 = native{1} << 63, p64 = native{1} << 64;
  for (native base : {native{0}, p63, p64, native{1} << 62, native{1} << 100, kMax, kMin,
                      static_cast<native>(std::numeric_limits<std::int64_t>::max()),
                      static_cast<native>(std::numeric_limits<std::int64_t>::min()),
                      static_cast<native>(std::numeric_limits<std::uint64_t>::max())})
    for (native d : {native{-2}, native{-1}, native{0}, native{1}, native{2}}) {
      v.push_back(wrap_add(base, d));
      v.push_back(wrap_neg(wrap_add(base, d)));
    }
  for (native x : {native{3}, native{7}, native{10}, native{100}, native{1000003}, native{-10}}) v.push_back(x);
  return v;
}

std::vector<native> random_values(std::size_t count) {
  std::mt19937_64 rng(20260312);
  std::vector<native> v;
  for (std::size_t i = 0; i < count; ++i) {
    const unative bits = (static_cast<unative>(rng()) << 64) | rng();
    const int len = static_cast<int>(rng() % 128) + 1;  // every bit length 1..128
    unative u = len == 128 ? bits : bits & ((unative{1} << len) - 1);
    native x = static_cast<native>(u);
    if (len < 128 && (rng() & 1)) x = -x;
    v.push_back(x);
  }
  return v;
}

void check_pair(native a, native b) {
  const wide_int wa = from_native(a), wb = from_native(b);
  INFO("a = " << static_cast<long double>(a) << ", b = " << static_cast<long double>(b));
  REQUIRE(to_native(wa) == a);
  CHECK(to_native(wa + wb) == wrap_add(a, b));
  CHECK(to_native(wa - wb) == wrap_sub(a, b));
  CHECK(to_native(wa * wb) == wrap_mul(a, b));
  CHECK(to_native(-wa) == wrap_neg(a));
  CHECK(to_native(~wa) == ~a);
  CHECK(to_native(wa & wb) == (a & b));
  CHECK(to_native(wa | wb) == (a | b));
  CHECK(to_native(wa ^ wb) == (a ^ b));
  CHECK((wa == wb) == (a == b));
  CHECK((wa != wb) == (a != b));
  CHECK((wa < wb) == (a < b));
  CHECK((wa <= wb) == (a <= b));
  CHECK((wa > wb) == (a > b));
  CHECK((wa >= wb) == (a >= b));
  if (b != 0 && !(a == kMin && b == -1)) {
    CHECK(to_native(wa / wb) == a / b);
    CHECK(to_native(wa % wb) == a % b);
  }
}
}  // namespace

TEST_CASE("wide_int agrees with __int128 on edge values", "[int128]") {
  const auto v = edge_values();
  for (native a : v)
    for (native b : v) check_pair(a, b);
}

TEST_CASE("wide_int agrees with __int128 on random values of every length and sign", "[int128]") {
  const auto v = random_values(3000);
  for (std::size_t i = 0; i + 1 < v.size(); ++i) check_pair(v[i], v[i + 1]);
  // division by int64 divisors, as money and hours divide
  std::mt19937_64 rng(7);
  for (native a : v) {
    const auto d64 = static_cast<std::int64_t>(rng()) >> (rng() % 63);
    if (d64 == 0) continue;
    const wide_int wa = from_native(a);
    CHECK(to_native(wa / d64) == a / d64);
    CHECK(to_native(wa % d64) == a % d64);
  }
}

TEST_CASE("wide_int shifts, converts and counts as __int128 does", "[int128]") {
  auto v = edge_values();
  const auto r = random_values(300);
  v.insert(v.end(), r.begin(), r.end());
  for (native a : v) {
    const wide_int w = from_native(a);
    for (int n : {0, 1, 2, 31, 32, 33, 58, 61, 63, 64, 65, 100, 126, 127}) {
      CHECK(to_native(w << n) == static_cast<native>(static_cast<unative>(a) << n));
      CHECK(to_native(w >> n) == (a >> n));
    }
    CHECK(static_cast<std::int64_t>(w) == static_cast<std::int64_t>(a));
    CHECK(static_cast<std::uint64_t>(w) == static_cast<std::uint64_t>(a));
    CHECK(static_cast<int>(w) == static_cast<int>(a));
    CHECK(static_cast<bool>(w) == static_cast<bool>(a));
    CHECK(static_cast<double>(w) == static_cast<double>(a));
    wide_int inc = w, dec = w;
    CHECK(to_native(++inc) == wrap_add(a, 1));
    CHECK(to_native(dec--) == a);
    CHECK(to_native(dec) == wrap_sub(a, 1));
  }
  for (std::int64_t x : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42}, std::numeric_limits<std::int64_t>::min(),
                         std::numeric_limits<std::int64_t>::max()})
    CHECK(to_native(wide_int(x)) == native{x});
  CHECK(to_native(wide_int(std::numeric_limits<std::uint64_t>::max())) ==
        static_cast<native>(std::numeric_limits<std::uint64_t>::max()));
  CHECK(to_native(wide_int(-7)) == -7);
  CHECK(static_cast<double>(from_native(kMin)) == -1.7014118346046923e38);
}
#endif

TEST_CASE("wide_int is usable in constant expressions and mixes with built-in integers", "[int128]") {
  static_assert(wide_int(5) * -3 == -15);
  static_assert((wide_int(1) << 127) < 0);
  static_assert(wide_int(-7) / 2 == -3 && wide_int(-7) % 2 == -1);
  static_assert(wide_int(std::numeric_limits<std::int64_t>::max()) * 2 > std::numeric_limits<std::int64_t>::max());
  constexpr wide_int big =
      wide_int(std::numeric_limits<std::int64_t>::min()) * std::numeric_limits<std::int64_t>::min();
  static_assert(big == (wide_int(1) << 126));
  static_assert(big / std::numeric_limits<std::int64_t>::min() == std::numeric_limits<std::int64_t>::min());
  CHECK(static_cast<std::int64_t>(big >> 64) == (std::int64_t{1} << 62));
  using koers::detail::i128;  // __int128 or wide_int, as the build chose
  CHECK(koers::detail::gcd128(i128(-12) << 70, i128(18) << 65) == (i128(6) << 65));
  CHECK(koers::detail::gcd128(0, -5) == 5);
  CHECK(koers::detail::gcd128(0, 0) == 0);
#if defined(KOERS_PORTABLE_INT128)
  static_assert(!koers::detail::native_i128, "KOERS_PORTABLE_INT128 selects wide_int");
  static_assert(std::is_same_v<koers::detail::i128, wide_int>);
#elif defined(__GNUC__) && defined(__SIZEOF_INT128__)
  static_assert(koers::detail::native_i128, "GCC and Clang use __int128");
#endif
}
