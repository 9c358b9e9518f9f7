#pragma once
/// \file
/// One entry point for every ranking method.
#include <koers/decide/promethee.hpp>
#include <koers/decide/spotis.hpp>
#include <koers/decide/topsis.hpp>
#include <koers/decide/vikor.hpp>
#include <koers/decide/wsm.hpp>

namespace koers::decide {

/// Rank with the method chosen in `o` (see each method's header for its definition).
inline Ranking rank(const DecisionProblem& p, const RankOptions& o = {}) {
  switch (o.method) {
    case Method::wsm: return wsm(p, o);
    case Method::topsis: return topsis(p, o);
    case Method::vikor: return vikor(p, o);
    case Method::promethee2: return promethee2(p, o);
    case Method::spotis: return spotis(p, o);
  }
  throw RankingError(Errc::invalid_method, "unknown ranking method", {});
}

}  // namespace koers::decide
