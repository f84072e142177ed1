// Types of ole.js (test/helpers/ole.ts re-exports them for the tests).
export interface OleOptions {
  /** Stream path → content. */
  readonly streams: Readonly<Record<string, Uint8Array | string>>;
  /** Storage path ("" for the root) → class ID as "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}". */
  readonly clsids?: Readonly<Record<string, string>>;
  /** Extra empty storages. */
  readonly storages?: readonly string[];
}

export function buildOle(options: OleOptions): Uint8Array;
/** An OLE Package object's native data (the Ole10Native stream): what shows as an icon with a file name. */
export function ole10Native(fileName: string, data: Uint8Array, sized?: boolean): Uint8Array;
