/**
 * The few web-platform globals the pure core may use. They exist with the same behaviour in
 * every browser that runs Outlook add-ins and in Node >= 18, so declaring them here (instead of
 * pulling in the DOM or Node type libraries) keeps host APIs out of the core at compile time.
 */

/** WHATWG URL (https://url.spec.whatwg.org/): host normalisation, IDNA to punycode. */
declare class URL {
  constructor(input: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}

declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
  has(name: string): boolean;
  forEach(callback: (value: string, key: string) => void): void;
}

/** WHATWG Encoding (https://encoding.spec.whatwg.org/): legacy Japanese charsets included. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** Built into every browser and Node; available to the core only through this declaration. */
declare function atob(data: string): string;
declare function btoa(data: string): string;

/**
 * WebCrypto (W3C Web Cryptography API): SHA-256 digests for attachment hashes, random bytes for
 * the report's id. Browsers expose it in secure contexts (the add-in's https pane); Node >= 19
 * as a global.
 */
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
  readonly subtle: {
    digest(algorithm: "SHA-256", data: ArrayBuffer | ArrayBufferView): Promise<ArrayBuffer>;
  };
};
