// A small strict JSON parser for tests that check what vssemu writes for
// other tools (Chrome trace JSON, JSON lines): every syntax error is
// refused; only ASCII \u escapes are read. No GoogleTest here.
#ifndef VSSEMU_TESTS_SUPPORT_JSON_VALUE_H_
#define VSSEMU_TESTS_SUPPORT_JSON_VALUE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vssemu::test_support {

struct Json {
  enum Type { kNull, kBool, kNumber, kString, kArray, kObject } type = kNull;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  const Json* Find(std::string_view key) const {
    for (const auto& [k, v] : members) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  std::string Str(std::string_view key) const {
    const Json* v = Find(key);
    return v != nullptr && v->type == kString ? v->text : "<missing>";
  }
  double Num(std::string_view key) const {
    const Json* v = Find(key);
    return v != nullptr && v->type == kNumber ? v->number : -1;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  // Parses the whole text as one value; false on any syntax error.
  bool Parse(Json* out) {
    if (!Value(out)) return false;
    Space();
    return pos_ == text_.size();
  }
  std::string error() const {
    return "JSON error at offset " + std::to_string(pos_);
  }

 private:
  void Space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' ||
            text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool Eat(char c) {
    Space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool Word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (pos_ >= text_.size()) return false;
      char e = text_[pos_++];
      switch (e) {
        case '"': *out += '"'; break;
        case '\\': *out += '\\'; break;
        case '/': *out += '/'; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'n': *out += '\n'; break;
        case 'r': *out += '\r'; break;
        case 't': *out += '\t'; break;
        case 'u': {
          if (pos_ + 4 > text_.size()) return false;
          unsigned value = 0;
          for (int i = 0; i < 4; ++i) {
            char h = text_[pos_++];
            value *= 16;
            if (h >= '0' && h <= '9') value += static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') value += static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') value += static_cast<unsigned>(h - 'A' + 10);
            else return false;
          }
          if (value >= 0x80) return false;  // Only ASCII escapes are expected.
          *out += static_cast<char>(value);
          break;
        }
        default: return false;
      }
    }
    return false;
  }
  bool Number(double* out) {
    const size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    const size_t digits = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    if (pos_ == digits) return false;
    if (text_[digits] == '0' && pos_ - digits > 1) return false;
    *out = std::stod(std::string(text_.substr(start, pos_ - start)));
    return true;
  }
  bool Value(Json* out) {
    Space();
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      out->type = Json::kObject;
      if (Eat('}')) return true;
      do {
        std::string key;
        Json value;
        if (!String(&key) || !Eat(':') || !Value(&value)) return false;
        out->members.emplace_back(std::move(key), std::move(value));
      } while (Eat(','));
      return Eat('}');
    }
    if (c == '[') {
      ++pos_;
      out->type = Json::kArray;
      if (Eat(']')) return true;
      do {
        Json value;
        if (!Value(&value)) return false;
        out->items.push_back(std::move(value));
      } while (Eat(','));
      return Eat(']');
    }
    if (c == '"') {
      out->type = Json::kString;
      return String(&out->text);
    }
    if (Word("true") || Word("false")) {
      out->type = Json::kBool;
      out->boolean = text_[pos_ - 1] == 'e' && text_[pos_ - 2] == 'u';
      return true;
    }
    if (Word("null")) return true;
    out->type = Json::kNumber;
    return Number(&out->number);
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace vssemu::test_support

#endif  // VSSEMU_TESTS_SUPPORT_JSON_VALUE_H_
