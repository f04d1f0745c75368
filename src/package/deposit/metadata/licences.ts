// What a licence's URL (licence/@target) is called by the registries: its SPDX id (DataCite's rights
// identifier, CITATION.cff's license) and Zenodo's licence id. Only URLs that name one licence beyond doubt
// are known: Creative Commons licences and CC0 at creativecommons.org, and spdx.org/licenses/ pages.
// Anything else is named by its URL and text alone; nothing is guessed from the licence's wording.

export interface KnownLicence {
  /** The SPDX identifier, e.g. CC-BY-4.0. */
  spdx: string;
  /** Zenodo's licence id (its vocabulary is SPDX's, in lower case), e.g. cc-by-4.0. */
  zenodo: string;
  /** The licence's own name, e.g. "Creative Commons Attribution 4.0 International". */
  name: string;
}

const CC_KINDS: Readonly<Record<string, string>> = {
  by: 'Attribution',
  'by-sa': 'Attribution-ShareAlike',
  'by-nd': 'Attribution-NoDerivatives',
  'by-nc': 'Attribution-NonCommercial',
  'by-nc-sa': 'Attribution-NonCommercial-ShareAlike',
  'by-nc-nd': 'Attribution-NonCommercial-NoDerivatives',
};
/** The versions SPDX lists for every kind above (by-nc-nd had no 1.0 under that name). */
const CC_VERSIONS = new Set(['1.0', '2.0', '2.5', '3.0', '4.0']);
const CC_SUFFIX: Readonly<Record<string, string>> = { '1.0': 'Generic', '2.0': 'Generic', '2.5': 'Generic', '3.0': 'Unported', '4.0': 'International' };

// creativecommons.org/licenses/by/4.0/ with an optional deed or legal code page; a jurisdiction port
// (/by/3.0/de/) is another licence, with SPDX ids of its own for some ports only: not matched.
const CC_LICENCE = /^https?:\/\/(?:www\.)?creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)\/?(?:(?:deed|legalcode)(?:\.[A-Za-z-]+)?)?$/;
const CC_ZERO = /^https?:\/\/(?:www\.)?creativecommons\.org\/publicdomain\/zero\/1\.0\/?(?:(?:deed|legalcode)(?:\.[A-Za-z-]+)?)?$/;
const SPDX_PAGE = /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9][A-Za-z0-9.+-]*?)(?:\.html|\.json)?$/;

export function knownLicence(target: string | undefined): KnownLicence | undefined {
  const url = (target ?? '').trim();
  const cc = CC_LICENCE.exec(url);
  if (cc) {
    const [, kind = '', version = ''] = cc;
    if (!CC_KINDS[kind] || !CC_VERSIONS.has(version) || (kind === 'by-nc-nd' && version === '1.0')) return undefined;
    const spdx = `CC-${kind.toUpperCase()}-${version}`;
    return { spdx, zenodo: spdx.toLowerCase(), name: `Creative Commons ${CC_KINDS[kind]} ${version} ${CC_SUFFIX[version]}` };
  }
  if (CC_ZERO.test(url)) return { spdx: 'CC0-1.0', zenodo: 'cc0-1.0', name: 'Creative Commons Zero v1.0 Universal' };
  const spdx = SPDX_PAGE.exec(url);
  if (spdx) return { spdx: spdx[1]!, zenodo: spdx[1]!.toLowerCase(), name: spdx[1]! };
  return undefined;
}

/** What correspSearch asks of a CMIF file's licence. */
export const CMIF_LICENCE = 'CC-BY-4.0';
