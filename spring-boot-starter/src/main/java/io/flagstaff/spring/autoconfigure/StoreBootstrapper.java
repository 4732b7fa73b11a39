package io.flagstaff.spring.autoconfigure;

import io.flagstaff.model.FeatureSet;
import io.flagstaff.store.StoreBootstrap;
import io.flagstaff.store.WritableFeatureStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.ResourceLoader;

/**
 * Bootstraps every writable store bean from {@code flagstaff.store.bootstrap-location} as
 * it is created, before anything (the {@code Flagstaff}, and so any request) can use it:
 * the application is ready only once its store holds the document's flags. A store that
 * fails to bootstrap fails startup.
 */
final class StoreBootstrapper implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(StoreBootstrapper.class);

	private final ObjectProvider<FlagstaffProperties> properties;

	private final ResourceLoader loader;

	StoreBootstrapper(ObjectProvider<FlagstaffProperties> properties, ResourceLoader loader) {
		this.properties = properties;
		this.loader = loader;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof WritableFeatureStore store) {
			FlagstaffProperties.Store settings = this.properties.getObject().getStore();
			String location = settings.getBootstrapLocation();
			if (location != null && !location.isBlank()) {
				bootstrap(store, location, settings.getBootstrapMode());
			}
		}
		return bean;
	}

	private void bootstrap(WritableFeatureStore store, String location, StoreBootstrap.Mode mode) {
		FeatureSet document = (mode != StoreBootstrap.Mode.NONE) ? FeatureStoreConfigurations.read(
				FeatureStoreConfigurations.existing(this.loader, "flagstaff.store.bootstrap-location", location),
				location) : FeatureSet.EMPTY;
		StoreBootstrap.Result result = StoreBootstrap.run(store, document, mode);
		logger.info("Flagstaff bootstrapped " + store + " from " + location + ": " + result);
	}

}
