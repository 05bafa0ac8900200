// The preview webview's HTML page. One pure function used by the extension
// host (the real panel) and by the webview test harness, so the Content
// Security Policy under test is exactly the one users get.
//
// The policy: nothing by default; scripts only with this page's nonce;
// styles, fonts and images only from the extension's own resources
// (`cspSource`), plus data:/blob: images (canvas exports). No remote content.
// The UI toolkit styles its components through constructed stylesheets
// (adoptedStyleSheets), and uPlot and three.js set styles through the CSSOM
// (`element.style.x = ...`); neither is governed by `style-src`. The one
// <style> element the toolkit creates (FAST's :focus-visible probe) carries
// the nonce it reads from <meta property="csp-nonce">, so styles also accept
// that nonce, and no 'unsafe-inline' is needed. The webview test suite
// listens for `securitypolicyviolation` to hold that claim.

export interface PreviewHtmlOptions {
  /** The webview's `cspSource` (VS Code's `webview.cspSource`). */
  cspSource: string;
  /** A fresh random nonce for this page; only scripts carrying it run. */
  nonce: string;
  /** URI of dist/webview.js as the webview can load it. */
  scriptUri: string;
  /** URI of dist/webview.css as the webview can load it. */
  styleUri: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function attr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c]);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function previewHtml(options: PreviewHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri } = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta property="csp-nonce" content="${attr(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>Loss Landscape</title>
</head>
<body>
<div id="app" aria-busy="true"></div>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>
`;
}
