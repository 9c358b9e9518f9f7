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
void raise(const char* cls, const Error& e, py::object errors = py::none()) {
  py::object klass = py::module_::import("koers.errors").attr(cls);
  py::object exc = klass(safe_str(e.message()), static_cast<int>(e.code()), safe_list(e.elements()), errors);
  PyErr_SetObject(klass.ptr(), exc.ptr());
}
}  // namespace

void register_errors(py::module_& m) {
  m.def("error_codes", &koers::error_codes, "Every error code with its name.");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ModelError& e) {
      raise("ModelError", e, issues_to_list(e.issues()));
    } catch (const GraphError& e) {
      raise("GraphError", e);
    } catch (const RankingError& e) {
      raise("RankingError", e);
    } catch (const BudgetError& e) {
      raise("BudgetError", e);
    } catch (const SolverError& e) {
      raise("SolverError", e);
    } catch (const InputError& e) {
      raise("InputError", e);
    } catch (const Error& e) {
      raise("KoersError", e);
    }
  });
}
}  // namespace koers::python
