// The colours of VS Code's current theme, read from the --vscode-* CSS
// variables VS Code sets on the webview's <html>, and the theme kind from the
// body class (vscode-light, vscode-dark, vscode-high-contrast,
// vscode-high-contrast-light). Both change live when the user switches theme,
// so they are watched and every consumer is told.

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface Theme {
  kind: ThemeKind;
  background: string;
  foreground: string;
  /** Secondary text and axis lines. */
  muted: string;
  /** Grid and box lines. */
  border: string;
  /** The playhead and focus accents. */
  accent: string;
  fontFamily: string;
  /** One colour per run, chosen to stand out against the viridis surface. */
  runColors: readonly string[];
  /** Contour lines drawn over the surface. */
  contour: string;
}

// Paths lie on the viridis surface whatever the theme, so their colours are
// chosen against it (red, orange, pink, white, lime, sky are all far from its
// purple-blue-green-yellow); light themes swap white and lime for colours
// that also read in the charts on a white background.
const RUNS_DARK = ['#ff453a', '#ff9f0a', '#ff5ccd', '#f5f5f5', '#b4ff39', '#64d2ff'];
const RUNS_LIGHT = ['#ff3b30', '#f08c00', '#e0218a', '#0a84ff', '#5fae00', '#00a3bf'];

function kindOf(body: HTMLElement): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

export function readTheme(): Theme {
  const kind = kindOf(document.body);
  const light = kind === 'light' || kind === 'high-contrast-light';
  const style = getComputedStyle(document.documentElement);
  const foreground = cssVar(style, '--vscode-editor-foreground', light ? '#333333' : '#cccccc');
  return {
    kind,
    background: cssVar(style, '--vscode-editor-background', light ? '#ffffff' : '#1e1e1e'),
    foreground,
    muted: cssVar(style, '--vscode-descriptionForeground', foreground),
    border: cssVar(style, '--vscode-contrastBorder', cssVar(style, '--vscode-panel-border', light ? '#c8c8c8' : '#454545')),
    accent: cssVar(style, '--vscode-focusBorder', light ? '#0066bf' : '#007fd4'),
    fontFamily: cssVar(style, '--vscode-font-family', 'system-ui, sans-serif'),
    runColors: light ? RUNS_LIGHT : RUNS_DARK,
    contour: light ? '#000000' : kind === 'high-contrast' ? '#ffffff' : '#000000',
  };
}

/** Calls `onChange` with the new theme whenever the body class or the <html> style (where VS Code puts the variables) changes. */
export function watchTheme(onChange: (theme: Theme) => void): () => void {
  let last = JSON.stringify(readTheme());
  const observer = new MutationObserver(() => {
    const theme = readTheme();
    const key = JSON.stringify(theme);
    if (key === last) return;
    last = key;
    onChange(theme);
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}

let scratch: CanvasRenderingContext2D | null = null;

/** The colour with the given opacity, as rgba(); accepts any CSS colour a theme may use. */
export function withAlpha(color: string, alpha: number): string {
  scratch ??= document.createElement('canvas').getContext('2d');
  if (!scratch) return color;
  // The canvas normalizes any CSS colour to #rrggbb or rgba(r, g, b, a).
  scratch.fillStyle = '#000000';
  scratch.fillStyle = color;
  const normalized = String(scratch.fillStyle);
  let rgb: number[];
  if (normalized.startsWith('#')) {
    rgb = [1, 3, 5].map((i) => parseInt(normalized.slice(i, i + 2), 16));
  } else {
    rgb = (normalized.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  }
  return `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})`;
}
