// Which document a preview panel shows, in a form that survives a window
// reload. The webview persists only its view state, so the manager records
// the previewed documents' URIs (in workspace state) and a revived panel is
// matched to one of them by its title. Pure (no `vscode`).

/** The last path segment of a URI string, decoded: `file:///a/b%20c.loss` -> `b c.loss`. */
export function documentName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const slash = path.lastIndexOf('/');
  // `untitled:Untitled-1` has no slash: the name follows the scheme.
  const segment = slash >= 0 ? path.slice(slash + 1) : path.slice(path.indexOf(':') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function previewTitle(uri: string): string {
  return `Preview ${documentName(uri)}`;
}

/**
 * The recorded document a revived panel with this title belongs to: the
 * first one with a matching title that no open preview has taken yet.
 */
export function documentForRevivedPanel(title: string, recorded: readonly string[], taken: ReadonlySet<string>): string | undefined {
  return recorded.find((uri) => !taken.has(uri) && previewTitle(uri) === title);
}
