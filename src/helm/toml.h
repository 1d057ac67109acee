// TOML in and out for Helm's toToml and fromToml (helm_toml.cc, toml_reader.cc).
#ifndef KUBESHIFT_HELM_TOML_H_
#define KUBESHIFT_HELM_TOML_H_

#include <string>
#include <string_view>

#include "kubeshift/template_value.h"

namespace kubeshift::tmpl {

/// BurntSushi/toml's Encoder output for \a value; false with its error text.
bool ToToml(const Value& value, std::string* out, std::string* error);
/// BurntSushi/toml's Decode into a map; false with "toml: line N: ..." on malformed input.
bool FromToml(std::string_view text, Value* out, std::string* error);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_TOML_H_
