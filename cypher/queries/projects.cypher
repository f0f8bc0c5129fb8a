// Work carried out (CARRIES_OUT, place or organisation -> :Project / :Initiative).
// `status` is completed, ongoing or planned; `year` the year it refers to.
// Empty parameters match everything; CLI parameters arrive as strings, hence toInteger().

// name: projects_by_status
// description: 按状态、年份和地方列出项目 / Projects by status, year and place
// params: status, year, place
// status: completed | ongoing | planned or empty; year: e.g. 2023 or empty; place: name, alias, id or empty.
MATCH (p:Entity)-[c:CARRIES_OUT]->(j:Project)
WHERE (coalesce($status, '') = '' OR c.status = $status)
  AND (coalesce(toString($year), '') = '' OR c.year = toInteger($year))
  AND (coalesce($place, '') = '' OR p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, []))
OPTIONAL MATCH (rep:Report {id: c.report_id})
RETURN p.name AS place, j.name AS project, c.status AS status, c.year AS year, rep.title AS report
ORDER BY place, year, status, project

// name: project_status_counts
// description: 各地每年项目数量按状态统计 / Number of projects per place and year, by status
// params: -
MATCH (p:Entity)-[c:CARRIES_OUT]->(j:Project)
WITH p, c.year AS year, c.status AS status, j
RETURN p.name AS place, year,
       count(DISTINCT CASE status WHEN 'completed' THEN j END) AS completed,
       count(DISTINCT CASE status WHEN 'ongoing' THEN j END) AS ongoing,
       count(DISTINCT CASE status WHEN 'planned' THEN j END) AS planned,
       count(DISTINCT j) AS projects
ORDER BY place, year

// name: initiatives_by_place
// description: 各地开展的工作举措（专项行动、创建活动等） / Initiatives carried out by places
// params: place
// place: name, alias or id of the place carrying them out, or empty for all.
MATCH (p:Place)-[c:CARRIES_OUT]->(i:Initiative)
WHERE coalesce($place, '') = '' OR p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
OPTIONAL MATCH (rep:Report {id: c.report_id})
RETURN p.name AS place, p.label AS place_label, i.name AS initiative, c.status AS status, c.year AS year,
       rep.title AS report
ORDER BY place, year, initiative
