#pragma once
/// \file
/// Random consistency indices RI(n) for Saaty's consistency ratio CR = CI / RI(n), from five
/// published sources, with a stated extension to every n.
///
/// | table           | source                                                          | tabulated n |
/// |-----------------|-----------------------------------------------------------------|-------------|
/// | `saaty1980`     | Saaty (1980) *The Analytic Hierarchy Process*, McGraw-Hill        | 1..15       |
/// | `saaty2005`     | Saaty (2005) *Theory and Applications of the ANP*, RWS, p. 31     | 1..15       |
/// | `donegan-dodd`  | Donegan & Dodd (1991) Math. Comput. Modelling 15(10):135-137      | 1..20, 25, 30, 40, ..., 100
/// | | `aguaron`       | Aguarón & Moreno-Jiménez (2003) EJOR 147:137-145                   | 1..16       | |
/// `tummala-ling`  | Tummala & Ling (1998) Theory and Decision 44:221-230               | 1..15       |
///
/// The Tummala–Ling values are those tabulated in pymcdm 1.4.0 (`pymcdm.weights.subjective.AHP.RI_M`),
/// which cites the paper; the Aguarón values were transcribed from the paper's table and agree with
/// koers's own Monte-Carlo estimate (below) to within 0.005 for every n = 3..16.
///
/// Extension rule ("no limit on n"): between two tabulated sizes (Donegan–Dodd above 20)
/// RI is interpolated linearly; beyond a table's last n, RI is koers's Monte-Carlo estimate: the
/// mean of (λmax − n)/(n − 1) over random reciprocal matrices whose upper entries are uniform on
/// Saaty's 17 values 1/9, 1/8, ..., 1, ..., 8, 9 (the sampling of Saaty 2005 and Aguarón &
/// Moreno-Jiménez 2003), with a fixed seed (1998), so it is reproducible on every machine.
/// `RandomIndex::source` records which was used ("table", "interpolated", "monte-carlo", "n<3").
#include <koers/core/error.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace koers::decide {

/// The random-index tables koers knows.
enum class RandomIndexTable { saaty1980, saaty2005, donegan_dodd, aguaron, tummala_ling };

/// "saaty1980", "saaty2005", "donegan-dodd", "aguaron", "tummala-ling".
inline std::string to_string(RandomIndexTable t) {
  switch (t) {
    case RandomIndexTable::saaty1980: return "saaty1980";
    case RandomIndexTable::saaty2005: return "saaty2005";
    case RandomIndexTable::donegan_dodd: return "donegan-dodd";
    case RandomIndexTable::aguaron: return "aguaron";
    case RandomIndexTable::tummala_ling: return "tummala-ling";
  }
  return "?";
}

/// The citation of a table: "Saaty 1980", "Donegan & Dodd 1991", ...
inline std::string citation(RandomIndexTable t) {
  switch (t) {
    case RandomIndexTable::saaty1980: return "Saaty 1980";
    case RandomIndexTable::saaty2005: return "Saaty 2005";
    case RandomIndexTable::donegan_dodd: return "Donegan & Dodd 1991";
    case RandomIndexTable::aguaron: return "Aguaron & Moreno-Jimenez 2003";
    case RandomIndexTable::tummala_ling: return "Tummala & Ling 1998";
  }
  return "?";
}

/// Read a table name; also accepts "saaty" (= saaty1980), "dd", "donegan_dodd", "tummala_ling".
/// Throws RankingError E307 (invalid_method) naming the value otherwise.
RandomIndexTable parse_random_index_table(std::string_view s);

/// A random index as used: its value and where it came from.
struct RandomIndex {
  int n = 0;
  double value = 0.0;
  RandomIndexTable table = RandomIndexTable::saaty1980;
  /// "n<3" (RI = 0, CR = 0 by definition), "table", "interpolated" (between two tabulated n),
  /// or "monte-carlo" (beyond the table, or the tummala-ling procedure).
  std::string source;
  int samples = 0;         ///< Monte-Carlo matrices used (0 when not Monte-Carlo)
  std::uint64_t seed = 0;  ///< Monte-Carlo seed (0 when not Monte-Carlo)
  std::string note;        ///< one sentence for a reader
};

/// Options of the Monte-Carlo random index.
struct MonteCarloOptions {
  int samples = 0;            ///< 0: 10,000 for n <= 15, then 10,000·(15/n)², at least 500
  std::uint64_t seed = 1998;  ///< fixed default: same RI on every machine and run
};

/// Mean random consistency index (λmax − n)/(n − 1) of random reciprocal matrices whose upper
/// entries are uniform on Saaty's 17 values. Deterministic for a seed (mt19937_64, raw output
/// modulo 17); memoised per (n, samples, seed). n >= 3.
double monte_carlo_random_index(int n, const MonteCarloOptions& options = {});
/// The sample count used for n when MonteCarloOptions::samples is 0.
int monte_carlo_default_samples(int n);

/// The tabulated (n, RI) pairs of a table, ascending n (Donegan–Dodd: 1..20, 25, 30, 40, ..., 100).
const std::vector<std::pair<int, double>>& random_index_table(RandomIndexTable t);

/// RI(n) from a table, with the extension rule above. n >= 1 (E115 otherwise).
RandomIndex random_index(int n, RandomIndexTable table);

}  // namespace koers::decide
