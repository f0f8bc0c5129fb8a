// GovKG's Neo4j schema: run statement by statement (graph.queries.schema_statements) by
// Neo4jStore on open. Every statement is IF NOT EXISTS, so running it again changes nothing.

// One id per node: a uniqueness constraint (and with it a range index) on `id` for every label.
// Writes MERGE on :Entity(id) and :Report(id) only; the per-label constraints keep ids unique
// for queries that match on a specific label.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
// Per-label constraints: generated from graph/labels.toml by `python -m graph.labels`.
CREATE CONSTRAINT province_id IF NOT EXISTS FOR (n:Province) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT city_id IF NOT EXISTS FOR (n:City) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT district_id IF NOT EXISTS FOR (n:District) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT subdistrict_id IF NOT EXISTS FOR (n:Subdistrict) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT village_id IF NOT EXISTS FOR (n:Village) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT honour_id IF NOT EXISTS FOR (n:Honour) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT initiative_id IF NOT EXISTS FOR (n:Initiative) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;

// Exact name lookups (`e.name = $x` on :Entity in the query library). No per-label name
// indexes: no query looks a name up by a specific label, and each one was an index entry
// more per entity written (bench/load_neo4j.py: about 15% of the server's CPU per load).
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// A report's identity for replacement: the same path under a new content hash.
CREATE INDEX report_path IF NOT EXISTS FOR (n:Report) ON (n.path);

// Search: names and aliases of every entity. The cjk analyzer indexes Chinese text as
// overlapping character bigrams, so a phrase query for any substring of two or more
// characters finds the name (other text is sent as wildcard terms, see below).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// Search text the bigram index cannot answer as a phrase (one character, digits or Latin
// letters cut inside a word, e.g. "G10" in G106国道) goes to the same full-text index as
// wildcard terms (`*g10*`, `*段*`); a TEXT index on names for it cost about 20% of the
// server's CPU per load and did not cover aliases.

// No relationship property indexes: a report finds its own relationships by traversal (its
// MENTIONS from the report node, its facts from the entities in the report's fact_sources),
// and one `report_id` index per relationship type cost an index entry per relationship
// written, about a tenth of the server's CPU in bench/load_neo4j.py.

// Indexes earlier versions of this schema created, dropped from databases that have them.
DROP INDEX part_of_report_id IF EXISTS;
DROP INDEX awarded_report_id IF EXISTS;
DROP INDEX introduced_report_id IF EXISTS;
DROP INDEX invests_in_report_id IF EXISTS;
DROP INDEX located_in_report_id IF EXISTS;
DROP INDEX carries_out_report_id IF EXISTS;
DROP INDEX reported_report_id IF EXISTS;
DROP INDEX mentions_report_id IF EXISTS;
DROP INDEX entity_name_text IF EXISTS;
DROP INDEX province_name IF EXISTS;
DROP INDEX city_name IF EXISTS;
DROP INDEX district_name IF EXISTS;
DROP INDEX subdistrict_name IF EXISTS;
DROP INDEX village_name IF EXISTS;
DROP INDEX community_name IF EXISTS;
DROP INDEX project_name IF EXISTS;
DROP INDEX enterprise_name IF EXISTS;
DROP INDEX honour_name IF EXISTS;
DROP INDEX person_name IF EXISTS;
DROP INDEX organization_name IF EXISTS;
DROP INDEX initiative_name IF EXISTS;
DROP INDEX indicator_name IF EXISTS;
