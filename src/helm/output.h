// Rendered text plus its source map, built append-only.
#ifndef KUBESHIFT_HELM_OUTPUT_H_
#define KUBESHIFT_HELM_OUTPUT_H_

#include <memory>
#include <string>
#include <string_view>

#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {

/// The origin of bytes written by one action or text node.
struct Origin {
  std::shared_ptr<const TemplateSource> source;
  size_t offset = 0;
  std::shared_ptr<const CallFrame> call;
};

/// Appends text with spans; adjacent spans of the same origin are merged.
class Output {
 public:
  /// Template text copied verbatim: byte i comes from origin.offset + i.
  void AppendLiteral(std::string_view text, const Origin& origin);
  /// Bytes an action produced: all attributed to the action.
  void AppendGenerated(std::string_view text, const Origin& origin);
  /// A string with provenance: its spans are kept, its unattributed bytes go to \a action.
  void AppendTracked(const TrackedText& text, const Origin& action);
  RenderResult& result() { return result_; }
  /// The output as a string value that keeps its spans (offsets relative to its start).
  Value ToValue() &&;

 private:
  void AddSpan(size_t length, const std::shared_ptr<const TemplateSource>& source, size_t offset, bool literal,
               const std::shared_ptr<const CallFrame>& call);
  RenderResult result_;
};

/// Builds a new string from pieces of tracked strings and new bytes (for indent, trim…).
class TrackedBuilder {
 public:
  explicit TrackedBuilder(size_t reserve = 0) { text_.reserve(reserve); }
  /// Appends bytes [begin, begin+length) of \a from, with their provenance.
  void AppendFrom(const Value& from, size_t begin, size_t length);
  void AppendNew(std::string_view text) { text_.append(text); }
  /// A tracked string when any appended piece had provenance, else a plain string.
  Value Build() &&;

 private:
  std::string text_;
  std::vector<OutputSpan> spans_;
};

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_OUTPUT_H_
