// The schema document: parsing (strict JSON, errors at line:column), its draft, references
// inside it, and Helm's printing of the error tree.
#include <cstdio>

#include <rapidjson/error/en.h>

#include "jsonschema/schema_internal.h"
#include "kubeshift/source.h"

namespace kubeshift::jsonschema {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A URI fragment is percent-encoded: "#/definitions/a%20b".
std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexDigit(text[i + 1]) >= 0 && HexDigit(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexDigit(text[i + 1]) * 16 + HexDigit(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

const JValue* FollowPointer(const JValue& root, std::string_view pointer) {
  const JValue* at = &root;
  size_t pos = 0;
  while (pos < pointer.size()) {
    size_t next = pointer.find('/', pos + 1);
    if (next == std::string_view::npos) next = pointer.size();
    std::string token;
    for (size_t i = pos + 1; i < next; ++i) {
      if (pointer[i] == '~' && i + 1 < next && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token.push_back(pointer[i + 1] == '0' ? '~' : '/');
        ++i;
      } else {
        token.push_back(pointer[i]);
      }
    }
    pos = next;
    if (at->IsObject()) {
      at = Member(*at, token);
    } else if (at->IsArray() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
               (token == "0" || token[0] != '0') && token.size() < 10 && std::stoul(token) < at->Size()) {
      at = &(*at)[static_cast<rapidjson::SizeType>(std::stoul(token))];
    } else {
      return nullptr;
    }
    if (at == nullptr) return nullptr;
  }
  return at;
}

// "$anchor": NAME (2019-09+), or "$id"/"id": "#NAME" (drafts 4-7), anywhere in the document.
const JValue* FindAnchor(const JValue& node, const std::string& name, int draft, int depth = 0) {
  if (depth > 1000) return nullptr;  // the parser is iterative; this walk must not overflow either
  if (node.IsObject()) {
    if (draft >= 2019) {
      for (const char* key : {"$anchor", "$dynamicAnchor"}) {
        const JValue* anchor = Member(node, key);
        if (anchor && anchor->IsString() && Str(*anchor) == name) return &node;
      }
    } else {
      const JValue* id = Member(node, draft == 4 ? "id" : "$id");
      if (id && id->IsString() && Str(*id) == "#" + name) return &node;
    }
    for (const auto& m : node.GetObject()) {
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      if (key == "enum" || key == "const" || key == "default" || key == "examples") continue;
      if (const JValue* found = FindAnchor(m.value, name, draft, depth + 1)) return found;
    }
  } else if (node.IsArray()) {
    for (const JValue& item : node.GetArray()) {
      if (const JValue* found = FindAnchor(item, name, draft, depth + 1)) return found;
    }
  }
  return nullptr;
}

void AppendLines(const Violation& v, int indent, std::string* out) {
  const bool skip = v.reference && v.causes.size() == 1;
  if (!skip) {
    out->append(static_cast<size_t>(2 * (indent - 1)), ' ');
    *out += "- at " + Quote(v.location) + ": " + v.message + "\n";
    ++indent;
  }
  for (const Violation& cause : v.causes) AppendLines(cause, indent, out);
}

}  // namespace

const JValue* Member(const JValue& object, std::string_view key) {
  if (!object.IsObject()) return nullptr;
  const JValue* found = nullptr;
  for (const auto& m : object.GetObject()) {
    if (Str(m.name) == key) found = &m.value;
  }
  return found;
}

std::string FormatNumber(double d) { return tmpl::ToString(tmpl::Value::Float(d)); }

std::string Quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (u < 0x20 || u == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", u);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "'";
}

std::string FormatViolations(const std::vector<Violation>& violations) {
  std::string out;
  for (const Violation& v : violations) AppendLines(v, 1, &out);
  return out;
}

int DraftOf(const JValue& root) {
  const JValue* uri = Member(root, "$schema");
  if (uri == nullptr || !uri->IsString()) return 2020;
  const std::string_view s(uri->GetString(), uri->GetStringLength());
  if (s.find("draft-04") != std::string_view::npos) return 4;
  if (s.find("draft-06") != std::string_view::npos) return 6;
  if (s.find("draft-07") != std::string_view::npos) return 7;
  if (s.find("2019-09") != std::string_view::npos) return 2019;
  return 2020;
}

const JValue* ResolveFragment(const JValue& root, std::string_view fragment, int draft) {
  if (fragment.starts_with('#')) fragment.remove_prefix(1);
  const std::string decoded = PercentDecode(fragment);
  if (decoded.empty() || decoded.front() == '/') return FollowPointer(root, decoded);
  return FindAnchor(root, decoded, draft);
}

bool Schema::Parse(std::string_view text, Schema* out, SchemaError* error) {
  auto impl = std::make_shared<Impl>();
  // Go's decoder is strict JSON (no comments, no trailing commas); iterative parsing keeps
  // the stack flat on hostile input.
  impl->doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
  if (impl->doc.HasParseError()) {
    const Position at = LineIndex(text).PositionOf(impl->doc.GetErrorOffset());
    *error = SchemaError{at.line, at.column, std::string("invalid JSON: ") + rapidjson::GetParseError_En(impl->doc.GetParseError())};
    return false;
  }
  impl->draft = DraftOf(impl->doc);
  out->impl_ = std::move(impl);
  return true;
}

int Schema::draft() const { return impl_ ? impl_->draft : 2020; }

}  // namespace kubeshift::jsonschema
