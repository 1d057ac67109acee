// UTF-8 decoding and rune classes, as Go's unicode/utf8 and unicode packages have them for
// the characters templates meet in practice.
#include "helm/go_unicode.h"

namespace kubeshift::tmpl {

uint32_t DecodeRune(std::string_view s, size_t pos, int* width) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(pos);
  *width = 1;
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || pos + n > s.size()) return kRuneError;
  uint32_t r = c & (0x7F >> n);
  for (int i = 1; i < n; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return kRuneError;
    r = (r << 6) | (next & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid, as in Go.
  if ((n == 3 && r < 0x800) || (n == 4 && (r < 0x10000 || r > 0x10FFFF)) || (r >= 0xD800 && r <= 0xDFFF)) {
    return kRuneError;
  }
  *width = n;
  return r;
}

void AppendRune(uint32_t r, std::string* out) {
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = kRuneError;
  if (r < 0x80) {
    out->push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (r >> 6)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (r >> 12)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (r >> 18)));
    out->push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

size_t RuneCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    int w = 1;
    DecodeRune(s, i, &w);
    i += static_cast<size_t>(w);
  }
  return n;
}

bool IsPrintRune(uint32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  if (r < 0xA0 || r == 0xAD) return false;
  if ((r >= 0x200B && r <= 0x200F) || (r >= 0x2028 && r <= 0x202E) || (r >= 0x2060 && r <= 0x206F)) return false;
  if (r == 0xFEFF || (r >= 0xFFF9 && r <= 0xFFFB) || r == 0xFFFE || r == 0xFFFF) return false;
  if (r >= 0xE000 && r <= 0xF8FF) return false;
  if (r >= 0xF0000 || r > 0x10FFFF || (r & 0xFFFE) == 0xFFFE) return false;
  return true;
}

bool IsLetterRune(uint32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  if (r < 0xC0) return r == 0xAA || r == 0xB5 || r == 0xBA;
  if (r == 0xD7 || r == 0xF7) return false;
  if (r >= 0x2000 && r <= 0x2BFF) return false;  // punctuation, symbols, arrows, box drawing
  if (r >= 0x3000 && r <= 0x303F) return false;  // CJK symbols and punctuation
  if (r >= 0xFF00 && r <= 0xFF20) return false;
  return IsPrintRune(r);
}

bool IsDigitRune(uint32_t r) { return r >= '0' && r <= '9'; }

bool IsSpaceRune(uint32_t r) {
  switch (r) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200A;
  }
}

uint32_t ToUpperRune(uint32_t r) {
  if (r >= 'a' && r <= 'z') return r - 32;
  if (r < 0x80) return r;
  if ((r >= 0xE0 && r <= 0xFE && r != 0xF7)) return r - 32;
  if (r == 0xFF) return 0x178;
  if (r >= 0x3B1 && r <= 0x3C9 && r != 0x3C2) return r - 32;
  if (r >= 0x430 && r <= 0x44F) return r - 32;
  if (r >= 0x450 && r <= 0x45F) return r - 80;
  if (r >= 0x100 && r <= 0x17F && (r & 1) == 1 && r != 0x131 && r != 0x138 && r != 0x149) return r - 1;
  return r;
}

uint32_t ToLowerRune(uint32_t r) {
  if (r >= 'A' && r <= 'Z') return r + 32;
  if (r < 0x80) return r;
  if ((r >= 0xC0 && r <= 0xDE && r != 0xD7)) return r + 32;
  if (r >= 0x391 && r <= 0x3A9) return r + 32;
  if (r >= 0x410 && r <= 0x42F) return r + 32;
  if (r >= 0x400 && r <= 0x40F) return r + 80;
  if (r >= 0x100 && r <= 0x17F && (r & 1) == 0 && r != 0x130 && r != 0x138) return r + 1;
  return r;
}

bool IsUpperRune(uint32_t r) { return ToLowerRune(r) != r; }
bool IsLowerRune(uint32_t r) { return ToUpperRune(r) != r || r == 0xDF; }

namespace {

std::string MapRunes(std::string_view s, uint32_t (*f)(uint32_t)) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int w = 1;
    const uint32_t r = DecodeRune(s, i, &w);
    if (r < 0x80) {
      out.push_back(static_cast<char>(f(r)));
    } else if (r == kRuneError && w == 1) {
      AppendRune(kRuneError, &out);  // Go's ToUpper turns invalid bytes into U+FFFD
    } else {
      AppendRune(f(r), &out);
    }
    i += static_cast<size_t>(w);
  }
  return out;
}

}  // namespace

std::string ToUpper(std::string_view s) { return MapRunes(s, ToUpperRune); }
std::string ToLower(std::string_view s) { return MapRunes(s, ToLowerRune); }

}  // namespace kubeshift::tmpl
