import { Injectable } from '@nestjs/common';
import { Actor } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingVersionRepository } from './outgoing-version.repository';
import { OutgoingWorkflow } from './outgoing-workflow.service';

/**
 * Trình duyệt: the author submits; the drafting unit's head (content), the office (thể thức) and
 * the signer each approve or return it with a comment (Decree 30 Art. 10–13). Every comment and
 * approval is a timeline line.
 */
@Injectable()
export class OutgoingReviewService {
  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly versions: OutgoingVersionRepository,
  ) {}

  submit(actor: Actor, id: string, comment: string | null): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'submit', comment, async ({ document, manager }) => {
      this.access.requireAuthor(actor, document);
      const version = document.currentVersionId ? await this.versions.findById(document.currentVersionId, manager) : null;
      if (!version?.pdfFileId) {
        throw new AppError(409, 'DRAFT_NOT_READY', 'Dự thảo chưa có bản PDF (the draft has no PDF yet: conversion pending or failed)');
      }
      return { data: { versionNumber: version.versionNumber } };
    });
  }

  approve(actor: Actor, id: string, comment: string | null): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'approve', comment, async ({ document, scope }) => {
      this.access.requireReviewer(actor, scope, document);
      return {};
    });
  }

  /** Returns the draft to its author with a comment; the signer may do so even after approving. */
  reject(actor: Actor, id: string, comment: string): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'reject', comment, async ({ document, scope }) => {
      if (document.status === 'approved') this.access.requireSigner(actor, document);
      else this.access.requireReviewer(actor, scope, document);
      return {};
    });
  }
}
