#pragma once
/// \file
/// Import of jUCMNav `.jucm` files (EMF XMI) as a `koers::grl::Model`.
///
/// Read: `grlspec/intElements` (name, id, type, decompositionType, importance,
/// importanceQuantitative), `grlspec/links` (grl:Decomposition, grl:Contribution with
/// contribution/quantitativeContribution/correlation, grl:Dependency, src, dest),
/// `grlspec/actors` with their `grl:ActorRef` container references on the diagrams, and
/// `grlspec/strategies` with their `evaluations` (evaluation, qualitativeEvaluation,
/// intElement) and includedStrategies. EMF leaves attributes at their default out; the defaults
/// are jUCMNav's: IntentionalElement type="Softgoal", decompositionType="And",
/// importance="None", importanceQuantitative="0"; Contribution contribution="Help",
/// quantitativeContribution="25"; Evaluation evaluation="0", qualitativeEvaluation="None".
/// Strategies keep the names of the file. The model's default algorithm is qualitative.
#include <koers/analysis/grl.hpp>

#include <string>
#include <string_view>

namespace koers::io {

/// Parse jUCMNav XMI text. `origin` names the source in messages. Throws InputError:
/// E116 not well-formed XML (with the offset), E600 not a jUCMNav GRL model or an element
/// that cannot be read (naming the element and attribute).
grl::Model parse_jucm(std::string_view text, const std::string& origin = "jucm");
/// Load a `.jucm` file (E100 when it cannot be read).
grl::Model load_jucm(const std::string& path);

}  // namespace koers::io
