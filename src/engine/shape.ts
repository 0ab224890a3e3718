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
