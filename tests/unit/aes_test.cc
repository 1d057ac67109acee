// AES against the FIPS-197 Appendix C examples and the NIST SP 800-38A F.2.5/F.2.6 CBC
// vectors; Sprig's encryptAES/decryptAES against a ciphertext from Helm's documentation.
#include "helm/aes.h"

#include <string>

#include "catch.h"
#include "kubeshift/template_engine.h"

namespace kubeshift::tmpl {
namespace {

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

std::string Hex(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) out += {kHex[c >> 4], kHex[c & 15]};
  return out;
}

std::string EncryptBlock(std::string_view key_hex, std::string_view plain_hex) {
  Aes aes;
  REQUIRE(aes.SetKey(Unhex(key_hex)));
  const std::string in = Unhex(plain_hex);
  uint8_t out[16], back[16];
  aes.EncryptBlock(reinterpret_cast<const uint8_t*>(in.data()), out);
  aes.DecryptBlock(out, back);
  CHECK(std::string(reinterpret_cast<char*>(back), 16) == in);
  return Hex(std::string(reinterpret_cast<char*>(out), 16));
}

TEST_CASE("AES block cipher: FIPS-197 Appendix C", "[aes]") {
  const std::string plain = "00112233445566778899aabbccddeeff";
  CHECK(EncryptBlock("000102030405060708090a0b0c0d0e0f", plain) == "69c4e0d86a7b0430d8cdb78070b4c55a");
  CHECK(EncryptBlock("000102030405060708090a0b0c0d0e0f1011121314151617", plain) == "dda97ca4864cdfe06eaf70a0ec0d7191");
  CHECK(EncryptBlock("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", plain) ==
        "8ea2b7ca516745bfeafc49904b496089");
  Aes aes;
  CHECK_FALSE(aes.SetKey("short"));
}

TEST_CASE("AES-256-CBC: NIST SP 800-38A F.2.5 and F.2.6", "[aes]") {
  Aes aes;
  REQUIRE(aes.SetKey(Unhex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")));
  const std::string iv = Unhex("000102030405060708090a0b0c0d0e0f");
  const std::string plain = Unhex(
      "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52ef"
      "f69f2445df4f9b17ad2b417be66c3710");
  const std::string cipher =
      "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461"
      "b2eb05e2c39be9fcda6c19078c6a9d1b";
  CHECK(Hex(CbcEncrypt(aes, iv, plain)) == cipher);
  CHECK(CbcDecrypt(aes, iv, Unhex(cipher)) == plain);
}

std::string Render(const std::string& text, uint64_t seed = 1) {
  TemplateSet set(HelmFunctions());
  TemplateError error;
  REQUIRE(set.Parse("t", text, &error));
  ExecOptions options;
  options.random_seed = seed;
  RenderResult result;
  if (!set.Execute("t", Value::Map(), options, &result, &error)) return "ERROR: " + error.message;
  return result.text;
}

TEST_CASE("encryptAES and decryptAES as Sprig", "[aes]") {
  // The example of Helm's function list; openssl enc -d -aes-256-cbc with the zero-padded
  // key gives "plaintext" and PKCS#7 padding for it.
  CHECK(Render(R"({{ "30tEfhuJSVRhpG97XCuWgz2okj7L8vQ1s6V9zVUPeDQ=" | decryptAES "secretkey" }})") == "plaintext");
  CHECK(Render(R"({{ "plaintext" | encryptAES "secretkey" | decryptAES "secretkey" }})") == "plaintext");
  const std::string sixteen = "0123456789abcdef";  // a whole block of padding is added
  CHECK(Render("{{ \"" + sixteen + "\" | encryptAES \"k\" | b64dec | len }}") == "48");
  CHECK(Render("{{ \"" + sixteen + "\" | encryptAES \"k\" | decryptAES \"k\" }}") == sixteen);
  // A password longer than 32 bytes is cut to 32.
  CHECK(Render(R"({{ "x" | encryptAES "0123456789abcdef0123456789abcdefTAIL" | decryptAES "0123456789abcdef0123456789abcdef" }})") == "x");
  CHECK(Render(R"([{{ "" | encryptAES "k" }}][{{ "" | decryptAES "k" }}])") == "[][]");
  // Same seed, same IV; another seed, another ciphertext.
  CHECK(Render(R"({{ encryptAES "k" "v" }})", 7) == Render(R"({{ encryptAES "k" "v" }})", 7));
  CHECK(Render(R"({{ encryptAES "k" "v" }})", 7) != Render(R"({{ encryptAES "k" "v" }})", 8));
  CHECK(Render(R"({{ decryptAES "k" "AAAA" }})").find("slice bounds out of range") != std::string::npos);
  CHECK(Render(R"({{ decryptAES "k" "%%%" }})").find("illegal base64 data") != std::string::npos);
}

}  // namespace
}  // namespace kubeshift::tmpl
