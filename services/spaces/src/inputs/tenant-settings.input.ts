import { Field, InputType } from 'type-graphql';
import { GuestPolicy, GuestSpaceCreators, MailFormat } from '../entities/enums.js';

@InputType()
export class TenantSettingsInput {
  @Field(() => GuestPolicy, { nullable: true })
  guestPolicy?: GuestPolicy | null;

  @Field(() => MailFormat, { nullable: true })
  mailFormat?: MailFormat | null;

  @Field(() => GuestSpaceCreators, { nullable: true })
  guestSpaceCreators?: GuestSpaceCreators | null;
}
