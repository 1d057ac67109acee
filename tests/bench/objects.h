// kubeshift benchmark: random numbers, vocabulary and builders of Kubernetes objects.
#ifndef KUBESHIFT_BENCH_OBJECTS_H_
#define KUBESHIFT_BENCH_OBJECTS_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "document.h"

namespace kubeshift_bench {

/// splitmix64: the same numbers with every standard library, so a seed fixes the tree.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  int Range(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Next() % N];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Next() % items.size()];
  }

 private:
  uint64_t state_;
};

/// One application in one environment: teams/<team>/<name>/<env>/.
struct App {
  std::string team;
  std::string name;
  std::string env;
  std::string ns;
  std::string image;
  int port = 8080;
  double legacy = 0;  ///< chance that an object gets an older apiVersion
  std::string chart;  ///< "webapp-1.4.2" for rendered chart output, else empty
};

/// Every (team, app, env) of the generated organisation.
std::vector<App> MakeApps(Rng& rng);

/// What builders share: the random stream and the count of decoys (apiVersion text that is
/// not a top-level object) they wrote.
struct Ctx {
  Rng rng;
  std::map<std::string, int>* decoys;
  void Decoy(const char* what, int n = 1) { (*decoys)[what] += n; }
};

/// Concatenates \a parts. The elements of a braced list are evaluated in order, so
/// Cat({Hex(rng, 4), "-", Hex(rng, 4)}) is the same with every compiler, unlike a + chain.
std::string Cat(std::initializer_list<std::string> parts);
std::string Sentence(Rng& rng, int words);
std::string Paragraph(Rng& rng, int sentences);
std::string PropertyName(Rng& rng);
std::string Hex(Rng& rng, int chars);
std::string Lower(std::string s);

/// A string value, sometimes quoted the way people quote by hand.
Node Quoted(Ctx& c, std::string text);
Node Metadata(Ctx& c, const App& app, const std::string& name, const std::string& component,
              bool namespaced = true);
Node Object(std::string api_version, std::string kind, Node metadata);
/// A pod spec; \a size 0 small (jobs), 1 typical, 2 long.
Node PodSpec(Ctx& c, const App& app, int size);

/// The namespaced objects of an application; each picks its apiVersion with app.legacy.
enum AppKind {
  kDeployment,
  kService,
  kIngress,
  kHpa,
  kPdb,
  kCronJob,
  kConfigMap,
  kServiceAccount,
  kRole,
  kRoleBinding,
  kNetworkPolicy,
  kSecret,
  kServiceMonitor,
  kStatefulSet,
  kDaemonSet,
  kResourceTemplate,  ///< a custom resource that carries a whole object in its spec
};
Node AppObject(Ctx& c, const App& app, AppKind kind);
Node Deployment(Ctx& c, const App& app, int size);
Node Ingress(Ctx& c, const App& app);
Node Role(Ctx& c, const App& app, bool cluster);
Node RoleBinding(Ctx& c, const App& app, bool cluster);
/// A Helm test hook.
Node TestPod(Ctx& c, const App& app);

/// Cluster-scoped objects (metadata labels still come from \a app).
Node PriorityClass(Ctx& c, const App& app);
Node StorageClass(Ctx& c, const App& app);
Node FlowSchema(Ctx& c, const App& app);
Node PodSecurityPolicy(Ctx& c, const App& app);
Node Namespace(Ctx& c, const App& app);
Node ResourceQuota(Ctx& c, const App& app);

/// Adds kubectl's last-applied-configuration annotation: the object as one long JSON line.
void AddLastApplied(Ctx& c, Node* obj);
/// Adds what `kubectl get` shows: uid, resourceVersion, managedFields, ownerReferences, status.
void AddServerFields(Ctx& c, Node* obj);

/// Text files kept in ConfigMaps.
std::string NginxConf(Ctx& c, const App& app);
std::string Properties(Ctx& c);

/// "Policy" → "policies", "Gateway" → "gateways".
std::string CrdPlural(const std::string& kind);
/// A CustomResourceDefinition whose schema has about \a budget properties (crd.cc).
Node Crd(Ctx& c, const std::string& group, const std::string& kind, bool v1beta1, int budget);

}  // namespace kubeshift_bench

#endif  // KUBESHIFT_BENCH_OBJECTS_H_
