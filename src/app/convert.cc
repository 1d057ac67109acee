// `kubeshift convert`: discovery → per-file conversion → converted stream, diff, check or
// atomic rewrite → a summary on stderr.
#include <iostream>
#include <iterator>
#include <regex>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "app/convert_file.h"
#include "app/environment.h"
#include "app/file_check.h"
#include "app/worker_pool.h"
#include "kubeshift/app.h"
#include "kubeshift/discovery.h"
#include "kubeshift/edit.h"
#include "kubeshift/yaml_tree.h"

namespace kubeshift {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// YAML 1.2 core schema resolution of a plain scalar, for -o json.
void WriteScalar(const YamlNode& node, Writer& w) {
  static const std::regex kInt("[-+]?[0-9]+");
  static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  const std::string& v = node.value;
  if (node.style == ScalarStyle::kPlain && node.tag == "?") {
    if (v == "true" || v == "True" || v == "TRUE") return (void)w.Bool(true);
    if (v == "false" || v == "False" || v == "FALSE") return (void)w.Bool(false);
    if (v == "null" || v == "Null" || v == "NULL" || v == "~") return (void)w.Null();
    if (std::regex_match(v, kInt) || std::regex_match(v, kFloat)) {
      w.RawValue(v.c_str(), v.size(), rapidjson::kNumberType);
      return;
    }
  }
  w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
}

void WriteJson(const YamlNode& node, Writer& w) {
  switch (node.kind) {
    case YamlNode::Kind::kNull: w.Null(); break;
    case YamlNode::Kind::kScalar: WriteScalar(node, w); break;
    case YamlNode::Kind::kMap:
      w.StartObject();
      for (size_t i = 0; i < node.keys.size(); ++i) {
        w.Key(node.keys[i].value.c_str(), static_cast<rapidjson::SizeType>(node.keys[i].value.size()));
        WriteJson(node.values[i], w);
      }
      w.EndObject();
      break;
    case YamlNode::Kind::kSequence:
      w.StartArray();
      for (const YamlNode& item : node.values) WriteJson(item, w);
      w.EndArray();
      break;
  }
}

// -o json, as kubectl-convert prints it: one object, or a List of several.
bool ToJson(const std::vector<std::string>& texts, std::string* out, std::string* error) {
  std::vector<YamlDocument> documents;
  for (const std::string& text : texts) {
    for (const DocumentSpan& span : SplitDocuments(text, text.starts_with("\xEF\xBB\xBF") ? 3 : 0)) {
      YamlDocument document;
      ScanError scan_error;
      if (!ParseYamlTree(text, span.range, &document, &scan_error)) {
        *error = scan_error.message;
        return false;
      }
      if (!document.root.IsNull()) documents.push_back(std::move(document));
    }
  }
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 4);
  if (documents.size() == 1) {
    WriteJson(documents.front().root, w);
  } else {
    w.StartObject();
    w.Key("apiVersion");
    w.String("v1");
    w.Key("kind");
    w.String("List");
    w.Key("items");
    w.StartArray();
    for (const YamlDocument& document : documents) WriteJson(document.root, w);
    w.EndArray();
    w.EndObject();
  }
  *out = std::string(buffer.GetString()) + "\n";
  return true;
}

void PrintMessages(const std::string& file, const std::vector<ConvertMessage>& messages, std::string_view severity,
                   std::ostream& err) {
  for (const ConvertMessage& m : messages) {
    fmt::print(err, "{}:{}:{}: {}: {}\n", file, m.position.line, m.position.column, severity, m.text);
  }
}

struct Totals {
  int converted = 0;
  int needs_person = 0;
  int files_changed = 0;
  int errors = 0;
};

}  // namespace

int RunConvert(const ConvertOptions& options, std::ostream& out, std::ostream& err) {
  Environment env;
  std::string error;
  if (!PrepareEnvironment(options.table, &env, &error)) {
    fmt::print(err, "kubeshift: error: {}\n", error);
    return kExitUsage;
  }
  if (!options.output_version.empty() && options.output_version.find('/') == std::string::npos &&
      options.output_version != "v1") {
    fmt::print(err, "kubeshift: error: --output-version expects GROUP/VERSION, got '{}'\n", options.output_version);
    return kExitUsage;
  }
  DiscoveryOptions discovery_options;
  discovery_options.excludes = env.config.excludes;
  discovery_options.excludes.insert(discovery_options.excludes.end(), options.excludes.begin(), options.excludes.end());
  discovery_options.use_gitignore = options.use_gitignore;
  std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  DiscoveryResult discovery = DiscoverInputs(paths, discovery_options);
  for (const std::string& message : discovery.missing) fmt::print(err, "kubeshift: error: {}\n", message);
  if (!discovery.missing.empty()) return kExitUsage;
  for (const InputFile& input : discovery.inputs) {
    if (input.is_stdin && options.mode == ConvertOptions::Mode::kWrite) {
      fmt::print(err, "kubeshift: error: --write cannot rewrite standard input\n");
      return kExitUsage;
    }
  }

  ConvertSettings settings{env.table, env.targets.at(std::string(kKubernetes)), env.targets, options.output_version};
  // Files convert independently, in parallel; results are reported in input order.
  std::vector<FileConversion> results(discovery.inputs.size());
  std::vector<std::string> read_errors(discovery.inputs.size());
  std::string stdin_bytes;
  for (const InputFile& input : discovery.inputs) {
    if (input.is_stdin) stdin_bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
  }
  // What each mode needs of a result is computed in the worker, so that memory holds only
  // that (a diff, a flag) and not every file's two versions.
  std::vector<std::string> products(discovery.inputs.size());
  std::vector<std::string> write_errors(discovery.inputs.size());
  ParallelFor(discovery.inputs.size(), WorkerCount(options.jobs, discovery.inputs.size()), [&](size_t i) {
    const InputFile& input = discovery.inputs[i];
    std::string bytes;
    if (input.is_stdin) {
      bytes = std::move(stdin_bytes);
    } else if (!ReadFileBytes(input.fs_path, &bytes, &read_errors[i])) {
      return;
    }
    FileConversion& result = results[i];
    result = ConvertBytes(input, std::move(bytes), settings);
    const bool changed = result.changed();
    switch (options.mode) {
      case ConvertOptions::Mode::kPrint: products[i] = std::move(result.converted); break;
      case ConvertOptions::Mode::kDiff: products[i] = UnifiedDiff(input.display_path, result.original, result.converted); break;
      case ConvertOptions::Mode::kWrite:
        if (changed) WriteFileAtomically(input.fs_path, result.converted, &write_errors[i]);
        break;
      case ConvertOptions::Mode::kCheck: break;
    }
    result.files_changed = changed ? 1 : 0;
    result.original.clear();
    result.original.shrink_to_fit();
    result.converted.clear();
    result.converted.shrink_to_fit();
  });
  Totals totals;
  std::vector<std::string> outputs;
  for (size_t i = 0; i < discovery.inputs.size(); ++i) {
    const InputFile& input = discovery.inputs[i];
    if (!read_errors[i].empty()) {
      fmt::print(err, "{}: error: {}\n", input.display_path, read_errors[i]);
      ++totals.errors;
      continue;
    }
    const FileConversion& result = results[i];
    for (const InputError& e : result.errors) {
      fmt::print(err, "{}:{}:{}: error: {}\n", e.file, e.position.line, e.position.column, e.message);
    }
    totals.errors += static_cast<int>(result.errors.size());
    PrintMessages(input.display_path, result.notes, "note", err);
    PrintMessages(input.display_path, result.needs_person, "warning", err);
    totals.converted += result.objects_converted;
    totals.needs_person += static_cast<int>(result.needs_person.size());
    totals.files_changed += result.files_changed;
    if (!write_errors[i].empty()) {
      fmt::print(err, "kubeshift: error: {}\n", write_errors[i]);
      ++totals.errors;
    }
    if (options.mode == ConvertOptions::Mode::kCheck && result.files_changed) {
      fmt::print(err, "kubeshift: {} would be converted\n", input.display_path);
    }
    if (options.mode == ConvertOptions::Mode::kDiff) out << products[i];
    if (options.mode == ConvertOptions::Mode::kPrint) outputs.push_back(std::move(products[i]));
  }
  if (options.mode == ConvertOptions::Mode::kPrint) {
    if (options.format == "json") {
      std::string json;
      if (!ToJson(outputs, &json, &error)) {
        fmt::print(err, "kubeshift: error: cannot print JSON: {}\n", error);
        return kExitInputError;
      }
      out << json;
    } else {
      // Several files become one stream: a "---" between them keeps their documents apart.
      for (size_t i = 0; i < outputs.size(); ++i) {
        if (i > 0 && !outputs[i].starts_with("---")) out << "---\n";
        out << outputs[i];
        if (!outputs[i].empty() && outputs[i].back() != '\n' && i + 1 < outputs.size()) out << "\n";
      }
    }
  }
  out.flush();
  fmt::print(err, "kubeshift: {} object{} converted, {} file{} {}{}\n", totals.converted,
             totals.converted == 1 ? "" : "s", totals.files_changed, totals.files_changed == 1 ? "" : "s",
             options.mode == ConvertOptions::Mode::kWrite ? "rewritten" : "to change",
             totals.needs_person ? fmt::format(", {} object{} need{} a person (warnings above)", totals.needs_person,
                                               totals.needs_person == 1 ? "" : "s",
                                               totals.needs_person == 1 ? "s" : "")
                                 : std::string());
  if (totals.errors > 0) return kExitInputError;
  if (totals.needs_person > 0) return kExitFindings;
  if (options.mode == ConvertOptions::Mode::kCheck && totals.files_changed > 0) return kExitFindings;
  return kExitClean;
}

}  // namespace kubeshift
