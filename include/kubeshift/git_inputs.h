// kubeshift — discovery from git: the files changed since a revision, or the tree of a revision.
#ifndef KUBESHIFT_GIT_INPUTS_H_
#define KUBESHIFT_GIT_INPUTS_H_

#include <string>
#include <vector>

#include "kubeshift/discovery.h"

namespace kubeshift {

/// The repository is found the way git finds it: from the current directory upward, or from
/// GIT_DIR (GIT_WORK_TREE, GIT_INDEX_FILE and GIT_CEILING_DIRECTORIES are honoured too).
///
/// Both functions return false with a user-facing message (exit code 2) when no repository is
/// found ("not inside a git repository: /cwd"), when the revision is unknown ("unknown
/// revision 'nope'") or when \a paths holds "-". A path argument that does not exist, or lies
/// outside the repository, goes to result->missing like any missing path.

/// `--changed-since REV`: the files that differ between the tree of \a rev and the working
/// tree (added, modified, renamed, and untracked files that are not ignored; deleted files
/// are left out), within \a paths (filesystem paths relative to the current directory; empty:
/// the whole work tree). A chart whose Chart.yaml, values*.yaml/yml/json (next to Chart.yaml)
/// or any file under templates/ or charts/ changed, deletions included, contributes every
/// file of its templates/. Display paths are relative to the current directory, joined to the
/// path argument as the walk does. Classification and excludes apply; with
/// use_gitignore=false ignored files count as untracked files. Needs a work tree.
bool DiscoverChangedSince(const std::string& rev, const std::vector<std::string>& paths,
                          const DiscoveryOptions& options, DiscoveryResult* result,
                          std::string* error);

/// `--rev REV`: every file of the tree of \a rev (a commit, branch, tag or tree), read from
/// blobs without a checkout; works in a bare repository. With no \a paths the display paths
/// are the paths in the tree (relative to the repository root). In a work tree \a paths are
/// filesystem paths relative to the current directory, mapped into the tree (they need not
/// exist on disk); in a bare repository they are paths in the tree. Display paths join the
/// path argument and the names below it. Classification (chart templates: a templates/ file
/// below a directory of that tree holding Chart.yaml) and excludes apply; .gitignore does not
/// (every file of a tree is tracked). Inputs carry a loader; chart_root is the chart's
/// display path.
bool DiscoverRevision(const std::string& rev, const std::vector<std::string>& paths,
                      const DiscoveryOptions& options, DiscoveryResult* result, std::string* error);

}  // namespace kubeshift

#endif  // KUBESHIFT_GIT_INPUTS_H_
