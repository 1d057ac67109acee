// Validation of template values against a schema document, keyword by keyword in the order
// and with the error tree of santhosh-tekuri/jsonschema v6 (what Helm 3.19+ and 4 run).
// Where v6 iterates a Go map (object properties, dependencies), the order here is sorted
// (properties) or document order (schema maps), so output is stable.
#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "jsonschema/schema_internal.h"

namespace kubeshift::jsonschema {
namespace {

using tmpl::Value;

// std::regex matches recursively: past some tens of kilobytes of text it overflows the stack.
// Longer strings are not matched, and the result says so.
constexpr size_t kMaxPatternText = 8192;

std::string EscapeToken(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

std::string Child(const std::string& loc, std::string_view token) { return loc + "/" + EscapeToken(token); }

std::string JoinQuoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + Quote(n);
  return out;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A non-negative integer keyword ("minItems": 2); false when absent or not a number.
bool Count(const JValue& s, std::string_view key, double* out) {
  const JValue* v = Member(s, key);
  if (v == nullptr || !v->IsNumber()) return false;
  *out = v->GetDouble();
  return true;
}

// v6 prints counts with %d.
std::string CountText(double d) {
  return std::trunc(d) == d && std::fabs(d) < 1e18 ? std::to_string(static_cast<long long>(d)) : FormatNumber(d);
}

class Validator {
 public:
  Validator(const Schema::Impl& impl, ValidationResult* result) : root_(impl.doc), draft_(impl.draft), result_(result) {}

  std::optional<Violation> Check(const JValue& s, const Value& v, const std::string& loc);
  void Finish();

 private:
  using Errors = std::vector<Violation>;

  static Violation Error(const std::string& loc, std::string message, Errors causes = {}) {
    Violation out{loc, std::move(message), std::move(causes)};
    return out;
  }
  void Add(Errors* errors, std::optional<Violation> v) {
    if (v) errors->push_back(std::move(*v));
  }
  std::optional<Violation> CheckType(const JValue& s, const Value& v, const std::string& loc);
  std::optional<Violation> CheckRef(const JValue& ref_value, const Value& v, const std::string& loc);
  void CheckObject(const JValue& s, const Value& v, const std::string& loc, Errors* errors);
  void CheckDependencies(const JValue& deps, bool schemas_only, bool required_only, const Value& v,
                         const std::string& loc, Errors* errors);
  void CheckArray(const JValue& s, const Value& v, const std::string& loc, Errors* errors);
  void CheckContains(const JValue& s, const Value& v, const std::string& loc, Errors* errors);
  void CheckString(const JValue& s, const Value& v, const std::string& loc, Errors* errors);
  void CheckNumber(const JValue& s, const Value& v, const std::string& loc, Errors* errors);
  void CheckCombinators(const JValue& s, const Value& v, const std::string& loc, Errors* errors);
  bool Matches(const std::string& pattern, const std::string& text);

  const JValue& root_;
  int draft_;
  ValidationResult* result_;
  std::vector<std::pair<const JValue*, const Value*>> stack_;  // schemas applied, for $ref cycles
  std::map<std::string, std::regex> regexes_;
  std::map<std::string, std::set<std::string>> unresolved_;  // $ref → value locations
  std::map<std::string, std::set<std::string>> long_strings_;  // pattern → value locations
};

std::optional<Violation> Validator::Check(const JValue& s, const Value& v, const std::string& loc) {
  if (s.IsBool()) {
    if (s.GetBool()) return std::nullopt;
    return Error(loc, "false schema");
  }
  if (!s.IsObject() || !result_->schema_error.empty()) return std::nullopt;
  if (stack_.size() > 1000) {
    result_->schema_error = "schema applications nested deeper than 1000 levels";
    return std::nullopt;
  }
  stack_.emplace_back(&s, &v);
  struct Pop {
    std::vector<std::pair<const JValue*, const Value*>>* stack;
    ~Pop() { stack->pop_back(); }
  } pop{&stack_};

  // Before 2019-09 every keyword beside $ref is ignored, type included.
  if (const JValue* ref = Member(s, "$ref"); ref && draft_ < 2019) return CheckRef(*ref, v, loc);
  // type, const, enum and format fail alone: v6 returns before any other keyword.
  if (auto e = CheckType(s, v, loc)) return e;
  if (const JValue* c = Member(s, "const"); c && draft_ >= 6 && !Equal(v, *c)) {
    return Error(loc, c->IsArray() || c->IsObject() ? "const failed" : "value must be " + Display(*c));
  }
  if (const JValue* e = Member(s, "enum"); e && e->IsArray()) {
    bool matched = false, primitive = true;
    std::string want;
    for (const JValue& item : e->GetArray()) {
      matched = matched || Equal(v, item);
      primitive = primitive && !item.IsArray() && !item.IsObject();
      want += (want.empty() ? "" : ", ") + Display(item);
    }
    if (!matched) {
      if (!primitive) return Error(loc, "enum failed");
      return Error(loc, e->Size() == 1 ? "value must be " + want : "value must be one of " + want);
    }
  }
  if (const JValue* f = Member(s, "format"); f && f->IsString() && draft_ < 2019 && v.IsString()) {
    if (auto reason = CheckFormat(Str(*f), v.AsString()); reason && !reason->empty()) {
      return Error(loc, DisplayValue(v) + " is not valid " + std::string(Str(*f)) + ": " + *reason);
    }
  }
  Errors errors;
  if (const JValue* ref = Member(s, "$ref")) Add(&errors, CheckRef(*ref, v, loc));
  if (v.IsMap()) CheckObject(s, v, loc, &errors);
  else if (v.IsList()) CheckArray(s, v, loc, &errors);
  else if (v.IsString()) CheckString(s, v, loc, &errors);
  else if (v.IsNumber()) CheckNumber(s, v, loc, &errors);
  if (const JValue* ref = Member(s, "$recursiveRef"); ref && draft_ == 2019) Add(&errors, CheckRef(*ref, v, loc));
  if (const JValue* ref = Member(s, "$dynamicRef"); ref && draft_ >= 2020) Add(&errors, CheckRef(*ref, v, loc));
  CheckCombinators(s, v, loc, &errors);
  if (errors.empty()) return std::nullopt;
  if (errors.size() == 1) return std::move(errors.front());
  Violation group = Error(loc, "validation failed", std::move(errors));
  group.group = true;
  return group;
}

std::optional<Violation> Validator::CheckType(const JValue& s, const Value& v, const std::string& loc) {
  const JValue* type = Member(s, "type");
  if (type == nullptr) return std::nullopt;
  static const char* const kOrder[] = {"null", "boolean", "number", "integer", "string", "array", "object"};
  std::set<std::string_view> wanted;
  if (type->IsString()) wanted.insert(Str(*type));
  if (type->IsArray()) {
    for (const JValue& t : type->GetArray()) {
      if (t.IsString()) wanted.insert(Str(t));
    }
  }
  std::vector<std::string> want;
  for (const char* t : kOrder) {
    if (wanted.count(t)) want.push_back(t);
  }
  if (want.empty()) return std::nullopt;
  const std::string got = TypeOf(v);
  if (got.empty()) return Error(loc, "invalid jsonType " + v.TypeName());
  if (wanted.count(got) || (wanted.count("integer") && got == "number" && IsIntegral(v))) return std::nullopt;
  std::string text;
  for (const std::string& w : want) text += (text.empty() ? "" : " or ") + w;
  return Error(loc, "got " + got + ", want " + text);
}

// $ref, and $recursiveRef/$dynamicRef, which within one document (no $id) resolve as $ref does.
std::optional<Violation> Validator::CheckRef(const JValue& ref_value, const Value& v, const std::string& loc) {
  if (!ref_value.IsString()) return std::nullopt;
  const std::string ref(Str(ref_value));
  if (!ref.starts_with('#')) {
    unresolved_[ref].insert(loc);
    return std::nullopt;
  }
  const JValue* target = ResolveFragment(root_, ref, draft_);
  if (target == nullptr) {
    if (result_->schema_error.empty()) result_->schema_error = "$ref " + Quote(ref) + " not found in the schema";
    return std::nullopt;
  }
  for (const auto& [schema, value] : stack_) {
    if (schema == target && value == &v) return Error(loc, "$ref " + Quote(ref) + " causes a reference cycle");
  }
  auto e = Check(*target, v, loc);
  if (!e) return std::nullopt;
  Violation wrapper = Error(loc, "validation failed");
  wrapper.reference = true;
  if (e->group) wrapper.causes = std::move(e->causes);
  else wrapper.causes.push_back(std::move(*e));
  return wrapper;
}

void Validator::CheckObject(const JValue& s, const Value& v, const std::string& loc, Errors* errors) {
  const tmpl::ValueMap& obj = v.AsMap();
  double n = 0;
  if (Count(s, "minProperties", &n) && obj.size() < n) {
    errors->push_back(Error(loc, "minProperties: got " + std::to_string(obj.size()) + ", want " + CountText(n)));
  }
  if (Count(s, "maxProperties", &n) && obj.size() > n) {
    errors->push_back(Error(loc, "maxProperties: got " + std::to_string(obj.size()) + ", want " + CountText(n)));
  }
  if (const JValue* req = Member(s, "required"); req && req->IsArray()) {
    std::vector<std::string> missing;
    for (const JValue& name : req->GetArray()) {
      if (name.IsString() && !obj.count(Str(name))) missing.emplace_back(Str(name));
    }
    if (missing.size() == 1) errors->push_back(Error(loc, "missing property " + Quote(missing[0])));
    if (missing.size() > 1) errors->push_back(Error(loc, "missing properties " + JoinQuoted(missing)));
  }
  if (const JValue* deps = Member(s, "dependencies"); deps && deps->IsObject()) {
    CheckDependencies(*deps, false, false, v, loc, errors);
  }
  const JValue* props = Member(s, "properties");
  const JValue* patterns = Member(s, "patternProperties");
  const JValue* additional = Member(s, "additionalProperties");
  std::vector<std::string> extra;
  for (const auto& [name, value] : obj) {
    bool evaluated = false;
    if (props && props->IsObject()) {
      if (const JValue* sub = Member(*props, name)) {
        evaluated = true;
        Add(errors, Check(*sub, value, Child(loc, name)));
      }
    }
    if (patterns && patterns->IsObject()) {
      for (const auto& m : patterns->GetObject()) {
        if (name.size() > kMaxPatternText) {
          long_strings_[std::string(Str(m.name))].insert(Child(loc, name.substr(0, 64) + "..."));
          continue;
        }
        if (!Matches(std::string(Str(m.name)), name)) continue;
        evaluated = true;
        Add(errors, Check(m.value, value, Child(loc, name)));
      }
    }
    if (!evaluated && additional) {
      if (additional->IsBool() && !additional->GetBool()) extra.push_back(name);
      else if (additional->IsObject()) Add(errors, Check(*additional, value, Child(loc, name)));
    }
  }
  if (!extra.empty()) errors->push_back(Error(loc, "additional properties " + JoinQuoted(extra) + " not allowed"));
  if (draft_ == 4) return;
  if (const JValue* names = Member(s, "propertyNames")) {
    for (const auto& [name, value] : obj) {
      const Value key = Value::String(name);
      auto e = Check(*names, key, "");
      if (!e) continue;
      Violation wrapper = Error(loc, "invalid property " + Quote(name));
      if (e->group) wrapper.causes = std::move(e->causes);
      else wrapper.causes.push_back(std::move(*e));
      errors->push_back(std::move(wrapper));
    }
  }
  if (draft_ < 2019) return;
  if (const JValue* deps = Member(s, "dependentSchemas"); deps && deps->IsObject()) {
    CheckDependencies(*deps, true, false, v, loc, errors);
  }
  if (const JValue* deps = Member(s, "dependentRequired"); deps && deps->IsObject()) {
    CheckDependencies(*deps, false, true, v, loc, errors);
  }
}

// dependencies (arrays or schemas), dependentSchemas, dependentRequired: in document order.
void Validator::CheckDependencies(const JValue& deps, bool schemas_only, bool required_only, const Value& v,
                                  const std::string& loc, Errors* errors) {
  const tmpl::ValueMap& obj = v.AsMap();
  for (const auto& m : deps.GetObject()) {
    if (!obj.count(Str(m.name))) continue;
    if (m.value.IsArray() && !schemas_only) {
      std::vector<std::string> missing;
      for (const JValue& name : m.value.GetArray()) {
        if (name.IsString() && !obj.count(Str(name))) missing.emplace_back(Str(name));
      }
      if (!missing.empty()) {
        errors->push_back(Error(loc, "properties " + JoinQuoted(missing) + " required, if " +
                                         Quote(Str(m.name)) + " exists"));
      }
    } else if ((m.value.IsObject() || m.value.IsBool()) && !required_only) {
      Add(errors, Check(m.value, v, loc));
    }
  }
}

void Validator::CheckArray(const JValue& s, const Value& v, const std::string& loc, Errors* errors) {
  const tmpl::ValueList& arr = v.AsList();
  double n = 0;
  if (Count(s, "minItems", &n) && arr.size() < n) {
    errors->push_back(Error(loc, "minItems: got " + std::to_string(arr.size()) + ", want " + CountText(n)));
  }
  if (Count(s, "maxItems", &n) && arr.size() > n) {
    errors->push_back(Error(loc, "maxItems: got " + std::to_string(arr.size()) + ", want " + CountText(n)));
  }
  if (const JValue* u = Member(s, "uniqueItems"); u && u->IsBool() && u->GetBool()) {
    bool found = false;  // v6 reports the first later item that equals an earlier one
    for (size_t j = 1; j < arr.size() && !found; ++j) {
      for (size_t i = 0; i < j && !found; ++i) {
        if (!Equal(arr[i], arr[j])) continue;
        found = true;
        errors->push_back(Error(loc, "items at " + std::to_string(i) + " and " + std::to_string(j) + " are equal"));
      }
    }
  }
  const JValue* items = Member(s, "items");
  size_t evaluated = 0;
  if (items && items->IsArray()) {  // the tuple form (drafts 4 to 2019-09)
    evaluated = std::min<size_t>(arr.size(), items->Size());
    for (size_t i = 0; i < evaluated; ++i) {
      Add(errors, Check((*items)[static_cast<rapidjson::SizeType>(i)], arr[i], Child(loc, std::to_string(i))));
    }
    if (const JValue* more = Member(s, "additionalItems")) {
      if (more->IsBool() && !more->GetBool() && evaluated != arr.size()) {
        errors->push_back(Error(loc, "last " + std::to_string(arr.size() - evaluated) + " additionalItem(s) not allowed"));
      } else if (more->IsObject()) {
        for (size_t i = evaluated; i < arr.size(); ++i) Add(errors, Check(*more, arr[i], Child(loc, std::to_string(i))));
      }
    }
  } else {
    const JValue* prefix = draft_ >= 2020 ? Member(s, "prefixItems") : nullptr;
    if (prefix && prefix->IsArray()) {
      evaluated = std::min<size_t>(arr.size(), prefix->Size());
      for (size_t i = 0; i < evaluated; ++i) {
        Add(errors, Check((*prefix)[static_cast<rapidjson::SizeType>(i)], arr[i], Child(loc, std::to_string(i))));
      }
    }
    if (items) {
      for (size_t i = evaluated; i < arr.size(); ++i) Add(errors, Check(*items, arr[i], Child(loc, std::to_string(i))));
    }
  }
  if (draft_ >= 6) CheckContains(s, v, loc, errors);
}

void Validator::CheckContains(const JValue& s, const Value& v, const std::string& loc, Errors* errors) {
  const JValue* contains = Member(s, "contains");
  if (contains == nullptr) return;
  const tmpl::ValueList& arr = v.AsList();
  Errors failures;
  std::vector<size_t> matched;
  for (size_t i = 0; i < arr.size(); ++i) {
    if (auto e = Check(*contains, arr[i], Child(loc, std::to_string(i)))) failures.push_back(std::move(*e));
    else matched.push_back(i);
  }
  std::string at;
  for (size_t i : matched) at += (at.empty() ? "" : " ") + std::to_string(i);
  double n = 0;
  if (draft_ >= 2019 && Count(s, "minContains", &n)) {
    if (matched.size() < n) {
      const std::string want = CountText(n);
      errors->push_back(Error(loc, matched.empty() ? "min " + want + " items required to match contains schema, but none matched"
                                                   : "min " + want + " items required to match contains schema, but matched " +
                                                         std::to_string(matched.size()) + " items at " + at,
                              std::move(failures)));
    }
  } else if (matched.empty()) {
    errors->push_back(Error(loc, "no items match contains schema", std::move(failures)));
  }
  if (draft_ >= 2019 && Count(s, "maxContains", &n) && matched.size() > n) {
    errors->push_back(Error(loc, "max " + CountText(n) + " items required to match contains schema, but matched " +
                                     std::to_string(matched.size()) + " items at " + at));
  }
}

void Validator::CheckString(const JValue& s, const Value& v, const std::string& loc, Errors* errors) {
  const std::string& str = v.AsString();
  double n = 0;
  if (Count(s, "minLength", &n) && CodePoints(str) < n) {
    errors->push_back(Error(loc, "minLength: got " + std::to_string(CodePoints(str)) + ", want " + CountText(n)));
  }
  if (Count(s, "maxLength", &n) && CodePoints(str) > n) {
    errors->push_back(Error(loc, "maxLength: got " + std::to_string(CodePoints(str)) + ", want " + CountText(n)));
  }
  const JValue* p = Member(s, "pattern");
  if (p && p->IsString() && str.size() > kMaxPatternText) {
    long_strings_[std::string(Str(*p))].insert(loc);
  } else if (p && p->IsString() && !Matches(std::string(Str(*p)), str)) {
    if (result_->schema_error.empty()) errors->push_back(Error(loc, Quote(str) + " does not match pattern " + Quote(Str(*p))));
  }
}

void Validator::CheckNumber(const JValue& s, const Value& v, const std::string& loc, Errors* errors) {
  const double x = NumberOf(v);
  const std::string got = v.IsInteger() ? std::to_string(v.AsInt()) : FormatNumber(x);
  auto number = [&](std::string_view key, double* out) {
    const JValue* k = Member(s, key);
    if (k == nullptr || !k->IsNumber()) return false;
    *out = k->GetDouble();
    return true;
  };
  // Draft 4's boolean exclusiveMinimum/exclusiveMaximum turn minimum/maximum exclusive (v6
  // reads the boolean form in every draft).
  auto flag = [&](std::string_view key) {
    const JValue* k = Member(s, key);
    return k && k->IsBool() && k->GetBool();
  };
  double bound = 0;
  const bool excl_min = flag("exclusiveMinimum"), excl_max = flag("exclusiveMaximum");
  if (!excl_min && number("minimum", &bound) && x < bound) {
    errors->push_back(Error(loc, "minimum: got " + got + ", want " + FormatNumber(bound)));
  }
  if (!excl_max && number("maximum", &bound) && x > bound) {
    errors->push_back(Error(loc, "maximum: got " + got + ", want " + FormatNumber(bound)));
  }
  if ((excl_min ? number("minimum", &bound) : number("exclusiveMinimum", &bound)) && x <= bound) {
    errors->push_back(Error(loc, "exclusiveMinimum: got " + got + ", want " + FormatNumber(bound)));
  }
  if ((excl_max ? number("maximum", &bound) : number("exclusiveMaximum", &bound)) && x >= bound) {
    errors->push_back(Error(loc, "exclusiveMaximum: got " + got + ", want " + FormatNumber(bound)));
  }
  if (number("multipleOf", &bound) && bound > 0) {
    const double q = x / bound;
    if (!std::isfinite(q) || std::fabs(q - std::nearbyint(q)) > 1e-9 * std::max(1.0, std::fabs(q))) {
      errors->push_back(Error(loc, "multipleOf: got " + got + ", want " + FormatNumber(bound)));
    }
  }
}

void Validator::CheckCombinators(const JValue& s, const Value& v, const std::string& loc, Errors* errors) {
  if (const JValue* no = Member(s, "not"); no && !Check(*no, v, loc)) errors->push_back(Error(loc, "not failed"));
  if (const JValue* all = Member(s, "allOf"); all && all->IsArray()) {
    Errors failures;
    for (const JValue& sub : all->GetArray()) Add(&failures, Check(sub, v, loc));
    if (!failures.empty()) errors->push_back(Error(loc, "allOf failed", std::move(failures)));
  }
  if (const JValue* any = Member(s, "anyOf"); any && any->IsArray() && !any->Empty()) {
    Errors failures;
    bool matched = false;
    for (const JValue& sub : any->GetArray()) {
      auto e = Check(sub, v, loc);
      if (!e) {
        matched = true;
        break;
      }
      failures.push_back(std::move(*e));
    }
    if (!matched) errors->push_back(Error(loc, "anyOf failed", std::move(failures)));
  }
  if (const JValue* one = Member(s, "oneOf"); one && one->IsArray() && !one->Empty()) {
    Errors failures;
    int matched = -1;
    for (rapidjson::SizeType i = 0; i < one->Size(); ++i) {
      auto e = Check((*one)[i], v, loc);
      if (e && matched == -1) failures.push_back(std::move(*e));
      if (e) continue;
      if (matched != -1) {
        errors->push_back(Error(loc, "oneOf failed, subschemas " + std::to_string(matched) + ", " + std::to_string(i) + " matched"));
        break;
      }
      matched = static_cast<int>(i);
    }
    if (matched == -1) errors->push_back(Error(loc, "oneOf failed, none matched", std::move(failures)));
  }
  if (draft_ < 7) return;
  if (const JValue* cond = Member(s, "if")) {
    const JValue* branch = Member(s, Check(*cond, v, loc) ? "else" : "then");
    if (branch) Add(errors, Check(*branch, v, loc));
  }
}

// Patterns are not anchored: a match anywhere in the string counts.
bool Validator::Matches(const std::string& pattern, const std::string& text) {
  auto it = regexes_.find(pattern);
  if (it == regexes_.end()) {
    try {
      it = regexes_.emplace(pattern, CompileRe2(pattern)).first;
    } catch (const std::regex_error& e) {
      if (result_->schema_error.empty()) result_->schema_error = "invalid regular expression " + Quote(pattern) + ": " + e.what();
      return false;
    }
  }
  try {
    return std::regex_search(text, it->second);
  } catch (const std::regex_error& e) {
    if (result_->schema_error.empty()) result_->schema_error = "regular expression " + Quote(pattern) + " failed: " + e.what();
    return false;
  }
}

void Validator::Finish() {
  for (const auto& [ref, locations] : unresolved_) {
    std::string where;
    for (const std::string& l : locations) where += (where.empty() ? "" : ", ") + Quote(l);
    result_->not_validated.push_back("$ref " + Quote(ref) + " was not followed (only references inside the schema are "
                                  "resolved, nothing is fetched): the values at " + where + " were not validated against it");
  }
  for (const auto& [pattern, locations] : long_strings_) {
    std::string where;
    for (const std::string& l : locations) where += (where.empty() ? "" : ", ") + Quote(l);
    result_->not_validated.push_back("pattern " + Quote(pattern) + " was not checked on the strings at " + where +
                                     ": longer than " + std::to_string(kMaxPatternText) + " bytes");
  }
}

}  // namespace

ValidationResult Schema::Validate(const Value& instance) const {
  ValidationResult result;
  if (!impl_) return result;
  Validator validator(*impl_, &result);
  auto e = validator.Check(impl_->doc, instance, "");
  validator.Finish();
  if (!result.schema_error.empty()) return result;
  if (e && e->group) result.violations = std::move(e->causes);
  else if (e) result.violations.push_back(std::move(*e));
  return result;
}

}  // namespace kubeshift::jsonschema
