import { z } from "zod";
import {
  streamDeliveredRows,
  streamDmaResultCsv,
  streamExportRows,
  type DeliveredExportRow,
  type ExportFilter,
  type ExportRow,
} from "../../../db/queries/exports";
import { CSV_BOM, csvCell, csvLine, type CsvSeparator } from "../core/csv";
import {
  answerColumns,
  DELIVERED_SERVICE_COLUMNS,
  DMA_RESULT_EXTRA_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
} from "../core/exports";
import type { Answers } from "../core/answers";
import { LANGUAGES, type LanguageId } from "../core/vocabularies";
import type { Translate } from "../view/translate";
import { majorOf } from "../core/definitions";
import type { Executor } from "../../../db/database";
import { database } from "./db.server";
import { xlsxChunks } from "./xlsx.server";
import { getDefinitionRegistry } from "./definitions.server";
import {
  dashboardQuestionnaires,
  NO_PARTNER,
  parseDashboardQuery,
  type DashboardFilter,
} from "./dashboard.server";
import { getHubConfig } from "./hub.server";
import { translatorFor } from "./i18n.server";

const ExportQuerySchema = z.object({
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS).default("csv"),
  sep: z.enum(["comma", "semicolon"]).default("comma"),
  lang: z.enum(LANGUAGES).default("en"),
});

/** An export asked for: what, in which format and language, of which slice. */
export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  separator: CsvSeparator;
  lang: LanguageId;
  filter: DashboardFilter;
}

/** Parses /hub/exports/download's query string (the dashboard's filters and the export's). */
export function parseExportQuery(url: URL): ExportRequest {
  const filter = parseDashboardQuery(url);
  const parsed = ExportQuerySchema.safeParse({
    kind: url.searchParams.get("kind") ?? undefined,
    format: url.searchParams.get("format") || undefined,
    sep: url.searchParams.get("sep") || undefined,
    lang: url.searchParams.get("lang") || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Response(`${issue.path.join(".")}: ${issue.message}`, { status: 400 });
  }
  const { kind, format, sep, lang } = parsed.data;
  return { kind, format, separator: sep === "semicolon" ? ";" : ",", lang, filter };
}

/** The dashboard's filter as the export queries take it. */
export function exportFilter(filter: DashboardFilter): ExportFilter {
  return {
    definitionId: filter.definitionId,
    definitionMajor: filter.definitionMajor,
    from: filter.from && `${filter.from}-01`,
    to: filter.to && `${filter.to}-01`,
    stage: filter.stage,
    region: filter.region,
    sector: filter.sector,
    size: filter.size,
    partner:
      filter.partner === undefined
        ? undefined
        : filter.partner === NO_PARTNER
          ? ""
          : filter.partner,
  };
}

type Value = string | number | null;

/** An export's header and how each stored row becomes a line of it. */
export interface Layout<Row = ExportRow> {
  header: string[];
  line: (row: Row) => Value[];
}

// One formatter for every row: building an Intl.DateTimeFormat costs far more than using one.
const STOCKHOLM_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });
/** A day as YYYY-MM-DD in Europe/Stockholm. */
export const localDate = (value: Date) => STOCKHOLM_DATE.format(value);
const rounded = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 100) / 100;

/**
 * The columns of an export of the filter's questionnaire, worded in `lang`, and the
 * dimensions whose scores its rows carry (in the order of ExportRow's `scores`).
 */
function layoutOf(
  request: ExportRequest,
  t: Translate,
): Layout & {
  dimensions: string[];
  versions: Map<string, string[]>;
  /** Each band id's name in the export's language. */
  bandName: Map<string, string>;
} {
  const questionnaire = dashboardQuestionnaires().find(
    (q) =>
      q.definitionId === request.filter.definitionId && q.major === request.filter.definitionMajor,
  );
  if (!questionnaire) throw new Response("q: no such questionnaire", { status: 400 });
  const { definition } = questionnaire.entry;
  const type = questionnaire.customerType;
  const dimensions = definition.dimensions.map((d) => d.id);
  const versions = versionDimensions(request.filter.definitionId, request.filter.definitionMajor);
  const bandName = new Map(definition.bands.map((b) => [b.id, b.name[request.lang]]));
  // The Commission platform's column names (in English exactly as it spells them).
  const commission = (id: string) => t(`exports.commission.${type}.${id}`);
  const scores = (row: ExportRow) => row.scores.map(rounded);
  if (request.kind === "dma-results") {
    return {
      dimensions,
      versions,
      bandName,
      header: [
        commission("name"),
        ...dimensions.map(commission),
        ...DMA_RESULT_EXTRA_COLUMNS.map((c) => t(`exports.column.${c}`)),
      ],
      // A million of these per download: one array, filled in place (decision 032).
      line: (row) => {
        const n = row.scores.length;
        const values = new Array<Value>(n + 8);
        values[0] = row.name;
        for (let i = 0; i < n; i++) values[i + 1] = rounded(row.scores[i]);
        values[n + 1] = rounded(row.overall);
        values[n + 2] = row.band ? (bandName.get(row.band) ?? row.band) : null;
        values[n + 3] = row.stage;
        values[n + 4] = row.createdOn;
        values[n + 5] = row.submittedOn;
        values[n + 6] = row.orgNumber;
        values[n + 7] = row.definitionVersion;
        return values;
      },
    };
  }
  const anonymous = request.kind === "answers-anonymous";
  const answers = answerColumns(definition).filter((c) => !(anonymous && c.text));
  const profile = ["stage", "region", "sector", "sizeClass", "overall"] as const;
  const profileValues = (row: ExportRow) => [
    row.stage,
    row.profile?.region ?? "",
    row.profile?.sector ?? "",
    row.profile?.sizeClass ?? "",
    rounded(row.overall),
  ];
  return {
    dimensions,
    versions,
    bandName,
    header: [
      ...(anonymous
        ? [t("exports.column.submittedMonth")]
        : ["assessmentId", "name", "orgNumber", "submitted"].map((c) => t(`exports.column.${c}`))),
      ...profile.map((c) => t(`exports.column.${c}`)),
      ...dimensions,
      ...answers.map((c) => c.key),
    ],
    line: (row) => {
      const given = (row.answers ?? {}) as Answers;
      return [
        ...(anonymous
          ? [row.submittedOn.slice(0, 7)]
          : [row.id ?? null, row.name, row.orgNumber, row.submittedOn]),
        ...profileValues(row),
        ...scores(row),
        ...answers.map((c) => c.read(given)),
      ];
    },
  };
}

/** Every version of a questionnaire's major with its dimension ids (the exports read any of them). */
function versionDimensions(definitionId: string, major: number): Map<string, string[]> {
  const registry = getDefinitionRegistry();
  const versions = new Map<string, string[]>();
  for (const version of registry.list().find((d) => d.id === definitionId)?.versions ?? []) {
    const entry = registry.get(definitionId, version);
    if (entry && majorOf(version) === major) {
      versions.set(
        version,
        entry.definition.dimensions.map((d) => d.id),
      );
    }
  }
  return versions;
}

/**
 * The delivered-services export: the Commission platform's service reporting columns
 * (customer type as it spells it, SME or PSO, in either language), then the hub's own.
 */
function deliveredLayout(t: Translate): Layout<DeliveredExportRow> {
  const partners = new Map(getHubConfig().partners.map((p) => [p.id, p.name]));
  return {
    header: DELIVERED_SERVICE_COLUMNS.map((c) => t(`exports.delivered.${c}`)),
    line: (row) => [
      row.customer,
      row.customerType === "pso" ? "PSO" : "SME",
      t(`recommendations.category.${row.category}`),
      t(`adviser.technology.${row.technologyType}`),
      row.description || row.title,
      row.priceEur,
      row.attendees,
      row.startDate,
      row.endDate,
      row.orgNumber,
      row.title,
      row.partnerId ? (partners.get(row.partnerId) ?? row.partnerId) : null,
    ],
  };
}

/** A download: its file name, content type and streamed body. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/** The response that streams a download (an attachment, never cached). */
export function downloadResponse(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Streams an export of the filter's submitted assessments (or delivered services): CSV (UTF-8 with BOM, the chosen
 * separator, formula injection neutralised) or XLSX (written by xlsx.server.ts).
 * Rows are read in batches and written as the client takes them, so memory stays flat.
 */
export function exportFile(
  request: ExportRequest,
  options: {
    /** The database to read (a test's transaction); the app's by default. */
    db?: Executor;
    /**
     * The DMA results as CSV from the rows, by the JavaScript layout that XLSX uses, instead
     * of lines the database writes: the reference the database's lines are tested against.
     */
    csvFromRows?: boolean;
  } = {},
): ExportFile {
  const t = translatorFor(request.lang);
  const db = options.db ?? database().db;
  const filter = exportFilter(request.filter);
  if (request.kind === "delivered-services") {
    return fileOf(request, t, deliveredLayout(t), streamDeliveredRows(db, filter));
  }
  const layout = layoutOf(request, t);
  if (request.kind === "dma-results" && request.format === "csv" && !options.csvFromRows) {
    // The database writes the lines (decision 036): the same bytes as csvLine(layout.line(row)).
    const { separator } = request;
    const pages = streamDmaResultCsv(db, filter, {
      dimensions: layout.dimensions,
      versions: layout.versions,
      separator,
      bands: new Map([...layout.bandName].map(([id, name]) => [id, csvCell(name, separator)])),
    });
    return csvFile(request, csvTextStream(csvLine(layout.header, separator), pages));
  }
  const batches = streamExportRows(db, filter, {
    answers: request.kind !== "dma-results",
    dimensions: layout.dimensions,
    versions: layout.versions,
    batch: request.format === "xlsx" ? XLSX_BATCH : undefined,
  });
  return fileOf(request, t, layout, batches);
}

function fileOf<Row>(
  request: ExportRequest,
  t: Translate,
  layout: Layout<Row>,
  batches: AsyncGenerator<Row[]>,
): ExportFile {
  if (request.format === "csv") {
    return csvFile(request, csvStream(layout, batches, request.separator));
  }
  return {
    filename: `${fileBase(request)}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: xlsxStream(layout, batches, t(`exports.kind.${request.kind}`)),
  };
}

/** A CSV download of `body`. */
function csvFile(request: ExportRequest, body: ReadableStream<Uint8Array>): ExportFile {
  return { filename: `${fileBase(request)}.csv`, contentType: "text/csv; charset=utf-8", body };
}

/** A download's name without its extension: what, of which questionnaire, on which day. */
function fileBase(request: ExportRequest): string {
  const day = new Date().toISOString().slice(0, 10);
  return `${request.kind}-${request.filter.definitionId}-${day}`;
}

/** A streamed CSV file of text already formatted: BOM and header, then each page as it is read. */
function csvTextStream(header: string, pages: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* bytes() {
    yield encoder.encode(CSV_BOM + header);
    for await (const page of pages) yield encoder.encode(page);
  }
  return pulledStream(bytes());
}

/**
 * A byte stream that takes each chunk from `chunks` when the client is ready for it.
 * Cancelling it (a client that hung up) ends the generator, and with it the reads.
 */
function pulledStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** A streamed CSV file: BOM and header, then each batch of rows as it is read. */
export function csvStream<Row>(
  layout: Layout<Row>,
  batches: AsyncGenerator<Row[]>,
  separator: CsvSeparator,
): ReadableStream<Uint8Array> {
  async function* pages() {
    for await (const rows of batches) {
      // One chunk per page (hundreds of kilobytes): few writes, one encoding pass.
      let text = "";
      for (let r = 0; r < rows.length; r++) text += csvLine(layout.line(rows[r]), separator);
      yield text;
    }
  }
  return csvTextStream(csvLine(layout.header, separator), pages());
}

/**
 * Rows per database page for an XLSX file: a page's row objects live while its XML is
 * written, long enough to reach the old generation. At a million rows, pages of 1,000 gave
 * 68–83 MB of server RSS growth and 38,000–57,000 rows/s, pages of 5,000 61–126 MB and
 * 56,000–61,000 rows/s (decision 037); the target is ≤ 100 MB and ≥ 20,000 rows/s.
 */
const XLSX_BATCH = 1_000;

/** A streamed XLSX file (xlsx.server.ts): the header, then each batch of rows as it is read. */
function xlsxStream<Row>(
  layout: Layout<Row>,
  batches: AsyncGenerator<Row[]>,
  sheetName: string,
): ReadableStream<Uint8Array> {
  async function* lines() {
    for await (const rows of batches) yield rows.map(layout.line);
  }
  return pulledStream(xlsxChunks(sheetName, layout.header, lines()));
}
