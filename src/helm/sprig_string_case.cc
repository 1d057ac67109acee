// Sprig's word-level string functions: title/untitle, swapcase, initials, nospace (goutils),
// camelcase/snakecase/kebabcase (xstrings, approximated: words split at separators and case
// changes), abbrev/abbrevboth and wrap/wrapWith (goutils).
#include "helm/function_util.h"
#include "helm/go_unicode.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

std::vector<uint32_t> Runes(std::string_view s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    int w = 1;
    out.push_back(DecodeRune(s, i, &w));
    i += static_cast<size_t>(w);
  }
  return out;
}

std::string FromRunes(const std::vector<uint32_t>& runes) {
  std::string out;
  for (uint32_t r : runes) AppendRune(r, &out);
  return out;
}

// strings.Title's separator test.
bool IsTitleSeparator(uint32_t r) {
  if (r <= 0x7F) return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
  if (IsLetterRune(r) || IsDigitRune(r)) return false;
  return IsSpaceRune(r);
}

std::string Title(std::string_view s) {
  std::vector<uint32_t> runes = Runes(s);
  uint32_t prev = ' ';
  for (uint32_t& r : runes) {
    const uint32_t here = r;
    if (IsTitleSeparator(prev)) r = ToUpperRune(r);
    prev = here;
  }
  return FromRunes(runes);
}

std::string Untitle(std::string_view s) {
  std::vector<uint32_t> runes = Runes(s);
  bool next = true;
  for (uint32_t& r : runes) {
    if (IsSpaceRune(r)) next = true;
    else if (next) {
      r = ToLowerRune(r);
      next = false;
    }
  }
  return FromRunes(runes);
}

std::string Initials(std::string_view s) {
  std::vector<uint32_t> out;
  bool gap = true;
  for (uint32_t r : Runes(s)) {
    if (IsSpaceRune(r)) gap = true;
    else if (gap) {
      out.push_back(r);
      gap = false;
    }
  }
  return FromRunes(out);
}

// Words for the case conversions: split at non-alphanumerics and at lower→upper changes.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  uint32_t prev = 0;
  for (uint32_t r : Runes(s)) {
    const bool alnum = IsLetterRune(r) || IsDigitRune(r);
    if (!alnum || (IsUpperRune(r) && prev && (IsLowerRune(prev) || IsDigitRune(prev)))) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    }
    if (alnum) AppendRune(r, &word);
    prev = alnum ? r : 0;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string JoinWords(std::string_view s, char sep) {
  std::string out;
  for (const std::string& word : Words(s)) {
    if (!out.empty()) out.push_back(sep);
    out += ToLower(word);
  }
  return out;
}

std::string Camel(std::string_view s) {
  std::string out;
  for (const std::string& word : Words(s)) {
    std::vector<uint32_t> runes = Runes(ToLower(word));
    if (!runes.empty()) runes[0] = ToUpperRune(runes[0]);
    out += FromRunes(runes);
  }
  return out;
}

// goutils.AbbreviateFull (byte offsets, as the Go code has them).
std::string Abbreviate(const std::string& s, int64_t offset, int64_t width) {
  const auto len = static_cast<int64_t>(s.size());
  if (s.empty() || width < 4) return "";
  if (len <= width) return s;
  if (offset > len) offset = len;
  if (len - offset < width - 3) offset = len - (width - 3);
  if (offset <= 4) return s.substr(0, static_cast<size_t>(width - 3)) + "...";
  if (width < 7) return "";
  if (offset + width - 3 < len) return "..." + Abbreviate(s.substr(static_cast<size_t>(offset)), 0, width - 3);
  return "..." + s.substr(static_cast<size_t>(len - (width - 3)));
}

// goutils.WrapCustom.
std::string Wrap(const std::string& s, int64_t width, std::string newline, bool wrap_long_words) {
  if (s.empty()) return "";
  if (newline.empty()) newline = "\n";
  if (width < 1) width = 1;
  const size_t w = static_cast<size_t>(width);
  std::string out;
  size_t offset = 0;
  while (s.size() - offset > w) {
    if (s[offset] == ' ') {
      ++offset;
      continue;
    }
    const size_t end = std::min(s.size(), w + offset + 1);
    const size_t space = s.substr(offset, end - offset).rfind(' ');
    if (space != std::string::npos) {
      out += s.substr(offset, space) + newline;
      offset += space + 1;
    } else if (wrap_long_words) {
      out += s.substr(offset, w) + newline;
      offset += w;
    } else {
      const size_t next = s.find(' ', w + offset);
      if (next == std::string::npos) {
        out += s.substr(offset);
        offset = s.size();
      } else {
        out += s.substr(offset, next - offset) + newline;
        offset = next + 1;
      }
    }
  }
  return out + s.substr(offset);
}

}  // namespace

void AddSprigStringCase(FunctionRegistry* r) {
  r->Add(Pure("title", {P::kString}, [](Args a) { return Value::String(Title(a[0].AsString())); }));
  r->Add(Pure("untitle", {P::kString}, [](Args a) { return Value::String(Untitle(a[0].AsString())); }));
  r->Add(Pure("initials", {P::kString}, [](Args a) { return Value::String(Initials(a[0].AsString())); }));
  r->Add(Pure("swapcase", {P::kString}, [](Args a) {
    std::vector<uint32_t> runes = Runes(a[0].AsString());
    for (uint32_t& c : runes) c = IsUpperRune(c) ? ToLowerRune(c) : IsLowerRune(c) ? ToUpperRune(c) : c;
    return Value::String(FromRunes(runes));
  }));
  r->Add(Pure("nospace", {P::kString}, [](Args a) {
    std::vector<uint32_t> runes;
    for (uint32_t c : Runes(a[0].AsString())) {
      if (!IsSpaceRune(c)) runes.push_back(c);
    }
    return Value::String(FromRunes(runes));
  }));
  r->Add(Pure("snakecase", {P::kString}, [](Args a) { return Value::String(JoinWords(a[0].AsString(), '_')); }));
  r->Add(Pure("kebabcase", {P::kString}, [](Args a) { return Value::String(JoinWords(a[0].AsString(), '-')); }));
  r->Add(Pure("camelcase", {P::kString}, [](Args a) { return Value::String(Camel(a[0].AsString())); }));
  r->Add(Pure("abbrev", {P::kInt, P::kString}, [](Args a) {
    return a[0].AsInt() < 4 ? a[1] : Value::String(Abbreviate(a[1].AsString(), 0, a[0].AsInt()));
  }));
  r->Add(Pure("abbrevboth", {P::kInt, P::kInt, P::kString}, [](Args a) {
    const int64_t left = a[0].AsInt(), right = a[1].AsInt();
    if (right < 4 || (left > 0 && right < 7)) return a[2];
    return Value::String(Abbreviate(a[2].AsString(), left, right));
  }));
  r->Add(Pure("wrap", {P::kInt, P::kString}, [](Args a) { return Value::String(Wrap(a[1].AsString(), a[0].AsInt(), "", false)); }));
  r->Add(Pure("wrapWith", {P::kInt, P::kString, P::kString}, [](Args a) {
    return Value::String(Wrap(a[2].AsString(), a[0].AsInt(), a[1].AsString(), true));
  }));
}

}  // namespace kubeshift::tmpl
