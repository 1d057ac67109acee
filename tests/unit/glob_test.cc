// Tests for src/discovery/glob.cc: GlobMatch.
#include <string>

#include "catch.h"
#include "kubeshift/discovery.h"

namespace kubeshift {
namespace {

struct GlobCase {
  const char* pattern;
  const char* path;
  bool match;
};

// clang-format off
const GlobCase kGlobCases[] = {
    // A pattern without "/" matches the basename of any component.
    {"*.json",        "a.json",                      true},
    {"*.json",        "dir/sub/a.json",              true},
    {"*.json",        "a.yaml",                      false},
    {"*.json",        "a.json.yaml",                 false},
    {"vendor",        "vendor",                      true},
    {"vendor",        "a/vendor",                    true},
    {"vendor",        "a/vendor/b/c.yaml",           true},
    {"vendor",        "vendors/c.yaml",              false},
    {"vendor",        "a/myvendor/c.yaml",           false},
    {"*",             "anything/at/all",             true},
    {".*",            "./a.yaml",                    false},  // "." is not a name
    {".*",            "../x/a.yaml",                 false},
    {".*",            "x/.hidden/a.yaml",            true},
    // "?" and classes.
    {"a?.yaml",       "ab.yaml",                     true},
    {"a?.yaml",       "a.yaml",                      false},
    {"a?.yaml",       "a/b.yaml",                    false},
    {"[abc].yaml",    "b.yaml",                      true},
    {"[abc].yaml",    "d.yaml",                      false},
    {"[!abc].yaml",   "d.yaml",                      true},
    {"[!abc].yaml",   "a.yaml",                      false},
    {"[^abc].yaml",   "a.yaml",                      false},
    {"[a-c]x",        "bx",                          true},
    {"[a-c]x",        "dx",                          false},
    {"[]]x",          "]x",                          true},
    {"[x",            "[x",                          true},   // unclosed: a literal "["
    {"\\*.yaml",      "*.yaml",                      true},
    {"\\*.yaml",      "a.yaml",                      false},
    // "*" stays within a segment when the pattern has a "/".
    {"a/*.yaml",      "a/b.yaml",                    true},
    {"a/*.yaml",      "a/b/c.yaml",                  false},
    {"a/*.yaml",      "x/a/b.yaml",                  false},  // anchored at the start
    {"*/b.yaml",      "a/b.yaml",                    true},
    // "**" spans segments, including none.
    {"a/**",          "a/b.yaml",                    true},
    {"a/**",          "a/b/c/d.yaml",                true},
    {"a/**",          "ab/c.yaml",                   false},
    {"**/b.yaml",     "b.yaml",                      true},
    {"**/b.yaml",     "x/y/b.yaml",                  true},
    {"**/b.yaml",     "x/y/ab.yaml",                 false},
    {"a/**/b.yaml",   "a/b.yaml",                    true},
    {"a/**/b.yaml",   "a/x/y/b.yaml",                true},
    {"a/**/b.yaml",   "a/x/y/c.yaml",                false},
    {"**/test*/**",   "src/testdata/x.yaml",         true},
    {"**/*.json",     "deep/er/x.json",              true},
    // A directory pattern excludes what is below it; a trailing "/" is dropped.
    {"charts/foo",    "charts/foo/templates/x.yaml", true},
    {"charts/foo/",   "charts/foo/templates/x.yaml", true},
    {"charts/foo",    "charts/foobar/x.yaml",        false},
    {"vendor/",       "a/vendor/x.yaml",             true},
    // Leading "./" on either side is ignored.
    {"./a/*.yaml",    "a/b.yaml",                    true},
    {"a/*.yaml",      "./a/b.yaml",                  true},
    // Absolute patterns match absolute paths only.
    {"/tmp/x/**",     "/tmp/x/a.yaml",               true},
    {"/tmp/x/**",     "tmp/x/a.yaml",                false},
    {"tmp/x/**",      "/tmp/x/a.yaml",               false},
    // Degenerate input.
    {"",              "a.yaml",                      false},
    {"*.yaml",        "",                            false},
    // Case matters.
    {"*.JSON",        "a.json",                      false},
};
// clang-format on

TEST_CASE("GlobMatch table", "[glob]") {
  for (const GlobCase& c : kGlobCases) {
    INFO("pattern '" << c.pattern << "' path '" << c.path << "'");
    CHECK(GlobMatch(c.pattern, c.path) == c.match);
  }
}

}  // namespace
}  // namespace kubeshift
