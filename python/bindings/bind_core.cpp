// Bindings for the core types: Money (exact cents) and Ratio (thin).
#include "bindings.hpp"

#include <pybind11/operators.h>

#include <koers/core/money.hpp>
#include <koers/io/file.hpp>

namespace koers::python {
void register_core(py::module_& m) {
  m.attr("max_file_bytes") = io::max_file_bytes;
  m.def(
      "read_file",
      [](const std::string& path) {
        std::string text;
        {
          py::gil_scoped_release nogil;
          text = io::read_file(path);
        }
        return py::bytes(text);
      },
      "path"_a,
      "The bytes of a file, pipe or device, stopping at koers.max_file_bytes (E117 past it; "
      "E100 for a directory or a file that cannot be opened).");
  py::class_<Ratio>(m, "Ratio", "An exact fraction num/den.")
      .def(py::init<std::int64_t, std::int64_t>(), "num"_a, "den"_a = 1)
      .def_static("parse", &Ratio::parse, "text"_a)
      .def_readonly("num", &Ratio::num)
      .def_readonly("den", &Ratio::den)
      .def("__float__", &Ratio::to_double)
      .def("__eq__", [](const Ratio& a, const Ratio& b) { return a == b; })
      .def("__repr__",
           [](const Ratio& r) { return "Ratio(" + std::to_string(r.num) + ", " + std::to_string(r.den) + ")"; });
  py::enum_<Rounding>(m, "Rounding")
      .value("floor", Rounding::floor)
      .value("ceil", Rounding::ceil)
      .value("half_up", Rounding::half_up)
      .value("half_even", Rounding::half_even)
      .value("toward_zero", Rounding::toward_zero);
  py::class_<Money>(m, "Money", "Exact euros: an int64 count of cents.")
      .def(py::init(&Money::parse), "text"_a, "Parse '€ 314.777,00', '357.451,62' or '314777.00'.")
      .def_static("from_cents", &Money::from_cents, "cents"_a)
      .def_property_readonly("cents", &Money::cents)
      .def("to_decimal", &Money::to_decimal)
      .def("scaled", &Money::scaled, "ratio"_a, "rounding"_a = Rounding::half_even)
      .def("allocate", &Money::allocate, "weights"_a, "Largest-remainder split; the parts add up.")
      .def(py::self + py::self)
      .def(py::self - py::self)
      .def(-py::self)
      .def(py::self * std::int64_t())
      .def(std::int64_t() * py::self)
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(py::self < py::self)
      .def(py::self <= py::self)
      .def(py::self > py::self)
      .def(py::self >= py::self)
      .def("__hash__", [](const Money& a) { return std::hash<std::int64_t>()(a.cents()); })
      .def("__int__", &Money::cents)
      .def("__str__", &Money::to_string)
      .def("__repr__", [](const Money& a) { return "Money('" + a.to_decimal() + "')"; })
      .def(py::pickle([](const Money& a) { return py::make_tuple(1, a.cents()); },
                      [](py::tuple t) { return Money::from_cents(t[1].cast<std::int64_t>()); }));
}
}  // namespace koers::python
