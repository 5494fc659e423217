// Area "audit": the audit trail of one document.
export { AuditModule } from './audit.module';
export * from './document-audit-trail.service';
