// Single-line YAML lexing helpers shared by the fast scanner and the template scanner.
// Every function looks at one line only and answers conservatively: when in doubt it
// reports failure, and the caller hands the document to the full parser.
#ifndef KUBESHIFT_SCAN_LINE_LEXER_H_
#define KUBESHIFT_SCAN_LINE_LEXER_H_

#include <cstddef>
#include <string_view>

#include "kubeshift/resource.h"

namespace kubeshift::scan {

inline bool IsBlank(char c) { return c == ' ' || c == '\t'; }

/// Number of leading spaces of \a line.
size_t CountIndent(std::string_view line);

/// True when \a rest (text after a value) is empty, blanks only, or blanks then a comment.
bool IsTrailingComment(std::string_view rest);

/// Where a mapping key ends on a line: the offset of its ':' (followed by a blank or the
/// end of the line). npos when the line is not "key: …" in the supported subset.
size_t FindKeyColon(std::string_view line);

/// The result of lexing a value on one line.
struct LexedValue {
  enum Kind {
    kEmpty,        ///< nothing (or only a comment): a nested block may follow
    kScalar,       ///< plain or quoted scalar that ends on this line
    kFlow,         ///< a flow collection that closes on this line
    kBlockScalar,  ///< "|" or ">" header; content lines follow
    kUnsupported,  ///< anything else: anchors, tags, aliases, multi-line scalars, …
    kOpenQuoted,   ///< a quoted scalar that continues on the next lines (style says which)
    kInvalid,      ///< certainly not YAML (see problem): an error whatever follows
  } kind = kUnsupported;
  const char* problem = nullptr;  ///< for kInvalid
  ScalarStyle style = ScalarStyle::kPlain;
  size_t begin = 0;  ///< raw extent within the line, quotes included
  size_t end = 0;
  bool has_escapes = false;  ///< quoted scalar whose raw content differs from its value
};

/// Lexes the value that starts at \a pos of \a line (after "key:" or "- ").
LexedValue LexValue(std::string_view line, size_t pos);

/// Inside a quoted scalar (\a quote is '"' or '\''), from \a from: the offset just past the
/// closing quote, or npos when the scalar goes on after this line. Sets \a bad_escape for an
/// escape YAML does not define.
size_t FindQuoteEnd(std::string_view line, size_t from, char quote, bool* has_escapes, bool* bad_escape);

/// The value of a scalar lexed by LexValue without escapes (quotes stripped).
std::string_view ScalarText(std::string_view line, const LexedValue& value);

}  // namespace kubeshift::scan

#endif  // KUBESHIFT_SCAN_LINE_LEXER_H_
