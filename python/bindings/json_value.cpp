// The one translation from Python values to JSON values (json_value.hpp).
#include "json_value.hpp"

#include <koers/core/error.hpp>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace koers::python {
namespace {
using ojson = nlohmann::ordered_json;

[[noreturn]] void refuse(Errc code, const std::string& path, const std::string& what) {
  throw InputError::at(code, path.empty() ? "/" : path, what);
}

// A Python value as JSON: dicts with string keys, lists and tuples, str, bool, int, float, None.
ojson to_json(py::handle x, const std::string& path, int depth) {
  if (depth > 64) refuse(Errc::too_deep, path, "nests deeper than 64 levels (or refers to itself)");
  if (x.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(x)) return x.cast<bool>();
  if (py::isinstance<py::str>(x)) {
    PyObject* b = PyUnicode_AsUTF8String(x.ptr());
    if (!b) {
      PyErr_Clear();
      refuse(Errc::invalid_value, path, "is not valid Unicode text (a lone surrogate?)");
    }
    std::string s(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b)));
    Py_DECREF(b);
    return s;
  }
  if (PyLong_Check(x.ptr())) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(x.ptr(), &overflow);
    if (overflow == 0) return static_cast<std::int64_t>(v);
    double d = PyLong_AsDouble(x.ptr());
    if (d == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      refuse(Errc::not_finite, path, "number is not finite (an integer too large for a double)");
    }
    return d;
  }
  if (PyFloat_Check(x.ptr())) {
    double d = PyFloat_AS_DOUBLE(x.ptr());
    if (!std::isfinite(d)) refuse(Errc::not_finite, path, "number is not finite");
    return d;
  }
  if (py::isinstance<py::dict>(x)) {
    ojson o = ojson::object();
    for (auto kv : x.cast<py::dict>()) {
      if (!py::isinstance<py::str>(kv.first)) refuse(Errc::wrong_type, path, "has a key that is not a string");
      std::string k = to_json(kv.first, path, depth + 1).get<std::string>();
      o[k] = to_json(kv.second, path + "/" + k, depth + 1);
    }
    return o;
  }
  if (py::isinstance<py::list>(x) || py::isinstance<py::tuple>(x)) {
    ojson a = ojson::array();
    std::size_t i = 0;
    for (auto v : x) a.push_back(to_json(v, path + "/" + std::to_string(i++), depth + 1));
    return a;
  }
  if (py::hasattr(x, "tolist") && py::hasattr(x, "dtype"))  // NumPy arrays and scalars
    return to_json(x.attr("tolist")(), path, depth + 1);
  refuse(Errc::wrong_type, path,
         "expected a JSON value, got " + std::string(py::str(py::type::handle_of(x).attr("__name__"))));
}
}  // namespace

nlohmann::ordered_json to_json_value(py::handle x) { return to_json(x, "", 0); }

namespace {
py::object utf8(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

template <class J>
py::object python_of(const J& v) {
  using t = nlohmann::detail::value_t;
  switch (v.type()) {
    case t::null: return py::none();
    case t::boolean: return py::bool_(v.template get<bool>());
    case t::number_integer: return py::int_(v.template get<std::int64_t>());
    case t::number_unsigned: return py::int_(v.template get<std::uint64_t>());
    case t::number_float: {
      const double d = v.template get<double>();
      return std::isfinite(d) ? py::object(py::float_(d)) : py::object(py::none());
    }
    case t::string: return utf8(v.template get_ref<const std::string&>());
    case t::array: {
      py::list a(v.size());
      std::size_t i = 0;
      for (const auto& x : v) PyList_SET_ITEM(a.ptr(), static_cast<Py_ssize_t>(i++), python_of(x).release().ptr());
      return a;
    }
    case t::object: {
      py::dict d;
      for (auto it = v.begin(); it != v.end(); ++it) {
        py::object value = python_of(it.value());
        py::object key = utf8(it.key());
        if (PyDict_SetItem(d.ptr(), key.ptr(), value.ptr()) != 0) throw py::error_already_set();
      }
      return d;
    }
    default:  // binary or discarded: no koers writer makes either
      throw std::logic_error("to_python: a JSON value of a kind koers does not write");
  }
}
}  // namespace

py::object to_python(const nlohmann::json& v) { return python_of(v); }
py::object to_python(const nlohmann::ordered_json& v) { return python_of(v); }

}  // namespace koers::python
