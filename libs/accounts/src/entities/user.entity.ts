import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../authorization/role';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  username!: string;

  @Column()
  fullName!: string;

  @Column()
  email!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'varchar', nullable: true })
  position!: string | null;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column()
  mustChangePassword!: boolean;

  @Column()
  active!: boolean;

  @Column({ type: 'int' })
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /** Bumped to revoke every access token of the person at once (deactivation, password reset). */
  @Column({ type: 'int' })
  sessionVersion!: number;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  deactivationReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
