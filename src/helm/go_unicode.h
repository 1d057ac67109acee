// UTF-8 and the small part of Go's unicode package the engine needs (approximations outside
// ASCII are noted at each function).
#ifndef KUBESHIFT_HELM_GO_UNICODE_H_
#define KUBESHIFT_HELM_GO_UNICODE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kubeshift::tmpl {

constexpr uint32_t kRuneError = 0xFFFD;

/// Decodes the rune at \a pos; invalid UTF-8 gives kRuneError with *width 1 (as Go).
uint32_t DecodeRune(std::string_view s, size_t pos, int* width);
void AppendRune(uint32_t r, std::string* out);
/// Number of runes in \a s.
size_t RuneCount(std::string_view s);
/// unicode.IsPrint: ASCII exactly; above it, everything but C1 controls, format characters,
/// line/paragraph separators, private use and non-characters.
bool IsPrintRune(uint32_t r);
/// unicode.IsLetter: ASCII exactly; above it, every rune from U+00C0 on except a few
/// punctuation blocks (× ÷, general punctuation, CJK symbols).
bool IsLetterRune(uint32_t r);
bool IsDigitRune(uint32_t r);
/// unicode.IsSpace.
bool IsSpaceRune(uint32_t r);
bool IsUpperRune(uint32_t r);
bool IsLowerRune(uint32_t r);
/// unicode.ToUpper / ToLower for ASCII, Latin-1, Greek and Cyrillic.
uint32_t ToUpperRune(uint32_t r);
uint32_t ToLowerRune(uint32_t r);
std::string ToUpper(std::string_view s);
std::string ToLower(std::string_view s);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_GO_UNICODE_H_
