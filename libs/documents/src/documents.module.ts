import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentFileService } from './files/document-file.service';
import { Register } from './registers/register.entity';
import { RegisterRepository } from './registers/register.repository';
import { RegisterService } from './registers/register.service';

@Module({
  imports: [TypeOrmModule.forFeature([Register])],
  providers: [RegisterRepository, RegisterService, DocumentFileService],
  exports: [RegisterService, DocumentFileService],
})
export class DocumentsModule {}
