import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

// Swedish name order without ICU (PGlite has no sv collation): lower case, every Latin
// letter with a diacritic folded to its base letter as in search_name, except the Swedish
// letters, which go after z in the "C" collation: å → "{", ä and æ → "|", ö and ø → "}"
// (ü sorts as y). FOLD_FROM / FOLD_TO of app/lib/core/search-fold.ts with those changes.
const SORT_FROM = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťţùúûüūůűųýÿźżžæ";
const SORT_TO = "aaaa|{aaacccdeeeeeeeeiiiiiilnnnoooo}}oorrsssttuuuyuuuuyyzzz|";

// The client list's sorts that a filter on company_latest can serve from an index, each in
// both directions (nulls last either way, as the list orders), then by name and id.
const FILTERS = ["band", "next_step"] as const;
const SORTS = ["overall_score", "change", "latest_at"] as const;

/**
 * The client list at a million companies (docs/decisions/029): the name's Swedish sort key
 * on `companies` (generated, so every writer fills it) and copied into `company_latest`,
 * whose filter + sort indexes then serve "filter, sort, page" without sorting every
 * matching row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table companies add column sort_name text collate "C" generated always as
    (translate(lower(name), ${sql.lit(SORT_FROM)}, ${sql.lit(SORT_TO)})) stored`.execute(db);
  await sql`create index companies_sort_name_idx on companies (sort_name, id)`.execute(db);
  await sql`drop index if exists companies_search_name_idx`.execute(db);

  await sql`alter table company_latest add column sort_name text collate "C"`.execute(db);
  await sql`update company_latest l set sort_name = c.sort_name
    from companies c where c.id = l.company_id`.execute(db);
  for (const filter of FILTERS) {
    await sql`create index ${sql.raw(`company_latest_${filter}_name_idx`)}
      on company_latest (${sql.raw(filter)}, sort_name, company_id)`.execute(db);
    for (const sort of SORTS) {
      await sql`create index ${sql.raw(`company_latest_${filter}_${sort}_idx`)}
        on company_latest (${sql.raw(filter)}, ${sql.raw(sort)}, sort_name, company_id)`.execute(
        db,
      );
      await sql`create index ${sql.raw(`company_latest_${filter}_${sort}_desc_idx`)}
        on company_latest (${sql.raw(filter)}, ${sql.raw(sort)} desc nulls last,
          sort_name, company_id)`.execute(db);
    }
  }
  // The single-column indexes of 0016 are prefixes of the ones above.
  await sql`drop index if exists company_latest_band_idx`.execute(db);
  await sql`drop index if exists company_latest_next_step_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index company_latest_band_idx on company_latest (band)`.execute(db);
  await sql`create index company_latest_next_step_idx on company_latest (next_step)`.execute(db);
  for (const filter of FILTERS) {
    await sql`drop index ${sql.raw(`company_latest_${filter}_name_idx`)}`.execute(db);
    for (const sort of SORTS) {
      await sql`drop index ${sql.raw(`company_latest_${filter}_${sort}_idx`)}`.execute(db);
      await sql`drop index ${sql.raw(`company_latest_${filter}_${sort}_desc_idx`)}`.execute(db);
    }
  }
  await sql`alter table company_latest drop column sort_name`.execute(db);
  await sql`create index companies_search_name_idx on companies (search_name, id)`.execute(db);
  await sql`drop index companies_sort_name_idx`.execute(db);
  await sql`alter table companies drop column sort_name`.execute(db);
}
