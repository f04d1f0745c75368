// The part of SaxonJS's API the transform stage uses.
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetInternal?: unknown;
    sourceFileName?: string;
    sourceText?: string;
    sourceBaseURI?: string;
    destination?: 'serialized' | 'raw' | 'document';
    stylesheetParams?: Record<string, unknown>;
    deliverMessage?: (message: unknown, errorCode: unknown) => void;
  }
  interface TransformResult {
    principalResult: unknown;
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode: 'sync'): TransformResult;
  };
  export default SaxonJS;
}
