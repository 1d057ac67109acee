// fromToml on every prefix of a document that uses each TOML construct, and on deep nesting:
// each input decodes or gives a "toml: line N: ..." error in the Error key, never a crash.
#include <string>

#include "catch.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

std::string FromToml(const std::string& text) {
  TemplateSet set(HelmFunctions());
  TemplateError error;
  REQUIRE(set.Parse("t", R"({{ $m := fromToml .t }}{{ if hasKey $m "Error" }}{{ $m.Error }}{{ else }}ok{{ end }})", &error));
  RenderResult result;
  REQUIRE(set.Execute("t", Value::Map({{"t", Value::String(text)}}), ExecOptions(), &result, &error));
  return result.text;
}

TEST_CASE("fromToml survives every prefix of a document", "[toml]") {
  const std::string doc =
      "# comment\n"
      "title = \"T\\u00e9st \\\"q\\\"\"\n"
      "lit = 'C:\\path'\n"
      "multi = \"\"\"\nline \\\n  joined\"\"\"\n"
      "raw = '''\nx'''\n"
      "n = -1_000\nh = 0xff\nf = 6.02e23\ninf = -inf\n"
      "when = 1979-05-27T07:32:00-07:00\nday = 1979-05-27\n"
      "arr = [ 1, [2, 3], { a = \"b\" }, ]\n"
      "a.b.c = true\n"
      "[srv]\nport = 80\n"
      "[srv.tls]\non = false\n"
      "[[item]]\nname = \"x\"\n"
      "[[item]]\nname = \"y\"\n";
  REQUIRE(FromToml(doc) == "ok");
  for (size_t n = 0; n < doc.size(); ++n) {
    const std::string out = FromToml(doc.substr(0, n));
    INFO("prefix of " << n << " bytes: " << out);
    CHECK((out == "ok" || out.starts_with("toml: line ")));
  }
}

TEST_CASE("fromToml rejects deep nesting instead of overflowing", "[toml]") {
  CHECK(FromToml("a = " + std::string(100000, '[')).starts_with("toml: line 1: "));
  CHECK(FromToml("a = " + std::string(50, '[') + std::string(50, ']')) == "ok");
}

}  // namespace
}  // namespace kubeshift::tmpl
