// Sprig encoding and crypto functions. Digests and encodings are real; functions that make
// keys and certificates (genCA, genSignedCert, genPrivateKey, bcrypt…) return deterministic
// placeholders of the right shape, because a linter needs the rendered structure, not keys
// (Helm's own output differs on every run for these).
#include "helm/function_util.h"
#include "helm/go_format.h"
#include "helm/hashes.h"
#include "helm/sprig_cast.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

std::string Pem(std::string_view type, std::string_view seed) {
  std::string body = Base64Encode("kubeshift placeholder " + std::string(type) + " " + Sha256Hex(seed));
  std::string out = "-----BEGIN " + std::string(type) + "-----\n";
  for (size_t i = 0; i < body.size(); i += 64) out += body.substr(i, 64) + "\n";
  return out + "-----END " + std::string(type) + "-----\n";
}

// Sprig's certificate struct: fields Cert and Key.
class Certificate final : public HostObject {
 public:
  Certificate(std::string cert, std::string key) : cert_(std::move(cert)), key_(std::move(key)) {}
  std::string TypeName() const override { return "sprig.certificate"; }
  std::string_view KindName() const override { return "struct"; }
  bool Field(std::string_view name, Value* out) const override {
    if (name == "Cert") *out = Value::String(cert_);
    else if (name == "Key") *out = Value::String(key_);
    else return false;
    return true;
  }
  void Format(std::string* out) const override { *out += "{" + cert_ + " " + key_ + "}"; }
  Value ToData() const override { return Value::Map({{"Cert", Value::String(cert_)}, {"Key", Value::String(key_)}}); }

 private:
  std::string cert_, key_;
};

Value MakeCertificate(Args a) {
  std::string seed;
  for (const Value& v : a) seed += ToString(v) + "|";
  return Value::Object(std::make_shared<Certificate>(Pem("CERTIFICATE", seed), Pem("RSA PRIVATE KEY", seed + "key")));
}

void AddCertificateFunction(FunctionRegistry* r, const std::string& name, std::vector<Param> params) {
  r->Add(Pure(name, std::move(params), [](Args a) { return MakeCertificate(a); }));
}

}  // namespace

void AddSprigEncoding(FunctionRegistry* r) {
  r->Add(Pure("b64enc", {P::kString}, [](Args a) { return Value::String(Base64Encode(a[0].AsString())); }));
  r->Add(Pure("b64dec", {P::kString}, [](Args a) {
    std::string out, error;
    return Value::String(Base64Decode(a[0].AsString(), &out, &error) ? out : error);
  }));
  r->Add(Pure("b32enc", {P::kString}, [](Args a) { return Value::String(Base32Encode(a[0].AsString())); }));
  r->Add(Pure("b32dec", {P::kString}, [](Args a) {
    std::string out, error;
    return Value::String(Base32Decode(a[0].AsString(), &out, &error) ? out : error);
  }));
}

void AddSprigCrypto(FunctionRegistry* r) {
  r->Add(Pure("sha1sum", {P::kString}, [](Args a) { return Value::String(Sha1Hex(a[0].AsString())); }));
  r->Add(Pure("sha256sum", {P::kString}, [](Args a) { return Value::String(Sha256Hex(a[0].AsString())); }));
  r->Add(Pure("sha512sum", {P::kString}, [](Args a) { return Value::String(Sha512Hex(a[0].AsString())); }));
  r->Add(Pure("adler32sum", {P::kString}, [](Args a) { return Value::String(std::to_string(Adler32(a[0].AsString()))); }));
  r->Add(Pure("genPrivateKey", {P::kString}, [](Args a) { return Value::String(Pem("RSA PRIVATE KEY", a[0].AsString())); }));
  r->Add(Pure("bcrypt", {P::kString}, [](Args a) {
    return Value::String("$2a$10$" + Base64Encode(Sha256Hex(a[0].AsString())).substr(0, 53));
  }));
  r->Add(Pure("htpasswd", {P::kString, P::kString}, [](Args a) {
    return Value::String(a[0].AsString() + ":$2a$10$" + Base64Encode(Sha256Hex(a[1].AsString())).substr(0, 53));
  }));
  r->Add(Pure("derivePassword", {P::kInt, P::kString, P::kString, P::kString, P::kString}, [](Args a) {
    std::string seed;
    for (const Value& v : a) seed += ToString(v) + "|";
    return Value::String(Base64Encode(Sha256Hex(seed)).substr(0, 20));
  }));
  const Param L = P::kAny;
  AddCertificateFunction(r, "genCA", {P::kString, P::kInt});
  AddCertificateFunction(r, "genCAWithKey", {P::kString, P::kInt, P::kString});
  AddCertificateFunction(r, "genSelfSignedCert", {P::kString, L, L, P::kInt});
  AddCertificateFunction(r, "genSelfSignedCertWithKey", {P::kString, L, L, P::kInt, P::kString});
  AddCertificateFunction(r, "genSignedCert", {P::kString, L, L, P::kInt, P::kAny});
  AddCertificateFunction(r, "genSignedCertWithKey", {P::kString, L, L, P::kInt, P::kAny, P::kString});
  r->Add(Pure("buildCustomCert", {P::kString, P::kString}, [](Args a) {
    std::string cert, key, error;
    Base64Decode(a[0].AsString(), &cert, &error);
    Base64Decode(a[1].AsString(), &key, &error);
    return Value::Object(std::make_shared<Certificate>(cert, key));
  }));
}

}  // namespace kubeshift::tmpl
