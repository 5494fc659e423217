import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { Register, RegisterKind, RegisterService } from '@eoffice/documents';

class OpenRegisterDto {
  @ApiProperty() @IsUUID() agencyId!: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) @IsIn(['incoming', 'outgoing']) kind!: RegisterKind;
  @ApiProperty({ example: 'DEN-HD' }) @IsString() @Length(1, 20) code!: string;
  @ApiProperty({ example: 'Sổ văn bản đến của Hội đồng thi đua' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty() @IsBoolean() confidential!: boolean;
}

const toDto = (r: Register) => ({
  id: r.id,
  agencyId: r.agencyId,
  kind: r.kind,
  code: r.code,
  name: r.name,
  confidential: r.confidential,
  active: r.active,
});

/** Sổ văn bản: each agency's incoming and outgoing registers, each with its own yearly series. */
@ApiTags('registers')
@ApiBearerAuth()
@Controller('registers')
export class RegistersController {
  constructor(private readonly registers: RegisterService) {}

  @Get()
  async list(@CurrentActor() actor: Actor) {
    return (await this.registers.listForActor(actor)).map(toDto);
  }

  @Post()
  @Roles(Role.admin)
  async open(@CurrentActor() actor: Actor, @Body() dto: OpenRegisterDto) {
    return toDto(await this.registers.open(actor, dto));
  }
}
