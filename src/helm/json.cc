// JSON in and out, as Go's encoding/json does it: sorted keys, HTML-safe escaping, Go's float
// forms; decoding makes every number a float64.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cctype>
#include <cmath>
#include <cstdio>

#include "helm/go_format.h"
#include "helm/go_unicode.h"
#include "kubeshift/template_data.h"

namespace kubeshift::tmpl {
namespace {

void AppendJsonString(std::string_view s, bool escape_html, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': *out += "\\\""; break;
        case '\\': *out += "\\\\"; break;
        case '\n': *out += "\\n"; break;
        case '\r': *out += "\\r"; break;
        case '\t': *out += "\\t"; break;
        case '\b': *out += "\\b"; break;
        case '\f': *out += "\\f"; break;
        default:
          if (c < 0x20 || (escape_html && (c == '<' || c == '>' || c == '&'))) {
            *out += "\\u00";
            out->push_back(kHex[c >> 4]);
            out->push_back(kHex[c & 15]);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    int w = 1;
    const uint32_t r = DecodeRune(s, i, &w);
    if (r == kRuneError && w == 1) {
      *out += "\\ufffd";  // invalid UTF-8
    } else if (r == 0x2028 || r == 0x2029) {
      *out += r == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out->append(s.substr(i, static_cast<size_t>(w)));
    }
    i += static_cast<size_t>(w);
  }
  out->push_back('"');
}

class JsonWriter {
 public:
  JsonWriter(JsonStyle style, std::string* out) : style_(style), out_(out) {}

  bool Write(const Value& v, int depth) {
    switch (v.kind()) {
      case Value::Kind::kInvalid:
      case Value::Kind::kNil: *out_ += "null"; return true;
      case Value::Kind::kBool: *out_ += v.AsBool() ? "true" : "false"; return true;
      case Value::Kind::kInt:
      case Value::Kind::kInt64: *out_ += std::to_string(v.AsInt()); return true;
      case Value::Kind::kFloat:
        if (std::isnan(v.AsFloat()) || std::isinf(v.AsFloat())) {
          error_ = "json: unsupported value: " + FormatFloat(v.AsFloat(), 'g', -1);
          return false;
        }
        *out_ += FormatJsonFloat(v.AsFloat());
        return true;
      case Value::Kind::kString: AppendJsonString(v.AsString(), style_ != JsonStyle::kRaw, out_); return true;
      case Value::Kind::kList: return WriteList(v.AsList(), depth);
      case Value::Kind::kMap: return WriteMap(v.AsMap(), depth);
      case Value::Kind::kObject: {
        const Value data = v.AsObject().ToData();
        if (!data.IsValid()) {
          *out_ += "{}";
          return true;
        }
        return Write(data, depth);
      }
      case Value::Kind::kFunction:
        error_ = "json: unsupported type: " + v.TypeName();
        return false;
    }
    return true;
  }
  const std::string& error() const { return error_; }

 private:
  void Newline(int depth) {
    if (style_ != JsonStyle::kPretty) return;
    out_->push_back('\n');
    out_->append(static_cast<size_t>(depth) * 2, ' ');
  }
  // Go's encoder fails on a map that holds itself; this also stops at a depth no chart needs.
  bool TooDeep(int depth) {
    if (depth < kMaxValueDepth) return false;
    error_ = JsonTooDeepMessage();
    return true;
  }
  bool WriteList(const ValueList& items, int depth) {
    if (TooDeep(depth)) return false;
    out_->push_back('[');
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_->push_back(',');
      Newline(depth + 1);
      if (!Write(items[i], depth + 1)) return false;
    }
    if (!items.empty()) Newline(depth);
    out_->push_back(']');
    return true;
  }
  bool WriteMap(const ValueMap& map, int depth) {
    if (TooDeep(depth)) return false;
    out_->push_back('{');
    bool first = true;
    for (const auto& [key, value] : map) {
      if (!first) out_->push_back(',');
      first = false;
      Newline(depth + 1);
      AppendJsonString(key, style_ != JsonStyle::kRaw, out_);
      *out_ += style_ == JsonStyle::kPretty ? ": " : ":";
      if (!Write(value, depth + 1)) return false;
    }
    if (!map.empty()) Newline(depth);
    out_->push_back('}');
    return true;
  }

  JsonStyle style_;
  std::string* out_;
  std::string error_;
};

Value FromRapid(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return Value::Nil();
    case rapidjson::kFalseType: return Value::Bool(false);
    case rapidjson::kTrueType: return Value::Bool(true);
    case rapidjson::kNumberType: return Value::Float(v.GetDouble());
    case rapidjson::kStringType: return Value::String(std::string(v.GetString(), v.GetStringLength()));
    case rapidjson::kArrayType: {
      ValueList items;
      items.reserve(v.Size());
      for (const auto& item : v.GetArray()) items.push_back(FromRapid(item));
      return Value::List(std::move(items));
    }
    case rapidjson::kObjectType: {
      ValueMap map;
      for (const auto& member : v.GetObject()) {
        map.insert_or_assign(std::string(member.name.GetString(), member.name.GetStringLength()), FromRapid(member.value));
      }
      return Value::Map(std::move(map));
    }
  }
  return Value::Nil();
}

// Go's quoteChar, as its JSON syntax errors print the offending byte.
std::string QuoteChar(unsigned char c) {
  if (c == '\'') return "'\\''";
  if (c == '"') return "'\"'";
  std::string quoted = QuoteGo(std::string(1, static_cast<char>(c)));
  return "'" + quoted.substr(1, quoted.size() - 2) + "'";
}

// The syntax error Go's encoding/json scanner reports for \a text (checkValid runs before
// decoding), in Go's words. Empty when the text is valid JSON.
class GoJsonSyntax {
 public:
  explicit GoJsonSyntax(std::string_view text) : s_(text) {}
  std::string Check() {
    if (Value() && (SkipSpace(), i_ < s_.size())) Fail("after top-level value");
    return error_;
  }

 private:
  bool Eof() { return i_ >= s_.size() ? (error_ = "unexpected end of JSON input", true) : false; }
  bool Fail(const char* context) {
    error_ = "invalid character " + QuoteChar(static_cast<unsigned char>(s_[i_])) + " " + context;
    return false;
  }
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Digits() {
    const size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }
  bool Value() {
    SkipSpace();
    if (Eof()) return false;
    switch (s_[i_]) {
      case '{': return Object();
      case '[': return Array();
      case '"': return String();
      case 't': return Literal("true");
      case 'f': return Literal("false");
      case 'n': return Literal("null");
      default:
        if (s_[i_] == '-' || (s_[i_] >= '0' && s_[i_] <= '9')) return Number();
        return Fail("looking for beginning of value");
    }
  }
  bool Literal(std::string_view word) {
    for (size_t k = 1; k < word.size(); ++k) {
      ++i_;
      if (Eof()) return false;
      if (s_[i_] != word[k]) {
        const std::string context = "in literal " + std::string(word) + " (expecting " + QuoteChar(word[k]) + ")";
        return Fail(context.c_str());
      }
    }
    ++i_;
    return true;
  }
  bool Number() {
    if (s_[i_] == '-') {
      ++i_;
      if (Eof()) return false;
      if (s_[i_] < '0' || s_[i_] > '9') return Fail("in numeric literal");
    }
    if (s_[i_] == '0') ++i_;
    else Digits();
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (Eof()) return false;
      if (!Digits()) return Fail("after decimal point in numeric literal");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (Eof()) return false;
      if (!Digits()) return Fail("in exponent of numeric literal");
    }
    return true;
  }
  bool String() {
    ++i_;
    while (true) {
      if (Eof()) return false;
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return Fail("in string literal");
      ++i_;
      if (c != '\\') continue;
      if (Eof()) return false;
      const char e = s_[i_];
      if (e == 'u') {
        for (int k = 0; k < 4; ++k) {
          ++i_;
          if (Eof()) return false;
          if (!std::isxdigit(static_cast<unsigned char>(s_[i_]))) return Fail("in \\u hexadecimal character escape");
        }
      } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
        return Fail("in string escape code");
      }
      ++i_;
    }
  }
  bool Array() {
    ++i_;
    SkipSpace();
    if (Eof()) return false;
    if (s_[i_] == ']') return ++i_, true;
    while (true) {
      if (!Value()) return false;
      SkipSpace();
      if (Eof()) return false;
      if (s_[i_] == ']') return ++i_, true;
      if (s_[i_] != ',') return Fail("after array element");
      ++i_;
    }
  }
  bool Object() {
    ++i_;
    SkipSpace();
    if (Eof()) return false;
    if (s_[i_] == '}') return ++i_, true;
    while (true) {
      SkipSpace();
      if (Eof()) return false;
      if (s_[i_] != '"') return Fail("looking for beginning of object key string");
      if (!String()) return false;
      SkipSpace();
      if (Eof()) return false;
      if (s_[i_] != ':') return Fail("after object key");
      ++i_;
      if (!Value()) return false;
      SkipSpace();
      if (Eof()) return false;
      if (s_[i_] == '}') return ++i_, true;
      if (s_[i_] != ',') return Fail("after object key:value pair");
      ++i_;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  std::string error_;
};

}  // namespace

bool ToJson(const Value& value, JsonStyle style, std::string* out, std::string* error) {
  out->clear();
  JsonWriter writer(style, out);
  if (!writer.Write(value, 0)) {
    *error = writer.error();
    out->clear();
    return false;
  }
  return true;
}

bool ValueFromJson(std::string_view text, Value* out, std::string* error) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    *error = GoJsonSyntax(text).Check();
    if (!error->empty()) return false;
    if (doc.GetParseError() == rapidjson::kParseErrorDocumentEmpty) {
      *error = "unexpected end of JSON input";
    } else {
      *error = std::string("invalid JSON at offset ") + std::to_string(doc.GetErrorOffset()) + ": " +
               rapidjson::GetParseError_En(doc.GetParseError());
    }
    return false;
  }
  *out = FromRapid(doc);
  return true;
}

}  // namespace kubeshift::tmpl
