import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { Actor, CurrentActor, Role, Roles, SignedIn } from '@eoffice/accounts';
import { REGISTER_BOOK_ROLES, RegisterBookService, RegisterKind, RegisterService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { ReportAnswers } from '../http/report-answers.decorator';
import { reportFileResponse } from '../http/report-file.response';
import { negotiateReportFormat } from '../http/report-format';
import { RegisterBookQueryDto } from './dto/register-book.dto';
import { RegisterBookDto, RegisterDto } from './dto/register-responses.dto';
import { toRegisterBookDto, toRegisterDto } from './register-book.mapper';

class OpenRegisterDto {
  @ApiProperty() @IsUUID() agencyId!: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) @IsIn(['incoming', 'outgoing']) kind!: RegisterKind;
  @ApiProperty({ example: 'DEN-HD' }) @IsString() @Length(1, 20) code!: string;
  @ApiProperty({ example: 'Sổ văn bản đến của Hội đồng thi đua' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty() @IsBoolean() confidential!: boolean;
}

/** Sổ văn bản: each agency's incoming and outgoing registers, each with its own yearly series. */
@ApiTags('registers')
@ApiBearerAuth()
@Controller('registers')
export class RegistersController {
  constructor(
    private readonly registers: RegisterService,
    private readonly books: RegisterBookService,
  ) {}

  @Get()
  @SignedIn()
  @Answers(200, [RegisterDto])
  async list(@CurrentActor() actor: Actor): Promise<RegisterDto[]> {
    return (await this.registers.listForActor(actor)).map(toRegisterDto);
  }

  @Post()
  @Roles(Role.admin)
  @Answers(201, RegisterDto, { errors: [404, 409] })
  async open(@CurrentActor() actor: Actor, @Body() dto: OpenRegisterDto): Promise<RegisterDto> {
    return toRegisterDto(await this.registers.open(actor, dto));
  }

  /** Sổ đăng ký (Decree 30 Phụ lục IV): the register's entries of a year as JSON, XLSX or a printable PDF. */
  @Get(':id/book')
  @Roles(...REGISTER_BOOK_ROLES)
  @ReportAnswers(RegisterBookDto)
  async book(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RegisterBookQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<RegisterBookDto | StreamableFile> {
    const format = negotiateReportFormat(query.format, accept);
    const period = { year: query.year, from: query.from, to: query.to };
    if (format === 'json') return toRegisterBookDto(await this.books.book(actor, id, period));
    return reportFileResponse(await this.books.file(actor, id, period, format));
  }
}
