// kubeshift — the SARIF 2.1.0 reporter (what GitHub code scanning and IDEs ingest).
#include <fmt/format.h>

#include <cstdint>
#include <initializer_list>

#include "kubeshift/rules.h"
#include "report/json_writer.h"
#include "report/reporters.h"

namespace kubeshift {
namespace {

constexpr std::string_view kParseErrorRule = "parse-error";

std::string_view SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "error";
}

// RFC 3986 unreserved characters, sub-delimiters, '@' and '/' are kept. ':' is encoded too: in
// the first segment of a relative reference it would read as a URI scheme ("c:/x.yaml").
bool KeepInUri(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-._~!$&'()*+,;=@/").find(static_cast<char>(c)) !=
         std::string_view::npos;
}

// The display path as a relative URI reference: forward slashes, no leading "./", and every
// other byte percent-encoded (UTF-8 bytes one by one, as RFC 3986 asks).
std::string ArtifactUri(std::string_view path) {
  if (path == "<stdin>") return "stdin";
  while (path.substr(0, 2) == "./" || path.substr(0, 2) == ".\\") path.remove_prefix(2);
  std::string uri;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      uri += '/';
    } else if (KeepInUri(byte)) {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", byte);
    }
  }
  return uri;
}

// 64-bit FNV-1a over the fields, each ended by a NUL so ("ab","c") and ("a","bc") differ.
// Written out by hand because std::hash is not stable across library versions.
std::string Fingerprint(std::initializer_list<std::string_view> fields) {
  uint64_t hash = 14695981039346656037ULL;
  for (std::string_view field : fields) {
    for (char c : field) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    hash *= 1099511628211ULL;  // the NUL separator: xor with 0 is a no-op
  }
  return fmt::format("{:016x}", hash);
}

void WriteRules(JsonWriter& json) {
  json.Key("rules");
  json->StartArray();
  for (const RuleDescription& rule : AllRules()) {
    json->StartObject();
    json.Member("id", rule.id);
    json.Key("shortDescription");
    json->StartObject();
    json.Member("text", rule.summary);
    json->EndObject();
    json.Key("defaultConfiguration");
    json->StartObject();
    json.Member("level", SarifLevel(rule.severity));
    json->EndObject();
    json->EndObject();
  }
  json->EndArray();
}

void WriteTool(const CheckReport& report, JsonWriter& json) {
  json.Key("tool");
  json->StartObject();
  json.Key("driver");
  json->StartObject();
  json.Member("name", "kubeshift");
  json.Member("version", report.tool_version);
  json.Member("informationUri", "https://github.com/kubeshift/kubeshift");
  WriteRules(json);
  json->EndObject();
  json->EndObject();
}

// The fields every result has: rule, level, message, location, fingerprint.
struct ResultFields {
  std::string_view rule;
  Severity severity;
  std::string_view message;
  std::string_view file;
  Position position;
  std::string fingerprint;
};

int RuleIndex(std::string_view id) {
  const std::vector<RuleDescription>& rules = AllRules();
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void WriteLocation(const ResultFields& result, JsonWriter& json) {
  json.Key("locations");
  json->StartArray();
  json->StartObject();
  json.Key("physicalLocation");
  json->StartObject();
  json.Key("artifactLocation");
  json->StartObject();
  json.Member("uri", ArtifactUri(result.file));
  json->EndObject();
  if (result.position.line > 0) {  // the schema requires startLine >= 1
    json.Key("region");
    json->StartObject();
    json.Member("startLine", result.position.line);
    if (result.position.column > 0) json.Member("startColumn", result.position.column);
    json->EndObject();
  }
  json->EndObject();
  json->EndObject();
  json->EndArray();
}

void WriteResult(const ResultFields& result, JsonWriter& json) {
  json->StartObject();
  json.Member("ruleId", result.rule);
  if (int index = RuleIndex(result.rule); index >= 0) json.Member("ruleIndex", index);
  json.Member("level", SarifLevel(result.severity));
  json.Key("message");
  json->StartObject();
  json.Member("text", result.message);
  json->EndObject();
  WriteLocation(result, json);
  json.Key("partialFingerprints");
  json->StartObject();
  json.Member("kubeshift/v1", result.fingerprint);
  json->EndObject();
  json->EndObject();
}

void WriteResults(const CheckReport& report, JsonWriter& json) {
  json.Key("results");
  json->StartArray();
  for (const Finding& f : report.findings) {
    WriteResult({f.rule, f.severity, f.message, f.file, f.position,
                 f.api_version.empty() ? Fingerprint({f.rule, f.file, f.message})
                                       : Fingerprint({f.rule, f.file, f.api_version, f.kind, f.name})},
                json);
  }
  for (const InputError& e : report.errors) {
    WriteResult({kParseErrorRule, Severity::kError, e.message, e.file, e.position,
                 Fingerprint({kParseErrorRule, e.file, e.message})},
                json);
  }
  json->EndArray();
}

}  // namespace

void WriteSarifReport(const CheckReport& report, std::ostream& out) {
  JsonWriter json;
  json->StartObject();
  json.Member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  json.Member("version", "2.1.0");
  json.Key("runs");
  json->StartArray();
  json->StartObject();
  WriteTool(report, json);
  // Our columns count code points; without this SARIF readers assume UTF-16 code units.
  json.Member("columnKind", "unicodeCodePoints");
  WriteResults(report, json);
  json->EndObject();
  json->EndArray();
  json->EndObject();
  json.Flush(out);
}

}  // namespace kubeshift
