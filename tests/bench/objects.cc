// kubeshift benchmark: builders of Kubernetes objects, with the quirks of real repositories.
#include "objects.h"

#include <cstdio>
#include <set>
#include <string_view>

namespace kubeshift_bench {
namespace {

const char* const kTeams[] = {"payments", "search",  "identity",  "checkout",
                              "platform", "data",    "growth",    "messaging",
                              "media",    "billing", "logistics", "support"};
const char* const kAppParts[] = {"api",      "worker",   "gateway",  "scheduler", "indexer",
                                 "frontend", "cache",    "exporter", "notifier",  "ingestor",
                                 "router",   "ledger",   "profile",  "session",   "catalog",
                                 "reporter", "uploader", "webhook",  "sync",      "auth"};
const char* const kEnvs[] = {"dev", "staging", "prod"};
const char* const kWords[] = {
    "the",           "controller", "reconciles",  "resource", "when",      "status",   "changes",
    "and",           "each",       "replica",     "must",     "report",    "its",      "ready",
    "condition",     "to",         "a",           "cluster",  "scoped",    "object",   "that",
    "references",    "settings",   "for",         "workload", "pods",      "are",      "scheduled",
    "onto",          "nodes",      "matching",    "selector", "value",     "defaults", "if",
    "unset",         "field",      "is",          "optional", "otherwise", "operator", "will",
    "retry",         "with",       "exponential", "backoff",  "until",     "it",       "succeeds",
    "secret",        "containing", "credentials", "used",     "by",        "endpoint", "specifies",
    "maximum",       "number",     "of",          "seconds",  "timeout",   "before",   "request",
    "fails",         "this",       "in",          "favour",   "newer",     "version",  "see",
    "documentation", "details",    "list",        "entries",  "merged",    "order",    "precedence",
    "applied"};
const char* const kEnvPrefixes[] = {"APP",  "DB",    "CACHE", "LOG", "FEATURE", "HTTP",   "GRPC",
                                    "OTEL", "KAFKA", "REDIS", "S3",  "JWT",     "SENTRY", "SMTP"};
const char* const kEnvSuffixes[] = {"HOST",        "PORT",      "LEVEL",   "TIMEOUT",   "URL",
                                    "ENABLED",     "USER",      "NAME",    "BUCKET",    "REGION",
                                    "SAMPLE_RATE", "MAX_CONNS", "RETRIES", "POOL_SIZE", "MODE"};
const char* const kPropNames[] = {"replicas",
                                  "template",
                                  "selector",
                                  "endpoint",
                                  "secretRef",
                                  "tls",
                                  "timeoutSeconds",
                                  "retryPolicy",
                                  "backoffLimit",
                                  "image",
                                  "resources",
                                  "tolerations",
                                  "affinity",
                                  "nodeSelector",
                                  "podTemplate",
                                  "ports",
                                  "protocol",
                                  "host",
                                  "path",
                                  "weight",
                                  "headers",
                                  "matchLabels",
                                  "conditions",
                                  "observedGeneration",
                                  "lastTransitionTime",
                                  "reason",
                                  "message",
                                  "type",
                                  "phase",
                                  "storage",
                                  "className",
                                  "size",
                                  "mode",
                                  "interval",
                                  "schedule",
                                  "suspend",
                                  "paused",
                                  "strategy",
                                  "maxSurge",
                                  "targetRef",
                                  "labels",
                                  "annotations",
                                  "channel",
                                  "bucket",
                                  "region",
                                  "credentials",
                                  "issuerRef",
                                  "duration",
                                  "renewBefore",
                                  "dnsNames",
                                  "commonName",
                                  "privateKey",
                                  "algorithm",
                                  "encoding",
                                  "rotationPolicy",
                                  "keystores",
                                  "password",
                                  "webhook",
                                  "url",
                                  "caBundle",
                                  "service",
                                  "name",
                                  "namespace",
                                  "port",
                                  "scope",
                                  "filter",
                                  "query",
                                  "limit",
                                  "offset",
                                  "format",
                                  "compression",
                                  "retention",
                                  "shards",
                                  "topology",
                                  "zones",
                                  "priority",
                                  "sidecars",
                                  "volumes",
                                  "env",
                                  "args",
                                  "command",
                                  "probes",
                                  "hooks",
                                  "routes"};

std::string Base64(Rng& rng, int chars) {
  static const char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string s;
  for (int i = 0; i < chars; ++i) s += kDigits[rng.Next() % 64];
  return s + "==";
}

std::string Timestamp(Rng& rng) {
  char buf[32];
  const int v[] = {rng.Range(19, 24), rng.Range(1, 12), rng.Range(1, 28),
                   rng.Range(0, 23),  rng.Range(0, 59), rng.Range(0, 59)};
  std::snprintf(buf, sizeof buf, "20%02d-%02d-%02dT%02d:%02d:%02dZ", v[0], v[1], v[2], v[3], v[4],
                v[5]);
  return buf;
}

std::string Uid(Rng& rng) {
  return Cat(
      {Hex(rng, 8), "-", Hex(rng, 4), "-", Hex(rng, 4), "-", Hex(rng, 4), "-", Hex(rng, 12)});
}

/// \a current, or with probability app.legacy one of \a old.
std::string ApiFor(Ctx& c, const App& app, const char* current,
                   std::initializer_list<const char*> old) {
  if (old.size() == 0 || !c.rng.Chance(app.legacy)) return current;
  return *(old.begin() + c.rng.Next() % old.size());
}

Node Labels(Ctx& c, const App& app, const std::string& component) {
  Node l = Map();
  l.Set("app.kubernetes.io/name", S(app.name));
  l.Set("app.kubernetes.io/instance", S(app.name + "-" + app.env));
  if (!component.empty()) l.Set("app.kubernetes.io/component", S(component));
  l.Set("app.kubernetes.io/part-of", S(app.team));
  if (!app.chart.empty()) {
    l.Set("app.kubernetes.io/managed-by", S("Helm"));
    l.Set("helm.sh/chart", S(app.chart));
    l.Set("app.kubernetes.io/version", S("1." + std::to_string(c.rng.Range(0, 30)) + ".0"));
  } else {
    l.Set("team", Quoted(c, app.team));
    l.Set("environment", S(app.env));
  }
  if (c.rng.Chance(0.3)) l.Set("cost-center", S("cc-" + std::to_string(c.rng.Range(1000, 9999))));
  if (c.rng.Chance(0.2)) l.Set("tier", S(c.rng.Chance(0.5) ? "backend" : "frontend"));
  return l;
}

Node SelectorLabels(const App& app) {
  return M({{"app.kubernetes.io/name", S(app.name)},
            {"app.kubernetes.io/instance", S(app.name + "-" + app.env)}});
}

Node Annotations(Ctx& c, const App& app) {
  Node a = Map();
  int kind = c.rng.Range(0, 5);
  if (kind == 0) {
    a.Set("description", S(Paragraph(c.rng, c.rng.Range(1, 3)), Style::kWrapped));
  } else if (kind == 1) {
    a.Set("runbook", S("1. Check the dashboard for " + app.name + ".\n2. " + Sentence(c.rng, 9) +
                           "\n3. Page #" + app.team + "-oncall if errors persist.\n",
                       Style::kLiteral));
  } else if (kind == 2) {
    a.Set("prometheus.io/scrape", S("true"));
    a.Set("prometheus.io/port", S(std::to_string(app.port + 1000)));
    a.Set("prometheus.io/path", S("/metrics"));
  } else if (kind == 3) {
    a.Set("kubernetes.io/change-cause",
          S("kubectl apply --filename=" + app.name + ".yaml --record=true"));
  } else if (kind == 4) {
    a.Set("owner", S(app.team + "@example.com"));
    a.Set("docs", S("https://wiki.example.com/" + app.team + "/" + app.name + "#ops"));
  } else {
    a.Set("note",
          S("Managé par l'équipe " + app.team + " — ne pas modifier à la main", Style::kDouble));
  }
  return a;
}

Node Resources(Ctx& c) {
  static const char* const kCpu[] = {"50m", "100m", "250m", "500m", "1", "2"};
  static const char* const kMem[] = {"64Mi", "128Mi", "256Mi", "512Mi", "1Gi", "2Gi", "4Gi"};
  Node limits = M({{"cpu", S(c.rng.Pick(kCpu))}, {"memory", S(c.rng.Pick(kMem))}});
  Node requests = M({{"cpu", S(c.rng.Pick(kCpu))}, {"memory", S(c.rng.Pick(kMem))}});
  if (limits.values[0].text == "1" || limits.values[0].text == "2")
    limits.values[0] = c.rng.Chance(0.5) ? S(limits.values[0].text, Style::kDouble)
                                         : I(std::stoi(limits.values[0].text));
  Style style = c.rng.Chance(0.3) ? Style::kFlow : Style::kAuto;
  return M({{"limits", limits}, {"requests", requests}}, style);
}

Node EnvList(Ctx& c, const App& app, int count) {
  Node env = Seq();
  std::set<std::string> seen;
  for (int i = 0; i < count; ++i) {
    std::string name = Cat({c.rng.Pick(kEnvPrefixes), "_", c.rng.Pick(kEnvSuffixes)});
    if (!seen.insert(name).second) continue;
    Node e = M({{"name", S(name)}});
    int kind = c.rng.Range(0, 9);
    if (kind == 0) {
      e.Set("valueFrom", M({{"secretKeyRef", M({{"name", S(app.name + "-secrets")},
                                                {"key", S(name.substr(0, name.find('_')))}})}}));
    } else if (kind == 1) {
      e.Set("valueFrom",
            M({{"configMapKeyRef",
                M({{"name", S(app.name + "-config")}, {"key", S(name)}, {"optional", B(true)}})}}));
    } else if (kind == 2) {
      e.Set("valueFrom", M({{"fieldRef", M({{"fieldPath", S("metadata.namespace")}})}}));
    } else if (name.ends_with("PORT") || name.ends_with("CONNS") || name.ends_with("SIZE")) {
      e.Set("value", S(std::to_string(c.rng.Range(1, 65535))));
    } else if (name.ends_with("ENABLED")) {
      e.Set("value", S(c.rng.Chance(0.5) ? "true" : "false"));
    } else if (name.ends_with("URL")) {
      e.Set("value", Quoted(c, "https://" + app.name + "." + app.ns +
                                   ".svc.cluster.local:" + std::to_string(app.port) + "/v1"));
    } else if (name.ends_with("RATE")) {
      e.Set("value", S("0." + std::to_string(c.rng.Range(1, 9))));
    } else {
      e.Set("value", Quoted(c, app.team + "-" + std::string(c.rng.Pick(kWords))));
    }
    env.Push(std::move(e));
  }
  return env;
}

Node Container(Ctx& c, const App& app, const std::string& name, int env_count) {
  Node k = Map();
  k.Set("name", S(name));
  k.Set("image", Quoted(c, Cat({app.image, ":", std::to_string(c.rng.Range(1, 9)), ".",
                                std::to_string(c.rng.Range(0, 40)), ".",
                                std::to_string(c.rng.Range(0, 9))})));
  k.Set("imagePullPolicy", S(c.rng.Chance(0.7) ? "IfNotPresent" : "Always"));
  if (c.rng.Chance(0.4)) {
    k.Set("command", L({S("/bin/sh"), S("-c"),
                        S("exec /app/" + app.name + " --config /etc/" + app.name + "/config.yaml")},
                       c.rng.Chance(0.5) ? Style::kFlow : Style::kAuto));
  }
  if (c.rng.Chance(0.5)) {
    Node args = Seq();
    for (int i = 0, n = c.rng.Range(1, 6); i < n; ++i)
      args.Push(S(Cat({"--", c.rng.Pick(kPropNames), "=", c.rng.Pick(kWords)})));
    k.Set("args", std::move(args));
  }
  k.Set("ports",
        L({M({{"name", S("http")}, {"containerPort", I(app.port)}, {"protocol", S("TCP")}}),
           M({{"name", S("metrics")}, {"containerPort", I(app.port + 1000)}})}));
  if (env_count) k.Set("env", EnvList(c, app, env_count));
  if (c.rng.Chance(0.3))
    k.Set("envFrom", L({M({{"configMapRef", M({{"name", S(app.name + "-env")}})}})}));
  k.Set("resources", Resources(c));
  Node probe = M({{"httpGet", M({{"path", S("/healthz")}, {"port", S("http")}})},
                  {"initialDelaySeconds", I(c.rng.Range(0, 30))},
                  {"periodSeconds", I(10)},
                  {"timeoutSeconds", I(c.rng.Range(1, 5))},
                  {"failureThreshold", I(3)}});
  k.Set("livenessProbe", probe);
  probe.values[0].values[0] = S("/ready");
  k.Set("readinessProbe", probe);
  k.Set("volumeMounts",
        L({M({{"name", S("config")}, {"mountPath", S("/etc/" + app.name)}, {"readOnly", B(true)}}),
           M({{"name", S("tmp")}, {"mountPath", S("/tmp")}})}));
  k.Set("securityContext", M({{"allowPrivilegeEscalation", B(false)},
                              {"readOnlyRootFilesystem", B(true)},
                              {"runAsNonRoot", B(true)},
                              {"capabilities", M({{"drop", L({S("ALL")}, Style::kFlow)}})}}));
  return k;
}

Node PodTemplate(Ctx& c, const App& app, int size) {
  Node meta = M({{"labels", SelectorLabels(app)}});
  if (c.rng.Chance(0.5)) meta.Set("annotations", M({{"checksum/config", S(Hex(c.rng, 64))}}));
  return M({{"metadata", meta}, {"spec", PodSpec(c, app, size)}});
}

Node StatefulSet(Ctx& c, const App& app) {
  std::string api = ApiFor(c, app, "apps/v1", {"apps/v1beta1", "apps/v1beta2"});
  Node o = Object(api, "StatefulSet", Metadata(c, app, app.name + "-db", "database"));
  Node claim = M({{"metadata", M({{"name", S("data")}})},
                  {"spec", M({{"accessModes", L({S("ReadWriteOnce")}, Style::kFlow)},
                              {"storageClassName", S("fast-ssd")},
                              {"resources", M({{"requests", M({{"storage", S("20Gi")}})}})}})}});
  o.Set("spec", M({{"serviceName", S(app.name + "-db")},
                   {"replicas", I(3)},
                   {"selector", M({{"matchLabels", SelectorLabels(app)}})},
                   {"template", PodTemplate(c, app, 1)},
                   {"volumeClaimTemplates", L({claim})}}));
  return o;
}

Node DaemonSet(Ctx& c, const App& app) {
  std::string api = ApiFor(c, app, "apps/v1", {"extensions/v1beta1", "apps/v1beta2"});
  Node o = Object(api, "DaemonSet", Metadata(c, app, app.name + "-agent", "agent"));
  o.Set("spec", M({{"selector", M({{"matchLabels", SelectorLabels(app)}})},
                   {"updateStrategy", M({{"type", S("RollingUpdate")}})},
                   {"template", PodTemplate(c, app, 0)}}));
  return o;
}

Node Service(Ctx& c, const App& app) {
  Node o = Object("v1", "Service", Metadata(c, app, app.name, "server"));
  Node spec = Map();
  static const char* const kTypes[] = {"ClusterIP", "ClusterIP", "ClusterIP", "NodePort",
                                       "LoadBalancer"};
  spec.Set("type", S(c.rng.Pick(kTypes)));
  spec.Set("ports",
           L({M({{"name", S("http")},
                 {"port", I(80)},
                 {"targetPort", c.rng.Chance(0.5) ? S("http") : I(app.port)},
                 {"protocol", S("TCP")}}),
              M({{"name", S("metrics")}, {"port", I(9090)}, {"targetPort", S("metrics")}})}));
  spec.Set("selector", SelectorLabels(app));
  if (c.rng.Chance(0.2)) spec.Set("sessionAffinity", S("None"));
  o.Set("spec", std::move(spec));
  if (c.rng.Chance(0.2)) o.Set("status", M({{"loadBalancer", Map()}}));
  return o;
}

Node Hpa(Ctx& c, const App& app) {
  std::string api =
      ApiFor(c, app, "autoscaling/v2", {"autoscaling/v2beta2", "autoscaling/v2beta1"});
  Node o = Object(api, "HorizontalPodAutoscaler", Metadata(c, app, app.name, "server"));
  // Old HPAs often still point at the old Deployment apiVersion: nested, not an object.
  bool old_ref = api != "autoscaling/v2" && c.rng.Chance(0.5);
  c.Decoy("apiVersion of an HPA scaleTargetRef");
  Node spec =
      M({{"scaleTargetRef", M({{"apiVersion", S(old_ref ? "extensions/v1beta1" : "apps/v1")},
                               {"kind", S("Deployment")},
                               {"name", S(app.name)}})},
         {"minReplicas", I(c.rng.Range(1, 3))},
         {"maxReplicas", I(c.rng.Range(4, 30))}});
  Node metrics = Seq();
  if (api == "autoscaling/v2beta1") {
    metrics.Push(M({{"type", S("Resource")},
                    {"resource", M({{"name", S("cpu")}, {"targetAverageUtilization", I(70)}})}}));
  } else {
    metrics.Push(
        M({{"type", S("Resource")},
           {"resource", M({{"name", S("cpu")},
                           {"target", M({{"type", S("Utilization")},
                                         {"averageUtilization", I(c.rng.Range(50, 85))}})}})}}));
    if (c.rng.Chance(0.4))
      metrics.Push(
          M({{"type", S("Resource")},
             {"resource",
              M({{"name", S("memory")},
                 {"target", M({{"type", S("AverageValue")}, {"averageValue", S("500Mi")}})}})}}));
  }
  spec.Set("metrics", std::move(metrics));
  if (api != "autoscaling/v2beta1" && c.rng.Chance(0.3))
    spec.Set(
        "behavior",
        M({{"scaleDown",
            M({{"stabilizationWindowSeconds", I(300)},
               {"policies",
                L({M({{"type", S("Percent")}, {"value", I(50)}, {"periodSeconds", I(60)}})})}})}}));
  o.Set("spec", std::move(spec));
  return o;
}

Node Pdb(Ctx& c, const App& app) {
  std::string api = ApiFor(c, app, "policy/v1", {"policy/v1beta1"});
  Node o = Object(api, "PodDisruptionBudget", Metadata(c, app, app.name, "server"));
  Node spec = Map();
  if (c.rng.Chance(0.5))
    spec.Set("minAvailable", I(1));
  else
    spec.Set("maxUnavailable", S("25%"));
  spec.Set("selector", M({{"matchLabels", SelectorLabels(app)}}));
  o.Set("spec", std::move(spec));
  return o;
}

Node CronJob(Ctx& c, const App& app) {
  std::string api = ApiFor(c, app, "batch/v1", {"batch/v1beta1"});
  Node o = Object(api, "CronJob", Metadata(c, app, app.name + "-cleanup", "job"));
  static const char* const kSchedules[] = {"*/5 * * * *", "0 3 * * *", "30 1 * * 0", "@hourly",
                                           "15 */6 * * *"};
  Node pod = PodSpec(c, app, 0);
  pod.Set("restartPolicy", S("OnFailure"));
  o.Set("spec",
        M({{"schedule", Quoted(c, c.rng.Pick(kSchedules))},
           {"concurrencyPolicy", S("Forbid")},
           {"successfulJobsHistoryLimit", I(3)},
           {"failedJobsHistoryLimit", I(1)},
           {"jobTemplate",
            M({{"spec", M({{"backoffLimit", I(2)}, {"template", M({{"spec", pod}})}})}})}}));
  return o;
}

Node ConfigMapSmall(Ctx& c, const App& app) {
  Node o = Object("v1", "ConfigMap", Metadata(c, app, app.name + "-config", "config"));
  Node data = Map();
  for (int i = 0, n = c.rng.Range(2, 10); i < n; ++i) {
    std::string key = Cat({c.rng.Pick(kEnvPrefixes), "_", c.rng.Pick(kEnvSuffixes)});
    if (data.Get(key)) continue;
    data.Set(key, Quoted(c, c.rng.Chance(0.3) ? std::to_string(c.rng.Range(1, 1000))
                                              : std::string(c.rng.Pick(kWords))));
  }
  o.Set("data", std::move(data));
  return o;
}

Node Secret(Ctx& c, const App& app) {
  Node o = Object("v1", "Secret", Metadata(c, app, app.name + "-secrets", "config"));
  o.Set("type", S("Opaque"));
  Node data = Map();
  data.Set("DB", S(Base64(c.rng, 40)));
  data.Set("JWT", S(Base64(c.rng, c.rng.Range(200, 1400))));
  if (c.rng.Chance(0.3)) data.Set("tls.crt", S(Base64(c.rng, 1600)));
  o.Set("data", std::move(data));
  return o;
}

Node ServiceAccount(Ctx& c, const App& app) {
  Node o = Object("v1", "ServiceAccount", Metadata(c, app, app.name, ""));
  if (c.rng.Chance(0.3)) o.Set("automountServiceAccountToken", B(false));
  return o;
}

Node RbacRules(Ctx& c) {
  static const char* const kResources[] = {"pods",     "configmaps", "secrets",
                                           "services", "endpoints",  "deployments",
                                           "leases",   "events",     "jobs"};
  Node rules = Seq();
  for (int i = 0, n = c.rng.Range(1, 5); i < n; ++i) {
    Style flow = c.rng.Chance(0.6) ? Style::kFlow : Style::kAuto;
    rules.Push(M({{"apiGroups", L({S(c.rng.Chance(0.5) ? "" : "apps")}, flow)},
                  {"resources", L({S(c.rng.Pick(kResources)), S(c.rng.Pick(kResources))}, flow)},
                  {"verbs", L({S("get"), S("list"), S("watch")}, flow)}}));
  }
  return rules;
}

Node NetworkPolicy(Ctx& c, const App& app) {
  std::string api = ApiFor(c, app, "networking.k8s.io/v1", {"extensions/v1beta1"});
  Node o = Object(api, "NetworkPolicy", Metadata(c, app, app.name + "-allow", ""));
  o.Set(
      "spec",
      M({{"podSelector", M({{"matchLabels", SelectorLabels(app)}})},
         {"policyTypes", L({S("Ingress")}, Style::kFlow)},
         {"ingress",
          L({M({{"from",
                 L({M({{"namespaceSelector", M({{"matchLabels", M({{"team", S(app.team)}})}})}})})},
                {"ports", L({M({{"protocol", S("TCP")}, {"port", I(app.port)}})})}})})}}));
  return o;
}

Node ServiceMonitor(Ctx& c, const App& app) {
  Node o = Object("monitoring.coreos.com/v1", "ServiceMonitor", Metadata(c, app, app.name, ""));
  o.Set("spec",
        M({{"selector", M({{"matchLabels", SelectorLabels(app)}})},
           {"endpoints",
            L({M({{"port", S("metrics")}, {"interval", S("30s")}, {"path", S("/metrics")}})})}}));
  return o;
}

/// A custom resource that carries a whole object in its spec: nested apiVersion/kind.
Node ResourceTemplate(Ctx& c, const App& app) {
  Node o = Object("ops.example.com/v1", "ResourceTemplate",
                  Metadata(c, app, app.name + "-template", ""));
  App legacy = app;
  legacy.legacy = 1;
  Node inner = c.rng.Chance(0.5) ? Ingress(c, legacy) : CronJob(c, legacy);
  c.Decoy("apiVersion of an object nested in a custom resource's spec");
  o.Set("spec", M({{"targetNamespace", S(app.ns)}, {"template", inner}}));
  return o;
}

Node FieldsV1(const Node& n, int depth) {
  Node f = Map();
  if (n.type != Node::Type::kMap || depth == 0) return f;
  for (size_t i = 0; i < n.keys.size(); ++i) {
    if (n.keys[i] == "apiVersion" || n.keys[i] == "kind" || n.keys[i] == "status") continue;
    const Node& v = n.values[i];
    if (v.type == Node::Type::kSeq && !v.values.empty() && v.values[0].Get("name")) {
      Node items = M({{".", Map()}});
      for (const Node& item : v.values)
        items.Set("k:{\"name\":" + JsonString(item.Get("name")->text) + "}",
                  FieldsV1(item, depth - 1));
      f.Set("f:" + n.keys[i], std::move(items));
    } else {
      f.Set("f:" + n.keys[i], FieldsV1(v, depth - 1));
    }
  }
  return f;
}

}  // namespace

std::vector<App> MakeApps(Rng& rng) {
  std::vector<App> apps;
  for (const char* team : kTeams) {
    int n = rng.Range(5, 12);
    std::set<std::string> names;
    while (static_cast<int>(names.size()) < n) {
      std::string name = rng.Pick(kAppParts);
      if (rng.Chance(0.3)) name += std::string("-") + rng.Pick(kAppParts);
      names.insert(name);
    }
    for (const std::string& name : names) {
      double legacy = rng.Chance(0.3) ? 0.45 : 0.02;
      int port = rng.Chance(0.5) ? 8080 : rng.Range(3000, 9000);
      for (const char* env : kEnvs) {
        App a;
        a.team = team;
        a.name = name;
        a.env = env;
        a.ns = std::string(team) + "-" + env;
        a.image = "registry.example.com/" + a.team + "/" + name;
        a.port = port;
        a.legacy = legacy;
        apps.push_back(std::move(a));
      }
    }
  }
  return apps;
}

std::string Sentence(Rng& rng, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i) s += ' ';
    s += rng.Pick(kWords);
  }
  if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s + ".";
}

std::string Paragraph(Rng& rng, int sentences) {
  std::string s;
  for (int i = 0; i < sentences; ++i) {
    if (i) s += ' ';
    s += Sentence(rng, rng.Range(6, 16));
  }
  return s;
}

std::string PropertyName(Rng& rng) { return rng.Pick(kPropNames); }

std::string Cat(std::initializer_list<std::string> parts) {
  std::string s;
  for (const std::string& p : parts) s += p;
  return s;
}

std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return s;
}

std::string Hex(Rng& rng, int chars) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < chars; ++i) s += kDigits[rng.Next() % 16];
  return s;
}

Node Quoted(Ctx& c, std::string text) {
  if (c.rng.Chance(0.12)) return S(std::move(text), Style::kDouble);
  if (c.rng.Chance(0.05)) return S(std::move(text), Style::kSingle);
  return S(std::move(text));
}

Node Metadata(Ctx& c, const App& app, const std::string& name, const std::string& component,
              bool namespaced) {
  Node m = Map();
  m.Set("name", S(name));
  if (namespaced && c.rng.Chance(0.9)) m.Set("namespace", S(app.ns));
  m.Set("labels", Labels(c, app, component));
  if (c.rng.Chance(0.45)) m.Set("annotations", Annotations(c, app));
  return m;
}

Node Object(std::string api_version, std::string kind, Node metadata) {
  Node o = Map();
  o.Set("apiVersion", S(std::move(api_version)));
  o.Set("kind", S(std::move(kind)));
  o.Set("metadata", std::move(metadata));
  return o;
}

Node PodSpec(Ctx& c, const App& app, int size) {
  Node p = Map();
  p.Set("serviceAccountName", S(app.name));
  if (c.rng.Chance(0.5)) p.Set("terminationGracePeriodSeconds", I(c.rng.Range(10, 120)));
  p.Set("securityContext", M({{"runAsUser", I(1000)},
                              {"runAsGroup", I(3000)},
                              {"fsGroup", I(2000)},
                              {"seccompProfile", M({{"type", S("RuntimeDefault")}})}}));
  if (size >= 1 && c.rng.Chance(0.3)) {
    Node init = Seq();
    init.Push(M({{"name", S("migrate")},
                 {"image", S(app.image + ":migrations")},
                 {"command", L({S("/app/migrate"), S("up")}, Style::kFlow)},
                 {"resources", Resources(c)}}));
    p.Set("initContainers", std::move(init));
  }
  Node containers = Seq();
  int env = size == 0 ? c.rng.Range(0, 6) : size == 1 ? c.rng.Range(5, 20) : c.rng.Range(20, 45);
  containers.Push(Container(c, app, app.name, env));
  if (size >= 1 && c.rng.Chance(0.4)) containers.Push(Container(c, app, "sidecar-proxy", env / 4));
  p.Set("containers", std::move(containers));
  Node volumes = Seq();
  volumes.Push(M({{"name", S("config")}, {"configMap", M({{"name", S(app.name + "-config")}})}}));
  volumes.Push(M({{"name", S("tmp")}, {"emptyDir", Map()}}));
  if (c.rng.Chance(0.3))
    volumes.Push(
        M({{"name", S("certs")},
           {"secret", M({{"secretName", S(app.name + "-tls")}, {"defaultMode", I(420)}})}}));
  p.Set("volumes", std::move(volumes));
  if (size >= 1 && c.rng.Chance(0.6)) {
    Node term =
        M({{"labelSelector", M({{"matchExpressions", L({M({{"key", S("app.kubernetes.io/name")},
                                                           {"operator", S("In")},
                                                           {"values", L({S(app.name)})}})})}})},
           {"topologyKey", S("kubernetes.io/hostname")}});
    p.Set("affinity",
          M({{"podAntiAffinity", M({{"preferredDuringSchedulingIgnoredDuringExecution",
                                     L({M({{"weight", I(100)}, {"podAffinityTerm", term}})})}})}}));
  }
  if (c.rng.Chance(0.3))
    p.Set("tolerations", L({M({{"key", S("dedicated")},
                               {"operator", S("Equal")},
                               {"value", S(app.team)},
                               {"effect", S("NoSchedule")}})}));
  if (c.rng.Chance(0.3))
    p.Set("nodeSelector",
          M({{"kubernetes.io/os", S("linux")}, {"node.kubernetes.io/pool", S(app.team)}}));
  if (size == 2 && c.rng.Chance(0.5))
    p.Set("topologySpreadConstraints",
          L({M({{"maxSkew", I(1)},
                {"topologyKey", S("topology.kubernetes.io/zone")},
                {"whenUnsatisfiable", S("ScheduleAnyway")},
                {"labelSelector", M({{"matchLabels", SelectorLabels(app)}})}})}));
  return p;
}

Node Deployment(Ctx& c, const App& app, int size) {
  std::string api =
      ApiFor(c, app, "apps/v1", {"extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"});
  Node o = Object(api, "Deployment", Metadata(c, app, app.name, "server"));
  Node spec = Map();
  Node replicas = I(c.rng.Range(1, 12));
  if (c.rng.Chance(0.2)) replicas.trailing = "managed by the HPA";
  spec.Set("replicas", std::move(replicas));
  if (c.rng.Chance(0.5)) spec.Set("revisionHistoryLimit", I(c.rng.Range(3, 10)));
  if (api == "apps/v1" || c.rng.Chance(0.5))
    spec.Set("selector", M({{"matchLabels", SelectorLabels(app)}}));
  spec.Set("strategy",
           M({{"type", S("RollingUpdate")},
              {"rollingUpdate", M({{"maxSurge", S("25%")}, {"maxUnavailable", I(0)}})}}));
  Node tmpl = PodTemplate(c, app, size);
  if (c.rng.Chance(0.1))
    tmpl = WithComment(std::move(tmpl), "pod template: keep labels in sync with the selector");
  spec.Set("template", std::move(tmpl));
  o.Set("spec", std::move(spec));
  if (c.rng.Chance(0.25)) o.Set("status", Map());
  return o;
}

Node Ingress(Ctx& c, const App& app) {
  std::string api =
      ApiFor(c, app, "networking.k8s.io/v1", {"extensions/v1beta1", "networking.k8s.io/v1beta1"});
  Node meta = Metadata(c, app, app.name, "server");
  std::string host = app.name + "." + app.env + ".example.com";
  Node paths = Seq();
  for (int i = 0, n = c.rng.Range(1, 6); i < n; ++i) {
    std::string path =
        i == 0 ? "/" : Cat({"/", c.rng.Pick(kPropNames), "/v", std::to_string(c.rng.Range(1, 3))});
    Node backend;
    if (api == "networking.k8s.io/v1") {
      backend = M({{"service", M({{"name", S(app.name)}, {"port", M({{"number", I(80)}})}})}});
      paths.Push(M({{"path", S(path)}, {"pathType", S("Prefix")}, {"backend", backend}}));
    } else {
      backend =
          M({{"serviceName", S(app.name)}, {"servicePort", c.rng.Chance(0.5) ? I(80) : S("http")}});
      paths.Push(M({{"path", S(path)}, {"backend", backend}}));
    }
  }
  Node spec = Map();
  if (api == "networking.k8s.io/v1") {
    spec.Set("ingressClassName", S("nginx"));
  } else {
    Node* ann = meta.Get("annotations");
    if (!ann) ann = &meta.Set("annotations", Map());
    ann->Set("kubernetes.io/ingress.class", S("nginx"));
    ann->Set("nginx.ingress.kubernetes.io/rewrite-target", S("/"));
  }
  spec.Set("tls", L({M({{"hosts", L({S(host)})}, {"secretName", S(app.name + "-tls")}})}));
  spec.Set("rules", L({M({{"host", S(host)}, {"http", M({{"paths", paths}})}})}));
  Node o = Object(api, "Ingress", std::move(meta));
  o.Set("spec", std::move(spec));
  return o;
}

Node Role(Ctx& c, const App& app, bool cluster) {
  std::string api =
      ApiFor(c, app, "rbac.authorization.k8s.io/v1", {"rbac.authorization.k8s.io/v1beta1"});
  std::string name = cluster ? app.ns + ":" + app.name : app.name;
  Node o = Object(api, cluster ? "ClusterRole" : "Role", Metadata(c, app, name, "", !cluster));
  o.Set("rules", RbacRules(c));
  return o;
}

Node RoleBinding(Ctx& c, const App& app, bool cluster) {
  std::string api =
      ApiFor(c, app, "rbac.authorization.k8s.io/v1", {"rbac.authorization.k8s.io/v1beta1"});
  std::string name = cluster ? app.ns + ":" + app.name : app.name;
  Node o = Object(api, cluster ? "ClusterRoleBinding" : "RoleBinding",
                  Metadata(c, app, name, "", !cluster));
  o.Set("roleRef", M({{"apiGroup", S("rbac.authorization.k8s.io")},
                      {"kind", S(cluster ? "ClusterRole" : "Role")},
                      {"name", S(name)}}));
  o.Set("subjects",
        L({M({{"kind", S("ServiceAccount")}, {"name", S(app.name)}, {"namespace", S(app.ns)}})}));
  return o;
}

Node TestPod(Ctx& c, const App& app) {
  Node meta = Metadata(c, app, app.name + "-test-connection", "test");
  Node* ann = meta.Get("annotations");
  if (!ann) ann = &meta.Set("annotations", Map());
  ann->Set("helm.sh/hook", S("test"));
  ann->Set("helm.sh/hook-delete-policy", S("before-hook-creation,hook-succeeded"));
  Node o = Object("v1", "Pod", std::move(meta));
  o.Set("spec", M({{"containers", L({M({{"name", S("wget")},
                                        {"image", S("busybox:1.36")},
                                        {"command", L({S("wget")}, Style::kFlow)},
                                        {"args", L({S(app.name + ":80")}, Style::kFlow)}})})},
                   {"restartPolicy", S("Never")}}));
  return o;
}

Node PriorityClass(Ctx& c, const App& app) {
  std::string api = ApiFor(c, app, "scheduling.k8s.io/v1", {"scheduling.k8s.io/v1beta1"});
  Node o = Object(api, "PriorityClass", Metadata(c, app, app.team + "-critical", "", false));
  o.Set("value", I(c.rng.Range(1000, 1000000)));
  o.Set("globalDefault", B(false));
  o.Set("description", S(Sentence(c.rng, 12), Style::kDouble));
  return o;
}

Node StorageClass(Ctx& c, const App& app) {
  std::string api = ApiFor(c, app, "storage.k8s.io/v1", {"storage.k8s.io/v1beta1"});
  Node o = Object(api, "StorageClass", Metadata(c, app, app.team + "-ssd", "", false));
  o.Set("provisioner", S("ebs.csi.aws.com"));
  o.Set("parameters", M({{"type", S("gp3")}, {"encrypted", S("true")}}));
  o.Set("reclaimPolicy", S("Retain"));
  o.Set("allowVolumeExpansion", B(true));
  o.Set("volumeBindingMode", S("WaitForFirstConsumer"));
  return o;
}

Node FlowSchema(Ctx& c, const App& app) {
  std::string api =
      ApiFor(c, app, "flowcontrol.apiserver.k8s.io/v1",
             {"flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3"});
  Node o = Object(api, "FlowSchema", Metadata(c, app, app.team + "-controllers", "", false));
  o.Set("spec",
        M({{"priorityLevelConfiguration", M({{"name", S("workload-high")}})},
           {"matchingPrecedence", I(c.rng.Range(500, 9000))},
           {"distinguisherMethod", M({{"type", S("ByUser")}})},
           {"rules",
            L({M({{"subjects", L({M({{"kind", S("ServiceAccount")},
                                     {"serviceAccount",
                                      M({{"name", S(app.name)}, {"namespace", S(app.ns)}})}})})},
                  {"resourceRules", L({M({{"verbs", L({S("*")}, Style::kFlow)},
                                          {"apiGroups", L({S("*")}, Style::kFlow)},
                                          {"resources", L({S("*")}, Style::kFlow)},
                                          {"namespaces", L({S("*")}, Style::kFlow)}})})}})})}}));
  return o;
}

Node PodSecurityPolicy(Ctx& c, const App& app) {
  std::string api = c.rng.Chance(0.8) ? "policy/v1beta1" : "extensions/v1beta1";
  Node o = Object(api, "PodSecurityPolicy", Metadata(c, app, app.team + "-restricted", "", false));
  o.Set("spec",
        M({{"privileged", B(false)},
           {"allowPrivilegeEscalation", B(false)},
           {"requiredDropCapabilities", L({S("ALL")})},
           {"volumes", L({S("configMap"), S("emptyDir"), S("secret"), S("persistentVolumeClaim")})},
           {"runAsUser", M({{"rule", S("MustRunAsNonRoot")}})},
           {"seLinux", M({{"rule", S("RunAsAny")}})},
           {"fsGroup", M({{"rule", S("MustRunAs")},
                          {"ranges", L({M({{"min", I(1)}, {"max", I(65535)}})})}})}}));
  return o;
}

Node Namespace(Ctx& c, const App& app) {
  return Object("v1", "Namespace", Metadata(c, app, app.ns, "", false));
}

Node ResourceQuota(Ctx& c, const App& app) {
  Node o = Object("v1", "ResourceQuota", Metadata(c, app, app.ns + "-quota", ""));
  o.Set("spec", M({{"hard", M({{"requests.cpu", S(std::to_string(c.rng.Range(4, 64)))},
                               {"requests.memory", S(std::to_string(c.rng.Range(8, 256)) + "Gi")},
                               {"pods", S(std::to_string(c.rng.Range(20, 500)))}})}}));
  return o;
}

void AddLastApplied(Ctx& c, Node* obj) {
  std::string json = ToJson(*obj, 0) + "\n";
  Node* meta = obj->Get("metadata");
  if (!meta) return;
  Node* ann = meta->Get("annotations");
  if (!ann) ann = &meta->Set("annotations", Map());
  ann->Set("kubectl.kubernetes.io/last-applied-configuration", S(json, Style::kLiteral));
  c.Decoy("apiVersion inside kubectl last-applied-configuration annotations");
}

void AddServerFields(Ctx& c, Node* obj) {
  Node* meta = obj->Get("metadata");
  meta->Set("creationTimestamp", S(Timestamp(c.rng)));
  meta->Set("generation", I(c.rng.Range(1, 40)));
  meta->Set("resourceVersion", S(std::to_string(c.rng.Range(100000, 99999999))));
  meta->Set("uid", S(Uid(c.rng)));
  if (c.rng.Chance(0.6)) {
    Node fields = FieldsV1(*obj, 4);
    const Node* api = obj->Get("apiVersion");
    Node managed = Seq();
    managed.Push(M({{"apiVersion", S(api->text)},
                    {"fieldsType", S("FieldsV1")},
                    {"fieldsV1", fields},
                    {"manager", S("kubectl-client-side-apply")},
                    {"operation", S("Update")},
                    {"time", S(Timestamp(c.rng))}}));
    c.Decoy("apiVersion in metadata.managedFields entries");
    meta->Set("managedFields", std::move(managed));
  }
  if (c.rng.Chance(0.3)) {
    meta->Set("ownerReferences", L({M({{"apiVersion", S("extensions/v1beta1")},
                                       {"kind", S("ReplicaSet")},
                                       {"name", S(meta->Get("name")->text + "-" + Hex(c.rng, 10))},
                                       {"uid", S(Uid(c.rng))},
                                       {"controller", B(true)},
                                       {"blockOwnerDeletion", B(true)}})}));
    c.Decoy("apiVersion in metadata.ownerReferences");
  }
  const Node* kind = obj->Get("kind");
  if (kind->text == "Deployment" && !obj->Get("status")) {
    int r = c.rng.Range(1, 6);
    obj->Set("status",
             M({{"availableReplicas", I(r)},
                {"observedGeneration", I(c.rng.Range(1, 40))},
                {"readyReplicas", I(r)},
                {"replicas", I(r)},
                {"updatedReplicas", I(r)},
                {"conditions", L({M({{"lastTransitionTime", S(Timestamp(c.rng))},
                                     {"lastUpdateTime", S(Timestamp(c.rng))},
                                     {"message", S("Deployment has minimum availability.")},
                                     {"reason", S("MinimumReplicasAvailable")},
                                     {"status", S("True")},
                                     {"type", S("Available")}})})}}));
  }
}

Node AppObject(Ctx& c, const App& app, AppKind kind) {
  switch (kind) {
    case kDeployment:
      return Deployment(c, app, c.rng.Chance(0.4) ? 2 : 1);
    case kService:
      return Service(c, app);
    case kIngress:
      return Ingress(c, app);
    case kHpa:
      return Hpa(c, app);
    case kPdb:
      return Pdb(c, app);
    case kCronJob:
      return CronJob(c, app);
    case kConfigMap:
      return ConfigMapSmall(c, app);
    case kServiceAccount:
      return ServiceAccount(c, app);
    case kRole:
      return Role(c, app, c.rng.Chance(0.3));
    case kRoleBinding:
      return RoleBinding(c, app, c.rng.Chance(0.3));
    case kNetworkPolicy:
      return NetworkPolicy(c, app);
    case kSecret:
      return Secret(c, app);
    case kServiceMonitor:
      return ServiceMonitor(c, app);
    case kStatefulSet:
      return StatefulSet(c, app);
    case kDaemonSet:
      return DaemonSet(c, app);
    case kResourceTemplate:
      return ResourceTemplate(c, app);
  }
  return Map();
}

std::string NginxConf(Ctx& c, const App& app) {
  std::string s = "worker_processes auto;\nevents {\n  worker_connections 1024;\n}\nhttp {\n";
  s += "  # generated for " + app.name + "\n  log_format main '$remote_addr - $request';\n";
  for (int i = 0, n = c.rng.Range(3, 25); i < n; ++i) {
    s += Cat({"  server {\n    listen ", std::to_string(8000 + i), ";\n    server_name ", app.name,
              std::to_string(i), ".example.com;\n    location /", c.rng.Pick(kPropNames),
              " {\n      proxy_pass http://", app.name, ":", std::to_string(app.port),
              ";\n      proxy_set_header Host $host;\n      proxy_read_timeout ",
              std::to_string(c.rng.Range(5, 300)), "s;\n    }\n  }\n"});
  }
  return s + "}\n";
}

std::string Properties(Ctx& c) {
  std::string s = "# application properties\n";
  for (int i = 0, n = c.rng.Range(10, 80); i < n; ++i)
    s += Cat({"app.", c.rng.Pick(kPropNames), ".", c.rng.Pick(kPropNames), "=", c.rng.Pick(kWords),
              "\n"});
  return s;
}

}  // namespace kubeshift_bench
