import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where a caseworker's alert e-mails go when their id (the JWT `sub`) is not itself an address:
 * maintained by the council's administrators (SQL or their directory sync), read by the notifier.
 */
@Entity('caseworker_email')
export class CaseworkerEmailEntity {
  @PrimaryColumn('text', { name: 'caseworker_id' })
  caseworkerId!: string;

  @Column('text')
  email!: string;
}
