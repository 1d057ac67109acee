// The source map: spans are appended in output order and merged when they continue each
// other, so a template's text node stays one span however it is split by actions' output.
#include "helm/output.h"

#include <algorithm>

namespace kubeshift::tmpl {

void Output::AddSpan(size_t length, const std::shared_ptr<const TemplateSource>& source, size_t offset, bool literal,
                     const std::shared_ptr<const CallFrame>& call) {
  if (length == 0) return;
  const size_t begin = result_.text.size() - length;
  if (!result_.spans.empty()) {
    OutputSpan& last = result_.spans.back();
    const bool continues = last.begin + last.length == begin && last.literal == literal && last.source == source &&
                           last.call == call && (literal ? last.offset + last.length == offset : last.offset == offset);
    if (continues) {
      last.length += length;
      return;
    }
  }
  result_.spans.push_back(OutputSpan{begin, length, source, offset, literal, call});
}

void Output::AppendLiteral(std::string_view text, const Origin& origin) {
  result_.text.append(text);
  AddSpan(text.size(), origin.source, origin.offset, true, origin.call);
}

void Output::AppendGenerated(std::string_view text, const Origin& origin) {
  result_.text.append(text);
  AddSpan(text.size(), origin.source, origin.offset, false, origin.call);
}

void Output::AppendTracked(const TrackedText& text, const Origin& action) {
  size_t at = 0;
  for (const OutputSpan& span : text.spans) {
    if (span.begin > at) AppendGenerated(std::string_view(text.text).substr(at, span.begin - at), action);
    result_.text.append(text.text, span.begin, span.length);
    if (span.source) {
      AddSpan(span.length, span.source, span.offset, span.literal, span.call);
    } else {
      AddSpan(span.length, action.source, action.offset, false, action.call);
    }
    at = span.begin + span.length;
  }
  if (at < text.text.size()) AppendGenerated(std::string_view(text.text).substr(at), action);
}

Value Output::ToValue() && {
  auto tracked = std::make_shared<TrackedText>();
  tracked->text = std::move(result_.text);
  tracked->spans = std::move(result_.spans);
  return Value::Tracked(std::move(tracked));
}

void TrackedBuilder::AppendFrom(const Value& from, size_t begin, size_t length) {
  const std::string& text = from.AsString();
  length = std::min(length, text.size() - std::min(begin, text.size()));
  const size_t at = text_.size();
  text_.append(text, begin, length);
  const TrackedText* tracked = from.tracked();
  if (!tracked) return;
  const size_t end = begin + length;
  for (const OutputSpan& span : tracked->spans) {
    const size_t from_begin = std::max(span.begin, begin);
    const size_t from_end = std::min(span.begin + span.length, end);
    if (from_begin >= from_end) continue;
    OutputSpan piece = span;
    piece.begin = at + (from_begin - begin);
    piece.length = from_end - from_begin;
    if (span.literal) piece.offset = span.offset + (from_begin - span.begin);
    spans_.push_back(std::move(piece));
  }
}

Value TrackedBuilder::Build() && {
  if (spans_.empty()) return Value::String(std::move(text_));
  auto tracked = std::make_shared<TrackedText>();
  tracked->text = std::move(text_);
  tracked->spans = std::move(spans_);
  return Value::Tracked(std::move(tracked));
}

const OutputSpan* RenderResult::SpanAt(size_t offset) const {
  auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                             [](size_t value, const OutputSpan& span) { return value < span.begin; });
  if (it == spans.begin()) return nullptr;
  --it;
  return offset < it->begin + it->length ? &*it : nullptr;
}

void RemoveNoValue(RenderResult* result) {
  static constexpr std::string_view kNoValue = "<no value>";
  if (result->text.find(kNoValue) == std::string::npos) return;
  std::string text;
  std::vector<OutputSpan> spans;
  text.reserve(result->text.size());
  // Walk the text and the spans together, dropping each occurrence's bytes from its spans.
  size_t span_index = 0;
  auto keep = [&](size_t begin, size_t end) {
    while (begin < end) {
      while (span_index < result->spans.size() &&
             result->spans[span_index].begin + result->spans[span_index].length <= begin) {
        ++span_index;
      }
      if (span_index >= result->spans.size()) break;
      const OutputSpan& span = result->spans[span_index];
      const size_t piece_end = std::min(end, span.begin + span.length);
      OutputSpan piece = span;
      piece.begin = text.size();
      piece.length = piece_end - begin;
      if (span.literal) piece.offset = span.offset + (begin - span.begin);
      text.append(result->text, begin, piece_end - begin);
      if (!spans.empty() && spans.back().begin + spans.back().length == piece.begin &&
          spans.back().source == piece.source && spans.back().call == piece.call &&
          spans.back().literal == piece.literal &&
          (piece.literal ? spans.back().offset + spans.back().length == piece.offset
                         : spans.back().offset == piece.offset)) {
        spans.back().length += piece.length;
      } else {
        spans.push_back(std::move(piece));
      }
      begin = piece_end;
    }
  };
  size_t at = 0;
  for (size_t hit = result->text.find(kNoValue); hit != std::string::npos; hit = result->text.find(kNoValue, at)) {
    keep(at, hit);
    at = hit + kNoValue.size();
  }
  keep(at, result->text.size());
  result->text = std::move(text);
  result->spans = std::move(spans);
}

}  // namespace kubeshift::tmpl
