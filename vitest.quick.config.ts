// The quick tier (`npm run test:quick`, test/run-quick.sh): unit and rule tests and one build of the
// bundled edition, under two minutes on two cores. Left to the full suite (`npm test`): the corpora
// in ../shared, epubcheck, the printed edition and Chromium, the fuzz tests, the installation test,
// and the tests that build the bundled edition again (determinism, atomic swaps, every output).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Not mergeConfig: it would add these lists to the full suite's instead of replacing them.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/cli/**/*.test.ts',
      'test/config/**/*.test.ts',
      'test/cache/**/*.test.ts',
      'test/core/**/*.test.ts',
      'test/validate/**/*.test.ts',
      'test/schema/**/*.test.ts',
      'test/transform/**/*.test.ts',
      'test/apparatus/render-entries.test.ts',
      'test/epub/split-units.test.ts',
      'test/print/book-html.test.ts',
      'test/edition/references.test.ts',
      'test/hostile/validate.test.ts',
      'test/hostile/line-ends.test.ts',
      'test/hostile/stylesheets.test.ts',
      'test/deposit/verify-bag.test.ts',
      'test/deposit/deposit-output.test.ts',
      // The one build of the bundled edition (site only in this tier: test/build/support/build.ts).
      'test/build/site.test.ts',
      'test/build/phrases.test.ts',
      'test/build/document-titles.test.ts',
      'test/build/xslt-diagnostics.test.ts',
      // A small volume cut into a page per document (its book and print are left to the full suite).
      'test/build/volumes.test.ts',
      // The interface's languages: the label tables, and a folder build of two German letters.
      'test/build/languages.test.ts',
    ],
    exclude: ['test/validate/corpora.test.ts'],
  },
});
