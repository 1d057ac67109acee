// IsSuppressed (src/app/suppressions.cc): "# kubeshift:ignore[=RULE,…]" on the apiVersion line or
// on a comment line right above it.
#include <string>

#include "app/suppressions.h"
#include "catch.h"

namespace kubeshift {
namespace {

bool Suppressed(const std::string& text, int line, std::string_view rule) {
  LineIndex lines(text);
  return IsSuppressed(lines, line, rule);
}

}  // namespace

TEST_CASE("a trailing comment on the line suppresses every rule", "[app][suppressions]") {
  const std::string text = "apiVersion: extensions/v1beta1 # kubeshift:ignore\nkind: Ingress\n";
  CHECK(Suppressed(text, 1, "removed-api"));
  CHECK(Suppressed(text, 1, "deprecated-api"));
  CHECK(Suppressed(text, 1, "anything"));
  CHECK_FALSE(Suppressed(text, 2, "removed-api"));  // the next line is not covered
}

TEST_CASE("a comment line right above suppresses", "[app][suppressions]") {
  CHECK(Suppressed("# kubeshift:ignore\napiVersion: extensions/v1beta1\n", 2, "removed-api"));
  CHECK(Suppressed("  # kubeshift:ignore\napiVersion: extensions/v1beta1\n", 2, "removed-api"));
  CHECK(Suppressed("\t# kubeshift:ignore\napiVersion: extensions/v1beta1\n", 2, "removed-api"));
  CHECK(Suppressed("#kubeshift:ignore\napiVersion: extensions/v1beta1\n", 2, "removed-api"));
  CHECK(Suppressed("# note: kubeshift:ignore until Q3\napiVersion: x\n", 2, "removed-api"));
  CHECK(Suppressed("# kubeshift:ignore\r\napiVersion: extensions/v1beta1\r\n", 2, "removed-api"));
}

TEST_CASE("only the line right above counts", "[app][suppressions]") {
  CHECK_FALSE(Suppressed("# kubeshift:ignore\n\napiVersion: x\n", 3, "removed-api"));
  CHECK_FALSE(Suppressed("# kubeshift:ignore\n# other\napiVersion: x\n", 3, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x\n# kubeshift:ignore\n", 1, "removed-api"));  // below
}

TEST_CASE("a non-comment line above does not suppress", "[app][suppressions]") {
  CHECK_FALSE(Suppressed("metadata: x # kubeshift:ignore\napiVersion: x\n", 2, "removed-api"));
  CHECK_FALSE(Suppressed("- a # kubeshift:ignore\napiVersion: x\n", 2, "removed-api"));
}

TEST_CASE("rule lists", "[app][suppressions]") {
  const std::string one = "apiVersion: policy/v1beta1 # kubeshift:ignore=deprecated-api\n";
  CHECK(Suppressed(one, 1, "deprecated-api"));
  CHECK_FALSE(Suppressed(one, 1, "removed-api"));

  const std::string two = "# kubeshift:ignore=removed-api,deprecated-api\napiVersion: x\n";
  CHECK(Suppressed(two, 2, "removed-api"));
  CHECK(Suppressed(two, 2, "deprecated-api"));
  CHECK_FALSE(Suppressed(two, 2, "parse-error"));

  const std::string blanks = "apiVersion: x # kubeshift:ignore=removed-api, deprecated-api\n";
  CHECK(Suppressed(blanks, 1, "removed-api"));
  CHECK(Suppressed(blanks, 1, "deprecated-api"));

  const std::string note = "apiVersion: x # kubeshift:ignore=removed-api -- migrating next sprint, deprecated-api\n";
  CHECK(Suppressed(note, 1, "removed-api"));
  CHECK_FALSE(Suppressed(note, 1, "deprecated-api"));

  const std::string comment_after = "apiVersion: x # kubeshift:ignore=removed-api # why\n";
  CHECK(Suppressed(comment_after, 1, "removed-api"));
}

TEST_CASE("rule names match exactly", "[app][suppressions]") {
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignore=removed\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignore=removed-api-x\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignore=Removed-Api\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignore=\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignore=,removed\n", 1, "removed-api"));
}

TEST_CASE("an unrelated rule is not suppressed", "[app][suppressions]") {
  CHECK_FALSE(Suppressed("# kubeshift:ignore=deprecated-api\napiVersion: extensions/v1beta1\n", 2, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignore=served-api\n", 1, "removed-api"));
}

TEST_CASE("words that only start like the directive do not suppress", "[app][suppressions]") {
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignored\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignore-next-line\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift:ignore:removed-api\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # kubeshift: ignore\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: x # KUBESHIFT:IGNORE\n", 1, "removed-api"));
}

TEST_CASE("a blank before '=' does not widen a rule list to every rule", "[app][suppressions]") {
  // "kubeshift:ignore = deprecated-api" reads as "kubeshift:ignore" followed by a note, so it
  // suppresses every rule, removed-api errors included, although only a warning was meant.
  const std::string text = "apiVersion: extensions/v1beta1 # kubeshift:ignore = deprecated-api\n";
  CHECK_FALSE(Suppressed(text, 1, "removed-api"));
}

TEST_CASE("'#' inside a value is not a comment", "[app][suppressions]") {
  CHECK_FALSE(Suppressed("apiVersion: a#kubeshift:ignore\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: a#b kubeshift:ignore\n", 1, "removed-api"));
  CHECK(Suppressed("apiVersion: a#b # kubeshift:ignore\n", 1, "removed-api"));
  CHECK(Suppressed("apiVersion: v1\t# kubeshift:ignore\n", 1, "removed-api"));
  CHECK_FALSE(Suppressed("x: a#kubeshift:ignore\napiVersion: v1\n", 2, "removed-api"));
  CHECK_FALSE(Suppressed("apiVersion: v1 kubeshift:ignore\n", 1, "removed-api"));
}

TEST_CASE("lines outside the text are never suppressed", "[app][suppressions]") {
  const std::string text = "# kubeshift:ignore\n";
  CHECK_FALSE(Suppressed(text, 0, "removed-api"));
  CHECK_FALSE(Suppressed(text, -1, "removed-api"));
  CHECK(Suppressed(text, 2, "removed-api"));  // the empty last line, right below the comment
  CHECK_FALSE(Suppressed(text, 5, "removed-api"));
  CHECK_FALSE(Suppressed("", 1, "removed-api"));
}

}  // namespace kubeshift
