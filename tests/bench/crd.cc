// kubeshift benchmark: CustomResourceDefinitions with large openAPIV3Schema, in the shapes
// controller-gen has written over the years (wrapped plain or quoted descriptions, |- blocks).
#include <cstring>

#include "objects.h"

namespace kubeshift_bench {
namespace {

const char kApiVersionDescription[] =
    "APIVersion defines the versioned schema of this representation of an object. Servers "
    "should convert recognized schemas to the latest internal value, and may reject "
    "unrecognized values. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
const char kKindDescription[] =
    "Kind is a string value representing the REST resource this object represents. Servers may "
    "infer this from the endpoint the client submits requests to. Cannot be updated. In "
    "CamelCase. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/"
    "api-conventions.md#types-kinds";

class SchemaBuilder {
 public:
  SchemaBuilder(Ctx& c, Style description_style, int budget)
      : c_(c), style_(description_style), budget_(budget) {}

  Node Root() {
    Node props = Map();
    props.Set("apiVersion", TypeRef("string", kApiVersionDescription));
    props.Set("kind", TypeRef("string", kKindDescription));
    props.Set("metadata", M({{"type", S("object")}}));
    c_.Decoy("apiVersion/kind property names in CRD schemas");
    props.Set("spec", ObjectSchema(0, "Spec defines the desired state."));
    props.Set("status", ObjectSchema(0, "Status defines the observed state."));
    return M({{"description", Description(Paragraph(c_.rng, 2))},
              {"properties", props},
              {"type", S("object")}});
  }

 private:
  Node Description(std::string text) {
    if (style_ == Style::kLiteral) {
      std::string wrapped;
      for (const std::string& line : WrapWords(text, 80))
        wrapped += (wrapped.empty() ? "" : "\n") + line;
      return S(wrapped, Style::kLiteral);
    }
    return S(std::move(text), style_);
  }

  Node TypeRef(const char* type, const char* description) {
    return M({{"description", Description(description)}, {"type", S(type)}});
  }

  Node ObjectSchema(int depth, std::string description) {
    Node props = Map();
    int n = c_.rng.Range(3, 12);
    for (int i = 0; i < n && budget_ > 0; ++i) {
      std::string name = PropertyName(c_.rng);
      if (props.Get(name)) continue;
      props.Set(name, Property(depth + 1));
    }
    Node o = Map();
    o.Set("description", Description(std::move(description)));
    o.Set("properties", std::move(props));
    if (c_.rng.Chance(0.3) && !o.values[1].keys.empty())
      o.Set("required", L({S(o.values[1].keys[0])}));
    o.Set("type", S("object"));
    return o;
  }

  Node Property(int depth) {
    --budget_;
    std::string desc = Paragraph(c_.rng, c_.rng.Range(1, 3));
    int r = c_.rng.Range(0, 99);
    bool can_nest = depth < 7 && budget_ > 0;
    if (r < 30 || (!can_nest && r >= 60)) {
      Node p = M({{"description", Description(desc)}, {"type", S("string")}});
      int extra = c_.rng.Range(0, 5);
      if (extra == 0)
        p.Set("enum", L({S("Always"), S("IfNotPresent"), S("Never")}));
      else if (extra == 1)
        p.Set("format", S("date-time"));
      else if (extra == 2)
        p.Set("pattern", S("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", Style::kSingle));
      return p;
    }
    if (r < 42) {
      return M({{"description", Description(desc)},
                {"format", S("int32")},
                {"minimum", I(0)},
                {"type", S("integer")}});
    }
    if (r < 50) return M({{"description", Description(desc)}, {"type", S("boolean")}});
    if (r < 55) {
      return M({{"anyOf", L({M({{"type", S("integer")}}), M({{"type", S("string")}})})},
                {"description", Description(desc)},
                {"pattern", S("^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|"
                              "([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
                              Style::kSingle)},
                {"x-kubernetes-int-or-string", B(true)}});
    }
    if (r < 60) {
      // An object reference: properties named apiVersion and kind, deep inside the schema.
      c_.Decoy("apiVersion/kind property names in CRD schemas");
      return M({{"description", Description(desc)},
                {"properties", M({{"apiVersion", TypeRef("string", "API version of the referent.")},
                                  {"kind", TypeRef("string", kKindDescription)},
                                  {"name", TypeRef("string", "Name of the referent.")},
                                  {"namespace", TypeRef("string", "Namespace of the referent.")}})},
                {"required", L({S("kind"), S("name")})},
                {"type", S("object")},
                {"x-kubernetes-map-type", S("atomic")}});
    }
    if (r < 70) {
      Node items = c_.rng.Chance(0.5) ? M({{"type", S("string")}}) : ObjectSchema(depth, desc);
      return M({{"description", Description(desc)},
                {"items", items},
                {"type", S("array")},
                {"x-kubernetes-list-type", S("atomic")}});
    }
    if (r < 75) {
      return M({{"additionalProperties", M({{"type", S("string")}})},
                {"description", Description(desc)},
                {"type", S("object")}});
    }
    if (r < 78) {
      return M({{"description", Description(desc)},
                {"type", S("object")},
                {"x-kubernetes-preserve-unknown-fields", B(true)}});
    }
    return ObjectSchema(depth, desc);
  }

  Ctx& c_;
  Style style_;
  int budget_;
};

}  // namespace

std::string CrdPlural(const std::string& kind) {
  std::string plural = Lower(kind);
  if (plural.size() > 1 && plural.back() == 'y' && !std::strchr("aeiou", plural[plural.size() - 2]))
    return plural.substr(0, plural.size() - 1) + "ies";
  return plural + "s";
}

Node Crd(Ctx& c, const std::string& group, const std::string& kind, bool v1beta1, int budget) {
  std::string singular = Lower(kind);
  std::string plural = CrdPlural(kind);
  Style desc_style = c.rng.Pick({Style::kWrapped, Style::kLiteral, Style::kAuto});
  Node meta = M({{"name", S(plural + "." + group)},
                 {"annotations", M({{"controller-gen.kubebuilder.io/version", S("v0.14.0")}})}});
  Node names = M({{"categories", L({S("all")})},
                  {"kind", S(kind)},
                  {"listKind", S(kind + "List")},
                  {"plural", S(plural)},
                  {"shortNames", L({S(singular.substr(0, 3))})},
                  {"singular", S(singular)}});
  Node printer =
      L({M({{"jsonPath", S(".status.phase")}, {"name", S("Phase")}, {"type", S("string")}}),
         M({{"jsonPath", S(".metadata.creationTimestamp")},
            {"name", S("Age")},
            {"type", S("date")}})});
  Node spec = Map();
  spec.Set("group", S(group));
  spec.Set("names", names);
  spec.Set("scope", S("Namespaced"));
  if (v1beta1) {
    spec.Set("version", S("v1alpha1"));
    spec.Set("validation", M({{"openAPIV3Schema", SchemaBuilder(c, desc_style, budget).Root()}}));
    spec.Set("subresources", M({{"status", Map()}}));
  } else {
    Node versions = Seq();
    int n = c.rng.Range(1, 2);
    for (int i = 0; i < n; ++i) {
      bool storage = i == n - 1;
      versions.Push(
          M({{"additionalPrinterColumns", printer},
             {"name", S(storage ? "v1" : "v1beta1")},
             {"schema", M({{"openAPIV3Schema", SchemaBuilder(c, desc_style, budget / n).Root()}})},
             {"served", B(true)},
             {"storage", B(storage)},
             {"subresources", M({{"status", Map()}})}}));
    }
    spec.Set("versions", std::move(versions));
  }
  Node o = Object(v1beta1 ? "apiextensions.k8s.io/v1beta1" : "apiextensions.k8s.io/v1",
                  "CustomResourceDefinition", std::move(meta));
  o.Set("spec", std::move(spec));
  return o;
}

}  // namespace kubeshift_bench
