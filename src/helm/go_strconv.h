// Go's strconv parsing rules (base prefixes, underscores, quoting), shared by the template
// parser and by the conversion functions.
#ifndef KUBESHIFT_HELM_GO_STRCONV_H_
#define KUBESHIFT_HELM_GO_STRCONV_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kubeshift::tmpl {

/// strconv.ParseUint(s, base, 64); base 0 reads 0x, 0o, 0b and leading-0 octal prefixes and
/// allows underscores between digits.
bool ParseGoUint(std::string_view s, int base, uint64_t* out);
/// strconv.ParseInt(s, base, 64): an optional sign, then as ParseGoUint.
bool ParseGoInt(std::string_view s, int base, int64_t* out);
/// strconv.ParseFloat(s, 64): decimal, hex floats with a p exponent, inf and nan; false on
/// syntax errors and on overflow.
bool ParseGoFloat(std::string_view s, double* out);
/// strconv.Unquote for "…", `…` and '…' literals.
bool UnquoteGo(std::string_view quoted, std::string* out);
/// strconv.UnquoteChar: one (possibly escaped) character at the start of \a s. \a value is a
/// rune, or a single byte when \a is_byte (\x and octal escapes).
bool UnquoteGoChar(std::string_view s, char quote, uint32_t* value, bool* is_byte, size_t* consumed);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_GO_STRCONV_H_
