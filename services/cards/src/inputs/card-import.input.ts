import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CSV_ENCODINGS } from '../domain/encoding.js';

export enum CsvEncodingEnum {
  UTF8 = 'UTF8',
  SHIFT_JIS = 'SHIFT_JIS',
  AUTO = 'AUTO',
}
registerEnumType(CsvEncodingEnum, { name: 'CsvEncoding', description: `How the CSV bytes are encoded (${CSV_ENCODINGS.join(', ')}); AUTO reads UTF-8 when the bytes are valid UTF-8, else Shift_JIS.` });

@InputType({ description: 'Starts a CSV import (C4): then send the file in parts, then run it.' })
export class StartCardImportInput {
  @Field(() => CsvEncodingEnum, { nullable: true, description: 'Default AUTO.' })
  encoding?: CsvEncodingEnum | null;

  @Field(() => [ID], { nullable: true, description: 'Limit every imported card to these groups (C3); default: the whole tenant.' })
  visibleToGroupIds?: string[] | null;
}

@InputType({ description: 'One part of the file, base64, in order from 0; a part already received is ignored (safe to retry).' })
export class AddCardImportPartInput {
  @Field(() => ID)
  jobId: string;

  @Field(() => Int)
  part: number;

  @Field(() => String, { description: 'At most 512 KiB of the file, base64-encoded.' })
  base64: string;
}

@InputType()
export class RunCardImportInput {
  @Field(() => ID)
  jobId: string;

  @Field(() => Boolean, { description: 'Check every row and report the bad ones; write nothing.' })
  dryRun: boolean;
}
