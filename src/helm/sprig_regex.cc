// Sprig's regex functions on std::regex (ECMAScript), with Go's match iteration, empty-match
// and $-expansion rules. RE2 syntax is translated where ECMAScript differs: leading (?i)/(?s)/
// (?m) flags, (?P<name>…) groups, \A and \z. Not supported: \p{…} classes and flag groups
// inside the pattern (they fail to compile and report an error).
#include <map>
#include <regex>

#include "helm/function_util.h"
#include "helm/go_unicode.h"
#include "helm/sprig_cast.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

struct Compiled {
  std::regex re;
  std::map<std::string, int> names;  // (?P<name>) groups
};

// The length of a repetition "{n}", "{n,}" or "{n,m}" at the start of \a s, or 0.
size_t RepeatLength(std::string_view s) {
  size_t i = 1;
  auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (!digits()) return 0;
  if (i < s.size() && s[i] == ',') {
    ++i;
    digits();
  }
  return i < s.size() && s[i] == '}' ? i + 1 : 0;
}

bool Translate(std::string_view expr, std::string* out, std::regex::flag_type* flags, std::map<std::string, int>* names,
               std::string* error) {
  *flags = std::regex::ECMAScript;
  bool dot_all = false;
  if (expr.starts_with("(?")) {
    const size_t close = expr.find(')');
    const std::string_view set = close == std::string_view::npos ? "" : expr.substr(2, close - 2);
    if (!set.empty() && set.find_first_not_of("ism") == std::string_view::npos) {
      if (set.find('i') != std::string_view::npos) *flags |= std::regex::icase;
      if (set.find('m') != std::string_view::npos) *flags |= std::regex::multiline;
      dot_all = set.find('s') != std::string_view::npos;
      expr.remove_prefix(close + 1);
    }
  }
  int group = 0;
  bool in_class = false;
  for (size_t i = 0; i < expr.size(); ++i) {
    const char c = expr[i];
    if (c == '\\' && i + 1 < expr.size()) {
      const char next = expr[++i];
      if (next == 'A') *out += "^";
      else if (next == 'z') *out += "$";
      else if (next == 'p' || next == 'P') return (*error = "invalid escape sequence: \\" + std::string(1, next), false);
      else *out += std::string{'\\', next};
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out->push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out->push_back(c);
      if (i + 1 < expr.size() && expr[i + 1] == ']') out->push_back(expr[++i]);  // "[]…]" starts with a literal ]
      continue;
    }
    if (c == '(') {
      if (expr.substr(i).starts_with("(?P<")) {
        const size_t close = expr.find('>', i);
        if (close == std::string_view::npos) return (*error = "invalid named capture", false);
        (*names)[std::string(expr.substr(i + 4, close - i - 4))] = ++group;
        *out += "(";
        i = close;
        continue;
      }
      if (!expr.substr(i).starts_with("(?")) ++group;
    }
    if (c == '{' || c == '}') {
      // RE2 reads a brace that does not start {n}, {n,} or {n,m} as a literal; ECMAScript
      // (libstdc++) does not, so escape it.
      const size_t len = c == '{' ? RepeatLength(expr.substr(i)) : 0;
      if (len > 0) {
        out->append(expr.substr(i, len));
        i += len - 1;
      } else {
        *out += std::string{'\\', c};
      }
      continue;
    }
    if (c == '.' && dot_all) {
      *out += "[\\s\\S]";
      continue;
    }
    out->push_back(c);
  }
  return true;
}

// Compiles \a expr, caching per thread (templates call regex functions in loops).
const Compiled* Compile(const std::string& expr, std::string* error) {
  thread_local std::map<std::string, std::unique_ptr<Compiled>> cache;
  auto it = cache.find(expr);
  if (it != cache.end()) return it->second.get();
  auto compiled = std::make_unique<Compiled>();
  std::string translated;
  std::regex::flag_type flags;
  if (!Translate(expr, &translated, &flags, &compiled->names, error)) {
    *error = "error parsing regexp: " + *error + ": `" + expr + "`";
    return nullptr;
  }
  try {
    compiled->re = std::regex(translated, flags);
  } catch (const std::regex_error& e) {
    *error = "error parsing regexp: " + std::string(e.what()) + ": `" + expr + "`";
    return nullptr;
  }
  if (cache.size() > 256) cache.clear();
  return cache.emplace(expr, std::move(compiled)).first->second.get();
}

bool SearchAt(const Compiled& c, const std::string& s, size_t pos, std::smatch* m) {
  const auto flags = pos > 0 ? std::regex_constants::match_prev_avail : std::regex_constants::match_default;
  return std::regex_search(s.begin() + static_cast<std::ptrdiff_t>(pos), s.end(), *m, c.re, flags);
}

size_t RuneWidthAt(const std::string& s, size_t pos) {
  if (pos >= s.size()) return 1;
  int w = 1;
  DecodeRune(s, pos, &w);
  return static_cast<size_t>(w);
}

// Go's allMatches: [begin, end) of up to n matches (n < 0: all), no empty match right after
// a match.
std::vector<std::pair<size_t, size_t>> FindAll(const Compiled& c, const std::string& s, int64_t n) {
  std::vector<std::pair<size_t, size_t>> out;
  if (n < 0) n = static_cast<int64_t>(s.size()) + 1;
  size_t pos = 0;
  int64_t prev_end = -1;
  std::smatch m;
  while (static_cast<int64_t>(out.size()) < n && pos <= s.size() && SearchAt(c, s, pos, &m)) {
    const size_t begin = pos + static_cast<size_t>(m.position(0)), end = begin + static_cast<size_t>(m.length(0));
    bool accept = true;
    if (end == pos) {
      if (static_cast<int64_t>(begin) == prev_end) accept = false;
      pos += RuneWidthAt(s, pos);
    } else {
      pos = end;
    }
    prev_end = static_cast<int64_t>(end);
    if (accept) out.emplace_back(begin, end);
  }
  return out;
}

// Go's Regexp.Expand of a replacement template: $1, ${1}, $name, ${name}, $$.
void Expand(const Compiled& c, const std::string& repl, const std::string& s, const std::smatch& m, size_t base,
            std::string* out) {
  for (size_t i = 0; i < repl.size(); ++i) {
    if (repl[i] != '$' || i + 1 >= repl.size()) {
      out->push_back(repl[i]);
      continue;
    }
    if (repl[i + 1] == '$') {
      out->push_back('$');
      ++i;
      continue;
    }
    std::string name;
    size_t end = i + 1;
    if (repl[end] == '{') {
      const size_t close = repl.find('}', end);
      if (close == std::string::npos) {
        out->push_back('$');
        continue;
      }
      name = repl.substr(end + 1, close - end - 1);
      end = close + 1;
    } else {
      while (end < repl.size() && (std::isalnum(static_cast<unsigned char>(repl[end])) || repl[end] == '_')) ++end;
      name = repl.substr(i + 1, end - i - 1);
    }
    if (name.empty()) {
      out->push_back('$');
      continue;
    }
    int group = -1;
    if (name.find_first_not_of("0123456789") == std::string::npos) group = std::stoi(name.substr(0, 6));
    else if (auto it = c.names.find(name); it != c.names.end()) group = it->second;
    if (group >= 0 && static_cast<size_t>(group) < m.size() && m[group].matched) {
      out->append(s, base + static_cast<size_t>(m.position(group)), static_cast<size_t>(m.length(group)));
    }
    i = end - 1;
  }
}

// Go's replaceAll loop.
std::string ReplaceAll(const Compiled& c, const std::string& s, const std::string& repl, bool literal) {
  std::string out;
  size_t search = 0, last_end = 0;
  std::smatch m;
  while (search <= s.size() && SearchAt(c, s, search, &m)) {
    const size_t begin = search + static_cast<size_t>(m.position(0)), end = begin + static_cast<size_t>(m.length(0));
    out.append(s, last_end, begin - last_end);
    if (end > last_end || begin == 0) {
      if (literal) out += repl;
      else Expand(c, repl, s, m, search, &out);
    }
    last_end = end;
    const size_t width = RuneWidthAt(s, search);
    search = search + width > end ? search + width : end > search ? end : search + 1;
  }
  if (last_end < s.size()) out.append(s, last_end);
  return out;
}

std::vector<std::string> Split(const Compiled& c, const std::string& s, int64_t n, bool empty_expr) {
  std::vector<std::string> parts;
  if (n == 0) return parts;
  if (!empty_expr && s.empty()) return {""};
  size_t begin = 0, end = 0;
  for (const auto& [a, b] : FindAll(c, s, n)) {
    if (n > 0 && static_cast<int64_t>(parts.size()) == n - 1) break;
    end = a;
    if (b != 0) parts.push_back(s.substr(begin, end - begin));
    begin = b;
  }
  if (end != s.size()) parts.push_back(s.substr(begin));
  return parts;
}

// Registers NAME (errors hidden or turned into a panic-like failure, as Sprig does) and
// mustNAME (errors returned).
void AddRegex(FunctionRegistry* r, const std::string& name, std::vector<Param> params, bool hide_error,
              std::function<Value(const Compiled&, Args)> body) {
  std::string must = "must" + name;
  must[4] = static_cast<char>(std::toupper(must[4]));
  for (bool is_must : {false, true}) {
    r->Add(Fn(is_must ? must : name, params, [body, hide_error, is_must](CallContext&, Args a, Value* out, std::string* e) {
      const Compiled* c = Compile(a[0].AsString(), e);
      if (!c) {
        if (hide_error && !is_must) {
          *out = Value::Bool(false);
          return true;
        }
        if (!is_must) *e = "regexp: Compile(`" + a[0].AsString() + "`): " + *e;
        return false;
      }
      *out = body(*c, a);
      return true;
    }));
  }
}

}  // namespace

void AddSprigRegex(FunctionRegistry* r) {
  AddRegex(r, "regexMatch", {P::kString, P::kString}, true, [](const Compiled& c, Args a) {
    return Value::Bool(std::regex_search(a[1].AsString(), c.re));
  });
  AddRegex(r, "regexFindAll", {P::kString, P::kString, P::kInt}, false, [](const Compiled& c, Args a) {
    std::vector<std::string> found;
    for (const auto& [b, e] : FindAll(c, a[1].AsString(), a[2].AsInt())) found.push_back(a[1].AsString().substr(b, e - b));
    return StringList(std::move(found));
  });
  AddRegex(r, "regexFind", {P::kString, P::kString}, false, [](const Compiled& c, Args a) {
    const auto found = FindAll(c, a[1].AsString(), 1);
    return Value::String(found.empty() ? "" : a[1].AsString().substr(found[0].first, found[0].second - found[0].first));
  });
  AddRegex(r, "regexReplaceAll", {P::kString, P::kString, P::kString}, false, [](const Compiled& c, Args a) {
    return Value::String(ReplaceAll(c, a[1].AsString(), a[2].AsString(), false));
  });
  AddRegex(r, "regexReplaceAllLiteral", {P::kString, P::kString, P::kString}, false, [](const Compiled& c, Args a) {
    return Value::String(ReplaceAll(c, a[1].AsString(), a[2].AsString(), true));
  });
  AddRegex(r, "regexSplit", {P::kString, P::kString, P::kInt}, false, [](const Compiled& c, Args a) {
    return StringList(Split(c, a[1].AsString(), a[2].AsInt(), a[0].AsString().empty()));
  });
  r->Add(Pure("regexQuoteMeta", {P::kString}, [](Args a) {
    std::string out;
    for (char ch : a[0].AsString()) {
      if (std::string_view("\\.+*?()|[]{}^$").find(ch) != std::string_view::npos) out.push_back('\\');
      out.push_back(ch);
    }
    return Value::String(std::move(out));
  }));
}

}  // namespace kubeshift::tmpl
