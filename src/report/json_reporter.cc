// kubeshift — the JSON reporter. Its shape is part of the CLI contract: change it only with a
// new contract.
#include <utility>

#include "report/json_writer.h"
#include "report/reporters.h"

namespace kubeshift {
namespace {

// Line and column are 1-based; an error without a position (line 0) has null for both.
void WritePosition(Position position, JsonWriter& json) {
  for (auto [key, value] : {std::pair{"line", position.line}, {"column", position.column}}) {
    json.Key(key);
    if (position.line == 0) {
      json->Null();
    } else {
      json->Int(value);
    }
  }
}

void WriteHeader(const CheckReport& report, JsonWriter& json) {
  json.Key("tool");
  json->StartObject();
  json.Member("name", "kubeshift");
  json.Member("version", report.tool_version);
  json->EndObject();
  json.Key("targets");
  json->StartObject();
  for (const auto& [component, version] : OrderedTargets(report.targets)) {
    json.Member(component, version);
  }
  json->EndObject();
  json.Key("summary");
  json->StartObject();
  json.Member("files", report.files);
  json.Member("documents", report.documents);
  json.Member("resources", report.resources);
  json.Member("findings", static_cast<int>(report.findings.size()));
  json.Member("errors", static_cast<int>(report.errors.size()));
  json->EndObject();
}

void WriteFinding(const Finding& finding, JsonWriter& json) {
  json->StartObject();
  json.Member("rule", finding.rule);
  json.Member("severity", SeverityName(finding.severity));
  json.Member("file", finding.file);
  WritePosition(finding.position, json);
  json.Key("apiVersion");  // null for a finding about a whole chart (render-error)
  json.StringOrNull(finding.api_version);
  json.Key("kind");
  json.StringOrNull(finding.kind);
  json.Key("name");
  json.StringOrNull(finding.name);
  json.Key("namespace");
  if (finding.namespace_) {
    json.String(*finding.namespace_);
  } else {
    json->Null();
  }
  json.Key("replacement");
  json.StringOrNull(finding.replacement);
  json.Key("deprecatedIn");
  json.StringOrNull(VersionText(finding.deprecated_in));
  json.Key("removedIn");
  json.StringOrNull(VersionText(finding.removed_in));
  json.Member("component", finding.component);
  json.Member("message", finding.message);
  if (!finding.source.empty()) json.Member("source", finding.source);
  json->EndObject();
}

void WriteError(const InputError& error, JsonWriter& json) {
  json->StartObject();
  json.Member("file", error.file);
  WritePosition(error.position, json);
  json.Member("message", error.message);
  json->EndObject();
}

}  // namespace

void WriteJsonReport(const CheckReport& report, std::ostream& out) {
  JsonWriter json;
  json->StartObject();
  WriteHeader(report, json);
  json.Key("findings");
  json->StartArray();
  for (const Finding& finding : report.findings) WriteFinding(finding, json);
  json->EndArray();
  json.Key("errors");
  json->StartArray();
  for (const InputError& error : report.errors) WriteError(error, json);
  json->EndArray();
  json->EndObject();
  json.Flush(out);
}

}  // namespace kubeshift
