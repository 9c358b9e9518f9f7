#include "bindings.hpp"

namespace koers::python {
void register_model(py::module_& m) { (void)m; }
}  // namespace koers::python
