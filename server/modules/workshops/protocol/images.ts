/**
 * Just enough of PNG and JPEG to embed photos safely: the format is read from the bytes (the declared
 * MIME type of an upload is only a hint) and the pixel size gives the aspect ratio for Word.
 */
export interface ImageInfo {
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Format and pixel size of a PNG or JPEG; null for anything else (WebP, HEIC, broken files). */
export function imageInfo(data: Buffer): ImageInfo | null {
  if (data.length >= 24 && data.subarray(0, 8).equals(PNG_SIGNATURE) && data.toString('latin1', 12, 16) === 'IHDR') {
    const width = data.readUInt32BE(16);
    const height = data.readUInt32BE(20);
    return width > 0 && height > 0 ? { type: 'png', width, height } : null;
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return jpegInfo(data);
  return null;
}

/** Walks the JPEG segments up to the first start-of-frame marker, which holds the size. */
function jpegInfo(data: Buffer): ImageInfo | null {
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame
    const length = data.readUInt16BE(i + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > data.length) return null;
      const height = data.readUInt16BE(i + 5);
      const width = data.readUInt16BE(i + 7);
      return width > 0 && height > 0 ? { type: 'jpg', width, height } : null;
    }
    i += 2 + length;
  }
  return null;
}

/** Scales `w × h` to fit into `maxW × maxH`, keeping the aspect ratio (never enlarges beyond the box). */
export function fitInto(w: number, h: number, maxW: number, maxH: number): { width: number; height: number } {
  const scale = Math.min(maxW / w, maxH / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}
