// kubeshift — byte-range edits: the only way kubeshift changes a file.
#ifndef KUBESHIFT_EDIT_H_
#define KUBESHIFT_EDIT_H_

#include <string>
#include <string_view>
#include <vector>

namespace kubeshift {

/// Replace \a length bytes at \a offset with \a text (an insertion when length is 0).
struct Edit {
  size_t offset = 0;
  size_t length = 0;
  std::string text;
  bool operator==(const Edit&) const = default;
};

/// Edits of one file. Overlapping edits are rejected; an edit identical to one already in
/// the set is ignored (aliases and repeated conversions produce the same edit twice).
/// Insertions at the same offset are kept in the order they were added.
class EditSet {
 public:
  /// False (and nothing added) when \a edit overlaps an edit already in the set.
  bool Add(Edit edit);
  /// Adds all of \a edits or none of them.
  bool AddAll(const std::vector<Edit>& edits);
  bool empty() const { return edits_.empty(); }
  size_t size() const { return edits_.size(); }
  const std::vector<Edit>& edits() const { return edits_; }
  /// \a text with every edit applied (back to front, so offsets stay valid).
  std::string Apply(std::string_view text) const;

 private:
  std::vector<Edit> edits_;  // in offset order
};

/// A unified diff ("--- a/PATH", "+++ b/PATH", hunks with 3 lines of context) of \a before and
/// \a after, empty when they are equal. Lines are compared exactly ("\r" kept).
std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after);

/// Writes \a bytes to \a path atomically: a temporary file in the same directory with the
/// original's mode, flushed to disk, then renamed over it. False with a message on failure;
/// the original is untouched then.
bool WriteFileAtomically(const std::string& path, std::string_view bytes, std::string* error);

}  // namespace kubeshift

#endif  // KUBESHIFT_EDIT_H_
