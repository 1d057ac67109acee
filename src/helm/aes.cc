// AES from FIPS-197: the S-box is computed from its definition (inverse in GF(2^8), then the
// affine map), the rounds follow the specification's pseudo-code. Table-free and byte-wise:
// Sprig only encrypts short strings, and this is not meant to resist timing attacks.
#include "helm/aes.h"

namespace kubeshift::tmpl {
namespace {

uint8_t Xtime(uint8_t b) { return static_cast<uint8_t>((b << 1) ^ ((b & 0x80) ? 0x1b : 0)); }

uint8_t Mul(uint8_t a, uint8_t b) {
  uint8_t p = 0;
  for (; b; b >>= 1, a = Xtime(a)) {
    if (b & 1) p ^= a;
  }
  return p;
}

struct Boxes {
  uint8_t sbox[256];
  uint8_t inv[256];
  Boxes() {
    for (int x = 0; x < 256; ++x) {
      uint8_t inverse = 0;  // 0 maps to 0
      for (int y = 1; x && y < 256; ++y) {
        if (Mul(static_cast<uint8_t>(x), static_cast<uint8_t>(y)) == 1) inverse = static_cast<uint8_t>(y);
      }
      uint8_t s = inverse;
      for (int i = 1; i <= 4; ++i) s ^= static_cast<uint8_t>((inverse << i) | (inverse >> (8 - i)));
      s ^= 0x63;
      sbox[x] = s;
      inv[s] = static_cast<uint8_t>(x);
    }
  }
};

const Boxes& Tables() {
  static const Boxes boxes;
  return boxes;
}

uint32_t SubWord(uint32_t w) {
  const uint8_t* s = Tables().sbox;
  return (uint32_t{s[w >> 24]} << 24) | (uint32_t{s[(w >> 16) & 255]} << 16) | (uint32_t{s[(w >> 8) & 255]} << 8) |
         s[w & 255];
}

void AddRoundKey(uint8_t state[16], const uint32_t* w) {
  for (int c = 0; c < 4; ++c) {
    for (int r = 0; r < 4; ++r) state[4 * c + r] ^= static_cast<uint8_t>(w[c] >> (24 - 8 * r));
  }
}

// state[4*c + r] is row r, column c (the input byte order of FIPS-197 §3.4).
void ShiftRows(uint8_t s[16], bool inverse) {
  uint8_t t[16];
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 4; ++c) {
      const int from = inverse ? (c + 4 - r) % 4 : (c + r) % 4;
      t[4 * c + r] = s[4 * from + r];
    }
  }
  for (int i = 0; i < 16; ++i) s[i] = t[i];
}

void MixColumns(uint8_t s[16], bool inverse) {
  const uint8_t k[4] = {static_cast<uint8_t>(inverse ? 0x0e : 0x02), static_cast<uint8_t>(inverse ? 0x0b : 0x03),
                        static_cast<uint8_t>(inverse ? 0x0d : 0x01), static_cast<uint8_t>(inverse ? 0x09 : 0x01)};
  for (int c = 0; c < 4; ++c) {
    uint8_t* col = s + 4 * c;
    uint8_t out[4];
    for (int r = 0; r < 4; ++r) {
      out[r] = Mul(k[0], col[r]) ^ Mul(k[1], col[(r + 1) % 4]) ^ Mul(k[2], col[(r + 2) % 4]) ^ Mul(k[3], col[(r + 3) % 4]);
    }
    for (int r = 0; r < 4; ++r) col[r] = out[r];
  }
}

}  // namespace

bool Aes::SetKey(std::string_view key) {
  const int nk = static_cast<int>(key.size() / 4);
  if (key.size() != 16 && key.size() != 24 && key.size() != 32) return false;
  rounds_ = nk + 6;
  for (int i = 0; i < nk; ++i) {
    enc_[i] = (uint32_t{static_cast<uint8_t>(key[4 * i])} << 24) | (uint32_t{static_cast<uint8_t>(key[4 * i + 1])} << 16) |
              (uint32_t{static_cast<uint8_t>(key[4 * i + 2])} << 8) | static_cast<uint8_t>(key[4 * i + 3]);
  }
  uint8_t rcon = 1;
  for (int i = nk; i < 4 * (rounds_ + 1); ++i) {
    uint32_t t = enc_[i - 1];
    if (i % nk == 0) {
      t = SubWord((t << 8) | (t >> 24)) ^ (uint32_t{rcon} << 24);
      rcon = Xtime(rcon);
    } else if (nk > 6 && i % nk == 4) {
      t = SubWord(t);
    }
    enc_[i] = enc_[i - nk] ^ t;
  }
  return true;
}

void Aes::EncryptBlock(const uint8_t in[16], uint8_t out[16]) const {
  const uint8_t* sbox = Tables().sbox;
  for (int i = 0; i < 16; ++i) out[i] = in[i];
  AddRoundKey(out, &enc_[0]);
  for (int round = 1; round <= rounds_; ++round) {
    for (int i = 0; i < 16; ++i) out[i] = sbox[out[i]];
    ShiftRows(out, false);
    if (round != rounds_) MixColumns(out, false);
    AddRoundKey(out, &enc_[4 * round]);
  }
}

void Aes::DecryptBlock(const uint8_t in[16], uint8_t out[16]) const {
  const uint8_t* inv = Tables().inv;
  for (int i = 0; i < 16; ++i) out[i] = in[i];
  AddRoundKey(out, &enc_[4 * rounds_]);
  for (int round = rounds_ - 1; round >= 0; --round) {
    ShiftRows(out, true);
    for (int i = 0; i < 16; ++i) out[i] = inv[out[i]];
    AddRoundKey(out, &enc_[4 * round]);
    if (round != 0) MixColumns(out, true);
  }
}

std::string CbcEncrypt(const Aes& aes, std::string_view iv, std::string_view data) {
  std::string out(data.size(), '\0');
  uint8_t chain[16];
  for (int i = 0; i < 16; ++i) chain[i] = static_cast<uint8_t>(iv[i]);
  for (size_t b = 0; b + 16 <= data.size(); b += 16) {
    uint8_t block[16];
    for (int i = 0; i < 16; ++i) block[i] = static_cast<uint8_t>(data[b + i]) ^ chain[i];
    aes.EncryptBlock(block, chain);
    for (int i = 0; i < 16; ++i) out[b + i] = static_cast<char>(chain[i]);
  }
  return out;
}

std::string CbcDecrypt(const Aes& aes, std::string_view iv, std::string_view data) {
  std::string out(data.size(), '\0');
  uint8_t chain[16];
  for (int i = 0; i < 16; ++i) chain[i] = static_cast<uint8_t>(iv[i]);
  for (size_t b = 0; b + 16 <= data.size(); b += 16) {
    uint8_t block[16], plain[16];
    for (int i = 0; i < 16; ++i) block[i] = static_cast<uint8_t>(data[b + i]);
    aes.DecryptBlock(block, plain);
    for (int i = 0; i < 16; ++i) {
      out[b + i] = static_cast<char>(plain[i] ^ chain[i]);
      chain[i] = block[i];
    }
  }
  return out;
}

}  // namespace kubeshift::tmpl
