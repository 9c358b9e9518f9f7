#pragma once
// Small helpers for the decide tests.
#include "testing.hpp"

#include <koers/decide/problem.hpp>

#include <initializer_list>
#include <vector>

namespace koers::decide::test {
inline Eigen::MatrixXd mat(std::initializer_list<std::initializer_list<double>> rows) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows.begin()->size()));
  Eigen::Index i = 0;
  for (auto& r : rows) {
    Eigen::Index j = 0;
    for (double x : r) m(i, j++) = x;
    ++i;
  }
  return m;
}
inline Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double d : v) x[i++] = d;
  return x;
}
/// directions from a string of '+' (max) and '-' (min)
inline std::vector<Direction> dirs(const char* s) {
  std::vector<Direction> d;
  for (; *s; ++s) d.push_back(*s == '+' ? Direction::max : Direction::min);
  return d;
}
inline DecisionProblem problem(const Eigen::MatrixXd& m, const Eigen::VectorXd& w, const char* d) {
  return make_problem(m, w, dirs(d));
}
/// every entry of got within tol of want's, and the same length
inline void check_close(const Eigen::VectorXd& got, const Eigen::VectorXd& want, double tol) {
  REQUIRE(got.size() == want.size());
  for (Eigen::Index i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(want[i]).margin(tol));
}
}  // namespace koers::decide::test
