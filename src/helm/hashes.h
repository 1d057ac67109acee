// Message digests and encodings Sprig exposes: SHA-1/256/512, Adler-32, base64, base32.
#ifndef KUBESHIFT_HELM_HASHES_H_
#define KUBESHIFT_HELM_HASHES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kubeshift::tmpl {

/// Lowercase hex digests.
std::string Sha1Hex(std::string_view data);
std::string Sha256Hex(std::string_view data);
std::string Sha512Hex(std::string_view data);
uint32_t Adler32(std::string_view data);
std::string Base64Encode(std::string_view data);
/// False (with Go's error text) on malformed input.
bool Base64Decode(std::string_view text, std::string* out, std::string* error);
std::string Base32Encode(std::string_view data);
bool Base32Decode(std::string_view text, std::string* out, std::string* error);

}  // namespace kubeshift::tmpl

#endif  // KUBESHIFT_HELM_HASHES_H_
