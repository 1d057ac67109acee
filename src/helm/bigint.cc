// Schoolbook arithmetic on 64-bit limbs with 128-bit intermediates; Montgomery products
// (CIOS) and a 4-bit fixed window for exponentiation.
#include "helm/bigint.h"

#include <algorithm>

namespace kubeshift::tmpl {
namespace {

using u128 = unsigned __int128;

constexpr size_t kMaxStackLimbs = 64;  // moduli up to 4096 bits multiply without allocating

std::vector<uint32_t> SmallPrimes(uint32_t limit) {
  std::vector<bool> composite(limit, false);
  std::vector<uint32_t> primes;
  for (uint32_t i = 3; i < limit; i += 2) {
    if (composite[i]) continue;
    primes.push_back(i);
    for (uint64_t j = uint64_t{i} * i; j < limit; j += 2 * i) composite[j] = true;
  }
  return primes;
}

}  // namespace

BigInt::BigInt(uint64_t v) {
  if (v) limbs_.push_back(v);
}

void BigInt::Trim() {
  while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
}

BigInt BigInt::FromBytes(std::string_view bytes) {
  BigInt r;
  r.limbs_.assign((bytes.size() + 7) / 8, 0);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const size_t bit = 8 * (bytes.size() - 1 - i);
    r.limbs_[bit / 64] |= uint64_t{static_cast<uint8_t>(bytes[i])} << (bit % 64);
  }
  r.Trim();
  return r;
}

BigInt BigInt::FromLimbs(std::vector<uint64_t> limbs) {
  BigInt r;
  r.limbs_ = std::move(limbs);
  r.Trim();
  return r;
}

std::string BigInt::ToBytes(size_t min_size) const {
  const size_t n = std::max(min_size, (BitLength() + 7) / 8);
  std::string out(n, '\0');
  for (size_t i = 0; i < n; ++i) {
    const size_t bit = 8 * i;
    if (bit / 64 < limbs_.size()) out[n - 1 - i] = static_cast<char>(limbs_[bit / 64] >> (bit % 64));
  }
  return out;
}

size_t BigInt::BitLength() const {
  if (limbs_.empty()) return 0;
  return 64 * (limbs_.size() - 1) + (64 - static_cast<size_t>(__builtin_clzll(limbs_.back())));
}

bool BigInt::Bit(size_t i) const { return i / 64 < limbs_.size() && ((limbs_[i / 64] >> (i % 64)) & 1); }

void BigInt::SetBit(size_t i) {
  if (limbs_.size() <= i / 64) limbs_.resize(i / 64 + 1, 0);
  limbs_[i / 64] |= uint64_t{1} << (i % 64);
}

uint32_t BigInt::ModSmall(uint32_t m) const {
  u128 r = 0;
  for (size_t i = limbs_.size(); i-- > 0;) r = ((r << 64) | limbs_[i]) % m;
  return static_cast<uint32_t>(r);
}

BigInt BigInt::DivSmall(uint32_t d, uint32_t* remainder) const {
  BigInt q;
  q.limbs_.resize(limbs_.size());
  u128 r = 0;
  for (size_t i = limbs_.size(); i-- > 0;) {
    const u128 cur = (r << 64) | limbs_[i];
    q.limbs_[i] = static_cast<uint64_t>(cur / d);
    r = cur % d;
  }
  q.Trim();
  if (remainder) *remainder = static_cast<uint32_t>(r);
  return q;
}

int Compare(const BigInt& a, const BigInt& b) {
  if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size() ? -1 : 1;
  for (size_t i = a.limbs_.size(); i-- > 0;) {
    if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
  }
  return 0;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
  BigInt r;
  const size_t n = std::max(a.limbs_.size(), b.limbs_.size());
  r.limbs_.resize(n + 1, 0);
  u128 carry = 0;
  for (size_t i = 0; i < n; ++i) {
    carry += u128{i < a.limbs_.size() ? a.limbs_[i] : 0} + (i < b.limbs_.size() ? b.limbs_[i] : 0);
    r.limbs_[i] = static_cast<uint64_t>(carry);
    carry >>= 64;
  }
  r.limbs_[n] = static_cast<uint64_t>(carry);
  r.Trim();
  return r;
}

BigInt operator-(const BigInt& a, const BigInt& b) {
  BigInt r = a;
  uint64_t borrow = 0;
  for (size_t i = 0; i < r.limbs_.size(); ++i) {
    const uint64_t sub = i < b.limbs_.size() ? b.limbs_[i] : 0;
    const uint64_t x = r.limbs_[i];
    const uint64_t y = x - sub - borrow;
    borrow = (x < sub || (x == sub && borrow)) ? 1 : 0;
    r.limbs_[i] = y;
  }
  r.Trim();
  return r;
}

BigInt operator*(const BigInt& a, const BigInt& b) {
  BigInt r;
  if (a.IsZero() || b.IsZero()) return r;
  r.limbs_.assign(a.limbs_.size() + b.limbs_.size(), 0);
  for (size_t i = 0; i < a.limbs_.size(); ++i) {
    u128 carry = 0;
    for (size_t j = 0; j < b.limbs_.size(); ++j) {
      carry += u128{a.limbs_[i]} * b.limbs_[j] + r.limbs_[i + j];
      r.limbs_[i + j] = static_cast<uint64_t>(carry);
      carry >>= 64;
    }
    r.limbs_[i + b.limbs_.size()] = static_cast<uint64_t>(carry);
  }
  r.Trim();
  return r;
}

BigInt BigInt::Mod(const BigInt& m) const {
  if (Compare(*this, m) < 0) return *this;
  BigInt r;
  for (size_t i = BitLength(); i-- > 0;) {
    // r = 2r + bit
    uint64_t carry = Bit(i) ? 1 : 0;
    for (uint64_t& limb : r.limbs_) {
      const uint64_t next = limb >> 63;
      limb = (limb << 1) | carry;
      carry = next;
    }
    if (carry) r.limbs_.push_back(carry);
    if (Compare(r, m) >= 0) r = r - m;
  }
  return r;
}

Montgomery::Montgomery(const BigInt& n) : n_(n), k_(n.limbs().size()) {
  // n0inv = -n^-1 mod 2^64 by Newton's iteration.
  uint64_t inv = 1;
  for (int i = 0; i < 7; ++i) inv *= 2 - n.limbs()[0] * inv;
  n0inv_ = ~inv + 1;
  BigInt r2;
  r2.SetBit(128 * k_);
  r2_ = r2.Mod(n);
  BigInt r;
  r.SetBit(64 * k_);
  one_ = r.Mod(n);
}

void Montgomery::MulLimbs(const uint64_t* a, const uint64_t* b, uint64_t* out) const {
  const uint64_t* n = n_.limbs().data();
  uint64_t small[kMaxStackLimbs + 2] = {};
  std::vector<uint64_t> large;
  uint64_t* t = small;
  if (k_ > kMaxStackLimbs) {
    large.assign(k_ + 2, 0);
    t = large.data();
  }
  for (size_t i = 0; i < k_; ++i) {
    u128 c = 0;
    for (size_t j = 0; j < k_; ++j) {
      c += u128{a[j]} * b[i] + t[j];
      t[j] = static_cast<uint64_t>(c);
      c >>= 64;
    }
    c += t[k_];
    t[k_] = static_cast<uint64_t>(c);
    t[k_ + 1] = static_cast<uint64_t>(c >> 64);
    const uint64_t m = t[0] * n0inv_;
    c = u128{m} * n[0] + t[0];
    c >>= 64;
    for (size_t j = 1; j < k_; ++j) {
      c += u128{m} * n[j] + t[j];
      t[j - 1] = static_cast<uint64_t>(c);
      c >>= 64;
    }
    c += t[k_];
    t[k_ - 1] = static_cast<uint64_t>(c);
    t[k_] = t[k_ + 1] + static_cast<uint64_t>(c >> 64);
  }
  // t < 2n: subtract n once when t >= n.
  bool ge = t[k_] != 0;
  if (!ge) {
    ge = true;
    for (size_t i = k_; i-- > 0;) {
      if (t[i] != n[i]) {
        ge = t[i] > n[i];
        break;
      }
    }
  }
  if (ge) {
    uint64_t borrow = 0;
    for (size_t i = 0; i < k_; ++i) {
      const uint64_t x = t[i];
      t[i] = x - n[i] - borrow;
      borrow = (x < n[i] || (x == n[i] && borrow)) ? 1 : 0;
    }
  }
  for (size_t i = 0; i < k_; ++i) out[i] = t[i];
}

void Montgomery::SqrLimbs(const uint64_t* a, uint64_t* out) const {
  uint64_t small[2 * kMaxStackLimbs] = {};
  std::vector<uint64_t> large;
  uint64_t* t = small;
  if (k_ > kMaxStackLimbs) {
    large.assign(2 * k_, 0);
    t = large.data();
  }
  for (size_t i = 0; i < k_; ++i) {  // cross products a[i]*a[j], i < j
    u128 c = 0;
    for (size_t j = i + 1; j < k_; ++j) {
      c += u128{a[i]} * a[j] + t[i + j];
      t[i + j] = static_cast<uint64_t>(c);
      c >>= 64;
    }
    t[i + k_] = static_cast<uint64_t>(c);
  }
  uint64_t top = 0;  // double them
  for (size_t i = 0; i < 2 * k_; ++i) {
    const uint64_t next = t[i] >> 63;
    t[i] = (t[i] << 1) | top;
    top = next;
  }
  u128 c = 0;  // add the squares a[i]^2
  for (size_t i = 0; i < k_; ++i) {
    c += u128{a[i]} * a[i] + t[2 * i];
    t[2 * i] = static_cast<uint64_t>(c);
    c >>= 64;
    c += t[2 * i + 1];
    t[2 * i + 1] = static_cast<uint64_t>(c);
    c >>= 64;
  }
  Reduce(t, top + static_cast<uint64_t>(c), out);
}

void Montgomery::Reduce(uint64_t* t, uint64_t top, uint64_t* out) const {
  const uint64_t* n = n_.limbs().data();
  uint64_t carry_top = 0;
  for (size_t i = 0; i < k_; ++i) {
    const uint64_t m = t[i] * n0inv_;
    u128 c = 0;
    for (size_t j = 0; j < k_; ++j) {
      c += u128{m} * n[j] + t[i + j];
      t[i + j] = static_cast<uint64_t>(c);
      c >>= 64;
    }
    c += u128{t[i + k_]} + carry_top;
    t[i + k_] = static_cast<uint64_t>(c);
    carry_top = static_cast<uint64_t>(c >> 64);
  }
  carry_top += top;
  uint64_t* r = t + k_;
  bool ge = carry_top != 0;
  if (!ge) {
    ge = true;
    for (size_t i = k_; i-- > 0;) {
      if (r[i] != n[i]) {
        ge = r[i] > n[i];
        break;
      }
    }
  }
  uint64_t borrow = 0;
  for (size_t i = 0; i < k_; ++i) {
    const uint64_t x = r[i];
    const uint64_t sub = ge ? n[i] : 0;
    out[i] = x - sub - borrow;
    borrow = (x < sub || (x == sub && borrow)) ? 1 : 0;
  }
}

BigInt Montgomery::Mul(const BigInt& a, const BigInt& b) const {
  std::vector<uint64_t> x(k_, 0), y(k_, 0), z(k_, 0);
  std::copy(a.limbs().begin(), a.limbs().end(), x.begin());
  std::copy(b.limbs().begin(), b.limbs().end(), y.begin());
  MulLimbs(x.data(), y.data(), z.data());
  return BigInt::FromLimbs(std::move(z));
}

BigInt Montgomery::ToMont(const BigInt& a) const { return Mul(a, r2_); }
BigInt Montgomery::FromMont(const BigInt& a) const { return Mul(a, BigInt(1)); }

BigInt Montgomery::Exp(const BigInt& base, const BigInt& exp) const {
  // Works on raw limb arrays: the hot loop of key generation.
  auto limbs_of = [&](const BigInt& v) {
    std::vector<uint64_t> out(k_, 0);
    std::copy(v.limbs().begin(), v.limbs().end(), out.begin());
    return out;
  };
  std::vector<std::vector<uint64_t>> table(16);
  table[0] = limbs_of(one_);
  table[1] = limbs_of(ToMont(base.Mod(n_)));
  for (int i = 2; i < 16; ++i) {
    table[i].assign(k_, 0);
    MulLimbs(table[i - 1].data(), table[1].data(), table[i].data());
  }
  std::vector<uint64_t> acc = table[0], tmp(k_);
  const size_t bits = exp.BitLength();
  const size_t windows = (bits + 3) / 4;
  for (size_t w = windows; w-- > 0;) {
    for (int s = 0; s < 4; ++s) {
      SqrLimbs(acc.data(), tmp.data());
      acc.swap(tmp);
    }
    unsigned digit = 0;
    for (int b = 3; b >= 0; --b) digit = (digit << 1) | (exp.Bit(4 * w + static_cast<size_t>(b)) ? 1 : 0);
    if (digit) {
      MulLimbs(acc.data(), table[digit].data(), tmp.data());
      acc.swap(tmp);
    }
  }
  return FromMont(BigInt::FromLimbs(std::move(acc)));
}

BigInt ModInversePrime(const BigInt& a, const BigInt& p) { return Montgomery(p).Exp(a, p - BigInt(2)); }

bool IsProbablePrime(const BigInt& n, int rounds, const RandomBytes& random) {
  if (Compare(n, BigInt(4)) < 0) return Compare(n, BigInt(2)) >= 0;
  if (!n.IsOdd()) return false;
  const BigInt n1 = n - BigInt(1);
  size_t s = 0;
  while (!n1.Bit(s)) ++s;
  BigInt d;
  for (size_t i = s; i < n1.BitLength(); ++i) {
    if (n1.Bit(i)) d.SetBit(i - s);
  }
  const Montgomery mont(n);
  const size_t bytes = (n.BitLength() + 7) / 8;
  for (int round = 0; round <= rounds; ++round) {
    BigInt a = round == 0 ? BigInt(2) : BigInt::FromBytes(random(bytes)).Mod(n - BigInt(3)) + BigInt(2);
    BigInt x = mont.Exp(a, d);
    if (x == BigInt(1) || x == n1) continue;
    bool witness = true;
    BigInt xm = mont.ToMont(x);
    for (size_t r = 1; r < s && witness; ++r) {
      xm = mont.Mul(xm, xm);
      const BigInt plain = mont.FromMont(xm);
      if (plain == n1) witness = false;
      else if (plain == BigInt(1)) break;
    }
    if (witness) return false;
  }
  return true;
}

BigInt RandomPrime(size_t bits, const RandomBytes& random, const std::function<bool(const BigInt&)>& reject) {
  static const std::vector<uint32_t> kPrimes = SmallPrimes(1 << 14);
  const int rounds = bits >= 1024 ? 4 : bits >= 512 ? 8 : 20;
  for (;;) {
    BigInt x = BigInt::FromBytes(random((bits + 7) / 8));
    if (x.BitLength() > bits) x = x.Mod([&] { BigInt m; m.SetBit(bits); return m; }());
    x.SetBit(bits - 1);
    x.SetBit(bits - 2);
    if (!x.IsOdd()) x = x + BigInt(1);
    std::vector<uint32_t> residues(kPrimes.size());
    for (size_t i = 0; i < kPrimes.size(); ++i) residues[i] = x.ModSmall(kPrimes[i]);
    for (uint32_t delta = 0; delta < (1u << 20); delta += 2) {
      bool divisible = false;
      for (size_t i = 0; i < kPrimes.size() && !divisible; ++i) {
        divisible = (residues[i] + delta) % kPrimes[i] == 0;
      }
      if (divisible) continue;
      BigInt candidate = x + BigInt(delta);
      if (candidate.BitLength() != bits) break;
      if (IsProbablePrime(candidate, rounds, random) && !reject(candidate)) return candidate;
    }
  }
}

}  // namespace kubeshift::tmpl
