// Small helpers for declaring template functions compactly in the sprig_*.cc / helm_*.cc files.
#ifndef KUBESHIFT_HELM_FUNCTION_UTIL_H_
#define KUBESHIFT_HELM_FUNCTION_UTIL_H_

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {

using Args = std::span<const Value>;

/// A function whose last parameter is Go's ...T when \a variadic.
inline Function Fn(std::string name, std::vector<Param> params, NativeFunction call, bool variadic = false) {
  return Function{std::move(name), std::move(params), variadic, std::move(call)};
}

/// A function that cannot fail and needs no engine: f(args) -> Value.
template <typename F>
Function Pure(std::string name, std::vector<Param> params, F f, bool variadic = false) {
  return Fn(std::move(name), std::move(params),
            [f = std::move(f)](CallContext&, Args args, Value* out, std::string*) {
              *out = f(args);
              return true;
            },
            variadic);
}

/// Sets \a error and returns false, for one-line failures.
inline bool Fail(std::string* error, std::string message) {
  *error = std::move(message);
  return false;
}

// Groups of Sprig functions, one file each; sprig_registry.cc lists them.
void AddSprigStrings(FunctionRegistry* r);
void AddSprigStringCase(FunctionRegistry* r);
void AddSprigConversion(FunctionRegistry* r);
void AddSprigMath(FunctionRegistry* r);
void AddSprigDefaults(FunctionRegistry* r);
void AddSprigLists(FunctionRegistry* r);
void AddSprigDicts(FunctionRegistry* r);
void AddSprigEncoding(FunctionRegistry* r);
void AddSprigCrypto(FunctionRegistry* r);
void AddSprigAes(FunctionRegistry* r);
void AddSprigRandom(FunctionRegistry* r);
void AddSprigSemver(FunctionRegistry* r);
void AddSprigRegex(FunctionRegistry* r);
void AddSprigReflect(FunctionRegistry* r);
void AddSprigPaths(FunctionRegistry* r);
void AddSprigDate(FunctionRegistry* r);
void AddSprigNetwork(FunctionRegistry* r);
void AddSprigUrl(FunctionRegistry* r);
// Helm's toToml, mustToToml and fromToml (helm_toml.cc).
void AddHelmToml(FunctionRegistry* r);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_FUNCTION_UTIL_H_
