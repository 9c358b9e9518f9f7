#include "bindings.hpp"

namespace koers::python {
void register_budget(py::module_& m) { (void)m; }
}  // namespace koers::python
