// The Try panel's "Try both" view: the same request's Ingress and Gateway API answers side by
// side, a row per thing a backend or a client would notice, differing rows highlighted, and a
// verdict line ("Same: …" / "Different: …"). Loaded before panelPage's script under the same
// nonce; it only defines window.ingressLabCompare.render, which panelPage calls with its
// helpers. DOM built with textContent only; colours from --vscode-* variables only.
export const COMPARE_STYLE = `
.verdict { border-left: 3px solid var(--vscode-inputValidation-warningBorder); background: var(--vscode-inputValidation-warningBackground); padding: 8px 10px; margin: 10px 0; font-weight: 600; }
.verdict.same { border-left-color: var(--vscode-testing-iconPassed); background: var(--vscode-textBlockQuote-background); }
table.compare { table-layout: fixed; margin-top: 6px; }
table.compare th { text-align: left; font-weight: 600; padding: 4px 8px 4px 0; border-bottom: 1px solid var(--vscode-panel-border); }
table.compare th:first-child, table.compare td:first-child { width: 8em; }
table.compare th.mark, table.compare td.mark { width: 1.5em; text-align: center; }
table.compare tr.differs td { background: var(--vscode-inputValidation-warningBackground); }
table.compare tr.differs td.mark { color: var(--vscode-errorForeground); font-weight: 700; }
table.compare tr.same td.mark { color: var(--vscode-testing-iconPassed); }
table.compare tr.info td { color: var(--vscode-descriptionForeground); }
table.compare td:first-child { white-space: normal; }
table.compare td, table.compare td code { overflow-wrap: break-word; word-break: normal; }
table.compare th .sub { display: block; font-weight: normal; color: var(--vscode-descriptionForeground); font-size: 0.9em; }
`;

export const COMPARE_SCRIPT = `
(function () {
  function row(h, r) {
    const tr = h.el('tr', r.compared ? (r.same ? 'same' : 'differs') : 'info');
    tr.appendChild(h.el('td', '', r.name));
    for (const v of [r.ingress, r.gateway]) { const td = h.el('td'); td.appendChild(h.el('code', '', v || '—')); tr.appendChild(td); }
    const mark = h.el('td', 'mark', r.compared ? (r.same ? '=' : '≠') : '');
    mark.title = r.compared ? (r.same ? 'same' : 'differs') : 'not compared: each set names its own rule';
    tr.appendChild(mark);
    return tr;
  }
  function table(h, r) {
    const t = h.el('table', 'compare');
    const head = h.el('tr');
    head.appendChild(h.el('th'));
    for (const title of [r.ingress.title, r.gateway.title]) {
      // "Ingress (ingress-nginx profile)": the set in bold, what it is made of below.
      const m = /^(.*?) \\((.*)\\)$/.exec(title);
      const th = h.el('th', '', m ? m[1] : title);
      if (m) th.appendChild(h.el('span', 'sub', m[2]));
      head.appendChild(th);
    }
    head.appendChild(h.el('th', 'mark'));
    t.appendChild(head);
    for (const x of r.rows) t.appendChild(row(h, x));
    return t;
  }
  window.ingressLabCompare = {
    render: function (r, h) {
      const title = h.el('h1');
      title.appendChild(h.el('span', 'status', 'Try both'));
      title.appendChild(h.el('span', '', 'GET ' + r.url));
      h.root.appendChild(title);
      h.root.appendChild(h.el('div', 'verdict' + (r.differences.length ? '' : ' same'), r.summary));
      const when = r.at ? ' at ' + new Date(r.at).toLocaleTimeString() : '';
      h.root.appendChild(h.el('div', 'muted', 'Sent twice' + when + ' through the Ingress Lab proxy at ' + r.via + ', with X-Ingress-Lab-As: ingress, then gateway-api.'));
      for (const s of [r.ingress, r.gateway]) if (s.error) h.root.appendChild(h.el('div', 'callout error', s.title + ': ' + s.error));
      const bar = h.el('div', 'actions');
      bar.appendChild(h.button('Re-run both', 'rerun'));
      if (r.curl) { const c = h.button('Copy as curl (Gateway API)', 'copyCurl', 'secondary'); c.title = r.curl; bar.appendChild(c); }
      h.root.appendChild(bar);
      h.root.appendChild(table(h, r));
    },
  };
})();
`;
