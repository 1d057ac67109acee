// .Chart and .Capabilities as Go structs: fields, methods, Go's %v form and JSON form.
#include "chart/host_objects.h"

#include <utility>

#include "kubeshift/template_engine.h"

namespace kubeshift::chart {
namespace {

using tmpl::Function;
using tmpl::HostObject;

// A Go struct: named fields in declaration order, optional methods and String().
class StructObject final : public HostObject {
 public:
  struct FieldDef {
    FieldDef(std::string n, Value v, std::string j = {}, bool omit = false)
        : name(std::move(n)), value(std::move(v)), json(std::move(j)), omit_empty(omit) {}
    std::string name;
    Value value;
    std::string json;  ///< JSON key; empty: the field name
    bool omit_empty = false;
  };
  StructObject(std::string type, std::string_view kind, std::vector<FieldDef> fields, std::vector<Function> methods = {},
               std::string stringer = {}, std::string go_format = {})
      : type_(std::move(type)), kind_(kind), fields_(std::move(fields)), methods_(std::move(methods)),
        stringer_(std::move(stringer)), go_format_(std::move(go_format)) {}

  std::string TypeName() const override { return type_; }
  std::string_view KindName() const override { return kind_; }
  bool Field(std::string_view name, Value* out) const override {
    for (const FieldDef& f : fields_) {
      if (f.name == name) return *out = f.value, true;
    }
    return false;
  }
  const Function* Method(std::string_view name) const override {
    for (const Function& m : methods_) {
      if (m.name == name) return &m;
    }
    return nullptr;
  }
  void Format(std::string* out) const override {
    if (!stringer_.empty()) return void(*out += stringer_);
    *out += go_format_.empty() ? GoStruct() : go_format_;
  }
  Value ToData() const override {
    tmpl::ValueMap map;
    for (const FieldDef& f : fields_) {
      if (f.omit_empty && f.value.Empty()) continue;
      const Value data = f.value.kind() == Value::Kind::kObject ? f.value.AsObject().ToData() : f.value;
      map.insert_or_assign(f.json.empty() ? f.name : f.json, data);
    }
    return Value::Map(std::move(map));
  }
  // Go's %v of the struct: "{a b c}", "&{…}" for a pointer.
  std::string GoStruct() const {
    std::string s = kind_ == "ptr" ? "&{" : "{";
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (i) s += ' ';
      const Value& v = fields_[i].value;
      if (v.kind() == Value::Kind::kObject) {
        const auto* inner = dynamic_cast<const StructObject*>(&v.AsObject());
        s += inner ? inner->GoStruct() : tmpl::ToString(v);
      } else {
        tmpl::AppendValue(v, &s);
      }
    }
    return s + "}";
  }

 private:
  std::string type_;
  std::string_view kind_;
  std::vector<FieldDef> fields_;
  std::vector<Function> methods_;
  std::string stringer_;
  std::string go_format_;
};

class VersionSet final : public HostObject {
 public:
  explicit VersionSet(std::vector<std::string> versions) : versions_(std::move(versions)) {
    has_ = Function{"Has", {tmpl::Param::kString}, false,
                    [this](tmpl::CallContext&, std::span<const Value> a, Value* out, std::string*) {
                      bool found = false;
                      for (const std::string& v : versions_) found = found || v == a[0].AsString();
                      *out = Value::Bool(found);
                      return true;
                    }};
  }
  std::string TypeName() const override { return "chartutil.VersionSet"; }
  std::string_view KindName() const override { return "slice"; }
  const Function* Method(std::string_view name) const override { return name == "Has" ? &has_ : nullptr; }
  void Format(std::string* out) const override { tmpl::AppendValue(ToData(), out); }
  Value Elements() const override { return ToData(); }  // Go's []string
  Value ToData() const override {
    tmpl::ValueList items;
    for (const std::string& v : versions_) items.push_back(Value::String(v));
    return Value::List(std::move(items), true);
  }

 private:
  std::vector<std::string> versions_;
  Function has_;
};

Value Str(const std::string& s) { return Value::String(s); }

Value Strings(const std::vector<std::string>& list) {
  tmpl::ValueList items;
  for (const std::string& s : list) items.push_back(Value::String(s));
  return Value::List(std::move(items), true);
}

Value KubeVersionValue(const KubeVersion& kv) {
  Function git{"GitVersion", {}, false, [v = kv.version](tmpl::CallContext&, std::span<const Value>, Value* out, std::string*) {
                 *out = Value::String(v);
                 return true;
               }};
  return Value::Object(std::make_shared<StructObject>(
      "chartutil.KubeVersion", "struct",
      std::vector<StructObject::FieldDef>{{"Version", Str(kv.version)}, {"Major", Str(kv.major)}, {"Minor", Str(kv.minor)}},
      std::vector<Function>{std::move(git)}, kv.version, "{" + kv.version + " " + kv.major + " " + kv.minor + "}"));
}

Value HelmVersionValue(const std::string& version) {
  return Value::Object(std::make_shared<StructObject>(
      "version.BuildInfo", "struct",
      std::vector<StructObject::FieldDef>{{"Version", Str(version), "version", true},
                                          {"GitCommit", Str(""), "git_commit", true},
                                          {"GitTreeState", Str(""), "git_tree_state", true},
                                          {"GoVersion", Str(""), "go_version", true}}));
}

Value Maintainers(const Value& list) {
  tmpl::ValueList out;
  if (!list.IsList()) return Value::List({});
  for (const Value& m : list.AsList()) {
    auto get = [&m](const char* key) {
      const Value v = m.IsMap() && m.AsMap().count(key) ? m.AsMap().at(key) : Value();
      return Value::String(v.IsString() ? v.AsString() : "");
    };
    out.push_back(Value::Map({{"Name", get("name")}, {"Email", get("email")}, {"URL", get("url")}}));
  }
  return Value::List(std::move(out));
}

Value Dependencies(const std::vector<Dependency>& deps) {
  tmpl::ValueList out;
  for (const Dependency& d : deps) {
    out.push_back(Value::Map({{"Name", Str(d.name)},
                              {"Version", Str(d.version)},
                              {"Repository", Str(d.repository)},
                              {"Condition", Str(d.condition)},
                              {"Tags", Strings(d.tags)},
                              {"Enabled", Value::Bool(d.enabled)},
                              {"ImportValues", d.import_values.IsList() ? d.import_values : Value::List({})},
                              {"Alias", Str(d.alias)}}));
  }
  return Value::List(std::move(out));
}

}  // namespace

Value MakeCapabilitiesValue(const Capabilities& caps) {
  auto apis = std::make_shared<VersionSet>(caps.api_versions);
  std::vector<StructObject::FieldDef> fields{{"KubeVersion", KubeVersionValue(caps.kube_version)},
                                             {"APIVersions", Value::Object(apis)},
                                             {"HelmVersion", HelmVersionValue(caps.helm_version)}};
  return Value::Object(std::make_shared<StructObject>("*chartutil.Capabilities", "ptr", std::move(fields)));
}

Value MakeChartValue(const Metadata& md, bool is_root) {
  std::vector<StructObject::FieldDef> fields{
      {"Name", Str(md.name), "name"},
      {"Home", Str(md.home), "home", true},
      {"Sources", Strings(md.sources), "sources", true},
      {"Version", Str(md.version), "version"},
      {"Description", Str(md.description), "description", true},
      {"Keywords", Strings(md.keywords), "keywords", true},
      {"Maintainers", Maintainers(md.maintainers), "maintainers", true},
      {"Icon", Str(md.icon), "icon", true},
      {"APIVersion", Str(md.api_version), "apiVersion"},
      {"Condition", Str(md.condition), "condition", true},
      {"Tags", Str(md.tags), "tags", true},
      {"AppVersion", Str(md.app_version), "appVersion", true},
      {"Deprecated", Value::Bool(md.deprecated), "deprecated", true},
      {"Annotations", md.annotations.IsMap() ? md.annotations : Value::Map(), "annotations", true},
      {"KubeVersion", Str(md.kube_version), "kubeVersion", true},
      {"Dependencies", Dependencies(md.dependencies), "dependencies", true},
      {"Type", Str(md.type), "type", true},
      {"IsRoot", Value::Bool(is_root), "IsRoot"}};
  return Value::Object(std::make_shared<StructObject>("struct { chart.Metadata; IsRoot bool }", "struct", std::move(fields)));
}

}  // namespace kubeshift::chart
