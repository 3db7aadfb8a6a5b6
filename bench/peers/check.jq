# The five benchmark checks in jq: jq --arg today YYYY-MM-DD -f check.jq DATA.json
([.people[].name] + [.teams[].name] + [.systems[].name] | map({(.): true}) | add) as $names
| ([.people[] | select(.left != null and .left <= $today) | .name] | map({(.): true}) | add // {}) as $departed
| ([.fields[] | .owner | select(. != null)] + [.handoffs[] | .escalate | select(. != null)]
   + [.workarounds[] | .owner | select(. != null)] + [.teams[] | .lead | select(. != null)]
   + [.systems[] | .owner | select(. != null)]
   + [(.routings // [])[] | .rules[] | .assign | select(. != null)]) as $refs
| {
    field_owner: ([.fields[] | select(.owner == null)] | length),
    unknown_reference: ([$refs[] | select($names[.] == null)] | length),
    departed_owner: ([$refs[] | select($departed[.] != null)] | length),
    handoff_incomplete: ([.handoffs[] | select((.trigger and (.notify | length > 0) and .sla != null and .escalate != null) | not)] | length),
    workaround_review: ([.workarounds[] | select(.review_by == null or .review_by < $today)] | length)
  }
