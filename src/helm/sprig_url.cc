// Sprig's urlParse and urlJoin (net/url's Parse and URL.String, without percent-encoding
// corner cases: paths are unescaped on parse and written back as they are).
#include "helm/function_util.h"

namespace kubeshift::tmpl {
namespace {

using P = Param;

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

Value Parse(std::string_view url) {
  std::string scheme, userinfo, host, path, query, fragment, opaque;
  if (const size_t hash = url.find('#'); hash != std::string_view::npos) {
    fragment = Unescape(url.substr(hash + 1));
    url = url.substr(0, hash);
  }
  if (const size_t q = url.find('?'); q != std::string_view::npos) {
    query = std::string(url.substr(q + 1));
    url = url.substr(0, q);
  }
  const size_t colon = url.find(':');
  if (colon != std::string_view::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(url[0])) &&
      url.substr(0, colon).find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.") ==
          std::string_view::npos) {
    scheme = std::string(url.substr(0, colon));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    url = url.substr(colon + 1);
    if (!url.starts_with("/")) {
      opaque = std::string(url);
      url = {};
    }
  }
  if (url.starts_with("//")) {
    url.remove_prefix(2);
    const size_t slash = url.find('/');
    std::string_view authority = url.substr(0, slash);
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
      userinfo = std::string(authority.substr(0, at));
      authority = authority.substr(at + 1);
    }
    host = std::string(authority);
  }
  path = Unescape(url);
  std::string hostname = host;
  if (hostname.starts_with("[")) {
    hostname = hostname.substr(1, hostname.find(']') - 1);
  } else if (const size_t port = hostname.rfind(':'); port != std::string::npos) {
    hostname = hostname.substr(0, port);
  }
  return Value::Map({{"scheme", Value::String(scheme)}, {"host", Value::String(host)},
                     {"hostname", Value::String(hostname)}, {"path", Value::String(path)},
                     {"query", Value::String(query)}, {"opaque", Value::String(opaque)},
                     {"fragment", Value::String(fragment)}, {"userinfo", Value::String(userinfo)}});
}

bool Join(Args a, Value* out, std::string* e) {
  auto field = [&](const char* name, std::string* value) {
    auto it = a[0].AsMap().find(name);
    if (it == a[0].AsMap().end()) return true;  // Sprig's get answers ""
    if (!it->second.IsString()) return Fail(e, "interface conversion: interface {} is " + it->second.TypeName() + ", not string");
    *value = it->second.AsString();
    return true;
  };
  std::string scheme, host, path, query, opaque, fragment, userinfo;
  if (!field("scheme", &scheme) || !field("host", &host) || !field("path", &path) || !field("query", &query) ||
      !field("opaque", &opaque) || !field("fragment", &fragment) || !field("userinfo", &userinfo)) {
    return false;
  }
  std::string url;
  if (!scheme.empty()) url += scheme + ":";
  if (!opaque.empty()) {
    url += opaque;
  } else {
    if (!scheme.empty() || !host.empty() || !userinfo.empty()) {
      if (!host.empty() || !path.empty() || !userinfo.empty()) url += "//";
      if (!userinfo.empty()) url += userinfo + "@";
      url += host;
    }
    if (!path.empty() && path[0] != '/' && !host.empty()) url += "/";
    url += path;
  }
  if (!query.empty()) url += "?" + query;
  if (!fragment.empty()) url += "#" + fragment;
  *out = Value::String(std::move(url));
  return true;
}

}  // namespace

void AddSprigUrl(FunctionRegistry* r) {
  r->Add(Pure("urlParse", {P::kString}, [](Args a) { return Parse(a[0].AsString()); }));
  r->Add(Fn("urlJoin", {P::kMap}, [](CallContext&, Args a, Value* out, std::string* e) { return Join(a, out, e); }));
}

}  // namespace kubeshift::tmpl
