/**
 * Every key a plain object inherits (`__proto__`, `constructor`, `toString`, …). Settings and
 * limits are looked up in plain objects, so each of these must be refused as unknown, never
 * read as a setting; taken from the running engine so a new member cannot be missed.
 */
export const PROTOTYPE_KEYS: readonly string[] = Object.getOwnPropertyNames(Object.prototype);
