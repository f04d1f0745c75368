// The rule registry: every rule id is registered here once, with its default severity, what it
// means for the exit code, and a one-line explanation. docs/rules.md documents each of them.
import type { Diagnostic, Severity } from './diagnostic.js';

/** What a failure of the rule says about the run: bad content (exit 1), bad usage (2), a tool failure (3). */
export type RuleKind = 'content' | 'usage' | 'tool';

export interface Rule {
  id: string;
  severity: Severity;
  kind: RuleKind;
  summary: string;
}

const list: Rule[] = [
  { id: 'cli/usage', severity: 'error', kind: 'usage', summary: 'The command line is wrong: an unknown option or a missing value.' },
  { id: 'config/not-found', severity: 'error', kind: 'usage', summary: 'The config file does not exist.' },
  { id: 'config/invalid-json', severity: 'error', kind: 'usage', summary: 'The config file is not valid JSON.' },
  { id: 'config/unknown-key', severity: 'error', kind: 'usage', summary: 'The config has a key the tool does not know (often a typo).' },
  { id: 'config/missing-key', severity: 'error', kind: 'usage', summary: 'A required config key is missing.' },
  { id: 'config/wrong-type', severity: 'error', kind: 'usage', summary: 'A config value has the wrong type or form.' },
  { id: 'config/missing-path', severity: 'error', kind: 'usage', summary: 'A file or folder named in the config does not exist.' },
  { id: 'config/unknown-rule', severity: 'error', kind: 'usage', summary: 'The config sets the level of a rule id that does not exist.' },
  { id: 'config/output-folder', severity: 'error', kind: 'usage', summary: 'The output folder is a file, lies under a file, or is not writable.' },
  { id: 'xslt/unknown-element', severity: 'info', kind: 'content', summary: 'An element in the text that the edition has no rendering for (not in the behaviour table): a TEI element keeps its text as plain text; one of another namespace is left out of the reading text.' },
  { id: 'xslt/metadata-left-out', severity: 'info', kind: 'content', summary: 'Metadata in the text (events, relations, coordinates, identifiers, entity lists that are not registers) is left out of the reading text.' },
  { id: 'xslt/pointer-left-out', severity: 'info', kind: 'content', summary: 'A pointer with no words of its own whose target the edition cannot resolve is left out of the reading text.' },
  { id: 'xslt/document-incomplete', severity: 'warning', kind: 'content', summary: 'A document of a file cut into documents (a volume) lacks an xml:id (its page is named after its place), a head (its title) or a dated dateline (its date).' },
  { id: 'xslt/message', severity: 'warning', kind: 'content', summary: 'A stylesheet reported a problem without a rule id (an edition’s own stylesheet, usually).' },
  { id: 'xslt/transform-failed', severity: 'error', kind: 'tool', summary: 'The transformation of a file failed; the message names the stylesheet and line.' },
  { id: 'render/unresolved-link', severity: 'warning', kind: 'content', summary: 'A link the transform made leads to no place of an output; its words are kept without a link.' },
  { id: 'package/print-failed', severity: 'error', kind: 'tool', summary: 'The printed edition could not be laid out (Chromium missing or failing); the message says what to install or fix.' },
  { id: 'print/line-overflow', severity: 'warning', kind: 'content', summary: 'A line of the edition is wider than the printed text block; it is printed wrapped, its continuation indented.' },
  { id: 'print/layout', severity: 'warning', kind: 'content', summary: 'The page engine reports a problem with the layout (a note taller than a page, a character no bundled font has).' },
  { id: 'package/locked', severity: 'error', kind: 'usage', summary: 'Another build is writing the same output folder.' },
  { id: 'io/missing-file', severity: 'error', kind: 'usage', summary: 'A file or folder named on the command line does not exist or cannot be read.' },
  { id: 'io/no-files', severity: 'error', kind: 'usage', summary: 'A folder holds no .xml files.' },
  { id: 'io/empty-file', severity: 'error', kind: 'content', summary: 'The file is empty or holds only whitespace.' },
  { id: 'io/too-large', severity: 'error', kind: 'content', summary: 'The file is larger than the size limit.' },
  { id: 'wf/encoding', severity: 'error', kind: 'content', summary: 'The bytes are not valid in the file’s encoding, or the encoding is unsupported or contradictory.' },
  { id: 'wf/not-xml', severity: 'error', kind: 'content', summary: 'The file is not XML at all (it does not begin with markup, or has no root element).' },
  { id: 'wf/syntax', severity: 'error', kind: 'content', summary: 'The XML is malformed (a broken tag, attribute, comment or reference).' },
  { id: 'wf/tag-mismatch', severity: 'error', kind: 'content', summary: 'An end tag does not match the open start tag.' },
  { id: 'wf/unclosed', severity: 'error', kind: 'content', summary: 'The file ends while an element or tag is still open.' },
  { id: 'wf/forbidden-char', severity: 'error', kind: 'content', summary: 'A character that XML forbids (most control characters).' },
  { id: 'wf/undefined-entity', severity: 'error', kind: 'content', summary: 'An entity reference other than the five XML predefines.' },
  { id: 'wf/external-entity', severity: 'error', kind: 'content', summary: 'A DOCTYPE that names an external DTD or declares an external entity (never read).' },
  { id: 'wf/entity-declaration', severity: 'error', kind: 'content', summary: 'A DOCTYPE that declares entities (never expanded).' },
  { id: 'wf/namespace', severity: 'error', kind: 'content', summary: 'A namespace prefix that is not declared.' },
  { id: 'wf/duplicate-attribute', severity: 'error', kind: 'content', summary: 'The same attribute twice on one element.' },
  { id: 'wf/dtd-defaults', severity: 'error', kind: 'content', summary: 'A DOCTYPE that declares attributes (ATTLIST), whose defaults would add attributes the file does not show.' },
  { id: 'wf/xinclude', severity: 'error', kind: 'content', summary: 'An XInclude element (never processed: nothing outside the file is read).' },
  { id: 'wf/too-deep', severity: 'error', kind: 'content', summary: 'Elements nested deeper than the limit (256 levels).' },
  { id: 'wf/too-long', severity: 'error', kind: 'content', summary: 'A text node or attribute value longer than the limit.' },
  { id: 'tei/not-tei', severity: 'error', kind: 'content', summary: 'The root element is not TEI (or teiCorpus) in the TEI namespace.' },
  { id: 'rng/invalid', severity: 'error', kind: 'content', summary: 'The document does not match the RelaxNG schema.' },
  { id: 'rng/schema-error', severity: 'error', kind: 'tool', summary: 'The RelaxNG schema could not be read or compiled by the validator.' },
  { id: 'tei/ref-unresolved', severity: 'error', kind: 'content', summary: 'A pointer (#id or file.xml#id) that points to nothing in the edition.' },
  { id: 'tei/duplicate-id', severity: 'error', kind: 'content', summary: 'An xml:id used more than once.' },
  { id: 'tei/date-invalid', severity: 'error', kind: 'content', summary: 'A date attribute of an att.datable element that is not a real ISO 8601 date.' },
  { id: 'tei/date-range', severity: 'error', kind: 'content', summary: 'A range whose start is after its end (@from/@to, @notBefore/@notAfter).' },
  { id: 'tei/name-unlinked', severity: 'warning', kind: 'content', summary: 'A persName, placeName or orgName in the text not linked by @ref, @corresp or @key.' },
  { id: 'tei/document-metadata', severity: 'error', kind: 'content', summary: 'A document without a title, a date or (in an edition) a correspDesc.' },
  { id: 'tei/apparatus', severity: 'error', kind: 'content', summary: 'An app citing a witness that is not listed, or lacking a lemma the method needs.' },
  { id: 'tei/unsafe-url', severity: 'warning', kind: 'content', summary: 'A link whose scheme is not http, https, mailto or relative (shown as text, never linked).' },
  { id: 'sch/assert', severity: 'error', kind: 'content', summary: 'A Schematron assert failed or a report fired (the id is sch/<assert id or pattern id>).' },
  { id: 'sch/schema-error', severity: 'error', kind: 'usage', summary: 'A Schematron file could not be read or one of its XPath expressions does not compile.' },
  { id: 'deposit/bag-info', severity: 'warning', kind: 'content', summary: 'A field of the deposit bag’s bag-info.txt (Source-Organization, External-Identifier) that the headers and the config do not give is left out.' },
  { id: 'deposit/missing-editor', severity: 'warning', kind: 'content', summary: 'The edition’s header names no editor or author (titleStmt/editor, titleStmt/author): the DataCite, Zenodo, CFF and CMIF records, which require one, are not written.' },
  { id: 'deposit/missing-publisher', severity: 'warning', kind: 'content', summary: 'The edition’s header names no publisher (publicationStmt/publisher): the DataCite and CMIF records, which require one, are not written.' },
  { id: 'deposit/missing-licence', severity: 'warning', kind: 'content', summary: 'The edition’s header states no licence (publicationStmt/availability/licence): the records state no rights, the Zenodo record asks for closed access, the CMIF record is not written.' },
  { id: 'deposit/unknown-licence', severity: 'warning', kind: 'content', summary: 'The licence’s @target is missing or not a URL whose SPDX id is known: the Zenodo record asks for closed access and CITATION.cff names no licence.' },
  { id: 'deposit/missing-date', severity: 'info', kind: 'content', summary: 'The edition’s header gives no full date of publication (publicationStmt/date/@when): the build’s date stands for it where a record requires one.' },
  { id: 'deposit/missing-doi', severity: 'info', kind: 'content', summary: 'The edition’s header gives no DOI (publicationStmt/idno[@type=\'DOI\']): DataCite’s record identifies the edition by the config’s identifier until then.' },
  { id: 'deposit/missing-abstract', severity: 'info', kind: 'content', summary: 'The edition’s header has no abstract (profileDesc/abstract, or encodingDesc/projectDesc): the Zenodo record is described by the list of documents.' },
  { id: 'deposit/missing-base-url', severity: 'info', kind: 'content', summary: 'The edition has no baseUrl: the CMIF record points to the letters by their paths in the site, and no record gives the edition’s address.' },
  { id: 'deposit/cmif-licence', severity: 'info', kind: 'content', summary: 'The edition’s licence is not CC BY 4.0, which correspSearch asks of CMIF files; the CMIF record keeps the edition’s licence.' },
  { id: 'deposit/cmif-letter', severity: 'warning', kind: 'content', summary: 'A correspDesc without a sending or a receiving (correspAction of type sent or received with a name, place or dated date): the letter is left out of the CMIF record.' },
  { id: 'bag/not-a-bag', severity: 'error', kind: 'content', summary: 'verify-bag: no bagit.txt (or one without its two lines), no data/ folder, or a file that is not a readable zip.' },
  { id: 'bag/missing-manifest', severity: 'error', kind: 'content', summary: 'verify-bag: the bag has no payload manifest of an algorithm that can be checked.' },
  { id: 'bag/manifest-syntax', severity: 'error', kind: 'content', summary: 'verify-bag: a manifest line that is not "checksum path", or lists a path twice.' },
  { id: 'bag/unsupported-algorithm', severity: 'warning', kind: 'content', summary: 'verify-bag: a manifest of an algorithm this tool cannot compute; it is not checked.' },
  { id: 'bag/missing-file', severity: 'error', kind: 'content', summary: 'verify-bag: a file a manifest lists is not in the bag.' },
  { id: 'bag/extra-file', severity: 'error', kind: 'content', summary: 'verify-bag: a file in data/ that a payload manifest does not list (or, in a zip, outside the bag’s folder).' },
  { id: 'bag/checksum-mismatch', severity: 'error', kind: 'content', summary: 'verify-bag: a file whose content differs from its checksum in a manifest.' },
  { id: 'bag/oxum-mismatch', severity: 'error', kind: 'content', summary: 'verify-bag: bag-info.txt’s Payload-Oxum differs from the size and number of the files in data/.' },
  { id: 'bag/unsafe-path', severity: 'error', kind: 'content', summary: 'verify-bag: a zip entry or manifest path that could lead outside the bag (.., absolute, backslash, drive letter), a payload manifest naming a path outside data/, or a symbolic link; refused, never read.' },
];

export const rules: ReadonlyMap<string, Rule> = new Map(list.map((r) => [r.id, r]));

/** Schematron rule ids are made by the edition's own schema files, so `sch/` is an open family. */
export function findRule(id: string): Rule | undefined {
  return rules.get(id) ?? (id.startsWith('sch/') && id !== 'sch/schema-error' ? rules.get('sch/assert') : undefined);
}

export type RuleLevel = Severity | 'off';

/**
 * Applies the config's rule levels: a level replaces the default severity, `off` drops the
 * diagnostic. Usage and tool diagnostics cannot be turned down: they are not about content.
 */
export function applyRuleLevels(diagnostics: readonly Diagnostic[], levels: Readonly<Record<string, RuleLevel>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const rule = findRule(d.ruleId);
    const level = levels[d.ruleId] ?? (d.ruleId.startsWith('sch/') ? levels['sch/*'] : undefined);
    if (level === undefined || (rule && rule.kind !== 'content')) out.push(d);
    else if (level !== 'off') out.push({ ...d, severity: level });
  }
  return out;
}

/**
 * What stops a run, from its diagnostics: a tool failure before a usage error before content errors
 * (warnings count as errors when `strict`); undefined when nothing does. The CLI turns this into an
 * exit code (src/cli/exit-code.ts); stages only decide whether to go on.
 */
export function blockingKind(diagnostics: readonly Diagnostic[], strict: boolean): RuleKind | undefined {
  let kind: RuleKind | undefined;
  for (const d of diagnostics) {
    const ruleKind = findRule(d.ruleId)?.kind ?? 'content';
    if (ruleKind === 'tool' && d.severity === 'error') return 'tool';
    if (ruleKind === 'usage' && d.severity === 'error') kind = 'usage';
    else if (kind === undefined && (d.severity === 'error' || (strict && d.severity === 'warning'))) kind = 'content';
  }
  return kind;
}
