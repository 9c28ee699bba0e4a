import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { Invoice } from '../entities/invoice.entity.js';

@ObjectType({ description: "Q1: the invoice's issuer as issued: name and qualified-invoice registration number (T + 13 digits)." })
export class InvoiceIssuer {
  @Field(() => String)
  name: string;

  @Field(() => String)
  registrationNumber: string;
}

@ObjectType({ description: "Q1: one tax rate of an invoice: the lines' total at that rate and the tax on it, rounded down once per rate per invoice." })
export class InvoiceTaxByRate {
  @Field(() => Int, { description: 'The consumption tax rate in percent (10 = 10 %).' })
  rate: number;

  @Field(() => Int, { description: 'The total of the lines at this rate, yen before tax (negative on a credit note).' })
  taxableAmount: number;

  @Field(() => Int)
  tax: number;
}

@ObjectType()
export class InvoiceEdge {
  @Field(() => String, { description: 'Opaque: pass it as `after` to continue after this invoice.' })
  cursor: string;

  @Field(() => Invoice)
  node: Invoice;
}

@ObjectType({ description: "Named for invoices so it never clashes with another subgraph's page type." })
export class InvoicePageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'Q1: a page of invoices, newest issue date first.' })
export class InvoiceConnection {
  @Field(() => [InvoiceEdge])
  edges: InvoiceEdge[];

  @Field(() => InvoicePageInfo)
  pageInfo: InvoicePageInfo;
}

@InputType({ description: 'Q1 (electronic-records search): every condition given must hold; none given finds all the caller may see.' })
export class InvoiceSearchInput {
  @Field(() => DateScalar, { nullable: true, description: 'Issued on or after this day.' })
  issuedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or before this day.' })
  issuedTo?: string | null;

  @Field(() => Int, { nullable: true, description: 'Total (tax included) at least this many yen.' })
  minTotal?: number | null;

  @Field(() => Int, { nullable: true, description: 'Total (tax included) at most this many yen.' })
  maxTotal?: number | null;

  @Field(() => String, { nullable: true, description: "The counterparty: part of the recipient's registered name as issued." })
  recipientName?: string | null;

  @Field(() => ID, { nullable: true, description: 'The counterparty: one tenant (a tenant administrator sees only their own tenant whatever is given here).' })
  tenantId?: string | null;
}

@InputType({ description: 'Q1: a correction of an issued invoice (a credit note): how much to take off before tax, and why.' })
export class CreditNoteInput {
  @Field(() => ID)
  invoiceId: string;

  @Field(() => Int, { description: 'Yen before tax to take off (at most what remains of the invoice after earlier credit notes).' })
  amount: number;

  @Field(() => Int, { nullable: true, description: "The tax rate the amount is at; needed only when the invoice has lines at more than one rate." })
  taxRatePercent?: number | null;

  @Field(() => String, { description: 'Why (shown on the credit note).' })
  reason: string;
}
