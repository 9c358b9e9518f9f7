#include "bindings.hpp"

namespace koers::python {
void register_calendar(py::module_& m) { (void)m; }
}  // namespace koers::python
