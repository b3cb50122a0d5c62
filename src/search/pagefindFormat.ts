/**
 * The file format of a Pagefind 1.6 bundle, as its search script in the browser reads it:
 * CBOR (definite lengths, shortest integers) or JSON, after a 12-byte signature, gzipped; each
 * file named by the first characters of the SHA-1 of its content. See writePagefindIndex.ts.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync, type ZlibOptions } from "node:zlib";

/** What Pagefind's script expects before the content of every file it decompresses. Mirrors `write` in pagefind/src/output/mod.rs. */
const SIGNATURE = Buffer.from("pagefind_dcd");

/** Values Pagefind's files hold: unsigned and negative integers, text and arrays of them. */
export type CborValue = number | string | CborValue[];

/** CBOR of `value`, as Pagefind's encoder (minicbor) writes it: the structs of pagefind/src/index/index_metadata.rs, index_words.rs, index_filter.rs. */
export function encodeCbor(value: CborValue): Buffer {
  const bytes = new CborWriter();
  bytes.value(value);
  return bytes.done();
}

/** Writes CBOR as Pagefind's encoder does, item by item, for files too large to build as values first. */
export class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  value(value: CborValue): void {
    if (typeof value === "number") this.integer(value);
    else if (typeof value === "string") this.text(value);
    else {
      this.array(value.length);
      for (const item of value) this.value(item);
    }
  }

  integer(value: number): void {
    if (!Number.isSafeInteger(value)) throw new Error(`Pagefind's files hold whole numbers only, not ${value}`);
    if (value >= 0) this.head(0, value);
    else this.head(1, -1 - value);
  }

  text(value: string): void {
    const size = Buffer.byteLength(value);
    this.head(3, size);
    this.room(size);
    this.length += this.buffer.write(value, this.length);
  }

  /** The start of an array of `items` items, which the caller then writes. */
  array(items: number): void {
    this.head(4, items);
  }

  done(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }

  private head(major: number, argument: number): void {
    this.room(9);
    const type = major << 5;
    if (argument < 24) this.buffer[this.length++] = type | argument;
    else if (argument < 0x100) {
      this.buffer[this.length++] = type | 24;
      this.buffer[this.length++] = argument;
    } else if (argument < 0x10000) {
      this.buffer[this.length++] = type | 25;
      this.length = this.buffer.writeUInt16BE(argument, this.length);
    } else if (argument < 0x100000000) {
      this.buffer[this.length++] = type | 26;
      this.length = this.buffer.writeUInt32BE(argument, this.length);
    } else {
      this.buffer[this.length++] = type | 27;
      this.length = this.buffer.writeBigUInt64BE(BigInt(argument), this.length);
    }
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}

/** The value of a CBOR item as `encodeCbor` writes them (Pagefind's files hold no other kinds). */
export function decodeCbor(bytes: Buffer): CborValue {
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++];
    if (info === 25) return ((at += 2), bytes.readUInt16BE(at - 2));
    if (info === 26) return ((at += 4), bytes.readUInt32BE(at - 4));
    if (info === 27) return ((at += 8), Number(bytes.readBigUInt64BE(at - 8)));
    throw new Error(`unexpected CBOR length ${info} at byte ${at}`);
  };
  const item = (): CborValue => {
    const initial = bytes[at++];
    const major = initial >> 5;
    const value = argument(initial & 31);
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    if (major === 3) return ((at += value), bytes.toString("utf8", at - value, at));
    if (major === 4) return Array.from({ length: value }, item);
    throw new Error(`unexpected CBOR type ${major} at byte ${at - 1}`);
  };
  return item();
}

/** A file as Pagefind writes it: the signature and the content, gzipped (`Compress::GZ` in pagefind/src/output/mod.rs). */
export function packFile(content: Buffer, level = 9, options: Pick<ZlibOptions, "windowBits" | "memLevel"> = {}): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, content]), { level, ...options });
}

/** The content of a file `packFile` (or Pagefind) wrote. */
export function unpackFile(file: Buffer): Buffer {
  const unpacked = gunzipSync(file);
  if (!unpacked.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error("not a Pagefind file: its signature is missing");
  return unpacked.subarray(SIGNATURE.length);
}

/**
 * Pagefind names a file by its language and the SHA-1 of its content, each byte in hexadecimal
 * without a leading zero (0x0b is "b"): `full_hash` in pagefind/src/utils.rs.
 */
export function contentHash(language: string, content: Buffer | string): string {
  let hex = "";
  for (const byte of createHash("sha1").update(content).digest()) hex += byte.toString(16);
  return `${language}_${hex}`;
}

/**
 * Gives each full hash the shortest name of at least `language_` and seven characters that no
 * earlier one took, `step` characters longer at each collision (Pagefind lengthens a fragment's
 * name by one, an index chunk's or a filter's by two): the collision loops of `build_indexes` in
 * pagefind/src/index/mod.rs.
 */
export class ShortNames {
  private readonly taken = new Set<string>();
  constructor(
    private readonly language: string,
    private readonly step: 1 | 2,
  ) {}

  name(fullHash: string): string {
    let length = this.language.length + 8;
    let short = fullHash.slice(0, length);
    while (this.taken.has(short) && length < fullHash.length)
      short = fullHash.slice(0, (length = Math.min(length + this.step, fullHash.length)));
    this.taken.add(short);
    return short;
  }
}
