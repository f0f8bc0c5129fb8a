// Computed properties written back onto entities (analytics: degree, pagerank, community, component).

// name: set_entity_properties
// description: Merge each row's properties onto its entity; a null value removes the property.
// params: rows
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e += row.props
RETURN count(e) AS updated
