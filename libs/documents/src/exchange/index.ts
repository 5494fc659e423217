// Area "exchange": edXML packages and status messages with agencies outside the installation.
export { ExchangeModule } from './exchange.module';
export * from './exchange-receiver.service';
export * from './exchange-status.service';
export { ExchangeUpdateService, type ExchangeCorrection, type ExchangeCorrectionInput } from './exchange-update.service';
export { ExchangeRepository } from './exchange.repository';
export * from './exchange-transport';
export { documentIdOf, proposalOf } from './edxml-mapping';
export { AxisAccountService, AxisDirectorySyncService, AxisReconcileService, type AxisAccountInput, type AxisAccountSettings, type AxisDiscrepancy, type AxisReconciliation } from './axis';
