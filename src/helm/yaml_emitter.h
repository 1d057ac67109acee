// A block-style YAML emitter with go-yaml v2's output rules (its libyaml-derived emitter).
#ifndef KUBESHIFT_HELM_YAML_EMITTER_H_
#define KUBESHIFT_HELM_YAML_EMITTER_H_

#include <string>
#include <vector>

namespace kubeshift::tmpl {

/// A node to emit. kPlain scalars (null, booleans, numbers) are written as they are; strings
/// get go-yaml v2's style choice (plain, quoted or literal block).
struct YamlOut {
  enum class Kind { kPlain, kString, kSequence, kMapping } kind = Kind::kPlain;
  std::string text;
  std::vector<std::string> keys;  // mappings: in output order
  std::vector<YamlOut> items;     // sequence items, or the value of keys[i]
};

/// One document, without "---", ending with a newline. \a indent_sequences puts lists under
/// a mapping key two columns in (yaml.v3's style, for toYamlPretty) instead of at its column.
std::string EmitYaml(const YamlOut& root, bool indent_sequences = false);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_YAML_EMITTER_H_
