// koers/io/file.hpp: the bounded file read.
#include <koers/io/file.hpp>

#include <koers/core/error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

namespace koers::io {
namespace {
std::string bytes_text(std::size_t n) {
  if (n >= (std::size_t{1} << 30) && n % (std::size_t{1} << 30) == 0) return std::to_string(n >> 30) + " GiB";
  if (n >= (std::size_t{1} << 20) && n % (std::size_t{1} << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= (std::size_t{1} << 10) && n % (std::size_t{1} << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}
}  // namespace

void throw_too_large(const std::string& path, std::size_t limit) {
  throw InputError(Errc::too_large,
                   "'" + path + "' is larger than " + bytes_text(limit) +
                       " (koers reads files up to that size; the read stopped there)",
                   {path});
}

std::ifstream open_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw InputError(Errc::file_unreadable, "cannot read '" + path + "': it is a directory", {path});
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int err = errno;
    throw InputError(Errc::file_unreadable,
                     "cannot read '" + path + "'" + (err ? std::string(": ") + std::strerror(err) : ""), {path});
  }
  return in;
}

std::optional<std::size_t> invalid_utf8(std::string_view t) {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t n = t.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c == 0xE0) {
      len = 3;
      lo = 0xA0;
    } else if (c >= 0xE1 && c <= 0xEC)
      len = 3;
    else if (c == 0xED) {
      len = 3;
      hi = 0x9F;
    }  // no surrogates
    else if (c >= 0xEE && c <= 0xEF)
      len = 3;
    else if (c == 0xF0) {
      len = 4;
      lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3)
      len = 4;
    else if (c == 0xF4) {
      len = 4;
      hi = 0x8F;
    }  // nothing past U+10FFFF
    else
      return i;
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    i += len;
  }
  return std::nullopt;
}

std::string read_file(const std::string& path, std::size_t limit) {
  std::ifstream in = open_file(path);
  constexpr std::size_t chunk = std::size_t{1} << 20;
  std::error_code ec;
  std::size_t expected = 0;
  if (std::filesystem::is_regular_file(path, ec)) {
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limit) throw_too_large(path, limit);
    if (!ec) expected = static_cast<std::size_t>(size);
  }
  // Chunks, joined at the end and freed one by one: the memory stays near what was read (a
  // growing string would reallocate to twice its size on the way to the limit).
  std::vector<std::string> parts;
  std::size_t total = 0;
  while (in) {
    std::size_t want = std::min(chunk, limit - total + 1);  // one byte past the limit tells "more"
    std::string part(want, '\0');
    in.read(part.data(), static_cast<std::streamsize>(want));
    part.resize(static_cast<std::size_t>(in.gcount()));
    total += part.size();
    if (total > limit) throw_too_large(path, limit);
    if (!part.empty()) parts.push_back(std::move(part));
  }
  if (in.bad()) throw InputError(Errc::file_unreadable, "cannot read '" + path + "'", {path});
  if (parts.size() == 1) return std::move(parts.front());
  std::string text;
  text.reserve(std::max(total, expected));
  for (auto& p : parts) {
    text += p;
    std::string().swap(p);
  }
  return text;
}

}  // namespace koers::io
