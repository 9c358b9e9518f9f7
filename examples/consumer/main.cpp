// plan_check: load a koers model, validate it and print its coverage gaps and budgets.
//   plan_check plan.json
#include <koers/koers.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: plan_check MODEL.json\n";
    return 2;
  }
  try {
    koers::StrategyGraph plan = koers::load_model(argv[1]);
    auto issues = plan.check();
    std::cout << plan.name << "  (koers " << koers::version << ")\n";
    for (auto& [kind, n] : plan.counts())
      if (n) std::cout << "  " << kind << ": " << n << "\n";
    koers::Money total;
    for (auto& n : plan.nodes())
      if (n.kind == koers::NodeKind::budget_stream && n.budget_cents) {
        auto m = koers::Money::from_cents(*n.budget_cents);
        std::cout << "  " << n.name << ": " << m.to_string() << "\n";
        total += m;
      }
    std::cout << "  total budget: " << total.to_string() << "\n";
    auto cov = koers::analysis::coverage(plan);
    std::cout << "  goals without an intervention: " << cov.gaps.size() << "\n";
    for (auto& i : issues) std::cout << "  [" << koers::code_string(i.code) << "] " << i.message << "\n";
    return issues.empty() ? 0 : 1;
  } catch (const koers::Error& e) {
    std::cerr << "plan_check: " << e.what() << "\n";
    return 2;
  }
}
