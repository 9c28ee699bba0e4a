import { spawn } from 'node:child_process';
import type { CardReader } from './card-reader.js';

/**
 * C2 with the Debian `tesseract` binary (packages tesseract-ocr, tesseract-ocr-jpn,
 * tesseract-ocr-eng): `tesseract stdin stdout -l jpn+eng`, the image on stdin, the text on stdout.
 */
export class TesseractCardReader implements CardReader {
  constructor(
    private readonly binary = 'tesseract',
    private readonly languages = 'jpn+eng',
    private readonly timeoutMs = 60_000,
  ) {}

  readText(image: Uint8Array): Promise<string> {
    return new Promise((resolve, reject) => {
      // one thread per run: several reads at once would otherwise oversubscribe the CPUs
      const child = spawn(this.binary, ['stdin', 'stdout', '-l', this.languages], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, timeout: this.timeoutMs });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
        else reject(new Error(`tesseract failed (${signal ?? `exit ${code}`}): ${Buffer.concat(err).toString('utf8').slice(0, 500)}`));
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(image);
    });
  }
}

/** Whether the binary is there (tests skip without it). */
export function tesseractAvailable(binary = 'tesseract'): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(binary, ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

const defaultReader = new TesseractCardReader();

/** The reader the service uses; another engine would be chosen here by configuration. */
export const cardReader = (): CardReader => defaultReader;
