/**
 * @fileoverview On which page each named destination of a PDF lies. Chromium writes a named destination for every
 * element that an internal link targets, so the table of contents' links (#chapter-…, #fig-…, #print-lof) give the
 * page of every contents entry without extracting any text and without markers in the page.
 *
 * Two readers, same answer:
 * - a small reader of the classic PDF file structure that Chromium (Skia) writes: cross-reference table, catalog,
 *   page tree, /Dests dictionary or /Names /Dests name tree. It reads a few dozen objects and takes milliseconds.
 * - pdf.js, as the fallback for any file the small reader does not understand (cross-reference streams, object
 *   streams, encryption, a future Chromium that writes differently). pdf.js costs 2–4 s the first time in a
 *   process, almost all of it loading its 3 MB of modules through tsx, which is why it is not the first choice.
 */
import {Buffer} from "node:buffer";

export interface PdfDestinations {
  /** Number of pages. */
  pages: number;
  /** Destination name → 1-based page number. */
  destinations: Record<string, number>;
  /**
   * Destination name → how high on its page it lies, in PDF points from the bottom edge (the "top" of an /XYZ
   * destination, as Chromium writes them), for the destinations that give one.
   */
  tops: Record<string, number>;
  /** Which reader answered (tests check that Chromium's PDFs take the fast path). */
  reader: "structure" | "pdf.js";
}

/** The file uses a PDF feature the small reader does not handle (the caller falls back to pdf.js). */
export class UnsupportedPdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedPdfError";
  }
}

/** Page of every named destination: the small structure reader, or pdf.js when the file is beyond it. */
export async function readPdfDestinations(data: Uint8Array): Promise<PdfDestinations> {
  try {
    return {...parsePdfDestinations(data), reader: "structure"};
  } catch {
    // Any failure of the small reader, an unsupported feature or a file it misreads, is pdf.js's to answer; a file
    // that pdf.js cannot read either throws from there.
    return {...(await pdfJsDestinations(data)), reader: "pdf.js"};
  }
}

/** The pdf.js reader (exported for the tests that compare both readers). */
export async function pdfJsDestinations(data: Uint8Array): Promise<Omit<PdfDestinations, "reader">> {
  const {getDocument} = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const document = await getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0
  }).promise;
  try {
    const destinations: Record<string, number> = {};
    const tops: Record<string, number> = {};
    for (const [name, dest] of Object.entries(await document.getDestinations())) {
      const target = Array.isArray(dest) ? (dest[0] as unknown) : undefined;
      if (target && typeof target === "object")
        destinations[name] = (await document.getPageIndex(target as {num: number; gen: number})) + 1;
      else if (typeof target === "number") destinations[name] = target + 1;
      const kind = Array.isArray(dest) ? (dest[1] as {name?: string} | undefined) : undefined;
      if (kind?.name === "XYZ" && typeof dest[3] === "number") tops[name] = dest[3];
    }
    return {pages: document.numPages, destinations, tops};
  } finally {
    await document.destroy();
  }
}

// --- The small reader --------------------------------------------------------------------------------------------

class Ref {
  constructor(
    readonly num: number,
    readonly gen: number
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

class Name {
  constructor(readonly name: string) {}
}

type PdfValue = number | boolean | null | string | Name | Ref | PdfValue[] | PdfDict | Keyword;
type PdfDict = Map<string, PdfValue>;

/** A bare keyword (obj, endobj, stream, R, xref, trailer, n, f, …): only the lexer and the structure see these. */
class Keyword {
  constructor(readonly word: string) {}
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** Tokens and objects of PDF syntax (ISO 32000-1 §7.2–7.3), over the file as a latin1 string (one char a byte). */
class Lexer {
  constructor(
    private readonly text: string,
    public pos: number
  ) {}

  private skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (WHITESPACE.has(c)) this.pos++;
      else if (c === 0x25) {
        // % comment to the end of the line
        while (this.pos < t.length && t[this.pos] !== "\n" && t[this.pos] !== "\r") this.pos++;
      } else break;
    }
  }

  /** The next object; `>>` and `]` come back as keywords so that dictionaries and arrays can end. */
  value(): PdfValue {
    this.skipSpace();
    const t = this.text;
    if (this.pos >= t.length) throw new UnsupportedPdfError("unexpected end of file");
    const c = t[this.pos]!;
    if (c === "<" && t[this.pos + 1] === "<") {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        const key = this.value();
        if (key instanceof Keyword && key.word === ">>") return dict;
        if (!(key instanceof Name)) throw new UnsupportedPdfError(`dictionary key is not a name at ${this.pos}`);
        const value = this.value();
        if (value instanceof Keyword) throw new UnsupportedPdfError(`dictionary value missing at ${this.pos}`);
        dict.set(key.name, value);
      }
    }
    if (c === ">" && t[this.pos + 1] === ">") {
      this.pos += 2;
      return new Keyword(">>");
    }
    if (c === "[") {
      this.pos++;
      const array: PdfValue[] = [];
      for (;;) {
        const item = this.value();
        if (item instanceof Keyword && item.word === "]") return array;
        if (item instanceof Keyword)
          throw new UnsupportedPdfError(`unexpected ${item.word} in an array at ${this.pos}`);
        array.push(item);
      }
    }
    if (c === "]") {
      this.pos++;
      return new Keyword("]");
    }
    if (c === "/") return this.name();
    if (c === "(") return this.literalString();
    if (c === "<") return this.hexString();
    const start = this.pos;
    while (this.pos < t.length && !WHITESPACE.has(t.charCodeAt(this.pos)) && !DELIMITERS.has(t.charCodeAt(this.pos)))
      this.pos++;
    const word = t.slice(start, this.pos);
    if (word === "") throw new UnsupportedPdfError(`unexpected "${c}" at ${start}`);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const number = Number(word);
      // "num gen R" is an indirect reference: look ahead, and step back when it is just two numbers.
      if (/^\d+$/.test(word)) {
        const back = this.pos;
        this.skipSpace();
        const gen = /^\d+/.exec(t.slice(this.pos, this.pos + 12))?.[0];
        if (gen !== undefined) {
          this.pos += gen.length;
          this.skipSpace();
          if (
            t[this.pos] === "R" &&
            (this.pos + 1 >= t.length ||
              WHITESPACE.has(t.charCodeAt(this.pos + 1)) ||
              DELIMITERS.has(t.charCodeAt(this.pos + 1)))
          ) {
            this.pos++;
            return new Ref(number, Number(gen));
          }
        }
        this.pos = back;
      }
      return number;
    }
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return new Keyword(word);
  }

  private name(): Name {
    const t = this.text;
    this.pos++; // the slash
    const bytes: number[] = [];
    while (this.pos < t.length && !WHITESPACE.has(t.charCodeAt(this.pos)) && !DELIMITERS.has(t.charCodeAt(this.pos))) {
      if (t[this.pos] === "#" && /^[0-9a-fA-F]{2}$/.test(t.slice(this.pos + 1, this.pos + 3))) {
        bytes.push(parseInt(t.slice(this.pos + 1, this.pos + 3), 16));
        this.pos += 3;
      } else bytes.push(t.charCodeAt(this.pos++));
    }
    // Names are bytes; Chromium writes element ids as UTF-8 with #xx escapes for anything outside printable ASCII.
    return new Name(Buffer.from(bytes).toString("utf8"));
  }

  private literalString(): string {
    const t = this.text;
    this.pos++; // (
    let depth = 1;
    let out = "";
    while (this.pos < t.length) {
      const c = t[this.pos++]!;
      if (c === "\\") {
        const e = t[this.pos++]!;
        const simple: Record<string, string> = {
          n: "\n",
          r: "\r",
          t: "\t",
          b: "\b",
          f: "\f",
          "(": "(",
          ")": ")",
          "\\": "\\"
        };
        if (e in simple) out += simple[e];
        else if (/[0-7]/.test(e)) {
          let octal = e;
          while (octal.length < 3 && /[0-7]/.test(t[this.pos] ?? "")) octal += t[this.pos++];
          out += String.fromCharCode(parseInt(octal, 8) & 0xff);
        } else if (e === "\r") {
          if (t[this.pos] === "\n") this.pos++;
        } else if (e !== "\n") out += e;
      } else if (c === "(") {
        depth++;
        out += c;
      } else if (c === ")") {
        if (--depth === 0) return out;
        out += c;
      } else out += c;
    }
    throw new UnsupportedPdfError("unterminated string");
  }

  private hexString(): string {
    const t = this.text;
    const end = t.indexOf(">", this.pos);
    if (end < 0) throw new UnsupportedPdfError("unterminated hex string");
    let hex = t.slice(this.pos + 1, end).replace(/\s+/g, "");
    this.pos = end + 1;
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new UnsupportedPdfError("bad hex string");
    if (hex.length % 2 === 1) hex += "0";
    let out = "";
    for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
    return out;
  }
}

/** A PDF text string (name-tree keys): UTF-16BE with a byte order mark, else bytes read as UTF-8. */
function textString(bytes: string): string {
  const raw = Buffer.from(bytes, "latin1");
  if (raw[0] === 0xfe && raw[1] === 0xff) return raw.subarray(2).swap16().toString("utf16le");
  return raw.toString("utf8");
}

class PdfFile {
  private readonly text: string;
  private readonly offsets = new Map<string, number>();
  readonly trailer: PdfDict;
  private readonly cache = new Map<string, PdfValue>();

  constructor(data: Uint8Array) {
    this.text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1");
    const start = this.text.lastIndexOf("startxref");
    if (start < 0) throw new UnsupportedPdfError("no startxref");
    const offset = /^startxref\s+(\d+)/.exec(this.text.slice(start, start + 40))?.[1];
    if (offset === undefined) throw new UnsupportedPdfError("bad startxref");
    let trailer: PdfDict | undefined;
    const seen = new Set<number>();
    // Follow /Prev for files that were updated incrementally; the newest section wins for each object.
    for (let at: number | undefined = Number(offset); at !== undefined;) {
      if (seen.has(at)) throw new UnsupportedPdfError("cross-reference loop");
      seen.add(at);
      const section = this.readXrefSection(at);
      trailer ??= section;
      const prev = section.get("Prev");
      at = typeof prev === "number" ? prev : undefined;
    }
    this.trailer = trailer!;
    if (this.trailer.has("Encrypt")) throw new UnsupportedPdfError("encrypted");
  }

  /** One classic cross-reference section and its trailer (a cross-reference stream is unsupported). */
  private readXrefSection(at: number): PdfDict {
    const lexer = new Lexer(this.text, at);
    const head = lexer.value();
    if (!(head instanceof Keyword && head.word === "xref")) throw new UnsupportedPdfError("cross-reference stream");
    for (;;) {
      const first = lexer.value();
      if (first instanceof Keyword && first.word === "trailer") break;
      const count = lexer.value();
      if (typeof first !== "number" || typeof count !== "number")
        throw new UnsupportedPdfError("bad cross-reference subsection");
      for (let i = 0; i < count; i++) {
        const offset = lexer.value();
        const gen = lexer.value();
        const kind = lexer.value();
        if (typeof offset !== "number" || typeof gen !== "number" || !(kind instanceof Keyword))
          throw new UnsupportedPdfError("bad cross-reference entry");
        const key = `${first + i} ${gen}`;
        if (kind.word === "n" && !this.offsets.has(key)) this.offsets.set(key, offset);
      }
    }
    const trailer = lexer.value();
    if (!(trailer instanceof Map)) throw new UnsupportedPdfError("bad trailer");
    if (trailer.has("XRefStm")) throw new UnsupportedPdfError("hybrid cross-reference");
    return trailer;
  }

  /** The value, with an indirect reference replaced by the object it points to. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (!(value instanceof Ref)) return value;
    const cached = this.cache.get(value.key);
    if (cached !== undefined) return cached;
    const offset = this.offsets.get(value.key);
    // A reference to a missing object is the null object (ISO 32000-1 §7.3.10); an object in an object stream is
    // not in the table either, and then the structure is beyond this reader.
    if (offset === undefined) throw new UnsupportedPdfError(`object ${value.key} not in the cross-reference table`);
    const lexer = new Lexer(this.text, offset);
    const [num, gen, obj] = [lexer.value(), lexer.value(), lexer.value()];
    if (num !== value.num || gen !== value.gen || !(obj instanceof Keyword && obj.word === "obj"))
      throw new UnsupportedPdfError(`object ${value.key} is not at its offset`);
    const object = lexer.value();
    this.cache.set(value.key, object);
    return object;
  }

  dict(value: PdfValue | undefined, what: string): PdfDict {
    const resolved = this.resolve(value);
    if (!(resolved instanceof Map)) throw new UnsupportedPdfError(`${what} is not a dictionary`);
    return resolved;
  }

  array(value: PdfValue | undefined, what: string): PdfValue[] {
    const resolved = this.resolve(value);
    if (!Array.isArray(resolved)) throw new UnsupportedPdfError(`${what} is not an array`);
    return resolved;
  }
}

/** The small reader: pages and named destinations of a PDF with a classic cross-reference table. */
export function parsePdfDestinations(data: Uint8Array): Omit<PdfDestinations, "reader"> {
  const pdf = new PdfFile(data);
  const catalog = pdf.dict(pdf.trailer.get("Root"), "the catalog");

  // Page order: depth-first through the page tree.
  const pageIndex = new Map<string, number>();
  const visited = new Set<string>();
  const walk = (node: PdfValue | undefined, depth: number): void => {
    if (!(node instanceof Ref)) throw new UnsupportedPdfError("page tree node is not a reference");
    if (visited.has(node.key) || depth > 64) throw new UnsupportedPdfError("page tree loop");
    visited.add(node.key);
    const dict = pdf.dict(node, "a page tree node");
    const type = dict.get("Type");
    const kids = dict.get("Kids");
    if ((type instanceof Name && type.name === "Pages") || (!(type instanceof Name) && kids !== undefined))
      for (const kid of pdf.array(kids, "/Kids")) walk(kid, depth + 1);
    else pageIndex.set(node.key, pageIndex.size);
  };
  walk(catalog.get("Pages"), 0);

  const destinations: Record<string, number> = {};
  const tops: Record<string, number> = {};
  const add = (name: string, dest: PdfValue | undefined): void => {
    let resolved = pdf.resolve(dest);
    if (resolved instanceof Map) resolved = pdf.resolve(resolved.get("D"));
    if (!Array.isArray(resolved) || resolved.length === 0) return;
    const target = resolved[0];
    const index = target instanceof Ref ? pageIndex.get(target.key) : typeof target === "number" ? target : undefined;
    if (index === undefined) throw new UnsupportedPdfError(`destination ${name} points to no page`);
    destinations[name] ??= index + 1;
    const [, kind, , top] = resolved;
    if (kind instanceof Name && kind.name === "XYZ" && typeof top === "number") tops[name] ??= top;
  };

  // PDF 1.1: a dictionary in the catalog (what Chromium writes).
  if (catalog.has("Dests")) for (const [name, dest] of pdf.dict(catalog.get("Dests"), "/Dests")) add(name, dest);

  // PDF 1.2+: the /Dests name tree of the /Names dictionary.
  const names = pdf.resolve(catalog.get("Names"));
  if (names instanceof Map && names.has("Dests")) {
    const seen = new Set<PdfValue>();
    const walkNames = (node: PdfValue | undefined, depth: number): void => {
      const dict = pdf.dict(node, "a name tree node");
      if (seen.has(dict) || depth > 64) throw new UnsupportedPdfError("name tree loop");
      seen.add(dict);
      if (dict.has("Kids")) for (const kid of pdf.array(dict.get("Kids"), "/Kids")) walkNames(kid, depth + 1);
      if (dict.has("Names")) {
        const pairs = pdf.array(dict.get("Names"), "/Names");
        for (let i = 0; i + 1 < pairs.length; i += 2) {
          const key = pdf.resolve(pairs[i]);
          if (typeof key === "string") add(textString(key), pairs[i + 1]);
        }
      }
    };
    walkNames(names.get("Dests"), 0);
  }
  return {pages: pageIndex.size, destinations, tops};
}
