// Unsigned big integers for key generation: the arithmetic RSA and P-256 need (Montgomery
// modular exponentiation, Miller-Rabin, prime search), nothing more. Not constant-time.
#ifndef KUBESHIFT_HELM_BIGINT_H_
#define KUBESHIFT_HELM_BIGINT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kubeshift::tmpl {

/// A non-negative integer; limbs are little-endian 64-bit words without leading zeros.
class BigInt {
 public:
  BigInt() = default;
  explicit BigInt(uint64_t v);
  /// From big-endian bytes.
  static BigInt FromBytes(std::string_view bytes);
  /// From little-endian limbs (leading zeros allowed).
  static BigInt FromLimbs(std::vector<uint64_t> limbs);
  /// Big-endian bytes, left-padded with zeros to at least \a min_size ("" for zero).
  std::string ToBytes(size_t min_size = 0) const;

  bool IsZero() const { return limbs_.empty(); }
  bool IsOdd() const { return !limbs_.empty() && (limbs_[0] & 1); }
  size_t BitLength() const;
  bool Bit(size_t i) const;
  void SetBit(size_t i);
  uint32_t ModSmall(uint32_t m) const;
  /// Quotient by a small divisor; \a remainder may be null.
  BigInt DivSmall(uint32_t d, uint32_t* remainder) const;
  /// this mod \a m, \a m non-zero (binary long division).
  BigInt Mod(const BigInt& m) const;
  const std::vector<uint64_t>& limbs() const { return limbs_; }

  friend int Compare(const BigInt& a, const BigInt& b);
  friend bool operator==(const BigInt& a, const BigInt& b) { return a.limbs_ == b.limbs_; }
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  /// a - b for a >= b.
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);

 private:
  void Trim();
  std::vector<uint64_t> limbs_;
};

/// Arithmetic modulo an odd \a n in Montgomery form.
class Montgomery {
 public:
  explicit Montgomery(const BigInt& n);
  const BigInt& modulus() const { return n_; }
  BigInt ToMont(const BigInt& a) const;     ///< a < n
  BigInt FromMont(const BigInt& a) const;
  BigInt Mul(const BigInt& a, const BigInt& b) const;  ///< both in Montgomery form
  BigInt One() const { return one_; }       ///< 1 in Montgomery form
  /// base^exp mod n, plain in and out.
  BigInt Exp(const BigInt& base, const BigInt& exp) const;

 private:
  void MulLimbs(const uint64_t* a, const uint64_t* b, uint64_t* out) const;
  /// a*a, with the cross products computed once: about a quarter fewer word products.
  void SqrLimbs(const uint64_t* a, uint64_t* out) const;
  /// Reduces \a t (2k words, \a top its carry bit) to t / R mod n in \a out.
  void Reduce(uint64_t* t, uint64_t top, uint64_t* out) const;
  BigInt n_, r2_, one_;
  size_t k_ = 0;
  uint64_t n0inv_ = 0;
};

/// a^-1 mod p for a prime \a p (Fermat).
BigInt ModInversePrime(const BigInt& a, const BigInt& p);
/// Uniform random bytes.
using RandomBytes = std::function<std::string(size_t)>;
/// Miller-Rabin with base 2 and \a rounds random bases.
bool IsProbablePrime(const BigInt& n, int rounds, const RandomBytes& random);
/// A random prime of exactly \a bits bits with its top two bits set (so two of them multiply
/// to 2*bits bits), \a reject(p) false.
BigInt RandomPrime(size_t bits, const RandomBytes& random, const std::function<bool(const BigInt&)>& reject);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_BIGINT_H_
