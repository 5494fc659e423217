// The national document axis (trục liên thông văn bản quốc gia) behind the ExchangeTransport port.
import { InstallationTransport } from '../installation-transport';
import { AxisAccountRepository } from './axis-account.repository';
import { AxisAccountService } from './axis-account.service';
import { AxisConnection } from './axis-connection';
import { AxisDirectorySyncService } from './axis-directory-sync.service';
import { AxisPollService } from './axis-poll.service';
import { AxisReconcileService } from './axis-reconcile.service';
import { AxisTransport } from './axis-transport';
import { AxisRepository } from './axis.repository';
import { RoutingTransport } from './routing-transport';

export { AxisAccountService, AxisDirectorySyncService, AxisReconcileService, RoutingTransport };
export type { AxisAccountInput } from './axis-account.service';
export type { AxisAccountSettings } from './axis-account.repository';
export type { AxisReconciliation } from './axis-reconcile.service';
export type { AxisDiscrepancy } from './axis.repository';

/** What the exchange module adds for the axis; `RoutingTransport` is bound to the ExchangeTransport port there. */
export const AXIS_PROVIDERS = [InstallationTransport, AxisAccountRepository, AxisAccountService, AxisConnection, AxisRepository, AxisTransport, RoutingTransport, AxisPollService, AxisReconcileService, AxisDirectorySyncService];
export const AXIS_EXPORTS = [AxisReconcileService, AxisDirectorySyncService, AxisAccountService];
