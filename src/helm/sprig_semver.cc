// Sprig's semver (a *semver.Version with its methods) and semverCompare.
#include "helm/function_util.h"
#include "helm/semver.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

class VersionObject final : public HostObject {
 public:
  explicit VersionObject(SemVersion v) : v_(std::move(v)) { BuildMethods(); }
  std::string TypeName() const override { return "*semver.Version"; }
  void Format(std::string* out) const override { *out += v_.String(); }
  Value ToData() const override { return Value::String(v_.String()); }
  const Function* Method(std::string_view name) const override {
    for (const Function& f : methods_) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
  const SemVersion& version() const { return v_; }

 private:
  void Getter(std::string name, std::function<Value(const SemVersion&)> get) {
    methods_.push_back(Fn(std::move(name), {}, [this, get](CallContext&, Args, Value* out, std::string*) {
      *out = get(v_);
      return true;
    }));
  }
  // Methods taking another *semver.Version.
  void Comparison(std::string name, std::function<Value(int)> result) {
    methods_.push_back(Fn(name, {P::kAny}, [this, name, result](CallContext&, Args a, Value* out, std::string* e) {
      const auto* other = a[0].kind() == Value::Kind::kObject ? dynamic_cast<const VersionObject*>(&a[0].AsObject()) : nullptr;
      if (!other) return Fail(e, "wrong type for value; expected *semver.Version; got " + a[0].TypeName());
      *out = result(CompareSemver(v_, other->v_));
      return true;
    }));
  }
  void BuildMethods() {
    Getter("Major", [](const SemVersion& v) { return Value::Int64(static_cast<int64_t>(v.major)); });
    Getter("Minor", [](const SemVersion& v) { return Value::Int64(static_cast<int64_t>(v.minor)); });
    Getter("Patch", [](const SemVersion& v) { return Value::Int64(static_cast<int64_t>(v.patch)); });
    Getter("Prerelease", [](const SemVersion& v) { return Value::String(v.pre); });
    Getter("Metadata", [](const SemVersion& v) { return Value::String(v.metadata); });
    Getter("Original", [](const SemVersion& v) { return Value::String(v.original); });
    Getter("String", [](const SemVersion& v) { return Value::String(v.String()); });
    Getter("IncMajor", [](const SemVersion& v) { return Inc(v, 0); });
    Getter("IncMinor", [](const SemVersion& v) { return Inc(v, 1); });
    Getter("IncPatch", [](const SemVersion& v) { return Inc(v, 2); });
    Comparison("Compare", [](int c) { return Value::Int(c); });
    Comparison("LessThan", [](int c) { return Value::Bool(c < 0); });
    Comparison("GreaterThan", [](int c) { return Value::Bool(c > 0); });
    Comparison("Equal", [](int c) { return Value::Bool(c == 0); });
  }
  static Value Inc(SemVersion v, int field) {
    if (field == 2 && !v.pre.empty()) {
      v.pre.clear();  // IncPatch of a prerelease releases it
    } else {
      if (field == 0) v.major++, v.minor = 0, v.patch = 0;
      if (field == 1) v.minor++, v.patch = 0;
      if (field == 2) v.patch++;
      v.pre.clear();
    }
    v.metadata.clear();
    v.original = v.String();
    return Value::Object(std::make_shared<VersionObject>(std::move(v)));
  }

  SemVersion v_;
  std::vector<Function> methods_;
};

}  // namespace

void AddSprigSemver(FunctionRegistry* r) {
  r->Add(Fn("semver", {P::kString}, [](CallContext&, Args a, Value* out, std::string* e) {
    SemVersion v;
    if (!ParseSemver(a[0].AsString(), &v, e)) return false;
    *out = Value::Object(std::make_shared<VersionObject>(std::move(v)));
    return true;
  }));
  r->Add(Fn("semverCompare", {P::kString, P::kString}, [](CallContext&, Args a, Value* out, std::string* e) {
    SemVersion v;
    bool ok = false;
    if (!CheckSemverConstraint(a[0].AsString(), SemVersion{}, &ok, e)) return false;  // constraint errors first
    if (!ParseSemver(a[1].AsString(), &v, e)) return false;
    if (!CheckSemverConstraint(a[0].AsString(), v, &ok, e)) return false;
    *out = Value::Bool(ok);
    return true;
  }));
}

}  // namespace kubeshift::tmpl
