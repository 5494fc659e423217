import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { RemoteSigningAccount, RemoteSigningProvider } from './remote-signing-config.entity';

@Injectable()
export class RemoteSigningConfigRepository {
  constructor(
    @InjectRepository(RemoteSigningProvider) private readonly providers: Repository<RemoteSigningProvider>,
    @InjectRepository(RemoteSigningAccount) private readonly accounts: Repository<RemoteSigningAccount>,
  ) {}

  providerOf(agencyId: string, manager?: EntityManager): Promise<RemoteSigningProvider | null> {
    return (manager?.getRepository(RemoteSigningProvider) ?? this.providers).findOne({ where: { agencyId } });
  }

  providerById(id: string): Promise<RemoteSigningProvider | null> {
    return this.providers.findOne({ where: { id } });
  }

  accountOf(userId: string, manager?: EntityManager): Promise<RemoteSigningAccount | null> {
    return (manager?.getRepository(RemoteSigningAccount) ?? this.accounts).findOne({ where: { userId } });
  }

  async saveProvider(manager: EntityManager, provider: Omit<RemoteSigningProvider, 'id' | 'updatedAt'>): Promise<RemoteSigningProvider> {
    const repo = manager.getRepository(RemoteSigningProvider);
    await repo.upsert(repo.create(provider), { conflictPaths: ['agencyId'] });
    return (await repo.findOne({ where: { agencyId: provider.agencyId } }))!;
  }

  async saveAccount(manager: EntityManager, account: Omit<RemoteSigningAccount, 'updatedAt'>): Promise<RemoteSigningAccount> {
    const repo = manager.getRepository(RemoteSigningAccount);
    await repo.upsert(repo.create(account), { conflictPaths: ['userId'] });
    return (await repo.findOne({ where: { userId: account.userId } }))!;
  }
}
