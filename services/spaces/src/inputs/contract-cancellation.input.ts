import { Field, InputType } from 'type-graphql';

@InputType()
export class ContractCancellationInput {
  @Field(() => String, { description: 'The sub-domain of the tenant whose contract ended.' })
  tenant: string;

  @Field(() => Date, { nullable: true, description: 'When it ended; default now.' })
  cancelledAt?: Date | null;
}
