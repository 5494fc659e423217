import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `agency` = cơ quan/đơn vị (own clerk, registers, seal); `department` = phòng/ban inside an agency. */
export type UnitKind = 'agency' | 'department';

@Entity('unit')
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  code!: string;

  @Column()
  name!: string;

  @Column({ type: 'varchar' })
  kind!: UnitKind;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  /** The agency this unit belongs to; an agency points at itself. */
  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ type: 'varchar', nullable: true })
  email!: string | null;

  @Column({ type: 'uuid', nullable: true })
  headUserId!: string | null;

  /** Địa danh of an agency, written in the date line of its documents ("Tây Ninh, ngày …"). */
  @Column({ type: 'varchar', nullable: true })
  placeName!: string | null;

  /** The agency's OrganId for document exchange (DDD.CC.BB.Xnn); agencies only. */
  @Column({ type: 'varchar', nullable: true })
  organId!: string | null;

  /** The agency's code of the 2020 coding rules; agencies only. */
  @Column({ type: 'varchar', nullable: true })
  agencyCode!: string | null;

  /**
   * An agency led by a collective body (tập thể lãnh đạo, e.g. `ỦY BAN NHÂN DÂN`): its name as box 7a
   * prints it after "TM." (thay mặt); null for an agency led by one head.
   */
  @Column({ type: 'varchar', nullable: true })
  collectiveBody!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
