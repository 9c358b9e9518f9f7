#pragma once
// Internal helpers shared by every koers JSON reader in src/ (never installed).
// Parse with a depth limit (hostile files), check format/version, read fields with their JSON
// path, and refuse unknown fields — all as koers::InputError with a stable code.
#include <koers/core/error.hpp>
#include <koers/core/money.hpp>

#include <koers/io/file.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace koers::detail {

using json = nlohmann::json;

inline constexpr int max_json_depth = 64;
inline constexpr std::size_t max_json_bytes = koers::io::max_file_bytes;  // 1 GiB

/// Calls visit(i) for each byte text[i] outside a JSON string (a string's quotes, content and
/// escapes are skipped), stopping at the first call that returns true; true when one did.
template <class Visit>
bool any_outside_strings(std::string_view text, Visit visit) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (visit(i)) {
      return true;
    }
  }
  return false;
}

/// The deepest nesting of arrays/objects in a JSON text (strings skipped), stopping as soon as
/// it passes `limit`. A linear scan: cheaper than nlohmann's callback parser by far.
inline int json_depth(std::string_view text, int limit) {
  int depth = 0, deepest = 0;
  any_outside_strings(text, [&](std::size_t i) {
    char c = text[i];
    if (c == '[' || c == '{') return ++depth > deepest && (deepest = depth) > limit;
    if (c == ']' || c == '}') --depth;
    return false;
  });
  return deepest;
}

/// THE wording of the checks every JSON reader makes before parsing: E101 "… is not valid JSON:
/// not UTF-8 (byte N)" (the parser's own message would echo the broken bytes), E108 "… nests
/// deeper than 64 levels".
inline void check_json_text(std::string_view text, const std::string& origin) {
  if (auto bad = koers::io::invalid_utf8(text))
    throw InputError(Errc::not_json, origin + " is not valid JSON: not UTF-8 (byte " + std::to_string(*bad) + ")",
                     {origin});
  if (json_depth(text, max_json_depth) > max_json_depth)
    throw InputError(Errc::too_deep, origin + " nests deeper than " + std::to_string(max_json_depth) + " levels",
                     {origin});
}

/// JSON has no NaN or Infinity: true when the text holds such a literal outside a string, so
/// that a reader can name it (E110) instead of a bare syntax error.
inline bool has_non_finite_literal(std::string_view text) {
  return any_outside_strings(
      text, [&](std::size_t i) { return text.compare(i, 3, "NaN") == 0 || text.compare(i, 8, "Infinity") == 0; });
}

/// Parse JSON text into `J` (nlohmann::json, or ordered_json where order matters); malformed,
/// truncated, non-UTF-8 or too deeply nested input gives InputError E101/E108 naming `origin` and
/// the position; a NaN/Infinity literal E110; a number past a double `out_of_range` (E107 by
/// default; the decision reader says E110). The one parse every koers JSON reader goes through.
template <class J>
J parse_json_text_as(std::string_view text, const std::string& origin, Errc out_of_range = Errc::invalid_value) {
  check_json_text(text, origin);
  try {
    return J::parse(text.begin(), text.end());
  } catch (const typename J::parse_error& e) {
    if (has_non_finite_literal(text))
      throw InputError(Errc::not_finite, origin + ": a non-finite number (JSON has no NaN or Infinity)", {origin});
    std::string what = e.what();
    auto p = what.find("] ");
    throw InputError(Errc::not_json,
                     origin + " is not valid JSON: " + (p == std::string::npos ? what : what.substr(p + 2)), {origin});
  } catch (const typename J::out_of_range& e) {
    std::string what = e.what();
    auto p = what.find("] ");
    throw InputError(
        out_of_range,
        origin + " holds a number out of range (" + (p == std::string::npos ? what : what.substr(p + 2)) + ")",
        {origin});
  } catch (const typename J::exception& e) {
    throw InputError(Errc::not_json, origin + " is not valid JSON: " + e.what(), {origin});
  }
}

inline json parse_json_text(std::string_view text, const std::string& origin) {
  return parse_json_text_as<json>(text, origin);
}

inline json read_json_file(const std::string& path) {
  return parse_json_text(koers::io::read_file(path, max_json_bytes), "'" + path + "'");
}

/// Check {"format": format, "version": 1..max_version} at the top of a document.
inline void check_format(const json& j, const std::string& format, int max_version, const std::string& origin) {
  if (!j.is_object()) throw InputError(Errc::wrong_type, origin + ": the document must be a JSON object", {"/"});
  auto f = j.find("format");
  if (f == j.end() || !f->is_string())
    throw InputError(Errc::wrong_format, origin + ": /format is missing; expected \"" + format + "\"", {"/format"});
  if (f->get<std::string>() != format)
    throw InputError(Errc::wrong_format,
                     origin + ": /format is \"" + f->get<std::string>() + "\", expected \"" + format + "\"",
                     {"/format"});
  auto v = j.find("version");
  if (v == j.end() || !v->is_number_integer())
    throw InputError(Errc::unsupported_version, origin + ": /version must be an integer", {"/version"});
  auto ver = v->get<std::int64_t>();
  if (ver < 1 || ver > max_version)
    throw InputError(Errc::unsupported_version,
                     origin + ": /version " + std::to_string(ver) + " is not supported (this koers reads 1.." +
                         std::to_string(max_version) + ")",
                     {"/version"});
}

inline std::string type_name(const json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

/// True for a JSON number past the 64-bit signed range, however it is written: an integer
/// literal past 2^63 - 1 (nlohmann keeps it unsigned up to 2^64 - 1) or one so long that the
/// parser makes it a double (2^70 = 1180591620717411303424 arrives as a float), or a decimal
/// literal of that size (1e30). Readers give these their range error (E114 for cents, E107 for
/// other whole numbers) rather than "must be a whole number": the number is whole, only too big.
inline bool beyond_int64(const json& v) {
  if (v.is_number_unsigned())
    return v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (v.is_number_float()) {
    double d = v.get<double>();
    return std::isfinite(d) && (d >= 0x1p63 || d < -0x1p63);
  }
  return false;
}
/// The wording of a whole number past the 64-bit range (E107).
inline std::string out_of_int64(const json& v) {
  return v.is_number_float() && v.get<double>() < 0 ? "is too small" : "is too large";
}

/// Reads the fields of one JSON object, remembering which it used; finish() refuses the rest.
class ObjectReader {
 public:
  ObjectReader(const json& j, std::string path) : j_(j), path_(std::move(path)) {
    if (!j.is_object()) fail(Errc::wrong_type, path_, "must be an object, not " + type_name(j));
  }
  const std::string& path() const { return path_; }
  std::string at(const std::string& key) const { return path_ + "/" + key; }
  bool has(const std::string& key) {
    used_.insert(key);
    return j_.contains(key) && !j_.at(key).is_null();
  }
  const json* get(const std::string& key, bool required) {
    used_.insert(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      if (required) fail(Errc::missing_field, at(key), "is required");
      return nullptr;
    }
    return &*it;
  }
  std::optional<std::string> str(const std::string& key, bool required = false) {
    auto* v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) fail(Errc::wrong_type, at(key), "must be a string, not " + type_name(*v));
    return v->get<std::string>();
  }
  std::string str_or(const std::string& key, std::string dflt) {
    auto s = str(key);
    return s ? *s : dflt;
  }
  std::optional<double> number(const std::string& key, bool required = false) {
    auto* v = get(key, required);
    if (!v) return std::nullopt;
    return as_number(*v, at(key));
  }
  std::optional<std::int64_t> integer(const std::string& key, bool required = false) {
    auto* v = get(key, required);
    if (!v) return std::nullopt;
    return as_integer(*v, at(key));
  }
  std::optional<bool> boolean(const std::string& key, bool required = false) {
    auto* v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) fail(Errc::wrong_type, at(key), "must be true or false, not " + type_name(*v));
    return v->get<bool>();
  }
  const json* array(const std::string& key, bool required = false) {
    auto* v = get(key, required);
    if (v && !v->is_array()) fail(Errc::wrong_type, at(key), "must be an array, not " + type_name(*v));
    return v;
  }
  const json* object(const std::string& key, bool required = false) {
    auto* v = get(key, required);
    if (v && !v->is_object()) fail(Errc::wrong_type, at(key), "must be an object, not " + type_name(*v));
    return v;
  }
  /// Refuse every field not read (E104, with its JSON path).
  void finish() const {
    for (auto it = j_.begin(); it != j_.end(); ++it)
      if (!used_.count(it.key())) fail(Errc::unknown_field, at(it.key()), "is not a field of this format");
  }
  /// The fields not read, in the order finish() refuses them (a validator reports each).
  std::vector<std::string> unread() const {
    std::vector<std::string> keys;
    for (auto it = j_.begin(); it != j_.end(); ++it)
      if (!used_.count(it.key())) keys.push_back(it.key());
    return keys;
  }

  static double as_number(const json& v, const std::string& path) {
    if (!v.is_number()) fail(Errc::wrong_type, path, "must be a number, not " + type_name(v));
    double d = v.get<double>();
    if (!std::isfinite(d)) fail(Errc::not_finite, path, "must be a finite number");
    return d;
  }
  static std::int64_t as_integer(const json& v, const std::string& path) {
    if (beyond_int64(v)) fail(Errc::invalid_value, path, out_of_int64(v));
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number_float()) {
      double d = v.get<double>();
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) return static_cast<std::int64_t>(d);
      fail(Errc::wrong_type, path, "must be a whole number");
    }
    fail(Errc::wrong_type, path, "must be a whole number, not " + type_name(v));
    return 0;
  }
  static std::string as_string(const json& v, const std::string& path) {
    if (!v.is_string()) fail(Errc::wrong_type, path, "must be a string, not " + type_name(v));
    return v.get<std::string>();
  }
  [[noreturn]] static void fail(Errc code, const std::string& path, const std::string& what) {
    throw InputError(code, path + " " + what, {path});
  }

 private:
  const json& j_;
  std::string path_;
  std::set<std::string> used_;
};

/// Cents: a JSON integer (a float or a string is E106), in the 64-bit range (E114, also for a
/// number past it that the parser holds as a float, such as 2^70), ≥ 0 (E107).
inline Money cents_at(const json& v, const std::string& path) {
  if (beyond_int64(v)) ObjectReader::fail(Errc::money_overflow, path, "is beyond the 64-bit cent range");
  if (!v.is_number_integer())
    ObjectReader::fail(Errc::wrong_type, path,
                       "must be a whole number of cents (an integer), not " +
                           (v.is_number_float() ? std::string("a decimal number") : type_name(v)));
  auto c = v.get<std::int64_t>();
  if (c < 0) ObjectReader::fail(Errc::invalid_value, path, "must not be negative");
  return Money::from_cents(c);
}

}  // namespace koers::detail
