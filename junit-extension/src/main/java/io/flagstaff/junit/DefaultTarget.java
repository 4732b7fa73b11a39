package io.flagstaff.junit;

import java.util.Optional;

import io.flagstaff.Flagstaff;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The default {@code Flagstaff} of a test run, created once by the
 * {@link FlagstaffProvider} named by the configuration parameter
 * {@value FlagstaffExtension#DEFAULT_PROVIDER_PROPERTY} and kept in the root store (which
 * closes it when the run ends).
 */
final class DefaultTarget {

	private DefaultTarget() {
	}

	static Optional<Flagstaff> find(ExtensionContext context) {
		Optional<String> providerName = context.getConfigurationParameter(FlagstaffExtension.DEFAULT_PROVIDER_PROPERTY)
			.map(String::trim)
			.filter((name) -> !name.isEmpty());
		return providerName.map((name) -> context.getRoot()
			.getStore(FlagstaffExtension.NAMESPACE)
			.computeIfAbsent(DefaultTarget.class.getName() + ":" + name, (key) -> create(name), Flagstaff.class));
	}

	private static Flagstaff create(String providerName) {
		String property = FlagstaffExtension.DEFAULT_PROVIDER_PROPERTY;
		Class<?> type = ReflectionSupport.tryToLoadClass(providerName)
			.getOrThrow(
					(ex) -> new ExtensionConfigurationException("Configuration parameter " + property + " names class "
							+ providerName + ", which is not on the test class path: fix the class name", ex));
		if (!FlagstaffProvider.class.isAssignableFrom(type)) {
			throw new ExtensionConfigurationException("Configuration parameter " + property + " names " + providerName
					+ ", which does not implement " + FlagstaffProvider.class.getName());
		}
		FlagstaffProvider provider = (FlagstaffProvider) ReflectionSupport.newInstance(type);
		Flagstaff flagstaff = provider.create();
		if (flagstaff == null) {
			throw new ExtensionConfigurationException(providerName + ".create() returned null: return a Flagstaff");
		}
		return flagstaff;
	}

}
