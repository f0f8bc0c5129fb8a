// Reports and what they share.

// name: reports_by_place_year
// description: 按地方和年份列出报告 / Reports by place and year
// params: place, year
// place: the report's place name or place id, or empty; year: a year the report covers, or empty.
MATCH (rep:Report)
WHERE (coalesce($place, '') = '' OR rep.place = $place OR rep.place_id = $place)
  AND (coalesce(toString($year), '') = '' OR rep.year = toInteger($year)
       OR toInteger($year) IN coalesce(rep.years, []))
RETURN rep.place AS place, rep.year AS year, rep.years AS years, rep.title AS title, rep.kind AS kind,
       rep.period AS period, rep.path AS path, COUNT { (rep)-[:MENTIONS]->() } AS entities, rep.id AS id
ORDER BY place, year, title

// name: shared_entities
// description: 被多份报告共同提到的实体 / Entities mentioned by several reports
// params: min_reports
// min_reports: the least number of reports (default 2).
MATCH (rep:Report)-[:MENTIONS]->(e:Entity)
WITH e, collect(DISTINCT rep.title) AS titles
WHERE size(titles) >= coalesce(toInteger($min_reports), 2)
RETURN e.name AS entity, e.label AS label, size(titles) AS reports, titles, e.id AS id
ORDER BY reports DESC, label, entity

// name: report_fact_counts
// description: 某份报告抽取的事实数量（按关系类型） / Facts drawn from one report, counted by relation type
// params: report
// report: the report's id or title.
MATCH (rep:Report)
WHERE rep.id = $report OR rep.title = $report
MATCH ()-[r]->()
WHERE r.report_id = rep.id
RETURN rep.title AS report, type(r) AS relation, count(r) AS facts
ORDER BY relation
