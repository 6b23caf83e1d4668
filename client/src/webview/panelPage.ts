// The result panel's page: its style and script, inlined under the page's nonce ("Try both" is
// drawn by comparePage.ts's script). The script builds
// the DOM with textContent only (no HTML from data), so response bodies and headers are shown
// escaped whatever they hold. Colours come from --vscode-* variables only.
export const PANEL_STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.15em; font-weight: 600; margin: 14px 0 6px; overflow-wrap: anywhere; }
h2 { font-size: 0.85em; text-transform: uppercase; letter-spacing: .04em; color: var(--vscode-descriptionForeground); margin: 18px 0 6px; font-weight: 600; }
.status { display: inline-block; padding: 1px 8px; border-radius: 3px; font-weight: 600; margin-right: 8px; color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); }
.status.ok { color: var(--vscode-editor-background); background: var(--vscode-testing-iconPassed); }
.status.bad { color: var(--vscode-editor-background); background: var(--vscode-errorForeground); }
.muted { color: var(--vscode-descriptionForeground); }
.callout { border-left: 3px solid var(--vscode-inputValidation-warningBorder); background: var(--vscode-inputValidation-warningBackground); padding: 8px 10px; margin: 10px 0; }
.callout.error { border-left-color: var(--vscode-inputValidation-errorBorder); background: var(--vscode-inputValidation-errorBackground); }
table { border-collapse: collapse; width: 100%; }
td { padding: 3px 8px 3px 0; vertical-align: top; overflow-wrap: anywhere; }
td:first-child { color: var(--vscode-descriptionForeground); white-space: nowrap; width: 1%; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow: auto; max-height: 40vh; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
ol { margin: 0; padding-left: 20px; } li { margin: 2px 0; }
.actions { display: flex; gap: 8px; margin: 10px 0 4px; flex-wrap: wrap; }
button { font-family: inherit; font-size: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; border-radius: 2px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
.stale { border-left: 3px solid var(--vscode-editorInfo-foreground); padding: 6px 10px; margin: 10px 0; background: var(--vscode-textBlockQuote-background); }
.answered { margin: 4px 0; }
`;

export const PANEL_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = String(text); return e; }
  function section(title) { root.appendChild(el('h2', '', title)); }
  function rows(pairs) {
    const t = el('table');
    for (const [k, v] of pairs) { if (v === undefined || v === '') continue; const tr = el('tr'); tr.appendChild(el('td', '', k)); const td = el('td'); td.appendChild(el('code', '', v)); tr.appendChild(td); t.appendChild(tr); }
    root.appendChild(t);
  }
  function button(label, type, cls) { const b = el('button', cls || '', label); b.addEventListener('click', () => vscode.postMessage({ type: type })); return b; }
  function actions(r) {
    const bar = el('div', 'actions');
    bar.appendChild(button('Re-run', 'rerun'));
    if (r.curl) { const c = button('Copy as curl', 'copyCurl', 'secondary'); c.title = r.curl; bar.appendChild(c); }
    if (r.guidanceSetting) bar.appendChild(button('Open ' + r.guidanceSetting, 'openSetting', 'secondary'));
    bar.appendChild(button('Try both (Ingress / Gateway API)', 'tryBoth', 'secondary'));
    root.appendChild(bar);
  }
  function markStale() {
    if (document.querySelector('.stale')) return;
    const s = el('div', 'stale', 'The rules changed after this answer: it may not be what the proxy says now. ');
    s.appendChild(button('Re-run', 'rerun'));
    root.insertBefore(s, root.children[1] || null);
  }
  function size(n) { return n < 1024 ? n + ' B' : (n / 1024).toFixed(1) + ' KiB'; }
  function render(r) {
    root.textContent = '';
    if (r.kind === 'both') {
      window.ingressLabCompare.render(r, { root: root, el: el, button: button });
      vscode.postMessage({ type: 'rendered', url: r.url, status: r.ingress.response ? r.ingress.response.status : 0 });
      return;
    }
    const res = r.response;
    const h = el('h1');
    const status = res ? res.status : 0;
    h.appendChild(el('span', 'status ' + (status >= 200 && status < 400 ? 'ok' : 'bad'), res ? (res.status + ' ' + res.statusText).trim() : 'failed'));
    h.appendChild(el('span', '', 'GET ' + r.url));
    root.appendChild(h);
    if (r.lensNote) root.appendChild(el('div', 'callout', r.lensNote));
    const when = r.at ? ' at ' + new Date(r.at).toLocaleTimeString() : '';
    root.appendChild(el('div', 'muted', (res ? res.ms.toFixed(1) + ' ms' : 'sent') + when + ' through the Ingress Lab proxy at ' + r.via));
    if (r.answeredBy) {
      const a = el('div', 'answered');
      a.appendChild(el('span', '', 'Answered by '));
      a.appendChild(el('code', '', r.answeredBy.what));
      if (r.answeredBy.via) { a.appendChild(el('span', '', " through the language server's port-forward at ")); a.appendChild(el('code', '', r.answeredBy.via)); }
      else if (/^https?:/.test(r.answeredBy.what)) a.appendChild(el('span', 'muted', ' (mapped in ingressLab.proxy.map)'));
      root.appendChild(a);
    }
    if (r.guidance) root.appendChild(el('div', 'callout', r.guidance));
    if (r.error) root.appendChild(el('div', 'callout error', r.error));
    actions(r);
    if (res) {
      section('Route');
      rows([['Rule', res.rule || '(none)'], ['Upstream', res.upstream], ['Reason', res.reason]]);
    }
    section('Why this rule (the matcher)');
    // A routed decision ("200 → service …") repeats the trace's last line and reads as the answer's status: leave it out.
    if (r.explain.decision && !/^200 /.test(r.explain.decision)) root.appendChild(el('div', '', r.explain.decision));
    const ol = el('ol');
    for (const line of r.explain.trace) ol.appendChild(el('li', 'muted', line));
    root.appendChild(ol);
    if (res) {
      section('Response headers');
      rows(res.headers);
      const b = res.body;
      section('Body' + (b.bytes ? ' (' + size(b.bytes) + (b.truncated ? ', first ' + size(b.text ? b.text.length : 0) + ' shown' : '') + ')' : ''));
      if (!b.bytes) root.appendChild(el('div', 'muted', 'empty'));
      else if (b.text === undefined) root.appendChild(el('div', 'muted', 'not text (' + (b.contentType || 'no content type') + '): not shown'));
      else root.appendChild(el('pre', '', b.text));
    }
    vscode.postMessage({ type: 'rendered', url: r.url, status: status });
  }
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'result') render(e.data.result);
    else if (e.data && e.data.type === 'stale') markStale();
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
