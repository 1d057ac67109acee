// kubeshift — a Go text/template engine with Sprig and Helm functions (module helm): parse
// template files once, execute them many times, and know for every output byte which
// template, offset and include chain produced it.
#ifndef KUBESHIFT_TEMPLATE_ENGINE_H_
#define KUBESHIFT_TEMPLATE_ENGINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kubeshift/template_value.h"

namespace kubeshift::tmpl {

/// A parameter type of a function, as Go's reflection-based calls check them. A number
/// literal fits kInt or kFloat64; a computed value must have exactly the type (a float64 from
/// the values file passed to `trunc` is an error, as in Helm).
enum class Param : uint8_t {
  kAny,      ///< interface{}: anything; "no value" arrives as nil
  kValue,    ///< reflect.Value (Go builtins): anything; "no value" stays invalid
  kString,
  kInt,
  kInt64,
  kFloat64,
  kBool,
  kMap,      ///< map[string]interface{}
  kList,     ///< []interface{}
};

class CallContext;

/// A function body: \a args already checked against the signature. Returns false with
/// \a error (Go's error text) on failure; the engine reports "error calling NAME: ERROR".
using NativeFunction =
    std::function<bool(CallContext& ctx, std::span<const Value> args, Value* result, std::string* error)>;

/// A template function (or a host object's method): name, Go signature and body.
struct Function {
  std::string name;
  std::vector<Param> params;
  bool variadic = false;  ///< the last parameter is Go's ...T
  NativeFunction call;
};

/// The functions templates may call, an explicit list. Go's builtins (and, or, eq, index,
/// len, print…) are always there and are looked up after these, as Go looks up a FuncMap
/// before its builtins (so Sprig's `slice` replaces the builtin one).
class FunctionRegistry {
 public:
  /// Adds \a function, replacing one of the same name (Helm replaces some Sprig functions).
  void Add(Function function);
  void Remove(std::string_view name);
  const Function* Find(std::string_view name) const;
  std::vector<std::string> Names() const;

 private:
  std::unordered_map<std::string, std::shared_ptr<const Function>> functions_;
};

/// Go's builtins (and, call, html, index, slice, js, len, not, or, print, printf, println,
/// urlquery, eq, ge, gt, le, lt, ne).
const FunctionRegistry& GoBuiltins();
/// Adds the Sprig functions (src/helm/sprig_*.cc), env and expandenv excluded as Helm does.
void AddSprigFunctions(FunctionRegistry* registry);
/// Adds Helm's own functions that need no chart: include, tpl, required, fail, toYaml,
/// toYamlPretty, fromYaml, fromYamlArray, toJson, fromJson, fromJsonArray, lookup (offline:
/// an empty map, as `helm template`).
void AddHelmFunctions(FunctionRegistry* registry);
/// Sprig + Helm functions: what a chart template can call.
std::shared_ptr<const FunctionRegistry> HelmFunctions();

/// Execution options.
struct ExecOptions {
  /// Go's missingkey option. Helm renders with kZero; kDefault is text/template's default.
  enum class MissingKey { kDefault, kZero, kError } missing_key = MissingKey::kDefault;
  /// Nested template/include calls allowed (Go allows 100000; Helm stops an include loop at
  /// 1000 calls of one name). Deep recursion costs C++ stack, so the default is lower.
  int max_depth = 1000;
  /// Seed of randAlphaNum, uuidv4, shuffle…: the same seed gives the same output.
  uint64_t random_seed = 1;
  /// What `now` returns, in Unix seconds (UTC), so renders are reproducible.
  int64_t now_unix = 0;
  /// Strip "<no value>" from tpl results, as Helm does.
  bool tpl_strips_no_value = true;
  /// Work one Execute may do, so that no template runs for ever (Go has no such limits): each
  /// statement, loop iteration and function call is a step...
  uint64_t max_steps = 10'000'000;
  /// ...and bytes it may make: what it writes, every string a function returns and the
  /// elements of the lists they return. A function that would make more (repeat,
  /// randAlphaNum, until…) fails before it allocates. Charts need a small fraction of both.
  uint64_t max_bytes = uint64_t{256} << 20;
};

/// A template text: a file parsed into a set, or a string given to `tpl`.
struct TemplateSource {
  std::string name;    ///< the template (file) name, e.g. "mychart/templates/deploy.yaml"
  std::string text;
  bool from_tpl = false;  ///< text is a tpl argument (often a values string), not a file
};

/// One include / template / tpl call in progress: where it was called from.
struct CallFrame {
  std::shared_ptr<const TemplateSource> source;  ///< the calling template
  size_t offset = 0;                             ///< the "{{" of the action making the call
  std::string callee;                            ///< the template called ("" for tpl)
  std::shared_ptr<const CallFrame> parent;
};

/// Rendered text and where each byte came from: spans are in order, contiguous and cover
/// every byte.
struct RenderResult {
  std::string text;
  std::vector<OutputSpan> spans;
  /// The span holding output byte \a offset, or nullptr past the end.
  const OutputSpan* SpanAt(size_t offset) const;
};

/// Removes every "<no value>" from \a result (Helm does this to each rendered file), keeping
/// the spans right.
void RemoveNoValue(RenderResult* result);

/// A parse or execution error, with Go's message and its parts.
struct TemplateError {
  /// Go's text: "template: NAME:LINE: MSG" (parse) or
  /// "template: FILE:LINE:COL: executing \"NAME\" at <NODE>: MSG" (execution).
  std::string message;
  std::string file;       ///< the template text the error is in (its TemplateSource name)
  std::string name;       ///< the template being executed (a define's name, or the file)
  int line = 0;           ///< 1-based
  int column = 0;         ///< 0-based byte column, as Go prints it
  std::string context;    ///< the node, as Go prints it: ".Values.x", "include \"y\" ."
  std::string function;   ///< for "error calling F: …": F
  std::string cause;      ///< the innermost function error (Helm's `required` message)
};

/// The message `helm template` prints for \a error: for `required` and `fail` it is
/// "execution error at (FILE:LINE:COL): MESSAGE" with the outermost position; otherwise Go's text.
std::string HelmErrorMessage(const TemplateError& error);

/// Parsed templates sharing one namespace of names, as one Go *template.Template with its
/// associated templates. Thread-safe for concurrent Execute calls once parsing is done.
class TemplateSet {
 public:
  explicit TemplateSet(std::shared_ptr<const FunctionRegistry> functions = HelmFunctions());
  ~TemplateSet();
  TemplateSet(const TemplateSet&) = delete;
  TemplateSet& operator=(const TemplateSet&) = delete;

  /// Parses \a text as template \a name; its {{define}}s join the set. A later definition of
  /// a name replaces an earlier one (unless it is empty), as in Go; two non-empty definitions
  /// in one text are an error.
  bool Parse(const std::string& name, std::string text, TemplateError* error);
  bool Has(std::string_view name) const;
  std::vector<std::string> Names() const;
  /// Executes template \a name with \a data as dot into \a out (not null). On error, \a out
  /// holds what was written before it.
  bool Execute(std::string_view name, const Value& data, const ExecOptions& options, RenderResult* out,
               TemplateError* error) const;

  struct Impl;  // defined in src/helm/exec.h

 private:
  std::unique_ptr<Impl> impl_;
};

/// What a function can ask of the running engine.
class CallContext {
 public:
  virtual ~CallContext() = default;
  /// Runs template \a name with \a data and returns its output as a string that keeps its
  /// provenance (Helm's include). Error text as Go's ExecuteTemplate gives it.
  virtual bool Include(std::string_view name, const Value& data, Value* out, std::string* error) = 0;
  /// Parses \a text as a template named "gotpl" (Helm's root name, so errors read as Helm's),
  /// with the set's defines visible and its own defines added for the call, and runs it with
  /// \a data (Helm's tpl). Output spans point into \a text (TemplateSource::from_tpl).
  virtual bool Tpl(std::string_view text, const Value& data, Value* out, std::string* error) = 0;
  virtual const ExecOptions& options() const = 0;
  /// The next number of the render's deterministic random stream.
  virtual uint64_t NextRandom() = 0;
  /// Checks, before a function allocates \a bytes, that they fit in ExecOptions::max_bytes;
  /// false with \a error naming the limit (the function then fails with it). What a function
  /// returns is counted after the call.
  virtual bool Reserve(uint64_t bytes, std::string* error) = 0;
  /// The template executing the call, and "FILE:LINE:COL" of the call.
  virtual std::string_view TemplateName() const = 0;
  virtual std::string CallLocation() const = 0;
};

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_TEMPLATE_ENGINE_H_
