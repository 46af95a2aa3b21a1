import { expect, test } from './fixtures';

/** `npm run preview` serves the build with the README's security headers (vite.config.ts). */
test('the preview sends the documented security headers on pages and scripts', async ({ page, request }) => {
  for (const path of ['/', '/embed.html', '/sw.js']) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    const h = r.headers();
    expect(h['content-security-policy'], path).toContain("script-src 'self'");
    expect(h['content-security-policy'], path).toContain("object-src 'none'");
    expect(h['content-security-policy'], path).toContain('frame-ancestors');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], path).toContain('camera=()');
  }
  // And the app runs under them, reporting nothing.
  const reported: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Permissions policy/i.test(m.text())) reported.push(m.text());
  });
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  expect(reported).toEqual([]);
});
