// libFuzzer target: the template engine. The input is a template text; it is parsed with every
// Sprig and Helm function available and executed against a fixed small values map. Parse and
// execution errors are fine; crashes, hangs and unbounded memory are not. Random functions are
// seeded (ExecOptions::random_seed) and `now` is fixed, so a crash reproduces.
#include <cstdint>
#include <string>

#include "kubeshift/template_data.h"
#include "kubeshift/template_engine.h"

namespace {

using kubeshift::tmpl::Value;

const Value& Data() {
  static const Value data = [] {
    Value values;
    std::string error;
    kubeshift::tmpl::ValueFromYaml(
        "replicas: 3\nname: web\nenabled: true\nratio: 0.5\ntags: [a, b, c]\n"
        "image: {repository: nginx, tag: \"1.25\"}\nenv: {A: \"1\", B: two}\nempty: {}\nnothing: null\n",
        kubeshift::tmpl::NumberMode::kJson, &values, &error);
    return Value::Map({{"Values", values},
                       {"Release", Value::Map({{"Name", Value::String("rel")}, {"Namespace", Value::String("ns")}})},
                       {"Chart", Value::Map({{"Name", Value::String("chart")}, {"Version", Value::String("1.0.0")}})},
                       {"Template", Value::Map({{"Name", Value::String("fuzz/templates/t.yaml")},
                                                {"BasePath", Value::String("fuzz/templates")}})}});
  }();
  return data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kubeshift::tmpl::TemplateSet set;
  kubeshift::tmpl::TemplateError error;
  if (!set.Parse("t", text, &error)) return 0;
  kubeshift::tmpl::ExecOptions options;
  options.missing_key = kubeshift::tmpl::ExecOptions::MissingKey::kZero;
  // Lower than the defaults so that an input stays well under libFuzzer's -timeout; the limits
  // work the same at any value.
  options.max_steps = 1'000'000;
  options.max_bytes = 32u << 20;
  kubeshift::tmpl::RenderResult out;
  // Each run gets its own copy of the data: `set` mutates maps, as in Go.
  Value dot = kubeshift::tmpl::DeepCopy(Data());
  set.Execute("t", dot, options, &out, &error);
  return 0;
}
