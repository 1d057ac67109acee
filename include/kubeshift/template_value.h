// kubeshift — the value model of the Go text/template engine (module helm): what templates
// compute with, printed and compared the way Go does.
#ifndef KUBESHIFT_TEMPLATE_VALUE_H_
#define KUBESHIFT_TEMPLATE_VALUE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kubeshift::tmpl {

class Value;
class HostObject;
struct Function;
struct TemplateSource;
struct CallFrame;

using ValueList = std::vector<Value>;
/// Go maps iterate and print in sorted key order; std::map with byte-wise compare gives that.
using ValueMap = std::map<std::string, Value, std::less<>>;

/// Where a run of output bytes came from. `source == nullptr` means "made by the action that
/// prints the value" (a function's own bytes, e.g. the spaces nindent adds).
struct OutputSpan {
  size_t begin = 0;   ///< first byte, in the output (or in the string that carries the span)
  size_t length = 0;
  std::shared_ptr<const TemplateSource> source;
  size_t offset = 0;  ///< literal: source offset of the first byte; else: the action's "{{"
  bool literal = false;  ///< bytes copied from template text: byte i came from offset + i
  std::shared_ptr<const CallFrame> call;  ///< include/template/tpl chain; null at top level
};

/// A string that remembers where its bytes came from (the result of `include`, and of the
/// string functions that keep provenance: indent, nindent, trim…).
struct TrackedText {
  std::string text;
  std::vector<OutputSpan> spans;  ///< sorted, covering parts of text
};

/// A dynamically typed template value. Kinds follow Go's reflect kinds as Helm sees them:
/// kInvalid is "no value" (a missing map key in the default mode), kNil is a nil interface{}
/// (a YAML null, a missing key under missingkey=zero). Maps are shared by reference, as in
/// Go: `set $d "k" 1` is seen through every copy of $d. Lists are immutable and shared.
class Value {
 public:
  enum class Kind : uint8_t { kInvalid, kNil, kBool, kInt, kInt64, kFloat, kString, kList, kMap, kObject, kFunction };

  Value() = default;
  static Value Nil();
  static Value Bool(bool b);
  static Value Int(int64_t i);    ///< Go `int`: template literals, len, int
  static Value Int64(int64_t i);  ///< Go `int64`: add, sub, int64 …
  static Value Float(double f);   ///< Go `float64`: every number read from YAML or JSON
  static Value String(std::string s);
  static Value Tracked(std::shared_ptr<const TrackedText> text);
  static Value List(ValueList items, bool of_strings = false);
  static Value Map(ValueMap entries = {});
  static Value MapRef(std::shared_ptr<ValueMap> map);
  static Value Object(std::shared_ptr<const HostObject> object);
  static Value Func(std::shared_ptr<const Function> function);

  Kind kind() const { return kind_; }
  bool IsValid() const { return kind_ != Kind::kInvalid; }
  bool IsNil() const { return kind_ == Kind::kNil; }
  /// Invalid or nil: what Go code sees as a nil interface{}.
  bool IsNilish() const { return kind_ == Kind::kInvalid || kind_ == Kind::kNil; }
  bool IsString() const { return kind_ == Kind::kString; }
  bool IsInteger() const { return kind_ == Kind::kInt || kind_ == Kind::kInt64; }
  bool IsNumber() const { return IsInteger() || kind_ == Kind::kFloat; }
  bool IsList() const { return kind_ == Kind::kList; }
  bool IsMap() const { return kind_ == Kind::kMap; }

  bool AsBool() const { return std::get<bool>(data_); }
  int64_t AsInt() const { return std::get<int64_t>(data_); }
  double AsFloat() const { return std::get<double>(data_); }
  const std::string& AsString() const;
  /// The provenance of a string, or nullptr when it has none.
  const TrackedText* tracked() const;
  const ValueList& AsList() const { return *std::get<std::shared_ptr<const ValueList>>(data_); }
  bool IsStringList() const { return of_strings_; }
  const ValueMap& AsMap() const { return *std::get<std::shared_ptr<ValueMap>>(data_); }
  /// The map itself, shared: writes are seen by every Value that refers to it.
  ValueMap& MutableMap() const { return *std::get<std::shared_ptr<ValueMap>>(data_); }
  const std::shared_ptr<ValueMap>& map_ref() const { return std::get<std::shared_ptr<ValueMap>>(data_); }
  const HostObject& AsObject() const { return *std::get<std::shared_ptr<const HostObject>>(data_); }
  const std::shared_ptr<const HostObject>& object_ref() const;
  const Function& AsFunction() const { return *std::get<std::shared_ptr<const Function>>(data_); }

  /// Go's reflect type name: "string", "int", "float64", "[]interface {}", "map[string]interface {}".
  std::string TypeName() const;
  /// Go's reflect kind name: "string", "int", "float64", "slice", "map", "bool", "invalid", "ptr".
  std::string_view KindName() const;
  /// text/template truth: false for invalid, nil, false, 0, "", empty list or map.
  bool Truth() const;
  /// Sprig's `empty`: like !Truth(), but objects (structs) are never empty.
  bool Empty() const;
  /// Length of a string, list or map; -1 for other kinds.
  int64_t Length() const;

 private:
  using Data = std::variant<std::monostate, bool, int64_t, double, std::string, std::shared_ptr<const TrackedText>,
                            std::shared_ptr<const ValueList>, std::shared_ptr<ValueMap>,
                            std::shared_ptr<const HostObject>, std::shared_ptr<const Function>>;
  Kind kind_ = Kind::kInvalid;
  bool of_strings_ = false;  // a Go []string rather than []interface {}
  Data data_;
};

/// An object supplied by the host (the chart layer): .Files, .Capabilities, semver versions.
/// Field and method lookups follow Go: methods first, then fields.
class HostObject {
 public:
  virtual ~HostObject() = default;
  /// The Go type, for typeOf and error messages, e.g. "*chartutil.Capabilities".
  virtual std::string TypeName() const = 0;
  /// The Go kind, for kindOf: "ptr" for pointers to structs, "struct" for struct values.
  virtual std::string_view KindName() const { return "ptr"; }
  /// True with \a out set when \a name is a field.
  virtual bool Field(std::string_view name, Value* out) const;
  /// The method called \a name (its signature and body), or nullptr.
  virtual const Function* Method(std::string_view name) const;
  /// Go's fmt %v form (a Stringer's String(), or the struct syntax).
  virtual void Format(std::string* out) const = 0;
  /// The value toJson/toYaml encode (Go marshals the struct's exported fields); invalid: "{}".
  virtual Value ToData() const { return Value(); }
  /// For an object of a Go map or slice type (Helm's files, chartutil.VersionSet, []byte): its
  /// elements as a map or list value, which range, len, index and truth use. Invalid for
  /// structs and pointers.
  virtual Value Elements() const { return Value(); }
  /// For a Go []byte: its bytes (Sprig's strval, printf %s); nullptr otherwise.
  virtual const std::string* Bytes() const { return nullptr; }
};

/// A Go []byte value (what .Files.GetBytes returns and .Files.Glob maps paths to): printed
/// as "[104 105]", encoded by toJson as base64, turned back into text by toString.
Value BytesValue(std::string bytes);

/// How deeply lists and maps may nest for what walks values (printing, toJson, toYaml,
/// deepCopy, eq, merge). Templates can nest values without end, or make a map hold itself with
/// `set` (Go's own printing then never ends), and every level costs C++ stack. Printing shows a
/// deeper value as "..."; toJson and toYaml fail; deepCopy shares it; eq compares it by identity.
inline constexpr int kMaxValueDepth = 1000;

/// Go reflect.DeepEqual on template values.
bool DeepEqual(const Value& a, const Value& b);
/// A copy in which every map and list is new (Sprig's deepCopy).
Value DeepCopy(const Value& v);
/// Appends Go's fmt %v form of \a v: "<nil>" for nil, "map[a:1 b:2]", "[x y]", 1e+06.
void AppendValue(const Value& v, std::string* out);
/// fmt.Sprint(v).
std::string ToString(const Value& v);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_TEMPLATE_VALUE_H_
