#include "bindings.hpp"

namespace koers::python {
void register_decide(py::module_& m) { (void)m; }
}  // namespace koers::python
