// scrypt as RFC 7914 writes it: Salsa20/8 (section 3), BlockMix (4), ROMix (5), the
// PBKDF2 wrapping (6). Blocks are handled as little-endian 32-bit words.
#include "helm/scrypt.h"

#include <vector>

#include "helm/crypto_keys.h"

namespace kubeshift::tmpl {
namespace {

uint32_t Rotl(uint32_t a, int b) { return (a << b) | (a >> (32 - b)); }

void Salsa208(uint32_t b[16]) {
  uint32_t x[16];
  for (int i = 0; i < 16; ++i) x[i] = b[i];
  auto quarter = [&x](int a, int b2, int c, int d) {
    x[b2] ^= Rotl(x[a] + x[d], 7);
    x[c] ^= Rotl(x[b2] + x[a], 9);
    x[d] ^= Rotl(x[c] + x[b2], 13);
    x[a] ^= Rotl(x[d] + x[c], 18);
  };
  for (int i = 0; i < 8; i += 2) {
    quarter(0, 4, 8, 12);  // columns
    quarter(5, 9, 13, 1);
    quarter(10, 14, 2, 6);
    quarter(15, 3, 7, 11);
    quarter(0, 1, 2, 3);  // rows
    quarter(5, 6, 7, 4);
    quarter(10, 11, 8, 9);
    quarter(15, 12, 13, 14);
  }
  for (int i = 0; i < 16; ++i) b[i] += x[i];
}

// B (2r blocks of 16 words) -> B', using \a y as scratch of the same size.
void BlockMix(uint32_t* b, uint32_t* y, uint32_t r) {
  uint32_t x[16];
  for (int i = 0; i < 16; ++i) x[i] = b[(2 * r - 1) * 16 + i];
  for (uint32_t i = 0; i < 2 * r; ++i) {
    for (int k = 0; k < 16; ++k) x[k] ^= b[i * 16 + k];
    Salsa208(x);
    const uint32_t dest = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
    for (int k = 0; k < 16; ++k) y[dest + k] = x[k];
  }
  for (uint32_t i = 0; i < 32 * r; ++i) b[i] = y[i];
}

void RoMix(uint32_t* b, uint64_t n, uint32_t r) {
  const size_t words = 32 * r;
  std::vector<uint32_t> v(words * n), y(words);
  for (uint64_t i = 0; i < n; ++i) {
    std::copy(b, b + words, v.begin() + static_cast<std::ptrdiff_t>(i * words));
    BlockMix(b, y.data(), r);
  }
  for (uint64_t i = 0; i < n; ++i) {
    const uint32_t* last = b + (2 * r - 1) * 16;
    const uint64_t j = ((uint64_t{last[1]} << 32) | last[0]) & (n - 1);
    for (size_t k = 0; k < words; ++k) b[k] ^= v[j * words + k];
    BlockMix(b, y.data(), r);
  }
}

}  // namespace

std::string HmacSha256(std::string_view key, std::string_view message) {
  std::string k = key.size() > 64 ? Sha256Bytes(key) : std::string(key);
  k.resize(64, '\0');
  std::string inner(64, '\0'), outer(64, '\0');
  for (int i = 0; i < 64; ++i) {
    inner[i] = static_cast<char>(k[i] ^ 0x36);
    outer[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  return Sha256Bytes(outer + Sha256Bytes(inner + std::string(message)));
}

std::string Pbkdf2Sha256(std::string_view password, std::string_view salt, uint32_t iterations, size_t length) {
  std::string out;
  for (uint32_t block = 1; out.size() < length; ++block) {
    const std::string index = {static_cast<char>(block >> 24), static_cast<char>(block >> 16),
                               static_cast<char>(block >> 8), static_cast<char>(block)};
    std::string u = HmacSha256(password, std::string(salt) + index);
    std::string t = u;
    for (uint32_t i = 1; i < iterations; ++i) {
      u = HmacSha256(password, u);
      for (size_t k = 0; k < t.size(); ++k) t[k] = static_cast<char>(t[k] ^ u[k]);
    }
    out += t;
  }
  out.resize(length);
  return out;
}

std::string Scrypt(std::string_view password, std::string_view salt, uint64_t n, uint32_t r, uint32_t p, size_t length) {
  std::string b = Pbkdf2Sha256(password, salt, 1, size_t{128} * r * p);
  std::vector<uint32_t> words(32 * r);
  for (uint32_t i = 0; i < p; ++i) {
    char* block = b.data() + size_t{128} * r * i;
    for (size_t w = 0; w < words.size(); ++w) {
      const auto* c = reinterpret_cast<const unsigned char*>(block + 4 * w);
      words[w] = uint32_t{c[0]} | (uint32_t{c[1]} << 8) | (uint32_t{c[2]} << 16) | (uint32_t{c[3]} << 24);
    }
    RoMix(words.data(), n, r);
    for (size_t w = 0; w < words.size(); ++w) {
      for (int k = 0; k < 4; ++k) block[4 * w + k] = static_cast<char>(words[w] >> (8 * k));
    }
  }
  return Pbkdf2Sha256(password, b, 1, length);
}

}  // namespace kubeshift::tmpl
