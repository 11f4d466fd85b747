/** BullMQ queues of the notifier (their Redis key prefix is ALERT_QUEUE_PREFIX; each test file sets its own). */
export const ALERT_QUEUE = 'alerts';
export const DELIVERY_QUEUE = 'alert-deliveries';
export const SWEEP_QUEUE = 'alert-sweeps';
