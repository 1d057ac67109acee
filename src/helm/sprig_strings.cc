// Sprig string functions (strings.go and functions.go): trimming, quoting, indentation.
// indent, nindent, trim, trimPrefix, trimSuffix and toString keep the provenance of their
// input, so text an include produced still maps back to its template after `| nindent 4`.
#include <algorithm>
#include <cstdint>

#include "helm/function_util.h"
#include "helm/go_format.h"
#include "helm/go_unicode.h"
#include "helm/output.h"
#include "helm/sprig_cast.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

Value Sub(const Value& s, size_t begin, size_t length) {
  TrackedBuilder b(length);
  b.AppendFrom(s, begin, length);
  return std::move(b).Build();
}

// strings.TrimSpace: Unicode white space at both ends.
Value TrimSpace(const Value& s) {
  const std::string& text = s.AsString();
  size_t begin = 0, end = text.size();
  while (begin < end) {
    int w = 1;
    if (!IsSpaceRune(DecodeRune(text, begin, &w))) break;
    begin += static_cast<size_t>(w);
  }
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    int w = 1;
    if (!IsSpaceRune(DecodeRune(text, start, &w))) break;
    end = start;
  }
  return Sub(s, begin, end - begin);
}

// strings.Trim(s, cutset): runes of cutset removed from both ends.
std::string TrimCutset(const std::string& s, const std::string& cutset) {
  auto in_set = [&](uint32_t r) {
    for (size_t i = 0; i < cutset.size();) {
      int w = 1;
      if (DecodeRune(cutset, i, &w) == r) return true;
      i += static_cast<size_t>(w);
    }
    return false;
  };
  size_t begin = 0, end = s.size();
  while (begin < end) {
    int w = 1;
    if (!in_set(DecodeRune(s, begin, &w))) break;
    begin += static_cast<size_t>(w);
  }
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    int w = 1;
    if (!in_set(DecodeRune(s, start, &w))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

Value Indent(int64_t spaces, const Value& v, bool leading_newline) {
  const std::string pad(static_cast<size_t>(std::max<int64_t>(spaces, 0)), ' ');
  const std::string& text = v.AsString();
  TrackedBuilder b(text.size() + pad.size() * 4 + 1);
  if (leading_newline) b.AppendNew("\n");
  b.AppendNew(pad);
  size_t at = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', at)) {
    b.AppendFrom(v, at, nl + 1 - at);
    b.AppendNew(pad);
    at = nl + 1;
  }
  b.AppendFrom(v, at, text.size() - at);
  return std::move(b).Build();
}

std::string ReplaceAll(const std::string& src, const std::string& from, const std::string& to) {
  if (from.empty()) {
    // strings.Replace with an empty old inserts `to` before every rune and at the end.
    std::string out = to;
    for (size_t i = 0; i < src.size();) {
      int w = 1;
      DecodeRune(src, i, &w);
      out.append(src, i, static_cast<size_t>(w));
      out += to;
      i += static_cast<size_t>(w);
    }
    return out;
  }
  std::string out;
  out.reserve(src.size());
  size_t at = 0;
  for (size_t hit = src.find(from); hit != std::string::npos; hit = src.find(from, at)) {
    out.append(src, at, hit - at);
    out += to;
    at = hit + from.size();
  }
  out.append(src, at);
  return out;
}

bool Substr(CallContext&, Args a, Value* out, std::string* e) {
  const int64_t start = a[0].AsInt(), end = a[1].AsInt();
  const std::string& s = a[2].AsString();
  const auto len = static_cast<int64_t>(s.size());
  if (start < 0) {
    if (end < 0 || end > len) {
      return Fail(e, "runtime error: slice bounds out of range [:" + std::to_string(end) + "] with length " +
                         std::to_string(len));
    }
    *out = Value::String(s.substr(0, static_cast<size_t>(end)));
  } else if (end < 0 || end > len) {
    if (start > len) {
      return Fail(e, "runtime error: slice bounds out of range [" + std::to_string(start) + ":" + std::to_string(len) + "]");
    }
    *out = Value::String(s.substr(static_cast<size_t>(start)));
  } else {
    if (start > end) {
      return Fail(e, "runtime error: slice bounds out of range [" + std::to_string(start) + ":" + std::to_string(end) + "]");
    }
    *out = Value::String(s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
  }
  return true;
}

Value Quote(Args a, bool single) {
  std::string out;
  bool first = true;
  for (const Value& v : a) {
    if (v.IsNilish()) continue;  // nil arguments are skipped, not quoted
    if (!first) out.push_back(' ');
    first = false;
    out += single ? "'" + ToString(v) + "'" : QuoteGo(Strval(v));
  }
  return Value::String(std::move(out));
}

}  // namespace

void AddSprigStrings(FunctionRegistry* r) {
  r->Add(Pure("trunc", {P::kInt, P::kString}, [](Args a) {
    const int64_t c = a[0].AsInt();
    const std::string& s = a[1].AsString();
    const auto len = static_cast<int64_t>(s.size());
    if (c < 0 && len + c > 0) return Sub(a[1], static_cast<size_t>(len + c), static_cast<size_t>(-c));
    if (c >= 0 && len > c) return Sub(a[1], 0, static_cast<size_t>(c));
    return a[1];
  }));
  r->Add(Pure("trim", {P::kString}, [](Args a) { return TrimSpace(a[0]); }));
  r->Add(Pure("upper", {P::kString}, [](Args a) { return Value::String(ToUpper(a[0].AsString())); }));
  r->Add(Pure("lower", {P::kString}, [](Args a) { return Value::String(ToLower(a[0].AsString())); }));
  r->Add(Fn("substr", {P::kInt, P::kInt, P::kString}, Substr));
  r->Add(Fn("repeat", {P::kInt, P::kString}, [](CallContext& ctx, Args a, Value* out, std::string* e) {
    const int64_t count = a[0].AsInt();
    const std::string& unit = a[1].AsString();
    if (count < 0) return Fail(e, "strings: negative Repeat count");
    if (!unit.empty() && static_cast<uint64_t>(count) > INT64_MAX / unit.size()) {  // Go's int
      return Fail(e, "strings: Repeat output length overflow");
    }
    if (!ctx.Reserve(static_cast<uint64_t>(count) * unit.size(), e)) return false;
    std::string s;
    s.reserve(static_cast<size_t>(count) * unit.size());
    for (int64_t i = 0; i < count; ++i) s += unit;
    *out = Value::String(std::move(s));
    return true;
  }));
  for (const char* name : {"trimall", "trimAll"}) {
    r->Add(Pure(name, {P::kString, P::kString}, [](Args a) {
      return Value::String(TrimCutset(a[1].AsString(), a[0].AsString()));
    }));
  }
  r->Add(Pure("trimSuffix", {P::kString, P::kString}, [](Args a) {
    const std::string& s = a[1].AsString();
    return s.ends_with(a[0].AsString()) ? Sub(a[1], 0, s.size() - a[0].AsString().size()) : a[1];
  }));
  r->Add(Pure("trimPrefix", {P::kString, P::kString}, [](Args a) {
    const std::string& s = a[1].AsString();
    const size_t n = a[0].AsString().size();
    return s.starts_with(a[0].AsString()) ? Sub(a[1], n, s.size() - n) : a[1];
  }));
  r->Add(Pure("contains", {P::kString, P::kString}, [](Args a) {
    return Value::Bool(a[1].AsString().find(a[0].AsString()) != std::string::npos);
  }));
  r->Add(Pure("hasPrefix", {P::kString, P::kString}, [](Args a) { return Value::Bool(a[1].AsString().starts_with(a[0].AsString())); }));
  r->Add(Pure("hasSuffix", {P::kString, P::kString}, [](Args a) { return Value::Bool(a[1].AsString().ends_with(a[0].AsString())); }));
  r->Add(Pure("quote", {P::kAny}, [](Args a) { return Quote(a, false); }, true));
  r->Add(Pure("squote", {P::kAny}, [](Args a) { return Quote(a, true); }, true));
  r->Add(Pure("cat", {P::kAny}, [](Args a) {
    std::string out;
    bool first = true;
    for (const Value& v : a) {
      if (v.IsNilish()) continue;
      if (!first) out.push_back(' ');
      first = false;
      AppendValue(v, &out);
    }
    return Value::String(std::move(out));
  }, true));
  for (const bool leading_newline : {false, true}) {
    r->Add(Fn(leading_newline ? "nindent" : "indent", {P::kInt, P::kString},
              [leading_newline](CallContext& ctx, Args a, Value* out, std::string* e) {
      // The padding goes on every line: check its total before making it.
      const uint64_t spaces = static_cast<uint64_t>(std::max<int64_t>(a[0].AsInt(), 0));
      const std::string& text = a[1].AsString();
      const uint64_t lines = 1 + static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n'));
      if (!ctx.Reserve(spaces > UINT64_MAX / lines ? UINT64_MAX : spaces * lines, e)) return false;
      *out = Indent(a[0].AsInt(), a[1], leading_newline);
      return true;
    }));
  }
  r->Add(Pure("replace", {P::kString, P::kString, P::kString}, [](Args a) {
    return Value::String(ReplaceAll(a[2].AsString(), a[0].AsString(), a[1].AsString()));
  }));
  r->Add(Pure("plural", {P::kString, P::kString, P::kInt}, [](Args a) { return a[2].AsInt() == 1 ? a[0] : a[1]; }));
  r->Add(Pure("toString", {P::kAny}, [](Args a) { return a[0].IsString() ? a[0] : Value::String(Strval(a[0])); }));
}

}  // namespace kubeshift::tmpl
