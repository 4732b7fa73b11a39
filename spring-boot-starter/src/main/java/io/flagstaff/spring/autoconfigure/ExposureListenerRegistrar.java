package io.flagstaff.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.flagstaff.ExposureListener;
import io.flagstaff.experiments.ExposureQueue;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Adds every {@link ExposureListener} bean (except exposure queues themselves) to the
 * application's unique {@link ExposureQueue} once all singletons are created, in
 * {@code @Order} order, and removes them when the context closes. Exposures delivered
 * before that reach no listener.
 */
public final class ExposureListenerRegistrar implements SmartInitializingSingleton, DisposableBean {

	private final ObjectProvider<ExposureQueue> queue;

	private final ObjectProvider<ExposureListener> listeners;

	private final List<AutoCloseable> registrations = new ArrayList<>();

	ExposureListenerRegistrar(ObjectProvider<ExposureQueue> queue, ObjectProvider<ExposureListener> listeners) {
		this.queue = queue;
		this.listeners = listeners;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ExposureQueue exposures = this.queue.getIfUnique();
		if (exposures == null) {
			return;
		}
		this.listeners.orderedStream()
			.filter((listener) -> !(listener instanceof ExposureQueue))
			.forEach((listener) -> this.registrations.add(exposures.addListener(listener)));
	}

	@Override
	public void destroy() throws Exception {
		for (AutoCloseable registration : this.registrations) {
			registration.close();
		}
		this.registrations.clear();
	}

}
