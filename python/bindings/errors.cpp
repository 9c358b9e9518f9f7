// One translator: every koers::Error becomes the matching class of koers.errors,
// built with (message, code, elements[, errors]) so it pickles (Dask sends it back).
#include "bindings.hpp"

#include <koers/core/error.hpp>

namespace koers::python {
namespace {
// Messages may quote bytes of a hostile file (invalid UTF-8): decode with replacement so the
// error itself never fails to cross into Python.
py::str safe_str(const std::string& s) {
  return py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
}
py::list safe_list(const std::vector<std::string>& v) {
  py::list out;
  for (const auto& s : v) out.append(safe_str(s));
  return out;
}
py::list issues_to_list(const std::vector<Issue>& issues) {
  py::list out;
  for (const auto& i : issues)
    out.append(py::dict("code"_a = code_string(i.code), "elements"_a = safe_list(i.elements),
                        "message"_a = safe_str(i.message)));
  return out;
}
// The class comes from the error table (koers.errors.class_for), so a code is raised as one
// class whichever C++ class carried it; validation keeps ModelError with its issue list.
void raise(const Error& e, py::object errors = py::none()) {
  py::object mod = py::module_::import("koers.errors");
  py::object klass = errors.is_none() ? mod.attr("class_for")(static_cast<int>(e.code())) : mod.attr("ModelError");
  py::object exc = klass(safe_str(e.message()), static_cast<int>(e.code()), safe_list(e.elements()), errors);
  PyErr_SetObject(klass.ptr(), exc.ptr());
}
}  // namespace

void register_errors(py::module_& m) {
  m.def("error_codes", &koers::error_codes, "Every error code with its name: [(number, name)].");
  m.def(
      "error_table",
      [] {
        py::list out;
        for (const auto& r : koers::error_table)
          out.append(py::make_tuple(r.number, std::string(r.name), std::string(r.error_class), std::string(r.meaning)));
        return out;
      },
      "The error table: [(number, name, class, meaning)] in table order.");
  m.def(
      "error_renamed",
      [] {
        py::list out;
        for (const auto& r : koers::error_renamed_table)
          out.append(py::make_tuple(std::string(r.old_name), std::string(r.name), r.number));
        return out;
      },
      "The renamed codes: [(old_name, name, number)]; each old name is an alias for one release.");
  m.def(
      "error_classes",
      [] {
        py::list out;
        for (const auto& r : koers::error_class_table)
          out.append(py::make_tuple(std::string(r.name), std::string(r.parent), std::string(r.python_base),
                                    std::string(r.meaning)));
        return out;
      },
      "The exception classes: [(class, parent, python_base, meaning)], parents first.");
  m.def(
      "_throw_error",
      [](int number, const std::string& message) {
        koers::throw_error(static_cast<koers::Errc>(number), message, {"element"});
      },
      "Raise the error the table prescribes for a code (for tests).");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ModelError& e) { raise(e, issues_to_list(e.issues())); } catch (const Error& e) {
      raise(e);
    }
  });
}
}  // namespace koers::python
