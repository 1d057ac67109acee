// FastScanJson (src/scan/json_scanner.cc): a complete JSON validator that picks up the same
// fields as the YAML scanner. Checked by hand, against the full parser, and against RapidJSON
// on every JSON file of the repository's testdata.
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "test_files.h"
#include "kubeshift/scan.h"
#include "kubeshift/yaml_document.h"

namespace kubeshift {
namespace {

using testing::ReadFile;

namespace fs = std::filesystem;

std::string Name(FastScanOutcome outcome) {
  switch (outcome) {
    case FastScanOutcome::kEmpty: return "kEmpty";
    case FastScanOutcome::kResource: return "kResource";
    case FastScanOutcome::kNoResource: return "kNoResource";
    case FastScanOutcome::kNotUnderstood: return "kNotUnderstood";
    case FastScanOutcome::kInvalid: return "kInvalid";
  }
  return "?";
}

struct Scanned {
  std::string outcome;
  std::vector<Resource> resources;
};

Scanned Scan(std::string_view text) {
  Scanned out;
  out.outcome = Name(FastScanJson(text, Range{0, text.size()}, &out.resources));
  return out;
}

std::string Outcome(std::string_view text) { return Scan(text).outcome; }

// "value [begin,end)"
std::string Ref(const ScalarRef& ref) {
  if (!ref.present) return "absent";
  std::string out = ref.value + " [" + std::to_string(ref.range.begin) + "," + std::to_string(ref.range.end) + ")";
  if (ref.style != ScalarStyle::kDoubleQuoted) out += " not-double";
  return out;
}

bool RapidJsonAccepts(std::string_view text) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseDefaultFlags>(text.data(), text.size());
  return !document.HasParseError();
}

// Field by field, with the full parser; empty when they agree.
std::string Disagreement(const Resource& full, const Resource& fast) {
  std::string out;
  if (full.api_version.value != fast.api_version.value) out += "apiVersion '" + full.api_version.value + "' vs '" + fast.api_version.value + "'; ";
  if (full.kind.value != fast.kind.value) out += "kind '" + full.kind.value + "' vs '" + fast.kind.value + "'; ";
  if (full.api_version.range.begin != fast.api_version.range.begin) out += "apiVersion offset; ";
  if (full.kind.range.begin != fast.kind.range.begin) out += "kind offset; ";
  if (full.name != fast.name) out += "name '" + full.name + "' vs '" + fast.name + "'; ";
  if (full.namespace_ != fast.namespace_) {
    out += "namespace '" + full.namespace_.value_or("<none>") + "' vs '" + fast.namespace_.value_or("<none>") + "'; ";
  }
  if (full.list_item != fast.list_item) out += "list_item; ";
  return out;
}

// FastScanJson against ParseDocumentFully, for inputs FastScanJson reads on its own.
std::string CompareWithFullParser(std::string_view text) {
  std::vector<Resource> fast;
  FastScanOutcome outcome = FastScanJson(text, Range{0, text.size()}, &fast);
  if (outcome != FastScanOutcome::kResource && outcome != FastScanOutcome::kNoResource) return {};
  FullParseResult full = ParseDocumentFully(text, Range{0, text.size()});
  if (full.error) return "the full parser rejects it: " + full.error->message;
  if (full.resources.size() != fast.size()) {
    return "objects: full parser " + std::to_string(full.resources.size()) + ", fast " + std::to_string(fast.size());
  }
  for (size_t i = 0; i < fast.size(); ++i) {
    std::string problem = Disagreement(full.resources[i], fast[i]);
    if (!problem.empty()) return "object " + std::to_string(i) + ": " + problem;
  }
  return {};
}

}  // namespace

TEST_CASE("FastScanJson: an object with its fields and exact ranges", "[scan][json]") {
  const std::string text =
      R"({"apiVersion": "networking.k8s.io/v1", "kind":"Ingress", "metadata": {"name": "web", "namespace": "prod",)"
      R"( "labels": {"name": "not-this"}}, "spec": {"rules": [{"host": "a"}], "x": [1, 2.5, -3e2, true, false, null]}})";
  Scanned s = Scan(text);
  REQUIRE(s.outcome == "kResource");
  REQUIRE(s.resources.size() == 1);
  const Resource& r = s.resources[0];
  CHECK(Ref(r.api_version) == "networking.k8s.io/v1 [15,37)");  // the opening quote to past the closing one
  CHECK(text.substr(r.api_version.range.begin, 1) == "\"");
  CHECK(Ref(r.kind) == "Ingress [46,55)");
  CHECK(r.name == "web");
  CHECK(r.namespace_ == std::optional<std::string>("prod"));
  CHECK_FALSE(r.list_item);
}

TEST_CASE("FastScanJson: whitespace of every kind, and a range inside a larger text", "[scan][json]") {
  const std::string text = "xx \t\r\n{ \"kind\" :\t\"Pod\" ,\r\n \"apiVersion\"\n:\"v1\" }\n\n";
  std::vector<Resource> out;
  REQUIRE(FastScanJson(text, Range{3, text.size()}, &out) == FastScanOutcome::kResource);
  CHECK(Ref(out[0].api_version) == "v1 [41,45)");
  CHECK(Ref(out[0].kind) == "Pod [17,22)");
  // The same bytes from offset 0 have junk before the object.
  CHECK(Outcome(text) == "kNotUnderstood");
}

TEST_CASE("FastScanJson: Lists and their items", "[scan][json][list]") {
  const std::string text =
      "{\n"
      "  \"apiVersion\": \"v1\",\n"
      "  \"kind\": \"List\",\n"
      "  \"items\": [\n"
      "    {\"apiVersion\": \"batch/v1beta1\", \"kind\": \"CronJob\", \"metadata\": {\"name\": \"nightly\", \"namespace\": \"ops\"}},\n"
      "    {\"kind\": \"Service\", \"apiVersion\": \"v1\", \"metadata\": {\"name\": \"web\"}},\n"
      "    {\"kind\": \"NoApiVersion\"},\n"
      "    [\"not\", \"an\", \"object\"], 1, \"s\", null,\n"
      "    {\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Nested\"}]}\n"
      "  ]\n"
      "}\n";
  Scanned s = Scan(text);
  REQUIRE(s.outcome == "kResource");
  REQUIRE(s.resources.size() == 4);
  CHECK(s.resources[0].kind.value == "List");
  CHECK_FALSE(s.resources[0].list_item);

  CHECK(s.resources[1].api_version.value == "batch/v1beta1");
  CHECK(s.resources[1].api_version.range.begin == text.find("\"batch/v1beta1\""));
  CHECK(s.resources[1].api_version.range.end == text.find("\"batch/v1beta1\"") + 15);
  CHECK(s.resources[1].kind.range.begin == text.find("\"CronJob\""));
  CHECK(s.resources[1].name == "nightly");
  CHECK(s.resources[1].namespace_ == std::optional<std::string>("ops"));
  CHECK(s.resources[1].list_item);

  const size_t service_line = text.find("{\"kind\": \"Service\"");
  CHECK(s.resources[2].api_version.range.begin == text.find("\"v1\"", service_line));
  CHECK(s.resources[2].kind.value == "Service");
  CHECK(s.resources[2].name == "web");
  CHECK_FALSE(s.resources[2].namespace_.has_value());

  CHECK(s.resources[3].kind.value == "Deployment");
  CHECK(s.resources[3].api_version.range.begin == text.find("\"apps/v1\""));
  CHECK(s.resources[3].list_item);
  CHECK(CompareWithFullParser(text) == "");
}

TEST_CASE("FastScanJson: typed lists; items of a non-List are ignored", "[scan][json][list]") {
  Scanned typed = Scan(R"({"apiVersion":"apps/v1","kind":"DeploymentList","items":[{"apiVersion":"apps/v1","kind":"Deployment"}]})");
  REQUIRE(typed.outcome == "kResource");
  CHECK(typed.resources.size() == 2);
  Scanned pod = Scan(R"({"items":[{"apiVersion":"v1","kind":"Secret"}],"apiVersion":"v1","kind":"Pod"})");
  REQUIRE(pod.outcome == "kResource");
  CHECK(pod.resources.size() == 1);
  Scanned empty = Scan(R"({"apiVersion":"v1","kind":"List","items":[]})");
  REQUIRE(empty.outcome == "kResource");
  CHECK(empty.resources.size() == 1);
  Scanned map_items = Scan(R"({"apiVersion":"v1","kind":"List","items":{"apiVersion":"v1","kind":"Secret"}})");
  REQUIRE(map_items.outcome == "kResource");
  CHECK(map_items.resources.size() == 1);
}

TEST_CASE("FastScanJson: duplicate keys, the first wins", "[scan][json]") {
  const std::string text =
      R"({"apiVersion":"v1","apiVersion":"v2","kind":"Pod","kind":"Secret",)"
      R"("metadata":{"name":"a","name":"b","namespace":"x","namespace":"y"}})";
  // A tracked key given twice is left to the parser, whose "first key wins" covers whole
  // values (see the cases below); the two paths must still agree.
  Scanned s = Scan(text);
  CHECK(s.outcome == "kNotUnderstood");
  CHECK(CompareWithFullParser(text) == "");
}

TEST_CASE("FastScanJson: duplicate metadata, items and non-string first values agree with the parser", "[scan][json]") {
  // The first occurrence of a key wins as a whole (yaml-cpp's FirstValue): a second metadata
  // does not add a name, a second items array does not add items, and a non-string first
  // apiVersion is not replaced by a later string one.
  for (std::string text : {
           R"({"apiVersion":"v1","kind":"Pod","metadata":{},"metadata":{"name":"b","namespace":"n"}})",
           R"({"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Pod"}],"items":[{"apiVersion":"v2","kind":"Pod"}]})",
           R"({"apiVersion":{},"apiVersion":"v1","kind":"Pod"})",
           R"({"apiVersion":"v1","kind":[],"kind":"Pod"})",
       }) {
    INFO(text);
    CHECK(CompareWithFullParser(text) == "");
  }
}

TEST_CASE("FastScanJson: escapes in a tracked value go to the parser, elsewhere they are fine", "[scan][json]") {
  CHECK(Outcome(R"({"apiVersion":"apps\/v1","kind":"Deployment"})") == "kNotUnderstood");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":"P\u006fd"})") == "kNotUnderstood");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"a\tb"}})") == "kNotUnderstood");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"\"q\""}})") == "kNotUnderstood");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v\u0031","kind":"Pod"}]})") == "kNotUnderstood");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":"Pod","data":{"a":"x\ny\"z\\\/\b\f\r\t\u00e9\uD83D\uDE00"}})") == "kResource");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"name":"a\nb"}}})") == "kResource");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":"Pod","spec":{"apiVersion":"a\/b"}})") == "kResource");
}

TEST_CASE("FastScanJson: escaped keys that spell tracked keys agree with the parser", "[scan][json]") {
  // "api\u0056ersion" is the key "apiVersion". FastScanJson does not decode keys, so it says
  // kNoResource where the parser finds a Pod (a finding is lost), and misses escaped
  // name/namespace keys.
  for (std::string text : {
           R"({"api\u0056ersion":"v1","kind":"Pod"})",
           R"({"apiVersion":"v1","\u006bind":"Pod"})",
           R"({"apiVersion":"v1","kind":"Pod","metadata":{"n\u0061me":"x"}})",
           R"({"apiVersion":"v1","kind":"Pod","\u006detadata":{"name":"x"}})",
       }) {
    INFO(text);
    CHECK(CompareWithFullParser(text) == "");
  }
}

TEST_CASE("FastScanJson: non-string values of tracked fields", "[scan][json]") {
  CHECK(Outcome(R"({"apiVersion":1,"kind":"Pod"})") == "kNotUnderstood");
  CHECK(Outcome(R"({"apiVersion":null,"kind":"Pod"})") == "kNoResource");  // null: no object, as for the parser
  CHECK(Outcome(R"({"apiVersion":true,"kind":"Pod"})") == "kNotUnderstood");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":false})") == "kNotUnderstood");
  CHECK(Outcome(R"({"apiVersion":"v1","kind":"List","items":[{"apiVersion":1,"kind":"Pod"}]})") == "kNotUnderstood");
  // An object or array is not an apiVersion: no object (the parser agrees).
  CHECK(Outcome(R"({"apiVersion":{"a":1},"kind":"Pod"})") == "kNoResource");
  CHECK(Outcome(R"({"apiVersion":["v1"],"kind":"Pod"})") == "kNoResource");
  CHECK(CompareWithFullParser(R"({"apiVersion":["v1"],"kind":"Pod"})") == "");
  // null name: absent.
  Scanned null_name = Scan(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":null,"namespace":null}})");
  REQUIRE(null_name.outcome == "kResource");
  CHECK(null_name.resources[0].name == "");
  CHECK_FALSE(null_name.resources[0].namespace_.has_value());
}

TEST_CASE("FastScanJson: a number or boolean as metadata.name agrees with the parser", "[scan][json]") {
  // yaml-cpp reads 5 and true as scalars "5" and "true"; FastScanJson drops them.
  for (std::string text : {
           R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":5}})",
           R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":true}})",
       }) {
    INFO(text);
    CHECK(CompareWithFullParser(text) == "");
  }
}

TEST_CASE("FastScanJson: numbers", "[scan][json][numbers]") {
  auto with = [](const std::string& number) { return R"({"apiVersion":"v1","kind":"Pod","n":)" + number + "}"; };
  for (std::string valid : {"0", "-0", "7", "-12", "0.5", "-0.0", "1.25", "1e5", "1E5", "1e+5", "1e-5", "-1.5E-10", "123456789012345678901234567890"}) {
    INFO(valid);
    CHECK(Outcome(with(valid)) == "kResource");
    CHECK(RapidJsonAccepts(with(valid)));
    CHECK(Outcome("[" + valid + "]") == "kNoResource");
  }
  for (std::string invalid : {"01", "-01", "00", "1.", ".5", "-", "-.5", "+1", "1e", "1e+", "1E-", "1.e5", "0x1", "1_0", "Infinity", "NaN", "--1", "1.2.3", "1e5e5"}) {
    INFO(invalid);
    CHECK(Outcome(with(invalid)) == "kNotUnderstood");
    CHECK_FALSE(RapidJsonAccepts(with(invalid)));
    CHECK(Outcome("[" + invalid + "]") == "kNotUnderstood");
  }
}

TEST_CASE("FastScanJson: literals", "[scan][json]") {
  CHECK(Outcome("[true, false, null]") == "kNoResource");
  for (std::string bad : {"[tru]", "[True]", "[nul]", "[NULL]", "[falsey]", "[nulll]", "[t]", "[undefined]"}) {
    INFO(bad);
    CHECK(Outcome(bad) == "kNotUnderstood");
    CHECK_FALSE(RapidJsonAccepts(bad));
  }
  CHECK(Outcome("true") == "kNoResource");
  CHECK(Outcome("null") == "kNoResource");
  CHECK(Outcome("tr") == "kNotUnderstood");
}

TEST_CASE("FastScanJson: structural errors", "[scan][json]") {
  for (std::string bad : {
           "{", "}", "[", "]", "{\"a\"}", "{\"a\" 1}", "{\"a\":}", "{\"a\":1,}", "{,}", "[1,]", "[,1]", "[1 2]",
           "{\"a\":1 \"b\":2}", "{a:1}", "{'a':1}", "['a']", "\"abc", "\"a\nb\"", "\"a\tb\"", "\"\\x41\"", "\"\\u12\"",
           "\"\\u12G4\"", "\"\\\"", "{\"a\":1]", "[1}", "{\"a\":1}}", "// c\n{}", "{} // c", "#c\n{}",
       }) {
    INFO(bad);
    CHECK(Outcome(bad) == "kNotUnderstood");
    CHECK_FALSE(RapidJsonAccepts(bad));
  }
}

TEST_CASE("FastScanJson: a BOM is the caller's to skip", "[scan][json]") {
  CHECK(Outcome("\xEF\xBB\xBF{}") == "kNotUnderstood");
  std::string text = "\xEF\xBB\xBF{}";
  std::vector<Resource> out;
  CHECK(FastScanJson(text, Range{3, text.size()}, &out) == FastScanOutcome::kNoResource);
}

TEST_CASE("FastScanJson: trailing content", "[scan][json]") {
  CHECK(Outcome("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"} x") == "kNotUnderstood");
  CHECK(Outcome("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}{}") == "kNotUnderstood");
  CHECK(Outcome("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"},") == "kNotUnderstood");
  CHECK(Outcome("{} {}") == "kNotUnderstood");
  CHECK(Outcome("1 2") == "kNotUnderstood");
  CHECK(Outcome("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}\n \t\r\n") == "kResource");
}

TEST_CASE("FastScanJson: empty inputs and roots that are not objects", "[scan][json]") {
  CHECK(Outcome("") == "kEmpty");
  CHECK(Outcome(" \n\t\r\n") == "kEmpty");
  CHECK(Outcome("[{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}]") == "kNoResource");
  CHECK(Outcome("[]") == "kNoResource");
  CHECK(Outcome("\"apiVersion\"") == "kNoResource");
  CHECK(Outcome("42") == "kNoResource");
  CHECK(Outcome("{}") == "kNoResource");
  CHECK(Outcome("{\"apiVersion\":\"v1\"}") == "kNoResource");
  CHECK(Outcome("{\"kind\":\"Pod\"}") == "kNoResource");
}

TEST_CASE("FastScanJson: nothing is appended unless kResource", "[scan][json]") {
  std::vector<Resource> out(2);
  std::string text = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}]} x";
  CHECK(FastScanJson(text, Range{0, text.size()}, &out) == FastScanOutcome::kNotUnderstood);
  CHECK(out.size() == 2);
}

TEST_CASE("FastScanJson: very deep nesting does not crash", "[scan][json][deep]") {
  const std::string opens(100000, '[');
  CHECK(Outcome("{\"a\":" + opens) == "kNotUnderstood");
  CHECK(Outcome(opens) == "kNotUnderstood");
  CHECK(Outcome(opens + std::string(100000, ']')) == "kNotUnderstood");
  std::string objects;
  for (int i = 0; i < 50000; ++i) objects += "{\"a\":";
  CHECK(Outcome(objects) == "kNotUnderstood");
  // Within the limit, nesting is fine.
  CHECK(Outcome("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"x\":" + std::string(300, '[') + std::string(300, ']') + "}") ==
        "kResource");
}

TEST_CASE("ScanSource on deeply nested JSON reports an error instead of crashing", "[scan][json][deep]") {
  SourceFile source("deep.json", "{\"a\":" + std::string(100000, '['));
  ScanResult result = ScanSource(source, InputKind::kJson);
  CHECK(result.resources.empty());
  CHECK(result.errors.size() == 1);
}

TEST_CASE("ScanSource with InputKind::kJson counts documents and skips a BOM", "[scan][json]") {
  SourceFile source("a.json", "\xEF\xBB\xBF{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}");
  ScanResult result = ScanSource(source, InputKind::kJson);
  CHECK(result.documents == 1);
  CHECK(result.fast_documents == 1);
  REQUIRE(result.resources.size() == 1);
  CHECK(result.resources[0].api_version.range.begin == 17);
  SourceFile empty("e.json", "  \n");
  ScanResult none = ScanSource(empty, InputKind::kJson);
  CHECK(none.documents == 0);
  CHECK(none.errors.empty());
}

TEST_CASE("FastScanJson agrees with the full parser and RapidJSON on every JSON file of testdata", "[scan][json][differential]") {
  const fs::path root = fs::path(KUBESHIFT_SOURCE_DIR) / "testdata";
  int files = 0;
  int accepted = 0;
  int rejected = 0;
  int resources = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::path& path = entry.path();
    const bool suite = path.string().find("yaml-test-suite") != std::string::npos;
    if (suite ? path.filename() != "in.json" : path.extension() != ".json") continue;
    ++files;
    const std::string text = ReadFile(path);
    INFO(path.lexically_relative(root).string());
    std::vector<Resource> fast;
    FastScanOutcome outcome = FastScanJson(text, Range{0, text.size()}, &fast);
    const bool rapid = RapidJsonAccepts(text);
    switch (outcome) {
      case FastScanOutcome::kResource:
      case FastScanOutcome::kNoResource:
        ++accepted;
        resources += static_cast<int>(fast.size());
        CHECK(rapid);
        CHECK(CompareWithFullParser(text) == "");
        break;
      case FastScanOutcome::kEmpty:
        // Blank files: not a JSON text for RapidJSON either ("The document is empty").
        CHECK_FALSE(rapid);
        break;
      case FastScanOutcome::kNotUnderstood:
        // None of these files has a tracked field with an escape, a non-string apiVersion or
        // 400 levels of nesting, so "not understood" here means "not JSON".
        ++rejected;
        CHECK_FALSE(rapid);
        break;
      case FastScanOutcome::kInvalid:
        FAIL("FastScanJson never says kInvalid");
    }
  }
  CHECK(files > 250);
  CHECK(accepted > 200);
  CHECK(rejected > 5);
  CHECK(resources >= 3);  // testdata/examples/manifests/list.json: the List and two items
}

}  // namespace kubeshift
