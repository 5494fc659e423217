import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing certificates (chứng thư số): a person's own (personal) and an agency's seal certificate
 * (organisation), each with its private key sealed by SIGNING_KEY_ENCRYPTION_KEY and the image its
 * signatures show. Notifications may now be about a certificate instead of a document.
 */
export class SigningCertificates1764600000000 implements MigrationInterface {
  name = 'SigningCertificates1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signing_certificate (
        id uuid PRIMARY KEY,
        kind varchar(12) NOT NULL CHECK (kind IN ('personal', 'organisation')),
        owner_user_id uuid REFERENCES app_user(id),
        owner_agency_id uuid REFERENCES unit(id),
        subject_common_name varchar(500),
        subject varchar(2000) NOT NULL,
        issuer varchar(2000) NOT NULL,
        serial_number varchar(64) NOT NULL,
        fingerprint char(64) NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        not_before timestamptz NOT NULL,
        not_after timestamptz NOT NULL,
        certificate_pem text NOT NULL,
        chain_pems text[] NOT NULL DEFAULT '{}',
        encrypted_private_key jsonb NOT NULL,
        image_file_id uuid NOT NULL REFERENCES stored_file(id),
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id),
        owner_id uuid GENERATED ALWAYS AS (coalesce(owner_user_id, owner_agency_id)) STORED,
        CONSTRAINT signing_certificate_owner CHECK (
          (kind = 'personal' AND owner_user_id IS NOT NULL AND owner_agency_id IS NULL) OR
          (kind = 'organisation' AND owner_agency_id IS NOT NULL AND owner_user_id IS NULL)),
        CONSTRAINT signing_certificate_revocation CHECK (active = (revoked_at IS NULL)),
        CONSTRAINT signing_certificate_validity CHECK (not_before < not_after),
        CONSTRAINT signing_certificate_once_per_owner UNIQUE (kind, owner_id, fingerprint)
      )`);
    await q.query(`CREATE INDEX signing_certificate_user_idx ON signing_certificate (owner_user_id, created_at DESC) WHERE owner_user_id IS NOT NULL`);
    await q.query(`CREATE INDEX signing_certificate_agency_idx ON signing_certificate (owner_agency_id, created_at DESC) WHERE owner_agency_id IS NOT NULL`);
    await q.query(`CREATE INDEX signing_certificate_expiry_idx ON signing_certificate (not_after) WHERE active`);

    await q.query(`ALTER TABLE notification ALTER COLUMN document_id DROP NOT NULL`);
    await q.query(`ALTER TABLE notification ADD COLUMN certificate_id uuid REFERENCES signing_certificate(id)`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
        CHECK (kind IN ('submitted', 'assigned', 'reopened', 'due_soon', 'overdue', 'received', 'recalled', 'certificate_expiring'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE certificate_id IS NOT NULL`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
        CHECK (kind IN ('submitted', 'assigned', 'reopened', 'due_soon', 'overdue'))`);
    await q.query(`ALTER TABLE notification DROP COLUMN certificate_id`);
    await q.query(`ALTER TABLE notification ALTER COLUMN document_id SET NOT NULL`);
    await q.query(`DROP TABLE signing_certificate`);
  }
}
