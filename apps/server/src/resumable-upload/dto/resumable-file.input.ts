import { Field, Float, InputType } from '@nestjs/graphql';
import { IsInt, IsString, Min, MinLength } from 'class-validator';

@InputType({ description: 'The file a resumable upload will send: its name (checked as an upload’s) and its exact size in bytes.' })
export class ResumableFileInput {
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'The upload has no file name' })
  filename!: string;

  @Field(() => Float, { description: 'Bytes the upload will send: at least 1, at most `uploadLimits.maxUploadBytes`.' })
  @IsInt({ message: 'The size must be a whole number of bytes' })
  @Min(1, { message: 'The file is empty' })
  size!: number;
}
