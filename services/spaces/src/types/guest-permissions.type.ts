import { Field, ObjectType } from 'type-graphql';

/** S6: what guests may do in one guest space, each granted or not by its administrators. */
@ObjectType({ description: 'S6: per-space guest permissions (Confluence style).' })
export class GuestPermissionsType {
  @Field(() => Boolean, { description: 'Start threads (pages, blog posts).' })
  addThreads: boolean;

  @Field(() => Boolean, { description: 'Edit their own threads.' })
  editThreads: boolean;

  @Field(() => Boolean, { description: 'Delete their own threads.' })
  deleteThreads: boolean;

  @Field(() => Boolean)
  addComments: boolean;

  @Field(() => Boolean, { description: 'Delete their own comments.' })
  deleteComments: boolean;

  @Field(() => Boolean)
  addAttachments: boolean;

  @Field(() => Boolean)
  deleteAttachments: boolean;
}
