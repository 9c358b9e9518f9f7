// academy_kpis: the nine KPIs of an academy event log (a folder of CSV files) as of a date —
// what an intranet dashboard linking the installed koers would do.
//   academy_kpis LOG_DIR 2022-06-23
#include <koers/koers.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: academy_kpis LOG_DIR YYYY-MM-DD\n";
    return 2;
  }
  try {
    auto log = koers::learning::AcademyLog::load(argv[1]);
    auto k = log.kpis(koers::parse_date(argv[2]));
    std::cout << "as of " << koers::to_iso(k.as_of) << "\n"
              << "  kinds_of_training: " << k.kinds_of_training << "\n"
              << "  registrations_total: " << k.registrations_total << "\n"
              << "  runs_started: " << k.runs_started << "\n"
              << "  participants_in_started_runs: " << k.participants_in_started_runs << "\n"
              << "  avg_participants_per_started_run: " << k.avg_rounded() << " (" << k.avg_exact() << ")\n"
              << "  " << k.runs_planned_name() << ": " << k.runs_planned_in_year << "\n"
              << "  participants_cancelled: " << k.participants_cancelled << "\n"
              << "  participants_cancelled_by_self: " << k.participants_cancelled_by_self << "\n"
              << "  runs_cancelled: " << k.runs_cancelled << "\n";
    for (const auto& e : log.errors()) std::cerr << "left out: " << e.message << " [" << e.reason << "]\n";
    return log.errors().empty() ? 0 : 1;
  } catch (const koers::Error& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
