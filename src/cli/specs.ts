// The commands' options, declared once. An option shared by several commands is one object here,
// so it reads, checks and means the same in each (help text included). Kept free of the heavy
// modules the commands load, so that `tei-edition --help` stays instant.
import { CONFIG_FILE_NAME } from '../config/edition-config.js';
import { parseShard } from '../transform/shards.js';
import type { BuildOutput } from '../package/build-edition.js';
import type { InterfaceLanguage } from '../labels/labels.js';
import { DEFAULT_MAX_FILE_BYTES } from '../read/load.js';
import { DEBUG_OPTION, HELP_OPTION, VERSION_OPTION, oneOf, registerSpecs, someOf, type CommandSpec, type OptionSpec } from './options.js';

export const FORMATS = ['human', 'json', 'junit', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** The outputs `build --only` accepts (the build's own list, BUILD_OUTPUTS, is checked against it by type). */
export const OUTPUT_NAMES = ['site', 'apparatus', 'epub', 'print', 'deposit'] as const satisfies readonly BuildOutput[];

/** The languages of the interface `build --lang` accepts (src/labels/labels.ts, INTERFACE_LANGUAGES, checked by type). */
export const LANGUAGE_NAMES = ['en', 'de', 'fr', 'it', 'la'] as const satisfies readonly InterfaceLanguage[];

const DEFAULT_MAX_MB = DEFAULT_MAX_FILE_BYTES / 1024 / 1024;

export const shared = {
  config: { name: 'config', value: 'FILE', help: `the edition config (default: ./${CONFIG_FILE_NAME}); with PATH, its schema,\nSchematron and rule levels apply to the files named` },
  schema: { name: 'schema', value: 'FILE', help: 'check against this RelaxNG schema (XML syntax) instead of the config\u2019s' },
  format: {
    name: 'format',
    value: 'FORMAT',
    help: 'human (default), json, junit, github (workflow annotations) or sarif\n(SARIF 2.1.0, for code scanning); all but human list every finding',
    parse: oneOf('format', FORMATS),
  },
  strict: { name: 'strict', help: 'warnings fail the run too (exit 1)' },
  maxSize: {
    name: 'max-size',
    value: 'MB',
    help: `largest source file accepted, in MB (default: ${DEFAULT_MAX_MB})`,
    parse: (text) => {
      const mb = Number(text);
      return Number.isFinite(mb) && mb > 0 ? { value: Math.round(mb * 1024 * 1024) } : { error: '--max-size needs a size in MB, e.g. --max-size 64' };
    },
  },
  quiet: { name: 'quiet', help: 'print only errors and the closing summary' },
  verbose: { name: 'verbose', help: 'print every finding in full (by default, human output shows the\nfirst few of each rule and counts the rest)' },
} satisfies Record<string, OptionSpec>;

const EXIT_CODES = 'Exit codes: 0 clean (warnings allowed unless --strict), 1 content errors, 2 usage or config\nerror (including a missing file), 3 internal or tool error.';

export const VALIDATE_SPEC: CommandSpec = {
  name: 'validate',
  summary: 'check TEI files or the configured edition (well-formedness, RelaxNG, editorial rules)',
  operands: '[PATH...]',
  description: `Checks TEI files: well-formedness, the RelaxNG schema, Schematron, and editorial rules.
Without PATH, validates the edition named by ${CONFIG_FILE_NAME} (documents, registers and
edition.xml together, so references across files are checked). PATH may be files or folders
(folders contribute their *.xml files); with PATH, a config is only read if --config names it.`,
  options: [shared.format, shared.config, shared.schema, shared.strict, shared.maxSize, shared.quiet, shared.verbose, DEBUG_OPTION, VERSION_OPTION, HELP_OPTION],
  epilogue: `${EXIT_CODES}\nRules and how to fix them: docs/rules.md`,
};

export const BUILD_SPEC: CommandSpec = {
  name: 'build',
  summary: 'validate the edition and write its outputs (site, apparatus, EPUB, PDF, deposit bag) into dist/',
  operands: '[PATH...]',
  description: `Validates the edition and writes its outputs into <out> (default dist): the HTML edition (site/), the
apparatus (apparatus/), the EPUB (epub/), the printed edition (print/) and the deposit for a
repository (deposit/: a BagIt bag of the sources and every output, also zipped, with its metadata
records; \`tei-edition verify-bag\` checks it). Errors stop the build before anything is written;
the new outputs replace the old ones only when they are complete.
Without PATH, builds the edition named by ${CONFIG_FILE_NAME}. With PATH (files or folders), builds
those files without the config's documents: the edition's title is --title, else the series all
documents name, else the title they all share, else the folder's name (each document keeps its own
title on its page and in its citation); registers are recognised by their lists, the persons, places … lists that
documents carry in back or standOff become registers too, and only unreadable files stop the build
(other findings are warnings). With PATH and --config, the config's schema, Schematron, rule
levels, output folder, language and labels apply to the files named.`,
  options: [
    shared.config,
    { name: 'out', value: 'DIR', help: 'output folder (default: the config\u2019s "out", else dist); the site goes to DIR/site' },
    {
      name: 'title',
      value: 'TEXT',
      help: 'the edition\u2019s title (instead of the config\u2019s; with PATH, instead of the series\nor folder name)',
      parse: (text) => (text.trim() ? { value: text.trim() } : { error: '--title needs the edition\u2019s title, e.g. --title "Letters of …"' }),
    },
    {
      name: 'lang',
      value: 'LANG',
      help: 'the language of the interface: en, de, fr, it or la (instead of the config\u2019s\n"lang", else the language of the edition\u2019s text)',
      parse: oneOf('lang', LANGUAGE_NAMES),
    },
    {
      name: 'base-url',
      value: 'URL',
      help: 'public address of the site, for canonical links and citations',
      parse: (text) => (/^https?:\/\/[^\s]+$/.test(text) ? { value: text } : { error: '--base-url needs an http or https address, e.g. https://example.org/edition/' }),
    },
    shared.schema,
    shared.strict,
    shared.maxSize,
    {
      name: 'shard',
      value: 'K/N',
      help: 'check every file but transform only the Kth of N parts of the documents, and write\nwhat the stylesheets returned into --out (default shard-K-of-N) for build --merge',
      parse: (text) => {
        const shard = parseShard(text);
        return 'error' in shard ? shard : { value: `${shard.value.index}/${shard.value.count}` };
      },
    },
    {
      name: 'merge',
      help: 'PATH... are shard folders made by build --shard (with the same options): build the\nconfigured edition, taking each document\u2019s transformation from them',
    },
    {
      name: 'only',
      value: 'LIST',
      help: 'build only these outputs, comma-separated: site, apparatus, epub, print, deposit\n(DIR/epub: the bundle and the .epub; DIR/print: the PDF and the HTML it was laid out from;\ndeposit packages every other output, so it makes and writes them all)',
      parse: someOf('only', OUTPUT_NAMES),
    },
    shared.format,
    shared.quiet,
    shared.verbose,
    DEBUG_OPTION,
    VERSION_OPTION,
    HELP_OPTION,
  ],
  epilogue: `Dates in the output come from SOURCE_DATE_EPOCH, else the last commit: two builds of the same
sources are byte-identical.
Exit codes: 0 built, 1 content errors, 2 usage or config error, 3 internal or tool error.`,
};

export const SCHEMA_DEFAULTS = {
  teiAll: '../shared/schemas/tei_all.rng',
  odd: 'schema/source/tei-edition.odd',
  out: 'schema/tei-edition.rng',
} as const;

export const SCHEMA_SPEC: CommandSpec = {
  name: 'schema',
  summary: 'regenerate schema/tei-edition.rng from its ODD source and tei_all.rng',
  description: "Regenerates the project's RelaxNG schema from its ODD source and TEI P5's tei_all.rng.",
  options: [
    { name: 'tei-all', value: 'FILE', help: `tei_all.rng (default: ${SCHEMA_DEFAULTS.teiAll}, from the project root)` },
    { name: 'odd', value: 'FILE', help: `the ODD source (default: ${SCHEMA_DEFAULTS.odd})` },
    { name: 'out', value: 'FILE', help: `where to write the schema (default: ${SCHEMA_DEFAULTS.out})` },
    { name: 'check', help: 'write nothing; exit 1 if the schema at --out differs from what would be generated' },
    DEBUG_OPTION,
    VERSION_OPTION,
    HELP_OPTION,
  ],
  epilogue: 'Exit codes: 0 ok, 1 schema out of date or ODD not usable, 2 usage or missing input, 3 internal error.',
};

export const INIT_SPEC: CommandSpec = {
  name: 'init',
  summary: 'make a new edition in a folder: config, a sample letter with registers, CI workflow',
  operands: '[DIR]',
  maxOperands: 1,
  description: `Makes a new edition in DIR (default: the current folder), ready to validate and build:
  ${CONFIG_FILE_NAME}              the config, with a $schema for editors that complete JSON
  tei/edition.xml                  the front matter
  tei/documents/sample-letter.xml  an invented sample letter: a person, a place and a date, linked
  tei/registers/persons.xml        the registers the letter points to
  tei/registers/places.xml
  .gitignore                       dist/ and node_modules/
  .github/workflows/edition.yml    GitHub Actions: validate and build on every push and pull request
The config and the files point to the schema in node_modules/tei-edition: install the tool in the
edition's folder first (npm install --save-dev tei-edition).
Nothing is written if any of these files exists, unless --force.`,
  options: [{ name: 'force', help: 'overwrite files that exist' }, DEBUG_OPTION, VERSION_OPTION, HELP_OPTION],
  epilogue: 'Exit codes: 0 written, 2 usage error or files in the way (nothing written), 3 internal error.',
};

export const VERIFY_BAG_SPEC: CommandSpec = {
  name: 'verify-bag',
  summary: 'check a BagIt bag (a folder or a .zip), such as the deposit a build writes',
  operands: 'DIR|ZIP',
  maxOperands: 1,
  description: `Checks a BagIt bag (RFC 8493), such as dist/deposit/<slug>-bag or <slug>-bag.zip: bagit.txt,
every payload manifest and tag manifest (each algorithm present), and bag-info.txt's Payload-Oxum.
Every file that is missing, changed, or in data/ without a manifest line is reported by its path.
A zip is read in memory and nothing is extracted; an entry or a manifest line naming a path
outside the bag (.., an absolute path, a backslash, a drive letter) is refused.`,
  options: [
    shared.format,
    shared.quiet,
    DEBUG_OPTION,
    VERSION_OPTION,
    HELP_OPTION,
  ],
  epilogue: 'Exit codes: 0 a valid bag, 1 not a valid bag, 2 usage error (no such file), 3 internal error.\nRules: docs/rules.md ("Bags"); the deposit: docs/build.md.',
};

/** Options of build that serve takes too: the same objects, so they parse, read and mean the same. */
const buildOptions = (...names: string[]): OptionSpec[] => names.flatMap((name) => BUILD_SPEC.options.filter((o) => o.name === name));

export const DEFAULT_SERVE_PORT = 8080;
export const DEFAULT_SERVE_HOST = '127.0.0.1';

export const SERVE_SPEC: CommandSpec = {
  name: 'serve',
  summary: 'build the site, serve it on localhost, and rebuild and reload the page on every change',
  operands: '[PATH...]',
  description: `Builds the site (<out>/site, as build does) and serves it at http://${DEFAULT_SERVE_HOST}:${DEFAULT_SERVE_PORT}/ for a
live preview. It watches the sources (the config's documents, registers, edition file, schema and
Schematron, or the PATHs given) and the config file, and rebuilds after each change; open pages reload
by themselves. When the sources have errors, nothing is written: the last good site stays, and the
open pages show the errors above it until the next good build. The built files are those build writes;
only the pages served carry the reload script. Without PATH, serves the edition named by
${CONFIG_FILE_NAME}; with PATH, as build PATH. Ctrl-C stops the server.`,
  options: [
    shared.config,
    ...buildOptions('out', 'title', 'lang'),
    shared.schema,
    shared.strict,
    shared.maxSize,
    {
      name: 'only',
      value: 'LIST',
      help: 'the outputs each build makes, comma-separated, site among them (default: site);\nas in build: apparatus, epub, print, deposit',
      parse: someOf('only', OUTPUT_NAMES),
    },
    {
      name: 'port',
      value: 'N',
      help: `the port to listen on (default ${DEFAULT_SERVE_PORT}; 0: any free port, shown when serving)`,
      parse: (text) => (/^\d{1,5}$/.test(text) && Number(text) <= 65535 ? { value: Number(text) } : { error: '--port needs a port number from 0 to 65535, e.g. --port 8080 (0: any free port)' }),
    },
    {
      name: 'host',
      value: 'HOST',
      help: `the address to listen on (default ${DEFAULT_SERVE_HOST}, this computer only; 0.0.0.0\nshows the preview to the whole network)`,
      parse: (text) => (/^[A-Za-z0-9.:%-]+$/.test(text) ? { value: text } : { error: '--host needs an address or host name, e.g. --host 127.0.0.1' }),
    },
    shared.quiet,
    shared.verbose,
    DEBUG_OPTION,
    VERSION_OPTION,
    HELP_OPTION,
  ],
  epilogue: `Exit codes: 0 stopped with Ctrl-C, 2 usage or config error (including a port in use), 3 internal error.
A build that fails never stops the server. Live preview: docs/build.md.`,
};

/** Every command, so that an option given to the wrong one can be traced to the right one. */
export const COMMAND_SPECS: readonly CommandSpec[] = [INIT_SPEC, VALIDATE_SPEC, BUILD_SPEC, SERVE_SPEC, SCHEMA_SPEC, VERIFY_BAG_SPEC];
registerSpecs(COMMAND_SPECS);
