// Sprig's random functions, drawn from the render's seeded stream (ExecOptions::random_seed)
// so a render is reproducible; Helm's own output changes on every run.
#include "helm/function_util.h"
#include "helm/go_unicode.h"
#include "helm/hashes.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kDigits = "0123456789";

NativeFunction RandomFrom(std::string alphabet) {
  return [alphabet](CallContext& ctx, Args a, Value* out, std::string* e) {
    if (a[0].AsInt() > 0 && !ctx.Reserve(static_cast<uint64_t>(a[0].AsInt()), e)) return false;
    std::string s;
    for (int64_t i = 0; i < a[0].AsInt(); ++i) s.push_back(alphabet[ctx.NextRandom() % alphabet.size()]);
    *out = Value::String(std::move(s));
    return true;
  };
}

std::string PrintableAscii() {
  std::string s;
  for (char c = 32; c < 127; ++c) s.push_back(c);
  return s;
}

}  // namespace

void AddSprigRandom(FunctionRegistry* r) {
  r->Add(Fn("randAlphaNum", {P::kInt}, RandomFrom(std::string(kLetters) + std::string(kDigits))));
  r->Add(Fn("randAlpha", {P::kInt}, RandomFrom(std::string(kLetters))));
  r->Add(Fn("randNumeric", {P::kInt}, RandomFrom(std::string(kDigits))));
  r->Add(Fn("randAscii", {P::kInt}, RandomFrom(PrintableAscii())));
  r->Add(Fn("randBytes", {P::kInt}, [](CallContext& ctx, Args a, Value* out, std::string* e) {
    // Base64 makes 4 bytes of 3.
    if (a[0].AsInt() > 0 && !ctx.Reserve(static_cast<uint64_t>(a[0].AsInt()) / 3 * 4 + 4, e)) return false;
    std::string bytes;
    for (int64_t i = 0; i < a[0].AsInt(); ++i) bytes.push_back(static_cast<char>(ctx.NextRandom() & 0xFF));
    *out = Value::String(Base64Encode(bytes));
    return true;
  }));
  r->Add(Fn("randInt", {P::kInt, P::kInt}, [](CallContext& ctx, Args a, Value* out, std::string* e) {
    // rand.Intn(max-min)+min, with Go's wrapping subtraction.
    const auto span = static_cast<int64_t>(static_cast<uint64_t>(a[1].AsInt()) - static_cast<uint64_t>(a[0].AsInt()));
    if (span <= 0) return Fail(e, "invalid argument to Intn");
    *out = Value::Int(static_cast<int64_t>(ctx.NextRandom() % static_cast<uint64_t>(span) + static_cast<uint64_t>(a[0].AsInt())));
    return true;
  }));
  r->Add(Fn("uuidv4", {}, [](CallContext& ctx, Args, Value* out, std::string*) {
    static const char kHex[] = "0123456789abcdef";
    unsigned char b[16];
    for (int i = 0; i < 16; ++i) b[i] = static_cast<unsigned char>(ctx.NextRandom() & 0xFF);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    std::string s;
    for (int i = 0; i < 16; ++i) {
      if (i == 4 || i == 6 || i == 8 || i == 10) s.push_back('-');
      s.push_back(kHex[b[i] >> 4]);
      s.push_back(kHex[b[i] & 15]);
    }
    *out = Value::String(std::move(s));
    return true;
  }));
  r->Add(Fn("shuffle", {P::kString}, [](CallContext& ctx, Args a, Value* out, std::string*) {
    std::vector<std::string> runes;
    const std::string& s = a[0].AsString();
    for (size_t i = 0; i < s.size();) {
      int w = 1;
      DecodeRune(s, i, &w);
      runes.push_back(s.substr(i, static_cast<size_t>(w)));
      i += static_cast<size_t>(w);
    }
    for (size_t i = runes.size(); i > 1; --i) std::swap(runes[i - 1], runes[ctx.NextRandom() % i]);
    std::string shuffled;
    for (const std::string& rune : runes) shuffled += rune;
    *out = Value::String(std::move(shuffled));
    return true;
  }));
}

}  // namespace kubeshift::tmpl
