#pragma once
/// \file
/// THE bounded file read behind every koers reader (JSON formats, jUCMNav XML, and the Python
/// readers through `koers._core.read_file`). A file, pipe or device is read in chunks and the
/// read stops as soon as it passes the limit: an endless stream (/dev/zero, `yes |`) costs at
/// most the limit in memory and ends as InputError E117, never as an out-of-memory.
#include <cstddef>
#include <fstream>
#include <string>

namespace koers::io {

/// The largest file a koers reader reads (1 GiB).
inline constexpr std::size_t max_file_bytes = std::size_t{1} << 30;

/// The whole content of `path`, at most `limit` bytes. Throws InputError E117 as soon as there
/// is more (naming the file and the limit), E100 for a directory ("is a directory"), a file that
/// cannot be opened (missing, no permission, a symlink loop) or a read error.
std::string read_file(const std::string& path, std::size_t limit = max_file_bytes);

/// `path` opened for binary reading; E100 as read_file (for readers that stream a file).
std::ifstream open_file(const std::string& path);

/// Throws InputError E117: `path` is larger than `limit`.
[[noreturn]] void throw_too_large(const std::string& path, std::size_t limit);

}  // namespace koers::io
