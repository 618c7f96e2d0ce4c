#include "dropin/result_file.h"

#include <cstdlib>
#include <fstream>

namespace vssemu::dropin {
namespace {

// Records are one line each: line breaks in a text become spaces.
std::string OneLine(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

}  // namespace

ResultWriter::~ResultWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

bool ResultWriter::Open(const std::string& path) {
  // Binary: the reader splits on '\n' on every platform.
  file_ = std::fopen(path.c_str(), "wb");
  return file_ != nullptr;
}

void ResultWriter::Line(std::string_view kind, std::string_view text) {
  if (file_ == nullptr) return;
  std::string line(kind);
  if (!text.empty()) line += ' ' + OneLine(text);
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
}

void ResultWriter::Choice(std::string_view site, size_t chosen, size_t options) {
  Line("choice", std::string(site) + ' ' + std::to_string(chosen) + ' ' +
                     std::to_string(options));
}

void ResultWriter::LoadError(std::string_view text) { Line("load-error", text); }

void ResultWriter::Failure(std::string_view text) { Line("failure", text); }

void ResultWriter::RequesterDone() { Line("requester-done", ""); }

void ResultWriter::End() { Line("end", ""); }

ProgramResult ReadResultFile(const std::string& path) {
  ProgramResult result;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t space = line.find(' ');
    const std::string kind = line.substr(0, space);
    const std::string text = space == std::string::npos ? "" : line.substr(space + 1);
    if (kind == "choice") {
      sim::Choice c;
      const size_t a = text.find(' ');
      const size_t b = a == std::string::npos ? a : text.find(' ', a + 1);
      if (b == std::string::npos) continue;
      c.site = text.substr(0, a);
      c.chosen = std::strtoull(text.substr(a + 1, b - a - 1).c_str(), nullptr, 10);
      c.options = std::strtoull(text.substr(b + 1).c_str(), nullptr, 10);
      result.choices.push_back(std::move(c));
    } else if (kind == "load-error") {
      result.load_error = text;
    } else if (kind == "failure") {
      result.failures.push_back(text);
    } else if (kind == "requester-done") {
      result.requester_done = true;
    } else if (kind == "end") {
      result.ended = true;
    }
  }
  return result;
}

}  // namespace vssemu::dropin
