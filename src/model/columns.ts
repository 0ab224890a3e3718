/**
 * Growable typed columns for the model's records: appending is amortised O(1) and the finished
 * column is a typed array of exactly the used length.
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

/**
 * Records of a fixed set of fields kept row by row in one growable buffer: appending a record
 * checks the capacity once and writes its fields side by side (one cache line or two), instead
 * of one growable column per field. {@link Rows.columns} copies the fields out as columns at the
 * end, in one pass.
 *
 * @example
 * ```ts
 * const r = new Rows(2);
 * const at = r.add();
 * r.data[at] = 1; r.data[at + 1] = 2;
 * Array.from(r.columns()[1]!); //=> [2]
 * ```
 */
export class Rows {
  /** The rows, `stride` numbers each; write a new row's fields at the offset {@link Rows.add} returns. */
  data: Float64Array;
  /** Rows stored. */
  length = 0;

  /**
   * @param stride - fields per row
   * @param capacity - initial capacity in rows
   */
  constructor(
    readonly stride: number,
    capacity = 256,
  ) {
    this.data = new Float64Array(Math.max(1, capacity) * stride);
  }

  /** Appends a row (its fields are whatever the buffer holds until written) and returns its offset in {@link Rows.data}. */
  add(): number {
    const at = this.length * this.stride;
    if (at === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.length++;
    return at;
  }

  /** Bytes the rows hold now (the buffer's capacity: it grows by doubling). */
  get bytes(): number {
    return this.data.byteLength;
  }

  /** Every field as a column, in field order, read in one pass over the rows. */
  columns(): Float64Array[] {
    const n = this.length;
    const s = this.stride;
    const d = this.data;
    const out = Array.from({ length: s }, () => new Float64Array(n));
    for (let i = 0, j = 0; i < n; i++) {
      for (let k = 0; k < s; k++, j++) (out[k] as Float64Array)[i] = d[j] as number;
    }
    return out;
  }
}
