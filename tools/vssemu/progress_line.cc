#include "vssemu/progress_line.h"

namespace vssemu::tools {

ProgressLine::ProgressLine(std::FILE* out) : out_(out), start_(Clock::now()) {}

std::string ProgressLine::Text(const ExploreProgress& p,
                               std::chrono::duration<double> elapsed) {
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on
  // a literal added to a temporary string.
  constexpr size_t kWidth = 30;
  size_t filled = p.total == 0 ? kWidth : p.runs * kWidth / p.total;
  if (filled > kWidth) filled = kWidth;
  std::string text = "[";
  text.append(filled, '#');
  text.append(kWidth - filled, '.');
  text += "] ";
  text += std::to_string(p.runs);
  if (p.total != 0) {
    text += '/';
    text += std::to_string(p.total);
  }
  text += " runs, ";
  text += std::to_string(p.failure_classes);
  text += " failure class(es)";
  const double seconds = elapsed.count();
  if (seconds > 0 && p.runs > 0) {
    const double rate = static_cast<double>(p.runs) / seconds;
    text += ", ";
    text += std::to_string(static_cast<long long>(rate + 0.5));
    text += " runs/s";
    if (p.total > p.runs && rate > 0) {
      const double left = static_cast<double>(p.total - p.runs) / rate;
      text += ", ";
      text += std::to_string(static_cast<long long>(left + 0.5));
      text += " s left";
    }
  }
  return text;
}

void ProgressLine::Update(const ExploreProgress& progress) {
  last_ = progress;
  any_ = true;
  const Clock::time_point now = Clock::now();
  if (drawn_ == Clock::time_point{} || now - drawn_ >= std::chrono::seconds(1)) {
    drawn_ = now;
    Draw();
  }
}

void ProgressLine::Draw() {
  // Padded so that a shorter line covers the last one.
  std::fprintf(out_, "\r%-100s", Text(last_, Clock::now() - start_).c_str());
  std::fflush(out_);
}

void ProgressLine::Finish() {
  if (!any_) return;
  Draw();
  std::fputc('\n', out_);
  std::fflush(out_);
}

}  // namespace vssemu::tools
