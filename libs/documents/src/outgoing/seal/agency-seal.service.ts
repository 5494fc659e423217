import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, AuditService, FileService, MediaType } from '@eoffice/core';
import { appearanceImageProblem } from '../../certificates';
import { AgencySeal, SealMode } from './seal-saga.entity';
import { AgencySealRepository } from './seal-saga.repository';

export interface AgencySealInput {
  mode: SealMode;
  /** Remote e-seal: the seal's credential at the agency's remote signing provider. */
  credentialId?: string;
  /** Token or remote: the red seal PNG (with its physical size) painted over the leader's signature. */
  sealImage?: Buffer;
}

/**
 * Where the agency's seal key is, set by its administrator: stored on the server (the default: the
 * organisation certificate's PKCS#12), on the clerk's USB token, or at a CA as a remote e-seal.
 */
@Injectable()
export class AgencySealService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AgencySealRepository,
    private readonly organisation: OrganisationScope,
    private readonly files: FileService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<AgencySeal> {
    return this.configured((await this.organisation.agencyOf(actor.unitId)).id);
  }

  async configured(agencyId: string): Promise<AgencySeal> {
    return (await this.repository.find(agencyId)) ?? { agencyId, mode: 'stored', credentialId: null, sealImageFileId: null, updatedBy: null, updatedAt: new Date(0) };
  }

  async set(actor: Actor, input: AgencySealInput): Promise<AgencySeal> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    const current = await this.repository.find(agency.id);
    if (input.mode === 'remote' && !input.credentialId) {
      throw AppError.validation('Cần mã con dấu số tại nhà cung cấp (credentialId is required for a remote e-seal)', [{ field: 'credentialId', message: 'required' }]);
    }
    if (input.sealImage) {
      const problem = appearanceImageProblem('organisation', input.sealImage);
      if (problem) throw new AppError(400, 'IMAGE_INVALID', problem);
    } else if (input.mode !== 'stored' && !current?.sealImageFileId) {
      throw AppError.validation('Cần ảnh con dấu (sealImage is required when the key is not stored)', [{ field: 'sealImage', message: 'required' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const image = input.sealImage
        ? await this.files.recordBytes([input.sealImage], { mimeType: MediaType.png, originalName: 'seal.png' }, actor.id, manager)
        : null;
      const saved = await this.repository.save(manager, {
        agencyId: agency.id,
        mode: input.mode,
        credentialId: input.mode === 'remote' ? input.credentialId! : null,
        sealImageFileId: image?.id ?? current?.sealImageFileId ?? null,
        updatedBy: actor.id,
      });
      await this.audit.record(manager, {
        actorId: actor.id, action: 'agency_seal.set', entityType: 'unit', entityId: agency.id,
        data: { mode: saved.mode, credentialId: saved.credentialId, sealImageFileId: saved.sealImageFileId },
      });
      return saved;
    });
  }

  async sealImage(seal: AgencySeal): Promise<Buffer> {
    if (!seal.sealImageFileId) throw AppError.conflict('SEAL_IMAGE_MISSING', 'Chưa có ảnh con dấu của cơ quan (no seal image)');
    return this.files.readBytes(seal.sealImageFileId);
  }
}
