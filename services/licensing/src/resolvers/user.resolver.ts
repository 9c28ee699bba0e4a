import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { isTenantAdmin, isTenantUser, todayFor, type LicensingContext } from '../access.js';
import { currentContract } from '../contract-renewal.js';
import { grantsAccess, guestLicenseStatus } from '../domain/guest-licenses.js';
import { DEFAULT_TIME_ZONE } from '../domain/calendar-dates.js';
import { UserRef } from '../entities/user.type.js';
import { assignmentKey } from '../loaders.js';
import { GuestLicense, GuestLicenseStatus } from '../types/licensing.types.js';

@Resolver(() => UserRef)
export class UserLicenseResolver {
  @Directive('@requires(fields: "firstSignInAt kind isLinkedGuest tenant { id }")')
  @FieldResolver(() => GuestLicense, {
    nullable: true,
    description:
      "L3/L9: a guest's licence status and trial end. Seen by the tenant's administrators and by the guest themself; null for members, other viewers and other tenants.",
  })
  async guestLicense(@Root() user: UserRef, @Ctx() ctx: LicensingContext): Promise<GuestLicense | null> {
    const tenantId = user.tenant?.id;
    if (user.kind !== 'GUEST' || !tenantId) return null;
    const viewer = ctx.viewer;
    if (!isTenantAdmin(viewer, tenantId) && !(isTenantUser(viewer, tenantId) && viewer?.userId === user.id)) return null;
    const [contract, assignment] = await Promise.all([currentContract(ctx, tenantId), ctx.loaders.assignmentByKey.load(assignmentKey(tenantId, user.id))]);
    const firstSignInAt = user.firstSignInAt ? new Date(user.firstSignInAt) : null;
    const result = guestLicenseStatus(
      { firstSignInAt: firstSignInAt && !Number.isNaN(firstSignInAt.getTime()) ? firstSignInAt : null, isLinked: user.isLinkedGuest === true, hasAssignedLicense: !!assignment },
      { cancelled: !!contract?.cancelledOn, timeZone: contract?.timeZone ?? DEFAULT_TIME_ZONE },
      todayFor(ctx, contract),
    );
    return { status: result.status as GuestLicenseStatus, trialEndsOn: result.trialEndsOn, assigned: !!assignment, grantsAccess: grantsAccess(result.status) };
  }
}
