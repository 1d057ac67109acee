// Go's String() forms of parse nodes: they appear in error messages ("at <.Values.x>").
#include "helm/parse_tree.h"

namespace kubeshift::tmpl {

std::string Node::String() const {
  std::string out;
  Write(&out);
  return out;
}

void ListNode::Write(std::string* out) const {
  for (const NodePtr& node : nodes) node->Write(out);
}

void TextNode::Write(std::string* out) const { out->append(text); }

void VariableNode::Write(std::string* out) const {
  for (size_t i = 0; i < ident.size(); ++i) {
    if (i > 0) out->push_back('.');
    *out += ident[i];
  }
}

void CommandNode::Write(std::string* out) const {
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out->push_back(' ');
    if (args[i]->type == NodeType::kPipe) {
      out->push_back('(');
      args[i]->Write(out);
      out->push_back(')');
    } else {
      args[i]->Write(out);
    }
  }
}

void PipeNode::Write(std::string* out) const {
  if (!decl.empty()) {
    for (size_t i = 0; i < decl.size(); ++i) {
      if (i > 0) *out += ", ";
      decl[i]->Write(out);
    }
    *out += is_assign ? " = " : " := ";
  }
  for (size_t i = 0; i < cmds.size(); ++i) {
    if (i > 0) *out += " | ";
    cmds[i]->Write(out);
  }
}

void ActionNode::Write(std::string* out) const {
  *out += "{{";
  pipe->Write(out);
  *out += "}}";
}

void IdentifierNode::Write(std::string* out) const { *out += ident; }

void FieldNode::Write(std::string* out) const {
  for (const std::string& name : ident) {
    out->push_back('.');
    *out += name;
  }
}

void ChainNode::Write(std::string* out) const {
  if (node->type == NodeType::kPipe) {
    out->push_back('(');
    node->Write(out);
    out->push_back(')');
  } else {
    node->Write(out);
  }
  for (const std::string& name : field) {
    out->push_back('.');
    *out += name;
  }
}

void SimpleNode::Write(std::string* out) const {
  switch (type) {
    case NodeType::kDot: *out += "."; break;
    case NodeType::kNil: *out += "nil"; break;
    case NodeType::kBreak: *out += "{{break}}"; break;
    case NodeType::kContinue: *out += "{{continue}}"; break;
    case NodeType::kEnd: *out += "{{end}}"; break;
    case NodeType::kElse: *out += "{{else}}"; break;
    default: break;
  }
}

void BoolNode::Write(std::string* out) const { *out += value ? "true" : "false"; }
void NumberNode::Write(std::string* out) const { *out += text; }
void StringNode::Write(std::string* out) const { *out += quoted; }

void BranchNode::Write(std::string* out) const {
  const char* name = type == NodeType::kIf ? "if" : type == NodeType::kRange ? "range" : "with";
  *out += "{{";
  *out += name;
  out->push_back(' ');
  pipe->Write(out);
  *out += "}}";
  list->Write(out);
  if (else_list) {
    *out += "{{else}}";
    else_list->Write(out);
  }
  *out += "{{end}}";
}

void TemplateNode::Write(std::string* out) const {
  *out += "{{template \"" + name + "\"";
  if (pipe) {
    out->push_back(' ');
    pipe->Write(out);
  }
  *out += "}}";
}

void Tree::Locate(size_t pos, int* line, int* column) const {
  const std::string_view text = std::string_view(source->text).substr(0, pos);
  const size_t last = text.rfind('\n');
  *column = static_cast<int>(last == std::string_view::npos ? pos : pos - (last + 1));
  *line = 1;
  for (char c : text) *line += c == '\n';
}

bool IsEmptyTree(const Node* node) {
  if (!node) return true;
  switch (node->type) {
    case NodeType::kList:
      for (const NodePtr& child : static_cast<const ListNode*>(node)->nodes) {
        if (!IsEmptyTree(child.get())) return false;
      }
      return true;
    case NodeType::kText: {
      std::string_view text = static_cast<const TextNode*>(node)->text;
      return text.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos;
    }
    default: return false;
  }
}

}  // namespace kubeshift::tmpl
