// Enterprises brought in (INTRODUCED, place -> :Enterprise) and investments (INVESTS_IN,
// enterprise -> project or place). Amounts are in yuan (`amount_yuan`), with the
// report's own wording in `amount_text`. Facts read in plan sections are intentions,
// not introductions, and are left out.

// name: enterprises_introduced
// description: 各街道（乡镇）引进的企业及投资额 / Enterprises introduced by each sub-district, with their investment
// params: place
// place: a place name, alias or id, or empty for every place.
MATCH (p:Place)-[i:INTRODUCED]->(e:Enterprise)
WHERE coalesce(i.section_kind, '') <> 'plan'
  AND (coalesce($place, '') = '' OR p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, []))
OPTIONAL MATCH (rep:Report {id: i.report_id})
RETURN p.name AS place, e.name AS enterprise, i.amount_yuan AS amount_yuan, i.amount_text AS amount_text,
       i.year AS year, rep.title AS report
ORDER BY place, year, enterprise

// name: investment_by_subdistrict_year
// description: 各街道（乡镇）按年度统计的招商引资总额 / Investment introduced per sub-district and year (totals)
// params: -
// Each stated amount counts once: an amount is kept on one INTRODUCED edge (the enterprise's
// when a deal names enterprise and project), and `amount_ref` (its offset in the report) with
// the report id tells one stated amount from another. Years are never summed together.
MATCH (s:Subdistrict)-[i:INTRODUCED]->(e:Entity)
WHERE coalesce(i.section_kind, '') <> 'plan'
WITH s, i.year AS year, collect(DISTINCT CASE WHEN e:Enterprise THEN e.id END) AS enterprises,
     collect(DISTINCT CASE WHEN i.amount_yuan IS NOT NULL
                           THEN [i.report_id, toString(coalesce(i.amount_ref, i.id)), i.amount_yuan] END) AS stated
WITH s, year, size(enterprises) AS enterprises, reduce(total = 0, a IN stated | total + a[2]) AS total
RETURN s.name AS subdistrict, year, enterprises, total AS total_yuan,
       round(total / 10000.0, 2) AS total_wan_yuan
ORDER BY subdistrict, year

// name: enterprise_investments
// description: 企业投资的项目、地点与金额 / What enterprises invest in, where, and how much
// params: enterprise
// enterprise: an enterprise name, alias or id, or empty for all.
MATCH (e:Enterprise)-[i:INVESTS_IN]->(t:Entity)
WHERE coalesce($enterprise, '') = '' OR e.id = $enterprise OR e.name = $enterprise
   OR $enterprise IN coalesce(e.aliases, [])
OPTIONAL MATCH (rep:Report {id: i.report_id})
RETURN e.name AS enterprise, t.name AS target, t.label AS target_label,
       head([(t)-[:LOCATED_IN]->(where:Place) | where.name]) AS located_in,
       i.amount_yuan AS amount_yuan, i.amount_text AS amount_text, i.year AS year, rep.place AS reported_by
ORDER BY enterprise, year, target
