import { Injectable } from '@nestjs/common';
import { CertificateExpiryNotice, CertificateExpiryNotices } from '../certificates';
import { NotificationRepository } from './notification.repository';

/** The notifications side of CertificateExpiryNotices (certificates): one inbox line per person and threshold. */
@Injectable()
export class InboxCertificateExpiryNotices extends CertificateExpiryNotices {
  constructor(private readonly notifications: NotificationRepository) {
    super();
  }

  tell(notices: CertificateExpiryNotice[]): Promise<number> {
    return this.notifications.insertNew(notices.map((notice) => ({ ...notice, kind: 'certificate_expiring' })));
  }
}
