export {
  RedisModule,
  RedisReadinessCheck,
  REDIS_CONNECTION,
  createRedisConnection,
} from './redis/redis.module';
