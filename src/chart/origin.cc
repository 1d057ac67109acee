// The source map of a rendered chart: which template (and which helper) wrote a byte.
#include "kubeshift/chart.h"

namespace kubeshift::chart {

bool OriginOf(const RenderedChart& chart, const RenderedFile& file, size_t offset, ByteOrigin* out) {
  const tmpl::OutputSpan* span = file.result.SpanAt(offset);
  if (!span || !span->source) return false;
  auto path = [&chart](const std::string& name) {
    auto it = chart.template_paths.find(name);
    return it == chart.template_paths.end() ? name : it->second;
  };
  ByteOrigin origin;
  origin.literal = span->literal && !span->call;
  origin.helper_file = span->source->from_tpl ? "tpl" : path(span->source->name);
  origin.helper_text = span->source->text;
  origin.helper_offset = span->literal ? span->offset + (offset - span->begin) : span->offset;
  std::shared_ptr<const tmpl::TemplateSource> source = span->source;
  size_t at = origin.helper_offset;
  for (auto frame = span->call; frame; frame = frame->parent) {
    if (!frame->source) continue;
    source = frame->source;
    at = frame->offset;
    origin.helper = frame->callee;
  }
  origin.file = path(source->name);
  origin.text = source->text;
  origin.offset = at;
  *out = std::move(origin);
  return true;
}

}  // namespace kubeshift::chart
