package io.flagstaff.spring.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.flagstaff.spring.FlagstaffStartupException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Tells why no store was configured: {@code flagstaff.store.type} names no store type, or
 * names one whose module is not on the class path.
 */
final class UnavailableStore {

	private UnavailableStore() {
	}

	static FlagstaffStartupException explain(Environment environment, @Nullable ClassLoader classLoader) {
		String type = Binder.get(environment).bind("flagstaff.store.type", String.class).orElse("file");
		String allowed = Arrays.stream(FlagstaffProperties.StoreType.values())
			.map(UnavailableStore::propertyValue)
			.collect(Collectors.joining(", "));
		FlagstaffProperties.StoreType known = Arrays.stream(FlagstaffProperties.StoreType.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(type.trim().replace('-', '_')))
			.findFirst()
			.orElse(null);
		if (known == null) {
			return new FlagstaffStartupException("flagstaff.store.type=" + type + " is not a store type",
					"Set flagstaff.store.type to one of: " + allowed
							+ " (PostgreSQL, MariaDB, H2 and other databases are 'jdbc', with flagstaff-store-jdbc and "
							+ "spring.datasource.*)");
		}
		String module = switch (known) {
			case JDBC -> module("io.flagstaff.store.jdbc.JdbcFeatureStore", "flagstaff-store-jdbc", classLoader);
			case REDIS -> module("io.flagstaff.store.redis.RedisFeatureStore", "flagstaff-store-redis", classLoader);
			default -> null;
		};
		if (module != null) {
			return new FlagstaffStartupException(
					"flagstaff.store.type=" + propertyValue(known) + " needs io.flagstaff:" + module
							+ ", which is not on the class path",
					"Add the dependency io.flagstaff:" + module
							+ " (its version is managed by io.flagstaff:flagstaff-bom), or choose another "
							+ "flagstaff.store.type: " + allowed);
		}
		return new FlagstaffStartupException(
				"No FeatureStore was configured for flagstaff.store.type=" + propertyValue(known),
				"Declare a FeatureStore bean, or check the conditions report (--debug) for why the "
						+ propertyValue(known) + " store backed off");
	}

	private static @Nullable String module(String className, String artifact, @Nullable ClassLoader classLoader) {
		return ClassUtils.isPresent(className, classLoader) ? null : artifact;
	}

	private static String propertyValue(FlagstaffProperties.StoreType type) {
		return type.name().toLowerCase(Locale.ROOT);
	}

}
