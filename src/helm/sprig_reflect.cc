// Sprig reflection (typeOf, typeIs, typeIsLike, kindOf, kindIs, deepEqual), path functions
// (path and path/filepath, the same on Linux) and getHostByName (Helm's offline stub).
#include "helm/function_util.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

std::string TypeOf(const Value& v) { return v.IsNilish() ? "<nil>" : v.TypeName(); }
std::string KindOf(const Value& v) {
  if (v.IsNilish()) return "invalid";
  // Every Go integer kind is named after its type; int64 values say "int64".
  return std::string(v.KindName());
}

// path.Clean: lexical processing of "." and "..", repeated slashes removed.
std::string Clean(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  std::vector<std::string> parts;
  size_t at = 0;
  while (at <= path.size()) {
    size_t slash = path.find('/', at);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view part = path.substr(at, slash - at);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") parts.pop_back();
      else if (!rooted) parts.emplace_back("..");
    } else if (!part.empty() && part != ".") {
      parts.emplace_back(part);
    }
    at = slash + 1;
  }
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.push_back('/');
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

std::string Base(std::string_view path) {
  if (path.empty()) return ".";
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path == "/") return "/";
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string Dir(std::string_view path) {
  const size_t slash = path.rfind('/');
  return Clean(slash == std::string_view::npos ? "" : path.substr(0, slash + 1));
}

std::string Ext(std::string_view path) {
  for (size_t i = path.size(); i-- > 0 && path[i] != '/';) {
    if (path[i] == '.') return std::string(path.substr(i));
  }
  return "";
}

}  // namespace

void AddSprigReflect(FunctionRegistry* r) {
  r->Add(Pure("typeOf", {P::kAny}, [](Args a) { return Value::String(TypeOf(a[0])); }));
  r->Add(Pure("typeIs", {P::kString, P::kAny}, [](Args a) { return Value::Bool(a[0].AsString() == TypeOf(a[1])); }));
  r->Add(Pure("typeIsLike", {P::kString, P::kAny}, [](Args a) {
    const std::string t = TypeOf(a[1]);
    return Value::Bool(a[0].AsString() == t || "*" + a[0].AsString() == t);  // also matches a pointer
  }));
  r->Add(Pure("kindOf", {P::kAny}, [](Args a) { return Value::String(KindOf(a[0])); }));
  r->Add(Pure("kindIs", {P::kString, P::kAny}, [](Args a) { return Value::Bool(a[0].AsString() == KindOf(a[1])); }));
  r->Add(Pure("deepEqual", {P::kAny, P::kAny}, [](Args a) {
    return Value::Bool(DeepEqual(a[0].IsNilish() ? Value::Nil() : a[0], a[1].IsNilish() ? Value::Nil() : a[1]));
  }));
}

void AddSprigPaths(FunctionRegistry* r) {
  for (const char* prefix : {"", "os"}) {
    const std::string p = prefix;
    auto name = [&](const char* n) { return p.empty() ? std::string(n) : p + static_cast<char>(std::toupper(n[0])) + (n + 1); };
    r->Add(Pure(name("base"), {P::kString}, [](Args a) { return Value::String(Base(a[0].AsString())); }));
    r->Add(Pure(name("dir"), {P::kString}, [](Args a) { return Value::String(Dir(a[0].AsString())); }));
    r->Add(Pure(name("clean"), {P::kString}, [](Args a) { return Value::String(Clean(a[0].AsString())); }));
    r->Add(Pure(name("ext"), {P::kString}, [](Args a) { return Value::String(Ext(a[0].AsString())); }));
    r->Add(Pure(name("isAbs"), {P::kString}, [](Args a) { return Value::Bool(a[0].AsString().starts_with("/")); }));
  }
}

void AddSprigNetwork(FunctionRegistry* r) {
  // Helm replaces Sprig's DNS lookup with a stub that answers "" unless DNS is enabled.
  r->Add(Pure("getHostByName", {P::kString}, [](Args) { return Value::String(""); }));
  r->Add(Pure("hello", {}, [](Args) { return Value::String("Hello!"); }));
}

}  // namespace kubeshift::tmpl
