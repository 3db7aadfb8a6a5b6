// Findings introduced and fixed by a change, and the line of the change behind each new one.
#include "cli/against.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "cli/diff.hpp"
#include "compiler/base/timing.hpp"

namespace gtm::cli {

bool load_git_workspace(const GitRepository& repository, const GitVersion& version,
                        const fs::path& root, Compilation& compilation,
                        std::vector<std::string>& repository_paths, Io& io,
                        const KnownText& known) {
  const PhaseTimer timer(version.index ? "read the index" : "read the revision");
  const std::string prefix = root.lexically_relative(repository.top()).generic_string();
  std::string error;
  auto files = repository.workspace_files(version, prefix == "." ? "" : prefix, &error, known);
  if (!files) {
    io.err << fmt::format("gtmlint: cannot read the workspace from git: {}\n", error);
    return false;
  }
  compilation.workspace_root = root.string();
  repository_paths.assign(compilation.first_user_file, "");
  for (FileId id = 0; id < compilation.first_user_file; ++id) {
    repository_paths[id] = compilation.sources.file(id).path();
  }
  std::vector<SourceText> sources;
  for (GitFile& file : *files) {
    sources.push_back({display_path(repository.top() / file.path), std::move(file.text), ""});
    repository_paths.push_back(std::move(file.path));
  }
  add_sources(compilation, std::move(sources));
  return true;
}

namespace {

constexpr FileId kNoFile = ~FileId{0};

// What a finding's file looked like at the revision, and which of its lines the change touched;
// worked out once per file, when a finding there needs it.
class ChangedLines {
 public:
  ChangedLines(const Compilation& before, const Compilation& now,
               const std::map<std::string, std::string>& renamed,
               const std::vector<std::string>& before_paths,
               const std::vector<std::string>& now_paths)
      : before_(before), now_(now) {
    for (FileId id = before.first_user_file; id < before_paths.size(); ++id) {
      before_file_[before_paths[id]] = id;
    }
    for (FileId id = now.first_user_file; id < now_paths.size(); ++id) {
      const auto it = renamed.find(now_paths[id]);
      now_to_before_[id] = it == renamed.end() ? now_paths[id] : it->second;
    }
  }

  /// The file at the revision that `file` (now) was, or kNoFile if it is new.
  FileId before_of(FileId file) const {
    const auto path = now_to_before_.find(file);
    if (path == now_to_before_.end()) return kNoFile;
    const auto it = before_file_.find(path->second);
    return it == before_file_.end() ? kNoFile : it->second;
  }

  /// Whether the change wrote or took out anything in lines [first, last] (1-based) of `file`.
  bool touched(FileId file, std::uint32_t first, std::uint32_t last) const {
    const LineChanges& changes = of(file);
    for (std::uint32_t line = first; line <= last && line <= changes.added.size(); ++line) {
      if (changes.added[line - 1]) return true;
    }
    for (const RemovedLine& removed : changes.removed) {
      if (removed.after + 1 > first && removed.after + 1 <= last) return true;
    }
    return false;
  }

  /// Where in `file` (now) the line `before_line` (1-based) of its earlier version was taken
  /// out: a 1-based line of `file`, or 0 if it was not.
  std::uint32_t removal_point(FileId file, std::uint32_t before_line) const {
    for (const RemovedLine& removed : of(file).removed) {
      if (removed.before + 1 == before_line) return removed.after + 1;
    }
    return 0;
  }

 private:
  const LineChanges& of(FileId file) const {
    auto it = changes_.find(file);
    if (it != changes_.end()) return it->second;
    const FileId earlier = before_of(file);
    const std::string_view before_text =
        earlier == kNoFile ? std::string_view() : before_.sources.file(earlier).text();
    return changes_.emplace(file, line_changes(before_text, now_.sources.file(file).text()))
        .first->second;
  }

  const Compilation& before_;
  const Compilation& now_;
  std::unordered_map<std::string, FileId> before_file_;
  std::unordered_map<FileId, std::string> now_to_before_;
  mutable std::unordered_map<FileId, LineChanges> changes_;
};

std::uint32_t line_of(const Compilation& compilation, FileId file, std::uint32_t offset) {
  return compilation.sources.file(file).line_column(offset).line;
}

bool on_changed_line(const ChangedLines& lines, const Compilation& now, Span span) {
  if (!now.is_user_file(span.file)) return false;
  const std::uint32_t first = line_of(now, span.file, span.begin);
  const std::uint32_t last = line_of(now, span.file, span.end);
  return lines.touched(span.file, first, last);
}

// The entity of `name` that a finding points at, in one version's model.
EntityId named(const Model& model, std::string_view name) {
  const EntityId entity = model.find("entities", name);
  return entity != kNoEntity ? entity : model.find("fields", name);
}

// The cause of a finding on a line the change did not touch: one of its notes on a changed line,
// else the declaration of the name it points at, changed or taken out by the change.
void note_cause(Diagnostic& d, const Compilation& before, const Compilation& now,
                const ChangedLines& lines) {
  for (Note& note : d.notes) {
    if (on_changed_line(lines, now, note.span)) {
      note.message = "this change: " + note.message;
      return;
    }
  }
  const std::string_view text =
      now.sources.file(d.span.file).text().substr(d.span.begin, d.span.end - d.span.begin);
  if (const EntityId entity = named(now.model, text);
      entity != kNoEntity && !now.model.entities[entity].from_stdlib) {
    const Block& block = now.model.block_of(entity);
    const FileId file = now.model.entities[entity].file;
    if (lines.touched(file, line_of(now, file, block.begin), line_of(now, file, block.end))) {
      d.notes.push_back(
          {now.model.header_span(entity), fmt::format("this change edits `{}` here", text)});
    }
    return;
  }
  const EntityId was = named(before.model, text);
  if (was == kNoEntity || before.model.entities[was].from_stdlib) return;
  const FileId was_in = before.model.entities[was].file;
  const std::uint32_t was_at = line_of(before, was_in, before.model.block_of(was).begin);
  for (FileId file = now.first_user_file; file < now.sources.size(); ++file) {
    if (lines.before_of(file) != was_in) continue;
    if (const std::uint32_t line = lines.removal_point(file, was_at); line > 0) {
      const SourceFile& source = now.sources.file(file);
      const std::uint32_t at = line <= source.line_count()
                                   ? source.line_start(line)
                                   : static_cast<std::uint32_t>(source.text().size());
      d.notes.push_back({Span{file, at, at}, fmt::format("this change removed `{}` here", text)});
      return;
    }
  }
  d.help += fmt::format("{}this change removed `{}` (declared in `{}`)", d.help.empty() ? "" : "; ",
                        text, before.sources.file(was_in).path());
}

// A name declared twice is reported at the later declaration in path order; when the change
// added the earlier one (a new file that re-declares a person), the finding belongs there.
bool report_at_new_declaration(Diagnostic& d, const ChangedLines& lines, const Compilation& now) {
  if (d.rule != "duplicate-name" || d.notes.empty()) return false;
  Note& first = d.notes.front();
  if (!on_changed_line(lines, now, first.span)) return false;
  std::swap(d.span, first.span);
  first.message = "declared here before this change";
  return true;
}

}  // namespace

ChangeFindings compare_versions(VersionFindings before, VersionFindings now,
                                const std::map<std::string, std::string>& renamed,
                                const std::vector<std::string>& before_paths,
                                const std::vector<std::string>& now_paths) {
  const PhaseTimer timer("compare with the revision");
  std::unordered_map<std::string, std::size_t> earlier;
  for (const std::string& fingerprint : before.fingerprints) ++earlier[fingerprint];
  const ChangedLines lines(*before.compilation, *now.compilation, renamed, before_paths, now_paths);
  ChangeFindings change;
  for (std::size_t i = 0; i < now.findings.size(); ++i) {
    auto it = earlier.find(now.fingerprints[i]);
    if (it != earlier.end() && it->second > 0) {
      --it->second;
      ++change.unchanged;
      continue;
    }
    Diagnostic& d = now.findings[i];
    if (!on_changed_line(lines, *now.compilation, d.span) &&
        !report_at_new_declaration(d, lines, *now.compilation)) {
      note_cause(d, *before.compilation, *now.compilation, lines);
    }
    change.introduced.push_back(std::move(d));
    change.fingerprints.push_back(std::move(now.fingerprints[i]));
  }
  // What is left of the earlier counts was fixed; listed in the revision's order.
  for (std::size_t i = 0; i < before.findings.size(); ++i) {
    auto it = earlier.find(before.fingerprints[i]);
    if (it == earlier.end() || it->second == 0) continue;
    --it->second;
    const Diagnostic& d = before.findings[i];
    const LineColumn at = before.compilation->sources.file(d.span.file).line_column(d.span.begin);
    change.fixed.push_back(
        {fmt::format("{}:{}:{}", before.compilation->sources.file(d.span.file).path(), at.line,
                     at.column),
         d});
  }
  return change;
}

}  // namespace gtm::cli
