// The plan preview's page script. It shows renders sent by the extension, keeps the editor and the
// preview scrolled together through the fragment's `data-line` attributes (0-based source lines),
// and reports clicks. It never evaluates plan text: renders are escaped markup, and the page's CSP
// allows no inline script, so markup that looks like script stays text.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const settingsElement = document.getElementById('ipt-preview-settings');
  const settings = JSON.parse(settingsElement ? settingsElement.getAttribute('data-settings') || '{}' : '{}');
  const content = document.getElementById('ipt-preview-content');
  const banner = document.getElementById('ipt-preview-banner');
  const saved = vscode.getState() || {};
  let topLine = typeof saved.line === 'number' ? saved.line : typeof settings.line === 'number' ? settings.line : undefined;
  /** Scroll events caused by this script are not reported back (that would make the two sides chase each other). */
  let ignoreScrollUntil = 0;

  function saveState() {
    vscode.setState({ resource: settings.resource, line: topLine });
  }

  // ------------------------------------------------------------ line ↔ position

  /** Blocks in reading order whose lines rise too; the issue list and charts point back up the plan, so they are left out. */
  function anchors() {
    const found = [];
    for (const element of content.querySelectorAll('[data-line]')) {
      if (element.closest('.issues, .scores, .course') || element.getClientRects().length === 0) continue;
      const line = Number(element.getAttribute('data-line'));
      if (!Number.isFinite(line)) continue;
      found.push({ line, top: element.getBoundingClientRect().top + window.scrollY });
    }
    found.sort((a, b) => a.top - b.top);
    const rising = [];
    for (const anchor of found) if (rising.length === 0 || anchor.line > rising[rising.length - 1].line) rising.push(anchor);
    return rising;
  }

  function positionOfLine(line) {
    const list = anchors();
    if (list.length === 0) return 0;
    let before = list[0];
    let after;
    for (const anchor of list) {
      if (anchor.line <= line) before = anchor;
      else {
        after = anchor;
        break;
      }
    }
    if (line < before.line || !after) return before.top;
    return before.top + ((line - before.line) / (after.line - before.line)) * (after.top - before.top);
  }

  function lineAtPosition(y) {
    const list = anchors();
    if (list.length === 0) return 0;
    let index = 0;
    while (index + 1 < list.length && list[index + 1].top <= y) index++;
    const before = list[index];
    const after = list[index + 1];
    if (!after || y <= before.top) return before.line;
    return before.line + ((y - before.top) / (after.top - before.top)) * (after.line - before.line);
  }

  function scrollToLine(line) {
    ignoreScrollUntil = Date.now() + 150;
    window.scrollTo(0, Math.max(0, positionOfLine(line) - 8));
  }

  // ------------------------------------------------------------ renders

  function showBanner(kind) {
    banner.textContent = '';
    if (kind === 'none') {
      banner.hidden = true;
      return;
    }
    const text = document.createElement('span');
    text.textContent =
      kind === 'syntax-errors-kept'
        ? 'The plan has a syntax error. The preview shows the last version that could be read; it updates once the error is fixed.'
        : 'The plan has a syntax error, so parts of it may be missing below.';
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'ipt-preview-banner-action';
    link.textContent = 'Show problems';
    link.addEventListener('click', () => vscode.postMessage({ type: 'showProblems' }));
    banner.append(text, link);
    banner.hidden = false;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'render') {
      if (typeof message.html === 'string') {
        const y = window.scrollY;
        content.innerHTML = message.html;
        // Same spot as before the update, even when content above it changed height a little.
        ignoreScrollUntil = Date.now() + 150;
        window.scrollTo(0, y);
      }
      showBanner(typeof message.banner === 'string' ? message.banner : 'none');
    } else if (message.type === 'scrollTo' && typeof message.line === 'number') {
      topLine = message.line;
      saveState();
      scrollToLine(message.line);
    }
  });

  // ------------------------------------------------------------ user input

  let scrollTimer;
  window.addEventListener(
    'scroll',
    () => {
      if (Date.now() < ignoreScrollUntil) return;
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => {
        topLine = Math.max(0, lineAtPosition(window.scrollY + 8));
        saveState();
        if (settings.scrollEditorWithPreview) vscode.postMessage({ type: 'scrolled', line: topLine });
      }, 50);
    },
    { passive: true },
  );

  document.addEventListener('click', (event) => {
    if (!settings.revealOnClick || !(event.target instanceof Element)) return;
    if (event.target.closest('a, button') || String(window.getSelection() || '') !== '') return;
    // data-goto-line: a pointer to a line from elsewhere in the page (the course strip's cells).
    const block = event.target.closest('[data-line], [data-goto-line]');
    if (!block) return;
    const line = Number(block.getAttribute(block.hasAttribute('data-goto-line') ? 'data-goto-line' : 'data-line'));
    if (Number.isInteger(line) && line >= 0) vscode.postMessage({ type: 'reveal', line });
  });

  // ------------------------------------------------------------ start

  saveState();
  if (topLine !== undefined) window.requestAnimationFrame(() => scrollToLine(topLine));
  vscode.postMessage({ type: 'ready' });
})();
