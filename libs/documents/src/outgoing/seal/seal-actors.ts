import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Role, User } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';

/** The clerk who started a saga, as the actor of the steps the worker takes for them (timeline, audit, scope). */
@Injectable()
export class SealActors {
  constructor(private readonly dataSource: DataSource) {}

  async actorOf(userId: string): Promise<Actor> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId } });
    if (!user) throw new AppError(404, 'NOT_FOUND', 'Không tìm thấy văn thư (clerk not found)');
    return { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles as Role[], unitId: user.unitId, mustChangePassword: false };
  }
}
