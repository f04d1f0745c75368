/* Hooks that make Paged.js 0.4.3 lay out a critical edition. Loaded into the page after paged.js and before
   the preview starts. Plain browser JavaScript (no modules): the page has no bundler.

   What Paged.js does not do by itself, and this file does:
   - sort the entries at the foot of a page into three series blocks (critical apparatus, textual notes,
     explanatory notes), so each series can be set its own way;
   - keep each note on the page of its marker: a note that does not fit below its marker's line takes that line
     (and what follows) to the next page, instead of being split across pages;
   - give markers the label written in the HTML (data-label) instead of a counter;
   - recompute the height of the notes area after content was pushed to the next page (Paged.js keeps the
     height of notes it removed);
   - place a note that stands inside another note in its own series block;
   - keep an edition line on one page: a page that would end inside a wrapped line ends before it;
   - copy each register reference's line number from its target, and report what it cannot resolve;
   - keep the spaces between inline elements, the running heads and the hanging indent that Paged.js 0.4.3
     loses (see keepSpaces, afterPageLayout, print.css);
   - measure, after layout, every edition line that is wider than the text block (and wraps), and check that
     no text of the book was left off the pages. */
(function () {
  'use strict';

  var Paged = window.Paged;
  var SERIES = ['fn-critical', 'fn-textual', 'fn-explanatory'];

  /* Findings for the engine, read back with page.evaluate once the preview is done. */
  var report = {
    splitNotes: [],
    movedLines: [],
    missingTargets: [],
    overflowingLines: [],
  };
  window.__printReport = report;

  function seriesOf(note) {
    for (var i = 0; i < SERIES.length; i++) {
      if (note.classList.contains(SERIES[i])) return SERIES[i];
    }
    return 'fn-explanatory';
  }

  /* The block of one series in a page's notes area, created in series order when first needed. */
  function seriesBlock(inner, series) {
    var blocks = inner.querySelectorAll(':scope > .fn-series');
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].dataset.series === series) return blocks[i];
    }
    var block = document.createElement('div');
    block.className = 'fn-series ' + series + '-series';
    block.dataset.series = series;
    var rank = SERIES.indexOf(series);
    var before = null;
    for (var j = 0; j < blocks.length; j++) {
      if (SERIES.indexOf(blocks[j].dataset.series) > rank) {
        before = blocks[j];
        break;
      }
    }
    inner.insertBefore(block, before);
    return block;
  }

  /* Puts a note (or the part of a note carried over from the previous page) into its series block. */
  function placeNote(inner, node) {
    if (node.classList && node.classList.contains('fn-series')) {
      var block = seriesBlock(inner, node.dataset.series);
      // The first entry of a carried block is the rest of a split note: its label was printed before.
      if (node.firstElementChild) node.firstElementChild.classList.add('fn-continued');
      while (node.firstChild) block.appendChild(node.firstChild);
      node.remove();
      return;
    }
    var series = seriesBlock(inner, seriesOf(node));
    // Classes instead of sibling selectors: Paged.js evaluates "+" rules on the source, where notes are apart.
    var previous = series.lastElementChild;
    node.classList.toggle('fn-follows', Boolean(previous));
    node.classList.toggle('fn-same-line',
      series.dataset.series === 'fn-critical' && Boolean(previous) && previous.dataset.label === node.dataset.label);
    series.appendChild(node);
  }

  function frameHeight(element) {
    var s = window.getComputedStyle(element);
    var n = function (v) { return parseFloat(v) || 0; };
    return n(s.marginTop) + n(s.marginBottom) + n(s.paddingTop) + n(s.paddingBottom) +
      n(s.borderTopWidth) + n(s.borderBottomWidth);
  }

  function notesHeight(noteContent) {
    return noteContent.scrollHeight + frameHeight(noteContent);
  }

  function pageNumberOf(element) {
    var page = element.closest('.pagedjs_page');
    return page ? Number(page.dataset.pageNumber) : 0;
  }

  /* The vertical extent of the text on the line that holds `call`: the rectangles of the text just before it,
     the lowest of which is on the marker's line. */
  function lineOf(call) {
    var range = document.createRange();
    range.setStartBefore(call.previousSibling || call);
    range.setEndAfter(call);
    var rects = range.getClientRects();
    var line = null;
    for (var i = 0; i < rects.length; i++) {
      if (rects[i].height > 0 && (!line || rects[i].top > line.top)) line = { top: rects[i].top, bottom: rects[i].bottom };
    }
    if (line) return line;
    var own = call.getBoundingClientRect();
    return { top: own.top, bottom: own.bottom };
  }

  /* Whether an element is on the page being laid out, not in the overflow column that Paged.js lays out to
     the right of it (content past the page's right edge is the next page's). An edition line too wide for the
     text block, or a word too long to wrap, reaches past that edge too: what counts is where the printed line
     that holds the element begins, found among the text of its edition line before it. */
  function onThisPage(element, right) {
    var own = element.getClientRects();
    var box = own.length ? own[0] : element.getBoundingClientRect();
    if (box.left < right) return true;
    var text = element.closest('div.text');
    if (!text) return false;
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_ELEMENT);
    walker.currentNode = element;
    var start = null;
    for (var n = walker.previousNode(); n; n = walker.previousNode()) {
      if (n.classList.contains('ln') && !element.contains(n)) { start = n; break; }
    }
    var range = document.createRange();
    if (start) range.setStartAfter(start);
    else range.setStart(text, 0);
    range.setEndBefore(element);
    var middle = (box.top + box.bottom) / 2;
    var rects = range.getClientRects();
    for (var i = 0; i < rects.length; i++) {
      var r = rects[i];
      if (r.width > 0 && r.top <= middle && r.bottom >= middle && r.left < right) return true;
    }
    return false;
  }

  var Footnotes = null;
  for (var h = 0; h < Paged.registeredHandlers.length; h++) {
    var candidate = Paged.registeredHandlers[h];
    if (candidate && candidate.prototype && typeof candidate.prototype.moveFootnote === 'function') {
      Footnotes = candidate;
    }
  }
  if (!Footnotes) throw new Error('print hooks: this Paged.js has no footnote handler to adapt');

  /* Replaces Footnotes.moveFootnote of Paged.js 0.4.3 (same arguments): places the note in its series block and
     decides between "fits", "goes to the next page with its line" and, only for a note taller than a page,
     "split" (the original behaviour, reported as a warning). */
  Footnotes.prototype.findVisibleFootnotes = function (notes, node) {
    var right = node.closest('.pagedjs_page_content').getBoundingClientRect().right;
    var pageArea = node.closest('.pagedjs_area');
    for (var i = 0; i < notes.length; ++i) {
      if (onThisPage(notes[i], right)) this.moveFootnote(notes[i], pageArea, true);
    }
  };

  Footnotes.prototype.moveFootnote = function (node, pageArea, needsNoteCall) {
    if (!node || node.nodeType !== 1) return;
    var noteArea = pageArea.querySelector('.pagedjs_footnote_area');
    var noteContent = noteArea.querySelector('.pagedjs_footnote_content');
    var inner = noteContent.querySelector('.pagedjs_footnote_inner_content');

    // A part of a note carried over after a split. If it is still taller than the page, the area leaves room
    // for two lines of text (so the layout moves on) and Footnotes.afterPageLayout carries the rest again.
    if (!needsNoteCall) {
      placeNote(inner, node);
      noteContent.classList.remove('pagedjs_footnote_empty');
      var contentTop = pageArea.querySelector('.pagedjs_page_content').getBoundingClientRect().top;
      var textLine = parseFloat(window.getComputedStyle(pageArea).lineHeight) || 16;
      var room = Math.floor(noteArea.getBoundingClientRect().bottom - contentTop - 2 * textLine);
      var carried = notesHeight(noteContent);
      pageArea.style.setProperty('--pagedjs-footnotes-height', Math.min(carried, room) + 'px');
      if (carried > room) inner.style.height = Math.max(0, room - frameHeight(noteContent)) + 'px';
      return;
    }

    var existing = inner.querySelector('[data-ref="' + node.dataset.ref + '"]');
    if (existing && existing !== node) {
      var held = existing.parentElement && existing.parentElement.closest('[data-note="footnote"]');
      if (!held) {
        // Placed on this page before (the page is being laid out again): the text keeps its marker.
        this.createFootnoteCall(node).dataset.label = node.dataset.label || '';
        node.remove();
        return;
      }
      // A note inside another note arrives twice, once in that note's copy at the foot: that copy is placed.
      node.remove();
      node = existing;
    }
    var call = this.createFootnoteCall(node);
    call.dataset.label = node.dataset.label || '';
    node.removeAttribute('data-break-before');

    // A note inside another note (a textual note on a gap in an explanatory note) goes to its own series block,
    // its marker staying in the other note; it belongs to the line of that note's marker.
    var host = node.parentElement && node.parentElement.closest('[data-note="footnote"]');
    var hostCall = host && pageArea.querySelector('[data-footnote-call="' + host.dataset.ref + '"]');
    if (host && !hostCall) {
      node.remove();
      return;
    }
    var marker = hostCall || call;

    var content = pageArea.querySelector('.pagedjs_page_content');
    var contentBounds = content.getBoundingClientRect();
    if (!onThisPage(marker, contentBounds.right)) {
      // The marker is already past the page (in the overflow column): the note goes with it.
      node.remove();
      return;
    }

    placeNote(inner, node);
    noteContent.classList.remove('pagedjs_footnote_empty');
    node.dataset.footnoteMarker = node.dataset.ref;
    node.id = 'note-' + node.dataset.ref;

    var areaBottom = noteArea.getBoundingClientRect().bottom;
    var line = lineOf(marker);
    var lineHeight = parseFloat(window.getComputedStyle(marker.parentElement).lineHeight) || 16;
    var needed = notesHeight(noteContent);
    // Fits if the notes leave room for the marker's line (a pixel of tolerance for the half-leading below the
    // text) and the line indeed stays on the page once the area has grown.
    if (needed <= areaBottom - line.bottom + 1) {
      pageArea.style.setProperty('--pagedjs-footnotes-height', needed + 'px');
      if (onThisPage(marker, content.getBoundingClientRect().right)) return;
    }

    // The note does not fit below its marker's line.
    var firstLine = line.top - contentBounds.top < lineHeight;
    if (!firstLine) {
      // End the text area in the middle of the marker's line (its edges are too close to the lines around it
      // for sub-pixel rounding): that line and everything after it go to the next page, where the note is
      // placed again. The note leaves this page when Paged.js removes the overflow (see afterOverflowRemoved).
      pageArea.style.setProperty('--pagedjs-footnotes-height', Math.round(areaBottom - (line.top + line.bottom) / 2) + 'px');
      report.movedLines.push({ label: node.dataset.label || '', page: pageNumberOf(pageArea) });
      return;
    }

    // The marker's line is the first line of the page and the note is still too tall for the space below it:
    // only a split can place it. As Paged.js does: the area ends just below the marker's line and
    // Footnotes.afterPageLayout carries the rest of the note to the next page.
    var height = Math.floor(areaBottom - line.bottom - 1);
    pageArea.style.setProperty('--pagedjs-footnotes-height', height + 'px');
    inner.style.height = Math.max(0, height - frameHeight(noteContent)) + 'px';
    report.splitNotes.push({ label: node.dataset.label || '', page: pageNumberOf(pageArea) });
  };

  var INLINE = /^(A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DEL|DFN|EM|I|INS|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR)$/;

  /* Paged.js 0.4.3 drops a text node of white space only that follows an inline element it copied whole, when a
     page begins inside the paragraph (its nodeAfter skips such nodes): "<a>Peng</a> <a>Dehuai</a>" would print
     "PengDehuai". Each such space between two inline elements is put in a span of its own, which it keeps. */
  function keepSpaces(content) {
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var spaces = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/[^\t\n\r ]/.test(node.data)) continue;
      var before = node.previousSibling;
      var after = node.nextSibling;
      if (before && after && before.nodeType === 1 && after.nodeType === 1 && INLINE.test(before.tagName) && INLINE.test(after.tagName)) {
        spaces.push(node);
      }
    }
    for (var i = 0; i < spaces.length; i++) {
      var span = document.createElement('span');
      span.className = 'space';
      span.textContent = ' ';
      spaces[i].parentNode.replaceChild(span, spaces[i]);
    }
  }

  function missingTarget(content, href) {
    var id = decodeURIComponent(href.slice(1));
    return content.querySelector('[id="' + id.replace(/["\\]/g, '\\$&') + '"]') ? null : id;
  }

  class EditionPrint extends Paged.Handler {
    /* Register references: the line number comes from the target's data-line. Links to nothing are reported.
       Spaces between two inline elements are kept (see keepSpaces). */
    beforeParsed(content) {
      keepSpaces(content);
      var refs = content.querySelectorAll('a.pageref[href^="#"]');
      for (var i = 0; i < refs.length; i++) {
        var href = refs[i].getAttribute('href');
        var missing = missingTarget(content, href);
        if (missing !== null) {
          report.missingTargets.push(missing);
          refs[i].setAttribute('data-line', '?');
        } else {
          var target = content.querySelector('[id="' + decodeURIComponent(href.slice(1)).replace(/["\\]/g, '\\$&') + '"]');
          refs[i].setAttribute('data-line', target.getAttribute('data-line') || '');
        }
      }
      var links = content.querySelectorAll('nav.contents a[href^="#"]');
      for (var j = 0; j < links.length; j++) {
        var gone = missingTarget(content, links[j].getAttribute('href'));
        if (gone !== null) report.missingTargets.push(gone);
      }
    }

    /* Where a page ends inside an edition line (a line too wide for the text block wraps, and the page would end
       after its first printed line), the page ends before that line instead, so that an edition line, its
       number and its apparatus stay on one page. Not when the line is the first on the page. */
    onOverflow(overflow, rendered) {
      if (!overflow) return undefined;
      var container = overflow.startContainer;
      var at = container.nodeType === 1 ? container.childNodes[overflow.startOffset] || container : container;
      var element = at.nodeType === 1 ? at : at.parentElement;
      var text = element && element.closest('div.text');
      if (!text || !rendered.contains(text)) return undefined;
      var before = container.nodeType === 3 ? container.data.slice(0, overflow.startOffset) : '';
      var midLine = /\S/.test(before);
      var walker = document.createTreeWalker(text, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      walker.currentNode = at;
      var start = null;
      for (var n = walker.previousNode(); n; n = walker.previousNode()) {
        if (n.nodeType === 3) {
          if (/\S/.test(n.data)) midLine = true;
          continue;
        }
        if (n.tagName === 'BR') return undefined;
        if (n.classList.contains('ln')) { start = n; break; }
      }
      if (!start || !midLine) return undefined;
      var known = new Map();
      if (blockOf(start, text, known) !== blockOf(at.nodeType === 3 ? at : at.firstChild || at, text, known)) return undefined;
      var above = document.createRange();
      above.setStart(rendered, 0);
      above.setEndBefore(start);
      if (!/\S/.test(above.toString())) return undefined;
      var moved = document.createRange();
      moved.setStartBefore(start);
      moved.setEnd(overflow.endContainer, overflow.endOffset);
      return moved;
    }

    /* Paged.js 0.4.3 stores each running-head string (string-set) in a custom property as an unclosed CSS string
       ('"Filippov [Stalin] to Mao Zedong'). Where string() is the last thing in a margin box's content that
       works; followed by anything (' "  " counter(page)'), the open string takes in the rest and the running
       head disappears. The strings are closed here, after Paged.js has set them for the page. */
    afterPageLayout(page) {
      var style = page.style;
      for (var i = 0; i < style.length; i++) {
        var name = style[i];
        if (name.indexOf('--pagedjs-string-') !== 0) continue;
        var value = style.getPropertyValue(name).trim();
        if (value.charAt(0) === '"' && !closedString(value)) style.setProperty(name, value + '"');
      }
    }

    /* After overflow was taken off a page, drop empty series blocks and fit the notes area to what stays. */
    afterOverflowRemoved(removed, rendered) {
      var pageArea = rendered.closest('.pagedjs_area');
      var noteContent = pageArea && pageArea.querySelector('.pagedjs_footnote_content');
      var inner = noteContent && noteContent.querySelector('.pagedjs_footnote_inner_content');
      if (!inner) return;
      var blocks = inner.querySelectorAll(':scope > .fn-series');
      for (var i = 0; i < blocks.length; i++) {
        if (!blocks[i].querySelector('[data-note="footnote"]')) blocks[i].remove();
      }
      if (!inner.querySelector('[data-note="footnote"]')) {
        noteContent.classList.add('pagedjs_footnote_empty');
        pageArea.style.setProperty('--pagedjs-footnotes-height', '0px');
      } else {
        pageArea.style.setProperty('--pagedjs-footnotes-height', notesHeight(noteContent) + 'px');
      }
    }

    /* Edition lines wider than the text block, measured on the laid-out pages: such a line wraps, its
       continuation indented (print.css). A printed line that begins after a line break (br) or with a new block
       is a line of the text (a numbered line, or a line of a reading that starts no numbered line); one that
       begins anywhere else is a wrapped continuation, and its edition line is reported. */
    afterRendered() {
      var texts = document.querySelectorAll('.pagedjs_page div.text');
      var blocks = new Map();
      for (var t = 0; t < texts.length; t++) {
        var text = texts[t];
        var section = text.closest('section.document');
        var walker = document.createTreeWalker(text, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        var line = null;
        var lastBottom = -Infinity;
        var hard = true;
        var block = null;
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.nodeType === 1) {
            if (node.classList.contains('ln')) {
              line = { element: node, overflow: 0 };
              hard = true;
              report.overflowingLines.push(line);
            } else if (node.tagName === 'BR') {
              hard = true;
            }
            continue;
          }
          if (!line || !/\S/.test(node.data)) continue;
          var own = blockOf(node, text, blocks);
          if (own !== block) hard = true;
          block = own;
          var range = document.createRange();
          range.selectNodeContents(node);
          var rects = range.getClientRects();
          for (var r = 0; r < rects.length; r++) {
            var rect = rects[r];
            if (rect.width <= 0 || rect.height <= 0) continue;
            if (rect.top >= lastBottom - 1) {
              // A new printed line: a line of the text after a break, else the continuation of a wrapped one.
              if (!hard) line.overflow += rect.width;
              hard = false;
              lastBottom = rect.bottom;
            } else {
              if (line.overflow > 0) line.overflow += rect.width;
              lastBottom = Math.max(lastBottom, rect.bottom);
            }
          }
        }
        // Keep only the lines that wrapped, as values the engine returns.
        report.overflowingLines = report.overflowingLines.filter(function (l) {
          if (!l.element) return true;
          if (l.overflow <= 0) return false;
          // A section continued from an earlier page has lost its id (Paged.js keeps ids unique): data-document.
          l.document = section ? section.getAttribute('data-document') || section.id || section.getAttribute('data-id') || '' : '';
          l.line = l.element.getAttribute('data-line') || '';
          l.page = pageNumberOf(text);
          l.overflowPt = Math.round(l.overflow * 0.75 * 10) / 10;
          delete l.element;
          delete l.overflow;
          return true;
        });
      }
    }
  }

  /* The nearest block (not inline) element around a node, up to `root`; `known` caches the answers. */
  function blockOf(node, root, known) {
    for (var el = node.parentElement; el && el !== root; el = el.parentElement) {
      var isBlock = known.get(el);
      if (isBlock === undefined) {
        isBlock = window.getComputedStyle(el).display.indexOf('inline') !== 0;
        known.set(el, isBlock);
      }
      if (isBlock) return el;
    }
    return root;
  }

  /* Whether a CSS string that begins with a double quote ends with its closing quote. */
  function closedString(value) {
    for (var i = 1; i < value.length; i++) {
      var c = value.charAt(i);
      if (c === '\\') i++;
      else if (c === '"') return i === value.length - 1;
    }
    return false;
  }

  Paged.registerHandlers(EditionPrint);

  /* Paged.js names notes after random UUIDs ("note-<uuid>", and the calls' href). Chromium turns link targets
     into named destinations, so those names would end up in the PDF and make every build differ: they are
     renamed in document order. */
  function canonicalIds() {
    var pattern = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
    var names = new Map();
    var rename = function (value) {
      return value.replace(pattern, function (uuid) {
        if (!names.has(uuid)) names.set(uuid, 'n' + (names.size + 1));
        return names.get(uuid);
      });
    };
    var elements = document.querySelectorAll('.pagedjs_pages [id], .pagedjs_pages a[href]');
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      if (element.id && pattern.test(element.id)) element.id = rename(element.id);
      pattern.lastIndex = 0;
      var href = element.getAttribute('href');
      if (href && pattern.test(href)) element.setAttribute('href', rename(href));
      pattern.lastIndex = 0;
    }
  }

  /* The first element of the book with text of its own that is on no page, described by its text, or null.
     Paged.js gives up on content it cannot place ("Unable to layout item": an element that must not break
     and is taller than a page) and goes on after it: that content would be missing from the PDF. */
  function lostContent(source) {
    if (!source || !source.querySelectorAll) return null;
    var placed = new Set();
    var rendered = document.querySelectorAll('.pagedjs_pages [data-ref]');
    for (var i = 0; i < rendered.length; i++) placed.add(rendered[i].getAttribute('data-ref'));
    var elements = source.querySelectorAll('[data-ref]');
    for (var j = 0; j < elements.length; j++) {
      var element = elements[j];
      if (placed.has(element.getAttribute('data-ref'))) continue;
      for (var c = element.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3 && /\S/.test(c.data)) {
          var within = element.closest('[id]');
          return '"' + element.textContent.replace(/\s+/g, ' ').trim().slice(0, 80) + '"' + (within && within.id ? ' (in #' + within.id + ')' : '');
        }
      }
    }
    return null;
  }

  /* Entry point for the engine: waits for the fonts (a late font would change every line width), lays out the
     book with the given style sheet and returns what the engine reports. */
  window.__printBook = async function (sheet, href, fontCss) {
    // The engine owns the page design: the book's own style sheets would apply unprocessed by Paged.js
    // (their @page rules and floats read by Chromium itself), so they are taken out and reported.
    var own = document.querySelectorAll('style, link[rel~="stylesheet"]');
    for (var s = 0; s < own.length; s++) own[s].remove();
    var fonts = document.createElement('style');
    fonts.setAttribute('data-pagedjs-ignore', '');
    fonts.textContent = fontCss;
    document.head.appendChild(fonts);
    await document.fonts.ready;
    // Paged.js gives up on content it cannot place ("Layout repeated") and returns what it has: marking the
    // book's last element shows whether the pages reached the end.
    var everything = document.body.querySelectorAll('*');
    if (everything.length > 0) everything[everything.length - 1].setAttribute('data-print-last', '');
    var stylesheets = [{}];
    stylesheets[0][href] = sheet;
    var flow = await new Paged.Previewer().preview(undefined, stylesheets, document.body);
    await document.fonts.ready;
    canonicalIds();
    var lost = lostContent(flow.source);
    var complete = (everything.length === 0 || document.querySelector('.pagedjs_pages [data-print-last]') !== null) && lost === null;
    var headings = [];
    var found = document.querySelectorAll('.pagedjs_pages h1, .pagedjs_pages h2, .pagedjs_pages h3, .pagedjs_pages h4, .pagedjs_pages h5, .pagedjs_pages h6');
    for (var i = 0; i < found.length; i++) headings.push(found[i].textContent.replace(/\s+/g, ' ').trim());
    return {
      complete: complete,
      lost: lost,
      ignoredStyles: own.length,
      headings: headings,
      pages: flow.total,
      layoutMs: Math.round(flow.performance),
      splitNotes: report.splitNotes,
      movedLines: report.movedLines,
      missingTargets: report.missingTargets,
      overflowingLines: report.overflowingLines,
    };
  };
})();
