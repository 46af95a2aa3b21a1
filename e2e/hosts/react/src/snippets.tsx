// Every React snippet of README and docs/embed.md, copied as written into src/snippets/ by
// e2e/hosts/prepare.ts: each component it exports, drawn in a section named after the snippet.
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';

const modules = import.meta.glob<Record<string, unknown>>('./snippets/*.tsx', { eager: true });

const sections = Object.entries(modules).flatMap(([path, exports]) =>
  Object.entries(exports)
    .filter((e): e is [string, ComponentType] => typeof e[1] === 'function')
    .map(([name, Component]) => {
      const snippet = path.replace(/^.*\/|\.tsx$/g, '');
      return (
        <section key={`${snippet}-${name}`} data-snippet={snippet} data-component={name}>
          <h2>
            {snippet}: {name}
          </h2>
          <Component />
        </section>
      );
    }),
);

createRoot(document.getElementById('root')!).render(<StrictMode>{sections}</StrictMode>);
