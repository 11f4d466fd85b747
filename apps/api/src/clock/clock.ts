// Kept only for apps/api/src/commands (restructured in parallel): import Clock from @ehcp/config.
export { Clock } from '@ehcp/config';
