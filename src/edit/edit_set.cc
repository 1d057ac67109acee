#include <algorithm>

#include "kubeshift/edit.h"

namespace kubeshift {

bool EditSet::Add(Edit edit) {
  // The first edit that starts at or after this one's offset, and its predecessor, are the
  // only candidates for an overlap.
  auto at = std::lower_bound(edits_.begin(), edits_.end(), edit.offset,
                             [](const Edit& e, size_t offset) { return e.offset < offset; });
  for (auto it = at; it != edits_.end() && it->offset == edit.offset; ++it) {
    if (*it == edit) return true;
  }
  const size_t end = edit.offset + edit.length;
  if (at != edits_.begin()) {
    const Edit& before = *std::prev(at);
    if (before.offset + before.length > edit.offset) return false;
  }
  // Insertions at the same offset go after the ones already there.
  auto insert_at = at;
  while (insert_at != edits_.end() && insert_at->offset == edit.offset && insert_at->length == 0) ++insert_at;
  if (insert_at != edits_.end()) {
    const Edit& after = *insert_at;
    const bool replaces = edit.length > 0 || after.length > 0;
    if (replaces && after.offset < end) return false;
    if (edit.length > 0 && after.offset == edit.offset) return false;
  }
  edits_.insert(insert_at, std::move(edit));
  return true;
}

bool EditSet::AddAll(const std::vector<Edit>& edits) {
  EditSet copy = *this;
  for (const Edit& edit : edits) {
    if (!copy.Add(edit)) return false;
  }
  *this = std::move(copy);
  return true;
}

std::string EditSet::Apply(std::string_view text) const {
  std::string out;
  out.reserve(text.size() + 64 * edits_.size());
  size_t copied = 0;
  for (const Edit& edit : edits_) {
    out.append(text.substr(copied, edit.offset - copied));
    out.append(edit.text);
    copied = edit.offset + edit.length;
  }
  out.append(text.substr(std::min(copied, text.size())));
  return out;
}

}  // namespace kubeshift
