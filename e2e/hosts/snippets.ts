import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The code a docs author copies: every `html` and `tsx` block of README's
 * "Share and embed" section and of docs/embed.md, as written. The e2e suite
 * runs each (e2e/hosts/snippets.spec.ts: the HTML ones on a page of another
 * origin, YOUR-HOST replaced by a server of dist/; the TSX ones compiled and
 * drawn in the React hosts by prepare.ts).
 */
export interface Snippet {
  /** `readme-1`, `embed-3`…: the file and the block's place among its file's snippets. */
  readonly name: string;
  readonly file: string;
  readonly lang: 'html' | 'tsx';
  readonly code: string;
}

const repo = fileURLToPath(new URL('../../', import.meta.url));

function blocks(file: string, from?: string, to?: string): { lang: string; code: string }[] {
  let text = readFileSync(`${repo}${file}`, 'utf8');
  if (from) text = text.slice(text.indexOf(from));
  if (to && text.indexOf(to, 1) > 0) text = text.slice(0, text.indexOf(to, 1));
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? '',
    code: m[2] ?? '',
  }));
}

export function snippets(): Snippet[] {
  const out: Snippet[] = [];
  const add = (prefix: string, file: string, found: { lang: string; code: string }[]) => {
    for (const b of found)
      if (b.lang === 'html' || b.lang === 'tsx')
        out.push({
          name: `${prefix}-${out.filter((s) => s.file === file).length + 1}`,
          file,
          lang: b.lang,
          code: b.code,
        });
  };
  add('readme', 'README.md', blocks('README.md', '## Share and embed', '\n## '));
  add('embed', 'docs/embed.md', blocks('docs/embed.md'));
  return out;
}

/** YOUR-HOST and the docs site's origin, replaced by the test's servers. */
export function placed(code: string, lens: { root: string; folder: string }, docsOrigin: string): string {
  return code
    .replaceAll('https://YOUR-HOST/unload-lens/', lens.folder)
    .replaceAll('https://YOUR-HOST/', lens.root)
    .replaceAll('https://docs.example.com', docsOrigin);
}
