// Keys and certificates of Sprig's crypto functions: the big-integer and RSA/P-256 arithmetic,
// then the rendered PEM read back (DER parsed, RSA signatures verified with the issuer's
// public key), then, when the openssl command is installed, openssl's own checks.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "catch.h"
#include "helm/bcrypt.h"
#include "helm/bigint.h"
#include "helm/crypto_keys.h"
#include "helm/crypto_x509.h"
#include "helm/der.h"
#include "helm/scrypt.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

// A deterministic byte stream for the arithmetic tests (splitmix64).
RandomBytes TestRandom(uint64_t seed) {
  auto state = std::make_shared<uint64_t>(seed);
  return [state](size_t n) {
    std::string out;
    while (out.size() < n) {
      uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      z ^= z >> 31;
      for (int i = 0; i < 8 && out.size() < n; ++i) out.push_back(static_cast<char>(z >> (8 * i)));
    }
    return out;
  };
}

BigInt Pow2(size_t bits) {
  BigInt v;
  v.SetBit(bits);
  return v;
}

TEST_CASE("bigint arithmetic", "[crypto]") {
  const BigInt a = BigInt::FromBytes(std::string("\x01\x23\x45\x67\x89\xab\xcd\xef\xfe\xdc\xba\x98\x76\x54\x32\x10\x11", 17));
  CHECK(BigInt::FromBytes(a.ToBytes()) == a);
  CHECK(a.ToBytes(20).size() == 20);
  CHECK((a + a) - a == a);
  CHECK((a * BigInt(3)).DivSmall(3, nullptr) == a);
  uint32_t rem = 0;
  (a * BigInt(1000) + BigInt(7)).DivSmall(1000, &rem);
  CHECK(rem == 7);
  CHECK((a * a + BigInt(5)).Mod(a) == BigInt(5));
  CHECK(Pow2(64).BitLength() == 65);
  CHECK(Compare(Pow2(64), Pow2(63)) > 0);
  CHECK(Montgomery(BigInt(497)).Exp(BigInt(4), BigInt(13)) == BigInt(445));
  const BigInt m127 = Pow2(127) - BigInt(1);  // a Mersenne prime
  CHECK(Montgomery(m127).Exp(BigInt(3), m127 - BigInt(1)) == BigInt(1));
  CHECK((ModInversePrime(BigInt(12345), m127) * BigInt(12345)).Mod(m127) == BigInt(1));
}

TEST_CASE("Miller-Rabin", "[crypto]") {
  const RandomBytes random = TestRandom(1);
  CHECK(IsProbablePrime(Pow2(127) - BigInt(1), 10, random));
  CHECK(IsProbablePrime(Pow2(521) - BigInt(1), 10, random));
  CHECK_FALSE(IsProbablePrime(Pow2(128) + BigInt(1), 10, random));  // F7 = 59649589127497217 * ...
  CHECK_FALSE(IsProbablePrime(BigInt(561), 10, random));            // a Carmichael number
  CHECK_FALSE(IsProbablePrime(Pow2(89) - BigInt(1) + Pow2(89), 10, random));
  const BigInt p = RandomPrime(256, random, [](const BigInt&) { return false; });
  CHECK(p.BitLength() == 256);
  CHECK(p.Bit(254));
  CHECK(IsProbablePrime(p, 20, random));
}

TEST_CASE("RSA keys and PKCS#1 v1.5 signatures", "[crypto]") {
  const RsaKey key = GenerateRsaKey(1024, TestRandom(2));
  CHECK(key.n.BitLength() == 1024);
  CHECK(key.p * key.q == key.n);
  CHECK((key.e * key.d).Mod(key.p - BigInt(1)) == BigInt(1));
  CHECK((key.e * key.d).Mod(key.q - BigInt(1)) == BigInt(1));
  CHECK((key.q * key.qinv).Mod(key.p) == BigInt(1));
  const std::string sig = RsaSignSha256(key, "message");
  CHECK(sig.size() == 128);
  CHECK(RsaVerifySha256(key.n, key.e, "message", sig));
  CHECK_FALSE(RsaVerifySha256(key.n, key.e, "messagf", sig));
  RsaKey back;
  REQUIRE(ParseRsaPrivateKeyDer(RsaPrivateKeyDer(key), &back));
  CHECK(back.d == key.d);
  CHECK(back.qinv == key.qinv);
}

TEST_CASE("P-256 public points are on the curve", "[crypto]") {
  const BigInt p = BigInt::FromBytes(std::string("\xff\xff\xff\xff\x00\x00\x00\x01", 8) + std::string(12, '\0') +
                                     std::string(12, '\xff'));
  const BigInt b = BigInt::FromBytes(
      std::string("\x5a\xc6\x35\xd8\xaa\x3a\x93\xe7\xb3\xeb\xbd\x55\x76\x98\x86\xbc\x65\x1d\x06\xb0\xcc\x53\xb0\xf6\x3b"
                  "\xce\x3c\x3e\x27\xd2\x60\x4b",
                  32));
  auto on_curve = [&](const std::string& point) {
    REQUIRE(point.size() == 65);
    const BigInt x = BigInt::FromBytes(point.substr(1, 32)), y = BigInt::FromBytes(point.substr(33));
    const BigInt lhs = (y * y).Mod(p);
    const BigInt x3 = (x * x * x + b).Mod(p);
    const BigInt x3b = (x3 + p * BigInt(3) - (x * BigInt(3)).Mod(p)).Mod(p);
    return lhs == x3b;
  };
  const std::string g = P256PublicPoint(BigInt(1));
  CHECK(on_curve(g));
  CHECK(on_curve(P256PublicPoint(BigInt(2))));
  CHECK(on_curve(P256PublicPoint(BigInt::FromBytes(TestRandom(3)(32)))));
  // (n-1)G = -G: same x, y negated.
  const BigInt n = BigInt::FromBytes(std::string("\xff\xff\xff\xff\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xbc"
                                                 "\xe6\xfa\xad\xa7\x17\x9e\x84\xf3\xb9\xca\xc2\xfc\x63\x25\x51",
                                                 32));
  const std::string minus_g = P256PublicPoint(n - BigInt(1));
  CHECK(minus_g.substr(1, 32) == g.substr(1, 32));
  CHECK(BigInt::FromBytes(minus_g.substr(33)) + BigInt::FromBytes(g.substr(33)) == p);
}

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

TEST_CASE("Ed25519: RFC 8032 7.1 test 1 and 2", "[crypto]") {
  const std::string seed = Unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  CHECK(Ed25519PublicKey(seed) == Unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
  CHECK(Ed25519Sign(seed, "") ==
        Unhex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
  const std::string seed2 = Unhex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
  CHECK(Ed25519PublicKey(seed2) == Unhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
  CHECK(Ed25519Sign(seed2, "\x72") ==
        Unhex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));
}

TEST_CASE("ECDSA P-256 signatures", "[crypto]") {
  const RandomBytes random = TestRandom(4);
  const BigInt d = BigInt::FromBytes(random(32));
  const std::string q = P256PublicPoint(d);
  const std::string sig = EcdsaP256SignSha256(d, "message", random);
  CHECK(EcdsaP256VerifySha256(q, "message", sig));
  CHECK_FALSE(EcdsaP256VerifySha256(q, "messagf", sig));
  CHECK_FALSE(EcdsaP256VerifySha256(P256PublicPoint(d + BigInt(1)), "message", sig));
}

std::string HexOf(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) out += {kHex[c >> 4], kHex[c & 15]};
  return out;
}

TEST_CASE("HMAC-SHA-256, PBKDF2 and scrypt: RFC 4231 and RFC 7914 vectors", "[crypto]") {
  CHECK(HexOf(HmacSha256(std::string(20, '\x0b'), "Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");  // RFC 4231 test case 1
  CHECK(HexOf(Pbkdf2Sha256("passwd", "salt", 1, 64)) ==
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  CHECK(HexOf(Scrypt("", "", 16, 1, 1, 64)) ==
        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
  CHECK(HexOf(Scrypt("password", "NaCl", 1024, 8, 16, 64)) ==
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
}

struct Rendered {
  bool ok = false;
  std::string text, error;
};

Rendered Render(const std::string& text, uint64_t seed = 1, int64_t now = 1767225600 /* 2026-01-01 */) {
  TemplateSet set(HelmFunctions());
  TemplateError error;
  Rendered r;
  if (!set.Parse("t", text, &error)) {
    r.error = error.message;
    return r;
  }
  ExecOptions options;
  options.random_seed = seed;
  options.now_unix = now;
  RenderResult result;
  r.ok = set.Execute("t", Value::Map(), options, &result, &error);
  r.text = result.text;
  r.error = error.message;
  return r;
}

struct PemParts {
  std::string cert, key;
};

// "{{ $c := ... }}{{ $c.Cert }}<SEP>{{ $c.Key }}" split back.
PemParts RenderCert(const std::string& expression, uint64_t seed = 1) {
  const Rendered r = Render("{{ $c := " + expression + " }}{{ $c.Cert }}|{{ $c.Key }}", seed);
  INFO(r.error);
  REQUIRE(r.ok);
  const size_t bar = r.text.find('|');
  REQUIRE(bar != std::string::npos);
  return {r.text.substr(0, bar), r.text.substr(bar + 1)};
}

struct Checked {
  std::string der;
  ParsedCertificate cert;
};

// Parses a PEM certificate and checks its signature with \a signer_key_pem (an RSA key).
void CheckCertificate(const std::string& pem, const std::string& signer_key_pem, Checked* out) {
  std::string type, error;
  REQUIRE(PemDecode(pem, &type, &out->der));
  CHECK(type == "CERTIFICATE");
  REQUIRE(ParseCertificate(out->der, &out->cert, &error));
  std::string key_type, key_der;
  REQUIRE(PemDecode(signer_key_pem, &key_type, &key_der));
  REQUIRE(key_type == "RSA PRIVATE KEY");
  RsaKey signer;
  REQUIRE(ParseRsaPrivateKeyDer(key_der, &signer));
  CHECK(signer.n.BitLength() == 2048);
  CHECK(out->cert.signature_algorithm == "1.2.840.113549.1.1.11");
  CHECK(VerifyRsaSignature(out->cert, signer.n, signer.e));
}

TEST_CASE("genCA makes a self-signed CA certificate", "[crypto]") {
  const PemParts ca = RenderCert(R"(genCA "my-ca" 365)");
  CHECK(ca.cert.starts_with("-----BEGIN CERTIFICATE-----\n"));
  CHECK(ca.key.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
  Checked c;
  CheckCertificate(ca.cert, ca.key, &c);
  CHECK(c.cert.common_name == "my-ca");
  CHECK(c.cert.is_ca);
  CHECK(c.cert.subject_key_id.size() == 20);
  CHECK(c.cert.issuer == c.cert.subject);
  CHECK(c.cert.public_key_algorithm == "1.2.840.113549.1.1.1");
  // Reproducible under a seed, different under another.
  CHECK(RenderCert(R"(genCA "my-ca" 365)").cert == ca.cert);
  CHECK(RenderCert(R"(genCA "my-ca" 365)", 2).cert != ca.cert);
}

TEST_CASE("genSelfSignedCert and genSignedCert", "[crypto]") {
  const PemParts self = RenderCert(R"(genSelfSignedCert "web" (list "10.0.0.1" "::1") (list "web.local" "*.web.local") 30)");
  Checked s;
  CheckCertificate(self.cert, self.key, &s);
  CHECK_FALSE(s.cert.is_ca);
  CHECK(s.cert.subject_key_id.empty());
  CHECK(s.der.find(std::string("\x87\x04\x0a\x00\x00\x01", 6)) != std::string::npos);  // iPAddress 10.0.0.1
  CHECK(s.der.find(std::string("\x87\x10", 2) + std::string(15, '\0') + "\x01") != std::string::npos);
  CHECK(s.der.find("\x82\x09web.local") != std::string::npos);                       // dNSName
  CHECK(s.der.find("\x0c\x03web") == std::string::npos);

  const Rendered both = Render(R"({{ $ca := genCA "root" 10 }}{{ $c := genSignedCert "svc" (list "10.0.0.2") (list "svc.local") 10 $ca }}{{ $ca.Cert }}|{{ $ca.Key }}|{{ $c.Cert }}|{{ $c.Key }})");
  REQUIRE(both.ok);
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t bar = both.text.find('|', start);
    parts.push_back(both.text.substr(start, bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  REQUIRE(parts.size() == 4);
  Checked ca, leaf;
  CheckCertificate(parts[0], parts[1], &ca);
  CheckCertificate(parts[2], parts[1], &leaf);  // signed by the CA's key
  CHECK(leaf.cert.issuer == ca.cert.subject);
  CHECK(leaf.cert.common_name == "svc");
  CHECK(leaf.der.find(ca.cert.subject_key_id) != std::string::npos);  // authorityKeyIdentifier
  CHECK(parts[3] != parts[1]);
}

TEST_CASE("WithKey forms, genPrivateKey and buildCustomCert", "[crypto]") {
  const Rendered key = Render(R"({{ genPrivateKey "ecdsa" }})");
  REQUIRE(key.ok);
  CHECK(key.text.starts_with("-----BEGIN EC PRIVATE KEY-----\n"));
  const Rendered ed = Render(R"({{ genPrivateKey "ed25519" }})");
  CHECK(ed.text.starts_with("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI"));  // PKCS#8, 48 bytes
  CHECK(Render(R"({{ genPrivateKey "bad" }})").text == "Unknown type bad");

  // An ECDSA key certified by an RSA CA: a real certificate with an EC public key.
  const Rendered ec = Render(R"({{ $ca := genCA "root" 10 }}{{ $c := genSignedCertWithKey "svc" nil nil 10 $ca (genPrivateKey "ecdsa") }}{{ $c.Cert }}|{{ $ca.Key }}|{{ $c.Key }})");
  REQUIRE(ec.ok);
  const size_t bar = ec.text.find('|'), bar2 = ec.text.rfind('|');
  Checked c;
  CheckCertificate(ec.text.substr(0, bar), ec.text.substr(bar + 1, bar2 - bar - 1), &c);
  CHECK(c.cert.public_key_algorithm == "1.2.840.10045.2.1");
  CHECK(ec.text.substr(bar2 + 1).starts_with("-----BEGIN EC PRIVATE KEY-----"));

  // CAs with ECDSA and Ed25519 keys sign with them (Go's ECDSAWithSHA256 and PureEd25519).
  for (const std::string type : {"ecdsa", "ed25519"}) {
    const Rendered r = Render("{{ $ca := genCAWithKey \"ca\" 10 (genPrivateKey \"" + type +
                              "\") }}{{ $c := genSignedCert \"svc\" nil (list \"svc.local\") 10 $ca }}{{ $ca.Cert }}|{{ $ca.Key }}|{{ $c.Cert }}");
    INFO(type << ": " << r.error);
    REQUIRE(r.ok);
    const size_t b1 = r.text.find('|'), b2 = r.text.rfind('|');
    std::string t, ca_der, key_der, leaf_der, error;
    REQUIRE(PemDecode(r.text.substr(0, b1), &t, &ca_der));
    REQUIRE(PemDecode(r.text.substr(b1 + 1, b2 - b1 - 1), &t, &key_der));
    REQUIRE(PemDecode(r.text.substr(b2 + 1), &t, &leaf_der));
    ParsedCertificate ca, leaf;
    REQUIRE(ParseCertificate(ca_der, &ca, &error));
    REQUIRE(ParseCertificate(leaf_der, &leaf, &error));
    CHECK(ca.is_ca);
    CHECK(leaf.issuer == ca.subject);
    if (type == "ecdsa") {
      CHECK(leaf.signature_algorithm == "1.2.840.10045.4.3.2");
      CHECK(EcdsaP256VerifySha256(ca.public_key_bits, ca.tbs, ca.signature));
      CHECK(EcdsaP256VerifySha256(ca.public_key_bits, leaf.tbs, leaf.signature));
    } else {
      CHECK(leaf.signature_algorithm == "1.3.101.112");
      const std::string seed = key_der.substr(key_der.size() - 32);  // PKCS#8: the seed ends it
      CHECK(Ed25519PublicKey(seed) == ca.public_key_bits);
      CHECK(Ed25519Sign(seed, leaf.tbs) == leaf.signature);  // Ed25519 is deterministic
    }
  }

  // genCAWithKey keeps the given RSA key.
  const Rendered with = Render(R"({{ $k := genPrivateKey "rsa" }}{{ $ca := genCAWithKey "c" 1 $k }}{{ eq $ca.Key $k }})");
  CHECK(with.text == "true");

  const Rendered custom = Render(R"({{ $ca := genCA "c" 1 }}{{ $b := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc) }}{{ eq $b.Cert $ca.Cert }})");
  CHECK(custom.text == "true");
  CHECK(Render(R"({{ buildCustomCert "bm90IHBlbQ==" "bm90IHBlbQ==" }})").error.find("unable to decode certificate") !=
        std::string::npos);
  CHECK(Render(R"({{ genSelfSignedCert "x" (list "300.1.1.1") nil 1 }})").error.find("error parsing ip: 300.1.1.1") !=
        std::string::npos);
}

TEST_CASE("derivePassword matches Sprig's own test vectors", "[crypto]") {
  // Sprig crypto_test.go TestDerivePassword.
  const std::pair<const char*, const char*> cases[] = {
      {R"({{derivePassword 1 "long" "password" "user" "example.com"}})", "ZedaFaxcZaso9*"},
      {R"({{derivePassword 2 "long" "password" "user" "example.com"}})", "Fovi2@JifpTupx"},
      {R"({{derivePassword 1 "maximum" "password" "user" "example.com"}})", "pf4zS1LjCg&LjhsZ7T2~"},
      {R"({{derivePassword 1 "medium" "password" "user" "example.com"}})", "ZedJuz8$"},
      {R"({{derivePassword 1 "basic" "password" "user" "example.com"}})", "pIS54PLs"},
      {R"({{derivePassword 1 "short" "password" "user" "example.com"}})", "Zed5"},
      {R"({{derivePassword 1 "pin" "password" "user" "example.com"}})", "6685"},
      {R"({{derivePassword 1 "nope" "password" "user" "example.com"}})", "cannot find password template nope"},
  };
  for (const auto& [tpl, want] : cases) {
    INFO(tpl);
    CHECK(Render(tpl).text == want);
  }
}

TEST_CASE("DSA keys, and Go's refusals to certify or sign with them", "[crypto]") {
  const Rendered key = Render(R"({{ genPrivateKey "dsa" }})");
  REQUIRE(key.ok);
  std::string type, der_bytes;
  REQUIRE(PemDecode(key.text, &type, &der_bytes));
  CHECK(type == "DSA PRIVATE KEY");
  der::Reader reader(der_bytes);
  der::Element seq;
  std::vector<der::Element> f;
  REQUIRE(reader.Expect(der::kSequence, &seq));
  REQUIRE(der::Children(seq, &f));
  REQUIRE(f.size() == 6);
  const BigInt p = BigInt::FromBytes(f[1].value), q = BigInt::FromBytes(f[2].value), g = BigInt::FromBytes(f[3].value);
  const BigInt y = BigInt::FromBytes(f[4].value), x = BigInt::FromBytes(f[5].value);
  CHECK(p.BitLength() == 2048);
  CHECK(q.BitLength() == 256);
  CHECK((p - BigInt(1)).Mod(q).IsZero());
  CHECK(IsProbablePrime(p, 10, TestRandom(5)));
  CHECK(IsProbablePrime(q, 10, TestRandom(5)));
  const Montgomery mont(p);
  CHECK(mont.Exp(g, q) == BigInt(1));
  CHECK(mont.Exp(g, x) == y);
  CHECK(Render(R"({{ genCAWithKey "c" 1 (genPrivateKey "dsa") }})").error.find(
            "error creating certificate: x509: certificate private key does not implement crypto.Signer") != std::string::npos);
  CHECK(Render(R"({{ genSignedCertWithKey "c" nil nil 1 (genCA "ca" 1) (genPrivateKey "dsa") }})").error.find(
            "error creating certificate: x509: unsupported public key type: *dsa.PublicKey") != std::string::npos);
}

TEST_CASE("bcrypt and htpasswd", "[crypto]") {
  // The OpenBSD vectors, and hashes made with libxcrypt's crypt(3) (Python's crypt module).
  const std::pair<std::string, std::string> cases[] = {
      {"U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"},
      {"", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s."},
      {"password", "$2a$10$abcdefghijklmnopqrstuu5Lo0g67CiD3M4RpN1BmBb4Crp5w7dbK"},
      {"h\xc3\xa9llo w\xc3\xb6rld", "$2a$04$0123456789ABCDEFGHIJKOluvxI6UN14kkYtLqvqensBwBdeUt07q"},
      {std::string(72, 'x'), "$2a$04$0123456789ABCDEFGHIJKOFqXo8QN05sJhU4Crej56REWv2hWvBaC"},
  };
  for (const auto& [password, hash] : cases) {
    INFO(hash);
    CHECK(BcryptHash(password, BcryptBase64Decode(hash.substr(7, 22)), std::stoi(hash.substr(4, 2))) == hash);
  }
  const std::string h = Render(R"({{ bcrypt "secret" }})").text;
  CHECK(h.size() == 60);
  CHECK(h.starts_with("$2a$10$"));
  CHECK(BcryptHash("secret", BcryptBase64Decode(h.substr(7, 22)), 10) == h);
  CHECK(Render(R"({{ bcrypt "secret" }})", 2).text != h);
  const std::string line = Render(R"({{ htpasswd "admin" "secret" }})").text;
  CHECK(line.starts_with("admin:$2a$10$"));
  CHECK(Render(R"({{ htpasswd "bad:user" "x" }})").text == "invalid username: bad:user");
  CHECK(Render("{{ bcrypt \"" + std::string(73, 'x') + "\" }}").text ==
        "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes");
}

// openssl's view, when the command exists: the keys check, the chain verifies.
TEST_CASE("openssl accepts the keys and certificates", "[crypto]") {
  if (std::system("openssl version >/dev/null 2>&1") != 0) {
    WARN("SKIPPED: the openssl command is not installed, so keys and certificates were not checked by openssl");
    return;
  }
  const Rendered r = Render(
      R"({{ $ca := genCA "root" 3650 }}{{ $c := genSignedCert "svc" (list "10.0.0.2") (list "svc.local") 365 $ca }}{{ $ca.Cert }}|{{ $c.Cert }}|{{ $c.Key }}|{{ genPrivateKey "ecdsa" }}|{{ genPrivateKey "ed25519" }}|{{ genPrivateKey "rsa" }}|{{ genPrivateKey "dsa" }})");
  REQUIRE(r.ok);
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t bar = r.text.find('|', start);
    parts.push_back(r.text.substr(start, bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  REQUIRE(parts.size() == 7);
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("kubeshift_crypto_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const char* names[] = {"ca.pem", "leaf.pem", "leaf.key", "ec.key", "ed.key", "rsa.key", "dsa.key"};
  for (size_t i = 0; i < parts.size(); ++i) std::ofstream(dir / names[i]) << parts[i];
  auto run = [&](const std::string& command) {
    const std::string line = "cd '" + dir.string() + "' && (" + command + ") >/dev/null 2>&1";
    INFO(line);
    return std::system(line.c_str());
  };
  CHECK(run("openssl x509 -in ca.pem -noout -text") == 0);
  CHECK(run("openssl verify -no_check_time -CAfile ca.pem ca.pem") == 0);
  CHECK(run("openssl verify -no_check_time -CAfile ca.pem leaf.pem") == 0);
  CHECK(run("openssl verify -no_check_time -CAfile leaf.pem ca.pem") != 0);  // the check can fail
  CHECK(run("openssl x509 -in leaf.pem -noout -ext subjectAltName | grep -q 'DNS:svc.local, IP Address:10.0.0.2'") == 0);
  CHECK(run("openssl rsa -in leaf.key -check -noout") == 0);
  CHECK(run("openssl rsa -in rsa.key -check -noout") == 0);
  CHECK(run("openssl rsa -in rsa.key -noout -text | grep -q 'Private-Key: (4096 bit'") == 0);
  CHECK(run("openssl ec -in ec.key -check -noout") == 0);
  CHECK(run("openssl pkey -in ed.key -noout -text | grep -q ED25519") == 0);
  CHECK(run("openssl dsa -in dsa.key -noout -text | grep -q 'Private-Key: (2048 bit)'") == 0);
  for (const std::string type : {"ecdsa", "ed25519"}) {
    const Rendered chain = Render("{{ $ca := genCAWithKey \"ca\" 10 (genPrivateKey \"" + type +
                                  "\") }}{{ $c := genSignedCert \"svc\" nil (list \"svc.local\") 10 $ca }}{{ $ca.Cert }}|{{ $c.Cert }}");
    REQUIRE(chain.ok);
    const size_t bar = chain.text.find('|');
    std::ofstream(dir / (type + "-ca.pem")) << chain.text.substr(0, bar);
    std::ofstream(dir / (type + "-leaf.pem")) << chain.text.substr(bar + 1);
    CHECK(run("openssl verify -no_check_time -CAfile " + type + "-ca.pem " + type + "-leaf.pem") == 0);
  }
  // A CA made by openssl signs through buildCustomCert and genSignedCert; a P-384 one is refused.
  REQUIRE(run("openssl req -x509 -newkey rsa:2048 -nodes -keyout ossl-ca.key -out ossl-ca.pem -subj /CN=ossl-ca -days 2") == 0);
  REQUIRE(run("openssl ecparam -name secp384r1 -genkey -noout -out p384.key && "
              "openssl req -x509 -new -key p384.key -out p384.pem -subj /CN=p384 -days 2") == 0);
  auto slurp = [&](const char* name) {
    std::ifstream in(dir / name);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto custom = [&](const char* cert, const char* key) {
    return "(buildCustomCert (" + std::string("`") + slurp(cert) + "` | b64enc) (`" + slurp(key) + "` | b64enc))";
  };
  const Rendered signed_by_ossl = Render("{{ $ca := " + custom("ossl-ca.pem", "ossl-ca.key") +
                                         " }}{{ (genSignedCert \"svc\" nil (list \"svc.local\") 1 $ca).Cert }}");
  INFO(signed_by_ossl.error);
  REQUIRE(signed_by_ossl.ok);
  std::ofstream(dir / "by-ossl.pem") << signed_by_ossl.text;
  CHECK(run("openssl verify -no_check_time -CAfile ossl-ca.pem by-ossl.pem") == 0);
  const Rendered p384 = Render("{{ $ca := " + custom("p384.pem", "p384.key") + " }}{{ $ca.Cert | len }}");
  CHECK(p384.ok);
  CHECK(Render("{{ genSignedCert \"x\" nil nil 1 " + custom("p384.pem", "p384.key") + " }}").error.find(
            "certificates with EC keys on curve 1.3.132.0.34 are not supported") != std::string::npos);
  // The key in the leaf's PEM is the one its certificate certifies.
  CHECK(run("test \"$(openssl x509 -in leaf.pem -noout -pubkey)\" = \"$(openssl rsa -in leaf.key -pubout 2>/dev/null)\"") == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("crypto timings", "[.bench]") {
  for (const char* expr : {R"(genCA "x" 1)", R"(genPrivateKey "rsa")", R"(genPrivateKey "ecdsa")",
                           R"(genPrivateKey "ed25519")", R"(derivePassword 1 "long" "p" "u" "s")", R"(bcrypt "p")",
                           R"(genPrivateKey "dsa")"}) {
    const auto start = std::chrono::steady_clock::now();
    const int runs = 5;
    for (int i = 0; i < runs; ++i) Render(std::string("{{ ") + expr + " }}", static_cast<uint64_t>(i + 1));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / runs;
    WARN(expr << ": " << ms << " ms per call (mean of " << runs << ")");
  }
}

}  // namespace
}  // namespace kubeshift::tmpl
