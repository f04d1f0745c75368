// The script and style sheet the preview adds to every page it serves (src/serve/page-rewrite.ts). The
// script listens to the server's event stream: after a good build it reloads the page; after a failed
// one it shows what is wrong above the page, which stays the last good build. Text is only ever set
// with textContent, so a diagnostic's message is shown as it is and never read as HTML. Served as
// files from the server ('self'), as the site's Content-Security-Policy allows; never written to dist/.
import { EVENTS_PATH } from './page-rewrite.js';

export const RELOAD_SCRIPT = `// tei-edition serve: live reload and build problems (never part of the built site).
(function () {
  'use strict';
  var me = document.currentScript;
  var session = me ? me.getAttribute('data-session') : '';
  var build = me ? me.getAttribute('data-build') : '';
  var panel = null;
  var hidden = '';

  function hide() {
    if (panel) panel.remove();
    panel = null;
  }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function show(failure) {
    var key = JSON.stringify(failure);
    if (key === hidden) return;
    hide();
    panel = element('section', 'tei-edition-preview-problems');
    panel.setAttribute('role', 'alert');
    panel.setAttribute('aria-labelledby', 'tei-edition-preview-title');
    var title = element('h2', '', failure.title);
    title.id = 'tei-edition-preview-title';
    panel.appendChild(title);
    panel.appendChild(element('p', '', failure.note));
    var list = element('ul');
    failure.lines.forEach(function (line) {
      var item = element('li');
      item.appendChild(element('code', '', line));
      list.appendChild(item);
    });
    panel.appendChild(list);
    if (failure.more > 0) panel.appendChild(element('p', '', 'and ' + failure.more + ' more: the terminal lists them all.'));
    var close = element('button', '', 'Hide');
    close.type = 'button';
    close.addEventListener('click', function () {
      hidden = key;
      hide();
    });
    panel.appendChild(close);
    document.body.appendChild(panel);
  }

  var events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('state', function (event) {
    var state;
    try {
      state = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (state.failure) {
      show(state.failure);
      return;
    }
    hidden = '';
    hide();
    if (state.session !== session || String(state.build) !== build) {
      events.close();
      location.reload();
    }
  });
})();
`;

export const RELOAD_STYLE = `/* tei-edition serve: the panel that shows why the last build failed. */
.tei-edition-preview-problems {
  position: fixed;
  inset: auto 0 0 0;
  z-index: 2147483647;
  max-height: 60vh;
  overflow: auto;
  margin: 0;
  padding: 1rem 1.5rem;
  background: #fff8f6;
  color: #1a1a1a;
  border-top: 0.4rem solid #b3261e;
  box-shadow: 0 -0.25rem 1rem rgba(0, 0, 0, 0.25);
  font: 1rem/1.4 system-ui, sans-serif;
}
.tei-edition-preview-problems h2 {
  margin: 0 0 0.5rem;
  font-size: 1.15rem;
  color: #8c1d18;
}
.tei-edition-preview-problems ul {
  margin: 0.5rem 0;
  padding: 0;
  list-style: none;
}
.tei-edition-preview-problems li {
  margin: 0.25rem 0;
}
.tei-edition-preview-problems code {
  font: 0.9rem/1.4 ui-monospace, monospace;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.tei-edition-preview-problems button {
  font: inherit;
  padding: 0.25rem 0.75rem;
}
`;
