#include "bindings.hpp"

namespace koers::python {
void register_core(py::module_& m) { (void)m; }
}  // namespace koers::python
