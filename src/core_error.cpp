// koers/core/error.hpp: the exception classes' bodies (their messages are built here, not in every
// file that includes the header: docs/architecture.md, "Compile cost of the headers"). Built into
// the library and into test_portable_int128.
#include <koers/core/error.hpp>

namespace koers {

std::string code_string(Errc c) {
  std::string s = std::to_string(static_cast<int>(c));
  s.insert(s.begin(), 'E');
  return s;
}

Error::Error(Errc code, std::string message, std::vector<std::string> elements)
    : std::runtime_error("[" + code_string(code) + "] " + message),
      code_(code),
      message_(std::move(message)),
      elements_(std::move(elements)) {}

std::string Error::element() const { return elements_.empty() ? std::string{} : elements_.front(); }

InputError InputError::at(Errc code, const std::string& json_path, const std::string& what) {
  return InputError(code, json_path.empty() ? what : json_path + ": " + what, {json_path});
}

InputError InputError::size_mismatch(const std::string& what, long long got, long long expected) {
  return InputError(Errc::size_mismatch,
                    what + " has " + std::to_string(got) + " entries, expected " + std::to_string(expected), {what});
}

ModelError::ModelError(std::vector<Issue> issues)
    : Error(issues.empty() ? Errc::invalid_value : issues.front().code, summarise(issues),
            issues.empty() ? std::vector<std::string>{} : issues.front().elements),
      issues_(std::move(issues)) {}

std::string ModelError::summarise(const std::vector<Issue>& v) {
  if (v.empty()) return "invalid model";
  std::string s = "model has " + std::to_string(v.size()) + " problem" + (v.size() == 1 ? "" : "s") + "; first: [" +
                  code_string(v.front().code) + "] " + v.front().message;
  return s;
}

std::vector<std::pair<int, std::string>> error_codes() {
  std::vector<std::pair<int, std::string>> out;
  for (const auto& row : error_table) out.emplace_back(row.number, std::string(row.name));
  return out;
}

// Each case by its number (the enumerator has that value), so that this file names no code by
// a macro parameter: tests/python/test_error_sites.py reads every Errc::<name> in the sources.
void throw_error(Errc code, std::string message, std::vector<std::string> elements) {
  switch (code) {
#define KOERS_X(name, number, cls, doc) \
  case static_cast<Errc>(number): throw cls(code, std::move(message), std::move(elements));
    KOERS_ERROR_TABLE(KOERS_X)
#undef KOERS_X
  }
  throw Error(code, std::move(message), std::move(elements));
}

}  // namespace koers
