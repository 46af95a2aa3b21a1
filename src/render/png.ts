/**
 * An SVG slide as a PNG of the same size, in Node, through resvg (a
 * rasterizer in Rust, shipped as a platform package on npm: nothing to
 * download at install time). The app's fonts are the system's (`system-ui`,
 * `ui-monospace`); resvg's generic families are set to common ones.
 */
export async function toPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, {
    font: {
      loadSystemFonts: true,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans Mono',
    },
  })
    .render()
    .asPng();
}
