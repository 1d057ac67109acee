// Keys as Sprig makes them (crypto.go): RSA (PKCS#1), ECDSA P-256 (SEC 1), Ed25519 (PKCS#8),
// PEM armour, SHA digests as bytes, RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017).
#ifndef KUBESHIFT_HELM_CRYPTO_KEYS_H_
#define KUBESHIFT_HELM_CRYPTO_KEYS_H_

#include <string>
#include <string_view>

#include "helm/bigint.h"

namespace kubeshift::tmpl {

struct RsaKey {
  BigInt n, e, d, p, q, dp, dq, qinv;
};

/// e = 65537, two primes of bits/2 bits, n of exactly \a bits bits.
RsaKey GenerateRsaKey(size_t bits, const RandomBytes& random);
/// PKCS#1 RSAPublicKey and RSAPrivateKey.
std::string RsaPublicKeyDer(const RsaKey& key);
std::string RsaPrivateKeyDer(const RsaKey& key);
bool ParseRsaPrivateKeyDer(std::string_view der, RsaKey* key);
bool ParseRsaPublicKeyDer(std::string_view der, BigInt* n, BigInt* e);
/// RSASSA-PKCS1-v1_5 signature of SHA-256(\a message).
std::string RsaSignSha256(const RsaKey& key, std::string_view message);
bool RsaVerifySha256(const BigInt& n, const BigInt& e, std::string_view message, std::string_view signature);

/// A P-256 key as SEC 1 ECPrivateKey DER (Go's x509.MarshalECPrivateKey).
std::string GenerateP256KeyDer(const RandomBytes& random);
/// The public point of P-256 private scalar \a d: 0x04 || X || Y.
std::string P256PublicPoint(const BigInt& d);
/// \a k times the uncompressed P-256 point \a point (0x04 || X || Y); "" for infinity.
std::string P256Multiply(const BigInt& k, std::string_view point);
/// ECDSA P-256 with SHA-256: the DER SEQUENCE { r, s } (SEC 1 4.1.3), k from \a random.
std::string EcdsaP256SignSha256(const BigInt& d, std::string_view message, const RandomBytes& random);
bool EcdsaP256VerifySha256(std::string_view point, std::string_view message, std::string_view signature);

/// Ed25519 (RFC 8032): the 32-byte public key of a 32-byte seed, and a signature.
std::string Ed25519PublicKey(std::string_view seed);
std::string Ed25519Sign(std::string_view seed, std::string_view message);
/// An Ed25519 key (a random 32-byte seed) as PKCS#8 DER (Go's MarshalPKCS8PrivateKey).
std::string GenerateEd25519KeyDer(const RandomBytes& random);
std::string Ed25519PrivateKeyDer(std::string_view seed);

/// A DSA key with L = 2048, N = 256 parameters, made as Go's dsa.GenerateParameters and
/// GenerateKey do (q prime, p = kq + 1 prime, g = h^((p-1)/q) for the first h from 2 with
/// g != 1), as the DER SEQUENCE { 0, p, q, g, y, x } Sprig writes in a "DSA PRIVATE KEY".
std::string GenerateDsaKeyDer(const RandomBytes& random);

/// Go's pem.Encode.
std::string PemEncode(std::string_view type, std::string_view der);
/// The first PEM block of \a text; false when there is none.
bool PemDecode(std::string_view text, std::string* type, std::string* der);

std::string Sha256Bytes(std::string_view data);
std::string Sha1Bytes(std::string_view data);
std::string Sha512Bytes(std::string_view data);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_CRYPTO_KEYS_H_
