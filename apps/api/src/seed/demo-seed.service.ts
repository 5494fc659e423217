import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Unit, UserDirectoryService } from '@eoffice/accounts';
import { RegisterService } from '@eoffice/documents';
import {
  DEMO_AGENCY,
  DEMO_DEPARTMENTS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_REGISTERS,
  DEMO_SCHOOL,
} from './demo-organisation';

export interface DemoLogin {
  username: string;
  fullName: string;
  roles: string[];
  unit: string;
}

/** Loads the demo organisation once; running it again changes nothing. */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: UserDirectoryService,
    private readonly registers: RegisterService,
  ) {}

  async seed(): Promise<{ created: boolean; logins: DemoLogin[] }> {
    if (await this.directory.findAgencyByCode(DEMO_AGENCY.code)) return { created: false, logins: [] };
    const logins = await this.dataSource.transaction((manager) => this.seedInTransaction(manager));
    return { created: true, logins };
  }

  private async seedInTransaction(manager: EntityManager): Promise<DemoLogin[]> {
    const agency = await this.directory.createUnit(manager, null, { ...DEMO_AGENCY, kind: 'agency' });
    const units = new Map<string, Unit>([['agency', agency]]);
    for (const department of DEMO_DEPARTMENTS) {
      units.set(department.code, await this.directory.createUnit(manager, null, { ...department, kind: 'department', parentId: agency.id }));
    }
    const school = await this.directory.createUnit(manager, null, { ...DEMO_SCHOOL, kind: 'agency', parentId: agency.id });
    units.set('school', school);
    for (const register of DEMO_REGISTERS) {
      await this.registers.create(manager, null, { ...register, agencyId: agency.id });
      await this.registers.create(manager, null, { ...register, agencyId: school.id });
    }
    const logins: DemoLogin[] = [];
    for (const person of DEMO_PEOPLE) {
      const unit = units.get(person.unit)!;
      const user = await this.directory.createUser(manager, null, {
        fullName: person.fullName,
        unitId: unit.id,
        roles: person.roles,
        position: person.position,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      });
      if (person.headOfUnit) await this.directory.setUnitHead(manager, null, unit.id, user.id);
      logins.push({ username: user.username, fullName: user.fullName, roles: user.roles, unit: unit.name });
    }
    return logins;
  }
}
