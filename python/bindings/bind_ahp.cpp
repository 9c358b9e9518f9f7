#include "bindings.hpp"

namespace koers::python {
void register_ahp(py::module_& m) { (void)m; }
}  // namespace koers::python
