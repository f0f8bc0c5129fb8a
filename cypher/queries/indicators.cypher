// Indicators (REPORTED, place -> :Indicator). Each REPORTED fact is one observation: one
// place, one indicator, one year, one value. `value` and `unit` are as written;
// `value_normalised` is in `base_unit` (yuan, ratio for percentages, mu, ...), so values
// from different reports compare. `indicator` is the controlled name (地区生产总值 for 生产总值,
// GDP ...), `indicator_text` the report's own; a share (研发投入占地区生产总值比重) is its own
// indicator. `kind` is actual or target (older graphs: targets are facts in plan sections).
// Indicator nodes are per place (a place's series), so they are never hubs between towns.

// name: indicator_values
// description: 各地各年指标数值（含统一单位后的数值） / Indicator values across places and years, with normalised values
// params: indicator, place
// indicator: part of the indicator's name, or empty for all; place: name, alias, id or empty.
MATCH (p:Entity)-[r:REPORTED]->(i:Indicator)
WHERE (coalesce($indicator, '') = '' OR coalesce(r.indicator, i.name) CONTAINS $indicator OR i.name CONTAINS $indicator)
  AND (coalesce($place, '') = '' OR p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, []))
OPTIONAL MATCH (rep:Report {id: r.report_id})
RETURN coalesce(r.indicator, i.name) AS indicator, p.name AS place, r.year AS year, r.value AS value, r.unit AS unit,
       r.value_normalised AS value_normalised, r.base_unit AS base_unit, r.comparison AS comparison,
       coalesce(r.kind, CASE WHEN r.section_kind = 'plan' THEN 'target' ELSE 'actual' END) AS kind,
       coalesce(r.indicator_text, i.name) AS indicator_text, rep.title AS report
ORDER BY indicator, place, year, kind

// name: indicator_comparison
// description: 同一指标在同一年份各地的比较（按统一单位排序） / One indicator compared across places in one year, ranked by normalised value
// params: indicator, year
// indicator: the indicator's controlled (or exact) name; year: e.g. 2023. Only actual values
// (not targets), and never a share of the indicator (its own name differs).
MATCH (p:Entity)-[r:REPORTED]->(i:Indicator)
WHERE coalesce(r.indicator, i.name) = $indicator AND r.year = toInteger($year)
  AND coalesce(r.kind, CASE WHEN r.section_kind = 'plan' THEN 'target' ELSE 'actual' END) = 'actual'
  AND r.value_normalised IS NOT NULL
WITH r.base_unit AS base_unit, p, max(r.value_normalised) AS value_normalised
ORDER BY base_unit, value_normalised DESC, p.name
WITH base_unit, collect({place: p.name, value: value_normalised}) AS ranked
UNWIND range(0, size(ranked) - 1) AS position
RETURN ranked[position].place AS place, ranked[position].value AS value_normalised, base_unit,
       position + 1 AS rank
ORDER BY base_unit, rank

// name: indicator_trend
// description: 某地某指标逐年变化 / One place's indicator year by year, with the change from the previous year
// params: place, indicator
// place: name, alias or id; indicator: the indicator's exact name. Actual values only.
MATCH (p:Entity)-[r:REPORTED]->(i:Indicator)
WHERE (p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, []))
  AND coalesce(r.indicator, i.name) = $indicator AND r.year IS NOT NULL
  AND coalesce(r.kind, CASE WHEN r.section_kind = 'plan' THEN 'target' ELSE 'actual' END) = 'actual'
WITH p, coalesce(r.indicator, i.name) AS indicator, r.base_unit AS base_unit, r.year AS year, max(r.value_normalised) AS value
ORDER BY year
WITH p, indicator, base_unit, collect({year: year, value: value}) AS series
UNWIND range(0, size(series) - 1) AS k
RETURN p.name AS place, indicator, series[k].year AS year, series[k].value AS value_normalised,
       base_unit,
       CASE WHEN k > 0 THEN series[k].value - series[k - 1].value END AS change,
       CASE WHEN k > 0 AND series[k - 1].value <> 0
            THEN round((series[k].value - series[k - 1].value) / series[k - 1].value, 4) END AS change_ratio
ORDER BY base_unit, year
