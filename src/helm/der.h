// ASN.1 DER: the writer the key and certificate encoders use, and a reader for what they (and
// Sprig's own output) contain: SEQUENCE/SET nesting, INTEGER, OID, strings, context tags.
#ifndef KUBESHIFT_HELM_DER_H_
#define KUBESHIFT_HELM_DER_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "helm/bigint.h"

namespace kubeshift::tmpl::der {

constexpr uint8_t kBoolean = 0x01, kInteger = 0x02, kBitString = 0x03, kOctetString = 0x04, kNull = 0x05,
                  kOid = 0x06, kUtf8String = 0x0c, kPrintableString = 0x13, kIa5String = 0x16, kUtcTime = 0x17,
                  kGeneralizedTime = 0x18, kSequence = 0x30, kSet = 0x31;

/// Tag, length, value.
std::string Tlv(uint8_t tag, std::string_view value);
std::string Sequence(std::initializer_list<std::string_view> items);
std::string Integer(const BigInt& v);
std::string Integer(int64_t v);
/// "1.2.840.113549.1.1.11" as an OBJECT IDENTIFIER.
std::string Oid(std::string_view dotted);
std::string BitString(std::string_view bytes, int unused_bits = 0);
/// [n] EXPLICIT (constructed) and [n] IMPLICIT (primitive) context tags.
std::string Explicit(int n, std::string_view inner);
std::string Implicit(int n, std::string_view bytes);
/// UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5), from Unix seconds.
std::string Time(int64_t unix_seconds);

/// One parsed element; \a value and \a raw point into the parsed buffer.
struct Element {
  uint8_t tag = 0;
  std::string_view value;
  std::string_view raw;  ///< the whole TLV
};

/// Reads elements one after another from a buffer.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool AtEnd() const { return pos_ >= data_.size(); }
  /// The next element; false on malformed DER (or at the end).
  bool Next(Element* out);
  /// The next element, which must have \a tag.
  bool Expect(uint8_t tag, Element* out);

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

/// The children of a constructed element.
bool Children(const Element& e, std::vector<Element>* out);
/// The dotted form of an OBJECT IDENTIFIER's value.
std::string OidString(std::string_view value);

}  // namespace kubeshift::tmpl::der

#endif  // KUBESHIFT_HELM_DER_H_
