#!/usr/bin/env python3
"""Writes a generated Salesforce DX project: N custom fields spread over objects (text, number,
picklist, checkbox, date; some with descriptions, a few with owners), the LeadSource and
LeadStatus value sets, one active Lead assignment rule of E entries (criteria of every common
operation, no catch-all, and picklist values that do not exist, as in real orgs) and a queue.

Usage: bench/gen_sfdx.py OUT_DIR FIELDS [ENTRIES]
"""
import os, random, sys

H = '<?xml version="1.0" encoding="UTF-8"?>\n'
NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"'
OBJECTS = ["Lead", "Account", "Contact", "Opportunity", "Campaign__c", "Invoice__c"]


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def field_xml(name, i, rng):
    kind = ["Text", "Number", "Picklist", "Checkbox", "Date"][i % 5]
    body = f"    <fullName>{name}</fullName>\n    <label>{name.replace('__c', '').replace('_', ' ')}</label>\n"
    if rng.random() < 0.3:
        body += f"    <description>Field {i}, kept for reporting.</description>\n"
    if rng.random() < 0.05:
        body += f"    <businessOwnerUser>owner{i % 40}@acme.example</businessOwnerUser>\n"
    body += f"    <type>{kind}</type>\n"
    if kind == "Picklist":
        values = "".join(
            f"            <value>\n                <fullName>V{v}</fullName>\n                <default>false</default>\n                <label>V{v}</label>\n            </value>\n"
            for v in range(5))
        body += f"    <valueSet>\n        <valueSetDefinition>\n{values}        </valueSetDefinition>\n    </valueSet>\n"
    return H + f"<CustomField {NS}>\n{body}</CustomField>\n"


def value_set(values):
    items = "".join(f"    <standardValue>\n        <fullName>{v}</fullName>\n        <default>false</default>\n        <label>{v}</label>\n    </standardValue>\n" for v in values)
    return H + f"<StandardValueSet {NS}>\n{items}    <sorted>false</sorted>\n</StandardValueSet>\n"


def criterion(field, op, value):
    return f"            <criteriaItems>\n                <field>Lead.{field}</field>\n                <operation>{op}</operation>\n                <value>{value}</value>\n            </criteriaItems>\n"


def entries(count, rng):
    countries = ["US", "CA", "GB", "DE", "FR", "JP", "AU", "BR", "IN", "NL"]
    sources = ["Web", "Phone Inquiry", "Partner Referral", "Trade Show", "Webinar"]  # Webinar: no such value
    out = ""
    for i in range(count):
        items = criterion("Country", "equals", ",".join(rng.sample(countries, 2)))
        items += criterion("LeadSource", "equals", rng.choice(sources))
        items += criterion("Lead_Field_1__c", rng.choice(["lessThan", "greaterOrEqual"]), str(rng.randint(1, 5000)))
        filt = "            <booleanFilter>1 AND (2 OR 3)</booleanFilter>\n" if i % 3 == 0 else ""
        who = "Lead_Triage</assignedTo>\n            <assignedToType>Queue" if i % 4 == 0 else f"rep{i % 25}@acme.example</assignedTo>\n            <assignedToType>User"
        out += f"        <ruleEntry>\n            <assignedTo>{who}</assignedToType>\n{filt}{items}        </ruleEntry>\n"
    return out


def main():
    root, fields = sys.argv[1], int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 150
    rng = random.Random(7)
    base = "force-app/main/default"
    write(root, "sfdx-project.json", '{ "packageDirectories": [{ "path": "force-app", "default": true }] }\n')
    for i in range(fields):
        obj = OBJECTS[i % len(OBJECTS)]
        name = f"{obj.replace('__c', '')}_Field_{i // len(OBJECTS)}__c"
        write(root, f"{base}/objects/{obj}/fields/{name}.field-meta.xml", field_xml(name, i, rng))
    write(root, f"{base}/standardValueSets/LeadSource.standardValueSet-meta.xml",
          value_set(["Web", "Phone Inquiry", "Partner Referral", "Trade Show"]))
    write(root, f"{base}/standardValueSets/LeadStatus.standardValueSet-meta.xml",
          value_set(["Open", "Working", "Qualified", "Unqualified"]))
    write(root, f"{base}/assignmentRules/Lead.assignmentRules-meta.xml",
          H + f"<AssignmentRules {NS}>\n    <assignmentRule>\n        <fullName>Standard</fullName>\n        <active>true</active>\n{entries(count, rng)}    </assignmentRule>\n</AssignmentRules>\n")
    write(root, f"{base}/queues/Lead_Triage.queue-meta.xml",
          H + f"<Queue {NS}>\n    <fullName>Lead_Triage</fullName>\n    <name>Lead Triage</name>\n</Queue>\n")


main()
