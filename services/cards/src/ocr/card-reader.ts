/** C2: reads the text printed on a card image (OCR); behind an interface so the engine can change. */
export interface CardReader {
  /** The text on the image, lines as printed. */
  readText(image: Uint8Array): Promise<string>;
}
