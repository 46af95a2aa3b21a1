import { ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Badge, Card } from './Card';

/**
 * What presenter mode's denser cards rest on (classroom.css hides and sets by these classes): the
 * owner's name in its own spans, and a state's name as the kernel spells it marked as an identifier.
 */
describe('a card’s parts that presenter mode sets apart', () => {
  const card = (props: { owner?: string; subtitle?: string }) =>
    renderToStaticMarkup(
      <ReactFlowProvider>
        <Card
          kind="PDO"
          title="ToasterPdo"
          highlighted={false}
          label="PDO ToasterPdo"
          handles={[]}
          {...props}
        >
          <Badge>RefCount 0</Badge>
          <Badge tone="pending">DOE_REMOVE_PENDING</Badge>
        </Card>
      </ReactFlowProvider>,
    );

  it('reads as before in the ordinary view: the owner, a dot, the rest', () => {
    const html = card({ owner: 'BusEnum', subtitle: 'devnode Started' });
    const sub = /<div class="card-sub">(.*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(sub.replace(/<[^>]+>/g, '')).toBe('BusEnum · devnode Started');
    // Both the name and its separator go together in presenter mode.
    expect(sub.match(/class="card-owner"/g)).toHaveLength(2);
  });

  it('marks a subtitle that is only the owner, so that presenter mode leaves the whole line out', () => {
    expect(card({ owner: 'Toaster' })).toContain('class="card-sub card-sub-owner"');
    expect(card({ subtitle: 'PnP · has Unload' })).toContain('<div class="card-sub">PnP · has Unload</div>');
  });

  it('marks state names (DOE_REMOVE_PENDING) as identifiers, and only those', () => {
    const html = card({});
    expect(html).toMatch(/class="badge badge-pending badge-id"[^>]*>DOE_/);
    expect(html).toMatch(/class="badge badge-neutral">RefCount 0/);
  });
});
