// kubeshift — release version parsing.
#include "kubeshift/version.h"

#include <charconv>
#include <string>
#include <string_view>

namespace kubeshift {
namespace {

// Reads a run of decimal digits at the front of *text into *out and consumes it. Six digits
// at most: no real release number is longer, and it keeps the int far from overflow.
bool ConsumeNumber(std::string_view* text, int* out) {
  size_t digits = 0;
  while (digits < text->size() && (*text)[digits] >= '0' && (*text)[digits] <= '9') ++digits;
  if (digits == 0 || digits > 6) return false;
  std::from_chars(text->data(), text->data() + digits, *out);
  text->remove_prefix(digits);
  return true;
}

bool ConsumeChar(std::string_view* text, char c) {
  if (text->empty() || text->front() != c) return false;
  text->remove_prefix(1);
  return true;
}

}  // namespace

std::string Version::ToString() const {
  return std::to_string(major) + "." + std::to_string(minor);
}

std::optional<Version> ParseVersion(std::string_view text) {
  ConsumeChar(&text, 'v');
  Version version;
  if (!ConsumeNumber(&text, &version.major) || !ConsumeChar(&text, '.') ||
      !ConsumeNumber(&text, &version.minor)) {
    return std::nullopt;
  }
  if (text.empty()) return version;
  int patch = 0;
  if (!ConsumeChar(&text, '.') || !ConsumeNumber(&text, &patch)) return std::nullopt;
  // Whatever follows the patch level is a pre-release or build suffix ("-eks-1", "+k3s1").
  if (!text.empty() && text.front() != '-' && text.front() != '+') return std::nullopt;
  return version;
}

}  // namespace kubeshift
