// Sprig list.go: list, append/prepend, first/last/rest/initial, reverse, uniq, without, has,
// slice, concat, chunk. Each non-must function fails as its must- twin does: Sprig panics
// and Go's template call turns the panic into the same error.
#include <cmath>

#include "helm/function_util.h"
#include "helm/sprig_cast.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

// Go's reflect.TypeOf(nil).Kind() dereferences a nil Type.
bool RequireList(const Value& v, std::string_view what, std::string* e) {
  if (v.IsList()) return true;
  if (v.IsNilish()) return Fail(e, "runtime error: invalid memory address or nil pointer dereference");
  return Fail(e, std::string(what) + std::string(v.KindName()));
}

using ListOp = bool (*)(const Value& list, Args rest, Value* out, std::string* e);

void AddPair(FunctionRegistry* r, const std::string& name, std::vector<Param> params, bool variadic, ListOp op) {
  NativeFunction call = [op](CallContext&, Args a, Value* out, std::string* e) { return op(a[0], a.subspan(1), out, e); };
  r->Add(Fn(name, params, call, variadic));
  std::string must = "must" + name;
  must[4] = static_cast<char>(std::toupper(must[4]));
  r->Add(Fn(must, params, call, variadic));
}

bool Push(const Value& l, Args rest, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot push on type ", e)) return false;
  ValueList items = l.AsList();
  items.push_back(rest[0]);
  *out = Value::List(std::move(items));
  return true;
}

bool Prepend(const Value& l, Args rest, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot prepend on type ", e)) return false;
  ValueList items{rest[0]};
  items.insert(items.end(), l.AsList().begin(), l.AsList().end());
  *out = Value::List(std::move(items));
  return true;
}

bool First(const Value& l, Args, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot find first on type ", e)) return false;
  *out = l.AsList().empty() ? Value::Nil() : l.AsList().front();
  return true;
}

bool Last(const Value& l, Args, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot find last on type ", e)) return false;
  *out = l.AsList().empty() ? Value::Nil() : l.AsList().back();
  return true;
}

bool Rest(const Value& l, Args, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot find rest on type ", e)) return false;
  const ValueList& items = l.AsList();
  *out = Value::List(items.empty() ? ValueList{} : ValueList(items.begin() + 1, items.end()));
  return true;
}

bool Initial(const Value& l, Args, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot find initial on type ", e)) return false;
  const ValueList& items = l.AsList();
  *out = Value::List(items.empty() ? ValueList{} : ValueList(items.begin(), items.end() - 1));
  return true;
}

bool Reverse(const Value& l, Args, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot find reverse on type ", e)) return false;
  *out = Value::List(ValueList(l.AsList().rbegin(), l.AsList().rend()));
  return true;
}

bool Contains(const ValueList& haystack, const Value& needle) {
  for (const Value& item : haystack) {
    if (DeepEqual(needle.IsNilish() ? Value::Nil() : needle, item)) return true;
  }
  return false;
}

bool Uniq(const Value& l, Args, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot find uniq on type ", e)) return false;
  ValueList items;
  for (const Value& item : l.AsList()) {
    if (!Contains(items, item)) items.push_back(item);
  }
  *out = Value::List(std::move(items));
  return true;
}

bool Without(const Value& l, Args omit, Value* out, std::string* e) {
  if (!RequireList(l, "Cannot find without on type ", e)) return false;
  const ValueList omitted(omit.begin(), omit.end());
  ValueList items;
  for (const Value& item : l.AsList()) {
    if (!Contains(omitted, item)) items.push_back(item);
  }
  *out = Value::List(std::move(items));
  return true;
}

// has needle haystack: the list comes second; a nil haystack has nothing (Sprig checks).
bool Has(const Value& needle, Args rest, Value* out, std::string* e) {
  if (rest[0].IsNilish()) {
    *out = Value::Bool(false);
    return true;
  }
  if (!RequireList(rest[0], "Cannot find has on type ", e)) return false;
  *out = Value::Bool(Contains(rest[0].AsList(), needle));
  return true;
}

bool Slice(const Value& l, Args indices, Value* out, std::string* e) {
  if (!l.IsList()) {
    if (l.IsNilish()) return Fail(e, "runtime error: invalid memory address or nil pointer dereference");
    return Fail(e, "list should be type of slice or array but " + std::string(l.KindName()));
  }
  const auto len = static_cast<int64_t>(l.AsList().size());
  if (len == 0) {
    *out = Value::Nil();
    return true;
  }
  const int64_t start = indices.empty() ? 0 : CastToInt64(indices[0]);
  const int64_t end = indices.size() < 2 ? len : CastToInt64(indices[1]);
  if (start < 0 || end < start || end > len) return Fail(e, "reflect: slice index out of range");
  *out = Value::List(ValueList(l.AsList().begin() + start, l.AsList().begin() + end), l.IsStringList());
  return true;
}

bool Chunk(const Value& size_value, Args rest, Value* out, std::string* e) {
  const Value& l = rest[0];
  if (!RequireList(l, "Cannot chunk type ", e)) return false;
  const int64_t size = size_value.AsInt();
  const auto len = static_cast<int64_t>(l.AsList().size());
  if (size <= 0) return Fail(e, "runtime error: integer divide by zero");
  const auto chunks = static_cast<int64_t>(std::floor(static_cast<double>(len - 1) / static_cast<double>(size)) + 1);
  ValueList out_list;
  for (int64_t i = 0; i < chunks; ++i) {
    const int64_t begin = i * size, end = std::min(len, begin + size);
    out_list.push_back(Value::List(ValueList(l.AsList().begin() + begin, l.AsList().begin() + end)));
  }
  *out = Value::List(std::move(out_list));
  return true;
}

}  // namespace

void AddSprigLists(FunctionRegistry* r) {
  for (const char* name : {"list", "tuple"}) {
    r->Add(Pure(name, {P::kAny}, [](Args a) { return Value::List(ValueList(a.begin(), a.end())); }, true));
  }
  AddPair(r, "append", {P::kAny, P::kAny}, false, Push);
  AddPair(r, "push", {P::kAny, P::kAny}, false, Push);
  AddPair(r, "prepend", {P::kAny, P::kAny}, false, Prepend);
  AddPair(r, "first", {P::kAny}, false, First);
  AddPair(r, "last", {P::kAny}, false, Last);
  AddPair(r, "rest", {P::kAny}, false, Rest);
  AddPair(r, "initial", {P::kAny}, false, Initial);
  AddPair(r, "reverse", {P::kAny}, false, Reverse);
  AddPair(r, "uniq", {P::kAny}, false, Uniq);
  AddPair(r, "without", {P::kAny, P::kAny}, true, Without);
  AddPair(r, "has", {P::kAny, P::kAny}, false, Has);
  AddPair(r, "slice", {P::kAny, P::kAny}, true, Slice);
  AddPair(r, "chunk", {P::kInt, P::kAny}, false, Chunk);
  r->Add(Fn("concat", {P::kAny}, [](CallContext&, Args a, Value* out, std::string* e) {
    ValueList items;
    for (const Value& list : a) {
      if (!list.IsList()) return Fail(e, "Cannot concat type " + std::string(list.KindName()) + " as list");
      items.insert(items.end(), list.AsList().begin(), list.AsList().end());
    }
    *out = Value::List(std::move(items));
    return true;
  }, true));
}

}  // namespace kubeshift::tmpl
