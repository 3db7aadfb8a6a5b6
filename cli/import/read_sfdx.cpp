// Salesforce DX source format -> sfdx::Project, with pugixml. Element names are read without
// their namespace (every file declares the same metadata namespace).
#include "cli/import/read_sfdx.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "compiler/base/limits.hpp"

namespace gtm::sfdx {

namespace {

std::string text_of(const pugi::xml_node& node, const char* child) {
  return node.child(child).text().as_string();
}

// Prose as one paragraph per blank line: XML files wrap long text with a newline and the
// element's indentation, which is layout, not content.
std::string prose_of(const pugi::xml_node& node, const char* child) {
  const std::string text = text_of(node, child);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    std::size_t next = i + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    const bool paragraph = next < text.size() && text[next] == '\n';
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += paragraph ? "\n\n" : " ";
    i = paragraph ? next : next - 1;
  }
  return out;
}

bool flag_of(const pugi::xml_node& node, const char* child) {
  return std::string_view(node.child(child).text().as_string()) == "true";
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(separator), text.size());
    std::string_view part = text.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.emplace_back(part);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return parts;
}

// `Lead.assignmentRules-meta.xml` -> `Lead`.
std::string stem(const fs::path& file) {
  const std::string name = file.filename().string();
  return name.substr(0, name.find('.'));
}

// The values of a value set's <value>, <standardValue> or <customValue> children.
std::vector<std::string> value_names(const pugi::xml_node& set) {
  std::vector<std::string> values;
  for (const pugi::xml_node& value : set.children()) {
    const std::string_view tag = value.name();
    if (tag == "value" || tag == "standardValue" || tag == "customValue") {
      values.push_back(text_of(value, "fullName"));
    }
  }
  return values;
}

Field read_field(const pugi::xml_node& root, const fs::path& file) {
  Field field;
  field.object = file.parent_path().parent_path().filename().string();
  field.name = text_of(root, "fullName");
  if (field.name.empty()) field.name = stem(file);
  field.type = text_of(root, "type");
  field.label = text_of(root, "label");
  field.description = prose_of(root, "description");
  field.help = prose_of(root, "inlineHelpText");
  field.owner_user = text_of(root, "businessOwnerUser");
  field.owner_group = text_of(root, "businessOwnerGroup");
  field.business_status = text_of(root, "businessStatus");
  field.classification = text_of(root, "securityClassification");
  field.compliance = split(text_of(root, "complianceGroup"), ';');
  field.reference_to = text_of(root, "referenceTo");
  const pugi::xml_node set = root.child("valueSet");
  field.value_set = text_of(set, "valueSetName");
  field.values = value_names(set.child("valueSetDefinition"));
  return field;
}

void read_assignment_rules(const pugi::xml_node& root, const fs::path& file, Project& project) {
  for (const pugi::xml_node& rule : root.children("assignmentRule")) {
    AssignmentRule out{stem(file), text_of(rule, "fullName"), flag_of(rule, "active"), {}};
    for (const pugi::xml_node& entry : rule.children("ruleEntry")) {
      RuleEntry e;
      for (const pugi::xml_node& item : entry.children("criteriaItems")) {
        e.criteria.push_back(
            {text_of(item, "field"), text_of(item, "operation"), text_of(item, "value")});
      }
      e.boolean_filter = text_of(entry, "booleanFilter");
      e.formula = text_of(entry, "formula");
      e.assigned_to = text_of(entry, "assignedTo");
      e.assigned_to_type = text_of(entry, "assignedToType");
      out.entries.push_back(std::move(e));
    }
    project.assignment_rules.push_back(std::move(out));
  }
}

void read_queue(const pugi::xml_node& root, const fs::path& file, Project& project) {
  Queue queue{text_of(root, "fullName"), text_of(root, "email"), {}};
  if (queue.name.empty()) queue.name = stem(file);
  for (const pugi::xml_node& user : root.child("queueMembers").child("users").children("user")) {
    queue.users.push_back(user.text().as_string());
  }
  project.queues.push_back(std::move(queue));
}

// "Lead created or updated (after save)" from a record-triggered flow's <start>.
std::string flow_trigger(const pugi::xml_node& start, const std::string& process_type) {
  const std::string object = text_of(start, "object");
  if (object.empty()) {
    if (process_type == "AutoLaunchedFlow") return "launched by another automation or by Apex";
    if (process_type == "Flow") return "a screen flow, run by a user";
    return process_type.empty() ? "run by hand" : process_type;
  }
  const std::string kind = text_of(start, "recordTriggerType");
  const std::string when = kind == "Create"            ? "created"
                           : kind == "Update"          ? "updated"
                           : kind == "CreateAndUpdate" ? "created or updated"
                           : kind == "Delete"          ? "deleted"
                                                       : "changed";
  const std::string timing = text_of(start, "triggerType");
  if (timing == "RecordBeforeSave") return fmt::format("{} {} (before save)", object, when);
  if (timing == "RecordAfterSave") return fmt::format("{} {} (after save)", object, when);
  return fmt::format("{} {}", object, when);
}

void read_flow(const pugi::xml_node& root, const fs::path& file, Project& project) {
  Automation flow;
  flow.name = stem(file);
  flow.source = "flow";
  const pugi::xml_node start = root.child("start");
  flow.object = text_of(start, "object");
  flow.trigger = flow_trigger(start, text_of(root, "processType"));
  flow.description = prose_of(root, "description");
  flow.active = text_of(root, "status") == "Active";
  for (const pugi::xml_node& element : root.children()) {
    const std::string_view tag = element.name();
    if (tag == "recordUpdates" || tag == "recordCreates") {
      // Fields of the triggering record ($Record, no <object>) or of the object it names.
      const std::string object = text_of(element, "object");
      if (!object.empty() && object != flow.object) continue;
      for (const pugi::xml_node& assignment : element.children("inputAssignments")) {
        flow.writes.push_back(text_of(assignment, "field"));
      }
    }
    if (flow.fault_target.empty() && element.child("faultConnector")) {
      flow.fault_target = text_of(element.child("faultConnector"), "targetReference");
    }
  }
  project.automations.push_back(std::move(flow));
}

void read_workflow(const pugi::xml_node& root, const fs::path& file, Project& project) {
  const std::string object = stem(file);
  std::map<std::string, std::string> updated_field;  // field update name -> field
  for (const pugi::xml_node& update : root.children("fieldUpdates")) {
    updated_field[text_of(update, "fullName")] = text_of(update, "field");
  }
  for (const pugi::xml_node& rule : root.children("rules")) {
    Automation automation;
    automation.name = object + "." + text_of(rule, "fullName");
    automation.source = "workflow";
    automation.object = object;
    const std::string type = text_of(rule, "triggerType");
    automation.trigger = object + (type == "onCreateOnly" ? " created" : " created or updated");
    automation.description = prose_of(rule, "description");
    automation.active = flag_of(rule, "active");
    for (const pugi::xml_node& action : rule.children("actions")) {
      if (text_of(action, "type") != "FieldUpdate") continue;
      const auto it = updated_field.find(text_of(action, "name"));
      if (it != updated_field.end()) automation.writes.push_back(it->second);
    }
    project.automations.push_back(std::move(automation));
  }
}

// `Lead.assignmentRules-meta.xml` -> `assignmentRules`: the metadata type of a file.
std::string metadata_type(const fs::path& file) {
  const std::string name = file.filename().string();
  const std::size_t end = name.rfind("-meta.xml");
  if (end == std::string::npos) return {};
  const std::size_t dot = name.rfind('.', end);
  return dot == std::string::npos ? std::string() : name.substr(dot + 1, end - dot - 1);
}

// `line 3, column 14` of a byte offset (columns count characters, as editors show them).
std::string line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t column = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return fmt::format("line {}, column {}", line, column);
}

void read_metadata_file(const fs::path& file, const fs::path& base, Project& project) {
  const std::string type = metadata_type(file);
  static const std::vector<std::string> kMapped = {
      "field", "standardValueSet", "globalValueSet", "assignmentRules", "queue",
      "flow",  "workflow"};
  if (std::find(kMapped.begin(), kMapped.end(), type) == kMapped.end()) {
    if (!type.empty()) ++project.other_metadata[type];
    return;
  }
  std::string error;
  const auto text = read_file(file, &error, limits::kMaxFileBytes + 1);
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = text && text->size() <= limits::kMaxFileBytes
                                            ? document.load_buffer(text->data(), text->size())
                                            : pugi::xml_parse_result();
  if (!text || !parsed) {
    const std::string why =
        !text ? error
        : text->size() > limits::kMaxFileBytes
            ? "over 16 MiB"
            : fmt::format("{} at {}", parsed.description(),
                          line_and_column(*text, static_cast<std::size_t>(parsed.offset)));
    project.not_mapped.push_back(
        fmt::format("{}: not read: {}", file.lexically_relative(base).generic_string(), why));
    return;
  }
  const pugi::xml_node root = document.document_element();
  if (type == "field") {
    project.fields.push_back(read_field(root, file));
  } else if (type == "standardValueSet" || type == "globalValueSet") {
    project.value_sets[stem(file)] = value_names(root);
  } else if (type == "assignmentRules") {
    read_assignment_rules(root, file, project);
  } else if (type == "queue") {
    read_queue(root, file, project);
  } else if (type == "flow") {
    read_flow(root, file, project);
  } else {
    read_workflow(root, file, project);
  }
}

}  // namespace

std::vector<fs::path> metadata_roots(const fs::path& project) {
  std::error_code ec;
  std::string error;
  if (const auto json = read_file(project / "sfdx-project.json", &error)) {
    const auto document = nlohmann::json::parse(*json, nullptr, false);
    std::vector<fs::path> roots;
    if (document.is_object() && document.contains("packageDirectories") &&
        document["packageDirectories"].is_array()) {
      for (const auto& package : document["packageDirectories"]) {
        if (package.is_object() && package.value("path", nlohmann::json()).is_string()) {
          const fs::path root = project / package["path"].get<std::string>();
          if (fs::is_directory(root, ec)) roots.push_back(root);
        }
      }
    }
    if (!roots.empty()) return roots;
  }
  if (fs::is_directory(project / "force-app/main/default", ec)) {
    return {project / "force-app/main/default"};
  }
  return {project};
}

std::optional<Project> read_project(const fs::path& project, std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(project, ec)) {
    *error = fmt::format("`{}` is not a folder", project.generic_string());
    return std::nullopt;
  }
  std::vector<fs::path> files;
  for (const fs::path& root : metadata_roots(project)) {
    auto it =
        fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().string().ends_with("-meta.xml")) {
        files.push_back(it->path());
      }
    }
  }
  std::sort(files.begin(), files.end());  // a stable output whatever the directory order
  Project out;
  for (const fs::path& file : files) read_metadata_file(file, project, out);
  return out;
}

}  // namespace gtm::sfdx
