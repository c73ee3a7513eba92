/**
 * Draws the timeline SVG onto a canvas at `scale` times its size and downloads it as PNG. The SVG is
 * self-contained (attributes, no stylesheet), so the serialised markup renders the same as on screen.
 */
export async function downloadSvgAsPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<{ width: number; height: number }> {
  const width = Math.round(svg.viewBox.baseVal.width * scale);
  const height = Math.round(svg.viewBox.baseVal.height * scale);
  const xml = new XMLSerializer().serializeToString(svg);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas is not available');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'));
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { width, height };
}
