// walkthrough: the four decisions of koers from C++, on the embedded examples —
//   1. rank West Betuwe's work processes (koers.decision, TOPSIS),
//   2. the management team's AHP weights (koers.ahp, group of judges),
//   3. which processes the Green Belts take on (koers.selection, exact),
//   4. which Deventer interventions the budget funds (koers.portfolio, exact).
//   walkthrough EXAMPLES_DIR      (python/koers/examples/data)
#include <koers/koers.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: walkthrough EXAMPLES_DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  try {
    // 1. ranking: the C++ reader gives the problem and the method the file asks for
    auto doc = koers::decide::load_decision(dir + "/west-betuwe-2022/decision.json");
    doc.problem.validate();
    auto ranking = koers::decide::rank(doc.problem);
    std::cout << "ranking (" << doc.problem.n_alternatives() << " processes, TOPSIS): first "
              << doc.problem.alternative_name(ranking.order.front()) << "\n";

    // 2. AHP: the group's priorities and consistency
    auto ahp = koers::decide::load_ahp(dir + "/west-betuwe-2022/ahp.json");
    auto group = koers::decide::ahp_group(ahp.block.elements, ahp.block.judges, ahp.options);
    std::cout << "AHP (" << ahp.block.judges.size() << " judges): CR " << group.group.cr << ", first criterion "
              << ahp.block.elements[0] << " " << group.group.priorities[0] << "\n";

    // 3. the selection: proven optimal, with the assignment to experts; the solve can be watched
    //    (and cancelled) from another thread through SolveProgress, and bounded by a time limit
    koers::budget::SolveProgress watch;
    auto sel = koers::budget::select(koers::budget::load_selection(dir + "/west-betuwe-2022/selection.json"),
                                     {.time_limit = 60, .progress = &watch});
    std::cout << "selection: " << sel.selected.size() << " processes, " << sel.assignment.size() << " experts, gap "
              << sel.gap << " (" << watch.nodes() << " search nodes, score " << watch.incumbent() << ")\n";
    //    changed in code, in the words of the file and of Python ("mandatory", "requires"): the
    //    last process made mandatory, requiring the first
    auto what_if = koers::budget::load_selection(dir + "/west-betuwe-2022/selection.json");
    what_if.items.back().mandatory = true;
    what_if.items.back().requires_ = {what_if.items.front().id};
    auto sel2 = koers::budget::select(what_if);
    std::cout << "  with '" << what_if.items.back().id << "' mandatory: " << sel2.selected.size() << " processes, gap "
              << sel2.gap << "\n";

    // 4. the portfolio: the optimum and the money spent per stream, exact in cents
    auto portfolio = koers::budget::load_portfolio(dir + "/deventer-2014/portfolio.json");
    auto res = koers::budget::optimise(portfolio);
    std::cout << "portfolio: " << res.selected.size() << " interventions funded, optimum "
              << (res.optimum ? std::to_string(*res.optimum) : std::string("none")) << ", gap " << res.gap << "\n";
    //    a scenario written in code (the file's "mandatory_items"): the first intervention funded
    koers::budget::PortfolioScenario first_in{.name = "first in", .mandatory_items = {portfolio.items.front().id}};
    auto res2 = koers::budget::optimise(koers::budget::apply(portfolio, first_in));
    std::cout << "  with '" << portfolio.items.front().id << "' mandatory: optimum "
              << (res2.optimum ? std::to_string(*res2.optimum) : std::string("none")) << ", gap " << res2.gap << "\n";
    return sel.gap == 0 && sel2.gap == 0 && res.gap == 0 && res2.gap == 0 ? 0 : 1;
  } catch (const koers::Error& e) {
    std::cerr << "walkthrough: " << e.what() << "\n";
    return e.code() == koers::Errc::file_unreadable ? 2 : 1;
  }
}
