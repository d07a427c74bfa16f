import sharp, { type OutputInfo } from 'sharp';
import { uploadErrors } from './upload-errors.js';
import type { MediaRule } from './media-types.js';

/** Largest decoded image: 64 megapixels (a 48 MP phone camera fits). Bounds decoding memory. */
export const MAX_INPUT_PIXELS = 64_000_000;
/** The preview fits in this box (pixels), never enlarged. */
export const PREVIEW_BOX = 1024;
export const PREVIEW_MIME_TYPE = 'image/jpeg';

export interface ProcessedImage {
  /** The photo re-encoded in its own format: upright, no metadata at all (EXIF, GPS, device, XMP, ICC, comments). */
  data: Buffer;
  /** A JPEG no larger than PREVIEW_BOX on either side, equally bare. */
  preview: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes a photo and writes it again from its pixels: the EXIF orientation
 * is applied, colours are converted to sRGB, and nothing else of the input
 * survives — sharp writes no metadata unless asked to, and re-encoding also
 * drops comments and anything appended after the image data.
 */
export async function processImage(input: Buffer, rule: MediaRule): Promise<ProcessedImage> {
  const source = () => sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true });
  let upright: { data: Buffer; info: OutputInfo };
  try {
    const pipeline = source();
    switch (rule.reencode) {
      case 'jpeg':
        pipeline.jpeg({ quality: 90 });
        break;
      case 'png':
        pipeline.png({ compressionLevel: 9 });
        break;
      case 'webp':
        pipeline.webp({ quality: 90 });
        break;
      default:
        throw new TypeError(`no re-encoding for ${rule.mimeType}`);
    }
    upright = await pipeline.toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (error instanceof TypeError) throw error;
    throw /pixel limit/i.test(String((error as Error).message)) ? uploadErrors.tooManyPixels() : uploadErrors.unreadableImage();
  }
  const preview = await sharp(upright.data)
    .resize(PREVIEW_BOX, PREVIEW_BOX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
  return { data: upright.data, preview, width: upright.info.width, height: upright.info.height };
}

/** Width and height of an image kept as uploaded (HEIC), when its header can be read. */
export async function imageSize(input: Buffer): Promise<{ width: number | null; height: number | null }> {
  try {
    const m = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    return { width: m.width ?? null, height: m.height ?? null };
  } catch {
    return { width: null, height: null };
  }
}
