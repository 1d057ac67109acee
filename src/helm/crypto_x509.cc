// The field order and extension order follow Go's crypto/x509 (buildCertExtensions):
// keyUsage (critical), extKeyUsage, basicConstraints (critical), subjectKeyId (CA only, the
// SHA-1 of the public key bits), authorityKeyId (when issuer and subject differ), subjectAltName.
#include "helm/crypto_x509.h"

#include "helm/der.h"

namespace kubeshift::tmpl {
namespace {

constexpr std::string_view kRsaEncryption = "1.2.840.113549.1.1.1";
constexpr std::string_view kSha256WithRsa = "1.2.840.113549.1.1.11";

// encoding/asn1's PrintableString test (no '*', no '&'); anything else is a UTF8String.
bool IsPrintable(std::string_view s) {
  for (unsigned char c : s) {
    const bool ok = std::isalnum(c) || c == ' ' || c == '\'' || c == '(' || c == ')' || c == '+' || c == ',' ||
                    c == '-' || c == '.' || c == '/' || c == ':' || c == '=' || c == '?';
    if (!ok || c >= 0x80) return false;
  }
  return true;
}

std::string Name(std::string_view common_name) {
  if (common_name.empty()) return der::Tlv(der::kSequence, "");
  const std::string value = der::Tlv(IsPrintable(common_name) ? der::kPrintableString : der::kUtf8String, common_name);
  return der::Sequence({der::Tlv(der::kSet, der::Sequence({der::Oid("2.5.4.3"), value}))});
}

std::string Extension(std::string_view oid, bool critical, std::string_view value) {
  std::string body = der::Oid(oid);
  if (critical) body += der::Tlv(der::kBoolean, "\xff");
  body += der::Tlv(der::kOctetString, value);
  return der::Tlv(der::kSequence, body);
}

std::string Extensions(const CertificateSpec& spec, const PublicKeyInfo& key, bool subject_empty, bool self_issued,
                       std::string_view issuer_key_id) {
  // KeyUsage bits, most significant first: digitalSignature(0x80), keyEncipherment(0x20),
  // keyCertSign(0x04); the unused trailing zero bits are counted as Go does.
  const uint8_t usage = spec.is_ca ? 0xA4 : 0xA0;
  const int unused = spec.is_ca ? 2 : 5;
  std::string out = Extension("2.5.29.15", true, der::BitString(std::string(1, static_cast<char>(usage)), unused));
  out += Extension("2.5.29.37", false, der::Sequence({der::Oid("1.3.6.1.5.5.7.3.1"), der::Oid("1.3.6.1.5.5.7.3.2")}));
  out += Extension("2.5.29.19", true,
                   spec.is_ca ? der::Sequence({der::Tlv(der::kBoolean, "\xff")}) : der::Tlv(der::kSequence, ""));
  if (spec.is_ca) out += Extension("2.5.29.14", false, der::Tlv(der::kOctetString, Sha1Bytes(key.key_bits)));
  if (!self_issued && !issuer_key_id.empty()) {
    out += Extension("2.5.29.35", false, der::Sequence({der::Implicit(0, issuer_key_id)}));
  }
  if (!spec.dns_names.empty() || !spec.ip_addresses.empty()) {
    std::string names;
    for (const std::string& dns : spec.dns_names) names += der::Implicit(2, dns);
    for (const std::string& ip : spec.ip_addresses) names += der::Implicit(7, ip);
    out += Extension("2.5.29.17", subject_empty, der::Tlv(der::kSequence, names));
  }
  return der::Explicit(3, der::Tlv(der::kSequence, out));
}

}  // namespace

PublicKeyInfo RsaPublicKeyInfo(const RsaKey& key) {
  PublicKeyInfo info;
  info.key_bits = RsaPublicKeyDer(key);
  info.spki = der::Sequence({der::Sequence({der::Oid(kRsaEncryption), der::Tlv(der::kNull, "")}),
                             der::BitString(info.key_bits)});
  return info;
}

PublicKeyInfo EcP256PublicKeyInfo(std::string_view point) {
  PublicKeyInfo info;
  info.key_bits = std::string(point);
  info.spki = der::Sequence({der::Sequence({der::Oid("1.2.840.10045.2.1"), der::Oid("1.2.840.10045.3.1.7")}),
                             der::BitString(info.key_bits)});
  return info;
}

PublicKeyInfo Ed25519PublicKeyInfo(std::string_view public_key) {
  PublicKeyInfo info;
  info.key_bits = std::string(public_key);
  info.spki = der::Sequence({der::Sequence({der::Oid("1.3.101.112")}), der::BitString(info.key_bits)});
  return info;
}

SigningKey RsaSigningKey(const RsaKey& key) {
  return {der::Sequence({der::Oid(kSha256WithRsa), der::Tlv(der::kNull, "")}),
          [key](std::string_view tbs) { return RsaSignSha256(key, tbs); }};
}

SigningKey EcdsaP256SigningKey(const BigInt& d, RandomBytes random) {
  return {der::Sequence({der::Oid("1.2.840.10045.4.3.2")}),
          [d, random](std::string_view tbs) { return EcdsaP256SignSha256(d, tbs, random); }};
}

SigningKey Ed25519SigningKey(std::string seed) {
  return {der::Sequence({der::Oid("1.3.101.112")}), [seed](std::string_view tbs) { return Ed25519Sign(seed, tbs); }};
}

std::string CreateCertificate(const CertificateSpec& spec, const PublicKeyInfo& subject_key,
                              std::string_view issuer_name, std::string_view issuer_key_id, const SigningKey& signer) {
  const std::string subject = Name(spec.common_name);
  const std::string issuer = issuer_name.empty() ? subject : std::string(issuer_name);
  const std::string& algorithm = signer.algorithm;
  const std::string tbs = der::Sequence({
      der::Explicit(0, der::Integer(int64_t{2})),
      der::Integer(BigInt::FromBytes(spec.serial)),
      algorithm,
      issuer,
      der::Sequence({der::Time(spec.not_before), der::Time(spec.not_after)}),
      subject,
      subject_key.spki,
      Extensions(spec, subject_key, subject.size() == 2, issuer == subject, issuer_key_id),
  });
  return der::Sequence({tbs, algorithm, der::BitString(signer.sign(tbs))});
}

bool ParseCertificate(std::string_view data, ParsedCertificate* out, std::string* error) {
  auto fail = [error](std::string message) {
    *error = std::move(message);
    return false;
  };
  der::Reader top(data);
  der::Element cert, tbs_el, alg, sig;
  std::vector<der::Element> parts, tbs, f;
  if (!top.Expect(der::kSequence, &cert) || !top.AtEnd()) return fail("x509: malformed certificate");
  if (!der::Children(cert, &parts) || parts.size() != 3) return fail("x509: malformed certificate");
  tbs_el = parts[0];
  alg = parts[1];
  sig = parts[2];
  if (tbs_el.tag != der::kSequence || alg.tag != der::kSequence || sig.tag != der::kBitString || sig.value.empty()) {
    return fail("x509: malformed certificate");
  }
  out->tbs = tbs_el.raw;
  out->signature = sig.value.substr(1);
  if (!der::Children(alg, &f) || f.empty() || f[0].tag != der::kOid) return fail("x509: malformed algorithm identifier");
  out->signature_algorithm = der::OidString(f[0].value);
  if (!der::Children(tbs_el, &tbs) || tbs.size() < 7) return fail("x509: malformed tbs certificate");
  size_t i = 0;
  if (tbs[0].tag == 0xA0) ++i;  // version
  if (tbs[i].tag != der::kInteger) return fail("x509: malformed serial number");
  const der::Element& issuer = tbs[i + 2];
  const der::Element& validity = tbs[i + 3];
  const der::Element& subject = tbs[i + 4];
  const der::Element& spki = tbs[i + 5];
  if (issuer.tag != der::kSequence || validity.tag != der::kSequence || subject.tag != der::kSequence ||
      spki.tag != der::kSequence) {
    return fail("x509: malformed tbs certificate");
  }
  out->issuer = issuer.raw;
  out->subject = subject.raw;
  std::vector<der::Element> key_parts, key_alg;
  if (!der::Children(spki, &key_parts) || key_parts.size() != 2 || key_parts[1].tag != der::kBitString ||
      !der::Children(key_parts[0], &key_alg) || key_alg.empty() || key_alg[0].tag != der::kOid) {
    return fail("x509: malformed subject public key info");
  }
  out->public_key_algorithm = der::OidString(key_alg[0].value);
  out->public_key_bits = key_parts[1].value.substr(1);
  // Subject CN.
  std::vector<der::Element> rdns;
  der::Children(subject, &rdns);
  for (const der::Element& rdn : rdns) {
    std::vector<der::Element> attrs, av;
    der::Children(rdn, &attrs);
    for (const der::Element& attr : attrs) {
      if (der::Children(attr, &av) && av.size() == 2 && der::OidString(av[0].value) == "2.5.4.3") {
        out->common_name = std::string(av[1].value);
      }
    }
  }
  // Extensions.
  for (size_t j = i + 6; j < tbs.size(); ++j) {
    if (tbs[j].tag != 0xA3) continue;
    der::Reader r(tbs[j].value);
    der::Element list;
    std::vector<der::Element> exts, ext;
    if (!r.Expect(der::kSequence, &list) || !der::Children(list, &exts)) return fail("x509: malformed extensions");
    for (const der::Element& e : exts) {
      if (!der::Children(e, &ext) || ext.size() < 2 || ext[0].tag != der::kOid) return fail("x509: malformed extension");
      const std::string oid = der::OidString(ext[0].value);
      const der::Element& value = ext.back();
      der::Reader inner(value.value);
      der::Element v;
      if (oid == "2.5.29.14" && inner.Expect(der::kOctetString, &v)) out->subject_key_id = std::string(v.value);
      if (oid == "2.5.29.19" && inner.Expect(der::kSequence, &v)) {
        std::vector<der::Element> bc;
        out->is_ca = der::Children(v, &bc) && !bc.empty() && bc[0].tag == der::kBoolean && bc[0].value == "\xff";
      }
    }
  }
  return true;
}

bool VerifyRsaSignature(const ParsedCertificate& cert, const BigInt& n, const BigInt& e) {
  return cert.signature_algorithm == kSha256WithRsa && RsaVerifySha256(n, e, cert.tbs, cert.signature);
}

namespace {

bool ParseIpv4(std::string_view s, std::string* out) {
  std::string bytes;
  size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (pos >= s.size() || s[pos] != '.') return false;
      ++pos;
    }
    const size_t start = pos;
    int v = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && pos - start < 4) v = v * 10 + (s[pos++] - '0');
    if (pos == start || pos - start > 3 || v > 255 || (pos - start > 1 && s[start] == '0')) return false;
    bytes.push_back(static_cast<char>(v));
  }
  if (pos != s.size()) return false;
  *out = bytes;
  return true;
}

bool ParseIpv6(std::string_view s, std::string* out) {
  std::vector<uint16_t> head, tail;
  bool compressed = false;
  std::string v4;
  size_t pos = 0;
  if (s.starts_with("::")) {
    compressed = true;
    pos = 2;
  }
  while (pos < s.size()) {
    const size_t end = std::min(s.find(':', pos), s.size());
    const std::string_view group = s.substr(pos, end - pos);
    if (group.find('.') != std::string_view::npos) {
      if (end != s.size() || !ParseIpv4(group, &v4)) return false;
      pos = end;
      break;
    }
    if (group.empty() || group.size() > 4) return false;
    uint16_t v = 0;
    for (char c : group) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
      v = static_cast<uint16_t>(v * 16 + (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10));
    }
    (compressed ? tail : head).push_back(v);
    pos = end;
    if (pos < s.size()) {
      ++pos;  // ':'
      if (pos < s.size() && s[pos] == ':') {
        if (compressed) return false;
        compressed = true;
        ++pos;
      } else if (pos == s.size()) {
        return false;
      }
    }
  }
  const size_t groups = head.size() + tail.size() + (v4.empty() ? 0 : 2);
  if (groups > 8 || (!compressed && groups != 8) || (compressed && groups == 8)) return false;
  std::string bytes;
  for (uint16_t g : head) bytes += {static_cast<char>(g >> 8), static_cast<char>(g & 0xFF)};
  bytes += std::string(2 * (8 - groups), '\0');
  for (uint16_t g : tail) bytes += {static_cast<char>(g >> 8), static_cast<char>(g & 0xFF)};
  bytes += v4;
  *out = bytes;
  return true;
}

}  // namespace

bool ParseIp(std::string_view text, std::string* bytes) {
  if (text.find(':') == std::string_view::npos) return ParseIpv4(text, bytes);
  if (!ParseIpv6(text, bytes)) return false;
  static const std::string kMapped("\0\0\0\0\0\0\0\0\0\0\xff\xff", 12);
  if (bytes->compare(0, 12, kMapped) == 0) *bytes = bytes->substr(12);
  return true;
}

}  // namespace kubeshift::tmpl
