// kubeshift — the RapidJSON writer shared by the JSON and SARIF reporters.
#ifndef KUBESHIFT_REPORT_JSON_WRITER_H_
#define KUBESHIFT_REPORT_JSON_WRITER_H_

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <ostream>
#include <string>
#include <string_view>

#include "report/reporters.h"

namespace kubeshift {

/// Two-space indented JSON, UTF-8 in and out (non-ASCII is written as is, not as \u escapes).
class JsonWriter {
 public:
  JsonWriter() : writer_(buffer_) { writer_.SetIndent(' ', 2); }

  rapidjson::PrettyWriter<rapidjson::StringBuffer>& operator*() { return writer_; }
  rapidjson::PrettyWriter<rapidjson::StringBuffer>* operator->() { return &writer_; }

  void Key(std::string_view key) {
    std::string valid = ToValidUtf8(key);
    writer_.Key(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  }
  /// RapidJSON copies bytes verbatim, so invalid UTF-8 is replaced first.
  void String(std::string_view text) {
    std::string valid = ToValidUtf8(text);
    writer_.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  }
  void StringOrNull(std::string_view text) {
    if (text.empty()) {
      writer_.Null();
    } else {
      String(text);
    }
  }
  void Member(std::string_view key, std::string_view text) {
    Key(key);
    String(text);
  }
  void Member(std::string_view key, int number) {
    Key(key);
    writer_.Int(number);
  }
  /// Writes the finished document and a final newline.
  void Flush(std::ostream& out) { out << buffer_.GetString() << '\n'; }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
};

}  // namespace kubeshift

#endif  // KUBESHIFT_REPORT_JSON_WRITER_H_
