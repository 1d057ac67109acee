// .tgz charts: zlib for gzip (when the build has it) and a small ustar/pax reader.
#include "chart/archive.h"

#include <cstdlib>

#ifdef KUBESHIFT_HAVE_ZLIB
#include <zlib.h>
#endif

namespace kubeshift::chart {
namespace {

constexpr size_t kBlock = 512;
constexpr size_t kMaxDecompressed = 100u << 20;  // Helm's MaxDecompressedChartSize

std::string Field(std::string_view header, size_t offset, size_t length) {
  std::string_view f = header.substr(offset, length);
  size_t nul = f.find('\0');
  return std::string(f.substr(0, nul));
}

bool Octal(std::string_view header, size_t offset, size_t length, size_t* out) {
  std::string text = Field(header, offset, length);
  size_t value = 0;
  for (char c : text) {
    if (c == ' ') continue;
    if (c < '0' || c > '7') return false;
    value = value * 8 + static_cast<size_t>(c - '0');
  }
  *out = value;
  return true;
}

// The "path" record of a pax extended header, or "".
std::string PaxPath(std::string_view records) {
  while (!records.empty()) {
    size_t space = records.find(' ');
    if (space == std::string_view::npos) break;
    size_t length = std::strtoul(std::string(records.substr(0, space)).c_str(), nullptr, 10);
    if (length == 0 || length > records.size()) break;
    std::string_view record = records.substr(space + 1, length - space - 2);  // without "\n"
    if (record.starts_with("path=")) return std::string(record.substr(5));
    records.remove_prefix(length);
  }
  return "";
}

// Helm's naming: drop the first component, clean, and refuse paths outside the chart.
bool ChartRelativeName(const std::string& raw, std::string* out, std::string* error) {
  size_t slash = raw.find('/');
  if (slash == std::string::npos && raw == "Chart.yaml") {
    *error = "chart yaml not in base directory";
    return false;
  }
  std::string name = slash == std::string::npos ? "" : raw.substr(slash + 1);
  if (!name.empty() && name.front() == '/') {
    *error = "chart illegally contains absolute paths";
    return false;
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    std::string part = name.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) {
        *error = "chart illegally references parent directory";
        return false;
      }
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  if (parts.empty()) {
    *error = "chart illegally contains content outside the base directory: \"" + raw + "\"";
    return false;
  }
  out->clear();
  for (const std::string& part : parts) *out += (out->empty() ? "" : "/") + part;
  return true;
}

}  // namespace

bool ReadTar(std::string_view tar, std::vector<ChartFile>* files, std::string* error) {
  std::string long_name;
  size_t pos = 0;
  while (pos + kBlock <= tar.size()) {
    std::string_view header = tar.substr(pos, kBlock);
    if (header.find_first_not_of('\0') == std::string_view::npos) break;  // end of archive
    size_t size = 0;
    if (!Octal(header, 124, 12, &size) || pos + kBlock + size > tar.size()) {
      *error = "archive/tar: invalid tar header";
      return false;
    }
    std::string_view body = tar.substr(pos + kBlock, size);
    pos += kBlock + (size + kBlock - 1) / kBlock * kBlock;
    const char type = header[156];
    if (type == 'x') {
      long_name = PaxPath(body);
      continue;
    }
    if (type == 'L') {
      long_name = std::string(body.substr(0, body.find('\0')));
      continue;
    }
    std::string raw = long_name.empty() ? Field(header, 0, 100) : long_name;
    if (long_name.empty() && Field(header, 257, 6) == "ustar") {
      std::string prefix = Field(header, 345, 155);
      if (!prefix.empty()) raw = prefix + "/" + raw;
    }
    long_name.clear();
    if (type != '0' && type != '\0') continue;  // directories, links, global headers
    std::string name;
    if (!ChartRelativeName(raw, &name, error)) return false;
    std::string data(body);
    if (data.starts_with("\xEF\xBB\xBF")) data.erase(0, 3);
    files->push_back(ChartFile{std::move(name), std::move(data)});
  }
  if (files->empty()) {
    *error = "no files in chart archive";
    return false;
  }
  return true;
}

#ifdef KUBESHIFT_HAVE_ZLIB

bool ArchivesSupported() { return true; }

bool ReadChartArchive(std::string_view bytes, std::vector<ChartFile>* files, std::string* error) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    *error = "gzip: cannot initialise zlib";
    return false;
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  std::string tar;
  char buffer[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    tar.append(buffer, sizeof buffer - zs.avail_out);
    if (tar.size() > kMaxDecompressed) rc = Z_MEM_ERROR;
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    *error = rc == Z_MEM_ERROR ? "decompressed chart is larger than the maximum size" : "gzip: invalid header";
    return false;
  }
  return ReadTar(tar, files, error);
}

#else

bool ArchivesSupported() { return false; }

bool ReadChartArchive(std::string_view, std::vector<ChartFile>*, std::string* error) {
  *error = "packaged charts (.tgz) are not supported by this build of kubeshift (it was built without zlib); "
           "unpack the archive into a directory of the same name";
  return false;
}

#endif

}  // namespace kubeshift::chart
