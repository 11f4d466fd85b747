/** BullMQ queues of the notifier (the Redis key prefix is set per deployment, and per test file). */
export const ALERT_QUEUE = 'alerts';
export const DELIVERY_QUEUE = 'alert-deliveries';
export const SWEEP_QUEUE = 'alert-sweeps';
