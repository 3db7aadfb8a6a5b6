// A handoff needs a trigger, a notification, an SLA and an escalation.
export default (handoff) =>
  handoff.trigger && handoff.notify && handoff.notify.length > 0 && handoff.sla && handoff.escalate
    ? []
    : [{ message: "incomplete handoff" }];
