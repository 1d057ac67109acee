// Tests of Go's fmt/strconv emulation (src/helm/go_format.cc, go_printf.cc, go_strconv.cc).
#include <cmath>
#include <string>
#include <vector>

#include "catch.h"
#include "helm/go_format.h"
#include "helm/go_strconv.h"

namespace kubeshift::tmpl {
namespace {

std::string G(double f) { return FormatFloat(f, 'g', -1); }

TEST_CASE("FormatFloat shortest %v forms", "[template_format]") {
  CHECK(G(1000000) == "1e+06");
  CHECK(G(100000) == "100000");
  CHECK(G(3.0) == "3");
  CHECK(G(1.5) == "1.5");
  CHECK(G(0.0001) == "0.0001");
  CHECK(G(0.00001) == "1e-05");
  CHECK(G(123456789) == "1.23456789e+08");
  CHECK(G(0.1 + 0.2) == "0.30000000000000004");
  CHECK(G(0) == "0");
  CHECK(G(-0.0) == "-0");
  CHECK(G(1e21) == "1e+21");
  CHECK(G(1e100) == "1e+100");
  CHECK(G(NAN) == "NaN");
  CHECK(G(INFINITY) == "+Inf");
  CHECK(G(-INFINITY) == "-Inf");
}

TEST_CASE("FormatFloat with explicit precision", "[template_format]") {
  CHECK(FormatFloat(3.14159, 'f', 2) == "3.14");
  CHECK(FormatFloat(2.5, 'f', 0) == "2");  // round half to even, as Go
  CHECK(FormatFloat(1234.5678, 'e', 6) == "1.234568e+03");
  CHECK(FormatFloat(1234.5678, 'g', 3) == "1.23e+03");
  CHECK(FormatFloat(100, 'g', 3) == "100");
  CHECK(FormatFloat(0.5, 'e', -1) == "5e-01");
  CHECK(FormatFloat(1e6, 'f', -1) == "1000000");
}

TEST_CASE("FormatJsonFloat follows encoding/json", "[template_format]") {
  CHECK(FormatJsonFloat(1000000) == "1000000");
  CHECK(FormatJsonFloat(1e20) == "100000000000000000000");
  CHECK(FormatJsonFloat(1e21) == "1e+21");
  CHECK(FormatJsonFloat(0.0000001) == "1e-7");
  CHECK(FormatJsonFloat(0.000001) == "0.000001");
  CHECK(FormatJsonFloat(1.5) == "1.5");
}

TEST_CASE("QuoteGo escapes like strconv.Quote", "[template_format]") {
  CHECK(QuoteGo("plain") == "\"plain\"");
  CHECK(QuoteGo("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(QuoteGo("tab\tnl\n") == "\"tab\\tnl\\n\"");
  CHECK(QuoteGo("\x01\x7f") == "\"\\x01\\x7f\"");
  CHECK(QuoteGo("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
  CHECK(QuoteGo("\xff") == "\"\\xff\"");
  CHECK(QuoteGo("\xE2\x80\xA8") == "\"\\u2028\"");
}

TEST_CASE("Sprint and Sprintln spacing", "[template_format]") {
  const std::vector<Value> mixed = {Value::String("a"), Value::Int(1), Value::Int(2), Value::String("b"), Value::Nil()};
  CHECK(Sprint(mixed) == "a1 2b<nil>");
  CHECK(Sprintln(mixed) == "a 1 2 b <nil>\n");
}

TEST_CASE("Sprintf verbs, flags and error forms", "[template_format]") {
  auto f = [](std::string_view format, std::vector<Value> args) { return Sprintf(format, args); };
  CHECK(f("%5.2f|%-6d|%+d|%x|%o|%b", {Value::Float(3.14159), Value::Int(42), Value::Int(7), Value::Int(255),
                                     Value::Int(8), Value::Int(5)}) == " 3.14|42    |+7|ff|10|101");
  CHECK(f("%q %v %s", {Value::String("x"), Value::List({Value::Int(1), Value::String("a")}),
                       Value::Map({{"k", Value::Bool(true)}})}) == "\"x\" [1 a] map[k:%!s(bool=true)]");
  CHECK(f("%d", {Value::String("x")}) == "%!d(string=x)");
  CHECK(f("%s %s", {Value::String("x")}) == "x %!s(MISSING)");
  CHECK(f("%s", {Value::String("x"), Value::Int(1)}) == "x%!(EXTRA int=1)");
  CHECK(f("%", {}) == "%!(NOVERB)");
  CHECK(f("%05.1f|%6s|%-4s|", {Value::Float(-2.25), Value::String("ab"), Value::String("c")}) == "-02.2|    ab|c   |");
  CHECK(f("%.3s|%c|%U|%%", {Value::String("abcdef"), Value::Int(0x263A), Value::Int(0x41)}) == "abc|\xE2\x98\xBA|U+0041|%");
  CHECK(f("%T %T", {Value::Nil(), Value::Int64(1)}) == "<nil> int64");
  CHECK(f("%*d", {Value::Int(4), Value::Int(7)}) == "   7");
}

TEST_CASE("ParseGoInt and ParseGoUint follow strconv with base 0", "[template_format]") {
  int64_t i = 0;
  CHECK((ParseGoInt("0x1F", 0, &i) && i == 31));
  CHECK((ParseGoInt("0777", 0, &i) && i == 511));
  CHECK((ParseGoInt("0o17", 0, &i) && i == 15));
  CHECK((ParseGoInt("-0b101", 0, &i) && i == -5));
  CHECK((ParseGoInt("1_000", 0, &i) && i == 1000));
  CHECK_FALSE(ParseGoInt("08", 0, &i));
  CHECK_FALSE(ParseGoInt("1__0", 0, &i));
  CHECK_FALSE(ParseGoInt("_1", 0, &i));
  CHECK_FALSE(ParseGoInt("9223372036854775808", 0, &i));
  CHECK((ParseGoInt("-9223372036854775808", 0, &i) && i == INT64_MIN));
  uint64_t u = 0;
  CHECK((ParseGoUint("18446744073709551615", 10, &u) && u == UINT64_MAX));
  CHECK_FALSE(ParseGoUint("-1", 0, &u));
}

TEST_CASE("ParseGoFloat and UnquoteGo", "[template_format]") {
  double f = 0;
  CHECK((ParseGoFloat("1.5e3", &f) && f == 1500));
  CHECK((ParseGoFloat(".5", &f) && f == 0.5));
  CHECK((ParseGoFloat("0x1p-2", &f) && f == 0.25));
  CHECK_FALSE(ParseGoFloat("0x10", &f));
  CHECK_FALSE(ParseGoFloat("1e", &f));
  CHECK_FALSE(ParseGoFloat("abc", &f));
  CHECK_FALSE(ParseGoFloat("1e400", &f));
  std::string s;
  CHECK((UnquoteGo("\"a\\tb\\u00e9\\x41\\101\"", &s) && s == "a\tb\xC3\xA9" "AA"));
  CHECK((UnquoteGo("`raw\\n\r`", &s) && s == "raw\\n"));
  CHECK_FALSE(UnquoteGo("\"bad\\q\"", &s));
  CHECK_FALSE(UnquoteGo("\"it\\'s\"", &s));
  CHECK((UnquoteGo("'x'", &s) && s == "x"));
}

}  // namespace
}  // namespace kubeshift::tmpl
