import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1): OWASP's recommended minimum.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // a malformed stored hash is a failed check, never a crash of the sign-in path
    return false;
  }
}

/**
 * A real hash of a throwaway password, verified against when the email is unknown, so an
 * unknown email takes as long to refuse as a wrong password (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hash('kyodo-timing-equaliser');
  return dummyHash;
}
