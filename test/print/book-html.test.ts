// The producer of the print HTML (src/render/print/book-html.ts), on small pieces of HTML: what the printed
// page leaves out of the site's fragments, how long lemmas, register entries, titles and divisions are given.
import { describe, expect, it } from 'vitest';
import { printedEntry, registerDescription, runningTitle, shortTitle, textDivisions, withoutSiteApparatus } from '../../src/render/print/book-html.js';

describe('the print HTML producer', () => {
  it('leaves out the site’s paragraph numbers, name-link arrows and note type labels', () => {
    const html = '<p class="p" id="d--p1"><a class="pnum ed" href="#d--p1" aria-label="Paragraph 1">1</a>Text <a class="name" href="#reg-persons-x">X</a><sup class="name-link ed"><a href="#reg-works-y" title="Y">↗</a></sup>'
      + '<span class="fn fn-explanatory" data-label="1"><span class="note-type ed">explanatory</span> A note.</span></p>';
    expect(withoutSiteApparatus(html)).toBe('<p class="p" id="d--p1">Text <a class="name" href="#reg-persons-x">X</a><span class="fn fn-explanatory" data-label="1">A note.</span></p>');
  });

  it('gives a lemma of more than six words by its first two words and its last, and keeps a short one', () => {
    const long = '<span class="fn fn-critical" data-label="7"><span class="lemma">Commander in Chief of the <a href="#x">Korean People\'s Army</a><br> KIM IL SUNG Date.</span> <span class="sigla">A</span>] <span class="reading"><em class="om">om.</em></span> <span class="sigla">C</span></span>';
    expect(printedEntry(long)).toBe('<span class="fn fn-critical" data-label="7"><span class="lemma">Commander in … Date.</span> <span class="sigla">A</span>] <span class="reading"><em class="om">om.</em></span> <span class="sigla">C</span></span>');
    const short = '<span class="fn fn-critical" data-label="2"><span class="lemma">received</span> <span class="sigla">A C</span>] <span class="reading">recd</span> <span class="sigla">B</span></span>';
    expect(printedEntry(short)).toBe(short);
    expect(printedEntry('<span class="reading">one<br>two</span>')).toBe('<span class="reading">one / two</span>');
  });

  it('describes a register entry without identifiers, web addresses or coordinates', () => {
    const html = '<div class="entry-part entry-birth"><span class="entry-part-label">Birth: </span>1863-07-19 Linz 48,3 14,28333</div>'
      + '<div class="entry-part entry-idno"><span class="entry-part-label">Identifier (gnd): </span><a href="https://d-nb.info/gnd/1">https://d-nb.info/gnd/1</a></div>'
      + '<div class="entry-part entry-location"><span class="entry-part-label">Location (coords): </span>48,2 16,3</div>'
      + '<div class="entry-part entry-desc"><span class="entry-part-label">Description (entity type): </span>A.ADM3</div>'
      + '<div class="entry-part entry-occupation"><span class="entry-part-label">Occupation: </span>Schriftsteller</div>';
    expect(registerDescription(html)).toBe('<span class="label">Birth:</span> 1863-07-19 Linz; <span class="label">Occupation:</span> Schriftsteller');
    expect(registerDescription('<p>A Danish hospital ship; see https://example.org/ship.</p>')).toBe('A Danish hospital ship; see');
  });

  it('shortens titles for the half-title and the running heads', () => {
    expect(shortTitle('Toward Kaesong: the armistice proposal, June–July 1951', 'The armistice proposal, June–July 1951')).toBe('Toward Kaesong');
    expect(shortTitle('Foreign Relations of the United States, 1894', '')).toBe('Foreign Relations of the United States, 1894');
    expect(runningTitle('Kim Il Sung and Peng Dehuai to Ridgway, 1 July 1951: the reply, in three witnesses')).toBe('Kim Il Sung and Peng Dehuai to Ridgway, 1 July 1951');
    expect(runningTitle('Foreign Relations of the United States, 1964–1968, Volume XXIX, Part 2, Japan and the Ryukyu Islands')).toBe('Foreign Relations of the United States, 1964–1968, Volume XXIX, Part…');
  });

  it('lists the divisions of a volume down to the depth that has the most, and gives them running titles', () => {
    const text = '<section class="div div-compilation" id="d--c"><h3 class="head" id="d--h1">Volume</h3>'
      + '<section class="div div-chapter" id="d--ch"><h3 class="head" id="d--h2">Chapter</h3>'
      + '<section class="div div-document" id="d--d1"><h4 class="head" id="d--h3"><span class="ln ed" id="d--line-5" data-line="5">5</span>No. 1.<br class="line">Mr. Seat<span id="d--note-1" class="fn fn-explanatory" data-label="1">[Telegram.]</span></h4><p>…</p></section>'
      + '<section class="div div-document" id="d--d2"><h4 class="head" id="d--h4">No. 2.</h4><div><section class="div" id="d--x"><h5>Inclosure</h5></section></div></section>'
      + '</section></section>';
    const { html, divisions } = textDivisions(text);
    expect(divisions).toEqual([
      { depth: 1, title: 'Volume', target: 'd--h1' },
      { depth: 2, title: 'Chapter', target: 'd--h2' },
      { depth: 3, title: 'No. 1. Mr. Seat', target: 'd--h3' },
      { depth: 3, title: 'No. 2.', target: 'd--h4' },
    ]);
    expect(html).toContain('<section class="div div-document" id="d--d1" data-running-title="No. 1. Mr. Seat">');
    expect(html).not.toContain('data-running-title="Inclosure"');
    expect(textDivisions('<section class="div" id="a"><h2>Only one</h2></section>').divisions).toEqual([]);
  });
});
