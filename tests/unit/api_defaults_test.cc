// Tests for tests/unit/api_defaults.h, the defaulter and normaliser of the conformance test:
// a comparison is only as good as the defaults it applies.
#include "api_defaults.h"

#include <string>
#include <vector>

#include "catch.h"

namespace kubeshift::api_defaults {
namespace {

Value Parse(const std::string& yaml) {
  std::vector<Value> objects = ParseObjects(yaml);
  REQUIRE(objects.size() == 1);
  return objects[0];
}

Value Defaulted(const std::string& yaml) {
  Value object = Parse(yaml);
  return Canonical(object, object.TextOf("apiVersion"));
}

std::vector<std::string> Differences(const std::string& a, const std::string& b) {
  std::vector<std::string> out;
  Diff(Defaulted(a), Defaulted(b), "", &out);
  return out;
}

TEST_CASE("api_defaults: plain scalars resolve as go-yaml v2 reads them", "[api_defaults]") {
  Value v = Parse("{a: 1, b: '1', c: true, d: on, e: 'on', f: ~, g: 1.5, h: +7, i: x}");
  CHECK(v.Get("a")->type == Value::Type::kInt);
  CHECK(v.Get("b")->type == Value::Type::kString);
  CHECK(*v.Get("c") == Value::Bool(true));
  CHECK(*v.Get("d") == Value::Bool(true));
  CHECK(*v.Get("e") == Value::Str("on"));
  CHECK(v.Get("f")->IsNull());
  CHECK(v.Get("g")->type == Value::Type::kFloat);
  CHECK(v.Get("h")->text == "7");
  CHECK(*v.Get("i") == Value::Str("x"));
}

TEST_CASE("api_defaults: a List and a FooList and several documents become their objects", "[api_defaults]") {
  CHECK(ParseObjects("kind: List\napiVersion: v1\nitems:\n- {kind: A}\n- {kind: B}\n").size() == 2);
  CHECK(ParseObjects("kind: DeploymentList\nitems:\n- {kind: Deployment}\n").size() == 1);
  CHECK(ParseObjects("---\nkind: A\n---\n---\nkind: B\n...\n").size() == 2);
}

TEST_CASE("api_defaults: apps/v1 Deployment and pod template defaults", "[api_defaults]") {
  const Value d = Defaulted(R"(
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
      - {name: a, image: nginx, ports: [{containerPort: 80}], readinessProbe: {httpGet: {port: 80}}}
      - {name: b, image: "nginx:1.2"}
      - {name: c, image: "registry:5000/x@sha256:abc"}
      - {name: d, image: "x:latest", imagePullPolicy: Never}
      volumes:
      - {name: s, secret: {secretName: s}}
      - {name: e}
)");
  CHECK(d.Path({"spec", "replicas"})->text == "1");
  CHECK(d.Path({"spec", "revisionHistoryLimit"})->text == "10");
  CHECK(d.Path({"spec", "progressDeadlineSeconds"})->text == "600");
  CHECK(*d.Path({"spec", "strategy", "rollingUpdate", "maxSurge"}) == Value::Str("25%"));
  const Value& pod = *d.Path({"spec", "template", "spec"});
  CHECK(pod.TextOf("dnsPolicy") == "ClusterFirst");
  CHECK(pod.TextOf("terminationGracePeriodSeconds") == "30");
  CHECK(pod.Get("enableServiceLinks") == nullptr);  // Pods only, not templates
  const std::vector<Value>& c = pod.Get("containers")->items;
  CHECK(c[0].TextOf("imagePullPolicy") == "Always");
  CHECK(c[1].TextOf("imagePullPolicy") == "IfNotPresent");
  CHECK(c[2].TextOf("imagePullPolicy") == "IfNotPresent");
  CHECK(c[3].TextOf("imagePullPolicy") == "Never");
  CHECK(c[0].Get("ports")->items[0].TextOf("protocol") == "TCP");
  CHECK(c[0].Path({"readinessProbe", "httpGet"})->TextOf("scheme") == "HTTP");
  CHECK(c[0].Path({"readinessProbe"})->TextOf("failureThreshold") == "3");
  CHECK(pod.Get("volumes")->items[0].Path({"secret"})->TextOf("defaultMode") == "420");
  CHECK(pod.Get("volumes")->items[1].Get("emptyDir"));
}

TEST_CASE("api_defaults: an explicit value wins over the default", "[api_defaults]") {
  const char* base = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: {}\n";
  CHECK(Differences(base, std::string(base) + "  revisionHistoryLimit: 10\n").empty());
  const std::vector<std::string> d = Differences(base, std::string(base) + "  revisionHistoryLimit: 2147483647\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0] == "spec.revisionHistoryLimit: ours 10, kubectl 2147483647");
}

TEST_CASE("api_defaults: kubectl printing artefacts are not differences", "[api_defaults]") {
  CHECK(Differences("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec: {}\n",
                    "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\n  creationTimestamp: null\n"
                    "  annotations: {deprecated.daemonset.template.generation: \"0\"}\nspec: {}\n"
                    "status: {currentNumberScheduled: 0, numberReady: 0}\n")
            .empty());
  // A real template generation is kept.
  CHECK(Differences("apiVersion: apps/v1\nkind: DaemonSet\nspec: {}\n",
                    "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  annotations: "
                    "{deprecated.daemonset.template.generation: \"3\"}\nspec: {}\n")
            .size() == 1);
  // omitempty: false and "" are unset...
  CHECK(Differences("apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nspec: {privileged: false}\n",
                    "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nspec: {}\n")
            .empty());
  // ...except where unset means something else, and in maps of strings.
  CHECK(Differences("apiVersion: v1\nkind: PersistentVolumeClaim\nspec: {storageClassName: \"\"}\n",
                    "apiVersion: v1\nkind: PersistentVolumeClaim\nspec: {}\n")
            .size() == 1);
  CHECK(Differences("apiVersion: v1\nkind: ConfigMap\ndata: {a: \"\"}\n", "apiVersion: v1\nkind: ConfigMap\n").size() ==
        1);
}

TEST_CASE("api_defaults: quantities compare by value but IntOrString does not", "[api_defaults]") {
  CHECK(CanonicalQuantity("0.5") == "0.5");
  CHECK(CanonicalQuantity("500m") == "0.5");
  CHECK(CanonicalQuantity("1.5Gi") == CanonicalQuantity("1536Mi"));
  CHECK(CanonicalQuantity("1e9") == CanonicalQuantity("1G"));
  CHECK(CanonicalQuantity("2000m") == "2");
  CHECK(CanonicalQuantity("1073741824") == CanonicalQuantity("1Gi"));
  CHECK(CanonicalQuantity("100Mi") != CanonicalQuantity("100M"));
  CHECK(CanonicalQuantity("-1.5k") == "-1500");
  CHECK_FALSE(CanonicalQuantity("abc"));
  CHECK_FALSE(CanonicalQuantity(""));
  const char* pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: a:1\n";
  CHECK(Differences(std::string(pod) + "    resources: {limits: {cpu: \"0.5\", gpu: 1}}\n",
                    std::string(pod) + "    resources: {limits: {cpu: 500m, gpu: \"1\"}}\n")
            .empty());
  CHECK(Differences(
            std::string(pod) + "    ports: [{containerPort: 80}]\n    livenessProbe: {httpGet: {port: 8080}}\n",
            std::string(pod) + "    ports: [{containerPort: 80}]\n    livenessProbe: {httpGet: {port: \"8080\"}}\n")
            .size() == 1);
}

TEST_CASE("api_defaults: times compare as instants at their precision", "[api_defaults]") {
  CHECK(CanonicalTime("2021-03-04T07:06:07+02:00", false) == "2021-03-04T05:06:07Z");
  CHECK(CanonicalTime("2021-03-05T00:00:00-05:00", false) == "2021-03-05T05:00:00Z");
  CHECK(CanonicalTime("2021-03-04T07:06:07.500000+02:00", true) == "2021-03-04T05:06:07.500000Z");
  CHECK(CanonicalTime("2020-03-01T00:30:00+01:00", false) == "2020-02-29T23:30:00Z");
  CHECK_FALSE(CanonicalTime("yesterday", false));
}

TEST_CASE("api_defaults: defaults of the other groups", "[api_defaults]") {
  const Value hpa = Defaulted(
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n"
      "  behavior: {scaleDown: {stabilizationWindowSeconds: 300}}\n");
  CHECK(hpa.Path({"spec", "minReplicas"})->text == "1");
  CHECK(hpa.Path({"spec", "metrics"})->items[0].Path({"resource", "target"})->TextOf("averageUtilization") == "80");
  CHECK(hpa.Path({"spec", "behavior", "scaleUp", "policies"})->items.size() == 2);
  CHECK(hpa.Path({"spec", "behavior", "scaleDown"})->TextOf("stabilizationWindowSeconds") == "300");
  CHECK(hpa.Path({"spec", "behavior", "scaleDown"})->TextOf("selectPolicy") == "Max");

  const Value np = Defaulted(
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n"
      "  egress: [{ports: [{port: 53}]}]\n");
  CHECK(np.Path({"spec", "policyTypes"})->items.size() == 2);
  CHECK(np.Path({"spec", "egress"})->items[0].Get("ports")->items[0].TextOf("protocol") == "TCP");

  const Value webhook = Defaulted(
      "apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\n"
      "webhooks: [{name: a, rules: [{}], clientConfig: {service: {name: s}}}]\n");
  const Value& w = webhook.Get("webhooks")->items[0];
  CHECK(w.TextOf("failurePolicy") == "Fail");
  CHECK(w.TextOf("matchPolicy") == "Equivalent");
  CHECK(w.TextOf("timeoutSeconds") == "10");
  CHECK(w.TextOf("reinvocationPolicy") == "Never");
  CHECK(w.Path({"clientConfig", "service"})->TextOf("port") == "443");
  CHECK(w.Get("rules")->items[0].TextOf("scope") == "*");

  const Value rb = Defaulted(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nroleRef: {kind: Role}\n"
      "subjects: [{kind: User, name: a}, {kind: ServiceAccount, name: b}]\n");
  CHECK(rb.Path({"roleRef"})->TextOf("apiGroup") == "rbac.authorization.k8s.io");
  CHECK(rb.Get("subjects")->items[0].TextOf("apiGroup") == "rbac.authorization.k8s.io");
  CHECK(rb.Get("subjects")->items[1].Get("apiGroup") == nullptr);

  const Value plc = Defaulted(
      "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: PriorityLevelConfiguration\n"
      "spec: {type: Limited, limited: {limitResponse: {type: Queue, queuing: {}}}}\n");
  CHECK(plc.Path({"spec", "limited"})->TextOf("nominalConcurrencyShares") == "30");
  CHECK(plc.Path({"spec", "limited", "limitResponse", "queuing"})->TextOf("queues") == "64");

  const Value rc = Defaulted(
      "apiVersion: v1\nkind: ReplicationController\nspec:\n  template:\n"
      "    metadata: {labels: {app: x}}\n");
  CHECK(rc.Path({"spec", "selector"})->TextOf("app") == "x");
  CHECK(rc.Path({"metadata", "labels"})->TextOf("app") == "x");
}

}  // namespace
}  // namespace kubeshift::api_defaults
