import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'T3: what an authenticator app needs; shown once, confirmed with confirmTotp.' })
export class TotpSetup {
  @Field(() => String, { description: 'The shared secret, base32.' })
  secret: string;

  @Field(() => String, { description: 'An otpauth://totp/... URI (for a QR code).' })
  otpauthUri: string;
}
