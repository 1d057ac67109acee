// Tests of template values from and to YAML/JSON (src/helm/yaml_load.cc, yaml_emit.cc,
// yaml_emitter.cc, json.cc) and of the value model (value.cc).
#include <string>

#include "catch.h"
#include "kubeshift/template_data.h"

namespace kubeshift::tmpl {
namespace {

Value Yaml(std::string_view text, NumberMode mode = NumberMode::kJson) {
  Value v;
  std::string error;
  REQUIRE(ValueFromYaml(text, mode, &v, &error));
  return v;
}

std::string ToYamlText(const Value& v) {
  std::string out, error;
  REQUIRE(ToYaml(v, &out, &error));
  return out;
}

TEST_CASE("ValueFromYaml resolves YAML 1.1 scalars as go-yaml v2", "[template_data]") {
  const Value v = Yaml("a: yes\nb: Off\nc: ~\nd: 0777\ne: 0x10\nf: 1_000\ng: 2024-01-02\nh: .5\ni: '12'\nj: 1e3\n");
  const ValueMap& m = v.AsMap();
  CHECK(m.at("a").AsBool());
  CHECK_FALSE(m.at("b").AsBool());
  CHECK(m.at("c").IsNil());
  CHECK(m.at("d").AsFloat() == 511);
  CHECK(m.at("e").AsFloat() == 16);
  CHECK(m.at("f").AsFloat() == 1000);
  CHECK(m.at("g").AsString() == "2024-01-02");  // timestamps stay strings
  CHECK(m.at("h").AsFloat() == 0.5);
  CHECK(m.at("i").AsString() == "12");
  CHECK(m.at("j").AsFloat() == 1000);
}

TEST_CASE("ValueFromYaml number modes", "[template_data]") {
  CHECK(Yaml("num: 3").AsMap().at("num").kind() == Value::Kind::kFloat);
  CHECK(Yaml("num: 3", NumberMode::kYaml).AsMap().at("num").kind() == Value::Kind::kInt);
  CHECK(Yaml("num: 3.5", NumberMode::kYaml).AsMap().at("num").kind() == Value::Kind::kFloat);
  // YAML 1.1: a bare n is false, also as a key.
  CHECK(Yaml("n: 3").AsMap().contains("false"));
}

TEST_CASE("ValueFromYaml merge keys, anchors and odd keys", "[template_data]") {
  const Value v = Yaml("base: &b {x: 1, y2: 2}\nchild:\n  <<: *b\n  x: 9\n1: one\ntrue: t\n");
  const ValueMap& child = v.AsMap().at("child").AsMap();
  CHECK(child.at("x").AsFloat() == 9);
  CHECK(child.at("y2").AsFloat() == 2);
  CHECK(v.AsMap().at("1").AsString() == "one");
  CHECK(v.AsMap().at("true").AsString() == "t");
  CHECK(Yaml("").IsMap());
}

TEST_CASE("ValueFromYaml reports syntax errors", "[template_data]") {
  Value v;
  std::string error;
  CHECK_FALSE(ValueFromYaml("a: [1, 2\nb: 3\n", NumberMode::kJson, &v, &error));
  CHECK(error.starts_with("yaml: line "));
}

TEST_CASE("ValueFromYaml stops a document of nested aliases (billion laughs)", "[template_data]") {
  // Nine levels of ten aliases: 10^9 nodes once every alias is copied.
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) text += (j ? ", " : "") + prev;
    text += "]\n";
  }
  Value v;
  std::string error;
  CHECK_FALSE(ValueFromYaml(text, NumberMode::kJson, &v, &error));
  CHECK(error.find("document contains excessive aliasing") != std::string::npos);
  // A few levels are fine.
  CHECK(ValueFromYaml("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", NumberMode::kJson, &v, &error));
}

TEST_CASE("toJson and toYaml refuse values nested past kMaxValueDepth", "[template_data]") {
  Value deep = Value::Int(1);
  for (int i = 0; i < kMaxValueDepth + 1; ++i) deep = Value::List({deep});
  std::string out, error;
  CHECK_FALSE(ToJson(deep, JsonStyle::kCompact, &out, &error));
  CHECK(error.find("nesting deeper than 1000 levels") != std::string::npos);
  error.clear();
  CHECK_FALSE(ToYaml(deep, &out, &error));
  CHECK(error.find("nesting deeper than 1000 levels") != std::string::npos);
  CHECK(DeepEqual(deep, deep));
  CHECK(DeepCopy(deep).IsList());
  CHECK(ToString(deep).find("...") != std::string::npos);
}

TEST_CASE("ToYaml formats as sigs.k8s.io/yaml", "[template_data]") {
  // Natural order: digit runs compare as numbers, non-letters sort before letters.
  const Value v = Yaml("z: 1\nA: x\nb10: 1\nb9: 2\n_k: 3\nlist: [1, {a: 2, b: [3]}]\nempty: {}\nnul: null\n");
  CHECK(ToYamlText(v) ==
        "_k: 3\nA: x\nb9: 2\nb10: 1\nempty: {}\nlist:\n- 1\n- a: 2\n  b:\n  - 3\nnul: null\nz: 1\n");
  CHECK(ToYamlText(Value::String("multi\nline\n")) == "|\n  multi\n  line\n");
  CHECK(ToYamlText(Value::String("  lead")) == "'  lead'\n");
  CHECK(ToYamlText(Value::String("it's: x")) == "'it''s: x'\n");
  CHECK(ToYamlText(Value::Float(1e21)) == "1e+21\n");
  CHECK(ToYamlText(Value::Float(0.5)) == "0.5\n");
  CHECK(ToYamlText(Value::List({})) == "[]\n");
  std::string out, error;
  CHECK_FALSE(ToYaml(Value::Float(NAN), &out, &error));
  CHECK(error == "json: unsupported value: NaN");
}

TEST_CASE("ToYaml folds long strings and escapes control characters", "[template_data]") {
  const std::string words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
  CHECK(ToYamlText(Value::Map({{"k", Value::String(words)}})) ==
        "k: one two three four five six seven eight nine ten eleven twelve thirteen fourteen\n");
  CHECK(ToYamlText(Value::Map({{"k", Value::String(words + " fifteen")}})) ==
        "k: one two three four five six seven eight nine ten eleven twelve thirteen fourteen\n  fifteen\n");
  CHECK(ToYamlText(Value::String("bell\x07")) == "\"bell\\a\"\n");
}

TEST_CASE("ToJson styles and errors", "[template_data]") {
  const Value v = Yaml("b: '<&>'\na: [1, 2.5, true, null]\n");
  std::string out, error;
  REQUIRE(ToJson(v, JsonStyle::kCompact, &out, &error));
  CHECK(out == "{\"a\":[1,2.5,true,null],\"b\":\"\\u003c\\u0026\\u003e\"}");
  REQUIRE(ToJson(v, JsonStyle::kRaw, &out, &error));
  CHECK(out == "{\"a\":[1,2.5,true,null],\"b\":\"<&>\"}");
  REQUIRE(ToJson(Value::Map({{"k", Value::List({})}}), JsonStyle::kPretty, &out, &error));
  CHECK(out == "{\n  \"k\": []\n}");
  REQUIRE(ToJson(Value::String("\x01\xff\xE2\x80\xA8"), JsonStyle::kCompact, &out, &error));
  CHECK(out == "\"\\u0001\\ufffd\\u2028\"");
}

TEST_CASE("ValueFromJson makes numbers float64", "[template_data]") {
  Value v;
  std::string error;
  REQUIRE(ValueFromJson("{\"n\": 10, \"a\": [1, \"x\"], \"n\": 11}", &v, &error));
  CHECK(v.AsMap().at("n").kind() == Value::Kind::kFloat);
  CHECK(v.AsMap().at("n").AsFloat() == 11);  // the last duplicate wins
  CHECK_FALSE(ValueFromJson("{\"a\": 1} x", &v, &error));
  CHECK_FALSE(ValueFromJson("", &v, &error));
  CHECK(error == "unexpected end of JSON input");
}

TEST_CASE("Value model: maps are shared, lists compare deeply", "[template_data]") {
  Value a = Value::Map({{"k", Value::Int(1)}});
  Value b = a;
  b.MutableMap()["k"] = Value::Int(2);
  CHECK(a.AsMap().at("k").AsInt() == 2);
  const Value copy = DeepCopy(a);
  copy.MutableMap()["k"] = Value::Int(3);
  CHECK(a.AsMap().at("k").AsInt() == 2);
  CHECK(DeepEqual(Value::List({Value::Int(1)}), Value::List({Value::Int(1)})));
  CHECK_FALSE(DeepEqual(Value::Int(1), Value::Float(1)));
  CHECK(ToString(Value::Map({{"b", Value::Nil()}, {"a", Value::List({Value::String("x")})}})) == "map[a:[x] b:<nil>]");
  CHECK(Value::Int64(5).TypeName() == "int64");
  CHECK(Value().KindName() == "invalid");
  CHECK_FALSE(Value::Map().Truth());
  CHECK(Value::Float(0.1).Truth());
}

}  // namespace
}  // namespace kubeshift::tmpl
