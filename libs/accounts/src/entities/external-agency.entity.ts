import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExchangeEndpointKind } from '../rules/external-agency-input';

/** Where an entry came from: typed by an administrator, a CSV import, or an exchange endpoint's list. */
export type AgencySource = 'manual' | 'import' | 'sync';

/** An agency outside the installation (cơ quan ngoài hệ thống) that documents are exchanged with. */
@Entity('external_agency')
export class ExternalAgency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** OrganId of the exchange standard, `DDD.CC.BB.Xnn`. */
  @Column({ type: 'varchar', nullable: true })
  organId!: string | null;

  /** Agency code of the 2020 coding rules (≤ 35 characters). */
  @Column({ type: 'varchar', nullable: true })
  agencyCode!: string | null;

  @Column()
  name!: string;

  @Column({ type: 'varchar', nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', nullable: true })
  fax!: string | null;

  @Column({ type: 'varchar', nullable: true })
  website!: string | null;

  /** How packages reach it: another installation of this product, the national axis, or e-mail. */
  @Column({ type: 'varchar', nullable: true })
  endpointKind!: ExchangeEndpointKind | null;

  @Column({ type: 'varchar', nullable: true })
  endpointUrl!: string | null;

  @Column({ type: 'varchar' })
  source!: AgencySource;

  /** The certificate (PEM) the agency signs its edXML packages with; received packages are checked against it, never against the one they carry. */
  @Column({ type: 'text', nullable: true, select: false })
  certificatePem!: string | null;

  @Column()
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
