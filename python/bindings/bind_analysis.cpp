#include "bindings.hpp"

namespace koers::python {
void register_analysis(py::module_& m) { (void)m; }
}  // namespace koers::python
