// Sprig's regex functions on std::regex (ECMAScript), with Go's match iteration, empty-match
// and $-expansion rules. RE2 syntax is translated where ECMAScript differs: leading (?i)/(?s)/
// (?m) flags, (?P<name>…) groups, \A and \z. Not supported: \p{…} classes and flag groups
// inside the pattern (they fail to compile and report an error). Patterns Go rejects for the
// common reasons (brackets, parens, repetitions) fail with Go's regexp/syntax message.
#include <algorithm>
#include <cctype>
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

// Go's limits on "{n}", "{n,}" and "{n,m}": counts up to 1000, and n <= m.
bool RepeatCountOk(std::string_view repeat) {
  const size_t comma = repeat.find(',');
  auto number = [](std::string_view digits) {
    int n = 0;
    for (char d : digits) n = std::min(n * 10 + (d - '0'), 100000);
    return n;
  };
  const int min = number(repeat.substr(1, std::min(comma, repeat.size() - 1) - 1));
  const int max = comma == std::string_view::npos ? min
                  : comma + 2 == repeat.size() ? -1
                                               : number(repeat.substr(comma + 1, repeat.size() - comma - 2));
  return min <= 1000 && max <= 1000 && (max < 0 || min <= max);
}

// The index of the "]" closing the class that starts at \a open, or expr.size().
size_t ClassEnd(std::string_view expr, size_t open) {
  size_t j = open + 1;
  if (j < expr.size() && expr[j] == '^') ++j;
  if (j < expr.size() && expr[j] == ']') ++j;  // a leading ] is literal
  while (j < expr.size() && expr[j] != ']') {
    if (expr[j] == '\\') {
      ++j;
    } else if (expr.substr(j).starts_with("[:")) {  // [:alpha:]
      const size_t end = expr.find(":]", j + 2);
      if (end != std::string_view::npos) j = end + 1;
    }
    ++j;
  }
  return std::min(j, expr.size());
}

// Where the body of the group opening at \a open starts: after "(", "(?flags:" or
// "(?P<name>"; \a opens is false for a flag setting "(?i)". npos for other "(?" forms.
size_t GroupBodyStart(std::string_view expr, size_t open, bool* opens) {
  *opens = true;
  size_t j = open + 1;
  if (j >= expr.size() || expr[j] != '?') return j;
  ++j;
  if (expr.substr(j).starts_with("P<") || expr.substr(j).starts_with("<")) {
    j = expr.find('>', j);
    return j == std::string_view::npos ? j : j + 1;
  }
  while (j < expr.size() && (std::isalpha(static_cast<unsigned char>(expr[j])) || expr[j] == '-')) ++j;
  if (j >= expr.size() || (expr[j] != ')' && expr[j] != ':')) return std::string_view::npos;
  *opens = expr[j] == ':';
  return j + 1;
}

// Go's regexp/syntax message for the common errors in \a expr ("missing closing ]: `[a`"),
// or "" when none is found (std::regex then judges). Scans as Go's parser does, first error
// wins; runs once per pattern, as compiles are cached.
std::string GoSyntaxError(std::string_view expr) {
  auto error = [](std::string_view code, std::string_view what) {
    return std::string(code) + ": `" + std::string(what) + "`";
  };
  int depth = 0;
  bool operand = false;                         // something a repetition can apply to precedes
  size_t last_repeat = std::string_view::npos;  // start of the repetition just before
  for (size_t i = 0; i < expr.size();) {
    const char c = expr[i];
    const size_t repeat_start = last_repeat;
    last_repeat = std::string_view::npos;
    if (c == '\\') {
      if (i + 1 >= expr.size()) return error("trailing backslash at end of expression", "");
      i += 2;
      operand = true;
    } else if (c == '[') {
      const size_t close = ClassEnd(expr, i);
      if (close >= expr.size()) return error("missing closing ]", expr.substr(i));
      i = close + 1;
      operand = true;
    } else if (c == '(') {
      bool opens = true;
      const size_t next = GroupBodyStart(expr, i, &opens);
      if (next == std::string_view::npos) return "";  // a group syntax left to std::regex to judge
      i = next;
      if (!opens) continue;  // "(?i)" sets flags: no group, no operand
      ++depth;
      operand = false;
    } else if (c == ')') {
      if (depth == 0) return error("unexpected )", expr);
      --depth;
      ++i;
      operand = true;
    } else if (c == '|') {
      ++i;
      operand = false;
    } else if (c == '*' || c == '+' || c == '?' || c == '{') {
      size_t end = i + 1;
      if (c == '{') {
        const size_t length = RepeatLength(expr.substr(i));
        if (length == 0) {  // not a repetition: a literal {
          ++i;
          operand = true;
          continue;
        }
        end = i + length;
        if (!RepeatCountOk(expr.substr(i, length))) return error("invalid repeat count", expr.substr(i, length));
      }
      if (end < expr.size() && expr[end] == '?') ++end;  // non-greedy
      if (repeat_start != std::string_view::npos) {
        return error("invalid nested repetition operator", expr.substr(repeat_start, end - repeat_start));
      }
      if (!operand) return error("missing argument to repetition operator", expr.substr(i, end - i));
      last_repeat = i;
      i = end;
    } else {
      ++i;
      operand = true;
    }
  }
  if (depth > 0) return error("missing closing )", expr);
  return "";
}

// Compiles \a expr, caching per thread (templates call regex functions in loops).
const Compiled* Compile(const std::string& expr, std::string* error) {
  thread_local std::map<std::string, std::unique_ptr<Compiled>> cache;
  auto it = cache.find(expr);
  if (it != cache.end()) return it->second.get();
  // Go rejects some patterns std::regex takes ("a**", "a{1001}"): check Go's rules first.
  if (const std::string go = GoSyntaxError(expr); !go.empty()) {
    *error = "error parsing regexp: " + go;
    return nullptr;
  }
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
