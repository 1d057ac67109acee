// Helm's releaseutil: splitting rendered files into documents, reading each document's
// kind, name and hook annotations, and the install order of kinds.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "chart/chart_internal.h"
#include "kubeshift/scan.h"
#include "kubeshift/template_data.h"

namespace kubeshift::chart {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

const std::vector<std::string_view> kHookEvents = {"pre-install", "post-install", "pre-delete", "post-delete",
                                                   "pre-upgrade", "post-upgrade", "pre-rollback", "post-rollback",
                                                   "test", "test-success"};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// True when every comma-separated event of a helm.sh/hook annotation is known.
bool KnownHook(const std::string& hooks) {
  size_t start = 0;
  while (start <= hooks.size()) {
    size_t comma = hooks.find(',', start);
    if (comma == std::string::npos) comma = hooks.size();
    std::string event = hooks.substr(start, comma - start);
    const size_t b = event.find_first_not_of(" \t"), e = event.find_last_not_of(" \t");
    event = Lower(b == std::string::npos ? "" : event.substr(b, e - b + 1));
    if (std::find(kHookEvents.begin(), kHookEvents.end(), event) == kHookEvents.end()) return false;
    start = comma + 1;
  }
  return true;
}

int LineOf(std::string_view text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

std::string StringAt(const Value& map, std::string_view key) {
  const Value v = Get(map, key);
  return v.IsString() ? v.AsString() : "";
}

// False only when metadata.annotations certainly is not in \a doc: every line that mentions
// "annotations" starts with it as a key indented deeper than metadata's own keys (the pod
// template's annotations of a Deployment, say). Anything else, flow style included, is "maybe".
bool MayHaveTopAnnotations(std::string_view doc) {
  auto indent_of = [&](size_t line_start) { return doc.find_first_not_of(' ', line_start) - line_start; };
  const size_t metadata = doc.starts_with("metadata:") ? 0 : doc.find("\nmetadata:");
  if (metadata == std::string_view::npos) return doc.find("annotations") != std::string_view::npos;
  size_t child = metadata + (doc[metadata] == '\n' ? 1 : 0);
  // metadata's keys are indented like its first non-blank, non-comment line.
  size_t child_indent = 0;
  for (size_t line = doc.find('\n', child); line != std::string_view::npos; line = doc.find('\n', line + 1)) {
    const size_t start = line + 1;
    const size_t first = doc.find_first_not_of(' ', start);
    if (first == std::string_view::npos) break;
    if (doc[first] == '\n' || doc[first] == '#' || doc[first] == '\r') continue;
    child_indent = first - start;
    break;
  }
  if (child_indent == 0) return true;  // "metadata: {…}" or an empty metadata: be careful
  for (size_t at = doc.find("annotations"); at != std::string_view::npos; at = doc.find("annotations", at + 1)) {
    const size_t line_start = doc.rfind('\n', at) == std::string_view::npos ? 0 : doc.rfind('\n', at) + 1;
    if (line_start + indent_of(line_start) != at || at - line_start <= child_indent) return true;
  }
  return false;
}

// The head of a document the fast scanner understood completely, without building a value
// tree (most of a chart's render time went there). Only when nothing in it could change the
// answer: no annotations (hooks, and their type checks), and a kind that is a string to YAML.
bool HeadFromScan(std::string_view doc, FastScanOutcome outcome, const std::vector<Resource>& scanned, Manifest* m) {
  if (outcome == FastScanOutcome::kEmpty) return true;
  if (outcome != FastScanOutcome::kResource || scanned.empty() || scanned.front().list_item) return false;
  if (MayHaveTopAnnotations(doc)) return false;
  const ScalarRef& kind = scanned.front().kind;
  if (kind.style == ScalarStyle::kPlain) {
    // Plain words YAML 1.1 reads as booleans or null; a number cannot start with a capital.
    static constexpr std::string_view kNotStrings[] = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"};
    std::string lower;
    for (char c : kind.value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kind.value.empty() || !std::isupper(static_cast<unsigned char>(kind.value[0]))) return false;
    for (std::string_view word : kNotStrings) {
      if (lower == word) return false;
    }
  }
  m->kind = kind.value;
  m->name = scanned.front().name;
  return true;
}

// sigs.k8s.io/yaml into releaseutil.SimpleHead: kind, metadata.name, metadata.annotations.
bool ReadHead(const std::string& doc, Manifest* m, std::string* error) {
  // yaml-cpp reads a line without ':' as the continuation of a scalar; go-yaml (and Helm)
  // reject it. The scanner's block-structure check catches that.
  std::vector<Resource> scanned;
  ScanError strict;
  const FastScanOutcome outcome = FastScanDocument(doc, Range{0, doc.size()}, &scanned, &strict);
  if (outcome == FastScanOutcome::kInvalid) {
    *error = "error converting YAML to JSON: yaml: line " + std::to_string(LineOf(doc, strict.offset)) + ": " +
             strict.message;
    return false;
  }
  if (HeadFromScan(doc, outcome, scanned, m)) return true;
  Value head;
  if (!tmpl::ValueFromYaml(doc, tmpl::NumberMode::kJson, &head, error)) {
    *error = "error converting YAML to JSON: " + *error;
    return false;
  }
  if (head.IsNil()) return true;
  if (!head.IsMap()) {
    *error = "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " +
             std::string(head.IsList() ? "array" : head.IsString() ? "string" : "number") +
             " into Go value of type releaseutil.SimpleHead";
    return false;
  }
  m->kind = StringAt(head, "kind");
  const Value metadata = Get(head, "metadata");
  m->name = StringAt(metadata, "name");
  const Value annotations = Get(metadata, "annotations");
  if (!annotations.IsMap()) return true;
  for (const auto& [key, value] : annotations.AsMap()) {
    if (!value.IsString() && !value.IsNil()) {
      *error = "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " +
               std::string(value.IsNumber() ? "number" : value.kind() == Value::Kind::kBool ? "bool" : "object") +
               " into Go struct field .metadata.annotations of type string";
      return false;
    }
  }
  m->hook = StringAt(annotations, "helm.sh/hook");
  if (m->hook.empty() && annotations.AsMap().count("helm.sh/hook")) m->hook = " ";  // present but empty
  return true;
}

// The file and line a YAML error of document \a doc (at \a offset of \a file) points at:
// the template line that wrote the offending bytes when the source map knows it.
ChartError YamlError(const RenderedChart& chart, const RenderedFile& file, size_t offset, std::string_view doc,
                     const std::string& message) {
  size_t at = offset;
  const size_t pos = message.find("yaml: line ");
  if (pos != std::string::npos) {
    int line = std::atoi(message.c_str() + pos + 11);
    size_t in_doc = 0;
    for (int l = 1; l < line; ++l) {
      size_t eol = doc.find('\n', in_doc);
      if (eol == std::string_view::npos) break;
      in_doc = eol + 1;
    }
    at = offset + in_doc;
  }
  ChartError error{file.path, LineOf(file.result.text, at), 0, "YAML parse error on " + file.name + ": " + message};
  ByteOrigin origin;
  if (OriginOf(chart, file, at, &origin)) error.file = origin.file, error.line = LineOf(origin.text, origin.offset);
  return error;
}

}  // namespace

const std::vector<std::string>& InstallOrder() {
  static const std::vector<std::string> order = {
      "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
      "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
      "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
      "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
      "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
      "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService", "MutatingWebhookConfiguration",
      "ValidatingWebhookConfiguration"};
  return order;
}

std::vector<std::pair<size_t, std::string>> SplitManifests(std::string_view text) {
  // The regexp (?:^|\s*\n)---\s* over the trimmed text, then each piece trimmed.
  size_t b = 0, e = text.size();
  while (b < e && IsSpace(text[b])) ++b;
  while (e > b && IsSpace(text[e - 1])) --e;
  std::vector<std::pair<size_t, size_t>> pieces;  // [begin, end) in text
  auto skip_ws = [&](size_t p) {
    while (p < e && IsSpace(text[p])) ++p;
    return p;
  };
  size_t piece = b, i = b;
  if (e - b >= 3 && text.substr(b, 3) == "---") {
    piece = i = skip_ws(b + 3);
  }
  while (i < e) {
    const size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos || nl + 4 > e) break;
    if (text.substr(nl + 1, 3) != "---") {
      i = nl + 1;
      continue;
    }
    pieces.push_back({piece, nl});
    piece = i = skip_ws(nl + 4);
  }
  pieces.push_back({piece, e});
  std::vector<std::pair<size_t, std::string>> docs;
  for (auto [pb, pe] : pieces) {
    while (pb < pe && IsSpace(text[pb])) ++pb;
    while (pe > pb && IsSpace(text[pe - 1])) --pe;
    if (pb < pe) docs.emplace_back(pb, std::string(text.substr(pb, pe - pb)));
  }
  return docs;
}

void SortByKind(std::vector<Manifest>* manifests) {
  std::unordered_map<std::string_view, size_t> rank;
  for (size_t i = 0; i < InstallOrder().size(); ++i) rank.emplace(InstallOrder()[i], i);
  std::stable_sort(manifests->begin(), manifests->end(), [&rank](const Manifest& a, const Manifest& b) {
    auto ra = rank.find(a.kind), rb = rank.find(b.kind);
    if (ra == rank.end() && rb == rank.end()) return a.kind < b.kind;
    if (ra == rank.end()) return false;
    if (rb == rank.end()) return true;
    return ra->second < rb->second;
  });
}

bool SortRenderedFiles(RenderedChart* out, ChartError* error) {
  std::vector<Manifest> generic, hooks;
  for (size_t f = 0; f < out->files.size(); ++f) {
    const RenderedFile& file = out->files[f];
    for (auto& [offset, doc] : SplitManifests(file.result.text)) {
      Manifest m;
      m.source = file.name;
      m.file = f;
      m.offset = offset;
      std::string message;
      if (!ReadHead(doc, &m, &message)) {
        out->hooks = std::move(hooks);
        out->yaml_failed = true;
        *error = YamlError(*out, file, offset, doc, message);
        return false;
      }
      m.content = std::move(doc);
      if (m.hook.empty()) {
        generic.push_back(std::move(m));
      } else if (KnownHook(m.hook)) {
        hooks.push_back(std::move(m));
      }
    }
  }
  SortByKind(&generic);
  SortByKind(&hooks);
  out->manifests = std::move(generic);
  out->hooks = std::move(hooks);
  return true;
}

}  // namespace kubeshift::chart
