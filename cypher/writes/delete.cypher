// Removing reports (delete_report, and the old version of a replaced report, in the
// transaction that writes the new one) and emptying the database.

// name: delete_report_relations
// description: Delete a report's relationships, found per type through the report_id indexes; returns the entities they touched (candidates for removal).
// params: id
CALL () {
  MATCH ()-[r:MENTIONS]->() WHERE r.report_id = $id RETURN r
  UNION ALL
  MATCH ()-[r:PART_OF]->() WHERE r.report_id = $id RETURN r
  UNION ALL
  MATCH ()-[r:AWARDED]->() WHERE r.report_id = $id RETURN r
  UNION ALL
  MATCH ()-[r:INTRODUCED]->() WHERE r.report_id = $id RETURN r
  UNION ALL
  MATCH ()-[r:INVESTS_IN]->() WHERE r.report_id = $id RETURN r
  UNION ALL
  MATCH ()-[r:LOCATED_IN]->() WHERE r.report_id = $id RETURN r
  UNION ALL
  MATCH ()-[r:CARRIES_OUT]->() WHERE r.report_id = $id RETURN r
  UNION ALL
  MATCH ()-[r:REPORTED]->() WHERE r.report_id = $id RETURN r
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
