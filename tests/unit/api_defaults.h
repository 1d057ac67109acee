// The API server's defaulting, for tests: a small value tree, the defaults of each target
// group/version per kind, and a normaliser for what is not part of an object's meaning.
//
// Used by the kubectl-convert conformance test: kubectl-convert prints the SOURCE version's
// defaults and kubeshift writes only what must change, so the two outputs are compared as the
// objects the API server would store at the TARGET version: both are defaulted here first.
// The facts come from the Kubernetes defaulting functions (pkg/apis/<group>/<version>/
// defaults.go, feature gates as in 1.26) and /work/shared/reference/kubectl-convert.md §2.2.
// Only what a manifest can carry is covered; status-only defaults are left out.
#ifndef KUBESHIFT_TESTS_UNIT_API_DEFAULTS_H_
#define KUBESHIFT_TESTS_UNIT_API_DEFAULTS_H_

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kubeshift::api_defaults {

// ---------------------------------------------------------------------------------------------
// The value tree: what a YAML or JSON document means, without its text. Maps are sorted, so
// two objects compare equal whatever their key order.

struct Value {
  enum class Type { kNull, kBool, kInt, kFloat, kString, kMap, kSequence };
  Type type = Type::kNull;
  std::string text;                     ///< scalars: "true"/"false", the number, or the string
  std::map<std::string, Value> fields;  ///< maps
  std::vector<Value> items;             ///< sequences

  static Value Str(std::string s) { return Scalar(Type::kString, std::move(s)); }
  static Value Int(long long n) { return Scalar(Type::kInt, std::to_string(n)); }
  static Value Bool(bool b) { return Scalar(Type::kBool, b ? "true" : "false"); }
  static Value Map() {
    Value v;
    v.type = Type::kMap;
    return v;
  }
  static Value Seq(std::vector<Value> items = {}) {
    Value v;
    v.type = Type::kSequence;
    v.items = std::move(items);
    return v;
  }
  static Value Scalar(Type type, std::string text) {
    Value v;
    v.type = type;
    v.text = std::move(text);
    return v;
  }

  bool IsNull() const { return type == Type::kNull; }
  bool IsMap() const { return type == Type::kMap; }
  bool IsSeq() const { return type == Type::kSequence; }
  bool IsScalar() const { return !IsNull() && !IsMap() && !IsSeq(); }
  /// A scalar whose text is \a s (any scalar type: "true" matches the bool and the string).
  bool Is(std::string_view s) const { return IsScalar() && text == s; }

  const Value* Get(std::string_view key) const {
    if (!IsMap()) return nullptr;
    auto it = fields.find(std::string(key));
    return it == fields.end() ? nullptr : &it->second;
  }
  Value* Get(std::string_view key) { return const_cast<Value*>(static_cast<const Value*>(this)->Get(key)); }
  const Value* Path(std::initializer_list<std::string_view> keys) const {
    const Value* v = this;
    for (std::string_view key : keys) {
      if (!(v = v->Get(key))) return nullptr;
    }
    return v;
  }
  Value* Path(std::initializer_list<std::string_view> keys) {
    return const_cast<Value*>(static_cast<const Value*>(this)->Path(keys));
  }
  /// The scalar text at \a key, or "" when absent.
  std::string_view TextOf(std::string_view key) const {
    const Value* v = Get(key);
    return v && v->IsScalar() ? std::string_view(v->text) : std::string_view();
  }
  /// The map at \a key, created (and this made a map) when missing.
  Value& Child(const std::string& key) {
    if (!IsMap()) *this = Map();
    Value& child = fields[key];
    if (!child.IsMap()) child = Map();
    return child;
  }
  void Erase(std::string_view key) { fields.erase(std::string(key)); }

  friend bool operator==(const Value& a, const Value& b) {
    return a.type == b.type && a.text == b.text && a.fields == b.fields && a.items == b.items;
  }
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }
};

// ---------------------------------------------------------------------------------------------
// Reading YAML and JSON.

/// How go-yaml v2 (what kubectl and the API server's YAML decoding use) reads a plain scalar:
/// YAML 1.1 booleans included ("yes", "on"), so a plain `on` in a file means true.
inline Value ResolvePlain(const std::string& s) {
  static const std::set<std::string> kNull = {"", "~", "null", "Null", "NULL"};
  static const std::set<std::string> kTrue = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
  static const std::set<std::string> kFalse = {"n",     "N",     "no",  "No",  "NO", "false",
                                               "False", "FALSE", "off", "Off", "OFF"};
  static const std::regex kInt("[-+]?[0-9]+");
  static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (kNull.count(s)) return Value();
  if (kTrue.count(s)) return Value::Bool(true);
  if (kFalse.count(s)) return Value::Bool(false);
  if (std::regex_match(s, kInt)) {
    std::string digits = s[0] == '+' ? s.substr(1) : s;
    return Value::Scalar(Value::Type::kInt, digits);
  }
  if (std::regex_match(s, kFloat)) return Value::Scalar(Value::Type::kFloat, s);
  return Value::Str(s);
}

inline Value FromYaml(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      Value v = Value::Map();
      for (const auto& entry : node) v.fields[entry.first.as<std::string>()] = FromYaml(entry.second);
      return v;
    }
    case YAML::NodeType::Sequence: {
      Value v = Value::Seq();
      for (const auto& item : node) v.items.push_back(FromYaml(item));
      return v;
    }
    case YAML::NodeType::Scalar:
      // "?" is a plain scalar; "!" a quoted one; anything else an explicit tag (!!str and the like).
      if (node.Tag() == "?") return ResolvePlain(node.Scalar());
      return Value::Str(node.Scalar());
    default:
      return Value();
  }
}

/// The objects of a stream: each non-empty document, a `kind: List` (or any *List with items)
/// split into its items, as kubectl-convert reads them. Throws YAML::Exception on bad YAML.
inline std::vector<Value> ParseObjects(const std::string& text) {
  std::vector<Value> objects;
  for (const YAML::Node& document : YAML::LoadAll(text)) {
    Value v = FromYaml(document);
    if (v.IsNull()) continue;
    const Value* items = v.Get("items");
    if (std::string_view(v.TextOf("kind")).ends_with("List") && items && items->IsSeq()) {
      for (const Value& item : items->items) objects.push_back(item);
    } else {
      objects.push_back(std::move(v));
    }
  }
  return objects;
}

// ---------------------------------------------------------------------------------------------
// Small helpers for defaulting. Go's defaulting tests either "the pointer is nil" (absent
// here: nulls are dropped before defaulting) or "the value is the zero value".

inline bool Absent(const Value& map, std::string_view key) { return map.Get(key) == nullptr; }

/// Zero in Go's sense: absent, "", 0, false, or an empty map or list.
inline bool IsZero(const Value* v) {
  if (!v || v->IsNull()) return true;
  switch (v->type) {
    case Value::Type::kBool:
      return v->text == "false";
    case Value::Type::kInt:
    case Value::Type::kFloat:
      return std::stod(v->text) == 0;
    case Value::Type::kString:
      return v->text.empty();
    case Value::Type::kMap:
      return v->fields.empty();
    case Value::Type::kSequence:
      return v->items.empty();
    default:
      return true;
  }
}

/// Defaults a pointer field: set when absent.
inline void SetIfAbsent(Value& map, const std::string& key, Value value) {
  if (Absent(map, key)) map.fields[key] = std::move(value);
}

/// Defaults a plain (non-pointer) field: set when absent or zero.
inline void SetIfZero(Value& map, const std::string& key, Value value) {
  if (IsZero(map.Get(key))) map.fields[key] = std::move(value);
}

/// Calls \a f on every map item of the list at \a key.
template <typename F>
void ForEachItem(Value& map, std::string_view key, F f) {
  Value* list = map.Get(key);
  if (!list || !list->IsSeq()) return;
  for (Value& item : list->items) {
    if (item.IsMap()) f(item);
  }
}

template <typename F>
void IfMap(Value* v, F f) {
  if (v && v->IsMap()) f(*v);
}

// ---------------------------------------------------------------------------------------------
// core/v1: pod specs, pod templates, Pods, Services, ReplicationControllers, PVCs, Namespaces.

/// parsers.ParseImageName: the tag is "latest" when there is neither a tag nor a digest.
inline std::string ImageTag(std::string_view image) {
  const size_t at = image.find('@');
  const bool digest = at != std::string_view::npos;
  std::string_view name = image.substr(0, at);
  const size_t slash = name.rfind('/');
  const size_t colon = name.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    return std::string(name.substr(colon + 1));
  }
  return digest ? "" : "latest";
}

inline void DefaultHttpGet(Value& get) {
  SetIfZero(get, "path", Value::Str("/"));
  SetIfZero(get, "scheme", Value::Str("HTTP"));
}

inline void DefaultProbe(Value& probe) {
  SetIfZero(probe, "timeoutSeconds", Value::Int(1));
  SetIfZero(probe, "periodSeconds", Value::Int(10));
  SetIfZero(probe, "successThreshold", Value::Int(1));
  SetIfZero(probe, "failureThreshold", Value::Int(3));
  IfMap(probe.Get("httpGet"), DefaultHttpGet);
}

inline void DefaultLifecycleHandler(Value& handler) { IfMap(handler.Get("httpGet"), DefaultHttpGet); }

inline void DefaultFieldRef(Value& holder) {
  IfMap(holder.Get("fieldRef"), [](Value& ref) { SetIfZero(ref, "apiVersion", Value::Str("v1")); });
}

inline void DefaultContainer(Value& c) {
  if (IsZero(c.Get("imagePullPolicy"))) {
    c.fields["imagePullPolicy"] = Value::Str(ImageTag(c.TextOf("image")) == "latest" ? "Always" : "IfNotPresent");
  }
  SetIfZero(c, "terminationMessagePath", Value::Str("/dev/termination-log"));
  SetIfZero(c, "terminationMessagePolicy", Value::Str("File"));
  // Not a default: a non-pointer struct that kubectl always prints.
  SetIfAbsent(c, "resources", Value::Map());
  ForEachItem(c, "ports", [](Value& port) { SetIfZero(port, "protocol", Value::Str("TCP")); });
  for (const char* probe : {"livenessProbe", "readinessProbe", "startupProbe"}) IfMap(c.Get(probe), DefaultProbe);
  IfMap(c.Get("lifecycle"), [](Value& lifecycle) {
    IfMap(lifecycle.Get("postStart"), DefaultLifecycleHandler);
    IfMap(lifecycle.Get("preStop"), DefaultLifecycleHandler);
  });
  ForEachItem(c, "env", [](Value& env) { IfMap(env.Get("valueFrom"), DefaultFieldRef); });
}

inline void DefaultProjectedSource(Value& source) {
  IfMap(source.Get("serviceAccountToken"),
        [](Value& token) { SetIfAbsent(token, "expirationSeconds", Value::Int(3600)); });
  IfMap(source.Get("downwardAPI"), [](Value& api) { ForEachItem(api, "items", DefaultFieldRef); });
}

inline void DefaultVolume(Value& volume) {
  static const std::set<std::string> kNotSources = {"name"};
  bool has_source = false;
  for (const auto& [key, value] : volume.fields) has_source = has_source || !kNotSources.count(key);
  if (!has_source) volume.fields["emptyDir"] = Value::Map();
  for (const char* source : {"secret", "configMap", "downwardAPI", "projected"}) {
    IfMap(volume.Get(source), [](Value& s) { SetIfAbsent(s, "defaultMode", Value::Int(420)); });
  }
  IfMap(volume.Get("downwardAPI"), [](Value& api) { ForEachItem(api, "items", DefaultFieldRef); });
  IfMap(volume.Get("projected"), [](Value& p) { ForEachItem(p, "sources", DefaultProjectedSource); });
  IfMap(volume.Get("hostPath"), [](Value& h) { SetIfAbsent(h, "type", Value::Str("")); });
  IfMap(volume.Get("iscsi"), [](Value& s) { SetIfZero(s, "iscsiInterface", Value::Str("default")); });
  IfMap(volume.Get("rbd"), [](Value& s) {
    SetIfZero(s, "pool", Value::Str("rbd"));
    SetIfZero(s, "user", Value::Str("admin"));
    SetIfZero(s, "keyring", Value::Str("/etc/ceph/keyring"));
  });
  IfMap(volume.Get("azureDisk"), [](Value& s) {
    SetIfAbsent(s, "cachingMode", Value::Str("ReadWrite"));
    SetIfAbsent(s, "fsType", Value::Str("ext4"));
    SetIfAbsent(s, "readOnly", Value::Bool(false));
    SetIfAbsent(s, "kind", Value::Str("Shared"));
  });
}

/// SetDefaults_PodSpec plus the defaults of everything inside it.
inline void DefaultPodSpec(Value& spec) {
  SetIfZero(spec, "dnsPolicy", Value::Str("ClusterFirst"));
  SetIfZero(spec, "restartPolicy", Value::Str("Always"));
  SetIfAbsent(spec, "securityContext", Value::Map());
  SetIfAbsent(spec, "terminationGracePeriodSeconds", Value::Int(30));
  SetIfZero(spec, "schedulerName", Value::Str("default-scheduler"));
  for (const char* list : {"containers", "initContainers", "ephemeralContainers"})
    ForEachItem(spec, list, DefaultContainer);
  ForEachItem(spec, "volumes", DefaultVolume);
}

/// A PodTemplateSpec (workloads, Jobs, ReplicationControllers, PodTemplates).
inline void DefaultPodTemplate(Value* template_spec) {
  IfMap(template_spec, [](Value& t) { DefaultPodSpec(t.Child("spec")); });
}

/// With hostNetwork every container port also gets hostPort := containerPort (Pods only).
inline void DefaultHostNetworkPorts(Value& spec) {
  if (const Value* host = spec.Get("hostNetwork"); !host || !host->Is("true")) return;
  for (const char* list : {"containers", "initContainers"}) {
    ForEachItem(spec, list, [](Value& c) {
      ForEachItem(c, "ports", [](Value& port) {
        if (IsZero(port.Get("hostPort")) && port.Get("containerPort"))
          port.fields["hostPort"] = port.fields["containerPort"];
      });
    });
  }
}

/// SetDefaults_Pod: what only a bare Pod gets (not a template).
inline void DefaultPod(Value& pod) {
  Value& spec = pod.Child("spec");
  DefaultPodSpec(spec);
  SetIfAbsent(spec, "enableServiceLinks", Value::Bool(true));
  for (const char* list : {"containers", "initContainers"}) {
    ForEachItem(spec, list, [](Value& c) {
      const Value* limits = c.Path({"resources", "limits"});
      if (!limits || !limits->IsMap()) return;
      Value& requests = c.Child("resources").Child("requests");
      for (const auto& [name, quantity] : limits->fields) SetIfAbsent(requests, name, quantity);
    });
  }
  DefaultHostNetworkPorts(spec);
}

inline void DefaultPersistentVolumeClaim(Value& pvc) {
  SetIfAbsent(pvc.Child("spec"), "volumeMode", Value::Str("Filesystem"));
  SetIfZero(pvc.Child("status"), "phase", Value::Str("Pending"));
}

inline void DefaultService(Value& service) {
  Value& spec = service.Child("spec");
  SetIfZero(spec, "sessionAffinity", Value::Str("None"));
  if (spec.TextOf("sessionAffinity") == "None") spec.Erase("sessionAffinityConfig");
  if (spec.TextOf("sessionAffinity") == "ClientIP") {
    SetIfAbsent(spec.Child("sessionAffinityConfig").Child("clientIP"), "timeoutSeconds", Value::Int(10800));
  }
  SetIfZero(spec, "type", Value::Str("ClusterIP"));
  ForEachItem(spec, "ports", [](Value& port) {
    SetIfZero(port, "protocol", Value::Str("TCP"));
    if (IsZero(port.Get("targetPort")) && port.Get("port")) port.fields["targetPort"] = port.fields["port"];
  });
  const std::string_view type = spec.TextOf("type");
  const bool external = type == "NodePort" || type == "LoadBalancer" || !IsZero(spec.Get("externalIPs"));
  if (external) SetIfZero(spec, "externalTrafficPolicy", Value::Str("Cluster"));
  if (type == "NodePort" || type == "LoadBalancer" || type == "ClusterIP") {
    SetIfAbsent(spec, "internalTrafficPolicy", Value::Str("Cluster"));
  }
  if (type == "LoadBalancer") SetIfAbsent(spec, "allocateLoadBalancerNodePorts", Value::Bool(true));
}

inline void DefaultReplicationController(Value& rc) {
  Value& spec = rc.Child("spec");
  if (const Value* labels = spec.Path({"template", "metadata", "labels"}); labels && !IsZero(labels)) {
    if (IsZero(spec.Get("selector"))) spec.fields["selector"] = *labels;
    if (IsZero(rc.Path({"metadata", "labels"}))) rc.Child("metadata").fields["labels"] = *labels;
  }
  SetIfAbsent(spec, "replicas", Value::Int(1));
  DefaultPodTemplate(spec.Get("template"));
}

inline void DefaultNamespace(Value& ns) {
  const std::string name(ns.Child("metadata").TextOf("name"));
  if (!name.empty()) ns.Child("metadata").Child("labels").fields["kubernetes.io/metadata.name"] = Value::Str(name);
  SetIfZero(ns.Child("status"), "phase", Value::Str("Active"));
}

inline void DefaultSecret(Value& secret) { SetIfZero(secret, "type", Value::Str("Opaque")); }

// ---------------------------------------------------------------------------------------------
// apps/v1 (workloads). No selector or label defaulting: apps/v1 requires the selector.

inline void DefaultAppsDeployment(Value& d) {
  Value& spec = d.Child("spec");
  SetIfAbsent(spec, "replicas", Value::Int(1));
  Value& strategy = spec.Child("strategy");
  SetIfZero(strategy, "type", Value::Str("RollingUpdate"));
  if (strategy.TextOf("type") == "RollingUpdate") {
    Value& rolling = strategy.Child("rollingUpdate");
    SetIfAbsent(rolling, "maxUnavailable", Value::Str("25%"));
    SetIfAbsent(rolling, "maxSurge", Value::Str("25%"));
  }
  SetIfAbsent(spec, "revisionHistoryLimit", Value::Int(10));
  SetIfAbsent(spec, "progressDeadlineSeconds", Value::Int(600));
  DefaultPodTemplate(spec.Get("template"));
}

inline void DefaultAppsDaemonSet(Value& ds) {
  Value& spec = ds.Child("spec");
  Value& strategy = spec.Child("updateStrategy");
  SetIfZero(strategy, "type", Value::Str("RollingUpdate"));
  if (strategy.TextOf("type") == "RollingUpdate") {
    Value& rolling = strategy.Child("rollingUpdate");
    SetIfAbsent(rolling, "maxUnavailable", Value::Int(1));
    SetIfAbsent(rolling, "maxSurge", Value::Int(0));
  }
  SetIfAbsent(spec, "revisionHistoryLimit", Value::Int(10));
  DefaultPodTemplate(spec.Get("template"));
}

inline void DefaultAppsStatefulSet(Value& sts) {
  Value& spec = sts.Child("spec");
  SetIfZero(spec, "podManagementPolicy", Value::Str("OrderedReady"));
  Value& strategy = spec.Child("updateStrategy");
  if (IsZero(strategy.Get("type"))) {
    strategy.fields["type"] = Value::Str("RollingUpdate");
    strategy.Child("rollingUpdate");
  }
  if (strategy.TextOf("type") == "RollingUpdate" && strategy.Get("rollingUpdate")) {
    SetIfAbsent(strategy.Child("rollingUpdate"), "partition", Value::Int(0));
  }
  SetIfAbsent(spec, "replicas", Value::Int(1));
  SetIfAbsent(spec, "revisionHistoryLimit", Value::Int(10));
  DefaultPodTemplate(spec.Get("template"));
  ForEachItem(spec, "volumeClaimTemplates", DefaultPersistentVolumeClaim);
}

inline void DefaultAppsReplicaSet(Value& rs) {
  Value& spec = rs.Child("spec");
  SetIfAbsent(spec, "replicas", Value::Int(1));
  DefaultPodTemplate(spec.Get("template"));
}

// ---------------------------------------------------------------------------------------------
// batch/v1. A CronJob's jobTemplate gets pod-template defaults only (SetDefaults_Job is
// registered on Job, not on JobSpec).

inline void DefaultBatchJob(Value& job) {
  Value& spec = job.Child("spec");
  if (Absent(spec, "completions") && Absent(spec, "parallelism")) {
    spec.fields["completions"] = Value::Int(1);
    spec.fields["parallelism"] = Value::Int(1);
  }
  SetIfAbsent(spec, "parallelism", Value::Int(1));
  SetIfAbsent(spec, "backoffLimit", Value::Int(6));
  SetIfAbsent(spec, "completionMode", Value::Str("NonIndexed"));
  SetIfAbsent(spec, "suspend", Value::Bool(false));
  DefaultPodTemplate(spec.Get("template"));
}

inline void DefaultBatchCronJob(Value& cron) {
  Value& spec = cron.Child("spec");
  SetIfZero(spec, "concurrencyPolicy", Value::Str("Allow"));
  SetIfAbsent(spec, "suspend", Value::Bool(false));
  SetIfAbsent(spec, "successfulJobsHistoryLimit", Value::Int(3));
  SetIfAbsent(spec, "failedJobsHistoryLimit", Value::Int(1));
  IfMap(spec.Path({"jobTemplate", "spec"}), [](Value& job_spec) { DefaultPodTemplate(job_spec.Get("template")); });
}

// ---------------------------------------------------------------------------------------------
// autoscaling.

inline Value ScalingPolicy(const char* type, int value, int period) {
  Value policy = Value::Map();
  policy.fields["type"] = Value::Str(type);
  policy.fields["value"] = Value::Int(value);
  policy.fields["periodSeconds"] = Value::Int(period);
  return policy;
}

/// GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: the unset parts of the rules.
inline void DefaultScalingRules(Value& behavior, const std::string& key, bool scale_up) {
  Value& rules = behavior.Child(key);
  SetIfAbsent(rules, "selectPolicy", Value::Str("Max"));
  if (scale_up) SetIfAbsent(rules, "stabilizationWindowSeconds", Value::Int(0));
  if (Absent(rules, "policies")) {
    rules.fields["policies"] = scale_up ? Value::Seq({ScalingPolicy("Pods", 4, 15), ScalingPolicy("Percent", 100, 15)})
                                        : Value::Seq({ScalingPolicy("Percent", 100, 15)});
  }
}

inline void DefaultAutoscalingV2Hpa(Value& hpa) {
  Value& spec = hpa.Child("spec");
  SetIfAbsent(spec, "minReplicas", Value::Int(1));
  if (IsZero(spec.Get("metrics"))) {
    Value target = Value::Map();
    target.fields["type"] = Value::Str("Utilization");
    target.fields["averageUtilization"] = Value::Int(80);
    Value metric = Value::Map();
    metric.fields["type"] = Value::Str("Resource");
    metric.Child("resource").fields["name"] = Value::Str("cpu");
    metric.Child("resource").fields["target"] = target;
    spec.fields["metrics"] = Value::Seq({metric});
  }
  if (Value* behavior = spec.Get("behavior"); behavior && behavior->IsMap()) {
    DefaultScalingRules(*behavior, "scaleUp", true);
    DefaultScalingRules(*behavior, "scaleDown", false);
  }
}

inline void DefaultAutoscalingV1Hpa(Value& hpa) { SetIfAbsent(hpa.Child("spec"), "minReplicas", Value::Int(1)); }

// ---------------------------------------------------------------------------------------------
// networking, policy, rbac, storage, scheduling, discovery, node, coordination, events.

inline void DefaultNetworkPolicy(Value& np) {
  Value& spec = np.Child("spec");
  for (const char* direction : {"ingress", "egress"}) {
    ForEachItem(spec, direction, [](Value& rule) {
      ForEachItem(rule, "ports", [](Value& port) { SetIfAbsent(port, "protocol", Value::Str("TCP")); });
    });
  }
  if (IsZero(spec.Get("policyTypes"))) {
    Value types = Value::Seq({Value::Str("Ingress")});
    if (!IsZero(spec.Get("egress"))) types.items.push_back(Value::Str("Egress"));
    spec.fields["policyTypes"] = types;
  }
}

inline void DefaultIngressClass(Value& ic) {
  IfMap(ic.Path({"spec", "parameters"}), [](Value& p) { SetIfAbsent(p, "scope", Value::Str("Cluster")); });
}

inline void DefaultPodSecurityPolicy(Value& psp) {
  SetIfAbsent(psp.Child("spec"), "allowPrivilegeEscalation", Value::Bool(true));
}

inline void DefaultRbacSubjects(Value& binding) {
  IfMap(binding.Get("roleRef"),
        [](Value& ref) { SetIfZero(ref, "apiGroup", Value::Str("rbac.authorization.k8s.io")); });
  ForEachItem(binding, "subjects", [](Value& subject) {
    const std::string_view kind = subject.TextOf("kind");
    if (kind == "User" || kind == "Group") SetIfZero(subject, "apiGroup", Value::Str("rbac.authorization.k8s.io"));
  });
}

inline void DefaultStorageClass(Value& sc) {
  SetIfAbsent(sc, "reclaimPolicy", Value::Str("Delete"));
  SetIfAbsent(sc, "volumeBindingMode", Value::Str("Immediate"));
}

inline void DefaultCsiDriver(Value& driver) {
  Value& spec = driver.Child("spec");
  SetIfAbsent(spec, "attachRequired", Value::Bool(true));
  SetIfAbsent(spec, "podInfoOnMount", Value::Bool(false));
  SetIfAbsent(spec, "storageCapacity", Value::Bool(false));
  SetIfAbsent(spec, "fsGroupPolicy", Value::Str("ReadWriteOnceWithFSType"));
  SetIfZero(spec, "volumeLifecycleModes", Value::Seq({Value::Str("Persistent")}));
  SetIfAbsent(spec, "requiresRepublish", Value::Bool(false));
}

inline void DefaultPriorityClass(Value& pc) { SetIfAbsent(pc, "preemptionPolicy", Value::Str("PreemptLowerPriority")); }

inline void DefaultEndpointSlice(Value& slice) {
  ForEachItem(slice, "ports", [](Value& port) {
    SetIfAbsent(port, "name", Value::Str(""));
    SetIfAbsent(port, "protocol", Value::Str("TCP"));
  });
}

// ---------------------------------------------------------------------------------------------
// admissionregistration.k8s.io/v1 webhooks.

inline void DefaultWebhookCommon(Value& webhook) {
  SetIfAbsent(webhook, "failurePolicy", Value::Str("Fail"));
  SetIfAbsent(webhook, "matchPolicy", Value::Str("Equivalent"));
  SetIfAbsent(webhook, "namespaceSelector", Value::Map());
  SetIfAbsent(webhook, "objectSelector", Value::Map());
  SetIfAbsent(webhook, "timeoutSeconds", Value::Int(10));
  ForEachItem(webhook, "rules", [](Value& rule) { SetIfAbsent(rule, "scope", Value::Str("*")); });
  IfMap(webhook.Path({"clientConfig", "service"}), [](Value& s) { SetIfAbsent(s, "port", Value::Int(443)); });
}

inline void DefaultValidatingWebhooks(Value& config) { ForEachItem(config, "webhooks", DefaultWebhookCommon); }

inline void DefaultMutatingWebhooks(Value& config) {
  ForEachItem(config, "webhooks", [](Value& webhook) {
    DefaultWebhookCommon(webhook);
    SetIfAbsent(webhook, "reinvocationPolicy", Value::Str("Never"));
  });
}

// ---------------------------------------------------------------------------------------------
// flowcontrol.apiserver.k8s.io: v1beta2 names the shares assuredConcurrencyShares, v1beta3
// and v1 nominalConcurrencyShares (v1beta3 keeps an explicit 0 only with its round-trip
// annotation; v1 defaults only an unset value).

inline void DefaultFlowSchema(Value& fs) { SetIfZero(fs.Child("spec"), "matchingPrecedence", Value::Int(1000)); }

inline void DefaultQueuing(Value& queuing) {
  SetIfZero(queuing, "handSize", Value::Int(8));
  SetIfZero(queuing, "queues", Value::Int(64));
  SetIfZero(queuing, "queueLengthLimit", Value::Int(50));
}

inline void DefaultPriorityLevel(Value& plc, std::string_view version) {
  Value* limited = plc.Path({"spec", "limited"});
  if (limited && limited->IsMap()) {
    if (version == "v1beta2" || version == "v1beta1" || version == "v1alpha1") {
      SetIfZero(*limited, "assuredConcurrencyShares", Value::Int(30));
    } else if (version == "v1") {
      SetIfAbsent(*limited, "nominalConcurrencyShares", Value::Int(30));
    } else {
      const Value* annotations = plc.Path({"metadata", "annotations"});
      const bool keep_zero =
          annotations && annotations->Get("flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares");
      if (!keep_zero) SetIfZero(*limited, "nominalConcurrencyShares", Value::Int(30));
    }
    if (version != "v1alpha1" && version != "v1beta1") SetIfAbsent(*limited, "lendablePercent", Value::Int(0));
    IfMap(limited->Path({"limitResponse", "queuing"}), DefaultQueuing);
  }
  IfMap(plc.Path({"spec", "exempt"}), [](Value& exempt) {
    SetIfAbsent(exempt, "nominalConcurrencyShares", Value::Int(0));
    SetIfAbsent(exempt, "lendablePercent", Value::Int(0));
  });
}

// ---------------------------------------------------------------------------------------------
// Dispatch.

inline std::string_view GroupOf(std::string_view api_version) {
  const size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

inline std::string_view VersionOf(std::string_view api_version) {
  const size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? api_version : api_version.substr(slash + 1);
}

/// Applies the API server's defaults of \a target_api_version ("apps/v1") to \a object, as
/// for a create at that version. Kinds without defaults are left alone.
inline void ApplyDefaults(Value& object, std::string_view target_api_version) {
  const std::string kind(object.TextOf("kind"));
  const std::string_view group = GroupOf(target_api_version);
  const std::string_view version = VersionOf(target_api_version);
  if (group.empty() && version == "v1") {
    if (kind == "Pod") DefaultPod(object);
    if (kind == "PodTemplate") DefaultPodTemplate(object.Get("template"));
    if (kind == "Service") DefaultService(object);
    if (kind == "ReplicationController") DefaultReplicationController(object);
    if (kind == "PersistentVolumeClaim") DefaultPersistentVolumeClaim(object);
    if (kind == "Namespace") DefaultNamespace(object);
    if (kind == "Secret") DefaultSecret(object);
  } else if (group == "apps") {
    // apps/v1beta2 has the same defaults as apps/v1; older sources are never targets here.
    if (kind == "Deployment") DefaultAppsDeployment(object);
    if (kind == "DaemonSet") DefaultAppsDaemonSet(object);
    if (kind == "StatefulSet") DefaultAppsStatefulSet(object);
    if (kind == "ReplicaSet") DefaultAppsReplicaSet(object);
  } else if (group == "batch" && version == "v1") {
    if (kind == "Job") DefaultBatchJob(object);
    if (kind == "CronJob") DefaultBatchCronJob(object);
  } else if (group == "autoscaling") {
    if (version == "v1") DefaultAutoscalingV1Hpa(object);
    if (version == "v2") DefaultAutoscalingV2Hpa(object);
  } else if (group == "networking.k8s.io" && version == "v1") {
    if (kind == "NetworkPolicy") DefaultNetworkPolicy(object);
    if (kind == "IngressClass") DefaultIngressClass(object);
    // Ingress: networking.k8s.io/v1 has no defaults (pathType is required).
  } else if (group == "policy") {
    // policy/v1 PodDisruptionBudget: no defaults.
    if (kind == "PodSecurityPolicy") DefaultPodSecurityPolicy(object);
  } else if (group == "rbac.authorization.k8s.io") {
    if (kind == "RoleBinding" || kind == "ClusterRoleBinding") DefaultRbacSubjects(object);
  } else if (group == "storage.k8s.io" && version == "v1") {
    if (kind == "StorageClass") DefaultStorageClass(object);
    if (kind == "CSIDriver") DefaultCsiDriver(object);
  } else if (group == "scheduling.k8s.io") {
    if (kind == "PriorityClass") DefaultPriorityClass(object);
  } else if (group == "discovery.k8s.io") {
    if (kind == "EndpointSlice") DefaultEndpointSlice(object);
  } else if (group == "admissionregistration.k8s.io" && version == "v1") {
    if (kind == "ValidatingWebhookConfiguration") DefaultValidatingWebhooks(object);
    if (kind == "MutatingWebhookConfiguration") DefaultMutatingWebhooks(object);
  } else if (group == "flowcontrol.apiserver.k8s.io") {
    if (kind == "FlowSchema") DefaultFlowSchema(object);
    if (kind == "PriorityLevelConfiguration") DefaultPriorityLevel(object, version);
  }
  // node.k8s.io/v1, coordination.k8s.io/v1, events.k8s.io/v1, certificates.k8s.io/v1,
  // apiextensions.k8s.io/v1 (as far as this test needs): no defaults.
}

// ---------------------------------------------------------------------------------------------
// Quantities and times: compared by value, as the API server stores them.

/// A decimal digit string times \a factor (small).
inline std::string MultiplyDigits(const std::string& digits, unsigned factor) {
  std::string out;
  unsigned carry = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    const unsigned n = static_cast<unsigned>(*it - '0') * factor + carry;
    out.push_back(static_cast<char>('0' + n % 10));
    carry = n / 10;
  }
  for (; carry; carry /= 10) out.push_back(static_cast<char>('0' + carry % 10));
  std::reverse(out.begin(), out.end());
  return out;
}

/// A quantity ("500m", "1.5Gi", "1e9", 2) as an exact plain decimal ("0.5", "1610612736",
/// "1000000000", "2"); nullopt when \a text is not a quantity.
inline std::optional<std::string> CanonicalQuantity(const std::string& text) {
  static const std::regex kQuantity(
      "([+-]?)([0-9]*)(?:\\.([0-9]*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
  std::smatch m;
  if (!std::regex_match(text, m, kQuantity) || (m[2].length() == 0 && m[3].length() == 0)) return std::nullopt;
  std::string digits = m[2].str() + m[3].str();
  long exponent = -static_cast<long>(m[3].length());
  const std::string suffix = m[4].str();
  static const std::map<std::string, int> kDecimal = {{"n", -9}, {"u", -6}, {"m", -3}, {"", 0},   {"k", 3},
                                                      {"M", 6},  {"G", 9},  {"T", 12}, {"P", 15}, {"E", 18}};
  static const std::map<std::string, int> kBinary = {{"Ki", 1}, {"Mi", 2}, {"Gi", 3}, {"Ti", 4}, {"Pi", 5}, {"Ei", 6}};
  if (auto it = kDecimal.find(suffix); it != kDecimal.end()) {
    exponent += it->second;
  } else if (auto bin = kBinary.find(suffix); bin != kBinary.end()) {
    for (int i = 0; i < bin->second; ++i) digits = MultiplyDigits(digits, 1024);
  } else {
    exponent += std::stol(suffix.substr(1));
  }
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  if (digits.empty()) return "0";
  while (digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  const std::string sign = m[1].str() == "-" ? "-" : "";
  if (exponent >= 0) return sign + digits + std::string(static_cast<size_t>(exponent), '0');
  const long point = static_cast<long>(digits.size()) + exponent;
  return sign + (point > 0
                     ? digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point))
                     : "0." + std::string(static_cast<size_t>(-point), '0') + digits);
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
inline long long DaysFromCivil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

/// An RFC 3339 time in UTC, as metav1.Time (seconds) or metav1.MicroTime (6 fractional
/// digits) prints it; nullopt when \a text is not one.
inline std::optional<std::string> CanonicalTime(const std::string& text, bool micro) {
  static const std::regex kTime(
      "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})"  // date and time
      "(?:\\.([0-9]+))?"                                                       // fraction
      "(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))");                               // zone
  std::smatch m;
  if (!std::regex_match(text, m, kTime)) return std::nullopt;
  long long seconds = DaysFromCivil(std::stoll(m[1]), std::stoul(m[2]), std::stoul(m[3])) * 86400 +
                      std::stoll(m[4]) * 3600 + std::stoll(m[5]) * 60 + std::stoll(m[6]);
  if (m[9].matched) seconds -= (m[9] == "+" ? 1 : -1) * (std::stoll(m[10]) * 3600 + std::stoll(m[11]) * 60);
  const long long days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const long long rest = seconds - days * 86400;
  // civil_from_days
  const long long z = days + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const long long year = static_cast<long long>(yoe) + era * 400 + (month <= 2);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", year, month, day, rest / 3600,
                rest / 60 % 60, rest % 60);
  std::string out = buffer;
  if (micro) out += "." + (m[7].str() + "000000").substr(0, 6);
  return out + "Z";
}

// ---------------------------------------------------------------------------------------------
// The normaliser: what is not part of an object's meaning, or is the same meaning written two
// ways. Run DropNulls before ApplyDefaults (null means unset to the API server), Normalise
// after it.

inline void DropNulls(Value& v) {
  if (v.IsMap()) {
    for (auto it = v.fields.begin(); it != v.fields.end();) {
      if (it->second.IsNull()) {
        it = v.fields.erase(it);
      } else {
        DropNulls(it->second);
        ++it;
      }
    }
  } else if (v.IsSeq()) {
    for (Value& item : v.items) DropNulls(item);
  }
}

/// Fields whose `false` or `""` differs from unset and that no defaulting fills in: for these,
/// an explicit zero is kept in the comparison. Everywhere else Go's omitempty makes `false` and
/// `""` the same as absent (kubectl prints neither: `privileged: false` and `value: ""` vanish).
inline bool ZeroIsMeaningful(std::string_view key) {
  static const std::set<std::string_view> kKeep = {
      "automountServiceAccountToken",  // unset: mounted
      "hostUsers",                     // unset: true
      "allowPrivilegeEscalation",      // unset: allowed (containers)
      "ready",             // EndpointSlice conditions: unset is "unknown"
      "serving",           // (the same)
      "terminating",       // (the same)
      "storageClassName",  // "": no class; unset: the default class
      "ingressClassName",  // "": no class; unset: the default class
  };
  return kKeep.count(key) > 0;
}

/// Maps of names to strings (map[string]string in Go): an entry with "" is an entry.
inline bool IsFreeFormMap(std::string_view key) {
  static const std::set<std::string_view> kFreeForm = {
      "labels",          "annotations", "data",       "stringData",         "binaryData",         "nodeSelector",
      "selector",        "matchLabels", "parameters", "attachmentMetadata", "deprecatedTopology", "topology",
      "volumeAttributes"};
  return kFreeForm.count(key) > 0;
}

inline void DropZeroScalars(Value& v) {
  if (v.IsMap()) {
    for (auto it = v.fields.begin(); it != v.fields.end();) {
      const Value& field = it->second;
      const bool zero = (field.type == Value::Type::kBool && field.text == "false") ||
                        (field.type == Value::Type::kString && field.text.empty());
      if (zero && !ZeroIsMeaningful(it->first)) {
        it = v.fields.erase(it);
      } else {
        if (!IsFreeFormMap(it->first)) DropZeroScalars(it->second);
        ++it;
      }
    }
  } else if (v.IsSeq()) {
    for (Value& item : v.items) DropZeroScalars(item);
  }
}

/// True when every leaf under \a v is a zero value (a status kubectl prints from an empty struct).
inline bool AllZero(const Value& v) {
  if (v.IsMap()) return std::all_of(v.fields.begin(), v.fields.end(), [](const auto& f) { return AllZero(f.second); });
  if (v.IsSeq()) return v.items.empty();
  return IsZero(&v);
}

inline void CanonicaliseQuantity(Value& v) {
  if (!v.IsScalar()) return;
  if (std::optional<std::string> q = CanonicalQuantity(v.text))
    v = Value::Scalar(Value::Type::kString, "quantity " + *q);
}

/// Quantities by where they live: resource lists (maps of name → quantity) and single fields.
inline void CanonicaliseQuantities(Value& v, std::string_view key = {}) {
  static const std::set<std::string_view> kQuantityMaps = {"limits",      "requests", "podFixed", "capacity",
                                                           "allocatable", "hard",     "used",     "overhead"};
  static const std::set<std::string_view> kQuantityFields = {"capacity",     "maximumVolumeSize",  "sizeLimit",
                                                             "averageValue", "targetAverageValue", "targetValue"};
  if (v.IsMap()) {
    const bool resource_list = kQuantityMaps.count(key) > 0;
    for (auto& [name, field] : v.fields) {
      if (resource_list && field.IsScalar()) {
        CanonicaliseQuantity(field);
      } else if (kQuantityFields.count(name) || (name == "value" && (key == "target" || key == "current"))) {
        CanonicaliseQuantity(field);
      } else {
        CanonicaliseQuantities(field, name);
      }
    }
  } else if (v.IsSeq()) {
    for (Value& item : v.items) CanonicaliseQuantities(item);
  }
}

inline void CanonicaliseTimes(Value& v) {
  static const std::set<std::string_view> kTimes = {
      "creationTimestamp",       "deletionTimestamp", "lastTransitionTime",
      "lastUpdateTime",          "lastProbeTime",     "lastHeartbeatTime",
      "firstTimestamp",          "lastTimestamp",     "deprecatedFirstTimestamp",
      "deprecatedLastTimestamp", "lastScaleTime",     "startTime",
      "completionTime",          "lastScheduleTime",  "lastSuccessfulTime"};
  static const std::set<std::string_view> kMicroTimes = {"acquireTime", "renewTime", "eventTime", "lastObservedTime"};
  if (v.IsMap()) {
    for (auto& [name, field] : v.fields) {
      const bool time = kTimes.count(name) > 0;
      const bool micro = kMicroTimes.count(name) > 0;
      if ((time || micro) && field.IsScalar()) {
        if (std::optional<std::string> t = CanonicalTime(field.text, micro)) field = Value::Str(*t);
      } else {
        CanonicaliseTimes(field);
      }
    }
  } else if (v.IsSeq()) {
    for (Value& item : v.items) CanonicaliseTimes(item);
  }
}

/// kubectl's round-trip annotation for a DaemonSet without templateGeneration: "0" is what
/// apps/v1 assumes anyway. Any other generation is kept and compared.
inline void DropZeroTemplateGeneration(Value& object) {
  Value* annotations = object.Path({"metadata", "annotations"});
  if (!annotations) return;
  if (const Value* generation = annotations->Get("deprecated.daemonset.template.generation");
      generation && generation->Is("0")) {
    annotations->Erase("deprecated.daemonset.template.generation");
  }
}

/// A StatefulSet's volumeClaimTemplates carry `apiVersion: v1, kind: PersistentVolumeClaim`
/// in kubectl's output (and on every read from the API server): type information, not content.
inline void DropClaimTemplateTypeMeta(Value& object) {
  Value* spec = object.Get("spec");
  if (!spec) return;
  ForEachItem(*spec, "volumeClaimTemplates", [](Value& claim) {
    if (claim.Get("apiVersion") && claim.Get("apiVersion")->Is("v1")) claim.Erase("apiVersion");
    if (claim.Get("kind") && claim.Get("kind")->Is("PersistentVolumeClaim")) claim.Erase("kind");
  });
}

/// Empty annotations and labels are no annotations and labels, and an ObjectMeta left empty
/// (a template's `metadata: {creationTimestamp: null}`) is no metadata.
inline void DropEmptyMetadata(Value& v) {
  if (v.IsSeq()) {
    for (Value& item : v.items) DropEmptyMetadata(item);
    return;
  }
  if (!v.IsMap()) return;
  for (auto& [key, field] : v.fields) {
    if (!IsFreeFormMap(key)) DropEmptyMetadata(field);
  }
  Value* metadata = v.Get("metadata");
  if (!metadata || !metadata->IsMap()) return;
  for (const char* key : {"annotations", "labels"}) {
    if (const Value* map = metadata->Get(key); map && map->IsMap() && map->fields.empty()) metadata->Erase(key);
  }
  if (metadata->fields.empty()) v.Erase("metadata");
}

inline void Normalise(Value& object) {
  DropZeroTemplateGeneration(object);
  DropClaimTemplateTypeMeta(object);
  CanonicaliseQuantities(object);
  CanonicaliseTimes(object);
  DropZeroScalars(object);
  DropEmptyMetadata(object);
  if (const Value* status = object.Get("status"); status && AllZero(*status)) object.Erase("status");
}

/// The whole pipeline: the object as the API server would store it at \a target_api_version,
/// minus what is not meaning.
inline Value Canonical(Value object, std::string_view target_api_version) {
  DropNulls(object);
  ApplyDefaults(object, target_api_version);
  Normalise(object);
  return object;
}

// ---------------------------------------------------------------------------------------------
// Differences, readable.

inline std::string Render(const Value& v) {
  switch (v.type) {
    case Value::Type::kNull:
      return "null";
    case Value::Type::kString:
      return "\"" + v.text + "\"";
    case Value::Type::kMap: {
      std::string out = "{";
      for (const auto& [key, field] : v.fields) out += (out.size() > 1 ? ", " : "") + key + ": " + Render(field);
      return out + "}";
    }
    case Value::Type::kSequence: {
      std::string out = "[";
      for (const Value& item : v.items) out += (out.size() > 1 ? ", " : "") + Render(item);
      return out + "]";
    }
    default:
      return v.text;
  }
}

inline std::string JoinPath(const std::string& path, const std::string& key) {
  const bool plain = key.find_first_of(".[]/ ") == std::string::npos && !key.empty();
  return plain ? (path.empty() ? key : path + "." + key) : path + "[\"" + key + "\"]";
}

/// One line per difference: "PATH: ours X, kubectl Y" (absent when a side lacks the field).
inline void Diff(const Value& ours, const Value& theirs, const std::string& path, std::vector<std::string>* out) {
  if (ours.IsMap() && theirs.IsMap()) {
    std::set<std::string> keys;
    for (const auto& [key, unused] : ours.fields) keys.insert(key);
    for (const auto& [key, unused] : theirs.fields) keys.insert(key);
    for (const std::string& key : keys) {
      const Value* a = ours.Get(key);
      const Value* b = theirs.Get(key);
      const std::string child = JoinPath(path, key);
      if (!a)
        out->push_back(child + ": ours absent, kubectl " + Render(*b));
      else if (!b)
        out->push_back(child + ": ours " + Render(*a) + ", kubectl absent");
      else
        Diff(*a, *b, child, out);
    }
  } else if (ours.IsSeq() && theirs.IsSeq() && ours.items.size() == theirs.items.size()) {
    for (size_t i = 0; i < ours.items.size(); ++i) {
      Diff(ours.items[i], theirs.items[i], path + "[" + std::to_string(i) + "]", out);
    }
  } else if (ours != theirs) {
    out->push_back((path.empty() ? "(object)" : path) + ": ours " + Render(ours) + ", kubectl " + Render(theirs));
  }
}

}  // namespace kubeshift::api_defaults

#endif  // KUBESHIFT_TESTS_UNIT_API_DEFAULTS_H_
