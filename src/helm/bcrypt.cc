// Blowfish's initial P-array and S-boxes are the hexadecimal digits of pi's fraction (Schneier,
// 1993). They are computed once here with Machin's formula, pi = 16 atan(1/5) - 4 atan(1/239),
// in fixed point on BigInt, instead of being written out as 1042 constants.
#include "helm/bcrypt.h"

#include <array>
#include <cstdint>

#include "helm/bigint.h"

namespace kubeshift::tmpl {
namespace {

constexpr int kWords = 18 + 4 * 256;
constexpr size_t kFractionBits = 32 * kWords + 64;  // 64 guard bits absorb the truncations
constexpr std::string_view kAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// atan(1/x) * 2^kFractionBits, as a positive and a negative sum.
void Arctan(uint32_t x, BigInt* plus, BigInt* minus) {
  BigInt power;
  power.SetBit(kFractionBits);
  power = power.DivSmall(x, nullptr);
  for (uint32_t k = 0; !power.IsZero(); ++k) {
    const BigInt term = power.DivSmall(2 * k + 1, nullptr);
    *(k % 2 ? minus : plus) = *(k % 2 ? minus : plus) + term;
    power = power.DivSmall(x * x, nullptr);
  }
}

const std::array<uint32_t, kWords>& PiWords() {
  static const std::array<uint32_t, kWords> words = [] {
    BigInt p5, m5, p239, m239;
    Arctan(5, &p5, &m5);
    Arctan(239, &p239, &m239);
    const BigInt a5 = p5 - m5, a239 = p239 - m239;
    const BigInt pi = a5 * BigInt(16) - a239 * BigInt(4);
    const std::string bytes = pi.ToBytes();  // 3.fraction: the fraction is the low bytes
    const std::string fraction = bytes.substr(bytes.size() - kFractionBits / 8);
    std::array<uint32_t, kWords> out{};
    for (int i = 0; i < kWords; ++i) {
      for (int b = 0; b < 4; ++b) out[i] = (out[i] << 8) | static_cast<uint8_t>(fraction[4 * i + b]);
    }
    return out;
  }();
  return words;
}

struct Blowfish {
  uint32_t p[18];
  uint32_t s[4][256];

  Blowfish() {
    const auto& pi = PiWords();
    for (int i = 0; i < 18; ++i) p[i] = pi[i];
    for (int i = 0; i < 4 * 256; ++i) s[i / 256][i % 256] = pi[18 + i];
  }
  uint32_t F(uint32_t x) const { return ((s[0][x >> 24] + s[1][(x >> 16) & 255]) ^ s[2][(x >> 8) & 255]) + s[3][x & 255]; }
  void Encrypt(uint32_t* l, uint32_t* r) const {
    uint32_t xl = *l, xr = *r;
    for (int i = 0; i < 16; ++i) {
      xl ^= p[i];
      xr ^= F(xl);
      std::swap(xl, xr);
    }
    std::swap(xl, xr);
    xr ^= p[16];
    xl ^= p[17];
    *l = xl;
    *r = xr;
  }
  // Eksblowfish's ExpandKey; an empty \a salt is the plain key schedule step.
  void Expand(std::string_view key, std::string_view salt) {
    size_t kpos = 0, spos = 0;
    auto word = [](std::string_view data, size_t* pos) {
      uint32_t w = 0;
      for (int i = 0; i < 4; ++i) {
        w = (w << 8) | static_cast<uint8_t>(data[*pos]);
        *pos = (*pos + 1) % data.size();
      }
      return w;
    };
    for (uint32_t& v : p) v ^= word(key, &kpos);
    uint32_t l = 0, r = 0;
    auto next = [&](uint32_t* a, uint32_t* b) {
      if (!salt.empty()) {
        l ^= word(salt, &spos);
        r ^= word(salt, &spos);
      }
      Encrypt(&l, &r);
      *a = l;
      *b = r;
    };
    for (int i = 0; i < 18; i += 2) next(&p[i], &p[i + 1]);
    for (auto& box : s) {
      for (int i = 0; i < 256; i += 2) next(&box[i], &box[i + 1]);
    }
  }
};

}  // namespace

std::string BcryptBase64Encode(std::string_view bytes) {
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t v = 0;
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    for (size_t k = 0; k < 3; ++k) v = (v << 8) | (k < n ? static_cast<uint8_t>(bytes[i + k]) : 0);
    for (size_t k = 0; k < n + 1; ++k) out.push_back(kAlphabet[(v >> (18 - 6 * k)) & 63]);
  }
  return out;
}

std::string BcryptBase64Decode(std::string_view text) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const size_t v = kAlphabet.find(c);
    if (v == std::string_view::npos) break;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

std::string BcryptHash(std::string_view password, std::string_view salt, int cost) {
  const std::string key = std::string(password) + '\0';
  Blowfish bf;
  bf.Expand(key, salt);
  for (uint64_t i = 0; i < (uint64_t{1} << cost); ++i) {
    bf.Expand(key, "");
    bf.Expand(salt, "");
  }
  uint32_t text[6];
  const std::string_view magic = "OrpheanBeholderScryDoubt";
  for (int i = 0; i < 6; ++i) {
    text[i] = 0;
    for (int b = 0; b < 4; ++b) text[i] = (text[i] << 8) | static_cast<uint8_t>(magic[4 * i + b]);
  }
  for (int round = 0; round < 64; ++round) {
    for (int i = 0; i < 6; i += 2) bf.Encrypt(&text[i], &text[i + 1]);
  }
  std::string hash;
  for (uint32_t w : text) {
    for (int shift = 24; shift >= 0; shift -= 8) hash.push_back(static_cast<char>(w >> shift));
  }
  hash.resize(23);
  const std::string cost_text = (cost < 10 ? "0" : "") + std::to_string(cost);
  return "$2a$" + cost_text + "$" + BcryptBase64Encode(salt) + BcryptBase64Encode(hash);
}

}  // namespace kubeshift::tmpl
