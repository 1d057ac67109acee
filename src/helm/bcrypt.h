// bcrypt (Provos and Mazières, 1999) as Go's golang.org/x/crypto/bcrypt writes it: "$2a$",
// the cost, 16 salt bytes and 23 hash bytes in bcrypt's base64 alphabet.
#ifndef KUBESHIFT_HELM_BCRYPT_H_
#define KUBESHIFT_HELM_BCRYPT_H_

#include <string>
#include <string_view>

namespace kubeshift::tmpl {

/// The "$2a$CC$..." hash of \a password (at most 72 bytes) with a 16-byte \a salt.
std::string BcryptHash(std::string_view password, std::string_view salt, int cost);
/// bcrypt's base64 (alphabet "./A-Za-z0-9", no padding), both ways.
std::string BcryptBase64Encode(std::string_view bytes);
std::string BcryptBase64Decode(std::string_view text);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_BCRYPT_H_
