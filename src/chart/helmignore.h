// .helmignore rules (Helm's pkg/ignore): which files of a chart directory are not loaded.
#ifndef KUBESHIFT_CHART_HELMIGNORE_H_
#define KUBESHIFT_CHART_HELMIGNORE_H_

#include <string>
#include <string_view>
#include <vector>

namespace kubeshift::chart {

class IgnoreRules {
 public:
  /// Parses a .helmignore text; false with \a error for a rule Helm rejects (`**`, bad pattern).
  bool Parse(std::string_view text, std::string* error);
  /// Adds Helm's default rule: hidden files under templates/.
  void AddDefaults();
  /// True when the chart-relative \a path (a directory when \a is_dir) is ignored.
  bool Ignore(std::string_view path, bool is_dir) const;

 private:
  struct Rule {
    std::string pattern;
    bool negate = false;
    bool must_dir = false;
    enum class Scope { kRoot, kPath, kBase } scope = Scope::kBase;
  };
  bool AddRule(std::string_view rule, std::string* error);
  std::vector<Rule> rules_;
};

}  // namespace kubeshift::chart

#endif  // KUBESHIFT_CHART_HELMIGNORE_H_
