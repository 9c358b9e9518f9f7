// koers/model/kinds.hpp: reading the kinds' names (the table and to_string stay in the header).
#include <koers/model/kinds.hpp>

namespace koers {

std::string display_name(NodeKind k) {
  std::string s(to_string(k));
  for (auto& c : s)
    if (c == '_') c = ' ';
  return s;
}

namespace {
template <class E, size_t N>
std::optional<E> parse_enum(std::string_view s, const std::array<E, N>& all) {
  for (E e : all)
    if (to_string(e) == s) return e;
  return std::nullopt;
}
}  // namespace
std::optional<NodeKind> parse_node_kind(std::string_view s) { return parse_enum(s, all_node_kinds); }
std::optional<EdgeKind> parse_edge_kind(std::string_view s) { return parse_enum(s, all_edge_kinds); }
std::optional<Decomposition> parse_decomposition(std::string_view s) {
  return parse_enum(s, std::array{Decomposition::and_, Decomposition::or_, Decomposition::xor_});
}
std::optional<Status> parse_status(std::string_view s) {
  return parse_enum(s, std::array{Status::new_, Status::existing, Status::partly_existing});
}
std::optional<Channel> parse_channel(std::string_view s) {
  return parse_enum(s, std::array{Channel::on_the_job, Channel::with_others, Channel::formal});
}

bool is_contribution_label(std::string_view s) {
  for (auto l : contribution_labels)
    if (l == s) return true;
  return false;
}

}  // namespace koers
