// kubeshift benchmark: writes a deterministic, realistic tree of Kubernetes manifests.
//
//   kubeshift_bench_gen [--scale X] [--seed N] OUTDIR
//
// The tree mixes multi-document streams, one-object files, ConfigMaps with embedded manifests,
// large CustomResourceDefinitions, pretty-printed JSON (objects and `kind: List`), kubectl
// exports and rendered Helm output, with the formatting quirks real repositories have (comments,
// quoting, flow maps, CRLF, BOM, long lines, block scalars). OUTDIR/MANIFEST.txt records what
// was written, including how many top-level objects are deprecated or removed at 1.29, so a
// reader can compare kubeshift's summary with it.
//
// Only the C++ standard library is used, and the random numbers come from splitmix64 with a
// fixed seed, so a given (seed, scale) gives the same bytes on every platform.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document.h"
#include "objects.h"

namespace fs = std::filesystem;
namespace kubeshift_bench {
namespace {

// ---------------------------------------------------------------------------------------------
// What the generator knows it wrote

/// apiVersion+kind pairs this generator writes that are deprecated or removed at 1.29.
struct DeprecatedApi {
  const char* api_version;
  const char* kind;
  int deprecated_in;  ///< Kubernetes minor (1.x)
  int removed_in;     ///< Kubernetes minor, or 0 when not scheduled
};

constexpr DeprecatedApi kDeprecatedApis[] = {
    {"extensions/v1beta1", "Deployment", 8, 16},
    {"extensions/v1beta1", "DaemonSet", 8, 16},
    {"extensions/v1beta1", "ReplicaSet", 8, 16},
    {"extensions/v1beta1", "PodSecurityPolicy", 11, 16},
    {"extensions/v1beta1", "Ingress", 14, 22},
    {"extensions/v1beta1", "NetworkPolicy", 9, 16},
    {"apps/v1beta1", "Deployment", 8, 16},
    {"apps/v1beta1", "StatefulSet", 8, 16},
    {"apps/v1beta2", "Deployment", 9, 16},
    {"apps/v1beta2", "StatefulSet", 9, 16},
    {"apps/v1beta2", "DaemonSet", 9, 16},
    {"networking.k8s.io/v1beta1", "Ingress", 19, 22},
    {"networking.k8s.io/v1beta1", "IngressClass", 19, 22},
    {"rbac.authorization.k8s.io/v1beta1", "ClusterRole", 17, 22},
    {"rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", 17, 22},
    {"rbac.authorization.k8s.io/v1beta1", "Role", 17, 22},
    {"rbac.authorization.k8s.io/v1beta1", "RoleBinding", 17, 22},
    {"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", 16, 22},
    {"scheduling.k8s.io/v1beta1", "PriorityClass", 14, 22},
    {"storage.k8s.io/v1beta1", "StorageClass", 19, 22},
    {"policy/v1beta1", "PodDisruptionBudget", 21, 25},
    {"policy/v1beta1", "PodSecurityPolicy", 21, 25},
    {"batch/v1beta1", "CronJob", 21, 25},
    {"autoscaling/v2beta1", "HorizontalPodAutoscaler", 22, 25},
    {"autoscaling/v2beta2", "HorizontalPodAutoscaler", 23, 26},
    {"flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", 26, 29},
    {"flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", 26, 29},
    {"flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", 29, 32},
    {"flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", 29, 32},
};
constexpr int kTargetMinor = 29;

const DeprecatedApi* FindDeprecated(std::string_view api_version, std::string_view kind) {
  for (const DeprecatedApi& d : kDeprecatedApis)
    if (api_version == d.api_version && kind == d.kind && d.deprecated_in <= kTargetMinor)
      return &d;
  return nullptr;
}

struct Totals {
  int files = 0;
  uint64_t bytes = 0;
  int documents = 0;
  int objects = 0;
  int findings = 0;
};

struct Stats {
  Totals all;
  std::map<std::string, Totals> categories;
  int empty_documents = 0;
  int lists = 0;
  int crlf_files = 0;
  int bom_files = 0;
  uint64_t largest_file = 0;
  size_t longest_line = 0;
  std::map<std::pair<std::string, std::string>, int> findings;  ///< (apiVersion, kind) → count
  std::map<std::string, int> decoys;  ///< description → count of not-top-level apiVersion text
};

/// Contents of one output file, with what it holds.
class ManifestFile {
 public:
  explicit ManifestFile(std::string category) : category_(std::move(category)) {}

  std::string text;
  bool crlf = false;
  bool bom = false;

  /// Records a top-level object (expanding kind: List items) written into \a text.
  void CountObject(const Node& obj) {
    const Node* kind = obj.Get("kind");
    const Node* items = obj.Get("items");
    if (kind && kind->text == "List" && items) {
      ++lists_;
      for (const Node& item : items->values) CountObject(item);
      return;
    }
    ++totals_.objects;
    const Node* api = obj.Get("apiVersion");
    if (api && kind && FindDeprecated(api->text, kind->text)) {
      ++totals_.findings;
      ++findings_[{api->text, kind->text}];
    }
  }
  void CountDocument() { ++totals_.documents; }
  void CountEmptyDocument() {
    ++totals_.documents;
    ++empty_documents_;
  }

  void Commit(Stats* stats, const std::string& path) const {
    std::string data = bom ? "\xEF\xBB\xBF" : "";
    if (crlf) {
      data.reserve(text.size() + text.size() / 16);
      for (char c : text) {
        if (c == '\n') data += '\r';
        data += c;
      }
    } else {
      data += text;
    }
    fs::path p(path);
    fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary);
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!f) {
      std::fprintf(stderr, "kubeshift_bench_gen: cannot write %s\n", path.c_str());
      std::exit(2);
    }
    Totals t = totals_;
    t.files = 1;
    t.bytes = data.size();
    for (Totals* dst : {&stats->all, &stats->categories[category_]}) {
      dst->files += t.files;
      dst->bytes += t.bytes;
      dst->documents += t.documents;
      dst->objects += t.objects;
      dst->findings += t.findings;
    }
    stats->empty_documents += empty_documents_;
    stats->lists += lists_;
    stats->crlf_files += crlf;
    stats->bom_files += bom;
    for (const auto& [k, n] : findings_) stats->findings[k] += n;
    stats->largest_file = std::max<uint64_t>(stats->largest_file, data.size());
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == text.npos) nl = text.size();
      stats->longest_line = std::max(stats->longest_line, nl - start);
      start = nl + 1;
    }
  }

 private:
  std::string category_;
  Totals totals_;
  int empty_documents_ = 0;
  int lists_ = 0;
  std::map<std::pair<std::string, std::string>, int> findings_;
};

// ---------------------------------------------------------------------------------------------
// Document streams

/// Writes YAML documents into a ManifestFile and counts them.
class Stream {
 public:
  Stream(Ctx& c, ManifestFile* file, YamlStyle style) : c_(c), file_(file), style_(style) {
    leading_separator_ = c.rng.Chance(0.3);
    separator_comments_ = c.rng.Chance(0.1);
  }

  void SetLeadingSeparator(bool on) { leading_separator_ = on; }

  /// Writes \a obj as the next document, with the key order, quoting and comment quirks of
  /// hand-written files. \a header: comment lines written after the separator.
  void Doc(Node obj, const std::string& header = "") {
    file_->CountObject(obj);
    file_->CountDocument();
    Separator(obj.Get("kind") ? obj.Get("kind")->text : "");
    file_->text += header;
    if (c_.rng.Chance(0.08)) file_->text += "# " + Sentence(c_.rng, c_.rng.Range(4, 10)) + "\n";
    Decorate(&obj);
    AppendYaml(obj, style_, &file_->text);
    ++docs_;
  }

  /// A document with nothing but comments (a Helm template that rendered empty).
  void EmptyDoc(const std::string& header) {
    file_->CountEmptyDocument();
    if (docs_ == 0 && !leading_separator_) leading_separator_ = true;
    Separator("");
    file_->text += header;
    ++docs_;
  }

  /// Ends the file; sometimes with a stray "---" (one more, empty document).
  void Finish() {
    if (docs_ > 0 && c_.rng.Chance(0.03)) {
      file_->text += "---\n";
      file_->CountEmptyDocument();
    }
  }

 private:
  void Separator(const std::string& kind) {
    if (docs_ == 0 && !leading_separator_) return;
    if (docs_ > 0 && c_.rng.Chance(0.1)) file_->text += '\n';
    file_->text += "---";
    if (separator_comments_ && !kind.empty()) file_->text += " # " + kind;
    file_->text += '\n';
  }

  void Decorate(Node* obj) {
    Node* api = obj->Get("apiVersion");
    if (!api || obj->keys.size() < 3 || obj->keys[0] != "apiVersion") return;
    double r = static_cast<double>(c_.rng.Next() % 1000) / 1000.0;
    if (r < 0.07) {
      std::swap(obj->keys[0], obj->keys[1]);  // kind first
      std::swap(obj->values[0], obj->values[1]);
    } else if (r < 0.10) {  // metadata first
      std::rotate(obj->keys.begin(), obj->keys.begin() + 2, obj->keys.begin() + 3);
      std::rotate(obj->values.begin(), obj->values.begin() + 2, obj->values.begin() + 3);
    }
    api = obj->Get("apiVersion");
    if (c_.rng.Chance(0.08))
      api->style = Style::kDouble;
    else if (c_.rng.Chance(0.04))
      api->style = Style::kSingle;
    const Node* kind = obj->Get("kind");
    if (FindDeprecated(api->text, kind->text) && c_.rng.Chance(0.15))
      api->trailing = "TODO: migrate before the 1.29 upgrade";
  }

  Ctx& c_;
  ManifestFile* file_;
  YamlStyle style_;
  bool leading_separator_ = false;
  bool separator_comments_ = false;
  int docs_ = 0;
};

YamlStyle RandomYamlStyle(Rng& rng) {
  YamlStyle s;
  s.indent = rng.Chance(0.08) ? 4 : 2;
  s.seq_indent = rng.Chance(0.35) ? 2 : 0;
  return s;
}

void RandomLineEndings(Rng& rng, ManifestFile* f) {
  f->crlf = rng.Chance(0.06);
  f->bom = rng.Chance(0.015);
}

// ---------------------------------------------------------------------------------------------
// File kinds

/// Writes files under the output directory, each at a path not used yet.
class TreeWriter {
 public:
  TreeWriter(std::string root, Stats* stats) : root_(std::move(root)), stats_(stats) {}

  /// Writes \a file at \a base + \a ext, or base-2 + ext, …
  void Write(const ManifestFile& file, const std::string& base, const std::string& ext) {
    std::string rel = base + ext;
    for (int n = 2; used_.count(rel); ++n) rel = base + "-" + std::to_string(n) + ext;
    used_.insert(rel);
    file.Commit(stats_, root_ + "/" + rel);
  }

 private:
  std::string root_;
  Stats* stats_;
  std::set<std::string> used_;
};

/// The repository layout: teams/<team>/<app>/<env>/.
std::string AppDir(const App& a) { return "teams/" + a.team + "/" + a.name + "/" + a.env + "/"; }

/// teams/…/<name>.yaml with 2–20 documents.
void StreamFile(Ctx& c, const std::vector<App>& apps, TreeWriter* tree) {
  const App& app = c.rng.Pick(apps);
  ManifestFile f("streams");
  RandomLineEndings(c.rng, &f);
  if (c.rng.Chance(0.4))
    f.text += "# " + app.name + " (" + app.env + ") — owned by " + app.team + "\n";
  Stream s(c, &f, RandomYamlStyle(c.rng));
  int n = c.rng.Range(2, 20);
  static const AppKind kMix[] = {kDeployment,     kDeployment, kDeployment,
                                 kService,        kService,    kService,
                                 kIngress,        kHpa,        kPdb,
                                 kCronJob,        kConfigMap,  kConfigMap,
                                 kServiceAccount, kRole,       kRoleBinding,
                                 kNetworkPolicy,  kSecret,     kServiceMonitor,
                                 kStatefulSet,    kDaemonSet,  kResourceTemplate};
  for (int i = 0; i < n; ++i) {
    Node obj = AppObject(c, app, i == 0 ? kDeployment : i == 1 ? kService : c.rng.Pick(kMix));
    if (c.rng.Chance(0.05)) AddLastApplied(c, &obj);
    s.Doc(std::move(obj));
  }
  s.Finish();
  static const char* const kNames[] = {"manifests", "all",    "app",  "resources",
                                       "k8s",       "deploy", "stack"};
  std::string base = AppDir(app) + c.rng.Pick(kNames);
  tree->Write(f, base, c.rng.Chance(0.15) ? ".yml" : ".yaml");
}

/// One object per file, the most common layout.
void SingleFile(Ctx& c, const std::vector<App>& apps, TreeWriter* tree) {
  const App& app = c.rng.Pick(apps);
  static const AppKind kMix[] = {
      kDeployment, kDeployment,    kService, kService,        kService,    kIngress,
      kHpa,        kPdb,           kCronJob, kConfigMap,      kConfigMap,  kServiceAccount,
      kRole,       kNetworkPolicy, kSecret,  kServiceMonitor, kStatefulSet};
  AppKind which = c.rng.Pick(kMix);
  ManifestFile f("single");
  RandomLineEndings(c.rng, &f);
  if (c.rng.Chance(0.3)) f.text += "# Managed by the " + app.team + " team. Do not edit by hand.\n";
  Stream s(c, &f, RandomYamlStyle(c.rng));
  Node obj = AppObject(c, app, which);
  std::string kind = Lower(obj.Get("kind")->text);
  if (c.rng.Chance(0.08)) AddLastApplied(c, &obj);
  s.Doc(std::move(obj));
  s.Finish();
  tree->Write(f, AppDir(app) + kind, c.rng.Chance(0.2) ? ".yml" : ".yaml");
}

/// Cluster-wide objects under platform/.
void PlatformFile(Ctx& c, const std::vector<App>& apps, TreeWriter* tree) {
  App app = c.rng.Pick(apps);
  app.legacy = c.rng.Chance(0.5) ? 0.5 : 0.05;
  ManifestFile f("platform");
  RandomLineEndings(c.rng, &f);
  Stream s(c, &f, RandomYamlStyle(c.rng));
  int n = c.rng.Range(2, 12);
  for (int i = 0; i < n; ++i) {
    switch (c.rng.Range(0, 9)) {
      case 0:
        s.Doc(PriorityClass(c, app));
        break;
      case 1:
        s.Doc(StorageClass(c, app));
        break;
      case 2:
        s.Doc(FlowSchema(c, app));
        break;
      case 3:
        s.Doc(c.rng.Chance(0.4) ? PodSecurityPolicy(c, app) : Namespace(c, app));
        break;
      case 4:
        s.Doc(Role(c, app, true));
        break;
      case 5:
        s.Doc(RoleBinding(c, app, true));
        break;
      case 6:
        s.Doc(ResourceQuota(c, app));
        break;
      case 7:
        s.Doc(Namespace(c, app));
        break;
      case 8:
        s.Doc(AppObject(c, app, kNetworkPolicy));
        break;
      default:
        s.Doc(AppObject(c, app, kResourceTemplate));
        break;
    }
  }
  s.Finish();
  static const char* const kAreas[] = {"rbac",        "scheduling", "storage",
                                       "flowcontrol", "security",   "namespaces"};
  tree->Write(f, "platform/" + std::string(c.rng.Pick(kAreas)) + "/" + app.team, ".yaml");
}

/// ConfigMaps whose data holds manifests, configs and JSON as block scalars. The embedded
/// apiVersion lines are text, not objects.
void EmbeddedConfigFile(Ctx& c, const std::vector<App>& apps, TreeWriter* tree) {
  const App& app = c.rng.Pick(apps);
  ManifestFile f("configmaps");
  RandomLineEndings(c.rng, &f);
  Stream s(c, &f, RandomYamlStyle(c.rng));
  int n = c.rng.Range(1, 3);
  for (int i = 0; i < n; ++i) {
    Node o = Object("v1", "ConfigMap",
                    Metadata(c, app, app.name + "-files-" + std::to_string(i), "config"));
    Node data = Map();
    App old = app;
    old.legacy = 1;
    int manifests = c.rng.Range(1, 4);
    std::string embedded;
    for (int m = 0; m < manifests; ++m) {
      if (m) embedded += "---\n";
      embedded += ToYaml(m % 2 ? Ingress(c, old) : Deployment(c, old, 1));
    }
    c.Decoy("apiVersion lines of manifests embedded in ConfigMap block scalars", manifests);
    data.Set("manifests.yaml", S(embedded, Style::kLiteral));
    if (c.rng.Chance(0.7)) data.Set("nginx.conf", S(NginxConf(c, app), Style::kLiteral));
    if (c.rng.Chance(0.6)) {
      std::string json = ToJson(Deployment(c, old, 0), 2);
      c.Decoy("\"apiVersion\" in JSON embedded in ConfigMap block scalars");
      data.Set("template.json", S(json, Style::kLiteral));  // no final newline: "|-"
    }
    if (c.rng.Chance(0.6)) data.Set("application.properties", S(Properties(c), Style::kLiteral));
    if (c.rng.Chance(0.4)) data.Set("README", S(Paragraph(c.rng, 6) + "\n", Style::kFolded));
    data.Set("LOG_LEVEL", Quoted(c, "info"));
    o.Set("data", std::move(data));
    s.Doc(std::move(o));
  }
  s.Finish();
  tree->Write(f, AppDir(app) + "configmap-files", ".yaml");
}

/// kubectl get -o json: one object, or a List.
void JsonFile(Ctx& c, const std::vector<App>& apps, TreeWriter* tree) {
  const App& app = c.rng.Pick(apps);
  ManifestFile f("json");
  int width = c.rng.Chance(0.7) ? 4 : 2;
  static const AppKind kMix[] = {kDeployment, kDeployment, kDeployment, kService,
                                 kService,    kIngress,    kHpa,        kPdb,
                                 kCronJob,    kConfigMap,  kSecret,     kStatefulSet};
  Node doc;
  std::string name;
  if (c.rng.Chance(0.35)) {
    Node items = Seq();
    for (int i = 0, n = c.rng.Range(3, 25); i < n; ++i) {
      Node obj = AppObject(c, app, c.rng.Pick(kMix));
      AddServerFields(c, &obj);
      items.Push(std::move(obj));
    }
    doc = M({{"apiVersion", S("v1")},
             {"items", items},
             {"kind", S("List")},
             {"metadata", M({{"resourceVersion", S("")}})}});
    name = "list";
  } else {
    doc = AppObject(c, app, c.rng.Pick(kMix));
    AddServerFields(c, &doc);
    name = Lower(doc.Get("kind")->text);
  }
  f.CountObject(doc);
  f.CountDocument();
  f.text = ToJson(doc, width) + "\n";
  f.crlf = c.rng.Chance(0.03);
  tree->Write(f, AppDir(app) + name, ".json");
}

/// kubectl get -o yaml of a namespace: a List with sorted keys and server fields.
void ExportFile(Ctx& c, const std::vector<App>& apps, TreeWriter* tree) {
  const App& app = c.rng.Pick(apps);
  ManifestFile f("exports");
  static const AppKind kMix[] = {kDeployment, kDeployment, kService,   kService,        kHpa,
                                 kPdb,        kCronJob,    kConfigMap, kServiceAccount, kSecret,
                                 kStatefulSet};
  Node items = Seq();
  for (int i = 0, n = c.rng.Range(3, 20); i < n; ++i) {
    Node obj = AppObject(c, app, c.rng.Pick(kMix));
    AddServerFields(c, &obj);
    items.Push(std::move(obj));
  }
  Node doc = M({{"apiVersion", S("v1")},
                {"items", items},
                {"kind", S("List")},
                {"metadata", M({{"resourceVersion", S("")}})}});
  SortKeys(&doc);
  f.CountObject(doc);
  f.CountDocument();
  f.text = ToYaml(doc);
  tree->Write(
      f, "clusters/" + app.env + "-" + std::to_string(c.rng.Range(1, 3)) + "/" + app.ns + "/export",
      ".yaml");
}

struct Chart {
  const char* name;
  const char* version;
  double legacy;
};
const Chart kCharts[] = {{"webapp", "1.4.2", 0.03},           {"legacy-portal", "0.9.1", 0.6},
                         {"worker", "2.0.0", 0.02},           {"kafka-connect", "0.3.0", 0.5},
                         {"metrics-exporter", "2.1.0", 0.05}, {"api-gateway", "4.0.1", 0.1},
                         {"batch-jobs", "1.0.0", 0.4},        {"mychart", "0.1.0", 0.15}};

/// helm template output: documents headed by "# Source:", some templates rendered empty.
void RenderedChartFile(Ctx& c, const std::vector<App>& apps, TreeWriter* tree) {
  App app = c.rng.Pick(apps);
  const Chart& chart = c.rng.Pick(kCharts);
  app.chart = std::string(chart.name) + "-" + chart.version;
  app.legacy = chart.legacy;
  ManifestFile f("rendered");
  f.crlf = c.rng.Chance(0.02);
  YamlStyle style;  // Helm's toYaml: indent 2, sequences not indented
  Stream s(c, &f, style);
  s.SetLeadingSeparator(true);
  bool with_redis = c.rng.Chance(0.3);
  struct Template {
    const char* file;
    AppKind kind;
    bool test = false;  // a Helm test hook Pod instead
  };
  static const Template kTemplates[] = {{"serviceaccount.yaml", kServiceAccount},
                                        {"secret.yaml", kSecret},
                                        {"configmap.yaml", kConfigMap},
                                        {"role.yaml", kRole},
                                        {"rolebinding.yaml", kRoleBinding},
                                        {"service.yaml", kService},
                                        {"deployment.yaml", kDeployment},
                                        {"cronjob.yaml", kCronJob},
                                        {"hpa.yaml", kHpa},
                                        {"ingress.yaml", kIngress},
                                        {"pdb.yaml", kPdb},
                                        {"servicemonitor.yaml", kServiceMonitor},
                                        {"networkpolicy.yaml", kNetworkPolicy},
                                        {"tests/test-connection.yaml", kService, true}};
  int replicas = c.rng.Range(1, 3);  // the same chart rendered for several components
  for (int r = 0; r < replicas; ++r) {
    if (with_redis && r == 0) {
      App redis = app;
      redis.name = app.name + "-redis";
      redis.chart = "redis-17.3.7";
      redis.legacy = 0.02;
      std::string src = "# Source: " + std::string(chart.name) + "/charts/redis/templates/";
      s.Doc(AppObject(c, redis, kService), src + "master/service.yaml\n");
      s.Doc(AppObject(c, redis, kStatefulSet), src + "master/statefulset.yaml\n");
    }
    for (const Template& t : kTemplates) {
      std::string header = "# Source: " + std::string(chart.name) + "/templates/" + t.file + "\n";
      if (c.rng.Chance(0.15)) {  // disabled by values
        s.EmptyDoc(header);
        continue;
      }
      if (c.rng.Chance(0.1)) header += "\n";  // whitespace left by {{- if }}
      Node obj = t.test ? TestPod(c, app) : AppObject(c, app, t.kind);
      if (t.kind == kDeployment && !t.test && c.rng.Chance(0.5)) {  // big values-driven pod specs
        Node* spec = obj.Get("spec");
        Node* tmpl = spec ? spec->Get("template") : nullptr;
        if (tmpl) *tmpl->Get("spec") = PodSpec(c, app, 2);
      }
      s.Doc(std::move(obj), header);
    }
  }
  s.Finish();
  tree->Write(
      f, "rendered/" + std::string(chart.name) + "/" + app.team + "-" + app.name + "-" + app.env,
      ".yaml");
}

void CrdFile(Ctx& c, int index, TreeWriter* tree) {
  static const char* const kGroups[] = {"cache.example.com", "db.example.com",
                                        "mesh.example.io",   "pipelines.example.dev",
                                        "certs.example.org", "storage.example.net"};
  static const char* const kKinds[] = {"Cluster", "Backup", "Route",   "Pipeline", "Certificate",
                                       "Bucket",  "Policy", "Gateway", "Schedule", "Replica"};
  std::string group = kGroups[index % 6];
  ManifestFile f("crds");
  f.crlf = index % 7 == 3;
  Stream s(c, &f, YamlStyle{});
  if (index % 3 == 1) {  // the header is part of the first document
    f.text += "---\n# Generated by controller-gen. DO NOT EDIT.\n";
    s.SetLeadingSeparator(false);
  }
  int n = index % 4 == 0 ? 2 : 1;
  std::string first_kind;
  for (int i = 0; i < n; ++i) {
    std::string kind = kKinds[(index * 3 + i) % 10];
    if (i == 0) first_kind = kind;
    bool v1beta1 = index % 5 == 2 && i == 0;
    // Property budget: a property with its description is ~430 bytes: CRDs of ~170–470 KB.
    s.Doc(Crd(c, group, kind, v1beta1, c.rng.Range(400, 1100)));
  }
  s.Finish();
  tree->Write(f, "platform/crds/" + group + "_" + CrdPlural(first_kind), ".yaml");
}

// ---------------------------------------------------------------------------------------------
// Driver

struct Category {
  const char* name;
  double megabytes;  ///< at scale 1
  const char* what;
};

const Category kCategories[] = {
    {"streams", 13.0, "multi-document streams, 2-20 objects per file"},
    {"single", 2.6, "one object per file (deployment.yaml, service.yml, ...)"},
    {"platform", 1.5, "cluster-scoped objects: PSPs, FlowSchemas, PriorityClasses, RBAC"},
    {"configmaps", 5.0, "ConfigMaps with manifests, JSON and configs in block scalars"},
    {"json", 5.0, "kubectl get -o json: objects and kind: List"},
    {"exports", 2.5, "kubectl get -o yaml: kind: List, sorted keys, managedFields"},
    {"rendered", 6.5, "helm template output with # Source: headers"},
    {"crds", 4.0, "CustomResourceDefinitions with large openAPIV3Schema"},
};

void WriteManifest(const std::string& root, const Stats& st, uint64_t seed, double scale) {
  std::string s;
  char buf[512];
  auto line = [&](const char* fmt, auto... args) {
    std::snprintf(buf, sizeof buf, fmt, args...);
    s += buf;
  };
  int removed = 0, deprecated = 0;
  for (const auto& [key, n] : st.findings) {
    const DeprecatedApi* d = FindDeprecated(key.first, key.second);
    (d->removed_in && d->removed_in <= kTargetMinor ? removed : deprecated) += n;
  }
  s += "# kubeshift benchmark tree, written by kubeshift_bench_gen (tests/bench/gen_tree.cc).\n";
  s += "# files/bytes count *.yaml, *.yml and *.json (not this file). A JSON file is one "
       "document.\n";
  s += "# objects: top-level objects, kind: List items counted one by one (the List itself not).\n";
  s += "# expected_findings: objects whose apiVersion+kind is deprecated or removed at 1.29;\n";
  s += "# the decoys at the end are apiVersion text that is NOT a top-level object.\n";
  line("seed: %llu\n", static_cast<unsigned long long>(seed));
  line("scale: %g\n", scale);
  line("files: %d\n", st.all.files);
  line("bytes: %llu\n", static_cast<unsigned long long>(st.all.bytes));
  line("megabytes: %.1f\n", static_cast<double>(st.all.bytes) / (1024.0 * 1024.0));
  line("documents: %d\n", st.all.documents);
  line("empty_documents: %d\n", st.empty_documents);
  line("objects: %d\n", st.all.objects);
  line("lists: %d\n", st.lists);
  line("expected_findings: %d\n", st.all.findings);
  line("expected_removed: %d\n", removed);
  line("expected_deprecated: %d\n", deprecated);
  line("deprecated_share: %.1f%%\n",
       st.all.objects ? 100.0 * st.all.findings / st.all.objects : 0.0);
  line("crlf_files: %d\n", st.crlf_files);
  line("bom_files: %d\n", st.bom_files);
  line("largest_file_bytes: %llu\n", static_cast<unsigned long long>(st.largest_file));
  line("longest_line_bytes: %zu\n", st.longest_line);
  s += "\n# category: files bytes documents objects findings -- what\n";
  for (const Category& cat : kCategories) {
    auto it = st.categories.find(cat.name);
    if (it == st.categories.end()) continue;
    const Totals& t = it->second;
    line("category: %-10s %6d %10llu %7d %7d %6d -- %s\n", cat.name, t.files,
         static_cast<unsigned long long>(t.bytes), t.documents, t.objects, t.findings, cat.what);
  }
  s += "\n# finding: count apiVersion kind status-at-1.29\n";
  for (const auto& [key, n] : st.findings) {
    const DeprecatedApi* d = FindDeprecated(key.first, key.second);
    bool gone = d->removed_in && d->removed_in <= kTargetMinor;
    line("finding: %6d %s %s %s in 1.%d\n", n, key.first.c_str(), key.second.c_str(),
         gone ? "removed" : "deprecated", gone ? d->removed_in : d->deprecated_in);
  }
  s += "\n# decoy: count description (must not be reported)\n";
  for (const auto& [what, n] : st.decoys) line("decoy: %6d %s\n", n, what.c_str());
  std::ofstream(root + "/MANIFEST.txt", std::ios::binary) << s;
}

int Usage(const char* argv0, int code) {
  std::fprintf(code ? stderr : stdout,
               "usage: %s [--scale X] [--seed N] OUTDIR\n"
               "Writes a deterministic tree of Kubernetes manifests (about 40 MB in ~3000 files\n"
               "at scale 1) and OUTDIR/MANIFEST.txt with what it holds. OUTDIR must be absent or "
               "empty.\n",
               argv0);
  return code;
}

int Run(int argc, char** argv) {
  double scale = 1.0;
  uint64_t seed = 20240229;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "-h" || a == "--help") return Usage(argv[0], 0);
    if ((a == "--scale" || a == "--seed") && i + 1 < argc) {
      char* end = nullptr;
      if (a == "--scale")
        scale = std::strtod(argv[++i], &end);
      else
        seed = std::strtoull(argv[++i], &end, 10);
      if (!end || *end || scale <= 0) {
        std::fprintf(stderr, "%s: bad value for %s: %s\n", argv[0], a.data(), argv[i]);
        return 2;
      }
    } else if (!a.empty() && a[0] != '-' && out.empty()) {
      out = a;
    } else {
      return Usage(argv[0], 2);
    }
  }
  if (out.empty()) return Usage(argv[0], 2);
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_empty(out, ec)) {
    std::fprintf(stderr, "%s: %s exists and is not empty\n", argv[0], out.c_str());
    return 2;
  }
  fs::create_directories(out, ec);
  if (ec) {
    std::fprintf(stderr, "%s: cannot create %s: %s\n", argv[0], out.c_str(), ec.message().c_str());
    return 2;
  }

  Stats stats;
  TreeWriter tree(out, &stats);
  Rng org_rng(seed);
  std::vector<App> apps = MakeApps(org_rng);
  for (size_t k = 0; k < std::size(kCategories); ++k) {
    const Category& cat = kCategories[k];
    // Each category has its own random stream, so changing one does not reshuffle the others.
    Ctx c{Rng(seed * 1000003 + k + 1), &stats.decoys};
    uint64_t budget = static_cast<uint64_t>(cat.megabytes * scale * 1024 * 1024);
    for (int i = 0; stats.categories[cat.name].bytes < budget; ++i) {
      std::string_view name = cat.name;
      if (name == "streams")
        StreamFile(c, apps, &tree);
      else if (name == "single")
        SingleFile(c, apps, &tree);
      else if (name == "platform")
        PlatformFile(c, apps, &tree);
      else if (name == "configmaps")
        EmbeddedConfigFile(c, apps, &tree);
      else if (name == "json")
        JsonFile(c, apps, &tree);
      else if (name == "exports")
        ExportFile(c, apps, &tree);
      else if (name == "rendered")
        RenderedChartFile(c, apps, &tree);
      else
        CrdFile(c, i, &tree);
    }
  }
  WriteManifest(out, stats, seed, scale);
  std::printf("%s: %d files, %.1f MB, %d documents, %d objects, %d expected findings at 1.29\n",
              out.c_str(), stats.all.files,
              static_cast<double>(stats.all.bytes) / (1024.0 * 1024.0), stats.all.documents,
              stats.all.objects, stats.all.findings);
  return 0;
}

}  // namespace
}  // namespace kubeshift_bench

int main(int argc, char** argv) { return kubeshift_bench::Run(argc, argv); }
