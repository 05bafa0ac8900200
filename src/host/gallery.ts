// The "New Loss File" gallery: the `.loss` files of `examples/`, shipped in the
// extension. Each file's first comment line is its title and the comment after
// it says what the function teaches about SGDR, so the quick pick and the
// files cannot drift apart. Pure (no `vscode`).

export interface GalleryEntry {
  /** The file name without `.loss`, e.g. 'rosenbrock'; newFile's `example` argument. */
  id: string;
  label: string;
  detail: string;
}

const COMMENT = /^\s*(?:#|\/\/)\s?(.*)$/;

export function exampleId(fileName: string): string | undefined {
  const m = /^([a-z0-9-]+)\.loss$/.exec(fileName);
  return m ? m[1] : undefined;
}

/** Title = the first comment line; detail = the comment lines after it, joined. */
export function describeExample(id: string, source: string): GalleryEntry {
  const comments: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const m = COMMENT.exec(line);
    if (!m) break;
    comments.push(m[1].trim());
  }
  return { id, label: comments[0] || id, detail: comments.slice(1).join(' ') };
}
