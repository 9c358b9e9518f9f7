#pragma once
// The two translations between Python objects and JSON values in the bindings.
// - to_json_value: a Python value (a document built in Python: dicts, lists, str, bool, int,
//   float, None) as a JSON value. The readers that take a dict (koers.decision, koers.ahp, the
//   cost options) translate it here and hand the value to their C++ reader, which checks it as it
//   checks a file (codes and JSON paths).
// - to_python: a result's JSON value (its one writer, src/result_json.hpp) as Python objects —
//   dicts in the value's key order, lists, str, bool, int, float, and None for null and for a
//   number that is not finite (what the JSON text holds there).
#include "bindings.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace koers::python {

/// `x` as JSON; InputError E108 past 64 levels (or a value that holds itself), E110 a number that
/// is not finite, E106 a key that is not a string or a value JSON cannot hold, E107 a string that
/// is not valid Unicode — each naming the JSON path where it was found ("/" at the top).
nlohmann::ordered_json to_json_value(py::handle x);

/// `v` as Python objects (see above); strings decoded as UTF-8 with U+FFFD for a bad byte, as the
/// text writers do.
py::object to_python(const nlohmann::json& v);
py::object to_python(const nlohmann::ordered_json& v);

/// The C++ readers take JSON text: `x` as JSON, written in C++ (nothing crosses as text).
inline std::string json_text_of(py::handle x) { return to_json_value(x).dump(); }

}  // namespace koers::python
