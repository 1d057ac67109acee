// Sprig's encryptAES / decryptAES (crypto.go): AES-256-CBC with the password copied into a
// 32-byte zero key (longer passwords are cut), PKCS#7 padding, a random IV in front of the
// ciphertext, standard base64. The IV comes from the render's seeded stream, so a render is
// reproducible; Sprig reads crypto/rand. decryptAES checks the padding no more than Sprig does
// (it strips as many bytes as the last one says) but fails where Sprig's Go code panics.
#include "helm/aes.h"
#include "helm/function_util.h"
#include "helm/hashes.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

Aes KeyOf(const std::string& password) {
  std::string key(32, '\0');
  key.replace(0, std::min<size_t>(password.size(), 32), password.substr(0, 32));
  Aes aes;
  aes.SetKey(key);
  return aes;
}

}  // namespace

void AddSprigAes(FunctionRegistry* r) {
  r->Add(Fn("encryptAES", {P::kString, P::kString}, [](CallContext& ctx, Args a, Value* out, std::string*) {
    const std::string& plaintext = a[1].AsString();
    if (plaintext.empty()) {
      *out = Value::String("");
      return true;
    }
    const size_t padding = 16 - plaintext.size() % 16;
    const std::string content = plaintext + std::string(padding, static_cast<char>(padding));
    std::string iv(16, '\0');
    for (char& c : iv) c = static_cast<char>(ctx.NextRandom() & 0xFF);
    *out = Value::String(Base64Encode(iv + CbcEncrypt(KeyOf(a[0].AsString()), iv, content)));
    return true;
  }));
  r->Add(Fn("decryptAES", {P::kString, P::kString}, [](CallContext&, Args a, Value* out, std::string* e) {
    if (a[1].AsString().empty()) {
      *out = Value::String("");
      return true;
    }
    std::string crypt;
    if (!Base64Decode(a[1].AsString(), &crypt, e)) return false;
    if (crypt.size() < 16) {
      return Fail(e, "runtime error: slice bounds out of range [:16] with capacity " + std::to_string(crypt.size()));
    }
    if (crypt.size() % 16 != 0) return Fail(e, "crypto/cipher: input not full blocks");
    if (crypt.size() == 16) return Fail(e, "runtime error: index out of range [-1]");
    std::string plain = CbcDecrypt(KeyOf(a[0].AsString()), crypt.substr(0, 16), std::string_view(crypt).substr(16));
    const size_t strip = static_cast<uint8_t>(plain.back());
    if (strip > plain.size()) {
      return Fail(e, "runtime error: slice bounds out of range [:" + std::to_string(static_cast<int64_t>(plain.size()) - static_cast<int64_t>(strip)) + "]");
    }
    plain.resize(plain.size() - strip);
    *out = Value::String(std::move(plain));
    return true;
  }));
}

}  // namespace kubeshift::tmpl
