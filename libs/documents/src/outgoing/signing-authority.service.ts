import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, SignerStandingService } from '@eoffice/accounts';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { resolveSigningAuthority, SigningAuthority, SigningAuthorityKind } from './signing-authority';
import type { StepResult } from './outgoing-workflow.service';

/**
 * The signing authority of an outgoing document's signer, read inside the signing transaction (so a
 * delegation revoked or expired a moment ago no longer counts) and recorded with the signature:
 * box 7a (`signingTitle`) becomes the notation, whatever the draft proposed.
 */
@Injectable()
export class SigningAuthorityService {
  constructor(private readonly standings: SignerStandingService) {}

  async resolve(manager: EntityManager, actor: Actor, document: OutgoingDocument, requested?: SigningAuthorityKind | null): Promise<SigningAuthority> {
    const standing = await this.standings.standingOf(manager, actor.id, document.agencyId);
    return resolveSigningAuthority(standing, requested ?? undefined, document.signingTitle);
  }

  /** The workflow step's result with the authority recorded on the document, its timeline and audit entry. */
  recorded(result: StepResult, authority: SigningAuthority): StepResult {
    return {
      changes: {
        ...result.changes,
        signingAuthority: authority.kind,
        authorityTitle: authority.authorityTitle,
        signerTitle: authority.signerTitle || null,
        signingDelegationId: authority.delegationId,
        signingTitle: authority.notation,
      },
      data: { ...result.data, signingAuthority: authority.kind, notation: authority.notation, signingDelegationId: authority.delegationId },
    };
  }
}
