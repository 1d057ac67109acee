// Go's text/template builtins (funcs.go): logic, comparison, index/slice/len, printing and
// escaping. Parameters typed kValue see "no value" as invalid, as reflect.Value does.
#include <cstdio>

#include "helm/go_format.h"
#include "helm/go_unicode.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

enum class BasicKind { kInvalid, kBool, kInt, kFloat, kString };

BasicKind KindOf(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kBool: return BasicKind::kBool;
    case Value::Kind::kInt:
    case Value::Kind::kInt64: return BasicKind::kInt;
    case Value::Kind::kFloat: return BasicKind::kFloat;
    case Value::Kind::kString: return BasicKind::kString;
    default: return BasicKind::kInvalid;
  }
}

// reflect's indirectInterface: a nil interface becomes "no value".
Value Indirect(const Value& v) { return v.IsNil() ? Value() : v; }

bool Equal(const Value& a, const Value& b, bool* truth, std::string* error) {
  const BasicKind k1 = KindOf(a), k2 = KindOf(b);
  *truth = false;
  if (k1 != k2) {
    if (a.IsValid() && b.IsValid()) {
      *error = "incompatible types for comparison: " + a.TypeName() + " and " + b.TypeName();
      return false;
    }
    return true;
  }
  switch (k1) {
    case BasicKind::kBool: *truth = a.AsBool() == b.AsBool(); return true;
    case BasicKind::kInt: *truth = a.AsInt() == b.AsInt(); return true;
    case BasicKind::kFloat: *truth = a.AsFloat() == b.AsFloat(); return true;
    case BasicKind::kString: *truth = a.AsString() == b.AsString(); return true;
    case BasicKind::kInvalid: break;
  }
  if (a.IsValid() && b.IsValid() && a.kind() != b.kind()) {
    // Go formats the first operand with %s, so numbers inside read "%!s(float64=1)".
    *error = "non-comparable types " + Sprintf("%s", std::span(&a, 1)) + ": " + a.TypeName() + ", " + b.TypeName() +
             ": " + ToString(b);
    return false;
  }
  if (!a.IsValid() || !b.IsValid()) {
    *truth = a.IsValid() == b.IsValid();
    return true;
  }
  if (a.IsMap() || a.IsList() || a.kind() == Value::Kind::kFunction) {
    *error = "non-comparable type " + Sprintf("%s", std::span(&b, 1)) + ": " + b.TypeName();
    return false;
  }
  *truth = &a.AsObject() == &b.AsObject();
  return true;
}

bool Less(const Value& a0, const Value& b0, bool* truth, std::string* error) {
  const Value a = Indirect(a0), b = Indirect(b0);
  const BasicKind k1 = KindOf(a), k2 = KindOf(b);
  if (k1 == BasicKind::kInvalid || k2 == BasicKind::kInvalid) {
    *error = "invalid type for comparison";
    return false;
  }
  if (k1 != k2) {
    *error = "incompatible types for comparison: " + a.TypeName() + " and " + b.TypeName();
    return false;
  }
  switch (k1) {
    case BasicKind::kInt: *truth = a.AsInt() < b.AsInt(); return true;
    case BasicKind::kFloat: *truth = a.AsFloat() < b.AsFloat(); return true;
    case BasicKind::kString: *truth = a.AsString() < b.AsString(); return true;
    default: *error = "invalid type for comparison"; return false;
  }
}

bool Eq(CallContext&, std::span<const Value> args, Value* out, std::string* error) {
  if (args.size() < 2) {
    *error = "missing argument for comparison";
    return false;
  }
  const Value a = Indirect(args[0]);
  for (size_t i = 1; i < args.size(); ++i) {
    bool truth = false;
    if (!Equal(a, Indirect(args[i]), &truth, error)) return false;
    if (truth) {
      *out = Value::Bool(true);
      return true;
    }
  }
  *out = Value::Bool(false);
  return true;
}

bool Compare(std::string_view op, std::span<const Value> args, Value* out, std::string* error) {
  bool less = false, equal = false;
  if (!Less(args[0], args[1], &less, error)) return false;
  if ((op == "le" || op == "gt") && !less && !Equal(Indirect(args[0]), Indirect(args[1]), &equal, error)) return false;
  bool result = false;
  if (op == "lt") result = less;
  else if (op == "le") result = less || equal;
  else if (op == "gt") result = !(less || equal);
  else result = !less;  // ge
  *out = Value::Bool(result);
  return true;
}

// Index of a list or string: an integer in [0, len].
bool IndexArg(const Value& index, size_t cap, int64_t* out, std::string* error) {
  if (!index.IsValid()) {
    *error = "cannot index slice/array with nil";
    return false;
  }
  if (!index.IsInteger()) {
    *error = "cannot index slice/array with type " + index.TypeName();
    return false;
  }
  *out = index.AsInt();
  if (*out < 0 || static_cast<uint64_t>(*out) > cap) {
    *error = "index out of range: " + std::to_string(*out);
    return false;
  }
  return true;
}

bool IndexFn(CallContext&, std::span<const Value> args, Value* out, std::string* error) {
  Value item = Indirect(args[0]);
  if (!item.IsValid()) {
    *error = "index of untyped nil";
    return false;
  }
  for (size_t i = 1; i < args.size(); ++i) {
    const Value index = Indirect(args[i]);
    if (item.kind() == Value::Kind::kObject && item.AsObject().Elements().IsValid()) {
      item = item.AsObject().Elements();  // a Go map or slice type: .Files, APIVersions
    }
    if (item.IsNil()) {
      *error = "index of nil pointer";
      return false;
    }
    if (item.IsList() || item.IsString()) {
      int64_t x = 0;
      const size_t len = static_cast<size_t>(item.Length());
      if (!IndexArg(index, len, &x, error)) return false;
      if (static_cast<size_t>(x) == len) {
        *error = item.IsList() ? "reflect: slice index out of range" : "reflect: string index out of range";
        return false;
      }
      item = item.IsList() ? item.AsList()[static_cast<size_t>(x)]
                           : Value::Int(static_cast<unsigned char>(item.AsString()[static_cast<size_t>(x)]));
    } else if (item.IsMap()) {
      if (!index.IsValid()) {
        *error = "value is nil; should be of type string";
        return false;
      }
      if (!index.IsString()) {
        *error = "value has type " + index.TypeName() + "; should be string";
        return false;
      }
      auto it = item.AsMap().find(index.AsString());
      item = it == item.AsMap().end() ? Value::Nil() : it->second;
    } else {
      *error = "can't index item of type " + item.TypeName();
      return false;
    }
  }
  *out = item;
  return true;
}

bool SliceFn(CallContext&, std::span<const Value> args, Value* out, std::string* error) {
  const Value item = Indirect(args[0]);
  if (!item.IsValid()) {
    *error = "slice of untyped nil";
    return false;
  }
  if (args.size() > 4) {
    *error = "too many slice indexes: " + std::to_string(args.size() - 1);
    return false;
  }
  if (!item.IsList() && !item.IsString()) {
    *error = "can't slice item of type " + item.TypeName();
    return false;
  }
  if (item.IsString() && args.size() == 4) {
    *error = "cannot 3-index slice a string";
    return false;
  }
  const size_t len = static_cast<size_t>(item.Length());
  int64_t idx[3] = {0, static_cast<int64_t>(len), static_cast<int64_t>(len)};
  for (size_t i = 1; i < args.size(); ++i) {
    if (!IndexArg(Indirect(args[i]), len, &idx[i - 1], error)) return false;
  }
  if (idx[0] > idx[1] || (args.size() == 4 && idx[1] > idx[2])) {
    const int j = idx[0] > idx[1] ? 0 : 1;
    *error = "invalid slice index: " + std::to_string(idx[j]) + " > " + std::to_string(idx[j + 1]);
    return false;
  }
  const auto from = static_cast<size_t>(idx[0]), to = static_cast<size_t>(idx[1]);
  if (item.IsString()) {
    *out = Value::String(item.AsString().substr(from, to - from));
  } else {
    *out = Value::List(ValueList(item.AsList().begin() + static_cast<std::ptrdiff_t>(from),
                                 item.AsList().begin() + static_cast<std::ptrdiff_t>(to)),
                       item.IsStringList());
  }
  return true;
}

bool LenFn(CallContext&, std::span<const Value> args, Value* out, std::string* error) {
  const Value& item = args[0];
  if (item.IsNil()) {
    *error = "len of nil pointer";
    return false;
  }
  if (!item.IsValid()) {
    *error = "reflect: call of reflect.Value.Type on zero Value";
    return false;
  }
  const int64_t n = item.Length();
  if (n < 0) {
    *error = "len of type " + item.TypeName();
    return false;
  }
  *out = Value::Int(n);
  return true;
}

// The text of html/js/urlquery's arguments: fmt.Sprint, with nil printed "<no value>".
std::string EvalArgsText(std::span<const Value> args) {
  if (args.size() == 1 && args[0].IsString()) return args[0].AsString();
  std::vector<Value> printable(args.begin(), args.end());
  for (Value& v : printable) {
    if (v.IsNilish()) v = Value::String("<no value>");
  }
  return Sprint(printable);
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\0': out += "\uFFFD"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string JsEscape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    int w = 1;
    const uint32_t r = DecodeRune(s, i, &w);
    char buf[16];
    switch (r) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '"': out += "\\\""; break;
      case '<': out += "\\u003C"; break;
      case '>': out += "\\u003E"; break;
      case '&': out += "\\u0026"; break;
      case '=': out += "\\u003D"; break;
      default:
        if (r < ' ') {
          std::snprintf(buf, sizeof buf, "\\u%04X", r);
          out += buf;
        } else if (r < 0x80 || IsPrintRune(r)) {
          out.append(s.substr(i, static_cast<size_t>(w)));
        } else {
          std::snprintf(buf, sizeof buf, "\\u%04X", r);
          out += buf;
        }
    }
    i += static_cast<size_t>(w);
  }
  return out;
}

std::string QueryEscape(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

bool CallFn(CallContext& ctx, std::span<const Value> args, Value* out, std::string* error) {
  const Value fn = Indirect(args[0]);
  if (!fn.IsValid()) {
    *error = "call of nil";
    return false;
  }
  if (fn.kind() != Value::Kind::kFunction) {
    *error = "non-function of type " + fn.TypeName();
    return false;
  }
  std::vector<Value> rest(args.begin() + 1, args.end());
  return fn.AsFunction().call(ctx, rest, out, error);
}

Function Make(std::string name, std::vector<Param> params, bool variadic, NativeFunction call) {
  return Function{std::move(name), std::move(params), variadic, std::move(call)};
}

FunctionRegistry BuildBuiltins() {
  FunctionRegistry r;
  const Param V = Param::kValue, A = Param::kAny;
  auto logic = [](bool want) {
    return [want](CallContext&, std::span<const Value> args, Value* out, std::string*) {
      for (const Value& v : args) {
        *out = v;
        if (v.Truth() == want) break;
      }
      return true;
    };
  };
  r.Add(Make("and", {V, V}, true, logic(false)));
  r.Add(Make("or", {V, V}, true, logic(true)));
  r.Add(Make("not", {V}, false, [](CallContext&, std::span<const Value> a, Value* out, std::string*) {
    *out = Value::Bool(!a[0].Truth());
    return true;
  }));
  r.Add(Make("call", {V, V}, true, CallFn));
  r.Add(Make("index", {V, V}, true, IndexFn));
  r.Add(Make("slice", {V, V}, true, SliceFn));
  r.Add(Make("len", {V}, false, LenFn));
  r.Add(Make("eq", {V, V}, true, Eq));
  for (const char* op : {"ne", "lt", "le", "gt", "ge"}) {
    const std::string name = op;
    r.Add(Make(name, {V, V}, false, [name](CallContext& ctx, std::span<const Value> a, Value* out, std::string* e) {
      if (name != "ne") return Compare(name, a, out, e);
      if (!Eq(ctx, a, out, e)) return false;
      *out = Value::Bool(!out->AsBool());
      return true;
    }));
  }
  r.Add(Make("print", {A}, true, [](CallContext&, std::span<const Value> a, Value* out, std::string*) {
    *out = Value::String(Sprint(a));
    return true;
  }));
  r.Add(Make("println", {A}, true, [](CallContext&, std::span<const Value> a, Value* out, std::string*) {
    *out = Value::String(Sprintln(a));
    return true;
  }));
  r.Add(Make("printf", {Param::kString, A}, true, [](CallContext&, std::span<const Value> a, Value* out, std::string*) {
    *out = Value::String(Sprintf(a[0].AsString(), a.subspan(1)));
    return true;
  }));
  r.Add(Make("html", {A}, true, [](CallContext&, std::span<const Value> a, Value* out, std::string*) {
    *out = Value::String(HtmlEscape(EvalArgsText(a)));
    return true;
  }));
  r.Add(Make("js", {A}, true, [](CallContext&, std::span<const Value> a, Value* out, std::string*) {
    *out = Value::String(JsEscape(EvalArgsText(a)));
    return true;
  }));
  r.Add(Make("urlquery", {A}, true, [](CallContext&, std::span<const Value> a, Value* out, std::string*) {
    *out = Value::String(QueryEscape(EvalArgsText(a)));
    return true;
  }));
  return r;
}

}  // namespace

const FunctionRegistry& GoBuiltins() {
  static const FunctionRegistry builtins = BuildBuiltins();
  return builtins;
}

}  // namespace kubeshift::tmpl
