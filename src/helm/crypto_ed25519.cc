// Ed25519 from RFC 8032 section 5.1: the curve -x^2 + y^2 = 1 + d x^2 y^2 over 2^255 - 19 in
// extended coordinates, one complete addition formula (used for doubling too), and the
// key derivation and signing of sections 5.1.5 and 5.1.6. Not constant-time: it certifies
// keys for rendered manifests, it does not guard secrets.
#include <algorithm>

#include "helm/crypto_keys.h"

namespace kubeshift::tmpl {
namespace {

std::string Reverse(std::string s) {
  std::reverse(s.begin(), s.end());
  return s;
}

BigInt FromLittleEndian(std::string_view bytes) { return BigInt::FromBytes(Reverse(std::string(bytes))); }

struct Field {
  BigInt p;
  Montgomery mont;
  BigInt d, sqrt_m1;  // plain form
  BigInt bx, by;
  BigInt l;  // the group order

  Field() : p(Prime()), mont(p) {
    d = Mul(Sub(BigInt(), BigInt(121665)), Inverse(BigInt(121666)));
    sqrt_m1 = mont.Exp(BigInt(2), (p - BigInt(1)).DivSmall(4, nullptr));
    by = Mul(BigInt(4), Inverse(BigInt(5)));
    bx = RecoverX(by, false);
    l.SetBit(252);
    l = l + BigInt::FromBytes(std::string("\x14\xde\xf9\xde\xa2\xf7\x9c\xd6\x58\x12\x63\x1a\x5c\xf5\xd3\xed", 16));
  }
  static BigInt Prime() {
    BigInt v;
    v.SetBit(255);
    return v - BigInt(19);
  }
  BigInt Add(const BigInt& a, const BigInt& b) const { return (a + b).Mod(p); }
  BigInt Sub(const BigInt& a, const BigInt& b) const { return (a + p - b.Mod(p)).Mod(p); }
  BigInt Mul(const BigInt& a, const BigInt& b) const { return (a * b).Mod(p); }
  BigInt Inverse(const BigInt& a) const { return ModInversePrime(a, p); }
  // x from y and the sign bit (RFC 8032 5.1.3 step 2-4).
  BigInt RecoverX(const BigInt& y, bool odd) const {
    const BigInt y2 = Mul(y, y);
    const BigInt x2 = Mul(Sub(y2, BigInt(1)), Inverse(Add(Mul(d, y2), BigInt(1))));
    BigInt x = mont.Exp(x2, (p + BigInt(3)).DivSmall(8, nullptr));
    if (!(Mul(x, x) == x2)) x = Mul(x, sqrt_m1);
    if (x.IsOdd() != odd) x = Sub(BigInt(), x);
    return x;
  }
};

const Field& F() {
  static const Field f;
  return f;
}

struct Point {
  BigInt x, y, z, t;
};

Point Add(const Point& a, const Point& b) {
  const Field& f = F();
  const BigInt A = f.Mul(f.Sub(a.y, a.x), f.Sub(b.y, b.x));
  const BigInt B = f.Mul(f.Add(a.y, a.x), f.Add(b.y, b.x));
  const BigInt C = f.Mul(f.Mul(a.t, f.Add(f.d, f.d)), b.t);
  const BigInt D = f.Mul(f.Add(a.z, a.z), b.z);
  const BigInt E = f.Sub(B, A), Fv = f.Sub(D, C), G = f.Add(D, C), H = f.Add(B, A);
  return Point{f.Mul(E, Fv), f.Mul(G, H), f.Mul(Fv, G), f.Mul(E, H)};
}

Point BaseMultiply(const BigInt& k) {
  const Field& f = F();
  Point acc{BigInt(), BigInt(1), BigInt(1), BigInt()};
  const Point base{f.bx, f.by, BigInt(1), f.Mul(f.bx, f.by)};
  for (size_t i = k.BitLength(); i-- > 0;) {
    acc = Add(acc, acc);
    if (k.Bit(i)) acc = Add(acc, base);
  }
  return acc;
}

std::string Encode(const Point& pt) {
  const Field& f = F();
  const BigInt zinv = f.Inverse(pt.z);
  const BigInt x = f.Mul(pt.x, zinv), y = f.Mul(pt.y, zinv);
  std::string out = Reverse(y.ToBytes(32));
  if (x.IsOdd()) out[31] = static_cast<char>(out[31] | 0x80);
  return out;
}

// The secret scalar and the prefix of RFC 8032 5.1.5.
BigInt Scalar(std::string_view seed, std::string* prefix) {
  std::string h = Sha512Bytes(seed);
  h[0] = static_cast<char>(h[0] & 248);
  h[31] = static_cast<char>((h[31] & 127) | 64);
  if (prefix) *prefix = h.substr(32);
  return FromLittleEndian(h.substr(0, 32));
}

}  // namespace

std::string Ed25519PublicKey(std::string_view seed) { return Encode(BaseMultiply(Scalar(seed, nullptr))); }

std::string Ed25519Sign(std::string_view seed, std::string_view message) {
  const Field& f = F();
  std::string prefix;
  const BigInt s = Scalar(seed, &prefix);
  const std::string public_key = Encode(BaseMultiply(s));
  const BigInt r = FromLittleEndian(Sha512Bytes(prefix + std::string(message))).Mod(f.l);
  const std::string big_r = Encode(BaseMultiply(r));
  const BigInt k = FromLittleEndian(Sha512Bytes(big_r + public_key + std::string(message))).Mod(f.l);
  const BigInt big_s = (r + k * s).Mod(f.l);
  return big_r + Reverse(big_s.ToBytes(32));
}

}  // namespace kubeshift::tmpl
