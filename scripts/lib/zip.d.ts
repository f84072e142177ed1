// Types of zip.js (test/helpers/zip.ts re-exports them for the tests).
export interface ZipFile {
  /** A string is written as UTF-8 (with the UTF-8 flag unless `utf8: false`); bytes are written as they are, without the flag. */
  readonly name: string | Uint8Array;
  readonly data?: Uint8Array | string;
  /** 0 stored (default), 8 deflated. */
  readonly method?: 0 | 8;
  /** Traditional PKWARE encryption flag. */
  readonly encrypted?: boolean;
  /** WinZip AES (method 99, extra field 0x9901). */
  readonly aes?: boolean;
  readonly utf8?: boolean;
}

export interface ZipOptions {
  /** Write ZIP64 end records (and 0xFFFF/0xFFFFFFFF in the classic one). */
  readonly zip64?: boolean;
  /** Bytes in front of the archive (a self-extractor stub). */
  readonly prefix?: Uint8Array;
  readonly comment?: string;
}

export function bytesOf(data: Uint8Array | string | undefined): Uint8Array;
export function concat(chunks: readonly Uint8Array[]): Uint8Array;
export function buildZip(files: readonly ZipFile[], options?: ZipOptions): Uint8Array;
