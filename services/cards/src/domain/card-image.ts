import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { CardsRefusalKey } from '../refusals/refusals.js';

/** C1: what a card image may be. */
export type CardImageType = 'image/jpeg' | 'image/png';
export type CardSide = 'front' | 'back';

/**
 * C1: the largest image accepted. The image travels base64 in one GraphQL string, and the gateway
 * and subgraphs cap a body at 1 MiB: 700 KiB of bytes is about 933 KiB of base64, with room left
 * for the rest of the request. A card photographed or scanned at 300 dpi is 100-400 KiB as JPEG.
 */
export const MAX_IMAGE_BYTES = 700 * 1024;

/** C1: the type by magic bytes, never by what the client claims: JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A. */
export function detectImageType(bytes: Uint8Array): CardImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

export const extensionOf = (type: CardImageType): string => (type === 'image/png' ? 'png' : 'jpg');

/** The type of a stored image from its key's extension (keys are only ever made by imageKeyFor). */
const SAFE_KEY = /^[0-9A-Za-z-]+(\/[0-9A-Za-z-]+)*\.[a-z]{3}$/;

/** The key, if it is one this service makes (never a path a client could steer): the stores check every key. */
export function checkImageKey(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`not an image key: ${key}`);
  return key;
}

export function typeOfKey(key: string): CardImageType {
  return key.endsWith('.png') ? 'image/png' : 'image/jpeg';
}

/** C1: the checks on an uploaded image, in the order a client would fix them: the problem, or the bytes and their type. */
export function cardImageProblem(base64: string, maxBytes = MAX_IMAGE_BYTES): { problem: RefusalOf<Extract<CardsRefusalKey, `image${string}`>> } | { bytes: Buffer; type: CardImageType } {
  if (!/^[A-Za-z0-9+/=\r\n]*$/.test(base64)) return { problem: { key: 'imageNotBase64' } };
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return { problem: { key: 'imageEmpty' } };
  if (bytes.length > maxBytes) return { problem: { key: 'imageTooLarge', params: { maxKiB: Math.floor(maxBytes / 1024), bytes: bytes.length } } };
  const type = detectImageType(bytes);
  if (!type) return { problem: { key: 'imageNotJpegOrPng' } };
  return { bytes, type };
}
