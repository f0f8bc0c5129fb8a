// People (:Person) named in reports, their role (a `role` property when the report
// gives one, e.g. 村党支部书记) and the facts they take part in.

// name: people_and_roles
// description: 报告中提到的人物、职务及其关联 / People named in the reports, their roles and relations
// params: name
// $name: part of the person's name, or empty for everyone. One row per fact; people with no facts get one row.
MATCH (person:Person)
WHERE coalesce($name, '') = '' OR person.name CONTAINS $name
OPTIONAL MATCH (person)-[r]-(other:Entity)
RETURN person.name AS person, person.role AS role, type(r) AS relation,
       CASE WHEN r IS NULL THEN NULL WHEN startNode(r) = person THEN 'out' ELSE 'in' END AS direction,
       other.name AS other, other.label AS other_label, r.year AS year,
       COUNT { (:Report)-[:MENTIONS]->(person) } AS reports
ORDER BY person, relation, other
