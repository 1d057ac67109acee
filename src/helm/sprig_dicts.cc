// Sprig dict.go: dict, get, set, unset, hasKey, pluck, keys, values, pick, omit, dig, and
// merge/mergeOverwrite with mergo's rules. Go maps iterate in random order; keys and values
// return sorted key order here so renders are reproducible (charts sort keys anyway).
#include "helm/function_util.h"
#include "helm/go_format.h"
#include "helm/sprig_cast.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

// mergo's deepMerge for map[string]interface{}: nested maps merge in place; otherwise the
// source value goes in when \a overwrite, or when the destination is missing or empty.
// A non-empty destination map or list is never replaced by a source map or list.
// A map merged into itself is unchanged, so that case returns at once (it would otherwise
// recurse for ever through a map that holds itself).
bool DeepMerge(ValueMap& dst, const ValueMap& src, bool overwrite, std::string* error, int depth = 0) {
  if (&dst == &src) return true;
  if (depth >= kMaxValueDepth) {
    return Fail(error, "maps nested deeper than " + std::to_string(kMaxValueDepth) + " levels");
  }
  for (const auto& [key, src_value] : src) {
    auto it = dst.find(key);
    const bool has_dst = it != dst.end();
    if (src_value.IsNil()) {
      if (overwrite) dst.insert_or_assign(key, src_value);
      continue;
    }
    if (src_value.IsMap() && has_dst && it->second.IsMap()) {
      if (!DeepMerge(it->second.MutableMap(), src_value.AsMap(), overwrite, error, depth + 1)) return false;
    }
    if (src_value.IsList() && (overwrite || !has_dst || it->second.Empty()) && !src_value.Empty()) {
      dst.insert_or_assign(key, src_value);
      continue;
    }
    if (has_dst && !it->second.Empty() && (src_value.IsMap() || src_value.IsList())) continue;
    if (overwrite || !has_dst || it->second.Empty()) dst.insert_or_assign(key, src_value);
  }
  return true;
}

NativeFunction Merge(bool overwrite) {
  return [overwrite](CallContext&, Args a, Value* out, std::string* error) {
    for (size_t i = 1; i < a.size(); ++i) {
      if (!DeepMerge(a[0].MutableMap(), a[i].AsMap(), overwrite, error)) return false;
    }
    *out = a[0];
    return true;
  };
}

Value Dig(const ValueMap& dict, const Value& fallback, Args keys, std::string* error) {
  auto it = dict.find(keys[0].AsString());
  if (it == dict.end()) return fallback;
  if (keys.size() == 1) return it->second;
  if (!it->second.IsMap()) {
    *error = "interface conversion: interface {} is " + it->second.TypeName() + ", not map[string]interface {}";
    return Value();
  }
  return Dig(it->second.AsMap(), fallback, keys.subspan(1), error);
}

}  // namespace

void AddSprigDicts(FunctionRegistry* r) {
  r->Add(Pure("dict", {P::kAny}, [](Args a) {
    ValueMap map;
    for (size_t i = 0; i < a.size(); i += 2) {
      map.insert_or_assign(Strval(a[i]), i + 1 < a.size() ? a[i + 1] : Value::String(""));
    }
    return Value::Map(std::move(map));
  }, true));
  r->Add(Pure("get", {P::kMap, P::kString}, [](Args a) {
    auto it = a[0].AsMap().find(a[1].AsString());
    return it == a[0].AsMap().end() ? Value::String("") : it->second;
  }));
  r->Add(Pure("set", {P::kMap, P::kString, P::kAny}, [](Args a) {
    a[0].MutableMap().insert_or_assign(a[1].AsString(), a[2]);
    return a[0];
  }));
  r->Add(Pure("unset", {P::kMap, P::kString}, [](Args a) {
    a[0].MutableMap().erase(a[1].AsString());
    return a[0];
  }));
  r->Add(Pure("hasKey", {P::kMap, P::kString}, [](Args a) { return Value::Bool(a[0].AsMap().contains(a[1].AsString())); }));
  r->Add(Pure("pluck", {P::kString, P::kMap}, [](Args a) {
    ValueList out;
    for (size_t i = 1; i < a.size(); ++i) {
      auto it = a[i].AsMap().find(a[0].AsString());
      if (it != a[i].AsMap().end()) out.push_back(it->second);
    }
    return Value::List(std::move(out));
  }, true));
  r->Add(Pure("keys", {P::kMap}, [](Args a) {
    std::vector<std::string> keys;
    for (const Value& dict : a) {
      for (const auto& [key, value] : dict.AsMap()) keys.push_back(key);
    }
    return StringList(std::move(keys));
  }, true));
  r->Add(Pure("values", {P::kMap}, [](Args a) {
    ValueList values;
    for (const auto& [key, value] : a[0].AsMap()) values.push_back(value);
    return Value::List(std::move(values));
  }));
  r->Add(Pure("pick", {P::kMap, P::kString}, [](Args a) {
    ValueMap out;
    for (size_t i = 1; i < a.size(); ++i) {
      auto it = a[0].AsMap().find(a[i].AsString());
      if (it != a[0].AsMap().end()) out.insert_or_assign(it->first, it->second);
    }
    return Value::Map(std::move(out));
  }, true));
  r->Add(Pure("omit", {P::kMap, P::kString}, [](Args a) {
    ValueMap out = a[0].AsMap();
    for (size_t i = 1; i < a.size(); ++i) out.erase(a[i].AsString());
    return Value::Map(std::move(out));
  }, true));
  r->Add(Fn("dig", {P::kAny}, [](CallContext&, Args a, Value* out, std::string* e) {
    if (a.size() < 3) return Fail(e, "dig needs at least three arguments");
    if (!a.back().IsMap()) {
      return Fail(e, "interface conversion: interface {} is " + (a.back().IsNilish() ? std::string("nil") : a.back().TypeName()) +
                         ", not map[string]interface {}");
    }
    for (size_t i = 0; i + 2 < a.size(); ++i) {
      if (!a[i].IsString()) return Fail(e, "interface conversion: interface {} is " + a[i].TypeName() + ", not string");
    }
    *out = Dig(a.back().AsMap(), a[a.size() - 2], a.first(a.size() - 2), e);
    return e->empty();
  }, true));
  r->Add(Fn("merge", {P::kMap, P::kMap}, Merge(false), true));
  r->Add(Fn("mustMerge", {P::kMap, P::kMap}, Merge(false), true));
  r->Add(Fn("mergeOverwrite", {P::kMap, P::kMap}, Merge(true), true));
  r->Add(Fn("mustMergeOverwrite", {P::kMap, P::kMap}, Merge(true), true));
}

}  // namespace kubeshift::tmpl
