// X.509 v3 certificates as Go's x509.CreateCertificate writes them for Sprig's templates
// (getBaseCertTemplate): CN-only subject, key usage, server+client auth, basic constraints,
// subject/authority key ids, SANs; signed with RSASSA-PKCS1-v1_5 SHA-256. And a parser that
// reads back what is needed to check one.
#ifndef KUBESHIFT_HELM_CRYPTO_X509_H_
#define KUBESHIFT_HELM_CRYPTO_X509_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "helm/crypto_keys.h"

namespace kubeshift::tmpl {

struct CertificateSpec {
  std::string common_name;
  std::vector<std::string> ip_addresses;  ///< 4 or 16 bytes each
  std::vector<std::string> dns_names;
  int64_t not_before = 0;  ///< Unix seconds
  int64_t not_after = 0;
  bool is_ca = false;
  std::string serial;  ///< big-endian bytes of a non-negative serial number
};

/// The subject's public key: SubjectPublicKeyInfo DER and the bytes of its BIT STRING.
struct PublicKeyInfo {
  std::string spki;
  std::string key_bits;
};
PublicKeyInfo RsaPublicKeyInfo(const RsaKey& key);
PublicKeyInfo EcP256PublicKeyInfo(std::string_view point);
PublicKeyInfo Ed25519PublicKeyInfo(std::string_view public_key);

/// A certificate signer: its AlgorithmIdentifier (Go's choice for the key type: SHA-256 with
/// RSA PKCS#1 v1.5, ECDSA with SHA-256, pure Ed25519) and the signature of the TBS bytes.
struct SigningKey {
  std::string algorithm;
  std::function<std::string(std::string_view tbs)> sign;
};
SigningKey RsaSigningKey(const RsaKey& key);
SigningKey EcdsaP256SigningKey(const BigInt& d, RandomBytes random);
SigningKey Ed25519SigningKey(std::string seed);

/// A certificate signed by \a signer. \a issuer_name is the issuer's subject Name DER (empty:
/// self-signed), \a issuer_key_id its subject key id.
std::string CreateCertificate(const CertificateSpec& spec, const PublicKeyInfo& subject_key,
                              std::string_view issuer_name, std::string_view issuer_key_id, const SigningKey& signer);

struct ParsedCertificate {
  std::string_view tbs;  ///< the signed bytes
  std::string_view issuer, subject;  ///< Name DER
  std::string public_key_algorithm;  ///< OID, e.g. 1.2.840.113549.1.1.1
  std::string_view public_key_bits;
  std::string signature_algorithm;
  std::string_view signature;
  std::string subject_key_id;
  std::string common_name;
  bool is_ca = false;
};
/// Reads \a der (which must outlive the result); false with a reason on malformed input.
bool ParseCertificate(std::string_view der, ParsedCertificate* out, std::string* error);
/// True when \a cert carries an RSA SHA-256 signature that \a n, \a e verify.
bool VerifyRsaSignature(const ParsedCertificate& cert, const BigInt& n, const BigInt& e);

/// Go's net.ParseIP then To4: 4 bytes for IPv4 (and IPv4-mapped IPv6), else 16.
bool ParseIp(std::string_view text, std::string* bytes);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_CRYPTO_X509_H_
