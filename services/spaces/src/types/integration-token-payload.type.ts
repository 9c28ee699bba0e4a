import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'C6: a new integration token. The token is shown this once and never stored; keep it like a password.' })
export class IntegrationTokenPayload {
  @Field(() => String, {
    description: 'An ES256 bearer token for "Authorization: Bearer <token>", valid for one year unless revoked; it can only read cards, as the acting member sees them.',
  })
  token: string;

  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String])
  scopes: string[];

  @Field(() => Date)
  expiresAt: Date;
}
