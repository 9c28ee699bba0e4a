import { Field, ID, InputType } from 'type-graphql';

/** Settings of a space; S6 guest permissions included. Fields left out stay as they are. */
@InputType()
export class UpdateSpaceSettingsInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  isPrivate?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'S6: guests may start threads (pages, blog posts).' })
  guestCanAddThreads?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'S6: guests may edit their own threads.' })
  guestCanEditThreads?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'S6: guests may delete their own threads.' })
  guestCanDeleteThreads?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'S6: guests may comment.' })
  guestCanAddComments?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'S6: guests may delete their own comments.' })
  guestCanDeleteComments?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'S6: guests may add attachments.' })
  guestCanAddAttachments?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'S6: guests may delete their own attachments.' })
  guestCanDeleteAttachments?: boolean | null;
}
