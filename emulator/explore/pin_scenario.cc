#include "explore/pin_scenario.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include <pugixml.hpp>

#include "coordinator/choice_points.h"
#include "explore/scenario_explore.h"
#include "explore/shrink.h"
#include "scenario/scenario_loader.h"

namespace vssemu::explore {
namespace {

std::string Render(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration);
  // The corpus writes empty elements as <x a="1"/>, pugixml as <x a="1" />
  // (text never holds " />": pugixml escapes its ">").
  std::string text = out.str();
  for (size_t at = 0; (at = text.find(" />", at)) != std::string::npos;) {
    text.erase(at, 1);
  }
  return text;
}

// The pinned run of a candidate file: its decisions as the run took them,
// when it fails with rule.
struct Reproduction {
  std::vector<sim::Choice> log;
  RunRecord baseline;
};

std::optional<Reproduction> Reproduces(const std::string& xml,
                                       const std::string& file,
                                       const std::string& rule,
                                       const PinProgram* program,
                                       std::string* why = nullptr) {
  scenario::LoadResult loaded = scenario::LoadScenarioText(xml, file);
  if (!loaded) {
    if (why != nullptr) *why = "the pinned file does not load: " + loaded.ErrorText();
    return std::nullopt;
  }
  const scenario::Scenario& s = *loaded.scenario;
  const Runner runner = program != nullptr ? program->runner(s, xml) : ScenarioRunner(s);
  PinnedRunRecord pinned = JudgePinned(s, ScenarioExploreOptions(s), false, nullptr, &runner);
  const std::optional<Verdict>& verdict = pinned.verdict;
  if (!verdict || verdict->rule != rule) {
    if (why != nullptr) {
      *why = "the pinned run " + (verdict ? "fails with " + verdict->rule : "passes") +
             " instead of failing with " + rule;
    }
    return std::nullopt;
  }
  return Reproduction{std::move(pinned.run.log), std::move(pinned.baseline)};
}

void SetDecisions(pugi::xml_node explore, const std::vector<sim::PinnedChoice>& decisions) {
  while (pugi::xml_node old = explore.child("choose")) explore.remove_child(old);
  for (const sim::PinnedChoice& d : decisions) {
    pugi::xml_node c = explore.append_child("choose");
    c.append_attribute("site") = d.site.c_str();
    c.append_attribute("occurrence") = static_cast<unsigned long long>(d.occurrence);
    c.append_attribute("pick") = static_cast<unsigned long long>(d.chosen);
    c.append_attribute("of") = static_cast<unsigned long long>(d.options);
  }
}

std::string Join(const std::vector<std::string>& words, const char* separator) {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : separator) + w;
  return text;
}

std::string FileStem(const std::string& path) {
  std::string stem = path.substr(path.find_last_of("/\\") + 1);
  if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".xml") == 0) {
    stem.resize(stem.size() - 4);
  }
  return stem;
}

// Turns the scenario's document into the pinned one: expectations out
// (they describe its default run), the failing run's seed in <world>, the
// campaign's scope and the decisions in <explore>.
void Rewrite(pugi::xml_node root, const scenario::Scenario& s,
             const ExploreOptions& options, const ExploreFailure& failure,
             const std::string& name, const PinProgram* program) {
  std::vector<std::string> ignored = options.ignored_rules;
  while (pugi::xml_node x = root.child("expect")) root.remove_child(x);
  while (pugi::xml_node x = root.child("explore")) root.remove_child(x);
  root.attribute("name").set_value(name.c_str());
  if (!failure.section.empty()) root.attribute("spec").set_value(failure.section.c_str());
  root.attribute("requirement")
      .set_value(("The pinned run passes vssemu's checks (it failed with " +
                  failure.rule + ")").c_str());
  pugi::xml_node description = root.child("description");
  if (!description) description = root.prepend_child("description");
  std::string text = "Pinned from " + s.file + " (" + s.name +
                     "), seed " + std::to_string(failure.seed) + ": the run failed with " +
                     failure.rule +
                     (failure.section.empty() ? "" : " (spec " + failure.section + ")") +
                     ": " + failure.message + ".";
  if (!failure.faults.empty()) text += " Faults: " + Join(failure.faults, "; ") + ".";
  text += " The original's expectations are left out (they describe its default run).";
  std::string original = description.child_value();
  if (!original.empty()) text += " Original description: " + original;
  while (pugi::xml_node child = description.first_child()) description.remove_child(child);
  description.append_child(pugi::node_pcdata).set_value(text.c_str());

  pugi::xml_node world = root.child("world");
  if (!world) world = root.insert_child_after("world", description);
  if (!world.attribute("seed")) world.prepend_attribute("seed");
  world.attribute("seed").set_value(static_cast<unsigned long long>(failure.seed));

  if (program != nullptr && !program->program.empty()) {
    // The program the run needs, so that `vssemu run` replays it alone.
    pugi::xml_node requester = root.child("requester");
    if (!requester) requester = root.insert_child_after("requester", world);
    for (const char* a : {"workload", "program", "args"}) requester.remove_attribute(a);
    requester.prepend_attribute("workload") = "exec";
    requester.insert_attribute_after("program", requester.attribute("workload")) =
        program->program.c_str();
    if (!program->args.empty()) {
      std::string args;
      for (const std::string& a : program->args) {
        if (!args.empty()) args += ' ';
        const bool quote = a.empty() || a.find(' ') != std::string::npos;
        args += quote ? "\"" + a + "\"" : a;
      }
      requester.insert_attribute_after("args", requester.attribute("program")) = args.c_str();
    }
  }

  pugi::xml_node explore = root.append_child("explore");
  if (options.mode == ExploreMode::kExhaustive) explore.append_attribute("mode") = "exhaustive";
  const std::vector<std::string>& faults = options.run.exploration.faults;
  explore.append_attribute("faults") = faults.empty() ? "none" : Join(faults, " ").c_str();
  if (!ignored.empty()) explore.append_attribute("ignore") = Join(ignored, " ").c_str();
  explore.append_attribute("failed") = failure.rule.c_str();
  std::vector<sim::PinnedChoice> decisions;
  for (const ExploreChoice& c : failure.shrunk_decisions) {
    decisions.push_back(sim::PinnedChoice{c.site, c.occurrence, c.chosen, c.options});
  }
  SetDecisions(explore, decisions);
}

// What may be left out of a pinned scenario, in document order: writers,
// faults, and each writer's event behaviours.
struct Removable {
  size_t child = 0;                // Index among the root's element children.
  std::optional<size_t> behaviour;  // Index of <on> among the writer's children.
  std::string what;
};

std::vector<Removable> Removables(pugi::xml_node root) {
  std::vector<Removable> out;
  size_t i = 0, faults = 0;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string tag = c.name();
    const std::string id = c.attribute("id").value();
    if (tag == "writer" || tag == "registered-writer") {
      out.push_back({i, std::nullopt, (tag == "writer" ? "writer " : "registered writer ") + id});
      size_t j = 0;
      for (pugi::xml_node b = c.first_child(); b; b = b.next_sibling()) {
        if (b.type() != pugi::node_element) continue;
        if (std::string(b.name()) == "on") {
          out.push_back({i, j, std::string("<on event=\"") + b.attribute("event").value() +
                                   "\"> of writer " + id});
        }
        ++j;
      }
    } else if (tag == "fault") {
      out.push_back({i, std::nullopt, "fault " + std::to_string(++faults) + " (kind " +
                                          c.attribute("kind").value() + ")"});
    }
    ++i;
  }
  return out;
}

pugi::xml_node NthElement(pugi::xml_node parent, size_t n) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && n-- == 0) return c;
  }
  return {};
}

}  // namespace

PinnedScenario PinFailure(const scenario::Scenario& scenario,
                          const ExploreOptions& options,
                          const ExploreFailure& failure,
                          const PinProgram* program) {
  PinnedScenario pinned;
  std::string rule_words = failure.rule;
  for (char& ch : rule_words) ch = ch == '.' ? '-' : ch;
  pinned.name = FileStem(scenario.file) + "-" + rule_words;
  // Where it will be: a program path in it leads from there.
  const std::string file =
      program != nullptr && !program->folder.empty()
          ? (std::filesystem::path(program->folder) / (pinned.name + ".xml")).string()
          : pinned.name + ".xml";
  pugi::xml_document doc;
  if (!doc.load_file(scenario.file.c_str(), pugi::parse_default | pugi::parse_comments)) {
    pinned.error = "cannot read " + scenario.file + " again";
    return pinned;
  }
  pugi::xml_node root = doc.document_element();
  Rewrite(root, scenario, options, failure, pinned.name, program);
  std::optional<Reproduction> reproduction =
      Reproduces(Render(doc), file, failure.rule, program, &pinned.error);
  if (!reproduction) return pinned;

  // Leave out, the latest first, what the failure does not need; keep the
  // decisions the reduced run took.
  std::vector<Removable> removables = Removables(root);
  for (size_t k = removables.size(); k-- > 0;) {
    const Removable& r = removables[k];
    pugi::xml_document trial;
    trial.reset(doc);
    pugi::xml_node node = NthElement(trial.document_element(), r.child);
    if (r.behaviour) node = NthElement(node, *r.behaviour);
    if (!node) continue;
    node.parent().remove_child(node);
    SetDecisions(trial.document_element().child("explore"),
                 sim::PinDecisions(reproduction->log));
    if (std::optional<Reproduction> smaller =
            Reproduces(Render(trial), file, failure.rule, program)) {
      doc.reset(trial);
      root = doc.document_element();
      reproduction = std::move(smaller);
      pinned.removed.push_back(r.what);
    }
  }
  // Fewer writers may need fewer decisions.
  scenario::LoadResult loaded = scenario::LoadScenarioText(Render(doc), file);
  if (loaded) {
    ExploreOptions reduced = ScenarioExploreOptions(*loaded.scenario);
    const std::string text = Render(doc);
    std::vector<sim::Choice> log =
        Shrink(reduced, reduced.seed, reproduction->log, failure.rule,
               reproduction->baseline,
               program != nullptr ? program->runner(*loaded.scenario, text)
                                  : ScenarioRunner(*loaded.scenario));
    SetDecisions(root.child("explore"), sim::PinDecisions(log));
  }
  pinned.xml = Render(doc);
  if (!Reproduces(pinned.xml, file, failure.rule, program, &pinned.error)) pinned.xml.clear();
  return pinned;
}

std::string WriteRegression(const std::string& dir, const std::string& name,
                            const std::string& xml, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create " + dir + ": " + ec.message();
    return "";
  }
  for (int n = 1;; ++n) {
    std::string file = name;
    if (n > 1) file += '-' + std::to_string(n);
    file += ".xml";
    const fs::path path = fs::path(dir) / file;
    if (fs::exists(path, ec)) {
      std::ifstream in(path, std::ios::binary);
      std::string existing((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (existing == xml) return path.generic_string();
      continue;  // Another failure pinned earlier: keep it.
    }
    std::ofstream out(path, std::ios::binary);
    out << xml;
    out.close();
    if (!out) {
      *error = "cannot write " + path.generic_string();
      return "";
    }
    return path.generic_string();
  }
}

}  // namespace vssemu::explore
