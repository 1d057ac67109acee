// DER per X.690: definite lengths in the fewest bytes, minimal two's-complement integers.
#include "helm/der.h"

#include "helm/go_time.h"

namespace kubeshift::tmpl::der {

std::string Tlv(uint8_t tag, std::string_view value) {
  std::string out(1, static_cast<char>(tag));
  const size_t n = value.size();
  if (n < 0x80) {
    out.push_back(static_cast<char>(n));
  } else {
    std::string len;
    for (size_t v = n; v; v >>= 8) len.insert(len.begin(), static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>(0x80 | len.size()));
    out += len;
  }
  out += value;
  return out;
}

std::string Sequence(std::initializer_list<std::string_view> items) {
  std::string body;
  for (std::string_view item : items) body += item;
  return Tlv(kSequence, body);
}

std::string Integer(const BigInt& v) {
  std::string bytes = v.ToBytes();
  if (bytes.empty() || (static_cast<uint8_t>(bytes[0]) & 0x80)) bytes.insert(bytes.begin(), '\0');
  return Tlv(kInteger, bytes);
}

std::string Integer(int64_t v) {
  std::string bytes;
  for (int shift = 56; shift >= 0; shift -= 8) bytes.push_back(static_cast<char>(v >> shift));
  size_t skip = 0;  // drop redundant sign bytes
  while (skip + 1 < bytes.size() &&
         ((bytes[skip] == 0 && !(static_cast<uint8_t>(bytes[skip + 1]) & 0x80)) ||
          (static_cast<uint8_t>(bytes[skip]) == 0xFF && (static_cast<uint8_t>(bytes[skip + 1]) & 0x80)))) {
    ++skip;
  }
  return Tlv(kInteger, bytes.substr(skip));
}

std::string Oid(std::string_view dotted) {
  std::vector<uint64_t> arcs;
  uint64_t cur = 0;
  for (char c : dotted) {
    if (c == '.') {
      arcs.push_back(cur);
      cur = 0;
    } else {
      cur = cur * 10 + static_cast<uint64_t>(c - '0');
    }
  }
  arcs.push_back(cur);
  std::string body;
  auto base128 = [&body](uint64_t v) {
    std::string chunk(1, static_cast<char>(v & 0x7F));
    for (v >>= 7; v; v >>= 7) chunk.insert(chunk.begin(), static_cast<char>(0x80 | (v & 0x7F)));
    body += chunk;
  };
  base128(arcs[0] * 40 + arcs[1]);
  for (size_t i = 2; i < arcs.size(); ++i) base128(arcs[i]);
  return Tlv(kOid, body);
}

std::string BitString(std::string_view bytes, int unused_bits) {
  return Tlv(kBitString, std::string(1, static_cast<char>(unused_bits)) + std::string(bytes));
}

std::string Explicit(int n, std::string_view inner) { return Tlv(static_cast<uint8_t>(0xA0 | n), inner); }
std::string Implicit(int n, std::string_view bytes) { return Tlv(static_cast<uint8_t>(0x80 | n), bytes); }

std::string Time(int64_t unix_seconds) {
  const GoTime t{unix_seconds, 0, 0, "UTC"};
  const int year = std::stoi(FormatTime(t, "2006"));
  if (year >= 1950 && year < 2050) return Tlv(kUtcTime, FormatTime(t, "060102150405") + "Z");
  return Tlv(kGeneralizedTime, FormatTime(t, "20060102150405") + "Z");
}

bool Reader::Next(Element* out) {
  if (pos_ + 2 > data_.size()) return false;
  const size_t start = pos_;
  out->tag = static_cast<uint8_t>(data_[pos_++]);
  if ((out->tag & 0x1F) == 0x1F) return false;  // high tag numbers: not used here
  size_t len = static_cast<uint8_t>(data_[pos_++]);
  if (len & 0x80) {
    const size_t n = len & 0x7F;
    if (n == 0 || n > 4 || pos_ + n > data_.size()) return false;
    len = 0;
    for (size_t i = 0; i < n; ++i) len = (len << 8) | static_cast<uint8_t>(data_[pos_++]);
  }
  if (len > data_.size() - pos_) return false;
  out->value = data_.substr(pos_, len);
  pos_ += len;
  out->raw = data_.substr(start, pos_ - start);
  return true;
}

bool Reader::Expect(uint8_t tag, Element* out) { return Next(out) && out->tag == tag; }

bool Children(const Element& e, std::vector<Element>* out) {
  out->clear();
  Reader r(e.value);
  while (!r.AtEnd()) {
    Element child;
    if (!r.Next(&child)) return false;
    out->push_back(child);
  }
  return true;
}

std::string OidString(std::string_view value) {
  std::string out;
  uint64_t cur = 0;
  bool first = true;
  for (unsigned char c : value) {
    cur = (cur << 7) | (c & 0x7F);
    if (c & 0x80) continue;
    if (first) {
      const uint64_t top = cur < 80 ? cur / 40 : 2;
      out = std::to_string(top) + "." + std::to_string(cur - 40 * top);
      first = false;
    } else {
      out += "." + std::to_string(cur);
    }
    cur = 0;
  }
  return out;
}

}  // namespace kubeshift::tmpl::der
