// The fallback path: yaml-cpp on one document. Only this file includes yaml-cpp for
// manifests; its exceptions stop here.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <string>

#include "kubeshift/yaml_document.h"

namespace kubeshift {
namespace {

// yaml-cpp has no end marks: recover the raw extent by comparing the source bytes with the
// value (libraries.md §1). When they differ (escapes, folding, tags) only the start is
// trustworthy, and the style says so.
ScalarRef MakeScalarRef(std::string_view text, size_t base, const YAML::Node& node) {
  ScalarRef ref;
  ref.present = true;
  ref.value = node.Scalar();
  size_t begin = base + static_cast<size_t>(node.Mark().pos);
  ref.range = Range{begin, begin + 1};
  ref.style = ScalarStyle::kOther;
  if (begin >= text.size()) return ref;
  const size_t n = ref.value.size();
  char first = text[begin];
  if (first == '"' || first == '\'') {
    if (text.size() > begin + n + 1 && text.substr(begin + 1, n) == ref.value && text[begin + 1 + n] == first) {
      ref.range.end = begin + n + 2;
      ref.style = first == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted;
    }
  } else if (node.Tag() == "?" && text.substr(begin, n) == ref.value) {
    ref.range.end = begin + n;
    ref.style = ScalarStyle::kPlain;
  }
  return ref;
}

// The first value of \a key in map \a node (yaml-cpp keeps duplicate keys; the first wins,
// as with operator[]).
YAML::Node FirstValue(const YAML::Node& node, std::string_view key) {
  for (const auto& pair : node) {
    if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

bool ExtractResource(std::string_view text, size_t base, const YAML::Node& node, Resource* out) {
  if (!node.IsMap()) return false;
  YAML::Node api_version = FirstValue(node, "apiVersion");
  YAML::Node kind = FirstValue(node, "kind");
  if (!api_version.IsScalar() || !kind.IsScalar()) return false;
  out->api_version = MakeScalarRef(text, base, api_version);
  out->kind = MakeScalarRef(text, base, kind);
  YAML::Node metadata = FirstValue(node, "metadata");
  if (metadata.IsMap()) {
    YAML::Node name = FirstValue(metadata, "name");
    if (name.IsScalar()) out->name = name.Scalar();
    YAML::Node ns = FirstValue(metadata, "namespace");
    if (ns.IsScalar()) out->namespace_ = ns.Scalar();
  }
  return true;
}

// yaml-cpp accepts a quoted scalar that is still open at the end of the input, swallowing
// the rest of the document into it. Find the closing quote of every quoted scalar ourselves.
std::optional<ScanError> FindUnterminatedQuote(std::string_view text, Range chunk, const YAML::Node& root) {
  std::vector<YAML::Node> pending{root};
  while (!pending.empty()) {
    YAML::Node node = pending.back();
    pending.pop_back();
    if (node.IsMap()) {
      for (const auto& pair : node) {
        pending.push_back(pair.first);
        pending.push_back(pair.second);
      }
      continue;
    }
    if (node.IsSequence()) {
      for (const auto& item : node) pending.push_back(item);
      continue;
    }
    if (!node.IsScalar() || node.Mark().is_null()) continue;
    size_t begin = chunk.begin + static_cast<size_t>(node.Mark().pos);
    if (begin >= chunk.end) continue;
    char quote = text[begin];
    if (quote != '"' && quote != '\'') continue;
    size_t i = begin + 1;
    for (; i < chunk.end; ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < chunk.end && text[i + 1] == '\'') {
          ++i;
        } else {
          break;
        }
      }
    }
    if (i >= chunk.end) return ScanError{begin, "unterminated quoted scalar: the closing quote is missing"};
  }
  return std::nullopt;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// yaml-cpp reports errors found at the end of the input ("end of sequence flow not found")
// at the end of the chunk, which is the next document's "---" line. Point at the end of the
// document's last line of content instead (trailing comments and blank lines skipped).
size_t ClampToContent(std::string_view text, Range chunk, size_t offset) {
  size_t line_end = chunk.end;
  while (line_end > chunk.begin) {
    size_t line_begin = text.rfind('\n', line_end - 1);
    line_begin = line_begin == std::string_view::npos || line_begin < chunk.begin ? chunk.begin : line_begin + 1;
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    size_t first = line.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && line[first] != '#') {
      size_t last = line.find_last_not_of(" \t\r\n");
      size_t content_end = line_begin + last + 1;
      return offset >= content_end ? content_end - 1 : offset;
    }
    line_end = line_begin > chunk.begin ? line_begin - 1 : chunk.begin;
  }
  return offset;
}

}  // namespace

FullParseResult ParseDocumentFully(std::string_view text, Range chunk) {
  FullParseResult result;
  const std::string copy(text.substr(chunk.begin, chunk.size()));
  try {
    YAML::Node root = YAML::Load(copy);
    if (!root.IsDefined() || root.IsNull()) return result;
    result.empty = false;
    if ((result.error = FindUnterminatedQuote(text, chunk, root))) return result;
    Resource resource;
    if (!ExtractResource(text, chunk.begin, root, &resource)) return result;
    const bool is_list = EndsWith(resource.kind.value, "List");
    result.resources.push_back(std::move(resource));
    if (!is_list) return result;
    YAML::Node items = FirstValue(root, "items");
    if (!items.IsSequence()) return result;
    for (const auto& item : items) {
      Resource entry;
      if (!ExtractResource(text, chunk.begin, item, &entry)) continue;
      entry.list_item = true;
      result.resources.push_back(std::move(entry));
    }
  } catch (const YAML::DeepRecursion& e) {
    result.empty = false;
    result.resources.clear();
    result.error = ScanError{chunk.begin + std::min(static_cast<size_t>(e.mark.pos), chunk.size()),
                             "nesting is too deep (more than 500 levels); the document is not scanned"};
  } catch (const YAML::Exception& e) {
    result.empty = false;
    result.resources.clear();
    size_t offset = e.mark.is_null() ? 0 : static_cast<size_t>(e.mark.pos);
    result.error = ScanError{ClampToContent(text, chunk, chunk.begin + std::min(offset, chunk.size())), e.msg};
  } catch (const std::exception& e) {
    result.empty = false;
    result.resources.clear();
    result.error = ScanError{chunk.begin, e.what()};
  }
  return result;
}

}  // namespace kubeshift
