/**
 * The preview's page: a strict Content-Security-Policy (only the extension's media files, one script
 * with a fresh nonce, no inline script or style), the stylesheets, and the plan fragment. The plan
 * fragment is the server's renderer output, which escapes every plan string; the CSP is the second wall.
 */
export interface PreviewPageParts {
  /** The document's title (the tab's: "Preview plan.ipt"), which screen readers announce. */
  title: string;
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  styles: string[];
  script: string;
  /** Settings the page script reads (JSON in an attribute, escaped here). */
  settings: Record<string, unknown>;
  /** The first render, or undefined when it is still on its way. */
  html?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function previewPage(parts: PreviewPageParts): string {
  const links = parts.styles.map((href) => `<link rel="stylesheet" href="${attribute(href)}">`).join('\n');
  // Until the first render the page's only content, so its heading (the plan's h1 replaces it).
  const body = parts.html ?? '<h1 class="ipt-preview-waiting">Rendering the plan…</h1>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(parts.title)}</title>
<meta id="ipt-preview-settings" data-settings="${attribute(JSON.stringify(parts.settings))}">
${links}
</head>
<body>
<div id="ipt-preview-banner" class="ipt-preview-banner" role="status" hidden></div>
<main id="ipt-preview-content">
${body}
</main>
<script nonce="${parts.nonce}" src="${attribute(parts.script)}"></script>
</body>
</html>
`;
}

/** A random nonce (base64url, 128 bits), new for every page. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
