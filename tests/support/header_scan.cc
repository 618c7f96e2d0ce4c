// The header scanner: a comment stripper, a small constant-expression
// evaluator and regular-expression readers, one per declaration form.
#include "support/header_scan.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string_view>

#include "com/guid_format.h"

namespace vssemu::test_support {
namespace {

// Returns text without comments and with backslash-newline continuations
// joined; string literals are kept as they are.
std::string StripComments(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '"') {
      const size_t end = text.find('"', i + 1);
      const size_t stop = end == std::string_view::npos ? text.size() : end + 1;
      out.append(text.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '/' && next == '*') {
      const size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
      out += ' ';
    } else if (c == '/' && next == '/') {
      const size_t end = text.find('\n', i);
      i = (end == std::string_view::npos ? text.size() : end) - 1;
    } else if (c == '\\' && (next == '\n' || next == '\r')) {
      i += next == '\r' && i + 2 < text.size() && text[i + 2] == '\n' ? 2 : 1;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Evaluates the integer constant expressions that enumerators use: decimal,
// hex and octal literals with optional u/l suffixes, names of earlier
// enumerators, parentheses, casts to 32-bit types, unary - ~ and binary
// | ^ & << >> + - with C precedence (precedence climbing).
class ConstExpr {
 public:
  ConstExpr(std::string_view text, const std::map<std::string, int64_t>& names)
      : names_(names) {
    static const std::regex kToken(R"(\s*(\w+|<<|>>|[()|^&+\-~]|\S))");
    const std::string input(text);
    for (std::sregex_iterator it(input.begin(), input.end(), kToken), end;
         it != end; ++it) {
      tokens_.push_back((*it)[1]);
    }
  }

  // Returns the value, or nullopt with error() saying why.
  std::optional<int64_t> Evaluate() {
    int64_t value = Binary(1);
    if (error_.empty() && pos_ != tokens_.size()) {
      Fail("unexpected '" + tokens_[pos_] + "'");
    }
    return error_.empty() ? std::optional<int64_t>(value) : std::nullopt;
  }

  const std::string& error() const { return error_; }

 private:
  // Returns the binding strength of a binary operator, 0 for anything else.
  static int Precedence(const std::string& op) {
    static const std::map<std::string, int> kPrecedence = {
        {"|", 1}, {"^", 2}, {"&", 3}, {"<<", 4}, {">>", 4}, {"+", 5}, {"-", 5}};
    auto it = kPrecedence.find(op);
    return it == kPrecedence.end() ? 0 : it->second;
  }

  // Parses operators that bind at least as strongly as min_precedence.
  int64_t Binary(int min_precedence) {
    int64_t lhs = Unary();
    while (error_.empty() && pos_ < tokens_.size()) {
      const std::string op = tokens_[pos_];
      const int precedence = Precedence(op);
      if (precedence == 0 || precedence < min_precedence) break;
      ++pos_;
      const int64_t rhs = Binary(precedence + 1);
      if (op == "|") lhs |= rhs;
      if (op == "^") lhs ^= rhs;
      if (op == "&") lhs &= rhs;
      if (op == "<<")
        lhs = static_cast<int64_t>(static_cast<uint64_t>(lhs) << (rhs & 63));
      if (op == ">>") lhs >>= (rhs & 63);
      if (op == "+") lhs += rhs;
      if (op == "-") lhs -= rhs;
    }
    return lhs;
  }

  int64_t Unary() {
    if (Accept("-")) return -Unary();
    if (Accept("~")) return ~Unary();
    if (Accept("+")) return Unary();
    if (Accept("(")) {
      if (pos_ + 1 < tokens_.size() && tokens_[pos_ + 1] == ")") {
        // A cast such as (int)0xFFFFFFFF, as our headers write: 32 bits.
        const std::string type = tokens_[pos_];
        pos_ += 2;
        const int64_t value = Unary();
        if (type == "int" || type == "INT" || type == "LONG") {
          return static_cast<int32_t>(static_cast<uint32_t>(value));
        }
        if (type == "unsigned" || type == "UINT" || type == "DWORD") {
          return static_cast<uint32_t>(value);
        }
        return Fail("unsupported cast to '" + type + "'");
      }
      const int64_t value = Binary(1);
      if (!Accept(")")) Fail("missing ')'");
      return value;
    }
    if (pos_ >= tokens_.size()) return Fail("expression ends early");
    const std::string& token = tokens_[pos_++];
    if (std::isdigit(static_cast<unsigned char>(token[0]))) {
      size_t used = 0;
      uint64_t value = 0;
      try {
        value = std::stoull(token, &used, 0);  // Base 0: 0x hex, 0 octal.
      } catch (const std::exception&) {
        return Fail("bad number '" + token + "'");
      }
      if (token.find_first_not_of("uUlL", used) != std::string::npos) {
        return Fail("bad number '" + token + "'");
      }
      return static_cast<int64_t>(value);
    }
    auto it = names_.find(token);
    if (it == names_.end()) return Fail("unknown name '" + token + "'");
    return it->second;
  }

  bool Accept(std::string_view token) {
    if (pos_ < tokens_.size() && tokens_[pos_] == token) {
      ++pos_;
      return true;
    }
    return false;
  }

  // Records the first error; returns a placeholder value.
  int64_t Fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    pos_ = tokens_.size();
    return 0;
  }

  const std::map<std::string, int64_t>& names_;
  std::vector<std::string> tokens_;
  size_t pos_ = 0;
  std::string error_;
};

// Adds the VSS HRESULT macros of text (comments already stripped).
void ParseHresults(const std::string& text, Declarations& out) {
  static const std::regex kDefine(
      R"(#[ \t]*define[ \t]+(VSS_[ES]_\w+)[ \t]+(.*))");
  static const std::regex kValue(
      R"(^\(\(HRESULT\)[ \t]*(0[xX][0-9A-Fa-f]+)[uUlL]*\)[ \t\r]*$)");
  for (std::sregex_iterator it(text.begin(), text.end(), kDefine), end;
       it != end; ++it) {
    const std::string name = (*it)[1];
    const std::string body = (*it)[2];
    std::smatch value;
    if (!std::regex_match(body, value, kValue)) {
      out.errors.push_back("cannot read HRESULT " + name + " = " + body);
      continue;
    }
    out.hresults[name] =
        static_cast<uint32_t>(std::stoull(value[1].str(), nullptr, 16));
  }
}

// Adds the enumerators of every `typedef enum [tag] { ... }` in text
// (comments already stripped). Earlier enumerators, of this or an earlier
// enum, may appear in later values.
void ParseEnums(const std::string& text, std::map<std::string, int64_t>& known,
                Declarations& out) {
  // An optional fixed underlying type (": int", as in our headers) is allowed.
  static const std::regex kEnum(
      R"(typedef\s+enum\s*\w*\s*(?::\s*\w+\s*)?\{([^}]*)\})");
  static const std::regex kPreprocessorLine(R"((^|\n)[ \t]*#[^\n]*)");
  static const std::regex kItem(R"(^\s*(\w+)\s*(?:=([\s\S]*))?$)");
  for (std::sregex_iterator it(text.begin(), text.end(), kEnum), end; it != end;
       ++it) {
    const std::string body =
        std::regex_replace((*it)[1].str(), kPreprocessorLine, "$1");
    int64_t next = 0;
    std::stringstream items(body);
    for (std::string item; std::getline(items, item, ',');) {
      if (item.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      std::smatch parts;
      if (!std::regex_match(item, parts, kItem)) {
        out.errors.push_back("cannot read enumerator '" + item + "'");
        continue;
      }
      const std::string name = parts[1];
      int64_t value = next;
      if (parts[2].matched) {
        ConstExpr expr(parts[2].str(), known);
        std::optional<int64_t> v = expr.Evaluate();
        if (!v) {
          out.errors.push_back(name + ": " + expr.error());
          continue;
        }
        value = *v;
      }
      known[name] = value;
      out.enumerators[name] = static_cast<uint32_t>(value);
      next = value + 1;
    }
  }
}

// Adds the IID and the virtual methods of every MIDL_INTERFACE("...") Name
// in text. The body, when there is one, runs from the '{' after the name to
// the first '}': interface bodies hold pure virtual declarations only. It is
// found by hand: std::regex recurses once per character a pattern spans, and
// a whole body overflows a 1 MB Windows stack.
void ParseInterfaces(const std::string& text, Declarations& out) {
  static const std::regex kInterface(
      R"xx(MIDL_INTERFACE\s*\(\s*"([^"]*)"\s*\)\s*(\w+))xx");
  static const std::regex kMethod(
      R"(virtual\s+\w+\s+STDMETHODCALLTYPE\s+(\w+)\s*\()");
  for (std::sregex_iterator it(text.begin(), text.end(), kInterface), end;
       it != end; ++it) {
    const std::string name = (*it)[2];
    std::optional<GUID> iid = vssemu::com::ParseGuid((*it)[1].str());
    if (!iid) {
      out.errors.push_back("bad IID for " + name + ": " + (*it)[1].str());
    } else if (*iid != GUID_NULL) {
      out.iids[name] = *iid;
    }
    // A declaration without a body ends at ';' or runs into the next
    // MIDL_INTERFACE("...").
    const size_t after = static_cast<size_t>(it->position() + it->length());
    const size_t open = text.find_first_of("{;\"", after);
    if (open == std::string::npos || text[open] != '{') continue;
    const size_t close = text.find('}', open);
    if (close == std::string::npos) {
      out.errors.push_back("unterminated body of " + name);
      continue;
    }
    const std::string body = text.substr(open + 1, close - open - 1);
    std::vector<std::string>& methods = out.methods[name];
    for (std::sregex_iterator m(body.begin(), body.end(), kMethod);
         m != std::sregex_iterator(); ++m) {
      methods.push_back((*m)[1]);
    }
  }
}

// Adds every DEFINE_GUID(Name, l, w1, w2, b1, ..., b8) in text.
void ParseDefineGuids(const std::string& text, Declarations& out) {
  static const std::regex kDefine(R"(DEFINE_GUID\s*\(\s*(\w+)\s*,([^)]*)\))");
  static const std::regex kNumber(R"(0[xX][0-9A-Fa-f]+|\d+)");
  for (std::sregex_iterator it(text.begin(), text.end(), kDefine), end;
       it != end; ++it) {
    const std::string name = (*it)[1];
    const std::string args = (*it)[2];
    std::vector<uint64_t> parts;
    for (std::sregex_iterator n(args.begin(), args.end(), kNumber);
         n != std::sregex_iterator(); ++n) {
      parts.push_back(std::stoull(n->str(), nullptr, 0));
    }
    if (parts.size() != 11) {
      out.errors.push_back("cannot read DEFINE_GUID " + name + ":" + args);
      continue;
    }
    GUID guid = {static_cast<uint32_t>(parts[0]),
                 static_cast<uint16_t>(parts[1]),
                 static_cast<uint16_t>(parts[2]),
                 {}};
    for (int i = 0; i < 8; ++i) {
      guid.Data4[i] = static_cast<unsigned char>(parts[3 + i]);
    }
    out.guids[name] = guid;
  }
}

}  // namespace

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path SourceDir() {
  if (const char* dir = std::getenv("VSSEMU_SOURCE_DIR")) return dir;
  return std::filesystem::path(__FILE__)
      .parent_path()
      .parent_path()
      .parent_path();
}

Declarations ParseHeaders(const std::vector<std::string>& texts) {
  Declarations out;
  std::map<std::string, int64_t> known;
  for (const std::string& raw : texts) {
    const std::string text = StripComments(raw);
    ParseHresults(text, out);
    ParseEnums(text, known, out);
    ParseInterfaces(text, out);
    ParseDefineGuids(text, out);
  }
  return out;
}

Declarations ParseHeaderFiles(const std::filesystem::path& dir,
                              const std::vector<std::string>& names) {
  std::vector<std::string> texts;
  for (const std::string& name : names) texts.push_back(ReadFile(dir / name));
  return ParseHeaders(texts);
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

}  // namespace vssemu::test_support
