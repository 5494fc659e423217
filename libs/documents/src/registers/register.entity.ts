import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RegisterKind = 'incoming' | 'outgoing';

/**
 * Sổ văn bản: a register of an agency with its own number series per calendar year.
 * Confidential (mật) documents keep a register of their own (Decree 30 Art. 15.2).
 */
@Entity('register')
export class Register {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'varchar' })
  kind!: RegisterKind;

  @Column()
  code!: string;

  @Column()
  name!: string;

  @Column()
  confidential!: boolean;

  @Column()
  active!: boolean;

  /**
   * Outgoing registers kept apart for some document types (Decree 30 Art. 15.1: e.g. one series
   * per normative type); `null` numbers every type no other register claims.
   */
  @Column({ type: 'text', array: true, nullable: true })
  documentTypes!: string[] | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
