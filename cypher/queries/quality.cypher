// Data-quality checks: each lists what should not be there; an empty result is good.

// name: orphan_nodes
// description: 孤立节点：没有任何关系的实体或报告 / Orphan nodes: entities or reports with no relationship at all
// params: -
MATCH (n)
WHERE (n:Entity OR n:Report) AND NOT (n)--()
RETURN CASE WHEN n:Report THEN 'Report' ELSE n.label END AS label, coalesce(n.name, n.title) AS name, n.id AS id
ORDER BY label, name

// name: entities_without_mentions
// description: 没有任何报告提及（无 MENTIONS）的实体 / Entities that no report mentions (no MENTIONS)
// params: -
MATCH (e:Entity)
WHERE NOT (:Report)-[:MENTIONS]->(e)
RETURN e.label AS label, e.name AS name, COUNT { (e)-[]-(:Entity) } AS facts, e.id AS id
ORDER BY label, name

// name: entities_without_facts
// description: 只被提及、没有任何事实关系的实体 / Entities only mentioned, with no fact joining them to another entity
// params: -
MATCH (e:Entity)
WHERE (:Report)-[:MENTIONS]->(e) AND NOT (e)--(:Entity)
RETURN e.label AS label, e.name AS name, COUNT { (:Report)-[:MENTIONS]->(e) } AS reports, e.id AS id
ORDER BY label, name

// name: relations_without_evidence
// description: 没有原文证据的关系 / Relations without evidence sentences
// params: -
MATCH (a)-[r]->(b)
WHERE r.evidence IS NULL OR trim(r.evidence) IN ['', '[]']
OPTIONAL MATCH (rep:Report {id: r.report_id})
RETURN type(r) AS relation, coalesce(a.name, a.title) AS source, coalesce(b.name, b.title) AS target,
       rep.title AS report, r.id AS id
ORDER BY relation, source, target

// name: places_without_parent
// description: 没有上级行政区（无 PART_OF）的地方（省除外） / Places without a PART_OF parent (provinces excepted)
// params: -
MATCH (p:Place)
WHERE NOT p:Province AND NOT (p)-[:PART_OF]->(:Place)
RETURN p.label AS label, p.name AS name, p.id AS id
ORDER BY label, name

// name: relations_with_unknown_report
// description: 所属报告不存在的关系 / Relations whose report_id names no stored report
// params: -
MATCH (a)-[r]->(b)
WHERE NOT EXISTS { MATCH (rep:Report) WHERE rep.id = r.report_id }
RETURN type(r) AS relation, coalesce(a.name, a.title) AS source, coalesce(b.name, b.title) AS target,
       r.report_id AS report_id, r.id AS id
ORDER BY relation, source, target
