// Sprig encoding and crypto functions. Digests and encodings are real. genPrivateKey, genCA,
// genSelfSignedCert and genSignedCert (and their WithKey forms) make real keys and X.509
// certificates as Sprig's crypto.go does (RSA, ECDSA P-256, Ed25519 and DSA keys), drawing on the
// render's seeded random stream and ExecOptions::now_unix, so a render is reproducible (Helm's
// differs on every run); bcrypt and htpasswd make real bcrypt hashes with salts from that
// stream. derivePassword is exact (it is deterministic).
#include <map>

#include "helm/bcrypt.h"
#include "helm/crypto_keys.h"
#include "helm/crypto_x509.h"
#include "helm/der.h"
#include "helm/function_util.h"
#include "helm/hashes.h"
#include "helm/scrypt.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

std::string BigEndian32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

// Sprig's derivePassword: the Master Password algorithm (scrypt N=32768 r=8 p=2 over the user,
// HMAC-SHA-256 over the site and counter, then a character template chosen by the seed).
std::string DerivePassword(uint32_t counter, const std::string& type, const std::string& password,
                           const std::string& user, const std::string& site) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kTemplates = {
      {"maximum", {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"}},
      {"long",
       {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno",
        "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
        "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno",
        "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno"}},
      {"medium", {"CvcnoCvc", "CvcCvcno"}},
      {"short", {"Cvcn"}},
      {"basic", {"aaanaaan", "aannaaan", "aaannaaa"}},
      {"pin", {"nnnn"}},
  };
  static const std::map<char, std::string> kCharacters = {
      {'V', "AEIOU"},
      {'C', "BCDFGHJKLMNPQRSTVWXYZ"},
      {'v', "aeiou"},
      {'c', "bcdfghjklmnpqrstvwxyz"},
      {'A', "AEIOUBCDFGHJKLMNPQRSTVWXYZ"},
      {'a', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"},
      {'n', "0123456789"},
      {'o', "@&%?,=[]_:-+*$#!'^~;()/."},
      {'x', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()"},
  };
  const auto templates = kTemplates.find(type);
  if (templates == kTemplates.end()) return "cannot find password template " + type;
  const std::string scope = "com.lyndir.masterpassword";
  const std::string key = Scrypt(password, scope + BigEndian32(static_cast<uint32_t>(user.size())) + user, 32768, 8, 2, 64);
  const std::string seed =
      HmacSha256(key, scope + BigEndian32(static_cast<uint32_t>(site.size())) + site + BigEndian32(counter));
  const std::string& pattern = templates->second[static_cast<uint8_t>(seed[0]) % templates->second.size()];
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& chars = kCharacters.at(pattern[i]);
    out.push_back(chars[static_cast<uint8_t>(seed[i + 1]) % chars.size()]);
  }
  return out;
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
  const std::string& cert() const { return cert_; }
  const std::string& key() const { return key_; }

 private:
  std::string cert_, key_;
};

RandomBytes RandomOf(CallContext& ctx) {
  return [&ctx](size_t n) {
    std::string bytes(n, '\0');
    uint64_t word = 0;
    for (size_t i = 0; i < n; ++i) {
      if (i % 8 == 0) word = ctx.NextRandom();
      bytes[i] = static_cast<char>(word >> (8 * (i % 8)));
    }
    return bytes;
  };
}

// Sprig's bcrypt: golang.org/x/crypto/bcrypt at its default cost, 10, with a salt from the
// render's random stream.
std::string Bcrypt(CallContext& ctx, const std::string& password) {
  if (password.size() > 72) return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes";
  return BcryptHash(password, RandomOf(ctx)(16), 10);
}

std::string EcPrivateKeyDer(const BigInt& d) {
  return der::Sequence({der::Integer(int64_t{1}), der::Tlv(der::kOctetString, d.ToBytes(32)),
                        der::Explicit(0, der::Oid("1.2.840.10045.3.1.7")),
                        der::Explicit(1, der::BitString(P256PublicPoint(d)))});
}

std::string GeneratePrivateKeyPem(const std::string& type, const RandomBytes& random) {
  if (type.empty() || type == "rsa") return PemEncode("RSA PRIVATE KEY", RsaPrivateKeyDer(GenerateRsaKey(4096, random)));
  if (type == "ecdsa") return PemEncode("EC PRIVATE KEY", GenerateP256KeyDer(random));
  if (type == "ed25519") return PemEncode("PRIVATE KEY", GenerateEd25519KeyDer(random));
  if (type == "dsa") return PemEncode("DSA PRIVATE KEY", GenerateDsaKeyDer(random));
  return "Unknown type " + type;
}

// A private key as Sprig's parsePrivateKeyPEM reads it.
struct PrivateKey {
  enum class Kind { kRsa, kEcP256, kEcOther, kEd25519, kDsa } kind = Kind::kDsa;
  RsaKey rsa;
  BigInt ec;
  std::string ed25519_seed;
  std::string curve;  ///< the OID of an EC key's curve
};

constexpr std::string_view kP256 = "1.2.840.10045.3.1.7";

void SetEcKind(PrivateKey* key) {
  key->kind = key->curve.empty() || key->curve == kP256 ? PrivateKey::Kind::kEcP256 : PrivateKey::Kind::kEcOther;
}

// SEC 1 ECPrivateKey; \a curve is the named curve's OID when the key carries one.
bool ParseSec1(std::string_view data, BigInt* d, std::string* curve) {
  der::Reader reader(data);
  der::Element seq;
  std::vector<der::Element> f;
  if (!reader.Expect(der::kSequence, &seq) || !der::Children(seq, &f) || f.size() < 2) return false;
  if (f[1].tag != der::kOctetString) return false;
  for (size_t i = 2; i < f.size(); ++i) {
    der::Reader inner(f[i].value);
    der::Element oid;
    if (f[i].tag == 0xA0) {
      if (!inner.Expect(der::kOid, &oid)) return false;
      *curve = der::OidString(oid.value);
    }
  }
  *d = BigInt::FromBytes(f[1].value);
  return !d->IsZero();
}

bool ParsePkcs8(std::string_view data, PrivateKey* key, std::string* error) {
  der::Reader reader(data);
  der::Element seq;
  std::vector<der::Element> f, alg;
  if (!reader.Expect(der::kSequence, &seq) || !der::Children(seq, &f) || f.size() < 3 || f[1].tag != der::kSequence ||
      !der::Children(f[1], &alg) || alg.empty() || alg[0].tag != der::kOid || f[2].tag != der::kOctetString) {
    *error = "asn1: structure error";
    return false;
  }
  const std::string oid = der::OidString(alg[0].value);
  if (oid == "1.2.840.113549.1.1.1") {
    key->kind = PrivateKey::Kind::kRsa;
    if (ParseRsaPrivateKeyDer(f[2].value, &key->rsa)) return true;
    *error = "x509: failed to parse RSA private key embedded in PKCS#8";
    return false;
  }
  if (oid == "1.2.840.10045.2.1") {
    if (alg.size() > 1 && alg[1].tag == der::kOid) key->curve = der::OidString(alg[1].value);
    if (ParseSec1(f[2].value, &key->ec, &key->curve)) {
      SetEcKind(key);
      return true;
    }
    *error = "x509: failed to parse EC private key embedded in PKCS#8";
    return false;
  }
  if (oid == "1.3.101.112") {
    der::Reader inner(f[2].value);
    der::Element seed;
    key->kind = PrivateKey::Kind::kEd25519;
    if (inner.Expect(der::kOctetString, &seed) && seed.value.size() == 32) {
      key->ed25519_seed = std::string(seed.value);
      return true;
    }
    *error = "x509: invalid Ed25519 private key: asn1: syntax error";
    return false;
  }
  *error = "x509: PKCS#8 wrapping contained private key with unknown algorithm: " + oid;
  return false;
}

bool ParsePrivateKeyPem(const std::string& pem, PrivateKey* key, std::string* error) {
  std::string type, data;
  if (!PemDecode(pem, &type, &data)) return Fail(error, "no PEM data in input");
  std::string why;
  if (type == "PRIVATE KEY") return ParsePkcs8(data, key, &why) || Fail(error, "decoding PEM as PKCS#8: " + why);
  if (!type.ends_with(" PRIVATE KEY")) return Fail(error, "no private key data in PEM block of type " + type);
  const std::string kind = type.substr(0, type.size() - 12);
  if (kind == "RSA") {
    key->kind = PrivateKey::Kind::kRsa;
    return ParseRsaPrivateKeyDer(data, &key->rsa) ||
           Fail(error, "parsing RSA private key from PEM: x509: failed to parse private key");
  }
  if (kind == "EC") {
    if (!ParseSec1(data, &key->ec, &key->curve)) {
      return Fail(error, "parsing EC private key from PEM: x509: failed to parse EC private key");
    }
    SetEcKind(key);
    return true;
  }
  if (kind == "DSA") {  // Sprig's DSAKeyFormat: SEQUENCE of six INTEGERs
    der::Reader reader(data);
    der::Element seq;
    std::vector<der::Element> f;
    key->kind = PrivateKey::Kind::kDsa;
    if (reader.Expect(der::kSequence, &seq) && der::Children(seq, &f) && f.size() == 6) return true;
    return Fail(error, "parsing DSA private key from PEM: asn1: structure error");
  }
  return Fail(error, "invalid private key type " + type);
}

// What getBaseCertTemplate reads from the ips and alternateDNS lists.
bool CertificateNames(const Value& ips, const Value& dns, CertificateSpec* spec, std::string* error) {
  if (!ips.IsNilish()) {
    if (!ips.IsList()) return Fail(error, "wrong type for value; expected []interface {}; got " + ips.TypeName());
    for (const Value& ip : ips.AsList()) {
      if (!ip.IsString()) return Fail(error, "error parsing ip: " + ToString(ip) + " is not a string");
      std::string bytes;
      if (!ParseIp(ip.AsString(), &bytes)) return Fail(error, "error parsing ip: " + ip.AsString());
      spec->ip_addresses.push_back(bytes);
    }
  }
  if (!dns.IsNilish()) {
    if (!dns.IsList()) return Fail(error, "wrong type for value; expected []interface {}; got " + dns.TypeName());
    for (const Value& name : dns.AsList()) {
      if (!name.IsString()) {
        return Fail(error, "error processing alternate dns name: " + ToString(name) + " is not a string");
      }
      spec->dns_names.push_back(name.AsString());
    }
  }
  return true;
}

// The certificate's subject key: what SubjectPublicKeyInfo and the key PEM are made from.
bool PublicKeyOf(const PrivateKey& key, PublicKeyInfo* info, std::string* pem) {
  if (key.kind == PrivateKey::Kind::kRsa) {
    *info = RsaPublicKeyInfo(key.rsa);
    *pem = PemEncode("RSA PRIVATE KEY", RsaPrivateKeyDer(key.rsa));
    return true;
  }
  if (key.kind == PrivateKey::Kind::kEcP256) {
    *info = EcP256PublicKeyInfo(P256PublicPoint(key.ec));
    *pem = PemEncode("EC PRIVATE KEY", EcPrivateKeyDer(key.ec));
    return true;
  }
  if (key.kind == PrivateKey::Kind::kEd25519) {
    *info = Ed25519PublicKeyInfo(Ed25519PublicKey(key.ed25519_seed));
    *pem = PemEncode("PRIVATE KEY", Ed25519PrivateKeyDer(key.ed25519_seed));
    return true;
  }
  return false;  // DSA
}

bool SigningKeyOf(CallContext& ctx, const PrivateKey& key, SigningKey* out) {
  switch (key.kind) {
    case PrivateKey::Kind::kRsa: *out = RsaSigningKey(key.rsa); return true;
    case PrivateKey::Kind::kEcP256: *out = EcdsaP256SigningKey(key.ec, RandomOf(ctx)); return true;
    case PrivateKey::Kind::kEd25519: *out = Ed25519SigningKey(key.ed25519_seed); return true;
    default: return false;
  }
}

struct Issuer {
  std::string cert_der;
  ParsedCertificate cert;
  PrivateKey key;
};

// Sprig's generate*WithKeyInternal: one certificate for \a key, self-signed when \a issuer is
// null. Go's x509 neither signs with DSA keys nor certifies them: those fail as there.
bool MakeCertificate(CallContext& ctx, CertificateSpec spec, const PrivateKey& key, const Issuer* issuer, Value* out,
                     std::string* error) {
  PublicKeyInfo info;
  std::string key_pem;
  SigningKey signer;
  for (const PrivateKey* k : {&key, issuer ? &issuer->key : &key}) {
    if (k->kind == PrivateKey::Kind::kEcOther) {  // Go would manage; this implementation has P-256 only
      return Fail(error, "kubeshift: certificates with EC keys on curve " + k->curve + " are not supported (P-256 is)");
    }
  }
  if (!SigningKeyOf(ctx, issuer ? issuer->key : key, &signer)) {
    return Fail(error, "error creating certificate: x509: certificate private key does not implement crypto.Signer");
  }
  if (!PublicKeyOf(key, &info, &key_pem)) {
    return Fail(error, "error creating certificate: x509: unsupported public key type: *dsa.PublicKey");
  }
  spec.serial = RandomOf(ctx)(16);
  spec.not_before = ctx.options().now_unix;
  spec.not_after = spec.not_before + 24 * 3600 * spec.not_after;  // not_after holds the days until here
  const std::string der = issuer ? CreateCertificate(spec, info, issuer->cert.subject, issuer->cert.subject_key_id, signer)
                                 : CreateCertificate(spec, info, "", "", signer);
  *out = Value::Object(std::make_shared<Certificate>(PemEncode("CERTIFICATE", der), key_pem));
  return true;
}

PrivateKey NewRsaKey(CallContext& ctx) {
  PrivateKey key;
  key.kind = PrivateKey::Kind::kRsa;
  key.rsa = GenerateRsaKey(2048, RandomOf(ctx));
  return key;
}

// The key argument of the WithKey forms (Sprig: "parsing private key: ...").
bool KeyArgument(const Value& pem, PrivateKey* key, std::string* error) {
  std::string why;
  if (!ParsePrivateKeyPem(pem.AsString(), key, &why)) return Fail(error, "parsing private key: " + why);
  return true;
}

// The ca argument of genSignedCert: a certificate made by genCA (or buildCustomCert).
bool IssuerArgument(const Value& ca, Issuer* issuer, std::string* error) {
  const Certificate* c = ca.kind() == Value::Kind::kObject ? dynamic_cast<const Certificate*>(&ca.AsObject()) : nullptr;
  if (!c) return Fail(error, "wrong type for value; expected sprig.certificate; got " + ca.TypeName());
  std::string type, why;
  if (!PemDecode(c->cert(), &type, &issuer->cert_der)) return Fail(error, "unable to decode certificate");
  if (!ParseCertificate(issuer->cert_der, &issuer->cert, &why)) {
    return Fail(error, "error parsing certificate: decodedSignerCert.Bytes: " + why);
  }
  if (!ParsePrivateKeyPem(c->key(), &issuer->key, &why)) return Fail(error, "error parsing private key: " + why);
  return true;
}

void AddCertificateFunctions(FunctionRegistry* r) {
  const Param L = P::kAny;
  auto ca = [](bool with_key) {
    return [with_key](CallContext& ctx, Args a, Value* out, std::string* e) {
      CertificateSpec spec;
      spec.common_name = a[0].AsString();
      spec.not_after = a[1].AsInt();
      spec.is_ca = true;
      PrivateKey key;
      if (with_key ? !KeyArgument(a[2], &key, e) : (key = NewRsaKey(ctx), false)) return false;
      return MakeCertificate(ctx, spec, key, nullptr, out, e);
    };
  };
  r->Add(Fn("genCA", {P::kString, P::kInt}, ca(false)));
  r->Add(Fn("genCAWithKey", {P::kString, P::kInt, P::kString}, ca(true)));
  auto self_signed = [](bool with_key) {
    return [with_key](CallContext& ctx, Args a, Value* out, std::string* e) {
      CertificateSpec spec;
      spec.common_name = a[0].AsString();
      spec.not_after = a[3].AsInt();
      if (!CertificateNames(a[1], a[2], &spec, e)) return false;
      PrivateKey key;
      if (with_key ? !KeyArgument(a[4], &key, e) : (key = NewRsaKey(ctx), false)) return false;
      return MakeCertificate(ctx, spec, key, nullptr, out, e);
    };
  };
  r->Add(Fn("genSelfSignedCert", {P::kString, L, L, P::kInt}, self_signed(false)));
  r->Add(Fn("genSelfSignedCertWithKey", {P::kString, L, L, P::kInt, P::kString}, self_signed(true)));
  auto signed_by_ca = [](bool with_key) {
    return [with_key](CallContext& ctx, Args a, Value* out, std::string* e) {
      CertificateSpec spec;
      spec.common_name = a[0].AsString();
      spec.not_after = a[3].AsInt();
      PrivateKey key;
      if (with_key ? !KeyArgument(a[5], &key, e) : (key = NewRsaKey(ctx), false)) return false;
      Issuer issuer;
      if (!IssuerArgument(a[4], &issuer, e)) return false;
      if (!CertificateNames(a[1], a[2], &spec, e)) return false;
      return MakeCertificate(ctx, spec, key, &issuer, out, e);
    };
  };
  r->Add(Fn("genSignedCert", {P::kString, L, L, P::kInt, P::kAny}, signed_by_ca(false)));
  r->Add(Fn("genSignedCertWithKey", {P::kString, L, L, P::kInt, P::kAny, P::kString}, signed_by_ca(true)));
  r->Add(Fn("buildCustomCert", {P::kString, P::kString}, [](CallContext&, Args a, Value* out, std::string* e) {
    std::string cert, key, error, type, der_bytes, why;
    if (!Base64Decode(a[0].AsString(), &cert, &error)) return Fail(e, "unable to decode base64 certificate");
    if (!Base64Decode(a[1].AsString(), &key, &error)) return Fail(e, "unable to decode base64 private key");
    if (!PemDecode(cert, &type, &der_bytes)) return Fail(e, "unable to decode certificate");
    ParsedCertificate parsed;
    if (!ParseCertificate(der_bytes, &parsed, &why)) return Fail(e, "error parsing certificate: decodedCert.Bytes: " + why);
    PrivateKey parsed_key;
    if (!ParsePrivateKeyPem(key, &parsed_key, &why)) return Fail(e, "error parsing private key: " + why);
    *out = Value::Object(std::make_shared<Certificate>(cert, key));
    return true;
  }));
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
  r->Add(Fn("genPrivateKey", {P::kString}, [](CallContext& ctx, Args a, Value* out, std::string*) {
    *out = Value::String(GeneratePrivateKeyPem(a[0].AsString(), RandomOf(ctx)));
    return true;
  }));
  r->Add(Fn("bcrypt", {P::kString}, [](CallContext& ctx, Args a, Value* out, std::string*) {
    *out = Value::String(Bcrypt(ctx, a[0].AsString()));
    return true;
  }));
  r->Add(Fn("htpasswd", {P::kString, P::kString}, [](CallContext& ctx, Args a, Value* out, std::string*) {
    const std::string& user = a[0].AsString();
    *out = Value::String(user.find(':') != std::string::npos ? "invalid username: " + user
                                                              : user + ":" + Bcrypt(ctx, a[1].AsString()));
    return true;
  }));
  r->Add(Pure("derivePassword", {P::kInt, P::kString, P::kString, P::kString, P::kString},
              [](Args a) { return Value::String(DerivePassword(static_cast<uint32_t>(a[0].AsInt()), a[1].AsString(),
                                                              a[2].AsString(), a[3].AsString(), a[4].AsString())); }));
  AddCertificateFunctions(r);
}

}  // namespace kubeshift::tmpl
