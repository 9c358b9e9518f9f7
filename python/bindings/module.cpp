#include "bindings.hpp"

#include <koers/version.hpp>

PYBIND11_MODULE(_core, m) {
  m.doc() = "koers C++ core (private; import koers instead)";
  m.attr("__version__") = koers::version;
  koers::python::register_errors(m);
  koers::python::register_core(m);
  koers::python::register_model(m);
  koers::python::register_analysis(m);
  koers::python::register_grl(m);
  koers::python::register_decide(m);
  koers::python::register_decide_json(m);
  koers::python::register_budget(m);
  koers::python::register_ahp(m);
  koers::python::register_calendar(m);
  koers::python::register_learning(m);
  koers::python::register_archimate(m);
  koers::python::register_academy(m);
}
