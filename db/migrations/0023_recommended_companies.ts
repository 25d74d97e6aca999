import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The dashboard's "recommended" counts companies, not recommendations
 * (db/queries/dashboard.ts, docs/dashboard.md): a company counts once per category and per
 * service, per stage ("recommended") and over every stage ("recommended-any", stage ""), in
 * the month of its first such recommendation. The rows counted the old way are replaced by
 * rows computed here the new way (the same SQL as the rollups' contribution of that day),
 * so a database keeps rollups equal to a rebuild without one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from dashboard_rollups where measure = 'recommended'`.execute(db);
  await sql`
    insert into dashboard_rollups (definition_id, definition_major, measure, month, stage,
      region, sector, size_class, partner_id, metric, item, count, total)
    select definition_id, definition_major, measure,
      date_trunc('month', first at time zone 'UTC')::date, stage, region, sector, size_class,
      partner_id, category, item, count(*)::int, 0
    from (
      select d.definition_id, d.definition_major, m.measure, m.stage, d.region, d.sector,
        d.size_class, d.partner_id, v.category, x.item, min(d.submitted_at) as first
      from (
        select a.id, a.company_id, a.definition_id, a.definition_major, a.stage,
          a.submitted_at, c.region, coalesce(c.primary_sector, c.primary_area, '') as sector,
          c.size_class, coalesce((
            select u.partner_id from company_assignments ca join users u on u.id = ca.user_id
            where ca.company_id = c.id and u.partner_id is not null
            order by ca.assigned_at, ca.user_id limit 1
          ), '') as partner_id
        from assessments a join companies c on c.id = a.company_id
        where a.status = 'submitted'
      ) d
      join recommendations r on r.assessment_id = d.id
      join service_versions v on v.id = r.service_version_id
      cross join lateral (values (''), (v.service_id)) x(item)
      cross join lateral (values ('recommended', d.stage), ('recommended-any', ''))
        m(measure, stage)
      group by d.company_id, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ) recommended
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from dashboard_rollups where measure in ('recommended', 'recommended-any')`.execute(
    db,
  );
  await sql`
    insert into dashboard_rollups (definition_id, definition_major, measure, month, stage,
      region, sector, size_class, partner_id, metric, item, count, total)
    select a.definition_id, a.definition_major, 'recommended',
      date_trunc('month', a.submitted_at at time zone 'UTC')::date, a.stage, c.region,
      coalesce(c.primary_sector, c.primary_area, ''), c.size_class, coalesce((
        select u.partner_id from company_assignments ca join users u on u.id = ca.user_id
        where ca.company_id = c.id and u.partner_id is not null
        order by ca.assigned_at, ca.user_id limit 1
      ), ''), v.category, v.service_id, count(*)::int, 0
    from assessments a join companies c on c.id = a.company_id
    join recommendations r on r.assessment_id = a.id
    join service_versions v on v.id = r.service_version_id
    where a.status = 'submitted'
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  `.execute(db);
}
