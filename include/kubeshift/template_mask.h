// kubeshift — Go template actions in Helm chart templates, masked for lexical YAML scans.
#ifndef KUBESHIFT_TEMPLATE_MASK_H_
#define KUBESHIFT_TEMPLATE_MASK_H_

#include <string>
#include <string_view>
#include <vector>

#include "kubeshift/source.h"

namespace kubeshift {

/// One `{{ … }}` action (or comment) of a template.
struct TemplateAction {
  Range range;               ///< from "{{" to past "}}"
  std::string_view keyword;  ///< "if", "else", "end", "range", "with", "define", … or empty
  std::string_view body;     ///< the text after the keyword, trimmed of blanks and "-"
};

/// A template with every action replaced by filler of the same length, so offsets and
/// lines still point into the original. A line holding nothing but actions becomes a
/// comment ("#" then blanks); an action inside other text becomes "x"s. Line breaks
/// inside actions are kept.
struct MaskedTemplate {
  std::string text;
  std::vector<TemplateAction> actions;  ///< in order of appearance
  /// True when [begin, end) overlaps an action (the bytes there are filler, not YAML).
  bool OverlapsAction(Range range) const;
};

MaskedTemplate MaskTemplateActions(std::string_view text);

/// Describes the innermost `if`/`with`/`range`/`define` around each offset of a template.
class TemplateGuards {
 public:
  TemplateGuards(std::string_view text, const std::vector<TemplateAction>& actions);
  /// "inside {{ if .Values.x }} (line 3)", "in the {{ else }} branch of {{ if … }} (line 3)",
  /// or empty at the top level.
  std::string DescribeAt(size_t offset) const;

 private:
  struct Change {
    size_t offset;
    std::string description;
  };
  std::vector<Change> changes_;
};

}  // namespace kubeshift

#endif  // KUBESHIFT_TEMPLATE_MASK_H_
