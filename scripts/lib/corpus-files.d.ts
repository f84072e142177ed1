// Types of corpus-files.js.
export function corpusFiles(dir: string): string[];
