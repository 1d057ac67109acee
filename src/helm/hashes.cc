// FIPS 180-4 digests, Adler-32 and RFC 4648 encodings, small and self-contained so the
// engine needs no crypto library (Sprig uses them for checksums, not for security).
#include "helm/hashes.h"

#include <array>
#include <cstring>
#include <vector>

namespace kubeshift::tmpl {
namespace {

template <typename Word>
Word Rotr(Word x, int n) { return static_cast<Word>((x >> n) | (x << (sizeof(Word) * 8 - n))); }

// Merkle–Damgård padding: message, 0x80, zeros, big-endian bit length.
std::vector<unsigned char> Pad(std::string_view data, size_t block, size_t length_bytes) {
  std::vector<unsigned char> msg(data.begin(), data.end());
  msg.push_back(0x80);
  while ((msg.size() + length_bytes) % block != 0) msg.push_back(0);
  const uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  for (size_t i = length_bytes; i-- > 0;) msg.push_back(i < 8 ? static_cast<unsigned char>(bits >> (i * 8)) : 0);
  return msg;
}

template <typename Word>
std::string Hex(const Word* words, size_t count) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    for (int b = static_cast<int>(sizeof(Word)) - 1; b >= 0; --b) {
      const auto byte = static_cast<unsigned char>(words[i] >> (b * 8));
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 15]);
    }
  }
  return out;
}

template <typename Word>
Word Load(const unsigned char* p) {
  Word w = 0;
  for (size_t i = 0; i < sizeof(Word); ++i) w = static_cast<Word>((w << 8) | p[i]);
  return w;
}

constexpr uint32_t kK256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
    0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
    0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr uint64_t kK512[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
    0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
    0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

// SHA-256 and SHA-512 share their structure; only word size, constants and shifts differ.
template <typename Word, size_t kRounds>
void Sha2Block(Word* h, const unsigned char* p, const Word* k, const int* s) {
  std::array<Word, kRounds> w{};
  for (size_t i = 0; i < 16; ++i) w[i] = Load<Word>(p + i * sizeof(Word));
  for (size_t i = 16; i < kRounds; ++i) {
    const Word s0 = Rotr(w[i - 15], s[6]) ^ Rotr(w[i - 15], s[7]) ^ (w[i - 15] >> s[8]);
    const Word s1 = Rotr(w[i - 2], s[9]) ^ Rotr(w[i - 2], s[10]) ^ (w[i - 2] >> s[11]);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  Word a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (size_t i = 0; i < kRounds; ++i) {
    const Word t1 = hh + (Rotr(e, s[3]) ^ Rotr(e, s[4]) ^ Rotr(e, s[5])) + ((e & f) ^ (~e & g)) + k[i] + w[i];
    const Word t2 = (Rotr(a, s[0]) ^ Rotr(a, s[1]) ^ Rotr(a, s[2])) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  static const int kShifts[] = {2, 13, 22, 6, 11, 25, 7, 18, 3, 17, 19, 10};
  const std::vector<unsigned char> msg = Pad(data, 64, 8);
  for (size_t i = 0; i < msg.size(); i += 64) Sha2Block<uint32_t, 64>(h, &msg[i], kK256, kShifts);
  return Hex(h, 8);
}

std::string Sha512Hex(std::string_view data) {
  uint64_t h[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                   0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
  static const int kShifts[] = {28, 34, 39, 14, 18, 41, 1, 8, 7, 19, 61, 6};
  const std::vector<unsigned char> msg = Pad(data, 128, 16);
  for (size_t i = 0; i < msg.size(); i += 128) Sha2Block<uint64_t, 80>(h, &msg[i], kK512, kShifts);
  return Hex(h, 8);
}

std::string Sha1Hex(std::string_view data) {
  uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  const std::vector<unsigned char> msg = Pad(data, 64, 8);
  for (size_t block = 0; block < msg.size(); block += 64) {
    uint32_t w[80];
    for (int i = 0; i < 16; ++i) w[i] = Load<uint32_t>(&msg[block + static_cast<size_t>(i) * 4]);
    for (int i = 16; i < 80; ++i) w[i] = Rotr<uint32_t>(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 31);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      uint32_t f, k;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
      else { f = b ^ c ^ d; k = 0xCA62C1D6; }
      const uint32_t t = Rotr<uint32_t>(a, 27) + f + e + k + w[i];
      e = d; d = c; c = Rotr<uint32_t>(b, 2); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
  }
  return Hex(h, 5);
}

uint32_t Adler32(std::string_view data) {
  uint32_t a = 1, b = 0;
  for (unsigned char c : data) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

std::string Base64Encode(std::string_view data) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (size_t i = 0; i < data.size(); i += 3) {
    const size_t n = std::min<size_t>(3, data.size() - i);
    uint32_t v = 0;
    for (size_t j = 0; j < 3; ++j) v = (v << 8) | (j < n ? static_cast<unsigned char>(data[i + j]) : 0);
    for (size_t j = 0; j < 4; ++j) out.push_back(j <= n ? kAlphabet[(v >> (18 - 6 * j)) & 63] : '=');
  }
  return out;
}

// encoding/base64's StdEncoding.DecodeString, quantum by quantum, so the errors name the same
// byte Go's do ("illegal base64 data at input byte 0" for "abc"); \r and \n are skipped.
bool Base64Decode(std::string_view src, std::string* out, std::string* error) {
  out->clear();
  auto fail = [&](size_t at) {
    *error = "illegal base64 data at input byte " + std::to_string(at);
    return false;
  };
  auto decode = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  auto newline = [](char c) { return c == '\n' || c == '\r'; };
  size_t si = 0;
  while (si < src.size()) {
    int dbuf[4] = {0, 0, 0, 0};
    int dlen = 4;
    bool trailing = false;
    for (int j = 0; j < 4; ++j) {
      if (si == src.size()) {
        if (j == 0) return true;
        return fail(si - static_cast<size_t>(j));  // a partial quantum needs padding
      }
      const char in = src[si++];
      if (const int v = decode(in); v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (newline(in)) {
        --j;
        continue;
      }
      if (in != '=' || j < 2) return fail(si - 1);
      if (j == 2) {  // "==" expected
        while (si < src.size() && newline(src[si])) ++si;
        if (si == src.size()) return fail(src.size());
        if (src[si] != '=') return fail(si - 1);
        ++si;
      }
      while (si < src.size() && newline(src[si])) ++si;
      trailing = si < src.size();
      dlen = j;
      break;
    }
    const uint32_t v = static_cast<uint32_t>(dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3]);
    for (int k = 0; k < dlen - 1; ++k) out->push_back(static_cast<char>((v >> (16 - 8 * k)) & 0xFF));
    if (trailing) return fail(si);
  }
  return true;
}

std::string Base32Encode(std::string_view data) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  for (size_t i = 0; i < data.size(); i += 5) {
    const size_t n = std::min<size_t>(5, data.size() - i);
    uint64_t v = 0;
    for (size_t j = 0; j < 5; ++j) v = (v << 8) | (j < n ? static_cast<unsigned char>(data[i + j]) : 0);
    const size_t symbols = (n * 8 + 4) / 5;
    for (size_t j = 0; j < 8; ++j) out.push_back(j < symbols ? kAlphabet[(v >> (35 - 5 * j)) & 31] : '=');
  }
  return out;
}

// encoding/base32's StdEncoding.DecodeString: newlines are removed first, so error offsets
// count the input without them; after the padding, the rest of the input is not read.
bool Base32Decode(std::string_view text, std::string* out, std::string* error) {
  out->clear();
  std::string src;
  for (char c : text) {
    if (c != '\r' && c != '\n') src.push_back(c);
  }
  auto fail = [&](size_t at) {
    *error = "illegal base32 data at input byte " + std::to_string(at);
    return false;
  };
  auto decode = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
  };
  const size_t olen = src.size();
  size_t pos = 0;  // src[pos..] is Go's remaining src
  bool end = false;
  while (pos < olen && !end) {
    int dbuf[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int dlen = 8;
    for (int j = 0; j < 8;) {
      const size_t left = olen - pos;
      if (left == 0) return fail(olen - left - static_cast<size_t>(j));  // missing padding
      const char in = src[pos++];
      const size_t rest = olen - pos;
      if (in == '=' && j >= 2 && rest < 8) {
        if (rest + static_cast<size_t>(j) < 7) return fail(olen);  // not enough padding
        for (int k = 0; k < 7 - j; ++k) {
          if (rest > static_cast<size_t>(k) && src[pos + static_cast<size_t>(k)] != '=') {
            return fail(olen - rest + static_cast<size_t>(k) - 1);
          }
        }
        dlen = j;
        end = true;
        if (dlen == 1 || dlen == 3 || dlen == 6) return fail(olen - rest - 1);
        break;
      }
      const int v = decode(in);
      if (v < 0) return fail(olen - rest - 1);
      dbuf[j++] = v;
    }
    uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = v << 5 | static_cast<uint64_t>(dbuf[k]);
    static const int kBytes[] = {0, 0, 1, 1, 2, 3, 3, 4, 5};  // bytes decoded from dlen symbols
    for (int k = 0; k < kBytes[dlen]; ++k) out->push_back(static_cast<char>((v >> (32 - 8 * k)) & 0xFF));
  }
  return true;
}

}  // namespace kubeshift::tmpl
