import { signFileLinkToken, verifyFileLinkToken, type SignedFileLink } from '@kyodo/subgraph-kit';

/**
 * C3/C5: a link to a file the cards service serves (an image, an export): the kit's signed,
 * expiring file link (file-links.ts, shared with licensing's invoice PDFs), with cards' kinds.
 */
export type FileLink = SignedFileLink<'image' | 'export'>;

export function signFileLink(secret: Buffer, link: FileLink): string {
  return signFileLinkToken(secret, link);
}

/** The link, or why it is refused: a bad signature and an expired link are told apart for the client. */
export function verifyFileLink(secret: Buffer, token: string, now: Date): FileLink | 'invalid' | 'expired' {
  return verifyFileLinkToken(secret, token, now, ['image', 'export'] as const);
}
