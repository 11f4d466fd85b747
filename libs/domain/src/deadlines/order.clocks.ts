import type { EhcpCase } from '../ehcp-case/ehcp-case.state';
import type { DeadlineClock } from './deadline-clock';
import type { DeadlineOptions } from './deadline.types';

/** (2nd ed.) reg 44(2), reg 45: the `order_*` deadlines an order or a concession opens. */
export function orderClocks(_state: EhcpCase, _options: DeadlineOptions): DeadlineClock[] {
  return []; // SKELETON: filled in by the appeals work
}
