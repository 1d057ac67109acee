// go-yaml v2's resolution of plain scalars (YAML 1.1): which texts are booleans, nulls,
// numbers or timestamps. Values reading and toYaml's quoting both depend on it.
#ifndef KUBESHIFT_HELM_YAML_RESOLVE_H_
#define KUBESHIFT_HELM_YAML_RESOLVE_H_

#include <cstdint>
#include <string_view>

namespace kubeshift::tmpl {

enum class YamlTag { kStr, kNull, kBool, kInt, kFloat, kTimestamp, kMerge };

struct Resolved {
  YamlTag tag = YamlTag::kStr;
  bool boolean = false;
  int64_t integer = 0;
  bool is_uint = false;   // an integer above INT64_MAX, in uinteger
  uint64_t uinteger = 0;
  double number = 0;
};

/// go-yaml v2's resolve("", s) for an untagged plain scalar.
Resolved ResolvePlain(std::string_view s);
/// Sexagesimal-looking texts ("1:20"), which go-yaml v2 quotes on output.
bool IsBase60Float(std::string_view s);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_YAML_RESOLVE_H_
