/**
 * A streamed XLSX file of one sheet of plain strings and numbers, written directly: the
 * sheet's XML row by row into pieces of at most SHEET_PIECE bytes, each piece deflated on
 * the thread pool and appended to a ZIP entry whose size and CRC follow it in a data
 * descriptor. Memory holds two pieces and the caller's page of rows, whatever the row count
 * (decision 037). Strings are inline strings, never formulas.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";

type Value = string | number | null;

const deflateRaw = promisify(zlib.deflateRaw);
/**
 * Deflate's level: 6 wrote 21 % fewer rows/s for a file 9 % smaller, and 1 wrote 5 % more
 * for a file 7 % larger (decision 037).
 */
const LEVEL = 4;
/** The size of the pieces of the sheet's XML that are deflated one at a time. */
export const SHEET_PIECE = 512 * 1024;
/** A final empty deflate block: what ends the concatenated, sync-flushed pieces. */
const DEFLATE_END = Buffer.from([0x03, 0x00]);
/** What a 4-byte ZIP field holds when the value is in a ZIP64 field instead. */
const ZIP64_MARK = 0xffffffff;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The workbook's parts other than the sheet: the package's table of contents. */
function workbookParts(sheetName: string): [string, string][] {
  return [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        "</Types>",
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        "</Relationships>",
    ],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        `<sheet name="${xmlText(sheetTitle(sheetName))}" sheetId="1" r:id="rId1"/>` +
        "</sheets></workbook>",
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        "</Relationships>",
    ],
  ];
}

/** A sheet's name as Excel allows it: at most 31 characters, none of []:*?/\\. */
function sheetTitle(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31)
      .trim() || "Sheet1"
  );
}

// Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; lone
// surrogates; U+FFFE and U+FFFF) become U+FFFD: a cell of them would make the file unreadable.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text as XML character data (and attribute values). */
function xmlText(value: string): string {
  return value.replace(NOT_XML, "\ufffd").replace(XML_SPECIAL, (c) => ENTITY[c]);
}

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** One row of the sheet's XML: numbers as numbers, strings inline, empty cells left out. */
function rowXml(r: number, values: readonly Value[], columns: string[]): string {
  let xml = `<row r="${r}">`;
  for (let c = 0; c < values.length; c++) {
    const value = values[c];
    if (value === null || value === "") continue;
    const ref = `${columns[c] ?? columnName(c)}${r}`;
    if (typeof value === "number") {
      if (Number.isFinite(value)) xml += `<c r="${ref}"><v>${value}</v></c>`;
    } else {
      const space = value.trim() === value ? "" : ' xml:space="preserve"';
      xml += `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
    }
  }
  return `${xml}</row>`;
}

/** A ZIP entry as it is written: where its header starts, then its CRC and sizes. */
interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/** DOS date and time of the files: the moment of the export, as ZIP keeps it (local time). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * The XLSX file's bytes, in chunks as the rows come: `header`, then each page of `pages`
 * (a page is an array of rows, a row an array of cells).
 */
export async function* xlsxChunks(
  sheetName: string,
  header: readonly Value[],
  pages: AsyncIterable<readonly (readonly Value[])[]>,
  options: {
    at?: Date;
    /** Sizes and offsets from which ZIP64 records are written (a test's lower limit). */
    zip64From?: number;
  } = {},
): AsyncGenerator<Uint8Array> {
  const { time, date } = dosDateTime(options.at ?? new Date());
  const zip64From = options.zip64From ?? ZIP64_MARK;
  const entries: Entry[] = [];
  let offset = 0;

  function localHeader(entry: Entry): Buffer {
    const buffer = Buffer.alloc(30);
    buffer.writeUInt32LE(0x04034b50, 0);
    buffer.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    buffer.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; names in UTF-8
    buffer.writeUInt16LE(8, 8); // deflate
    buffer.writeUInt16LE(time, 10);
    buffer.writeUInt16LE(date, 12);
    // CRC and sizes (14–25) are zero here: the data descriptor after the data has them.
    buffer.writeUInt16LE(entry.name.length, 26);
    return Buffer.concat([buffer, entry.name]);
  }

  function dataDescriptor(entry: Entry): Buffer {
    const zip64 = entry.size >= zip64From || entry.compressed >= zip64From;
    const buffer = Buffer.alloc(zip64 ? 24 : 16);
    buffer.writeUInt32LE(0x08074b50, 0);
    buffer.writeUInt32LE(entry.crc, 4);
    if (zip64) {
      buffer.writeBigUInt64LE(BigInt(entry.compressed), 8);
      buffer.writeBigUInt64LE(BigInt(entry.size), 16);
    } else {
      buffer.writeUInt32LE(entry.compressed, 8);
      buffer.writeUInt32LE(entry.size, 12);
    }
    return buffer;
  }

  /** An entry's header, deflated data and descriptor, the data from `pieces` as they come. */
  async function* entry(name: string, pieces: AsyncIterable<Buffer> | Buffer[]) {
    const current: Entry = { name: Buffer.from(name), offset, crc: 0, size: 0, compressed: 0 };
    entries.push(current);
    const head = localHeader(current);
    offset += head.length;
    yield head;
    // A piece is deflated on the thread pool while the next one is written.
    let pending: Promise<Buffer> | null = null;
    const settled = async () => {
      const deflated = await (pending as Promise<Buffer>);
      current.compressed += deflated.length;
      offset += deflated.length;
      return deflated;
    };
    for await (const raw of pieces) {
      current.crc = zlib.crc32(raw, current.crc);
      current.size += raw.length;
      const next = deflateRaw(raw, { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      // Handled here too, so that a source ended early leaves no unhandled rejection.
      next.catch(() => undefined);
      if (pending) yield await settled();
      pending = next;
    }
    if (pending) yield await settled();
    current.compressed += DEFLATE_END.length;
    const descriptor = dataDescriptor(current);
    offset += DEFLATE_END.length + descriptor.length;
    yield Buffer.concat([DEFLATE_END, descriptor]);
  }

  for (const [name, xml] of workbookParts(sheetName)) yield* entry(name, [Buffer.from(xml)]);

  const columns = header.map((_, c) => columnName(c));
  /**
   * The sheet's XML, encoded row by row into two buffers taken in turn: one is filled while
   * the other is deflated (entry() finishes a piece's deflate before it asks for the next
   * one). No page is ever one long string: strings of megabytes, made and dropped for each
   * page, were most of the server's RSS growth in a million-row export.
   */
  async function* sheet(): AsyncGenerator<Buffer> {
    const buffers = [Buffer.allocUnsafe(SHEET_PIECE), Buffer.allocUnsafe(SHEET_PIECE)];
    let buffer = buffers[0];
    let used = 0;
    /** The filled part, then the other buffer to fill. */
    const take = () => {
      const piece = buffer.subarray(0, used);
      buffer = buffer === buffers[0] ? buffers[1] : buffers[0];
      used = 0;
      return piece;
    };
    const put = function* (xml: string) {
      // At most three bytes of UTF-8 for each UTF-16 code unit.
      if (used + xml.length * 3 > SHEET_PIECE) {
        if (used > 0) yield take();
        if (xml.length * 3 > SHEET_PIECE) {
          yield Buffer.from(xml);
          return;
        }
      }
      used += buffer.write(xml, used);
    };
    yield* put(`${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData>${rowXml(1, header, columns)}`);
    let r = 1;
    for await (const rows of pages) {
      for (const row of rows) yield* put(rowXml(++r, row, columns));
    }
    yield* put("</sheetData></worksheet>");
    if (used > 0) yield take();
  }
  yield* entry("xl/worksheets/sheet1.xml", sheet());
  yield centralDirectory(entries, offset, { time, date, zip64From });
}

/** The central directory and its end records (ZIP64 ones when a size or offset needs them). */
function centralDirectory(
  entries: Entry[],
  start: number,
  { time, date, zip64From }: { time: number; date: number; zip64From: number },
): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  for (const entry of entries) {
    const big = [entry.size, entry.compressed, entry.offset].map((n) => n >= zip64From);
    const extra = big.some(Boolean)
      ? zip64Extra([entry.size, entry.compressed, entry.offset].filter((_, i) => big[i]))
      : Buffer.alloc(0);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(big.some(Boolean) ? 45 : 20, 4); // made by: 4.5 or 2.0, MS-DOS
    record.writeUInt16LE(big.some(Boolean) ? 45 : 20, 6); // needed
    record.writeUInt16LE(0x0808, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(big[1] ? ZIP64_MARK : entry.compressed, 20);
    record.writeUInt32LE(big[0] ? ZIP64_MARK : entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    // Comment length, disk, attributes: zero.
    record.writeUInt32LE(big[2] ? ZIP64_MARK : entry.offset, 42);
    parts.push(record, entry.name, extra);
    length += record.length + entry.name.length + extra.length;
  }
  const zip64 = start >= zip64From || length >= zip64From;
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4); // the record's size after this field
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(length), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(start + length), 8);
    locator.writeUInt32LE(1, 16); // disks
    parts.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(zip64 ? ZIP64_MARK : length, 12);
  end.writeUInt32LE(zip64 ? ZIP64_MARK : start, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/** The ZIP64 extended-information field: the sizes and offset that did not fit, in order. */
function zip64Extra(values: number[]): Buffer {
  const buffer = Buffer.alloc(4 + 8 * values.length);
  buffer.writeUInt16LE(0x0001, 0);
  buffer.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => buffer.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return buffer;
}
