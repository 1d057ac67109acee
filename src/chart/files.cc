// .Files (Helm's engine.files): the chart's non-template files and their methods.
#include "chart/glob.h"
#include "helm/hashes.h"
#include "chart/host_objects.h"
#include "kubeshift/template_data.h"

namespace kubeshift::chart {
namespace {

using tmpl::Function;
using tmpl::Param;

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// files.go's toYAML: the map through toYaml, final newline trimmed, errors swallowed.
std::string ToYamlMap(tmpl::ValueMap map) {
  std::string out, error;
  if (!tmpl::ToYaml(Value::Map(std::move(map)), &out, &error)) return "";
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class FilesObject final : public tmpl::HostObject {
 public:
  explicit FilesObject(std::shared_ptr<const FileMap> files) : files_(std::move(files)) { Build(); }
  std::string TypeName() const override { return "engine.files"; }
  std::string_view KindName() const override { return "map"; }
  const Function* Method(std::string_view name) const override {
    for (const Function& m : methods_) {
      if (m.name == name) return &m;
    }
    return nullptr;
  }
  void Format(std::string* out) const override { tmpl::AppendValue(Elements(), out); }
  Value ToData() const override { return Elements(); }
  // Go's map[string][]byte: ranged in path order, each file's bytes.
  Value Elements() const override {
    tmpl::ValueMap map;
    for (const auto& [name, data] : *files_) map.emplace(name, tmpl::BytesValue(data));
    return Value::Map(std::move(map));
  }

 private:
  using Body = std::function<bool(std::span<const Value>, Value*, std::string*)>;
  void Add(std::string name, std::vector<Param> params, Body body) {
    methods_.push_back(Function{std::move(name), std::move(params), false,
                                [body = std::move(body)](tmpl::CallContext&, std::span<const Value> a, Value* out,
                                                         std::string* e) { return body(a, out, e); }});
  }
  const std::string* Find(const std::string& name) const {
    auto it = files_->find(name);
    return it == files_->end() ? nullptr : &it->second;
  }
  void Build() {
    auto get = [this](std::span<const Value> a, Value* out, std::string*) {
      const std::string* data = Find(a[0].AsString());
      *out = Value::String(data ? *data : "");
      return true;
    };
    Add("Get", {Param::kString}, get);
    Add("GetBytes", {Param::kString}, [this](std::span<const Value> a, Value* out, std::string*) {
      const std::string* data = Find(a[0].AsString());
      *out = tmpl::BytesValue(data ? *data : "");
      return true;
    });
    Add("Glob", {Param::kString}, [this](std::span<const Value> a, Value* out, std::string*) {
      bool valid = true;
      GlobMatch(a[0].AsString(), "", &valid);
      auto matched = std::make_shared<FileMap>();
      for (const auto& [name, data] : *files_) {
        if (valid ? GlobMatch(a[0].AsString(), name) : true) matched->emplace(name, data);
      }
      *out = MakeFilesValue(matched);
      return true;
    });
    Add("Lines", {Param::kString}, [this](std::span<const Value> a, Value* out, std::string* e) {
      const std::string* data = Find(a[0].AsString());
      tmpl::ValueList lines;
      if (data) {
        if (data->empty()) return *e = "runtime error: index out of range [-1]", false;
        std::string s = data->back() == '\n' ? data->substr(0, data->size() - 1) : *data;
        size_t start = 0;
        while (true) {
          size_t eol = s.find('\n', start);
          lines.push_back(Value::String(s.substr(start, eol == std::string::npos ? std::string::npos : eol - start)));
          if (eol == std::string::npos) break;
          start = eol + 1;
        }
      }
      *out = Value::List(std::move(lines), true);
      return true;
    });
    Add("AsConfig", {}, [this](std::span<const Value>, Value* out, std::string*) {
      tmpl::ValueMap map;
      for (const auto& [name, data] : *files_) map.insert_or_assign(BaseName(name), Value::String(data));
      *out = Value::String(ToYamlMap(std::move(map)));
      return true;
    });
    Add("AsSecrets", {}, [this](std::span<const Value>, Value* out, std::string*) {
      tmpl::ValueMap map;
      for (const auto& [name, data] : *files_) {
        map.insert_or_assign(BaseName(name), Value::String(tmpl::Base64Encode(data)));
      }
      *out = Value::String(ToYamlMap(std::move(map)));
      return true;
    });
  }

  std::shared_ptr<const FileMap> files_;
  std::vector<Function> methods_;
};

}  // namespace

Value MakeFilesValue(std::shared_ptr<const FileMap> files) {
  return Value::Object(std::make_shared<FilesObject>(std::move(files)));
}

}  // namespace kubeshift::chart
