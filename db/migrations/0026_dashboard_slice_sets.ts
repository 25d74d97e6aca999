import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The dashboard's rollups keep, beside the full grain (every slice column kept), the sums
 * over every set of at most two of the slice columns (docs/decisions/035): `slices` is the
 * set's bit mask (region 8, sector 4, size class 2, partner 1; 15 is the full grain), a
 * column not kept holds "". A filter on at most two slice columns then reads a few
 * thousand rows of its set instead of summing millions of full-grain rows. The key leads
 * with the slice values, the measure and the metric, so that a read's equalities are an
 * index prefix and its period a range after them; the key's index includes the count and
 * the total, so that a read is an index-only scan.
 */
const KEY = sql`definition_id, definition_major, slices, region, sector, size_class,
  partner_id, measure, metric, month, stage, item`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table dashboard_rollups add column slices smallint not null default 15`.execute(
    db,
  );
  await sql`alter table dashboard_rollups drop constraint dashboard_rollups_pkey`.execute(db);
  await sql`
    insert into dashboard_rollups (${KEY}, count, total)
    select definition_id, definition_major,
      15 - grouping(region, sector, size_class, partner_id),
      coalesce(region, ''), coalesce(sector, ''), coalesce(size_class, ''),
      coalesce(partner_id, ''), measure, metric, month, stage, item, sum(count), sum(total)
    from dashboard_rollups
    group by definition_id, definition_major, measure, month, stage, metric, item,
      grouping sets ((), (region), (sector), (size_class), (partner_id), (region, sector),
        (region, size_class), (region, partner_id), (sector, size_class),
        (sector, partner_id), (size_class, partner_id))
    having sum(count) <> 0 or sum(total) <> 0
  `.execute(db);
  await sql`
    alter table dashboard_rollups add constraint dashboard_rollups_pkey primary key (${KEY})
      include (count, total)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table dashboard_rollups drop constraint dashboard_rollups_pkey`.execute(db);
  await sql`delete from dashboard_rollups where slices <> 15`.execute(db);
  await sql`alter table dashboard_rollups drop column slices`.execute(db);
  await sql`
    alter table dashboard_rollups add constraint dashboard_rollups_pkey primary key
      (definition_id, definition_major, measure, month, stage, region, sector, size_class,
        partner_id, metric, item)
  `.execute(db);
}
