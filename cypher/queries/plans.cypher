// Plans and what became of them. A planned fact is a relation with status `planned`
// or one read in a plan section (section_kind = 'plan'). Its year is its own `year`,
// else the report's year (a plan report) or the year after (a review with a plan part).

// name: planned_for_year
// description: 某地计划在某年开展的工作 / What a place planned for a given year
// params: place, year
// place: name, alias or id of the planning place (or of the report's place); year: the planned year.
MATCH (a:Entity)-[p]->(t:Entity)
WHERE NOT type(p) IN ['MENTIONS', 'PART_OF']
  AND (p.status = 'planned' OR p.section_kind = 'plan')
MATCH (rep:Report {id: p.report_id})
WITH a, p, t, rep, coalesce(p.year, CASE WHEN rep.period = 'plan' THEN rep.year ELSE rep.year + 1 END) AS plan_year
WHERE plan_year = toInteger($year)
  AND (rep.place_id = $place OR rep.place = $place OR a.id = $place OR a.name = $place
       OR $place IN coalesce(a.aliases, []))
RETURN rep.place AS place, plan_year, type(p) AS relation, a.name AS actor, t.name AS planned, t.label AS label,
       rep.title AS report
ORDER BY relation, planned

// name: plan_versus_outcome
// description: 计划与完成情况对照：上一份报告的计划在下一份报告中是否完成 / Plan versus outcome across consecutive reports of one place
// params: place
// For each planned fact, the same place's (non-plan) report on the planned year is searched
// for the same kind of fact about the same entity, or about an entity of the same label that
// report mentions, with a close name (character-bigram Dice >= 0.6). outcome: done | ongoing | not_reported
// (that report exists but does not say) | planned (no report on that year yet).
// graph/plan_outcome.py gives the same rows from a Graph (tests check both agree).
MATCH (a:Entity)-[p]->(t:Entity)
WHERE NOT type(p) IN ['MENTIONS', 'PART_OF']
  AND (p.status = 'planned' OR p.section_kind = 'plan')
MATCH (plan:Report {id: p.report_id})
WHERE coalesce($place, '') = '' OR plan.place_id = $place OR plan.place = $place
WITH plan, coalesce(p.year, CASE WHEN plan.period = 'plan' THEN plan.year ELSE plan.year + 1 END) AS plan_year,
     collect({p: p, t: t}) AS planned
// The same place's reports on the planned year, looked up once per plan report and year.
OPTIONAL MATCH (later:Report)
WHERE later.id <> plan.id AND coalesce(later.period, '') <> 'plan' AND later.year = plan_year
  AND CASE WHEN coalesce(plan.place_id, '') <> '' THEN later.place_id = plan.place_id
           ELSE coalesce(plan.place, '') <> '' AND later.place = plan.place END
WITH plan, plan_year, planned, collect(later) AS laters,
     reduce(m = null, x IN collect(later.id) | CASE WHEN m IS NULL OR x < m THEN x ELSE m END) AS first_later
UNWIND planned AS item
WITH plan, plan_year, first_later, laters, item.p AS p, item.t AS t,
     reduce(s = [], b IN [i IN range(0, size(item.t.name) - 2) | substring(item.t.name, i, 2)] |
            CASE WHEN b IN s THEN s ELSE s + b END) AS planned_bigrams
UNWIND CASE WHEN size(laters) = 0 THEN [null] ELSE laters END AS later
// Candidates: the planned entity itself, and the entities of its label that the later report
// mentions with a close name; only their facts are read, through the graph.
WITH plan, plan_year, first_later, p, t, later, planned_bigrams,
     [m IN CASE WHEN later IS NULL THEN [] ELSE [(later)-[:MENTIONS]->(m:Entity) WHERE m.label = t.label AND m <> t | m] END |
      {node: m, bigrams: reduce(s = [], b IN [i IN range(0, size(m.name) - 2) | substring(m.name, i, 2)] |
                                CASE WHEN b IN s THEN s ELSE s + b END)}] AS mentioned
WITH plan, plan_year, first_later, p, t, later,
     CASE WHEN later IS NULL THEN [null]
          ELSE [{node: t, similarity: 1.0}] + [x IN [y IN mentioned | {node: y.node, similarity:
                 CASE WHEN size(y.bigrams) + size(planned_bigrams) = 0 THEN 0.0
                      ELSE round(2.0 * size([b IN y.bigrams WHERE b IN planned_bigrams])
                                 / (size(y.bigrams) + size(planned_bigrams)), 3) END}]
                 WHERE x.similarity >= 0.6] END AS candidates
UNWIND candidates AS candidate
WITH plan, plan_year, first_later, p, t, later, candidate.node AS node, candidate.similarity AS similarity
OPTIONAL MATCH (node)<-[o]-(:Entity)
WHERE o.report_id = later.id AND type(o) = type(p)
  AND coalesce(o.status, '') <> 'planned' AND coalesce(o.section_kind, '') <> 'plan'
WITH plan, plan_year, first_later, p, t, later, o, CASE WHEN o IS NULL THEN null ELSE node END AS found, similarity
ORDER BY CASE WHEN found.id = t.id THEN 0 ELSE 1 END, similarity DESC,
         CASE WHEN o.status = 'ongoing' THEN 1 ELSE 0 END, o.id
WITH plan, plan_year, first_later, p, t,
     collect(CASE WHEN found IS NOT NULL THEN {report: later.id, id: found.id, name: found.name, status: o.status,
                                               similarity: similarity} END)[0] AS best
RETURN plan.place AS place, plan.place_id AS place_id, plan.id AS plan_report_id, plan_year,
       type(p) AS type, t.name AS planned, t.id AS planned_id, t.label AS label,
       CASE WHEN best IS NOT NULL THEN CASE best.status WHEN 'ongoing' THEN 'ongoing' ELSE 'done' END
            WHEN first_later IS NOT NULL THEN 'not_reported'
            ELSE 'planned' END AS outcome,
       coalesce(best.report, first_later) AS outcome_report_id,
       best.name AS matched, best.id AS matched_id, coalesce(best.similarity, 0.0) AS similarity,
       p.id AS relation_id
ORDER BY place, plan_year, type, planned, relation_id
