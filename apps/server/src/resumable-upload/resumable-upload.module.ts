import { Module } from '@nestjs/common';
import { UploadModule } from '../upload/upload.module';
import { ResumableUploadResolver } from './resumable-upload.resolver';
import { ResumableUploadService } from './resumable-upload.service';

/** tus uploads: the mutation that creates them, the endpoint main.ts mounts, and the sweep of abandoned ones. */
@Module({
  imports: [UploadModule],
  providers: [ResumableUploadResolver, ResumableUploadService],
  exports: [ResumableUploadService],
})
export class ResumableUploadModule {}
