// The text/template lexer: template text → items, with Go's trim markers, comments and
// error messages. The whole text is lexed up front; the parser reads the item list.
#ifndef KUBESHIFT_HELM_LEXER_H_
#define KUBESHIFT_HELM_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

namespace kubeshift::tmpl {

enum class ItemType {
  kError, kBool, kChar, kCharConstant, kComplex, kAssign, kDeclare, kEOF, kField, kIdentifier,
  kLeftDelim, kLeftParen, kNumber, kPipe, kRawString, kRightDelim, kRightParen, kSpace, kString,
  kText, kVariable,
  kKeyword,  // keywords follow
  kBlock, kBreak, kContinue, kDot, kDefine, kElse, kEnd, kIf, kNil, kRange, kTemplate, kWith,
};

struct Item {
  ItemType type = ItemType::kEOF;
  size_t pos = 0;         ///< byte offset in the text
  std::string_view val;   ///< the item's bytes (for kError: see error)
  int line = 1;           ///< 1-based line of pos
  /// Go's item.String(): "EOF", the error text (\a error, for kError), "<keyword>", or a
  /// quoted (shortened) value.
  std::string Describe(const std::string& error = "") const;
};

/// Lexes \a text (which must outlive the items). The list ends with kEOF, or with kError and
/// its message in \a error.
std::vector<Item> Lex(std::string_view text, std::string* error);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_LEXER_H_
