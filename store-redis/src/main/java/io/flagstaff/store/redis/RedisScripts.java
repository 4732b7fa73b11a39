package io.flagstaff.store.redis;

import java.util.List;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;

/**
 * The Lua scripts that make writes and reads atomic on the Redis server. Each is sent
 * once per connection's server ({@code SCRIPT LOAD}) and then run by its SHA-1
 * ({@code EVALSHA}); a server that forgot it (restarted, {@code SCRIPT FLUSH}) answers
 * {@code NOSCRIPT}, and it is loaded again. Thread-safe.
 */
final class RedisScripts {

	/**
	 * Compare-and-set of one hash field. KEYS: hash, revision, audit, audit of the key.
	 * ARGV: field, expected version ({@code *} for any), new value ({@code ""} deletes),
	 * audit entry, channel, audit capacity, expected revision ({@code *} for any), kind
	 * of the field ({@code f} flag, {@code s} segment). Publishes
	 * {@code <revision> <kind> <field>} on the channel. Returns {1, revision, existed}
	 * when stored, {0, actual version} (-1: the stored value is unreadable) when the
	 * version did not match, or {2, actual revision} when the version matched but the
	 * revision did not; nothing is written in the last two cases.
	 */
	static final RedisScripts COMPARE_AND_SET = new RedisScripts("""
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
			redis.call('PUBLISH', ARGV[5], revision .. ' ' .. ARGV[8] .. ' ' .. ARGV[1])
			local existed = 0
			if current then existed = 1 end
			return {1, revision, existed}
			""");

	/**
	 * Reads everything at once. KEYS: revision, flags hash, segments hash. Returns
	 * {revision, flags as field/value list, segments as field/value list}.
	 */
	static final RedisScripts LOAD = new RedisScripts("""
			return {redis.call('GET', KEYS[1]) or '0', redis.call('HGETALL', KEYS[2]), redis.call('HGETALL', KEYS[3])}
			""");

	/**
	 * Reads some flags and the revision at once. KEYS: revision, flags hash. ARGV: the
	 * flag keys. Returns {revision, values in ARGV order (false where absent)}.
	 */
	static final RedisScripts LOAD_FEATURES = new RedisScripts("""
			return {redis.call('GET', KEYS[1]) or '0', redis.call('HMGET', KEYS[2], unpack(ARGV))}
			""");

	private final String text;

	private volatile @Nullable String sha;

	private RedisScripts(String text) {
		this.text = text;
	}

	/**
	 * Runs the script by its SHA-1, loading it first when the server does not know it.
	 * @param commands the connection
	 * @param keys the keys
	 * @param arguments the arguments
	 * @return the script's answer
	 */
	List<Object> run(RedisCommands<String, String> commands, String[] keys, String... arguments) {
		String known = this.sha;
		if (known != null) {
			try {
				return commands.evalsha(known, ScriptOutputType.MULTI, keys, arguments);
			}
			catch (RedisNoScriptException ex) {
				// the server forgot it: load it again
			}
		}
		String loaded = commands.scriptLoad(this.text);
		this.sha = loaded;
		return commands.evalsha(loaded, ScriptOutputType.MULTI, keys, arguments);
	}

}
