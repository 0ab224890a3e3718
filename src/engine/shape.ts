/**
 * Object shapes fixed from the start. V8 gives a field the representation of the first value
 * stored in it: a small integer (`= 0`, `= -1`) makes it an integer field, and the first
 * fractional number stored there later (a time, minutes of work, an id past 2^31) gives the
 * object a new hidden class and retires the old one. Every compiled function that has seen the
 * old class is then thrown away (deoptimised), and so is every function that relied on a field
 * holding objects of that class (a `Simulation`'s calendar, a model's simulation): in the first
 * run of every thread, in the middle of its JIT warm-up, once per such field, and again when the
 * next run's objects meet code compiled for the retired classes. {@link primeFractions} settles
 * those fields as fractional at construction, before any code is compiled.
 *
 * The representation belongs to the hidden class, not to the object: once one object of a class
 * is primed, V8 gives every object of the class made after it the settled class from the start.
 * So a class made by the thousand in every run (a model's pooled objects) primes only the first
 * object of its pool: priming looks each field up by name, which V8's optimised code does
 * through a generic routine (the function sees many classes), several times per field and
 * object (bench/README.md, "Instructions counted").
 *
 * @packageDocumentation
 */

/**
 * Stores a fraction into each named field and puts its value back, so that the field holds
 * numbers of any kind from the start. The object's values are unchanged.
 *
 * @param object - a newly made object (from its constructor)
 * @param fields - its fields that will hold fractional numbers (private ones too)
 * @throws Error if a field is not on the object (a misspelt name would add one)
 * @example
 * ```ts
 * const o = { at: 0, count: 0 };
 * primeFractions(o, ["at"]);
 * o; //=> { at: 0, count: 0 }
 * ```
 */
export function primeFractions(object: object, fields: readonly string[]): void {
  const o = object as Record<string, unknown>;
  for (const f of fields) {
    if (!(f in o)) throw new Error(`primeFractions: no field ${f}`);
    const value = o[f];
    o[f] = 0.5;
    o[f] = value;
  }
}

/**
 * An empty array whose elements are objects (or functions) from the start. V8 gives an empty
 * array literal the elements kind of small integers; the first object stored into it changes the
 * array's hidden class, and code compiled for arrays of the previous run (already holding
 * objects) is thrown away when it meets the next run's new array. An array made here has the
 * elements kind of objects before anything is stored.
 *
 * @returns an empty array
 * @example
 * ```ts
 * const pool = objectArray<{ id: number }>();
 * pool.push({ id: 1 });
 * pool.length; //=> 1
 * ```
 */
export function objectArray<T>(): T[] {
  const array: unknown[] = [null];
  array.pop();
  return array as T[];
}
