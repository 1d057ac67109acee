#include "app/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace kubeshift {
namespace {

namespace fs = std::filesystem;

// The text being parsed, for placing empty values (set by ParseConfig; one parse at a time
// per thread).
thread_local std::string_view current_text;

// "PATH:LINE". An empty value has no bytes of its own, and yaml-cpp marks it at the next
// token: place it on the line of the last character before that ("key:" or "-").
std::string Where(const std::string& path, const YAML::Node& node) {
  if (node.IsNull() && !node.Mark().is_null()) {
    size_t pos = std::min(static_cast<size_t>(node.Mark().pos), current_text.size());
    while (pos > 0 && std::isspace(static_cast<unsigned char>(current_text[pos - 1]))) --pos;
    int line = 1 + static_cast<int>(std::count(current_text.begin(), current_text.begin() + static_cast<long>(pos), '\n'));
    return fmt::format("{}:{}", path, line);
  }
  return fmt::format("{}:{}", path, node.Mark().line + 1);
}

bool ReadString(const std::string& path, const YAML::Node& node, std::string_view key, std::string* out,
                std::string* error) {
  if (!node.IsScalar()) {
    *error = fmt::format("{}: '{}' must be a string", Where(path, node), key);
    return false;
  }
  *out = node.Scalar();
  return true;
}

bool ReadList(const std::string& path, const YAML::Node& node, std::string_view key, std::vector<std::string>* out,
              std::string* error) {
  if (node.IsScalar()) {
    out->push_back(node.Scalar());
    return true;
  }
  if (!node.IsSequence()) {
    *error = fmt::format("{}: '{}' must be a list of strings", Where(path, node), key);
    return false;
  }
  for (const YAML::Node& item : node) {
    std::string value;
    if (!ReadString(path, item, key, &value, error)) return false;
    out->push_back(std::move(value));
  }
  return true;
}

bool ReadTargets(const std::string& path, const YAML::Node& node, ConfigFile* config, std::string* error) {
  if (!node.IsMap()) {
    *error = fmt::format("{}: 'targets' must map component names to versions", Where(path, node));
    return false;
  }
  for (const auto& pair : node) {
    std::string version;
    if (!ReadString(path, pair.second, "targets", &version, error)) return false;
    config->targets[pair.first.Scalar()] = version;
  }
  return true;
}

bool ReadKey(const std::string& path, const std::string& key, const YAML::Node& key_node, const YAML::Node& value,
             ConfigFile* config, std::string* error) {
  std::string text;
  config->lines[key] = key_node.Mark().line + 1;
  if (key == "target-version") {
    if (!ReadString(path, value, key, &text, error)) return false;
    config->target_version = text;
  } else if (key == "targets") {
    return ReadTargets(path, value, config, error);
  } else if (key == "exclude") {
    return ReadList(path, value, key, &config->excludes, error);
  } else if (key == "fail-on") {
    if (!ReadString(path, value, key, &text, error)) return false;
    config->fail_on = text;
  } else if (key == "rules" || key == "values") {
    std::vector<std::string> files;
    if (!ReadList(path, value, key, &files, error)) return false;
    fs::path base = fs::path(path).parent_path();
    for (const std::string& file : files) {
      fs::path resolved = fs::path(file).is_absolute() ? fs::path(file) : base / file;
      (key == "rules" ? config->rules_files : config->values_files).push_back(resolved.lexically_normal().string());
    }
  } else if (key == "release-name") {
    if (!ReadString(path, value, key, &text, error)) return false;
    config->release_name = text;
  } else {
    *error = fmt::format("{}: unknown key '{}' (known: target-version, targets, exclude, fail-on, rules, values, "
                         "release-name)",
                         Where(path, key_node), key);
    return false;
  }
  return true;
}

}  // namespace

std::string ConfigFile::Where(const std::string& key) const {
  auto it = lines.find(key);
  return it == lines.end() ? std::string() : fmt::format("{}:{}: ", path, it->second);
}

std::string FindConfigFile(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  std::error_code ec;
  fs::path dir = fs::current_path(ec);
  if (ec) return {};
  while (true) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return {};
    dir = dir.parent_path();
  }
}

bool ParseConfig(const std::string& path, const std::string& text, ConfigFile* config, std::string* error) {
  config->path = path;
  current_text = text;
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsDefined() || root.IsNull()) return true;  // an empty file is fine
    if (!root.IsMap()) {
      *error = fmt::format("{}: the configuration must be a mapping", Where(path, root));
      return false;
    }
    for (const auto& pair : root) {
      if (!ReadKey(path, pair.first.Scalar(), pair.first, pair.second, config, error)) return false;
    }
  } catch (const YAML::Exception& e) {
    *error = fmt::format("{}:{}: {}", path, e.mark.line + 1, e.msg);
    return false;
  }
  return true;
}

bool LoadConfigFile(const std::string& path, ConfigFile* config, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("{}: cannot read the configuration file", path);
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseConfig(path, buffer.str(), config, error);
}

}  // namespace kubeshift
