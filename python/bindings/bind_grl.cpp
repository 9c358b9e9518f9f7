#include "bindings.hpp"

namespace koers::python {
void register_grl(py::module_& m) { (void)m; }
}  // namespace koers::python
