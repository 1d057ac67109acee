// Chart templates reach the converters with every `{{ … }}` action masked (template_mask.h):
// a line holding nothing but actions becomes "#" and blanks. In the masked text, an entry
// whose value an action renders looks null, and a mapping an action adds entries to looks
// smaller than it is; a converter must not take either for what it looks like.
#ifndef KUBESHIFT_CONVERT_TEMPLATE_LINES_H_
#define KUBESHIFT_CONVERT_TEMPLATE_LINES_H_

#include <string_view>

#include "kubeshift/yaml_tree.h"

namespace kubeshift::template_lines {

/// True when entry \a index of the block mapping \a map is null but is followed, before the
/// next line of content, by a masked action: the template renders its value.
bool ValueFromAction(std::string_view text, const YamlNode& map, size_t index);

/// True when a masked action stands among the lines of the block mapping \a map (before the
/// first line of content indented less than its keys): it renders entries of its own.
bool HasActionLines(std::string_view text, const YamlNode& map);

/// True when a masked action line starts in [\a begin, \a end).
bool ActionLinesBetween(std::string_view text, size_t begin, size_t end);

}  // namespace kubeshift::template_lines

#endif  // KUBESHIFT_CONVERT_TEMPLATE_LINES_H_
