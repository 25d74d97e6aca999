import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { columnName, SHEET_PIECE, xlsxChunks } from "../../app/lib/server/xlsx.server";

type Value = string | number | null;

async function* pagesOf(pages: Value[][][]) {
  for (const page of pages) yield page;
}

async function xlsx(
  header: Value[],
  pages: Value[][][],
  options: Parameters<typeof xlsxChunks>[3] = {},
  sheet = "Resultat",
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of xlsxChunks(sheet, header, pagesOf(pages), options)) {
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The sheet as ExcelJS (another implementation) reads it: its name, and its rows' cells. */
async function readBack(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: Value[][] = [];
  const types = new Set<ExcelJS.ValueType>();
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(
      Array.from({ length: sheet.columnCount }, (_, c) => (values[c + 1] ?? null) as Value),
    );
    row.eachCell((cell) => types.add(cell.type));
  });
  return { name: sheet.name, rows, types };
}

/** A CRC-32 written out here, bit by bit, to check the file's without zlib's own. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The ZIP's entries by its central directory, each checked against its local header and
 * data descriptor, inflated, and its CRC recomputed.
 */
function zipEntries(bytes: Buffer): Map<string, Buffer> {
  let end = bytes.length - 22;
  while (bytes.readUInt32LE(end) !== 0x06054b50) end--;
  let count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (at === 0xffffffff) {
    // ZIP64: the locator before the end record points at the ZIP64 end record.
    expect(bytes.readUInt32LE(end - 20)).toBe(0x07064b50);
    const record = Number(bytes.readBigUInt64LE(end - 20 + 8));
    expect(bytes.readUInt32LE(record)).toBe(0x06064b50);
    count = Number(bytes.readBigUInt64LE(record + 32));
    at = Number(bytes.readBigUInt64LE(record + 48));
  }
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    const crc = bytes.readUInt32LE(at + 16);
    const fields = [at + 24, at + 20, at + 42].map((offset) => bytes.readUInt32LE(offset));
    // Each field marked 0xffffffff is in the ZIP64 extra field, in this order.
    let extra = at + 46 + nameLength + 4;
    const [size, compressed, offset] = fields.map((value) => {
      if (value !== 0xffffffff) return value;
      const big = Number(bytes.readBigUInt64LE(extra));
      extra += 8;
      return big;
    });
    expect(bytes.readUInt32LE(offset)).toBe(0x04034b50);
    const dataAt = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    const data = inflateRawSync(bytes.subarray(dataAt, dataAt + compressed));
    expect(data.length, name).toBe(size);
    expect(crc32(data), name).toBe(crc);
    const descriptor = dataAt + compressed;
    expect(bytes.readUInt32LE(descriptor)).toBe(0x08074b50);
    expect(bytes.readUInt32LE(descriptor + 4)).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + extraLength;
  }
  return entries;
}

const header = ["Företag", "Poäng", "Anteckning"];

describe("the XLSX writer", () => {
  test("ExcelJS reads back the header and every row: strings as strings (a formula too), numbers as numbers, empty cells empty", async () => {
    const rows: Value[][] = [
      ['Åsa & <Söner> "AB"', 42.5, " indraget "],
      ['=HYPERLINK("http://x")', -0, null],
      ["+46 40 123", 1e-7, ""],
    ];
    const {
      name,
      rows: read,
      types,
    } = await readBack(await xlsx(header, [rows.slice(0, 2), [], rows.slice(2)]));
    expect(name).toBe("Resultat");
    expect(read).toEqual([
      header,
      ['Åsa & <Söner> "AB"', 42.5, " indraget "],
      ['=HYPERLINK("http://x")', 0, null],
      ["+46 40 123", 1e-7, null],
    ]);
    expect([...types].sort()).toEqual([ExcelJS.ValueType.Number, ExcelJS.ValueType.String].sort());
  });

  test("characters XML cannot hold become U+FFFD instead of breaking the file; a sheet name is cut to Excel's 31 characters without []:*?/\\", async () => {
    const bytes = await xlsx(
      ["a"],
      [[["nul\u0000 bell\u0007 tab\tline\nok"], ["lone \ud800 surrogate, pair 😀"]]],
      {},
      "Svar [anonyma]: DMA/SME? * fler tecken här",
    );
    const { name, rows } = await readBack(bytes);
    expect(name).toBe("Svar  anonyma   DMA SME    fler");
    expect(rows.slice(1)).toEqual([
      ["nul\ufffd bell\ufffd tab\tline\nok"],
      ["lone \ufffd surrogate, pair 😀"],
    ]);
  });

  test("a row longer than a piece of the sheet comes back whole, between ordinary rows", async () => {
    const long = "å".repeat(200_000);
    const { rows } = await readBack(await xlsx(["a"], [[["före"], [long], ["efter"]]]));
    expect(rows).toEqual([["a"], ["före"], [long], ["efter"]]);
  });

  test("columns past Z are AA, AB…; numbers that are not finite are left out", async () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      "A",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
    const wide = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const { rows } = await readBack(
      await xlsx(wide, [[Array.from({ length: 30 }, (_, i) => (i === 3 ? Number.NaN : i))]]),
    );
    expect(rows[0]).toEqual(wide);
    expect(rows[1]).toEqual(Array.from({ length: 30 }, (_, i) => (i === 3 ? null : i)));
  });

  test("every ZIP entry's sizes and CRC are right by an independent reading, in plain and in ZIP64 form", async () => {
    const many = Array.from({ length: 20 }, (_, p) =>
      Array.from({ length: 100 }, (_, r): Value[] => [`Företag ${p}-${r}`, p * 100 + r, null]),
    );
    for (const zip64From of [undefined, 0]) {
      const bytes = await xlsx(header, many, { zip64From });
      // The end record points at the central directory, or says ZIP64 records have it.
      expect(bytes.readUInt32LE(bytes.length - 6) === 0xffffffff).toBe(zip64From === 0);
      const entries = zipEntries(bytes);
      expect([...entries.keys()]).toEqual([
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml",
      ]);
      expect(entries.get("xl/worksheets/sheet1.xml")?.toString()).toContain(
        '<row r="2001"><c r="A2001" t="inlineStr"><is><t>Företag 19-99</t></is></c><c r="B2001"><v>1999</v></c></row></sheetData>',
      );
      const { rows } = await readBack(bytes);
      expect(rows).toHaveLength(2_001);
      expect(rows[2_000]).toEqual(["Företag 19-99", 1999, null]);
    }
  });

  test("streams: it reads no more than two pieces of XML ahead of the bytes it gives out, and stops reading when stopped", async () => {
    let pagesRead = 0;
    const row = (r: number, p: number): Value[] => [`Företag ${"x".repeat(1000)}`, r, p];
    async function* pages() {
      for (let p = 0; p < 200; p++) {
        pagesRead++;
        yield Array.from({ length: 100 }, (_, r) => row(r, p));
      }
    }
    // A page's XML: 100 rows of a little over 1 KB each.
    const pageBytes = 100 * 1000;
    const chunks = xlsxChunks("Blad", header, pages());
    let sheetStarted = false;
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      const chunk = Buffer.from(next.value);
      if (chunk.readUInt32LE(0) === 0x04034b50 && chunk.includes("xl/worksheets/sheet1.xml")) {
        sheetStarted = true;
      } else if (sheetStarted) {
        break; // the first deflated piece of the sheet
      }
    }
    // One piece being deflated and the next being filled, each at most SHEET_PIECE bytes.
    expect(pagesRead).toBeGreaterThan(0);
    expect(pagesRead).toBeLessThanOrEqual(Math.ceil((2 * SHEET_PIECE) / pageBytes) + 1);
    // Stopping early ends the source too (a client that hangs up ends the database reads).
    const read = pagesRead;
    await chunks.return(undefined);
    expect(pagesRead).toBe(read);
  });
});
