/**
 * Growable typed storage for the model's records: a column of numbers (the journal's), and a
 * table of rows of typed fields kept in chunks (need and contact records). Appending is
 * amortised O(1), and the finished columns are typed arrays of exactly the used length.
 *
 * @packageDocumentation
 */

/**
 * A column of numbers that grows by doubling.
 *
 * @example
 * ```ts
 * const c = new Column();
 * c.push(2); c.push(3);
 * Array.from(c.toArray()); //=> [2, 3]
 * ```
 */
export class Column {
  private data: Float64Array;
  /** Values stored. */
  length = 0;

  /** @param capacity - initial capacity */
  constructor(capacity = 256) {
    this.data = new Float64Array(Math.max(1, capacity));
  }

  /** Appends a value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The value at index `i`. */
  get(i: number): number {
    return this.data[i] as number;
  }

  /** Overwrites the value at index `i` (which must exist). */
  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** Bytes the column holds now (its capacity: it grows by doubling). */
  get bytes(): number {
    return this.data.byteLength;
  }

  /** A copy of the used part. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }

  /**
   * The used part as a view of the column's storage, without a copy: valid until the next push.
   *
   * @example
   * ```ts
   * const c = new Column();
   * c.push(2);
   * Array.from(c.view()); //=> [2]
   * ```
   */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  /**
   * The values at the indices of `order`, in that order: a reordered copy, without copying the
   * column first.
   *
   * @param order - indices of stored values
   * @returns a new array of `order.length` values
   * @example
   * ```ts
   * const c = new Column();
   * c.push(2);
   * c.push(3);
   * Array.from(c.gather(Int32Array.of(1, 0))); //=> [3, 2]
   * ```
   */
  gather(order: Int32Array): Float64Array {
    const out = new Float64Array(order.length);
    const data = this.data;
    for (let j = 0; j < order.length; j++) out[j] = data[order[j] as number] as number;
    return out;
  }
}

/**
 * One growable column per field name.
 *
 * @param fields - the field names
 * @param capacity - initial capacity of each column
 * @returns the columns by name
 * @example
 * ```ts
 * const c = columns(["a", "b"] as const);
 * c.a.push(1);
 * c.a.length; //=> 1
 * ```
 */
export function columns<K extends string>(fields: readonly K[], capacity = 256): Record<K, Column> {
  return Object.fromEntries(fields.map((f) => [f, new Column(capacity)])) as Record<K, Column>;
}

/**
 * Bytes a set of columns holds now.
 *
 * @param cols - columns by name
 * @returns the sum of their capacities in bytes
 * @example
 * ```ts
 * columnBytes(columns(["a", "b"] as const, 256)); //=> 4096
 * ```
 */
export function columnBytes(cols: Readonly<Record<string, Column>>): number {
  let total = 0;
  for (const c of Object.values(cols)) total += c.bytes;
  return total;
}

/** The element type of a field of a {@link Table}: 64- or 32-bit float, unsigned 32-, 16- or 8-bit integer, signed 16-bit integer. */
export type FieldKind = "f64" | "f32" | "u32" | "u16" | "i16" | "u8";

/** A finished column of a {@link Table}: the typed array of its field's kind. */
export type TypedColumn = Float64Array | Float32Array | Uint32Array | Uint16Array | Int16Array | Uint8Array;

/** Bytes per element of each kind. */
const KIND_BYTES: Readonly<Record<FieldKind, number>> = { f64: 8, f32: 4, u32: 4, u16: 2, i16: 2, u8: 1 };

/** The largest value each integer kind holds (and the smallest, for i16). */
const KIND_MAX: Readonly<Record<FieldKind, number>> = { f64: Infinity, f32: Infinity, u32: 0xffffffff, u16: 0xffff, i16: 0x7fff, u8: 0xff };

/**
 * The largest value a field of this kind holds: 65,535 for `u16`, 255 for `u8`, Infinity for the
 * float kinds. Writers of counts check against it, since a typed array wraps silently.
 *
 * @param kind - a field kind
 * @returns the largest value it holds
 * @example
 * ```ts
 * kindMax("u16"); //=> 65535
 * ```
 */
export function kindMax(kind: FieldKind): number {
  return KIND_MAX[kind];
}

/** The typed array of each kind. */
const KIND_ARRAY = { f64: Float64Array, f32: Float32Array, u32: Uint32Array, u16: Uint16Array, i16: Int16Array, u8: Uint8Array } as const;

function newColumn(kind: FieldKind, n: number): TypedColumn {
  return new KIND_ARRAY[kind](n);
}

/** One chunk of a {@link Table}'s rows: a buffer and its views. */
interface Chunk {
  readonly f64: Float64Array;
  readonly f32: Float32Array;
  readonly u32: Uint32Array;
  readonly u16: Uint16Array;
  readonly i16: Int16Array;
  readonly u8: Uint8Array;
}

function chunk(bytes: number): Chunk {
  const b = new ArrayBuffer(bytes);
  return { f64: new Float64Array(b), f32: new Float32Array(b), u32: new Uint32Array(b), u16: new Uint16Array(b), i16: new Int16Array(b), u8: new Uint8Array(b) };
}

/**
 * Records of a fixed set of typed fields, kept in chunks of a fixed number of rows; within a
 * chunk each field is a column of its own width (a time as a 64-bit float, a count as a 16-bit
 * integer, a flag as a byte). Appending a record checks the capacity once; its fields are then
 * written through the typed views {@link Table.f64} … {@link Table.u8} of the current chunk.
 * Growing copies nothing and leaves at most one chunk unused, and {@link Table.columns} gives the
 * fields back as typed columns at the end with one block copy per field and chunk.
 *
 * Fields are laid out in the order given, which must not widen (8-byte fields first, then 4-, 2-
 * and 1-byte ones), so every column is aligned. Row `r` of field `k` is element
 * `index[k] + r` of the view of the field's kind; the next field of the same width starts
 * {@link Table.rowsPerChunk} elements later.
 *
 * @example
 * ```ts
 * const t = new Table([["time", "f64"], ["count", "u16"], ["flag", "u8"]]);
 * const r = t.add(); // the row within the current chunk
 * t.f64[t.indexOf("time") + r] = 1.5;
 * t.u16[t.indexOf("count") + r] = 7;
 * t.rowBytes; //=> 11
 * Array.from(t.columns()[1]!); //=> [7]
 * ```
 */
export class Table {
  /** Bytes per row: the fields' widths added up. */
  readonly rowBytes: number;
  /** Bytes per chunk. */
  private readonly chunkBytes: number;
  /** Each field's byte offset within a chunk, in field order. */
  private readonly starts: readonly number[];
  /** Each field's first element within a chunk, in the view of its kind, in field order. */
  readonly index: readonly number[];
  /** Full chunks, then the current one. */
  private readonly chunks: Chunk[] = [];
  /** Views of the current chunk, one per kind: renewed when a chunk fills, so read them after {@link Table.add}. */
  f64!: Float64Array;
  f32!: Float32Array;
  u32!: Uint32Array;
  u16!: Uint16Array;
  i16!: Int16Array;
  u8!: Uint8Array;
  /** Rows stored. */
  length = 0;
  /** Rows used in the current chunk. */
  private used = 0;

  /**
   * @param fields - name and kind of each field, widest first
   * @param rowsPerChunk - rows per chunk
   */
  constructor(
    readonly fields: readonly (readonly [name: string, kind: FieldKind])[],
    readonly rowsPerChunk = 4096,
  ) {
    const starts: number[] = [];
    const index: number[] = [];
    let at = 0;
    let width = 8;
    for (const [name, kind] of fields) {
      const w = KIND_BYTES[kind];
      if (w > width) throw new Error(`Table: field ${name} (${kind}) is wider than the one before it; list the widest fields first`);
      width = w;
      starts.push(at);
      index.push(at / w);
      at += w * rowsPerChunk;
    }
    this.starts = starts;
    this.index = index;
    this.rowBytes = at / rowsPerChunk;
    // whole 8-byte words, so that every view covers the chunk
    this.chunkBytes = Math.ceil(at / 8) * 8;
    this.next();
  }

  /** A field's first element within a chunk, in the view of its kind (row `r` is `indexOf(name) + r`). */
  indexOf(name: string): number {
    const k = this.fields.findIndex(([f]) => f === name);
    if (k < 0) throw new Error(`Table: no field ${name}`);
    return this.index[k] as number;
  }

  /** Appends a row (zero until written) and returns its number within the current chunk's views. */
  add(): number {
    if (this.used === this.rowsPerChunk) this.next();
    this.length++;
    return this.used++;
  }

  /** Starts a new chunk of rows. */
  private next(): void {
    const c = chunk(this.chunkBytes);
    this.chunks.push(c);
    this.f64 = c.f64;
    this.f32 = c.f32;
    this.u32 = c.u32;
    this.u16 = c.u16;
    this.i16 = c.i16;
    this.u8 = c.u8;
    this.used = 0;
  }

  /** Bytes the rows hold now (whole chunks). */
  get bytes(): number {
    return this.chunks.length * this.chunkBytes;
  }

  /** Every field as a typed column of its kind, in field order, each exactly {@link Table.length} long. */
  columns(): TypedColumn[] {
    const n = this.length;
    return this.fields.map(([, kind], k) => {
      const col = newColumn(kind, n);
      const to = new Uint8Array(col.buffer);
      const w = KIND_BYTES[kind];
      const start = this.starts[k] as number;
      // copied as bytes, a block per chunk (the column of a chunk is contiguous)
      this.chunks.forEach((c, ci) => {
        const rows = Math.min(this.rowsPerChunk, n - ci * this.rowsPerChunk);
        if (rows > 0) to.set(c.u8.subarray(start, start + rows * w), ci * this.rowsPerChunk * w);
      });
      return col;
    });
  }
}
