// Saving one report: Neo4jStore.save runs these in ONE managed write transaction per report.
// Rows come as parameters; labels and relationship types are data too, applied with
// Neo4j 5.26's dynamic labels/types (`:$(expr)`), never spliced into the text.
// Relationships find their end nodes by the element ids merge_report and merge_entities
// return, not by a second index seek on `id` per end (a fifth of the server's load CPU).
// Element ids come back as two lists in one record, not a record per entity: the driver
// builds each record in Python (bench/load_neo4j.py: about 30 us a record, 3 s a load).
// Relationship rows are lists, not maps, and the report id travels once per batch: no key
// names to pack on the client and to decode on the server for each of 300,000 rows.
// CYPHER replan=skip: these plans are fixed by constraints and element ids, but as a load
// grows the statistics Neo4j would re-plan them about every 10 s (and compile them afresh).

// name: report_status
// description: Is this report stored already, and which stored report has the same path (to replace)?
// params: id, path
CYPHER replan=skip
OPTIONAL MATCH (same:Report {id: $id})
OPTIONAL MATCH (old:Report {path: $path})
WHERE old.id <> $id
RETURN same IS NOT NULL AS stored, collect(old.id) AS replaces

// name: merge_report
// description: Create the report node (MERGE on its constrained id) with its text and sections (JSON); returns its element id.
// params: id, props
CYPHER replan=skip
MERGE (r:Report {id: $id})
SET r += $props
RETURN elementId(r) AS element_id

// name: stored_entities
// description: The stored versions of the entities a report names, read in the saving transaction so the store can merge names, aliases and properties exactly as Entity.merge does.
// params: ids
CYPHER replan=skip
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e

// name: merge_entities
// description: Write entities (already merged with their stored versions): MERGE on the constrained id, all properties replaced by the row's, labels :Entity:<Label>[:Place]; returns their ids and element ids as two lists in row order.
// params: rows
CYPHER replan=skip
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e = row.props
SET e:$(row.labels)
RETURN collect(row.id) AS ids, collect(elementId(e)) AS element_ids

// name: create_mentions
// description: MENTIONS from the report node to the entities it names. Rows are lists, [target id, relationship id, evidence JSON, other properties]; $elements maps entity ids to element ids. CREATE, not MERGE: the report is new in this transaction, so none of its relationships exist yet.
// params: report, report_id, elements, rows
CYPHER replan=skip
MATCH (a:Report) WHERE elementId(a) = $report
UNWIND $rows AS row
MATCH (b:Entity) WHERE elementId(b) = $elements[row[0]]
CREATE (a)-[r:MENTIONS {id: row[1], report_id: $report_id, evidence: row[2]}]->(b)
SET r += row[3]
RETURN count(r) AS written

// name: create_facts
// description: The report's facts between entities. Rows are lists, [source id, target id, type, relationship id, evidence JSON, other properties]; $elements maps entity ids to element ids; the type is dynamic.
// params: report_id, elements, rows
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity) WHERE elementId(a) = $elements[row[0]]
MATCH (b:Entity) WHERE elementId(b) = $elements[row[1]]
CREATE (a)-[r:$(row[2]) {id: row[3], report_id: $report_id, evidence: row[4]}]->(b)
SET r += row[5]
RETURN count(r) AS written
