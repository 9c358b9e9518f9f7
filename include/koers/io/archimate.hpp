#pragma once
/// \file
/// The ArchiMate Model Exchange File Format 3.x (The Open Group; namespace
/// `http://www.opengroup.org/xsd/archimate/3.0/`, used by 3.0, 3.1 and 3.2 files): read,
/// write, compare, and map to and from the koers strategy graph.
///
/// Read (`parse_archimate`, `load_archimate`, pugixml): the model's identifier, version, names,
/// documentation and properties, `<metadata>` (kept as XML text), elements (every type of the
/// XSD, junctions included), relationships (source and target may be elements or other
/// relationships; Access `accessType`, Influence `modifier`, Association `isDirected`),
/// property definitions, the `<organizations>` folder tree and `<views>` (kept as XML text, not
/// interpreted, so a round trip loses nothing). Every name, documentation and property value
/// keeps its `xml:lang`. Elements of other namespaces (the schema's `grp.any`) are kept as XML
/// text with their owner.
///
/// Every problem is an InputError naming the line and the element: E116 not XML or truncated,
/// E117 larger than 256 MiB, E601 not an exchange file / a part that cannot be read, E602 the
/// 2.x namespace, E603 an Archi native `.archimate` file, E604 an element or relationship type
/// ArchiMate 3 does not define, E605 a relationship whose source or target does not exist,
/// E606 an identifier used twice, E607 an identifier that is not an xs:ID (NCName), E608 a
/// property whose definition does not exist, E609 a DTD that declares entities or names an
/// external one (pugixml never fetches or expands them; koers refuses them outright).
///
/// Write (`to_xml`, `save_archimate`): elements in the order the XSD demands (name,
/// documentation, properties; model: properties, metadata, elements, relationships,
/// organizations, propertyDefinitions, views), so the output validates against
/// `archimate3_exchange.xsd`.
///
/// Map (`to_graph`, `from_graph`): by THE mapping table `node_mappings` / `edge_mappings`
/// below — one place for ArchiMate types ↔ koers node and edge kinds and for Influence
/// modifier ↔ contribution strength.
#include <koers/model/strategy_graph.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace koers::archimate {

/// The exchange format's namespace (3.0, 3.1 and 3.2 files all use it).
inline constexpr std::string_view namespace_uri = "http://www.opengroup.org/xsd/archimate/3.0/";
/// The largest file the reader accepts.
inline constexpr std::size_t max_file_bytes = std::size_t{256} << 20;

/// A text in one language; `lang` is the `xml:lang` ("" when the file gives none).
struct LangString {
  std::string lang;
  std::string text;
  friend bool operator==(const LangString&, const LangString&) = default;
};
using LangStrings = std::vector<LangString>;

/// The first text of a list (the file's order), or "".
const std::string& first_text(const LangStrings& v);

/// A property: its definition's identifier and its value in each language.
struct Property {
  std::string definition;
  LangStrings values;
  friend bool operator==(const Property&, const Property&) = default;
};

/// A property definition: identifier, names and data type (string, boolean, currency, date, time, number).
struct PropertyDefinition {
  std::string id;
  LangStrings names;
  std::string type = "string";
  friend bool operator==(const PropertyDefinition&, const PropertyDefinition&) = default;
};

/// An element (xsi:type as the file spells it: "BusinessProcess", "Goal", "AndJunction", ...).
struct Element {
  std::string id;
  std::string type;
  LangStrings names;
  LangStrings documentation;
  std::vector<Property> properties;
  std::string extensions;  ///< elements of other namespaces, as XML text
  std::size_t line = 0;    ///< where the file declared it (0 when made, not read)
  /// Equal in everything but `line`.
  friend bool operator==(const Element& a, const Element& b);
};

/// A relationship. `source` and `target` name elements or relationships.
struct Relationship {
  std::string id;
  std::string type;
  std::string source, target;
  LangStrings names;
  LangStrings documentation;
  std::vector<Property> properties;
  std::string access_type;          ///< Access: "Access", "Read", "Write", "ReadWrite" ("" = absent)
  std::string modifier;             ///< Influence: "+", "++", "-", "--", "0".."10" or any text ("" = absent)
  std::optional<bool> is_directed;  ///< Association: isDirected when the file gives it
  std::string extensions;
  std::size_t line = 0;
  /// Equal in everything but `line`.
  friend bool operator==(const Relationship& a, const Relationship& b);
};

/// One node of the organizations tree: a folder (labels, items) or a reference (`ref`).
struct Item {
  std::string id;   ///< optional identifier
  std::string ref;  ///< identifierRef ("" for a folder)
  LangStrings labels;
  LangStrings documentation;
  std::vector<Item> items;
  friend bool operator==(const Item&, const Item&) = default;
};

/// An ArchiMate model as an exchange file holds it.
struct Model {
  std::string id;
  std::string version;  ///< the model's version attribute ("" when absent)
  LangStrings names;
  LangStrings documentation;
  std::vector<Property> properties;
  std::string metadata_xml;  ///< the <metadata> element as XML text ("" when absent)
  std::vector<Element> elements;
  std::vector<Relationship> relationships;
  std::vector<Item> organizations;  ///< the top-level items of <organizations>
  std::vector<PropertyDefinition> property_definitions;
  std::string views_xml;  ///< the <views> element as XML text ("" when absent)
  std::size_t view_count = 0;
  std::string extensions;  ///< model-level elements of other namespaces
  /// the root's prefixed namespace declarations but xmlns:xsi: (prefix, uri)
  std::vector<std::pair<std::string, std::string>> namespaces;

  /// The element or relationship with this identifier, or nullptr.
  const Element* element(const std::string& id) const;
  const Relationship* relationship(const std::string& id) const;
  const PropertyDefinition* property_definition(const std::string& id) const;
  /// The value of an element's or relationship's property by the definition's (first) name, in
  /// `lang` ("" = the first value), or "".
  std::string property(const std::vector<Property>& props, std::string_view definition_name,
                       std::string_view lang = "") const;
  /// Rebuild the identifier indexes (call after editing the vectors).
  void reindex();

  /// Equal in content (the identifier indexes are not compared).
  friend bool operator==(const Model& a, const Model& b);

  std::unordered_map<std::string, std::size_t> element_index, relationship_index, definition_index;
};

/// Every element type of the ArchiMate 3.1 exchange XSD (ElementTypeEnum, composites, junctions).
bool is_element_type(std::string_view type);
/// Every relationship type of the XSD (RelationshipTypeEnum).
bool is_relationship_type(std::string_view type);
/// Is `s` a valid xs:ID (an XML NCName)? Non-ASCII letters are accepted byte-wise.
bool is_xs_id(std::string_view s);

/// Counts as `koers archimate stats` prints them: per element and relationship type, property
/// definitions, organization items (every `item`, folders and references), views.
struct Stats {
  std::vector<std::pair<std::string, std::size_t>> elements, relationships;  ///< type → count, by type
  std::size_t property_definitions = 0, organizations = 0, views = 0;
};
Stats stats(const Model& m);

/// Parse exchange-file text; `origin` names the source in messages (see the file comment for the errors).
Model parse_archimate(std::string_view text, const std::string& origin = "archimate");
/// Load an exchange file (E100 when it cannot be read, E117 when larger than `max_file_bytes`).
Model load_archimate(const std::string& path);
/// The model as an exchange file (UTF-8, indented).
std::string to_xml(const Model& m);
/// Write an exchange file (E100 when it cannot be written).
void save_archimate(const Model& m, const std::string& path);

// ---- the model as JSON (format koers.archimate, version 1) --------------------------------
inline constexpr int archimate_json_version = 1;
std::string to_json(const Model& m, int indent = 2);
/// Parse koers.archimate JSON (1xx errors with the JSON path; then the same checks as the XML reader).
Model parse_archimate_json(std::string_view text, const std::string& origin = "archimate json");

// ---- comparing two versions -------------------------------------------------------------
/// One changed field: "type", "name", "documentation", "source", "target", "accessType",
/// "modifier", "isDirected" or "property:<definition name>" (properties are matched by the name of
/// their definition, so two files that number their definitions differently compare right).
struct FieldChange {
  std::string field;
  std::string before, after;
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};
struct ConceptChange {
  std::string id, type, name;  ///< type and name as in the newer model
  std::vector<FieldChange> changes;
  /// Whether the name is among the changes.
  bool renamed() const;
};
struct DiffPart {
  std::vector<std::string> added, removed;  ///< ids, in the order of the model that has them
  std::vector<ConceptChange> changed;       ///< in the order of the newer model
};
struct ModelDiff {
  DiffPart elements, relationships;
};
/// What changed from `before` to `after`, by identifier.
ModelDiff diff(const Model& before, const Model& after);

// ---- THE mapping table: ArchiMate ↔ koers ----------------------------------------------------
/// An ArchiMate element type that a koers node kind stands for. `primary` marks the type a koers
/// node of that kind is written as (one per kind).
struct NodeMapping {
  std::string_view archimate_type;
  NodeKind kind;
  bool primary;
};
inline constexpr NodeMapping node_mappings[] = {
    {"Driver", NodeKind::development, true},
    {"Principle", NodeKind::strategic_theme, true},
    {"Assessment", NodeKind::strategic_theme, false},
    {"Goal", NodeKind::goal, true},
    {"Outcome", NodeKind::learning_goal, true},
    {"Requirement", NodeKind::learning_goal, false},
    {"WorkPackage", NodeKind::intervention, true},
    {"WorkPackage", NodeKind::programme, true},  // a WorkPackage that composes other WorkPackages
    {"Stakeholder", NodeKind::target_group, true},
    {"BusinessProcess", NodeKind::process, true},
    {"BusinessFunction", NodeKind::process, false},
    {"Resource", NodeKind::budget_stream, true},
};
/// An ArchiMate relationship type that a koers edge kind stands for. `reversed`: the ArchiMate
/// source is the koers edge's `to` (an Outcome realizes the Goal that refines to it). Reading
/// takes, for a relationship, the first row of its type whose edge kind `allowed_edges` permits
/// between the two nodes' kinds; writing takes the first row of the edge kind whose
/// `only_from` is unset or the edge's from-kind (so refines goal → learning goal becomes a
/// Realization, other refines an Influence, which ArchiMate 3.2 permits between those types).
struct EdgeMapping {
  std::string_view archimate_type;
  EdgeKind kind;
  bool reversed;
  std::optional<NodeKind> only_from;
};
inline constexpr EdgeMapping edge_mappings[] = {
    {"Influence", EdgeKind::contributes, false, std::nullopt},
    {"Realization", EdgeKind::refines, true, NodeKind::goal},
    {"Influence", EdgeKind::refines, false, std::nullopt},
    {"Aggregation", EdgeKind::decomposes, false, std::nullopt},
    {"Aggregation", EdgeKind::refines, false, std::nullopt},  // read only: the refines rows above come first
    {"Composition", EdgeKind::part_of, true, std::nullopt},
    {"Composition", EdgeKind::decomposes, false, std::nullopt},
    {"Realization", EdgeKind::improves, false, std::nullopt},
    {"Realization", EdgeKind::contributes, false, std::nullopt},  // read only: a WorkPackage realizing a goal
    {"Association", EdgeKind::targets, false, std::nullopt},
    {"Association", EdgeKind::funded_by, false, std::nullopt},
};
/// Influence modifier ↔ contribution strength: the symbols and GRL labels; "0".."10" read as
/// 0..100 in steps of 10. Writing a strength: its label's symbol, else a multiple of 10 as
/// "0".."10", else the number as text (the XSD allows any string); koers also writes the exact
/// strength in the relationship's property "koers edge" (`{"strength": …}`, as in koers.model),
/// which reading prefers.
struct ModifierMapping {
  std::string_view modifier;
  std::string_view label;
};
inline constexpr ModifierMapping modifier_mappings[] = {
    {"++", "make"}, {"+", "help"}, {"+", "some+"}, {"0", "unknown"}, {"-", "some-"}, {"-", "hurt"}, {"--", "break"},
};
/// The strength an Influence modifier stands for (nullopt for "" or a text koers cannot read).
std::optional<Strength> strength_of_modifier(std::string_view modifier);
/// The modifier a strength is written as.
std::string modifier_of_strength(const Strength& s);

/// The koers node kind of an ArchiMate element type (nullopt: not mapped).
std::optional<NodeKind> node_kind_of(std::string_view archimate_type);
/// The ArchiMate element type a koers node kind is written as.
std::string_view archimate_type_of(NodeKind kind);

/// What `to_graph` left out: elements and relationships whose types (or endpoint kinds) do not map.
struct Unmapped {
  std::vector<std::string> elements, relationships;
};
/// The strategy graph of an ArchiMate model: every element whose type maps (node id = the
/// element's identifier, or its "koers id" property; name, documentation as description;
/// processes get gemma_id = identifier) and every relationship whose type maps between them.
/// `kinds` limits the nodes (empty = every mapped kind). What does not map goes to `unmapped`.
StrategyGraph to_graph(const Model& m, const std::vector<NodeKind>& kinds = {}, Unmapped* unmapped = nullptr);
/// A koers model as an ArchiMate model: one element per node, one relationship per edge (by the
/// mapping table), the node's other fields as "koers …" properties (so reading it back gives the
/// same graph), and one generated view per development with a layered layout (development →
/// goals → learning goals → interventions).
Model from_graph(const StrategyGraph& g);

}  // namespace koers::archimate
