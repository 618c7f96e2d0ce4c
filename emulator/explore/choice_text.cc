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
  size_t zeros = 0;
  auto add = [&text](const std::string& token) {
    if (!text.empty()) text += ',';
    text += token;
  };
  auto flush_zeros = [&] {
    if (zeros == 1) add("0");
    if (zeros > 1) add("0*" + std::to_string(zeros));
    zeros = 0;
  };
  for (size_t i = 0; i < last; ++i) {
    if (log[i].options <= 1) continue;
    if (log[i].chosen == 0) {
      ++zeros;
      continue;
    }
    flush_zeros();
    add(std::to_string(log[i].chosen) + "/" + std::to_string(log[i].options));
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
    auto bad = [&](const char* expected) {
      *error = "choice " + std::to_string(index) + " \"" + std::string(token) +
               "\": expected " + expected;
      return std::nullopt;
    };
    sim::Choice choice;
    if (token == "0" || token.substr(0, 2) == "0*") {
      // Default picks, valid whatever the option count.
      size_t count = 1;
      if (token.size() > 1 && (!ParseNumber(token.substr(2), &count) || count == 0)) {
        return bad("0*COUNT with COUNT >= 1");
      }
      choice.options = sim::Choice::kAnyOptions;
      log.insert(log.end(), count, choice);
      continue;
    }
    size_t slash = token.find('/');
    if (slash == std::string_view::npos ||
        !ParseNumber(token.substr(0, slash), &choice.chosen) ||
        !ParseNumber(token.substr(slash + 1), &choice.options) ||
        choice.options < 2 || choice.chosen >= choice.options) {
      return bad("PICK/OPTIONS with 0 <= PICK < OPTIONS and OPTIONS >= 2, "
                 "0, or 0*COUNT");
    }
    log.push_back(choice);
  }
  return log;
}

std::unique_ptr<sim::ChoiceSource> ReplaySource(uint64_t seed, std::string_view choices,
                                                std::string* error) {
  if (choices.empty()) return std::make_unique<sim::SeededChoices>(seed);
  std::optional<std::vector<sim::Choice>> log = ChoicesFromText(choices, error);
  if (!log) return nullptr;
  return std::make_unique<sim::ReplayChoices>(std::move(*log));
}

}  // namespace vssemu::explore
