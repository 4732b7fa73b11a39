package io.flagstaff.spring.openfeature;

import java.util.Objects;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.flagstaff.openfeature.FlagstaffProvider;
import org.jspecify.annotations.Nullable;

/**
 * The provider's registration with an {@link OpenFeatureAPI}: registered (and ready) when
 * created, as the default provider or for one domain, and replaced by a no-op provider
 * when closed with the application context, if it is still the registered one.
 * Thread-safe.
 */
public final class OpenFeatureRegistration implements AutoCloseable {

	private final OpenFeatureAPI api;

	private final @Nullable String domain;

	private final FlagstaffProvider provider;

	/**
	 * Registers a provider and waits until it is ready.
	 * @param api the API
	 * @param domain the domain, or {@code null} (or blank) for the default provider
	 * @param provider the provider
	 */
	public OpenFeatureRegistration(OpenFeatureAPI api, @Nullable String domain, FlagstaffProvider provider) {
		this.api = Objects.requireNonNull(api, "api");
		this.domain = (domain != null && !domain.isBlank()) ? domain : null;
		this.provider = Objects.requireNonNull(provider, "provider");
		if (this.domain != null) {
			api.setProviderAndWait(this.domain, provider);
		}
		else {
			api.setProviderAndWait(provider);
		}
	}

	/**
	 * Returns a client bound to the registration's domain (or the default provider).
	 * @return the client
	 */
	public Client client() {
		return (this.domain != null) ? this.api.getClient(this.domain) : this.api.getClient();
	}

	/**
	 * Returns the domain.
	 * @return the domain, or {@code null} for the default provider
	 */
	public @Nullable String domain() {
		return this.domain;
	}

	/**
	 * Replaces the provider by a no-op provider, unless another one replaced it already.
	 */
	@Override
	public void close() {
		if (this.domain != null) {
			if (this.api.getProvider(this.domain) == this.provider) {
				this.api.setProvider(this.domain, new NoOpProvider());
			}
		}
		else if (this.api.getProvider() == this.provider) {
			this.api.setProvider(new NoOpProvider());
		}
	}

}
