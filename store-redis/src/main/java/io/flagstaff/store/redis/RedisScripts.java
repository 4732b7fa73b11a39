package io.flagstaff.store.redis;

/**
 * The Lua scripts that make writes and reads atomic on the Redis server.
 */
final class RedisScripts {

	/**
	 * Compare-and-set of one hash field. KEYS: hash, revision, audit, audit of the key.
	 * ARGV: field, expected version ({@code *} for any), new value ({@code ""} deletes),
	 * audit entry, channel, audit capacity, expected revision ({@code *} for any).
	 * Returns {1, revision, existed} when stored, {0, actual version} (-1: the stored
	 * value is unreadable) when the version did not match, or {2, actual revision} when
	 * the version matched but the revision did not; nothing is written in the last two
	 * cases.
	 */
	static final String COMPARE_AND_SET = """
			local current = redis.call('HGET', KEYS[1], ARGV[1])
			local version = 0
			if current then
			  local ok, decoded = pcall(cjson.decode, current)
			  if ok and type(decoded) == 'table' and type(decoded['version']) == 'number' then
			    version = decoded['version']
			  else
			    version = -1
			  end
			end
			if ARGV[2] ~= '*' and version ~= tonumber(ARGV[2]) then
			  return {0, version}
			end
			if ARGV[7] ~= '*' then
			  local stored = tonumber(redis.call('GET', KEYS[2]) or '0')
			  if stored ~= tonumber(ARGV[7]) then
			    return {2, stored}
			  end
			end
			if ARGV[3] == '' then
			  redis.call('HDEL', KEYS[1], ARGV[1])
			else
			  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
			end
			local revision = redis.call('INCR', KEYS[2])
			local capacity = tonumber(ARGV[6])
			redis.call('LPUSH', KEYS[3], ARGV[4])
			redis.call('LTRIM', KEYS[3], 0, capacity - 1)
			redis.call('LPUSH', KEYS[4], ARGV[4])
			redis.call('LTRIM', KEYS[4], 0, capacity - 1)
			redis.call('PUBLISH', ARGV[5], revision)
			local existed = 0
			if current then existed = 1 end
			return {1, revision, existed}
			""";

	/**
	 * Reads everything at once. KEYS: revision, flags hash, segments hash. Returns
	 * {revision, flags as field/value list, segments as field/value list}.
	 */
	static final String LOAD = """
			return {redis.call('GET', KEYS[1]) or '0', redis.call('HGETALL', KEYS[2]), redis.call('HGETALL', KEYS[3])}
			""";

	private RedisScripts() {
	}

}
