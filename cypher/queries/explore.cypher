// Exploring around entities. Report nodes and MENTIONS are left out: two entities
// are neighbours when a fact joins them, not when one report names both.

// name: entity_neighbourhood
// description: 实体的邻域（一跳或两跳内相连的实体） / The neighbourhood of an entity (entities within one or two hops)
// params: entity, depth
// entity: name, alias or id; depth: 1 or 2 (default 1).
MATCH (e:Entity)
WHERE e.id = $entity OR e.name = $entity OR $entity IN coalesce(e.aliases, [])
MATCH path = (e)-[:PART_OF|AWARDED|INTRODUCED|INVESTS_IN|LOCATED_IN|CARRIES_OUT|REPORTED*1..2]-(n:Entity)
WHERE n <> e AND length(path) <= coalesce(toInteger($depth), 1)
WITH e, n, length(path) AS hops, [r IN relationships(path) | type(r)] AS types
ORDER BY hops
WITH e, n, collect({hops: hops, types: types}) AS routes
WITH e, n, routes[0].hops AS hops, [x IN routes WHERE x.hops = routes[0].hops | x.types] AS shortest
RETURN e.name AS entity, n.name AS neighbour, n.label AS label, hops,
       reduce(seen = [], t IN reduce(all = [], types IN shortest | all + types) |
              CASE WHEN t IN seen THEN seen ELSE seen + t END) AS relations,
       n.id AS id
ORDER BY hops, label, neighbour

// name: shortest_path
// description: 两个实体之间的最短路径 / Shortest path between two entities
// params: source, target
// source, target: names, aliases or ids. At most 6 hops, ignoring direction.
MATCH (a:Entity)
WHERE a.id = $source OR a.name = $source OR $source IN coalesce(a.aliases, [])
MATCH (b:Entity)
WHERE b.id = $target OR b.name = $target OR $target IN coalesce(b.aliases, [])
WITH a, b WHERE a <> b
MATCH path = shortestPath((a)-[:PART_OF|AWARDED|INTRODUCED|INVESTS_IN|LOCATED_IN|CARRIES_OUT|REPORTED*..6]-(b))
RETURN length(path) AS hops, [n IN nodes(path) | n.name] AS names, [n IN nodes(path) | n.label] AS labels,
       [r IN relationships(path) | type(r)] AS relations
ORDER BY hops
LIMIT 1

// name: entity_facts
// description: 与某实体相关的全部事实及出处 / Every fact about one entity, with the report stating it
// params: entity
// entity: name, alias or id.
MATCH (e:Entity)
WHERE e.id = $entity OR e.name = $entity OR $entity IN coalesce(e.aliases, [])
MATCH (e)-[r]-(other:Entity)
OPTIONAL MATCH (rep:Report {id: r.report_id})
RETURN e.name AS entity, type(r) AS relation, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       other.name AS other, other.label AS other_label, r.year AS year, r.status AS status,
       r.section_kind AS section_kind, rep.title AS report
ORDER BY relation, year, other
