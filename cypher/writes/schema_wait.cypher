// Schema housekeeping run by Neo4jStore.ensure_schema after cypher/schema.cypher.

// name: await_indexes
// description: Wait (up to 300 s) until every index, the full-text one included, is online.
// params: -
CALL db.awaitIndexes(300)
