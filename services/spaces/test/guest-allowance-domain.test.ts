import { describe, expect, it } from 'vitest';
import { refuseInvitationBeyondAllowance } from '../src/domain/guest-allowance.js';
import { spacesRefusals } from '../src/refusals/refusals.js';

describe('L10 guest allowance', () => {
  const twoMembers = { memberSeats: 2, guestsPerMember: 5, allowedGuests: 10 };

  it('L10: below the allowance an invitation passes; at it, the refusal gives the numbers', () => {
    expect(refuseInvitationBeyondAllowance(twoMembers, 0)).toBeNull();
    expect(refuseInvitationBeyondAllowance(twoMembers, 9)).toBeNull();
    const refusal = refuseInvitationBeyondAllowance(twoMembers, 10);
    expect(refusal).toEqual({ key: 'guestAllowanceExceeded', params: { guestsPerMember: 5, memberSeats: 2, allowedGuests: 10, invited: 10 } });
    expect(spacesRefusals.messageOf(refusal!, 'en')).toBe('5 guests per paid member: 2 member(s) allow 10 guest(s); 10 are invited already (L10).');
    expect(spacesRefusals.messageOf(refusal!, 'ja')).toMatch(/ゲストは 5 人まで.*メンバー 2 人.*10 人.*10 人.*\(L10\)/);
    expect(refuseInvitationBeyondAllowance(twoMembers, 11)).not.toBeNull();
  });

  it('L10: no paid member, no guest', () => {
    expect(spacesRefusals.messageOf(refuseInvitationBeyondAllowance({ memberSeats: 0, guestsPerMember: 5, allowedGuests: 0 }, 0)!, 'en')).toMatch(/0 member\(s\) allow 0 guest\(s\)/);
  });
});
