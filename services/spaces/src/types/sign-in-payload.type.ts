import { Field, ObjectType } from 'type-graphql';
import { User } from '../entities/user.entity.js';

@ObjectType()
export class SignInPayload {
  @Field(() => String, { description: 'A short-lived ES256 access token: send it as "Authorization: Bearer <token>".' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => User)
  user: User;

  @Field(() => Boolean, {
    description: 'T3: the tenant requires a one-time password and this user has none yet: run enableTotp and confirmTotp now.',
  })
  totpEnrollmentRequired: boolean;
}
