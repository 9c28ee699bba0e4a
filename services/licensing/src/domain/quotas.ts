/** L4: storage quota = licensed members x 5 GB (GiB: 5 x 1024^3 bytes); guests bring no disk allowance. */
export const STORAGE_BYTES_PER_MEMBER = 5 * 1024 ** 3;

export function storageQuotaBytes(memberSeats: number): number {
  return Math.max(0, memberSeats) * STORAGE_BYTES_PER_MEMBER;
}

/** L10: on the allowance model each paid member licence admits 5 guests at no charge. */
export const GUESTS_PER_MEMBER = 5;

export function guestAllowance(memberSeats: number): number {
  return Math.max(0, memberSeats) * GUESTS_PER_MEMBER;
}
