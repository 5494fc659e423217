import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegisterBookService } from './book/register-book.service';
import { RegisterNumberingRepository } from './register-numbering.repository';
import { Register } from './register.entity';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';
import { VoidedNumber } from './voided-number.entity';
import { VoidedNumberRepository } from './voided-number.repository';
import { VoidedNumberService } from './voided-number.service';

/**
 * Sổ đăng ký: registers, their numbering, voided numbers and the printed register book. The book's
 * rows come from the flows through REGISTER_BOOK_SOURCES, a port bound where the library is
 * composed (DocumentPortsModule), so registers never import incoming or outgoing.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Register, VoidedNumber])],
  providers: [RegisterRepository, RegisterNumberingRepository, VoidedNumberRepository, RegisterService, VoidedNumberService, RegisterBookService],
  exports: [RegisterRepository, RegisterNumberingRepository, RegisterService, VoidedNumberService, RegisterBookService],
})
export class RegistersModule {}
