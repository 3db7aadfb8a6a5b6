// References (field owners, handoff escalations, workaround owners, team leads, system owners,
// routing assignees) to names nobody declares, or to people who have left.
export default (data, options) => {
  const names = new Set([...data.people, ...data.teams, ...data.systems].map((x) => x.name));
  const departed = new Set(
    data.people.filter((p) => p.left && p.left <= options.today).map((p) => p.name));
  const refs = [];
  const add = (list, key, prefix) =>
    list.forEach((item, i) => item[key] && refs.push({ name: item[key], path: [prefix, i, key] }));
  add(data.fields, "owner", "fields");
  add(data.handoffs, "escalate", "handoffs");
  add(data.workarounds, "owner", "workarounds");
  add(data.teams, "lead", "teams");
  add(data.systems, "owner", "systems");
  (data.routings || []).forEach((routing, r) =>
    routing.rules.forEach((rule, i) =>
      rule.assign && refs.push({ name: rule.assign, path: ["routings", r, "rules", i, "assign"] })));
  const bad = options.check === "unknown" ? (n) => !names.has(n) : (n) => departed.has(n);
  return refs.filter((ref) => bad(ref.name))
    .map((ref) => ({ message: `${options.check}: ${ref.name}`, path: ref.path }));
};
