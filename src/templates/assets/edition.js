// Small enhancements; every page works without them.
(function () {
  'use strict';
  // Documents page: the correspondent links filter the table instead of jumping to the lists.
  var table = document.getElementById('all-documents');
  var links = document.querySelectorAll('.person-links a[data-person]');
  if (table && links.length) {
    var rows = table.querySelectorAll('tbody tr');
    var apply = function (person) {
      rows.forEach(function (row) {
        var persons = (row.getAttribute('data-persons') || '').split(' ');
        row.hidden = person !== '' && persons.indexOf(person) < 0;
      });
      links.forEach(function (a) { a.setAttribute('aria-pressed', String(a.getAttribute('data-person') === person)); });
    };
    links.forEach(function (a) {
      a.setAttribute('role', 'button');
      a.addEventListener('click', function (event) {
        event.preventDefault();
        apply(a.getAttribute('data-person') || '');
        table.scrollIntoView({ block: 'nearest' });
      });
    });
  }
  // Document pages: moving to a note or apparatus entry moves the keyboard focus with it.
  var focusTarget = function () {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && (target.matches('li[tabindex], section[tabindex]'))) target.focus({ preventScroll: true });
  };
  window.addEventListener('hashchange', focusTarget);
  focusTarget();
})();
