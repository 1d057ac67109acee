// The chart layer's values: Helm's --set syntax (strvals), values files, the merge of user
// values, and coalescing with chart and subchart values (globals, nulls).
#include <string>

#include "catch.h"
#include "kubeshift/chart.h"
#include "kubeshift/template_data.h"

namespace kubeshift::chart {
namespace {

std::string Json(const Value& v) {
  std::string out, error;
  REQUIRE(tmpl::ToJson(v, tmpl::JsonStyle::kRaw, &out, &error));
  return out;
}

// --set TEXT (mode) into an empty map, as JSON; "error: …" when it fails.
std::string Set(std::string_view text, SetMode mode = SetMode::kTyped) {
  Value dest = Value::Map();
  std::string error;
  if (!ParseSet(text, mode, &dest, &error)) return "error: " + error;
  return Json(dest);
}

TEST_CASE("set values: typed scalars as Helm's typedVal", "[chart_values]") {
  CHECK(Set("name1=value1") == R"({"name1":"value1"})");
  CHECK(Set("long_int_string=1234567890") == R"({"long_int_string":1234567890})");
  CHECK(Set("boolean=true,f=FALSE") == R"({"boolean":true,"f":false})");
  CHECK(Set("is_null=null") == R"({"is_null":null})");
  CHECK(Set("zero=0,leading_zeros=00009,neg=-3,float=1.5") ==
        R"({"float":"1.5","leading_zeros":"00009","neg":-3,"zero":0})");
  CHECK(Set("name1=,name2=value2") == R"({"name1":"","name2":"value2"})");
  CHECK(Set("name1=one\\,two,name2=three\\,four") == R"({"name1":"one,two","name2":"three,four"})");
  CHECK(Set("name1=one\\=two") == R"({"name1":"one=two"})");
  CHECK(Set("name1=value1", SetMode::kString) == R"({"name1":"value1"})");
  CHECK(Set("n=1234,b=true", SetMode::kString) == R"({"b":"true","n":"1234"})");
}

TEST_CASE("set values: nested keys, lists and indexes", "[chart_values]") {
  CHECK(Set("outer.inner=value") == R"({"outer":{"inner":"value"}})");
  CHECK(Set("outer.inner1=value,outer.inner2=value2") == R"({"outer":{"inner1":"value","inner2":"value2"}})");
  CHECK(Set("name={a,b,c},x=1") == R"({"name":["a","b","c"],"x":1})");
  CHECK(Set("list[0]=foo,list[1]=bar") == R"({"list":["foo","bar"]})");
  CHECK(Set("list[2]=foo") == R"({"list":[null,null,"foo"]})");
  CHECK(Set("list[0].foo=bar,list[0].hello=world") == R"({"list":[{"foo":"bar","hello":"world"}]})");
  CHECK(Set("nested[1][0]=1") == R"({"nested":[null,[1]]})");
  CHECK(Set("a.b[0].c={x,y}") == R"({"a":{"b":[{"c":["x","y"]}]}})");
}

TEST_CASE("set values: errors Helm reports", "[chart_values]") {
  CHECK(Set("name1,name2=") == R"(error: key "name1" has no value (cannot end with ,))");
  CHECK(Set("name1") == R"(error: key "name1" has no value)");
  CHECK(Set("name1.=name2") == R"(error: key map "name1" has no value)");
  CHECK(Set("list[-1]=x") == "error: negative -1 index not allowed");
  CHECK(Set("list[65537]=x") == "error: index of 65537 is greater than maximum supported index of 65536");
  CHECK(Set("name={a,b") == "error: list must terminate with '}'");
  CHECK(Set("a=1,a.b=2").starts_with("error: unable to parse key: interface conversion: interface {} is int64"));
}

TEST_CASE("set values: JSON, literal and file values", "[chart_values]") {
  CHECK(Set(R"(outer.inner1="value",outer.inner3={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner4=[1,2,3])",
            SetMode::kJson) == R"({"outer":{"inner1":"value","inner3":{"aa":"1","bb":2,"cc":[1,2,3]},"inner4":[1,2,3]}})");
  CHECK(Set("a=,b=null", SetMode::kJson) == R"({"a":null,"b":null})");
  CHECK(Set("a.b=x,y=z\\,w", SetMode::kLiteral) == R"({"a":{"b":"x,y=z\\,w"}})");
  Value dest = Value::Map();
  std::string error;
  FileReader reader = [](const std::string& path, std::string* data, std::string*) {
    *data = "contents of " + path;
    return true;
  };
  REQUIRE(ParseSet("cfg=a.txt,list[0]=b.txt", SetMode::kFile, &dest, &error, reader));
  CHECK(Json(dest) == R"({"cfg":"contents of a.txt","list":["contents of b.txt"]})");
}

TEST_CASE("user values: files in order, then --set-json, --set, --set-string", "[chart_values]") {
  FileReader reader = [](const std::string& path, std::string* data, std::string*) {
    *data = path == "a.yaml" ? "a: {x: 1, z: [1]}\nname: a\n" : "a: {z: 2}\n---\nextra: true\n";
    return true;
  };
  ValueOptions options;
  options.value_files = {"a.yaml", "b.yaml"};
  options.values = {"name=set"};
  options.string_values = {"s=5"};
  options.json_values = {R"({"j": {"k": null}})", "name=\"json\""};
  Value out;
  std::string error;
  REQUIRE(MergeUserValues(options, &out, &error, reader));
  CHECK(Json(out) == R"({"a":{"x":1,"z":2},"extra":true,"j":{"k":null},"name":"set","s":"5"})");
  options.values = {"broken"};
  CHECK_FALSE(MergeUserValues(options, &out, &error, reader));
  CHECK(error == R"(failed parsing --set data: key "broken" has no value)");
}

std::shared_ptr<Chart> Load(std::vector<ChartFile> files) {
  std::shared_ptr<Chart> chart;
  ChartError error;
  INFO(error.ToString());
  REQUIRE(LoadChartFiles(std::move(files), "mem", &chart, &error));
  return chart;
}

TEST_CASE("coalescing: user over parent over subchart, globals pushed down, nulls delete", "[chart_values]") {
  auto chart = Load({{"Chart.yaml", "apiVersion: v2\nname: parent\nversion: 1.0.0\n"},
                     {"values.yaml", "global: {g: parent}\nsub: {a: parent}\nkeep: 1\ndrop: 2\n"},
                     {"charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0\n"},
                     {"charts/sub/values.yaml", "a: sub\nb: sub\nglobal: {g: sub, h: sub}\nc: 3\n"}});
  Value user = Value::Map();
  std::string error;
  REQUIRE(ParseSet("drop=null,sub.c=null,sub.b=user", SetMode::kTyped, &user, &error));
  Value out;
  REQUIRE(CoalesceValues(*chart, user, &out, &error));
  CHECK(Json(out) == R"({"global":{"g":"parent"},"keep":1,"sub":{"a":"parent","b":"user","global":{"g":"parent","h":"sub"}}})");
  Value merged;
  REQUIRE(MergeChartValues(*chart, user, &merged, &error));
  CHECK(Json(merged).find(R"("drop":null)") != std::string::npos);
}

TEST_CASE("coalescing: a subchart key that is not a table is an error", "[chart_values]") {
  auto chart = Load({{"Chart.yaml", "apiVersion: v2\nname: parent\nversion: 1.0.0\n"},
                     {"values.yaml", "sub: 3\n"},
                     {"charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0\n"}});
  Value out;
  std::string error;
  CHECK_FALSE(CoalesceValues(*chart, Value::Map(), &out, &error));
  CHECK(error.starts_with("type mismatch on sub: %!t("));
}

}  // namespace
}  // namespace kubeshift::chart
