// Client-side search over the prebuilt index in search-index.js (a script, so that it also works
// from a page opened from disk). Every query word must occur in a unit, as a word or the start of one.
(function () {
  'use strict';
  var units = window.teiEditionSearchUnits || [];
  var form = document.querySelector('.search-form');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list) return;
  // The words of the status, in the interface's language: search.hbs writes them into the status's data-*
  // attributes from the edition's labels, with the counts that take the "one" form (data-plural-one).
  var oneCounts = (status.getAttribute('data-plural-one') || '1').split(' ').map(Number);
  var counted = function (name, n) {
    var form = status.getAttribute('data-' + name + '-' + (oneCounts.indexOf(n) >= 0 ? 'one' : 'other')) || '{count}';
    return form.split('{count}').join(String(n));
  };
  var fold = function (s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); };
  var words = function (s) { return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean); };
  var prepared = units.map(function (u) { return { unit: u, words: words(u.x + ' ' + u.t) }; });
  var root = '';

  var highlight = function (text, terms, into) {
    var folded = fold(text);
    var pos = 0;
    var hits = [];
    terms.forEach(function (t) {
      var re = new RegExp('(^|[^\\p{L}\\p{N}])(' + t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')', 'gu');
      var m;
      while ((m = re.exec(folded))) hits.push([m.index + m[1].length, m.index + m[1].length + m[2].length]);
    });
    hits.sort(function (a, b) { return a[0] - b[0]; });
    var first = hits.length ? Math.max(0, hits[0][0] - 80) : 0;
    var end = Math.min(text.length, first + 260);
    if (first > 0) into.appendChild(document.createTextNode('… '));
    pos = first;
    hits.forEach(function (h) {
      if (h[0] < pos || h[1] > end) return;
      into.appendChild(document.createTextNode(text.slice(pos, h[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(h[0], h[1]);
      into.appendChild(mark);
      pos = h[1];
    });
    into.appendChild(document.createTextNode(text.slice(pos, end) + (end < text.length ? ' …' : '')));
  };

  var search = function (query) {
    list.textContent = '';
    var terms = words(query);
    if (!terms.length) { status.textContent = status.getAttribute('data-prompt') || ''; return; }
    var found = prepared.filter(function (p) {
      return terms.every(function (t) { return p.words.some(function (w) { return w.indexOf(t) === 0; }); });
    });
    status.textContent = counted('found', found.length);
    found.slice(0, 200).forEach(function (p) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + p.unit.u;
      a.textContent = p.unit.t;
      var where = document.createElement('span');
      where.className = 'where';
      where.textContent = ' · ' + p.unit.l;
      var snippet = document.createElement('p');
      highlight(p.unit.x, terms, snippet);
      li.appendChild(a);
      li.appendChild(where);
      li.appendChild(snippet);
      list.appendChild(li);
    });
  };

  status.textContent = counted('indexed', units.length);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search(input.value);
    try { history.replaceState(null, '', '?q=' + encodeURIComponent(input.value)); } catch (e) { /* pages opened from disk may refuse */ }
  });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; search(initial); }
})();
