import { fileTypeFromBuffer } from 'file-type';

export const MiB = 1024 * 1024;
/** Largest photo accepted. */
export const MAX_PHOTO_BYTES = 15 * MiB;
/** Largest video accepted (core's MAX_ATTACHMENT_BYTES). */
export const MAX_VIDEO_BYTES = 100 * MiB;
/** How many leading bytes the sniffer needs at most. */
export const SNIFF_BYTES = 4100;

/** How an accepted media type is handled. */
export interface MediaRule {
  mimeType: string;
  kind: 'PHOTO' | 'VIDEO';
  maxBytes: number;
  /**
   * Re-encoded by sharp: orientation applied, every piece of metadata
   * dropped, a preview made. Only these may ever become public.
   */
  reencode: 'jpeg' | 'png' | 'webp' | null;
}

const photo = (mimeType: string, reencode: MediaRule['reencode']): MediaRule => ({ mimeType, kind: 'PHOTO', maxBytes: MAX_PHOTO_BYTES, reencode });
const video = (mimeType: string): MediaRule => ({ mimeType, kind: 'VIDEO', maxBytes: MAX_VIDEO_BYTES, reencode: null });

/**
 * The accepted types, by the media type file-type reads from the bytes.
 * HEIC is kept as uploaded (sharp's prebuilt libvips has no HEVC decoder),
 * so it stays private like videos.
 */
const RULES: ReadonlyMap<string, MediaRule> = new Map([
  ['image/jpeg', photo('image/jpeg', 'jpeg')],
  ['image/png', photo('image/png', 'png')],
  ['image/webp', photo('image/webp', 'webp')],
  ['image/heic', photo('image/heic', null)],
  ['image/heif', photo('image/heif', null)],
  ['video/mp4', video('video/mp4')],
  ['video/quicktime', video('video/quicktime')],
  ['video/webm', video('video/webm')],
]);

/** The rule for the type the bytes say they are (never the name or the declared type); null when not accepted. */
export async function sniffMedia(head: Uint8Array): Promise<MediaRule | null> {
  const type = await fileTypeFromBuffer(head);
  return (type && RULES.get(type.mime)) ?? null;
}

/** A rule by its media type, for stored files. */
export const mediaRuleOf = (mimeType: string): MediaRule | null => RULES.get(mimeType) ?? null;
