#include "convert/field_helpers.h"

#include <algorithm>
#include <charconv>

namespace kubeshift::fields {

bool IsUnset(const YamlNode* node) { return node == nullptr || node->IsNull(); }

std::optional<long long> IntValue(const YamlNode* node) {
  if (!node || !node->IsScalar() || node->style != ScalarStyle::kPlain) return std::nullopt;
  std::string_view text = node->value;
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool SetIfUnset(DocumentEditor& editor, const YamlNode& map, std::string_view key, const NewValue& value) {
  const int index = map.IndexOf(key);
  if (index < 0) {
    editor.AddEntry(map, key, value);
    return true;
  }
  if (!map.values[static_cast<size_t>(index)].IsNull()) return false;
  editor.ReplaceEntry(map, static_cast<size_t>(index), key, value);
  return true;
}

bool MoveUnder(DocumentEditor& editor, const YamlNode& map, const std::vector<Move>& moves, std::string_view name,
               NewValue block, std::vector<size_t>* removed) {
  std::vector<std::pair<const Move*, size_t>> found;
  for (const Move& move : moves) {
    if (const int index = map.IndexOf(move.from); index >= 0) found.emplace_back(&move, static_cast<size_t>(index));
  }
  if (found.empty()) return false;
  const size_t first = std::min_element(found.begin(), found.end(), [](const auto& a, const auto& b) {
                         return a.second < b.second;
                       })->second;
  for (const auto& [move, index] : found) {
    if (index != first) removed->push_back(index);
    if (map.values[index].IsNull()) continue;
    // The comment lines above the first entry stay above the new one, which takes its place; the
    // others' go along with their entries.
    block.Add(std::string(move->to),
              index == first ? NewValue::Verbatim(map, index) : NewValue::VerbatimWithComments(map, index));
  }
  editor.ReplaceEntry(map, first, name, block);
  return true;
}

std::vector<std::string> RemoveAnnotations(const ConversionContext& context,
                                           std::initializer_list<std::string_view> keys) {
  std::vector<std::string> removed;
  const YamlNode* metadata = context.object.Get("metadata");
  const YamlNode* annotations = metadata ? metadata->Get("annotations") : nullptr;
  if (!annotations || !annotations->IsMap()) return removed;
  std::vector<size_t> indexes;
  for (size_t i = 0; i < annotations->keys.size(); ++i) {
    if (std::find(keys.begin(), keys.end(), annotations->keys[i].Text()) == keys.end()) continue;
    indexes.push_back(i);
    removed.emplace_back(annotations->keys[i].Text());
  }
  if (indexes.empty()) return removed;
  if (indexes.size() == annotations->keys.size()) {
    // An empty annotations mapping would be noise: the whole entry goes.
    context.editor.RemoveEntry(*metadata, static_cast<size_t>(metadata->IndexOf("annotations")));
    return removed;
  }
  context.editor.RemoveEntries(*annotations, std::move(indexes));
  return removed;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace kubeshift::fields
