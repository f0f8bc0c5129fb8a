// Chart data for the viewer's home page (GraphStore.overview); entity counts per label come
// from count_labels in read.cypher.

// name: overview_reports_per_year
// description: Reports per year (reports without a year are left out).
// params: -
MATCH (r:Report)
WHERE r.year IS NOT NULL
RETURN r.year AS key, count(r) AS n

// name: overview_reports_per_place
// description: Reports per place name (reports without a place are left out).
// params: -
MATCH (r:Report)
WHERE coalesce(r.place, '') <> ''
RETURN r.place AS key, count(r) AS n

// name: overview_honours_per_place
// description: AWARDED facts per recipient place, most first.
// params: top
MATCH (p:Place)-[:AWARDED]->(:Honour)
WITH p, count(*) AS n
RETURN p.id AS id, p.name AS name, p.label AS label, n AS count
ORDER BY count DESC, name, id
LIMIT $top

// name: overview_investment_per_subdistrict
// description: Sum of INTRODUCED amounts (yuan) per sub-district and year, each stated amount once, plans left out; most first.
// params: top
MATCH (s:Subdistrict)-[i:INTRODUCED]->()
WHERE i.amount_yuan IS NOT NULL AND coalesce(i.section_kind, '') <> 'plan'
WITH s, i.year AS year, collect(DISTINCT [i.report_id, toString(coalesce(i.amount_ref, i.id)), i.amount_yuan]) AS stated
WITH s, year, reduce(total = 0.0, a IN stated | total + a[2]) AS amount
RETURN s.id AS id, s.name AS name, year, amount AS amount_yuan
ORDER BY amount_yuan DESC, name, id, toString(year)
LIMIT $top
