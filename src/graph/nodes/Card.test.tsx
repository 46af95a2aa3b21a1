import { ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Badge, Card } from './Card';

/**
 * What presenter mode's denser cards rest on (classroom.css hides and sets by these classes): a line
 * with the owner and one without it, and a state's name as the kernel spells it marked as an identifier.
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

  it('reads as before in the ordinary view: the owner, a dot, the rest, as one text; presenter mode’s line apart', () => {
    const html = card({ owner: 'BusEnum', subtitle: 'devnode Started' });
    expect(html).toContain('<div class="card-sub card-sub-owned">BusEnum · devnode Started</div>');
    expect(html).toContain('<div class="card-sub card-sub-short">devnode Started</div>');
  });

  it('a subtitle that is only the owner has no line in presenter mode; one without an owner is one line', () => {
    const owned = card({ owner: 'Toaster' });
    expect(owned).toContain('<div class="card-sub card-sub-owned">Toaster</div>');
    expect(owned).not.toContain('card-sub-short');
    expect(card({ subtitle: 'PnP · has Unload' })).toContain('<div class="card-sub">PnP · has Unload</div>');
  });

  it('marks state names (DOE_REMOVE_PENDING) as identifiers, and only those', () => {
    const html = card({});
    expect(html).toMatch(/class="badge badge-pending badge-id"[^>]*>DOE_/);
    expect(html).toMatch(/class="badge badge-neutral">RefCount 0/);
  });
});
