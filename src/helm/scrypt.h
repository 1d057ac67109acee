// HMAC-SHA-256 (RFC 2104), PBKDF2-HMAC-SHA-256 (RFC 8018) and scrypt (RFC 7914): what Sprig's
// derivePassword (the Master Password algorithm) is built from.
#ifndef KUBESHIFT_HELM_SCRYPT_H_
#define KUBESHIFT_HELM_SCRYPT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kubeshift::tmpl {

std::string HmacSha256(std::string_view key, std::string_view message);
std::string Pbkdf2Sha256(std::string_view password, std::string_view salt, uint32_t iterations, size_t length);
/// \a n a power of two greater than 1.
std::string Scrypt(std::string_view password, std::string_view salt, uint64_t n, uint32_t r, uint32_t p, size_t length);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_SCRYPT_H_
