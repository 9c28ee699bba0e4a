import { Field, InputType } from 'type-graphql';
import { Course } from '../entities/contract.entity.js';
import { DateScalar } from '../scalars/date.scalar.js';

@InputType({ description: 'A course change to price (T6).' })
export class QuoteCourseChangeInput {
  @Field(() => Course, { description: 'The course wanted: STANDARD upgrades, LIGHT downgrades.' })
  course: Course;

  @Field(() => DateScalar, { nullable: true, description: "Defaults to today in the tenant's time zone." })
  orderDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'T6: an annual downgrade for the renewal: costs nothing now, the course changes on the first day of the next term. Default false.' })
  forRenewal?: boolean | null;
}

@InputType({ description: 'A course change order; the same idempotency key twice orders once.' })
export class OrderCourseChangeInput extends QuoteCourseChangeInput {
  @Field(() => String, { description: 'Chosen by the client (e.g. a UUID), 1-100 characters: a retry with the same key returns the first order.' })
  idempotencyKey: string;
}
