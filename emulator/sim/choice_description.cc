#include "sim/choice_description.h"

#include <cerrno>
#include <cstdlib>
#include <vector>

namespace vssemu::sim {
namespace {

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos
                                              ? std::string_view::npos
                                              : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

bool Number(const std::string& text, size_t* value) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return false;
  errno = 0;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(text.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return false;
  *value = static_cast<size_t>(n);
  return true;
}

std::string Entry(std::initializer_list<std::string> fields) {
  std::string text;
  bool first = true;
  for (const std::string& f : fields) {
    if (!first) text += '/';
    text += f;
    first = false;
  }
  return text;
}

std::string Join(const std::vector<std::string>& entries) {
  std::string text;
  for (const std::string& e : entries) {
    if (!text.empty()) text += ';';
    text += e;
  }
  return text;
}

}  // namespace

std::string DefaultChoices::Describe() const { return "default"; }

std::string SeededChoices::Describe() const {
  // The generator's state is its seed only before the first pick.
  return log().empty() ? "seeded:" + std::to_string(seed_) : "";
}

std::string ReplayChoices::Describe() const {
  if (next_ != 0 || divergences_ != 0) return "";
  std::vector<std::string> entries;
  for (const Choice& c : recorded_) {
    entries.push_back(Entry({c.site,
                             c.options == Choice::kAnyOptions ? "*" : std::to_string(c.options),
                             std::to_string(c.chosen)}));
  }
  return "replay:" + Join(entries);
}

EnumeratingChoices::EnumeratingChoices(
    const std::vector<std::pair<size_t, size_t>>& path) {
  for (const auto& [chosen, options] : path) path_.push_back(Step{chosen, options});
}

std::string EnumeratingChoices::Describe() const {
  if (next_ != 0) return "";
  std::vector<std::string> entries;
  for (const Step& s : path_) {
    entries.push_back(Entry({std::to_string(s.chosen), std::to_string(s.options)}));
  }
  return "path:" + Join(entries);
}

std::string PinnedChoices::Describe() const {
  if (!asked_.empty()) return "";
  std::vector<std::string> entries;
  for (const PinnedChoice& p : pinned_) {
    entries.push_back(Entry({p.site, std::to_string(p.occurrence),
                             std::to_string(p.chosen), std::to_string(p.options)}));
  }
  return "pinned:" + Join(entries);
}

std::unique_ptr<ChoiceSource> ChoiceSourceFromDescription(std::string_view text,
                                                          std::string* error) {
  const size_t colon = text.find(':');
  const std::string kind(text.substr(0, colon));
  const std::string_view rest =
      colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  auto bad = [&](const std::string& entry, const char* expected) {
    *error = kind + ": \"" + entry + "\" is not " + expected;
    return nullptr;
  };
  if (kind == "default" && colon == std::string_view::npos) {
    return std::make_unique<DefaultChoices>();
  }
  if (kind == "seeded") {
    size_t seed = 0;
    if (!Number(std::string(rest), &seed)) return bad(std::string(rest), "a seed");
    return std::make_unique<SeededChoices>(static_cast<uint64_t>(seed));
  }
  if (kind == "replay") {
    std::vector<Choice> log;
    for (const std::string& e : Split(rest, ';')) {
      std::vector<std::string> f = Split(e, '/');
      Choice c;
      if (f.size() != 3) return bad(e, "SITE/OPTIONS/CHOSEN");
      c.site = f[0];
      if (f[1] == "*") {
        c.options = Choice::kAnyOptions;
      } else if (!Number(f[1], &c.options)) {
        return bad(e, "SITE/OPTIONS/CHOSEN");
      }
      if (!Number(f[2], &c.chosen)) return bad(e, "SITE/OPTIONS/CHOSEN");
      log.push_back(std::move(c));
    }
    return std::make_unique<ReplayChoices>(std::move(log));
  }
  if (kind == "path") {
    std::vector<std::pair<size_t, size_t>> path;
    for (const std::string& e : Split(rest, ';')) {
      std::vector<std::string> f = Split(e, '/');
      size_t chosen = 0, options = 0;
      if (f.size() != 2 || !Number(f[0], &chosen) || !Number(f[1], &options)) {
        return bad(e, "CHOSEN/OPTIONS");
      }
      path.emplace_back(chosen, options);
    }
    return std::make_unique<EnumeratingChoices>(path);
  }
  if (kind == "pinned") {
    std::vector<PinnedChoice> pins;
    for (const std::string& e : Split(rest, ';')) {
      std::vector<std::string> f = Split(e, '/');
      PinnedChoice p;
      if (f.size() != 4 || !Number(f[1], &p.occurrence) || !Number(f[2], &p.chosen) ||
          !Number(f[3], &p.options)) {
        return bad(e, "SITE/OCCURRENCE/CHOSEN/OPTIONS");
      }
      p.site = f[0];
      pins.push_back(std::move(p));
    }
    return std::make_unique<PinnedChoices>(std::move(pins));
  }
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on
  // a literal added to a temporary string.
  error->assign(1, '"');
  error->append(text);
  error->append("\" is not a choice source (default, seeded:, replay:, path: or pinned:)");
  return nullptr;
}

}  // namespace vssemu::sim
