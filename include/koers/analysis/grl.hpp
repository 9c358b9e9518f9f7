#pragma once
/// \file
/// Goal-model evaluation with the GRL algorithms of jUCMNav.
///
/// One evaluator over one graph type, `koers::grl::Model` (intentional elements, links,
/// actors, strategies). Two producers feed it: `grl::from_graph()` turns a koers
/// `StrategyGraph` into a GRL model, and `koers::io::load_jucm()` (io/jucm.hpp) reads a jUCMNav
/// `.jucm` file.
///
/// The algorithms follow jUCMNav (seg.jUCMNav.strategies, Quantitative- and
/// QualitativeGRLStrategyAlgorithm) step by step, with its defaults:
///
/// * Values are integers in -100..100. An element the strategy evaluates keeps its value (its
///   incoming links are not used); an element without incoming links and not in the strategy
///   is 0 (None).
/// * **Quantitative.** Decomposition: AND = min, OR = XOR = max of the children. Contribution
///   amount = trunc(strength × source / 100) (Java integer division), zero amounts dropped.
///   result = decomposition value (0 when none) + Σ amounts, clamped to -100..100; then
///   jUCMNav's tolerance rule (tolerance 10), when there is a non-zero contribution: a result
///   ≥ 90 with no input (decomposition value or amount) of exactly 100 becomes
///   max(decomposition value, 90) when the amounts sum positive, else max(result, 90); a result
///   ≤ -90 with no input of exactly -100 becomes min(decomposition value, -90) when the amounts
///   sum negative and there is a decomposition, else min(result, -90) (so -100 stays -100:
///   jUCMNav's rule is not symmetric). Dependencies cap the result at the lowest dependee. Label: 100 Satisfied, 1..99
///   WeaklySatisfied, 0 None, -99..-1 WeaklyDenied, -100 Denied.
/// * **Qualitative.** jUCMNav's label tables: each contribution's label from
///   (source label × contribution type); several contributions combine by counting weak and
///   full labels (w1/w2/w3 rules); decompositions AND (Denied dominates, then
///   Conflict/Unknown → Unknown, WeaklyDenied, None, WeaklySatisfied, Satisfied) and OR/XOR (the
///   reverse); decomposition and contribution labels combine by jUCMNav's second table;
///   dependencies cap. Values reported: Denied -100, WeaklyDenied -50, None 0,
///   WeaklySatisfied 50, Satisfied 100, Conflict and Unknown 0 (their label says which).
/// * **Actors.** Quantitative: Σ value × importance / Σ importance (integer division) over the
///   elements (and nested actors) with a non-zero quantitative importance, 0 when none.
///   Qualitative: each element's label is weighted by its importance level (High/Medium/Low/
///   None table) and the labels combine like contributions.
/// * **Cycles.** jUCMNav never evaluates the elements of a cycle and leaves them at their old
///   value; koers refuses instead: GraphError E201 naming the cycle's path. A cycle through an
///   element that the strategy evaluates is no cycle for the evaluation (that element's inputs
///   are not read), as in jUCMNav.
///
/// Not modelled: KPIs/indicator conversions, contribution contexts, ST_Legal stereotypes, the
/// 0..100 range option, the formula/mixed/constraint algorithms.
#include <koers/core/error.hpp>
#include <koers/model/strategy_graph.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koers::grl {

/// GRL intentional element types (jUCMNav's IntentionalElementType).
enum class ElementType { softgoal, goal, task, resource, indicator };
/// jUCMNav's QualitativeLabel, in its order (the tables index by it).
enum class Label { denied, weakly_denied, weakly_satisfied, satisfied, conflict, unknown, none };
/// jUCMNav's ContributionType, in its order.
enum class ContributionType { make, help, some_positive, unknown, some_negative, hurt, break_ };
/// jUCMNav's ImportanceType, in its order.
enum class Importance { high, medium, low, none };
/// The three GRL element links.
enum class LinkKind { decomposition, contribution, dependency };
/// Which propagation algorithm.
enum class Algorithm { quantitative, qualitative };

/// jUCMNav's label names: "Denied", "WeaklyDenied", "WeaklySatisfied", "Satisfied", "Conflict",
/// "Unknown", "None".
std::string_view to_string(Label l);
/// "Make", "Help", "SomePositive", "Unknown", "SomeNegative", "Hurt", "Break".
std::string_view to_string(ContributionType c);
/// "softgoal", "goal", "task", "resource", "indicator".
std::string_view to_string(ElementType t);
/// "quantitative" / "qualitative".
std::string_view to_string(Algorithm a);
/// "decomposition" / "contribution" / "dependency".
std::string_view to_string(LinkKind k);
/// "High", "Medium", "Low", "None".
std::string_view to_string(Importance i);
std::optional<Label> parse_label(std::string_view s);
/// jUCMNav names ("SomePositive") and koers labels ("some+", "help", ...).
std::optional<ContributionType> parse_contribution(std::string_view s);
std::optional<Algorithm> parse_algorithm(std::string_view s);

/// jUCMNav's label of a value (getQualitativeEvaluationForQuantitativeValue): 100 Satisfied,
/// 1..99 WeaklySatisfied, 0 None, -99..-1 WeaklyDenied, -100 Denied, -101 Conflict, -102 Unknown.
Label label_of(int value);
/// The value jUCMNav stores for a label: -100, -50, 50, 100, -101 (Conflict), -102 (Unknown), 0.
int value_of(Label l);
/// jUCMNav's default strength of a contribution type: Make 100, SomePositive 75, Help 25,
/// Unknown 0, Hurt -25, SomeNegative -75, Break -100.
int strength_of(ContributionType c);
/// jUCMNav's contribution type of a strength: 100 Make, 50..99 SomePositive, 1..49 Help,
/// 0 Unknown, -49..-1 Hurt, -99..-50 SomeNegative, -100 Break.
ContributionType contribution_of(int strength);

/// One intentional element.
struct Element {
  std::string id;
  std::string name;
  ElementType type = ElementType::softgoal;
  Decomposition decomposition = Decomposition::and_;
  Importance importance = Importance::none;
  int importance_quantitative = 0;  ///< 0..100
  std::string kind;                 ///< koers node kind when converted from a StrategyGraph, else the GRL type
};

/// One link. For decompositions `src` is the child and `dest` the parent; for contributions
/// `src` contributes to `dest`; for dependencies `dest` depends on `src` (capped by it).
struct Link {
  std::string id;
  LinkKind kind = LinkKind::contribution;
  std::string src;
  std::string dest;
  ContributionType contribution = ContributionType::help;  ///< contributions only
  int strength = 25;                                       ///< -100..100, contributions only
  bool correlation = false;
};

/// One actor: its elements (one entry per reference on a diagram, as jUCMNav counts them) and
/// nested actors.
struct Actor {
  std::string id;
  std::string name;
  Importance importance = Importance::none;
  int importance_quantitative = 0;
  std::vector<std::string> elements;
  std::vector<std::string> actors;
};

/// The initial value of one element in a strategy.
struct Evaluation {
  std::string element;
  int value = 0;               ///< -100..100 (or -101/-102 for Conflict/Unknown)
  std::optional<Label> label;  ///< the label when given; otherwise label_of(value)
};

/// How deep strategies may include strategies that include strategies (`evaluate` refuses a
/// deeper chain with InputError E108; a cycle of inclusions is GraphError E201).
inline constexpr std::size_t max_strategy_depth = 64;

/// An evaluation strategy. `includes` names strategies (ids) whose evaluations come first.
struct Strategy {
  std::string id;
  std::string name;
  std::string description;
  std::vector<Evaluation> evaluations;
  std::vector<std::string> includes;
};

/// A GRL model.
struct Model {
  std::string name;
  std::vector<Element> elements;
  std::vector<Link> links;
  std::vector<Actor> actors;
  std::vector<Strategy> strategies;
  /// The algorithm a caller gets by default: qualitative for jUCMNav files (their reference
  /// results are labels), quantitative for koers models.
  Algorithm default_algorithm = Algorithm::quantitative;

  /// Strategy names in order.
  std::vector<std::string> strategy_names() const;
  /// The element with this id, or nullptr.
  const Element* find(const std::string& id) const;
};

/// Options of an evaluation.
struct Options {
  std::optional<Algorithm> algorithm;  ///< default: the model's default_algorithm
  int tolerance = 10;                  ///< jUCMNav's default tolerance (quantitative)
  /// Build each element's explanation (inputs and rule). Off: values and labels only, the
  /// fast path for large models (quantitative; the qualitative algorithm always explains).
  bool explain = true;
};

/// One input of an element's result: what a link brought.
struct Input {
  std::string source;  ///< id of the source element (or actor)
  std::string source_name;
  LinkKind link = LinkKind::contribution;
  std::optional<ContributionType> contribution;  ///< contributions
  int strength = 0;                              ///< contribution strength; importance for actor inputs
  int source_value = 0;                          ///< the source's value
  Label source_label = Label::none;
  int amount = 0;                    ///< quantitative: what it adds (contribution) or offers (decomposition/dependency)
  Label amount_label = Label::none;  ///< qualitative: the label it brings (contribTable1 for contributions)
  bool decisive = false;             ///< the min/max a decomposition or dependency took
};

/// The result of one element.
struct ElementResult {
  std::string id;
  std::string name;
  std::string kind;
  int value = 0;  ///< -100..100 (Conflict and Unknown report 0)
  Label label = Label::none;
  bool given = false;  ///< set by the strategy
  std::string rule;    ///< how the inputs combined, in words
  std::vector<Input> inputs;
};

/// The result of one actor.
struct ActorResult {
  std::string id;
  std::string name;
  int value = 0;
  Label label = Label::none;
  std::vector<Input> inputs;  ///< one per counted element: strength = importance
};

/// The evaluation of one strategy.
struct Result {
  std::string strategy;
  Algorithm algorithm = Algorithm::quantitative;
  std::vector<ElementResult> elements;  ///< in model order
  std::vector<ActorResult> actors;
  /// The result of the element with this id; throws GraphError E208.
  const ElementResult& at(const std::string& id) const;
  /// The result of the element with this name (first match), or nullptr.
  const ElementResult* by_name(const std::string& name) const;
};

namespace detail {
struct Evaluated;
struct EvaluatedHandle;  ///< src/grl_eval.cpp: the shared, immutable evaluation (no <memory> here)
}  // namespace detail

/// The evaluation of one strategy, compact: every element's value, label and whether the
/// strategy gave it, in arrays over element positions (model order); an element's explanation
/// (its inputs and rule) is computed when asked for, from the final values of its sources (the
/// same inputs and words evaluate() gives). Holds a pointer to the model or graph it evaluated:
/// keep that alive and unchanged while the result is used. Cheap to copy (copies share the one
/// immutable evaluation).
class LazyResult {
 public:
  LazyResult() noexcept = default;
  LazyResult(const LazyResult& other);
  LazyResult(LazyResult&& other) noexcept;
  LazyResult& operator=(const LazyResult& other);
  LazyResult& operator=(LazyResult&& other) noexcept;
  ~LazyResult();

  const std::string& strategy() const;
  Algorithm algorithm() const;
  std::size_t size() const;  ///< number of elements
  std::string_view id(std::size_t i) const;
  std::string_view name(std::size_t i) const;
  std::string_view kind(std::size_t i) const;  ///< koers node kind, or the GRL type
  int value(std::size_t i) const;              ///< -100..100 (Conflict and Unknown report 0)
  Label label(std::size_t i) const;
  bool given(std::size_t i) const;
  /// The position of the element with this id (first match), else of the first with this name.
  std::optional<std::size_t> find(std::string_view id_or_name) const;
  /// The inputs and rule of one element (ElementResult as evaluate() gives it).
  ElementResult explain(std::size_t i) const;
  /// The rule of one element only.
  std::string rule(std::size_t i) const;
  const std::vector<ActorResult>& actors() const;
  /// Everything, every element explained: equal to evaluate()'s Result. `explain` false:
  /// values and labels only (as Options::explain off; the qualitative rules stay).
  Result result(bool explain = true) const;

 private:
  friend LazyResult evaluate_lazy(const Model&, const std::string&, const Options&);
  friend LazyResult evaluate_lazy(const StrategyGraph&, const std::string&, const Options&);
  const detail::Evaluated& ev() const;
  detail::EvaluatedHandle* handle_ = nullptr;  ///< owned; null only when default-constructed or moved from
};

/// Evaluate one strategy of a GRL model, explanations on demand (same errors as evaluate()).
LazyResult evaluate_lazy(const Model& model, const std::string& strategy, const Options& options = {});
/// Evaluate one strategy of a strategy graph as it is, without building its GRL model: the same
/// values, labels, explanations and errors as `evaluate(from_graph(graph), strategy, options)`.
LazyResult evaluate_lazy(const StrategyGraph& graph, const std::string& strategy, const Options& options = {});
/// `evaluate_lazy(graph, strategy, options).result()`.
Result evaluate(const StrategyGraph& graph, const std::string& strategy, const Options& options = {});

/// Evaluate one strategy (by name, or by id for jUCMNav models). Throws GraphError E209 naming
/// the strategy and the known ones, E201 on a cycle (with its path; also strategies that include
/// each other), InputError E108 for inclusions deeper than max_strategy_depth, E200 when the model links
/// or evaluates an element that does not exist; InputError E107 for a value or strength out of
/// range.
Result evaluate(const Model& model, const std::string& strategy, const Options& options = {});

/// The GRL model of a strategy graph. Elements: developments, strategic themes, goals,
/// learning goals (type goal; developments and themes softgoal), interventions and programmes
/// (type task). Links: `contributes` → contribution (a numeric strength keeps its number and
/// gets jUCMNav's type; a label gets jUCMNav's default number); `refines` and `decomposes` →
/// decomposition of the parent (the parent's decomposition, AND by default); `part_of`
/// intervention/programme → programme → decomposition of the programme (AND). Other nodes and
/// edges are left out. Node `importance` becomes the element importance; when any node has
/// one, the model gets one actor (named after the plan) holding every element. Strategy values
/// are rounded to integers (half away from zero). Throws GraphError E200 for an edge or
/// strategy value naming an unknown node, E210 for a strategy value on a node kind that is left
/// out; InputError E107 for a strength, importance or value out of range or an unknown strength
/// label, E110 for a value that is not finite.
Model from_graph(const StrategyGraph& graph);

/// Result as JSON text: {"strategy", "algorithm", "elements": [{id, name, kind, value, label,
/// given, rule, inputs: [...]}], "actors": [...]}. `indent` < 0 gives one line.
std::string to_json(const Result& result, int indent = -1);
/// Model as JSON text: {"name", "default_algorithm", "elements", "links", "actors", "strategies"}.
std::string to_json(const Model& model, int indent = -1);
/// The model back from `to_json(model)` text (pickling): every field to_json writes. Throws
/// InputError E101 for text that is not JSON, E105/E106/E107 for a missing field, a wrong type or a bad name.
Model model_from_json(std::string_view text);

}  // namespace koers::grl
