// toYaml: sigs.k8s.io/yaml's Marshal, i.e. the value through JSON and back (numbers become
// ints where JSON wrote no fraction), then go-yaml v2's block emitter. The scalar analysis
// and writers follow libyaml's emitter, which go-yaml v2 is a port of: style choice, quoting,
// escapes, 80-column folding and the indentless lists under mapping keys.
#include <algorithm>
#include <cmath>

#include "helm/go_format.h"
#include "helm/go_unicode.h"
#include "helm/yaml_emitter.h"
#include "helm/yaml_resolve.h"
#include "kubeshift/template_data.h"

namespace kubeshift::tmpl {
namespace {

// go-yaml v2's keyList.Less for string keys: runs of digits compare as numbers, a letter
// sorts after a non-letter.
bool NaturalLess(std::string_view a, std::string_view b) {
  std::vector<uint32_t> ar, br;
  for (size_t i = 0; i < a.size();) {
    int w = 1;
    ar.push_back(DecodeRune(a, i, &w));
    i += static_cast<size_t>(w);
  }
  for (size_t i = 0; i < b.size();) {
    int w = 1;
    br.push_back(DecodeRune(b, i, &w));
    i += static_cast<size_t>(w);
  }
  for (size_t i = 0; i < ar.size() && i < br.size(); ++i) {
    if (ar[i] == br[i]) continue;
    const bool al = IsLetterRune(ar[i]), bl = IsLetterRune(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    int64_t an = 0, bn = 0;
    if (ar[i] == '0' || br[i] == '0') {
      for (size_t j = i; j-- > 0 && IsDigitRune(ar[j]);) {
        if (ar[j] != '0') {
          an = bn = 1;
          break;
        }
      }
    }
    size_t ai = i, bi = i;
    for (; ai < ar.size() && IsDigitRune(ar[ai]); ++ai) an = an * 10 + (ar[ai] - '0');
    for (; bi < br.size() && IsDigitRune(br[bi]); ++bi) bn = bn * 10 + (br[bi] - '0');
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.size() < br.size();
}

// JSON turns invalid UTF-8 into U+FFFD before the YAML step ever sees it.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int w = 1;
    const uint32_t r = DecodeRune(s, i, &w);
    if (r == kRuneError && w == 1) AppendRune(kRuneError, &out);
    else out.append(s.substr(i, static_cast<size_t>(w)));
    i += static_cast<size_t>(w);
  }
  return out;
}

// A float after the JSON round trip: integral values JSON writes without a fraction come
// back as YAML ints, with the digits JSON wrote (Go's shortest form: 1.2345678901234567e19
// is written 12345678901234567000, not the float's exact value 12345678901234567168).
std::string FloatText(double f) {
  if (f == std::trunc(f) && std::fabs(f) < 1e21 && f >= -9.2233720368547758e18 && f < 1.8446744073709552e19) {
    return f == 0 ? "0" : FormatFloat(f, 'f', -1);
  }
  return FormatFloat(f, 'g', -1);
}

bool Build(const Value& v, YamlOut* node, std::string* error, int depth = 0) {
  if (depth >= kMaxValueDepth && (v.IsList() || v.IsMap())) {
    *error = JsonTooDeepMessage();  // Helm's toYaml encodes JSON first
    return false;
  }
  switch (v.kind()) {
    case Value::Kind::kInvalid:
    case Value::Kind::kNil: node->text = "null"; return true;
    case Value::Kind::kBool: node->text = v.AsBool() ? "true" : "false"; return true;
    case Value::Kind::kInt:
    case Value::Kind::kInt64: node->text = std::to_string(v.AsInt()); return true;
    case Value::Kind::kFloat:
      if (std::isnan(v.AsFloat()) || std::isinf(v.AsFloat())) {
        *error = "json: unsupported value: " + FormatFloat(v.AsFloat(), 'g', -1);
        return false;
      }
      node->text = FloatText(v.AsFloat());
      return true;
    case Value::Kind::kString:
      node->kind = YamlOut::Kind::kString;
      node->text = ValidUtf8(v.AsString());
      return true;
    case Value::Kind::kList:
      node->kind = YamlOut::Kind::kSequence;
      node->items.resize(v.AsList().size());
      for (size_t i = 0; i < v.AsList().size(); ++i) {
        if (!Build(v.AsList()[i], &node->items[i], error, depth + 1)) return false;
      }
      return true;
    case Value::Kind::kMap: {
      node->kind = YamlOut::Kind::kMapping;
      for (const auto& [key, value] : v.AsMap()) {
        node->keys.push_back(ValidUtf8(key));
        node->items.emplace_back();
        if (!Build(value, &node->items.back(), error, depth + 1)) return false;
      }
      // Reorder keys naturally, keeping each value with its key.
      std::vector<size_t> order(node->keys.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](size_t x, size_t y) { return NaturalLess(node->keys[x], node->keys[y]); });
      std::vector<std::string> keys;
      std::vector<YamlOut> items;
      for (size_t i : order) {
        keys.push_back(std::move(node->keys[i]));
        items.push_back(std::move(node->items[i]));
      }
      node->keys = std::move(keys);
      node->items = std::move(items);
      return true;
    }
    case Value::Kind::kObject: {
      const Value data = v.AsObject().ToData();
      if (data.IsValid()) return Build(data, node, error, depth + 1);
      node->kind = YamlOut::Kind::kMapping;
      return true;
    }
    case Value::Kind::kFunction:
      *error = "json: unsupported type: " + v.TypeName();
      return false;
  }
  return true;
}

}  // namespace

bool ToYaml(const Value& value, std::string* out, std::string* error) {
  YamlOut root;
  if (!Build(value, &root, error)) return false;
  *out = EmitYaml(root);
  return true;
}

bool ToYamlPretty(const Value& value, std::string* out, std::string* error) {
  YamlOut root;
  if (!Build(value, &root, error)) return false;
  *out = EmitYaml(root, true);
  return true;
}

}  // namespace kubeshift::tmpl
