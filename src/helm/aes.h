// AES (FIPS-197) and the CBC mode (NIST SP 800-38A) Sprig's encryptAES/decryptAES use.
#ifndef KUBESHIFT_HELM_AES_H_
#define KUBESHIFT_HELM_AES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kubeshift::tmpl {

/// An expanded AES key: 16, 24 or 32 key bytes (AES-128/192/256).
class Aes {
 public:
  /// False when \a key is not 16, 24 or 32 bytes long.
  bool SetKey(std::string_view key);
  void EncryptBlock(const uint8_t in[16], uint8_t out[16]) const;
  void DecryptBlock(const uint8_t in[16], uint8_t out[16]) const;

 private:
  int rounds_ = 0;
  std::array<uint32_t, 60> enc_{};  // round keys, 4 words a round
};

/// CBC over whole blocks; \a data's size must be a multiple of 16.
std::string CbcEncrypt(const Aes& aes, std::string_view iv, std::string_view data);
std::string CbcDecrypt(const Aes& aes, std::string_view iv, std::string_view data);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_AES_H_
