// A fast reader for the plain block YAML that values files, Chart.yaml and rendered manifests
// are almost always written in, for loading template values only. yaml-cpp spends about a
// thousand instructions per byte; a chart's values.yaml and every rendered document go through
// here on every render.
#ifndef KUBESHIFT_HELM_YAML_SIMPLE_BLOCK_H_
#define KUBESHIFT_HELM_YAML_SIMPLE_BLOCK_H_

#include <string_view>

#include "kubeshift/yaml_tree.h"

namespace kubeshift::tmpl {

/// Reads \a text into the tree yaml-cpp would build, without positions (begin and raw are
/// not set): kind, scalar value, tag ("?" plain, "!" quoted or block) and flow. Returns false,
/// leaving the text to yaml-cpp, for anything outside the subset it knows exactly: block maps
/// and sequences, one-line plain and quoted scalars (no escapes), literal block scalars (`|`,
/// `|-`, `|+`), `{}` and `[]`, comments. Anchors, tags, flow collections, folded or multi-line
/// scalars, document markers, tabs, CR and duplicate keys are all "not mine", and so is any
/// input that is not valid YAML: errors are yaml-cpp's to report.
bool ParseSimpleBlockYaml(std::string_view text, YamlNode* root);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_YAML_SIMPLE_BLOCK_H_
