// Sprig's word-level string functions: title/untitle, swapcase, initials, nospace (goutils),
// camelcase/snakecase/kebabcase (xstrings v1.5's word rules), abbrev/abbrevboth and wrap/wrapWith (goutils).
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

// xstrings (v1.5, which Sprig 3.3 uses) splits words by kind: runs of connectors (-, _,
// space), punctuation, an upper-case letter with the lower-case letters after it (or an
// all-caps run, leaving the last capital to the next word: "HTTPServer"), lower-case
// letters, digits, anything else. Outside ASCII the rune classes are approximations.
enum class WordType { kInvalid, kNumber, kUpper, kAlphabet, kConnector, kPunct, kOther };

bool IsConnector(uint32_t r) { return r == '-' || r == '_' || IsSpaceRune(r); }

// A letter, but not a CJK ideograph.
bool IsAlphabet(uint32_t r) {
  if (!IsLetterRune(r)) return false;
  return !((r >= 0x4E00 && r <= 0x9FCC) || (r >= 0x3400 && r <= 0x4D85) || (r >= 0x20000 && r <= 0x2B81D));
}

// unicode.IsPunct: exact in ASCII; the general and CJK punctuation blocks above it.
bool IsPunctRune(uint32_t r) {
  if (r < 0x80) return r != '$' && r != '+' && r != '<' && r != '=' && r != '>' && r != '^' && r != '`' && r != '|' &&
                       r != '~' && ((r >= '!' && r <= '/') || (r >= ':' && r <= '@') || (r >= '[' && r <= '_') ||
                                    r == '{' || r == '}');
  return (r >= 0x2010 && r <= 0x2027) || (r >= 0x2030 && r <= 0x205E) || (r >= 0x3001 && r <= 0x3003) ||
         (r >= 0x3008 && r <= 0x3011);
}

struct Word {
  WordType type = WordType::kInvalid;
  std::string_view text;
  std::string_view rest;
};

// The next valid rune of \a s and the bytes up to its end (invalid bytes are skipped);
// \a prev when there is none.
uint32_t NextValidRune(std::string_view s, uint32_t prev, size_t* size) {
  *size = 0;
  while (*size < s.size()) {
    int w = 1;
    const uint32_t r = DecodeRune(s, *size, &w);
    *size += static_cast<size_t>(w);
    if (r != kRuneError) return r;
  }
  return prev;
}

Word NextWord(std::string_view str) {
  Word word;
  if (str.empty()) return word;
  size_t size = 0;
  uint32_t r = NextValidRune(str, kRuneError, &size);
  size_t offset = size;
  auto extend = [&](auto keep) {  // take runes while keep(r)
    while (offset < str.size()) {
      r = NextValidRune(str.substr(offset), r, &size);
      if (!keep(r)) break;
      offset += size;
    }
  };
  auto lower_letter = [](uint32_t c) { return IsAlphabet(c) && !IsUpperRune(c); };
  if (r == kRuneError) {
    word.type = WordType::kInvalid;
  } else if (IsConnector(r)) {
    word.type = WordType::kConnector;
    extend(IsConnector);
  } else if (IsPunctRune(r)) {
    word.type = WordType::kPunct;
    extend(IsPunctRune);
  } else if (IsUpperRune(r)) {
    word.type = WordType::kUpper;
    if (offset < str.size()) {
      r = NextValidRune(str.substr(offset), r, &size);
      if (IsUpperRune(r)) {
        size_t last = size;
        offset += size;
        while (offset < str.size()) {
          r = NextValidRune(str.substr(offset), r, &size);
          if (!IsUpperRune(r)) break;
          last = size;
          offset += size;
        }
        if (offset < str.size() && IsAlphabet(r)) offset -= last;  // "HTTPStatus": "S" starts the next word
      } else if (IsAlphabet(r)) {
        offset += size;
        extend(lower_letter);
      }
    }
  } else if (IsAlphabet(r)) {
    word.type = WordType::kAlphabet;
    extend(lower_letter);
  } else if (IsDigitRune(r)) {
    word.type = WordType::kNumber;
    extend(IsDigitRune);
  } else {
    word.type = WordType::kOther;
    extend([](uint32_t c) { return !IsConnector(c) && !IsAlphabet(c) && !IsDigitRune(c) && !IsPunctRune(c); });
  }
  word.text = str.substr(0, offset);
  word.rest = str.substr(offset);
  return word;
}

void AppendLower(WordType type, std::string_view text, char connector, std::string* out) {
  if (type != WordType::kUpper && type != WordType::kConnector) {
    out->append(text);
    return;
  }
  for (uint32_t r : Runes(text)) {
    if (IsConnector(r)) out->push_back(connector);
    else AppendRune(IsUpperRune(r) ? ToLowerRune(r) : r, out);
  }
}

// xstrings' camelCaseToLowerCase (ToSnakeCase, ToKebabCase): words joined by \a connector,
// a number kept with the letters after it ("http2xx" → "http_2xx").
std::string LowerJoin(std::string_view str, char connector) {
  std::string out;
  Word w = NextWord(str);
  auto is_word = [](WordType t) { return t == WordType::kAlphabet || t == WordType::kNumber; };
  auto separated = [](WordType t) { return t == WordType::kConnector || t == WordType::kPunct; };
  while (!w.rest.empty()) {
    if (w.type != WordType::kConnector) AppendLower(w.type, w.text, connector, &out);
    const Word prev = w;
    w = NextWord(w.rest);
    if (prev.type == WordType::kNumber) {
      while (is_word(w.type)) {
        AppendLower(w.type, w.text, connector, &out);
        w = NextWord(w.rest);
      }
      if (w.type != WordType::kInvalid && !separated(w.type)) out.push_back(connector);
    } else if (prev.type == WordType::kConnector) {
      AppendLower(prev.type, prev.text, connector, &out);
    } else if (prev.type != WordType::kPunct) {
      if (w.type != WordType::kNumber) {
        if (!separated(w.type)) out.push_back(connector);
        continue;
      }
      if (w.rest.empty()) continue;
      const Word number = w;
      w = NextWord(w.rest);
      if (w.type != WordType::kAlphabet) {  // "Bld4Floor": the number ends the word before it
        AppendLower(WordType::kNumber, number.text, connector, &out);
        if (!separated(w.type)) out.push_back(connector);
        continue;
      }
      out.push_back(connector);  // "HTTP2xx": the number starts the next word
      AppendLower(WordType::kNumber, number.text, connector, &out);
      while (is_word(w.type)) {
        AppendLower(w.type, w.text, connector, &out);
        w = NextWord(w.rest);
      }
      if (w.type != WordType::kInvalid && !separated(w.type)) out.push_back(connector);
    }
  }
  AppendLower(w.type, w.text, connector, &out);
  return out;
}

// xstrings.ToPascalCase (Sprig's camelcase): connectors dropped and the rune after them
// upper-cased; leading connectors and doubled ones kept; an all-caps word is lowered after
// its first letter.
std::string Pascal(std::string_view str) {
  std::string out;
  const std::vector<uint32_t> runes = Runes(str);
  size_t i = 0;
  uint32_t r0 = 0;
  bool first_upper = false;
  for (; i < runes.size(); ++i) {
    r0 = runes[i];
    if (!IsConnector(r0)) {
      first_upper = IsUpperRune(r0);
      r0 = ToUpperRune(r0);
      break;
    }
    AppendRune(r0, &out);
  }
  if (i + 1 >= runes.size()) {
    if (!runes.empty()) AppendRune(r0, &out);  // as xstrings: a lone connector is written twice
    return out;
  }
  for (++i; i < runes.size(); ++i) {
    const uint32_t r1 = r0;
    r0 = runes[i];
    if (IsConnector(r0) && IsConnector(r1)) {
      AppendRune(r1, &out);
      continue;
    }
    if (IsConnector(r1)) {
      first_upper = IsUpperRune(r0);
      r0 = ToUpperRune(r0);
    } else {
      if (first_upper) {
        if (IsUpperRune(r0)) r0 = ToLowerRune(r0);
        else first_upper = false;
      }
      AppendRune(r1, &out);
    }
  }
  AppendRune(r0, &out);
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
  r->Add(Pure("snakecase", {P::kString}, [](Args a) { return Value::String(LowerJoin(a[0].AsString(), '_')); }));
  r->Add(Pure("kebabcase", {P::kString}, [](Args a) { return Value::String(LowerJoin(a[0].AsString(), '-')); }));
  r->Add(Pure("camelcase", {P::kString}, [](Args a) { return Value::String(Pascal(a[0].AsString())); }));
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
