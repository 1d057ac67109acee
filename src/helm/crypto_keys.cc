// RSA key generation follows Go's shape (e = 65537, p and q with their top two bits set);
// P-256 scalar multiplication uses Jacobian coordinates (a = -3 doubling, mixed addition).
#include "helm/crypto_keys.h"

#include "helm/der.h"
#include "helm/hashes.h"

namespace kubeshift::tmpl {
namespace {

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    out.push_back(static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
  }
  return out;
}

BigInt Hex(std::string_view hex) { return BigInt::FromBytes(Unhex(hex)); }

uint64_t PowMod(uint64_t b, uint64_t e, uint64_t m) {
  uint64_t r = 1;
  for (b %= m; e; e >>= 1, b = b * b % m) {
    if (e & 1) r = r * b % m;
  }
  return r;
}

BigInt SubMod(const BigInt& a, const BigInt& b, const BigInt& m) { return Compare(a, b) >= 0 ? a - b : a + m - b; }
BigInt AddMod(const BigInt& a, const BigInt& b, const BigInt& m) {
  BigInt r = a + b;
  return Compare(r, m) >= 0 ? r - m : r;
}

// DigestInfo prefix for SHA-256 (RFC 8017 section 9.2, note 1).
constexpr std::string_view kSha256DigestInfo = "3031300d060960864801650304020105000420";

std::string EncodePkcs1(std::string_view message, size_t k) {
  const std::string t = Unhex(kSha256DigestInfo) + Sha256Bytes(message);
  if (k < t.size() + 11) return "";
  return std::string("\x00\x01", 2) + std::string(k - t.size() - 3, '\xff') + std::string(1, '\0') + t;
}

}  // namespace

std::string Sha256Bytes(std::string_view data) { return Unhex(Sha256Hex(data)); }
std::string Sha1Bytes(std::string_view data) { return Unhex(Sha1Hex(data)); }
std::string Sha512Bytes(std::string_view data) { return Unhex(Sha512Hex(data)); }

RsaKey GenerateRsaKey(size_t bits, const RandomBytes& random) {
  constexpr uint32_t kE = 65537;
  auto bad = [](const BigInt& p) { return p.ModSmall(kE) == 1; };  // e must be prime to p-1
  RsaKey key;
  key.e = BigInt(kE);
  for (;;) {
    key.p = RandomPrime(bits - bits / 2, random, bad);
    key.q = RandomPrime(bits / 2, random, bad);
    if (key.p == key.q) continue;
    key.n = key.p * key.q;
    if (key.n.BitLength() == bits) break;
  }
  const BigInt p1 = key.p - BigInt(1), q1 = key.q - BigInt(1);
  const BigInt phi = p1 * q1;
  // d = (1 + k*phi) / e with k*phi = -1 (mod e).
  const uint64_t r = phi.ModSmall(kE);
  const uint64_t k = (kE - PowMod(r, kE - 2, kE)) % kE;
  key.d = (BigInt(1) + BigInt(k) * phi).DivSmall(kE, nullptr);
  key.dp = key.d.Mod(p1);
  key.dq = key.d.Mod(q1);
  key.qinv = ModInversePrime(key.q.Mod(key.p), key.p);
  return key;
}

std::string RsaPublicKeyDer(const RsaKey& key) { return der::Sequence({der::Integer(key.n), der::Integer(key.e)}); }

std::string RsaPrivateKeyDer(const RsaKey& k) {
  return der::Sequence({der::Integer(int64_t{0}), der::Integer(k.n), der::Integer(k.e), der::Integer(k.d),
                        der::Integer(k.p), der::Integer(k.q), der::Integer(k.dp), der::Integer(k.dq),
                        der::Integer(k.qinv)});
}

bool ParseRsaPrivateKeyDer(std::string_view data, RsaKey* key) {
  der::Reader reader(data);
  der::Element seq;
  std::vector<der::Element> f;
  if (!reader.Expect(der::kSequence, &seq) || !der::Children(seq, &f) || f.size() < 9) return false;
  for (const der::Element& e : f) {
    if (e.tag != der::kInteger) return false;
  }
  BigInt* fields[] = {&key->n, &key->e, &key->d, &key->p, &key->q, &key->dp, &key->dq, &key->qinv};
  for (int i = 0; i < 8; ++i) *fields[i] = BigInt::FromBytes(f[i + 1].value);
  return !key->n.IsZero() && key->p.IsOdd() && key->q.IsOdd();
}

bool ParseRsaPublicKeyDer(std::string_view data, BigInt* n, BigInt* e) {
  der::Reader reader(data);
  der::Element seq;
  std::vector<der::Element> f;
  if (!reader.Expect(der::kSequence, &seq) || !der::Children(seq, &f) || f.size() != 2) return false;
  if (f[0].tag != der::kInteger || f[1].tag != der::kInteger) return false;
  *n = BigInt::FromBytes(f[0].value);
  *e = BigInt::FromBytes(f[1].value);
  return true;
}

std::string RsaSignSha256(const RsaKey& key, std::string_view message) {
  const size_t k = (key.n.BitLength() + 7) / 8;
  const BigInt m = BigInt::FromBytes(EncodePkcs1(message, k));
  // CRT: s = m2 + q * (qinv * (m1 - m2) mod p).
  const BigInt m1 = Montgomery(key.p).Exp(m, key.dp);
  const BigInt m2 = Montgomery(key.q).Exp(m, key.dq);
  const BigInt h = (key.qinv * SubMod(m1, m2.Mod(key.p), key.p)).Mod(key.p);
  return (m2 + h * key.q).ToBytes(k);
}

bool RsaVerifySha256(const BigInt& n, const BigInt& e, std::string_view message, std::string_view signature) {
  const size_t k = (n.BitLength() + 7) / 8;
  if (signature.size() != k || !n.IsOdd()) return false;
  const BigInt s = BigInt::FromBytes(signature);
  if (Compare(s, n) >= 0) return false;
  return Montgomery(n).Exp(s, e).ToBytes(k) == EncodePkcs1(message, k);
}

namespace {

// P-256 (FIPS 186-4 D.1.2.3 / SEC 2 secp256r1).
struct P256 {
  BigInt p = Hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
  BigInt n = Hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
  BigInt gx = Hex("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
  BigInt gy = Hex("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5");
  Montgomery mont{p};
};

struct Jacobian {
  BigInt x, y, z;  // Montgomery form
  bool infinity = true;
};

Jacobian Double(const P256& c, const Jacobian& P) {
  if (P.infinity || P.y.IsZero()) return Jacobian{};
  const Montgomery& m = c.mont;
  const BigInt& p = c.p;
  const BigInt delta = m.Mul(P.z, P.z);
  const BigInt gamma = m.Mul(P.y, P.y);
  const BigInt beta = m.Mul(P.x, gamma);
  BigInt alpha = m.Mul(SubMod(P.x, delta, p), AddMod(P.x, delta, p));
  alpha = AddMod(AddMod(alpha, alpha, p), alpha, p);
  BigInt beta4 = AddMod(beta, beta, p);
  beta4 = AddMod(beta4, beta4, p);
  Jacobian R;
  R.infinity = false;
  R.x = SubMod(SubMod(m.Mul(alpha, alpha), beta4, p), beta4, p);
  const BigInt yz = AddMod(P.y, P.z, p);
  R.z = SubMod(SubMod(m.Mul(yz, yz), gamma, p), delta, p);
  BigInt gamma8 = m.Mul(gamma, gamma);
  for (int i = 0; i < 3; ++i) gamma8 = AddMod(gamma8, gamma8, p);
  R.y = SubMod(m.Mul(alpha, SubMod(beta4, R.x, p)), gamma8, p);
  return R;
}

// P + (x2, y2) with the second point affine (Montgomery form).
Jacobian AddAffine(const P256& c, const Jacobian& P, const BigInt& x2, const BigInt& y2) {
  const Montgomery& m = c.mont;
  const BigInt& p = c.p;
  if (P.infinity) return Jacobian{x2, y2, m.One(), false};
  const BigInt z1z1 = m.Mul(P.z, P.z);
  const BigInt u2 = m.Mul(x2, z1z1);
  const BigInt s2 = m.Mul(y2, m.Mul(P.z, z1z1));
  const BigInt h = SubMod(u2, P.x, p);
  BigInt r = SubMod(s2, P.y, p);
  if (h.IsZero()) return r.IsZero() ? Double(c, P) : Jacobian{};
  const BigInt hh = m.Mul(h, h);
  BigInt i = AddMod(hh, hh, p);
  i = AddMod(i, i, p);
  const BigInt j = m.Mul(h, i);
  r = AddMod(r, r, p);
  const BigInt v = m.Mul(P.x, i);
  Jacobian R;
  R.infinity = false;
  R.x = SubMod(SubMod(SubMod(m.Mul(r, r), j, p), v, p), v, p);
  const BigInt y1j = m.Mul(P.y, j);
  R.y = SubMod(SubMod(m.Mul(r, SubMod(v, R.x, p)), y1j, p), y1j, p);
  const BigInt zh = AddMod(P.z, h, p);
  R.z = SubMod(SubMod(m.Mul(zh, zh), z1z1, p), hh, p);
  return R;
}

}  // namespace

namespace {

const P256& Curve() {
  static const P256 c;
  return c;
}

// Scalar multiplication by double-and-add, affine result in plain form; false for infinity.
bool Multiply(const BigInt& k, const BigInt& px, const BigInt& py, BigInt* x, BigInt* y) {
  const P256& c = Curve();
  const BigInt mx = c.mont.ToMont(px), my = c.mont.ToMont(py);
  Jacobian acc;
  for (size_t i = k.BitLength(); i-- > 0;) {
    acc = Double(c, acc);
    if (k.Bit(i)) acc = AddAffine(c, acc, mx, my);
  }
  if (acc.infinity) return false;
  const BigInt zinv = c.mont.ToMont(ModInversePrime(c.mont.FromMont(acc.z), c.p));
  const BigInt zinv2 = c.mont.Mul(zinv, zinv);
  *x = c.mont.FromMont(c.mont.Mul(acc.x, zinv2));
  *y = c.mont.FromMont(c.mont.Mul(acc.y, c.mont.Mul(zinv2, zinv)));
  return true;
}

std::string Point(const BigInt& x, const BigInt& y) { return std::string(1, '\x04') + x.ToBytes(32) + y.ToBytes(32); }

}  // namespace

std::string P256PublicPoint(const BigInt& d) { return P256Multiply(d, Point(Curve().gx, Curve().gy)); }

std::string P256Multiply(const BigInt& k, std::string_view point) {
  BigInt x, y;
  if (point.size() != 65 || point[0] != '\x04' ||
      !Multiply(k, BigInt::FromBytes(point.substr(1, 32)), BigInt::FromBytes(point.substr(33)), &x, &y)) {
    return "";
  }
  return Point(x, y);
}

std::string EcdsaP256SignSha256(const BigInt& d, std::string_view message, const RandomBytes& random) {
  const P256& c = Curve();
  const BigInt e = BigInt::FromBytes(Sha256Bytes(message)).Mod(c.n);
  for (;;) {
    const BigInt k = BigInt::FromBytes(random(40)).Mod(c.n - BigInt(1)) + BigInt(1);
    BigInt x, y;
    if (!Multiply(k, c.gx, c.gy, &x, &y)) continue;
    const BigInt r = x.Mod(c.n);
    if (r.IsZero()) continue;
    const BigInt s = (ModInversePrime(k, c.n) * (e + (r * d).Mod(c.n))).Mod(c.n);
    if (s.IsZero()) continue;
    return der::Sequence({der::Integer(r), der::Integer(s)});
  }
}

bool EcdsaP256VerifySha256(std::string_view point, std::string_view message, std::string_view signature) {
  const P256& c = Curve();
  der::Reader reader(signature);
  der::Element seq;
  std::vector<der::Element> rs;
  if (!reader.Expect(der::kSequence, &seq) || !der::Children(seq, &rs) || rs.size() != 2) return false;
  const BigInt r = BigInt::FromBytes(rs[0].value), s = BigInt::FromBytes(rs[1].value);
  if (r.IsZero() || s.IsZero() || Compare(r, c.n) >= 0 || Compare(s, c.n) >= 0) return false;
  const BigInt e = BigInt::FromBytes(Sha256Bytes(message)).Mod(c.n);
  const BigInt w = ModInversePrime(s, c.n);
  const std::string p1 = P256Multiply((e * w).Mod(c.n), Point(c.gx, c.gy));
  const std::string p2 = P256Multiply((r * w).Mod(c.n), point);
  if (p1.empty() || p2.empty()) return false;
  // p1 + p2, with p1 in Jacobian form.
  Jacobian acc{c.mont.ToMont(BigInt::FromBytes(p1.substr(1, 32))), c.mont.ToMont(BigInt::FromBytes(p1.substr(33))),
               c.mont.One(), false};
  acc = AddAffine(c, acc, c.mont.ToMont(BigInt::FromBytes(p2.substr(1, 32))),
                  c.mont.ToMont(BigInt::FromBytes(p2.substr(33))));
  if (acc.infinity) return false;
  const BigInt zinv = ModInversePrime(c.mont.FromMont(acc.z), c.p);
  const BigInt x = (c.mont.FromMont(acc.x) * zinv * zinv).Mod(c.p);
  return x.Mod(c.n) == r;
}

std::string GenerateP256KeyDer(const RandomBytes& random) {
  const P256& c = Curve();
  // Go's randFieldElement: 40 random bytes, k mod (n-1) + 1.
  const BigInt d = BigInt::FromBytes(random(40)).Mod(c.n - BigInt(1)) + BigInt(1);
  return der::Sequence({der::Integer(int64_t{1}), der::Tlv(der::kOctetString, d.ToBytes(32)),
                        der::Explicit(0, der::Oid("1.2.840.10045.3.1.7")),
                        der::Explicit(1, der::BitString(P256PublicPoint(d)))});
}

std::string GenerateEd25519KeyDer(const RandomBytes& random) { return Ed25519PrivateKeyDer(random(32)); }

std::string Ed25519PrivateKeyDer(std::string_view seed) {
  return der::Sequence({der::Integer(int64_t{0}), der::Sequence({der::Oid("1.3.101.112")}),
                        der::Tlv(der::kOctetString, der::Tlv(der::kOctetString, seed))});
}

std::string GenerateDsaKeyDer(const RandomBytes& random) {
  constexpr size_t kL = 2048, kN = 256;
  static const uint32_t kSmall[] = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97};
  BigInt p, q;
  for (bool found = false; !found;) {
    std::string q_bytes = random(kN / 8);
    q_bytes.front() = static_cast<char>(q_bytes.front() | 0x80);
    q_bytes.back() = static_cast<char>(q_bytes.back() | 1);
    q = BigInt::FromBytes(q_bytes);
    if (!IsProbablePrime(q, 20, random)) continue;
    for (size_t i = 0; i < 4 * kL && !found; ++i) {
      std::string p_bytes = random(kL / 8);
      p_bytes.front() = static_cast<char>(p_bytes.front() | 0x80);
      p_bytes.back() = static_cast<char>(p_bytes.back() | 1);
      p = BigInt::FromBytes(p_bytes);
      const BigInt rem = p.Mod(q);
      p = rem.IsZero() ? p + BigInt(1) : p - (rem - BigInt(1));  // p = 1 (mod q)
      if (p.BitLength() < kL || !p.IsOdd()) continue;
      bool divisible = false;  // a cheap sieve before Miller-Rabin
      for (uint32_t prime : kSmall) divisible = divisible || p.ModSmall(prime) == 0;
      found = !divisible && IsProbablePrime(p, 4, random);
    }
  }
  const BigInt e = [&] {  // (p-1)/q by binary long division: q divides p-1 exactly
    const BigInt pm1 = p - BigInt(1);
    BigInt quotient, r;
    for (size_t i = pm1.BitLength(); i-- > 0;) {
      r = r + r + BigInt(pm1.Bit(i) ? 1 : 0);
      if (Compare(r, q) >= 0) {
        r = r - q;
        quotient.SetBit(i);
      }
    }
    return quotient;
  }();
  const Montgomery mont(p);
  BigInt g;
  for (uint64_t h = 2;; ++h) {
    g = mont.Exp(BigInt(h), e);
    if (!(g == BigInt(1))) break;
  }
  // Go's dsa.GenerateKey: x from N/8 + 8 random bytes, mod (q-1), plus 1.
  const BigInt x = BigInt::FromBytes(random(kN / 8 + 8)).Mod(q - BigInt(1)) + BigInt(1);
  const BigInt y = mont.Exp(g, x);
  return der::Sequence({der::Integer(int64_t{0}), der::Integer(p), der::Integer(q), der::Integer(g), der::Integer(y),
                        der::Integer(x)});
}

std::string PemEncode(std::string_view type, std::string_view der) {
  const std::string body = Base64Encode(der);
  std::string out = "-----BEGIN " + std::string(type) + "-----\n";
  for (size_t i = 0; i < body.size(); i += 64) out += body.substr(i, 64) + "\n";
  return out + "-----END " + std::string(type) + "-----\n";
}

bool PemDecode(std::string_view text, std::string* type, std::string* der) {
  const size_t begin = text.find("-----BEGIN ");
  if (begin == std::string_view::npos) return false;
  const size_t type_end = text.find("-----", begin + 11);
  if (type_end == std::string_view::npos) return false;
  *type = std::string(text.substr(begin + 11, type_end - begin - 11));
  const std::string end_line = "-----END " + *type + "-----";
  const size_t end = text.find(end_line, type_end);
  if (end == std::string_view::npos) return false;
  std::string body;
  for (char c : text.substr(type_end + 5, end - type_end - 5)) {
    if (c != '\n' && c != '\r' && c != ' ' && c != '\t') body.push_back(c);
  }
  std::string error;
  return Base64Decode(body, der, &error);
}

}  // namespace kubeshift::tmpl
