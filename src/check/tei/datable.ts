// Which attributes are dates where they stand. @when, @notBefore, @notAfter, @from and @to (and
// their -iso forms) are dates only on members of TEI's attribute class att.datable; elsewhere the
// same names mean something else: page or folio ranges on biblScope and citedRange (att.citing)
// and on locus, pointers on span, app, rt and arc. Only these elements are checked as dates.
//
// The list is att.datable's membership in tei_all.rng, TEI P5 4.12.0 (../shared/schemas/tei_all.rng):
// every element whose content model reaches att.datable.w3c.attribute.* (and, the same elements,
// att.datable.iso.attribute.*), directly or through another class. The schema is not shipped with
// the tool, so the list is kept here; test/validate/datable.test.ts recomputes it from tei_all.rng
// when that file is present and fails if the two differ.

/** Elements of att.datable (TEI P5 4.12.0). */
export const DATABLE_ELEMENTS: ReadonlySet<string> = new Set([
  'acquisition', 'affiliation', 'age', 'altIdentifier', 'application', 'author', 'binding', 'birth', 'bloc',
  'change', 'climate', 'conversion', 'country', 'creation', 'custEvent', 'date', 'death', 'district',
  'docDate', 'editor', 'education', 'event', 'eventName', 'faith', 'floruit', 'funder', 'gender', 'geogFeat',
  'geogName', 'idno', 'langKnowledge', 'langKnown', 'licence', 'localProp', 'location', 'mapping', 'meeting',
  'name', 'nationality', 'objectName', 'occupation', 'offset', 'org', 'orgName', 'origDate', 'origPlace',
  'origin', 'persName', 'persPronouns', 'person', 'place', 'placeName', 'population', 'post', 'precision',
  'principal', 'provenance', 'region', 'relation', 'residence', 'resp', 'seal', 'settlement', 'sex',
  'socecStatus', 'sponsor', 'stamp', 'state', 'terrain', 'time', 'title', 'trait', 'unicodeProp',
  'unihanProp', 'unitDecl', 'unitDef',
]);

/** att.datable.w3c's attributes. */
export const W3C_DATE_ATTRIBUTES: ReadonlySet<string> = new Set(['when', 'notBefore', 'notAfter', 'from', 'to']);
/** att.datable.iso's attributes. */
export const ISO_DATE_ATTRIBUTES: ReadonlySet<string> = new Set(['when-iso', 'notBefore-iso', 'notAfter-iso', 'from-iso', 'to-iso']);
