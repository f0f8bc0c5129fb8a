// Neo4jStore's own reads (the GraphStore interface). They live with the store's writes because
// graph.queries.writes() is the store's query set; user-facing queries are in cypher/queries.
// Relationships come back with the ids of their end nodes, which Relation needs.

// name: load_reports
// description: Every report with its text (Neo4jStore.load), without the store's own bookkeeping.
// params: -
MATCH (r:Report)
RETURN r {.*, fact_sources: null, entity_versions: null, saved: null} AS r

// name: load_entities
// description: Every entity (Neo4jStore.load).
// params: -
MATCH (e:Entity)
RETURN e

// name: load_relations
// description: Every relationship with its end node ids (Neo4jStore.load).
// params: -
MATCH (a)-[r]->(b)
RETURN r, a.id AS source, b.id AS target

// name: get_entity
// description: One entity by id.
// params: id
MATCH (e:Entity {id: $id})
RETURN e

// name: entities_of_label
// description: One page of the entities of a label, by name then id (the viewer's list of a label).
// params: label, offset, limit
MATCH (e:Entity)
WHERE e.label = $label
RETURN e
ORDER BY e.name, e.id
SKIP $offset
LIMIT $limit

// name: get_entities
// description: Many entities by id in one round trip (a report page names dozens); unknown ids give no row.
// params: ids
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e

// name: get_report
// description: One report by id, with its text (not the store's bookkeeping: entity versions can be long).
// params: id
MATCH (r:Report {id: $id})
RETURN r {.*, fact_sources: null, entity_versions: null, saved: null} AS r

// name: list_reports
// description: Every report without its text and sections, by place then year (unknown years last).
// params: -
MATCH (r:Report)
RETURN r {.*, text: null, sections: null, fact_sources: null, entity_versions: null, saved: null} AS r
ORDER BY r.place, coalesce(r.year, 1000000), r.path, r.id

// name: entity_relations
// description: Every relationship touching an entity, MENTIONS included.
// params: id
MATCH (e:Entity {id: $id})-[r]-()
RETURN r, startNode(r).id AS source, endNode(r).id AS target
ORDER BY type(r), r.report_id, r.id

// name: report_relations
// description: The relationships one report stated: MENTIONS from the report node, facts from the entities in its fact_sources (reports written before that: a scan of the fact types).
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
RETURN r, startNode(r).id AS source, endNode(r).id AS target
ORDER BY type(r), r.id

// name: count_reports
// description: Number of reports (stats).
// params: -
MATCH (r:Report)
RETURN count(r) AS n

// name: count_labels
// description: Entities per label, one branch per label so each count comes from the count store.
// params: -
MATCH (e:Province) RETURN 'Province' AS label, count(e) AS n
UNION ALL
MATCH (e:City) RETURN 'City' AS label, count(e) AS n
UNION ALL
MATCH (e:District) RETURN 'District' AS label, count(e) AS n
UNION ALL
MATCH (e:Subdistrict) RETURN 'Subdistrict' AS label, count(e) AS n
UNION ALL
MATCH (e:Village) RETURN 'Village' AS label, count(e) AS n
UNION ALL
MATCH (e:Community) RETURN 'Community' AS label, count(e) AS n
UNION ALL
MATCH (e:Project) RETURN 'Project' AS label, count(e) AS n
UNION ALL
MATCH (e:Enterprise) RETURN 'Enterprise' AS label, count(e) AS n
UNION ALL
MATCH (e:Honour) RETURN 'Honour' AS label, count(e) AS n
UNION ALL
MATCH (e:Person) RETURN 'Person' AS label, count(e) AS n
UNION ALL
MATCH (e:Organization) RETURN 'Organization' AS label, count(e) AS n
UNION ALL
MATCH (e:Initiative) RETURN 'Initiative' AS label, count(e) AS n
UNION ALL
MATCH (e:Indicator) RETURN 'Indicator' AS label, count(e) AS n

// name: count_relation_types
// description: Relationships per type, one branch per type so each count comes from the count store.
// params: -
MATCH ()-[r:PART_OF]->() RETURN 'PART_OF' AS type, count(r) AS n
UNION ALL
MATCH ()-[r:AWARDED]->() RETURN 'AWARDED' AS type, count(r) AS n
UNION ALL
MATCH ()-[r:INTRODUCED]->() RETURN 'INTRODUCED' AS type, count(r) AS n
UNION ALL
MATCH ()-[r:INVESTS_IN]->() RETURN 'INVESTS_IN' AS type, count(r) AS n
UNION ALL
MATCH ()-[r:LOCATED_IN]->() RETURN 'LOCATED_IN' AS type, count(r) AS n
UNION ALL
MATCH ()-[r:CARRIES_OUT]->() RETURN 'CARRIES_OUT' AS type, count(r) AS n
UNION ALL
MATCH ()-[r:REPORTED]->() RETURN 'REPORTED' AS type, count(r) AS n
UNION ALL
MATCH ()-[r:MENTIONS]->() RETURN 'MENTIONS' AS type, count(r) AS n

// name: existing_entities
// description: Which of these entity ids are stored (a report's relations may name entities saved earlier), with their element ids for create_facts: two lists in one record.
// params: ids
CYPHER replan=skip
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN collect(e.id) AS ids, collect(elementId(e)) AS element_ids

// name: reports_replacing
// description: Of these reports ({id, path}), the ids of those whose path is stored under another id (saving them deletes the old version, so save_each runs them alone).
// params: reports
CYPHER replan=skip
UNWIND $reports AS rep
OPTIONAL MATCH (old:Report {path: rep.path})
WHERE old.id <> rep.id
WITH rep, count(old) AS olds
WHERE olds > 0
RETURN collect(rep.id) AS ids

// name: nodes_by_element_id
// description: Nodes by element id: the end nodes of relationships a console query returned without their nodes, so the viewer can draw them.
// params: ids
MATCH (n)
WHERE elementId(n) IN $ids
RETURN n
