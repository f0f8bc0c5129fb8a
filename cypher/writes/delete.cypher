// Removing reports (delete_report, and the old version of a replaced report, in the
// transaction that writes the new one) and emptying the database.

// name: delete_report_relations
// description: Delete a report's relationships: its MENTIONS from the report node, its facts from the entities they start at (the report keeps their ids in fact_sources; reports written before that scan the fact types); returns the entities they touched (candidates for removal).
// params: id
MATCH (rep:Report {id: $id})
CALL (rep) {
  MATCH (rep)-[r:MENTIONS]->() RETURN r
  UNION ALL
  UNWIND coalesce(rep.fact_sources, []) AS source
  MATCH (:Entity {id: source})-[r:PART_OF|AWARDED|INTRODUCED|INVESTS_IN|LOCATED_IN|CARRIES_OUT|REPORTED]->()
  WHERE r.report_id = rep.id
  RETURN r
  UNION ALL
  WITH rep WHERE rep.fact_sources IS NULL
  MATCH ()-[r:PART_OF|AWARDED|INTRODUCED|INVESTS_IN|LOCATED_IN|CARRIES_OUT|REPORTED]->()
  WHERE r.report_id = rep.id
  RETURN r
}
WITH r, [n IN [startNode(r), endNode(r)] WHERE n:Entity | n.id] AS ends
DELETE r
WITH ends
UNWIND ends AS id
RETURN collect(DISTINCT id) AS touched

// name: delete_report_node
// description: Delete the report node itself (its relationships are gone by now).
// params: id
MATCH (r:Report {id: $id})
DETACH DELETE r
RETURN count(r) AS deleted

// name: delete_orphans
// description: Of the given entities, delete those no relationship touches any more (no report mentions them or states a fact about them).
// params: ids
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT (e)--()
DELETE e
RETURN count(e) AS deleted

// name: clear_all
// description: Delete everything, in batches so a large graph does not need one huge transaction (runs as an auto-commit query: CALL IN TRANSACTIONS needs one).
// params: -
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS

// name: report_versions
// description: A report's entity versions (JSON: [id, name, aliases, properties] as the report gave each entity), read before it is deleted.
// params: id
MATCH (r:Report {id: $id})
RETURN r.entity_versions AS versions

// name: version_holders
// description: Of the given entities, those still stored, each with the reports whose relationships touch it (the reports whose versions it is merged from again).
// params: ids
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)-[r]-()
RETURN e, collect(DISTINCT r.report_id) AS reports

// name: report_versions_many
// description: Entity versions and save order of many reports (null for reports stored before versions were kept).
// params: ids
MATCH (r:Report)
WHERE r.id IN $ids
RETURN r.id AS id, r.saved AS saved, r.entity_versions AS versions
