export const DELIVERY_CHANNELS = ['webhook', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export interface DeliveryJobData {
  readonly notificationId: string;
  readonly channel: DeliveryChannel;
}

/** One job per notification and channel: a re-enqueue while it still exists is a no-op. */
export function deliveryJobId(notificationId: string, channel: DeliveryChannel): string {
  return `${notificationId}_${channel}`;
}
