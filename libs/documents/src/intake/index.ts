// Area "intake": văn bản chờ vào sổ — what the ports module and the library's entry point may use.
export { IntakeModule } from './intake.module';
export * from './intake-item.entity';
export * from './intake-input';
export * from './intake-proposal';
export * from './header-recognition';
export * from './receipt-verification';
export * from './intake-desk.service';
export * from './intake-query.service';
export { IntakeReceiptService } from './intake-receipt.service';
export { IntakeRepository } from './intake.repository';
export { IntakeScanArrivals } from './intake-scan-arrivals';
export * from './mail/mail-intake.service';
export * from './mail/intake-mailbox.service';
export type { IntakeMailboxSettings } from './mail/intake-mailbox.repository';
