// The Sprig function list: each group lives in its own sprig_*.cc file.
#include "helm/function_util.h"

namespace kubeshift::tmpl {

void AddSprigFunctions(FunctionRegistry* registry) {
  AddSprigStrings(registry);
  AddSprigStringCase(registry);
  AddSprigConversion(registry);
  AddSprigMath(registry);
  AddSprigDefaults(registry);
  AddSprigLists(registry);
  AddSprigDicts(registry);
  AddSprigEncoding(registry);
  AddSprigCrypto(registry);
  AddSprigAes(registry);
  AddSprigRandom(registry);
  AddSprigSemver(registry);
  AddSprigRegex(registry);
  AddSprigReflect(registry);
  AddSprigPaths(registry);
  AddSprigDate(registry);
  AddSprigNetwork(registry);
  AddSprigUrl(registry);
}

}  // namespace kubeshift::tmpl
