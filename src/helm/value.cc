// The template value model: constructors, Go type and kind names, truth, deep equality.
#include <cmath>

#include "helm/go_format.h"
#include "helm/hashes.h"
#include "kubeshift/template_engine.h"
#include "kubeshift/template_value.h"

namespace kubeshift::tmpl {

Value Value::Nil() {
  Value v;
  v.kind_ = Kind::kNil;
  return v;
}

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = Kind::kBool;
  v.data_ = b;
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.kind_ = Kind::kInt;
  v.data_ = i;
  return v;
}

Value Value::Int64(int64_t i) {
  Value v = Int(i);
  v.kind_ = Kind::kInt64;
  return v;
}

Value Value::Float(double f) {
  Value v;
  v.kind_ = Kind::kFloat;
  v.data_ = f;
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.kind_ = Kind::kString;
  v.data_ = std::move(s);
  return v;
}

Value Value::Tracked(std::shared_ptr<const TrackedText> text) {
  Value v;
  v.kind_ = Kind::kString;
  v.data_ = std::move(text);
  return v;
}

Value Value::List(ValueList items, bool of_strings) {
  Value v;
  v.kind_ = Kind::kList;
  v.of_strings_ = of_strings;
  v.data_ = std::shared_ptr<const ValueList>(std::make_shared<ValueList>(std::move(items)));
  return v;
}

Value Value::Map(ValueMap entries) { return MapRef(std::make_shared<ValueMap>(std::move(entries))); }

Value Value::MapRef(std::shared_ptr<ValueMap> map) {
  Value v;
  v.kind_ = Kind::kMap;
  v.data_ = std::move(map);
  return v;
}

Value Value::Object(std::shared_ptr<const HostObject> object) {
  Value v;
  v.kind_ = Kind::kObject;
  v.data_ = std::move(object);
  return v;
}

Value Value::Func(std::shared_ptr<const Function> function) {
  Value v;
  v.kind_ = Kind::kFunction;
  v.data_ = std::move(function);
  return v;
}

const std::string& Value::AsString() const {
  if (const auto* tracked = std::get_if<std::shared_ptr<const TrackedText>>(&data_)) return (*tracked)->text;
  return std::get<std::string>(data_);
}

const TrackedText* Value::tracked() const {
  const auto* tracked = std::get_if<std::shared_ptr<const TrackedText>>(&data_);
  return tracked ? tracked->get() : nullptr;
}

const std::shared_ptr<const HostObject>& Value::object_ref() const {
  return std::get<std::shared_ptr<const HostObject>>(data_);
}

std::string Value::TypeName() const {
  switch (kind_) {
    case Kind::kInvalid: return "<nil>";
    case Kind::kNil: return "interface {}";
    case Kind::kBool: return "bool";
    case Kind::kInt: return "int";
    case Kind::kInt64: return "int64";
    case Kind::kFloat: return "float64";
    case Kind::kString: return "string";
    case Kind::kList: return of_strings_ ? "[]string" : "[]interface {}";
    case Kind::kMap: return "map[string]interface {}";
    case Kind::kObject: return AsObject().TypeName();
    case Kind::kFunction: return "func(...interface {}) (interface {}, error)";
  }
  return "";
}

std::string_view Value::KindName() const {
  switch (kind_) {
    case Kind::kInvalid: return "invalid";
    case Kind::kNil: return "interface";
    case Kind::kBool: return "bool";
    case Kind::kInt: return "int";
    case Kind::kInt64: return "int64";
    case Kind::kFloat: return "float64";
    case Kind::kString: return "string";
    case Kind::kList: return "slice";
    case Kind::kMap: return "map";
    case Kind::kObject: return AsObject().KindName();
    case Kind::kFunction: return "func";
  }
  return "";
}

int64_t Value::Length() const {
  switch (kind_) {
    case Kind::kString: return static_cast<int64_t>(AsString().size());
    case Kind::kList: return static_cast<int64_t>(AsList().size());
    case Kind::kMap: return static_cast<int64_t>(AsMap().size());
    case Kind::kObject: {
      const Value elements = AsObject().Elements();
      return elements.IsValid() ? elements.Length() : -1;
    }
    default: return -1;
  }
}

bool Value::Truth() const {
  switch (kind_) {
    case Kind::kInvalid:
    case Kind::kNil: return false;
    case Kind::kBool: return AsBool();
    case Kind::kInt:
    case Kind::kInt64: return AsInt() != 0;
    case Kind::kFloat: return AsFloat() != 0;
    case Kind::kString:
    case Kind::kList:
    case Kind::kMap: return Length() > 0;
    case Kind::kObject: return Length() != 0;  // a Go map or slice is false when empty; a struct never
    case Kind::kFunction: return true;
  }
  return false;
}

bool Value::Empty() const { return !Truth(); }

bool HostObject::Field(std::string_view, Value*) const { return false; }

namespace {

class BytesObject final : public HostObject {
 public:
  explicit BytesObject(std::string bytes) : bytes_(std::move(bytes)) {}
  std::string TypeName() const override { return "[]uint8"; }
  std::string_view KindName() const override { return "slice"; }
  void Format(std::string* out) const override {
    out->push_back('[');
    for (size_t i = 0; i < bytes_.size(); ++i) {
      if (i > 0) out->push_back(' ');
      *out += std::to_string(static_cast<unsigned char>(bytes_[i]));
    }
    out->push_back(']');
  }
  Value ToData() const override { return Value::String(Base64Encode(bytes_)); }  // encoding/json's []byte
  Value Elements() const override {
    ValueList items;
    items.reserve(bytes_.size());
    for (char c : bytes_) items.push_back(Value::Int(static_cast<unsigned char>(c)));
    return Value::List(std::move(items));
  }
  const std::string* Bytes() const override { return &bytes_; }

 private:
  std::string bytes_;
};

}  // namespace

Value BytesValue(std::string bytes) { return Value::Object(std::make_shared<BytesObject>(std::move(bytes))); }
const Function* HostObject::Method(std::string_view) const { return nullptr; }

namespace {

bool DeepEqualAt(const Value& a, const Value& b, int depth) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kInvalid:
    case Value::Kind::kNil: return true;
    case Value::Kind::kBool: return a.AsBool() == b.AsBool();
    case Value::Kind::kInt:
    case Value::Kind::kInt64: return a.AsInt() == b.AsInt();
    case Value::Kind::kFloat: return a.AsFloat() == b.AsFloat();
    case Value::Kind::kString: return a.AsString() == b.AsString();
    case Value::Kind::kList: {
      if (a.IsStringList() != b.IsStringList() || a.AsList().size() != b.AsList().size()) return false;
      if (&a.AsList() == &b.AsList()) return true;  // as Go: the same slice
      if (depth >= kMaxValueDepth) return false;
      for (size_t i = 0; i < a.AsList().size(); ++i) {
        if (!DeepEqualAt(a.AsList()[i], b.AsList()[i], depth + 1)) return false;
      }
      return true;
    }
    case Value::Kind::kMap: {
      if (a.AsMap().size() != b.AsMap().size()) return false;
      if (&a.AsMap() == &b.AsMap()) return true;  // as Go: the same map
      if (depth >= kMaxValueDepth) return false;
      auto j = b.AsMap().begin();
      for (auto i = a.AsMap().begin(); i != a.AsMap().end(); ++i, ++j) {
        if (i->first != j->first || !DeepEqualAt(i->second, j->second, depth + 1)) return false;
      }
      return true;
    }
    case Value::Kind::kObject: return &a.AsObject() == &b.AsObject();
    case Value::Kind::kFunction: return false;  // Go: funcs are equal only when both nil
  }
  return false;
}

Value DeepCopyAt(const Value& v, int depth) {
  if (depth >= kMaxValueDepth) return v;
  if (v.IsList()) {
    ValueList items;
    items.reserve(v.AsList().size());
    for (const Value& item : v.AsList()) items.push_back(DeepCopyAt(item, depth + 1));
    return Value::List(std::move(items), v.IsStringList());
  }
  if (v.IsMap()) {
    ValueMap entries;
    for (const auto& [key, value] : v.AsMap()) entries.emplace(key, DeepCopyAt(value, depth + 1));
    return Value::Map(std::move(entries));
  }
  if (v.IsString() && v.tracked()) return Value::String(v.AsString());
  return v;
}

}  // namespace

bool DeepEqual(const Value& a, const Value& b) { return DeepEqualAt(a, b, 0); }
Value DeepCopy(const Value& v) { return DeepCopyAt(v, 0); }

}  // namespace kubeshift::tmpl
