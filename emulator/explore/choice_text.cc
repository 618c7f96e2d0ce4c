#include "explore/choice_text.h"

#include <charconv>

namespace vssemu::explore {
namespace {

bool ParseNumber(std::string_view text, size_t* value) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string ChoicesToText(const std::vector<sim::Choice>& log) {
  size_t last = 0;  // One past the last non-default pick.
  for (size_t i = 0; i < log.size(); ++i) {
    if (log[i].options > 1 && log[i].chosen != 0) last = i + 1;
  }
  std::string text;
  for (size_t i = 0; i < last; ++i) {
    if (log[i].options <= 1) continue;
    if (!text.empty()) text += ',';
    text += std::to_string(log[i].chosen) + "/" + std::to_string(log[i].options);
  }
  return text;
}

std::optional<std::vector<sim::Choice>> ChoicesFromText(std::string_view text,
                                                        std::string* error) {
  std::vector<sim::Choice> log;
  size_t index = 0;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view token = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view()
                                           : text.substr(comma + 1);
    ++index;
    size_t slash = token.find('/');
    sim::Choice choice;
    if (slash == std::string_view::npos ||
        !ParseNumber(token.substr(0, slash), &choice.chosen) ||
        !ParseNumber(token.substr(slash + 1), &choice.options) ||
        choice.options < 2 || choice.chosen >= choice.options) {
      *error = "choice " + std::to_string(index) + " \"" + std::string(token) +
               "\": expected PICK/OPTIONS with 0 <= PICK < OPTIONS and "
               "OPTIONS >= 2";
      return std::nullopt;
    }
    log.push_back(choice);
  }
  return log;
}

}  // namespace vssemu::explore
