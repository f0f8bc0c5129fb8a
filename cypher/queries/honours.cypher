// Honours (AWARDED -> :Honour). Honour nodes carry `level`:
// national, provincial, city, district or other. An empty `level` parameter lists every level.
// `sentences` quotes the first evidence sentence of each award (what it was for): the stores
// write `evidence` as compact JSON text, `[{"report_id":…,"section_kind":…,"sentence":"…","start":…}]`
// (earlier versions put a space after `:` and `,`, taken out first), and Cypher without plugins
// cannot parse JSON, so the sentence is cut out between its keys.

// name: village_honours
// description: 按级别列出获得荣誉的村及所获荣誉 / Villages with honours, by level, and what they were honoured for
// params: level
// level: national | provincial | city | district | other, or empty for all.
MATCH (v:Village)-[a:AWARDED]->(h:Honour)
WHERE coalesce($level, '') = '' OR h.level = $level
OPTIONAL MATCH (rep:Report {id: a.report_id})
WITH v, h, a.year AS year, collect(DISTINCT rep.title) AS reports,
     collect(DISTINCT split(split(replace(replace(a.evidence, '": "', '":"'), '", "', '","'), '"sentence":"')[1], '","start"')[0]) AS sentences,
     head([(v)-[:PART_OF]->(parent:Place) | parent.name]) AS parent
RETURN v.name AS village, parent, h.name AS honour, h.level AS level, year, sentences, reports
ORDER BY CASE level WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'city' THEN 2
         WHEN 'district' THEN 3 ELSE 4 END, village, year, honour

// name: place_honours
// description: 按级别和地名类别列出获得荣誉的地方（村、社区、街道等） / Places of any kind with honours, by level and place label
// params: level, label
// label: Village, Community, Subdistrict, District, City, Province, or empty for all places.
MATCH (p:Place)-[a:AWARDED]->(h:Honour)
WHERE (coalesce($level, '') = '' OR h.level = $level)
  AND (coalesce($label, '') = '' OR p.label = $label)
OPTIONAL MATCH (rep:Report {id: a.report_id})
WITH p, h, a.year AS year, collect(DISTINCT rep.title) AS reports,
     collect(DISTINCT split(split(replace(replace(a.evidence, '": "', '":"'), '", "', '","'), '"sentence":"')[1], '","start"')[0]) AS sentences
RETURN p.name AS place, p.label AS place_label, h.name AS honour, h.level AS level, year, sentences, reports
ORDER BY CASE level WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'city' THEN 2
         WHEN 'district' THEN 3 ELSE 4 END, place, year, honour

// name: honours_of_place
// description: 某地（按名称或编号）获得的全部荣誉 / All honours of one place (by name, alias or id)
// params: place
MATCH (p:Place)-[a:AWARDED]->(h:Honour)
WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
OPTIONAL MATCH (rep:Report {id: a.report_id})
WITH p, h, a.year AS year, collect(DISTINCT rep.title) AS reports,
     collect(DISTINCT split(split(replace(replace(a.evidence, '": "', '":"'), '", "', '","'), '"sentence":"')[1], '","start"')[0]) AS sentences
RETURN p.name AS place, h.name AS honour, h.level AS level, year, sentences, reports
ORDER BY year, honour

// name: honour_counts_by_level
// description: 各地获得荣誉数量按级别统计 / Number of honours per place, by level
// params: -
// One honour in one year counts once, however many reports repeat it.
MATCH (p:Place)-[a:AWARDED]->(h:Honour)
WITH p, h.level AS level, h.id + '|' + coalesce(toString(a.year), '') AS award
WITH p,
     count(DISTINCT CASE level WHEN 'national' THEN award END) AS national,
     count(DISTINCT CASE level WHEN 'provincial' THEN award END) AS provincial,
     count(DISTINCT CASE level WHEN 'city' THEN award END) AS city,
     count(DISTINCT CASE level WHEN 'district' THEN award END) AS district,
     count(DISTINCT CASE WHEN NOT coalesce(level, 'other') IN ['national', 'provincial', 'city', 'district']
                         THEN award END) AS other,
     count(DISTINCT award) AS total
RETURN p.name AS place, p.label AS place_label, national, provincial, city, district, other, total
ORDER BY total DESC, national DESC, provincial DESC, place
