/**
 * The report's JSON Schema (docs/report.schema.json), compiled once with Ajv's draft 2020-12
 * validator and the standard formats (date-time), so every test validates against the very file
 * a CSIRT is given.
 */
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";

// ajv-formats is CommonJS with a `default` property: under NodeNext its default import is the
// module object, whose `default` is the plugin.
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default;

export const REPORT_SCHEMA = JSON.parse(readFileSync(new URL("../../docs/report.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(REPORT_SCHEMA);

/** The schema's complaints about `document` ([] when it is valid), as "path message" lines. */
export function reportSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}
