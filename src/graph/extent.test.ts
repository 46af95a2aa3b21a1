import { describe, expect, it } from 'vitest';
import { step } from '../kernel';
import { kernel } from '../kernel/testing';
import { SIZES, layoutFor } from '../store/layout';
import { boundsOf, bulge, extentOf, lanesUsed } from './extent';

describe('the box around what a history draws (presenter mode fits to it)', () => {
  const start = kernel('windows').setup(
    { do: 'loadDriver', driver: 'Bus' },
    { do: 'createDevice', driver: 'Bus', device: 'Pdo', role: 'pdo' },
    { do: 'loadDriver', driver: 'Fn' },
    { do: 'createDevice', driver: 'Fn', device: 'Fdo', role: 'fdo', attachTo: 'Pdo' },
    { do: 'loadDriver', driver: 'Solo', model: 'legacy', controlDevice: 'Ctl' },
  ).world;

  it('takes in a dependency drawn right to left: its curve bulges past the right card (svr5-unload-all)', () => {
    const world = kernel('svr5').setup(
      { do: 'registerModule', module: 'ip', ddi: '8', devices: ['ip0'] },
      { do: 'registerModule', module: 'tcp', ddi: '8', devices: ['tcp0'], dependsOn: ['ip'] },
    ).world;
    const positions = layoutFor([world]).positions;
    const [ip, tcp] = [positions.get('module:ip'), positions.get('module:tcp')];
    if (!ip || !tcp) throw new Error('both placed');
    expect(tcp.x).toBeGreaterThan(ip.x);
    const box = extentOf([world], positions);
    const reach = bulge(tcp.x + SIZES.card.width, ip.x);
    expect(reach.right).toBeGreaterThan(tcp.x + SIZES.card.width + 10);
    expect(box.x + box.width).toBeCloseTo(reach.right);
    // A forward edge stays between its ends.
    expect(bulge(100, 300)).toEqual({ left: 100, right: 300 });
  });

  it('keeps no lane for satellites that never come: narrower than the placed cards with their lanes', () => {
    const positions = layoutFor([start]).positions;
    const box = extentOf([start], positions);
    const laned = boundsOf(positions.values());
    expect(box.width).toBeLessThan(laned.width);
    // Every card is inside it.
    for (const p of positions.values()) {
      expect(p.x).toBeGreaterThanOrEqual(box.x);
      expect(p.x + SIZES.card.width).toBeLessThanOrEqual(box.x + box.width);
      expect(p.y + SIZES.card.height).toBeLessThanOrEqual(box.y + box.height);
    }
  });

  it('takes in a satellite that appears at a later step, in its card’s lane', () => {
    const solo = kernel('windows').setup({
      do: 'loadDriver',
      driver: 'Solo',
      model: 'legacy',
      controlDevice: 'Ctl',
    }).world;
    const later = step(solo, { do: 'openHandle', device: 'Ctl', handle: 'h1' }).world;
    const positions = layoutFor([solo, later]).positions;
    const ctl = positions.get('device:Ctl');
    if (!ctl) throw new Error('Ctl is placed');
    const lane = ctl.x + SIZES.card.width + SIZES.satellite.width;
    expect(extentOf([solo], positions).width).toBe(SIZES.card.width);
    const after = extentOf([solo, later], positions);
    expect(after.x + after.width).toBeGreaterThanOrEqual(lane);
    expect(after.x + after.width).toBeLessThanOrEqual(ctl.x + SIZES.card.width + SIZES.lane);
  });

  it('takes in a stack’s frame and its caption room above the cards', () => {
    const positions = layoutFor([start]).positions;
    const fdo = positions.get('device:Fdo');
    if (!fdo) throw new Error('Fdo is placed');
    expect(extentOf([start], positions).y).toBeLessThanOrEqual(0);
    const deviceTop = Math.min(
      ...[...positions].filter(([id]) => id.startsWith('device:')).map(([, p]) => p.y),
    );
    // The frame starts above its top card (its caption's room), below the drivers' row.
    const frameOnly = extentOf([start], new Map([...positions].filter(([id]) => !id.startsWith('driver:'))));
    expect(frameOnly.y).toBeLessThan(deviceTop);
  });
});

describe('the lanes a history uses (presenter mode keeps only those)', () => {
  it('names the card whose lane a satellite takes at a later step, and no other', () => {
    const solo = kernel('windows').setup(
      { do: 'loadDriver', driver: 'Solo', model: 'legacy', controlDevice: 'Ctl' },
      { do: 'loadDriver', driver: 'Other', model: 'legacy', controlDevice: 'Quiet' },
    ).world;
    const later = step(solo, { do: 'openHandle', device: 'Ctl', handle: 'h1' }).world;
    const positions = layoutFor([solo, later]).positions;
    expect([...lanesUsed([solo], positions).lane]).toEqual([]);
    expect([...lanesUsed([solo, later], positions).lane]).toEqual(['device:Ctl']);
  });
});
