import type { Migration } from "kysely";
import * as m0001 from "./0001_core";
import * as m0002 from "./0002_benchmarks_services";
import * as m0003 from "./0003_staff";
import * as m0008 from "./0008_customer_types";
import * as m0009 from "./0009_rate_limits";
import * as m0010 from "./0010_assessment_links";
import * as m0011 from "./0011_adviser_workspace";
import * as m0012 from "./0012_dashboard_rollups";
import * as m0013 from "./0013_confirmed_peers";
import * as m0014 from "./0014_service_catalogue";
import * as m0016 from "./0016_company_latest";
import * as m0018 from "./0018_totp_replay";
import * as m0021 from "./0021_export_covering_indexes";
import * as m0022 from "./0022_client_list_sort_keys";
import * as m0023 from "./0023_recommended_companies";
import * as m0024 from "./0024_assessment_score_arrays";
import * as m0025 from "./0025_every_company_listed";
import * as m0026 from "./0026_dashboard_slice_sets";
import * as m0027 from "./0027_export_company_names";

/**
 * The static migration registry: the server, the CLI and the tests all run exactly
 * this list (no directory scanning, so the bundled server carries its migrations).
 * Append new migrations; never reorder or edit shipped ones.
 */
export const migrations: Record<string, Migration> = {
  "0001_core": m0001,
  "0002_benchmarks_services": m0002,
  "0003_staff": m0003,
  "0008_customer_types": m0008,
  "0009_rate_limits": m0009,
  "0010_assessment_links": m0010,
  "0011_adviser_workspace": m0011,
  "0012_dashboard_rollups": m0012,
  "0013_confirmed_peers": m0013,
  "0014_service_catalogue": m0014,
  "0016_company_latest": m0016,
  "0018_totp_replay": m0018,
  "0021_export_covering_indexes": m0021,
  "0022_client_list_sort_keys": m0022,
  "0023_recommended_companies": m0023,
  "0024_assessment_score_arrays": m0024,
  "0025_every_company_listed": m0025,
  "0026_dashboard_slice_sets": m0026,
  "0027_export_company_names": m0027,
};
