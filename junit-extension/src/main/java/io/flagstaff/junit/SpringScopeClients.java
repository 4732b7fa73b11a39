package io.flagstaff.junit;

import io.flagstaff.Flagstaff;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client side of the scope carrier, registered only by {@link SpringTestSupport}:
 * makes the HTTP clients of a test's application context send the
 * {@value FlagstaffExtension#SCOPE_HEADER} header with the identifier of the override
 * scope the calling thread is in (none outside a scope). Covers
 * {@code RestClient.Builder} and {@code WebClient.Builder} beans (so every client built
 * from them), {@code RestTemplate}, {@code TestRestTemplate}, {@code RestTestClient} and
 * {@code WebTestClient} beans; each only when its library is present.
 */
final class SpringScopeClients implements BeanPostProcessor {

	private final ObjectProvider<Flagstaff> flagstaffs;

	private final boolean web;

	private final boolean restTestClient;

	private final boolean testRestTemplate;

	private final boolean webClient;

	private final boolean webTestClient;

	SpringScopeClients(ObjectProvider<Flagstaff> flagstaffs, @Nullable ClassLoader loader) {
		this.flagstaffs = flagstaffs;
		this.web = ClassUtils.isPresent("org.springframework.web.client.RestClient", loader);
		this.restTestClient = this.web
				&& ClassUtils.isPresent("org.springframework.test.web.servlet.client.RestTestClient", loader);
		this.testRestTemplate = this.web
				&& ClassUtils.isPresent("org.springframework.boot.resttestclient.TestRestTemplate", loader);
		this.webClient = ClassUtils.isPresent("org.springframework.web.reactive.function.client.WebClient", loader)
				&& ClassUtils.isPresent("reactor.core.publisher.Mono", loader);
		this.webTestClient = this.webClient
				&& ClassUtils.isPresent("org.springframework.test.web.reactive.server.WebTestClient", loader);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Object result = bean;
		if (this.web) {
			result = Blocking.carry(result, this.flagstaffs, this.restTestClient, this.testRestTemplate);
		}
		if (this.webClient) {
			result = Reactive.carry(result, this.flagstaffs, this.webTestClient);
		}
		return result;
	}

	/** The clients of spring-web (and spring-test, Spring Boot's test client). */
	private static final class Blocking {

		static Object carry(Object bean, ObjectProvider<Flagstaff> flagstaffs, boolean restTestClient,
				boolean testRestTemplate) {
			ClientHttpRequestInterceptor interceptor = (request, body, execution) -> {
				String id = SpringTestSupport.currentScopeId(flagstaffs);
				if (id != null) {
					request.getHeaders().set(FlagstaffExtension.SCOPE_HEADER, id);
				}
				return execution.execute(request, body);
			};
			if (bean instanceof RestClient.Builder builder) {
				builder.requestInterceptor(interceptor);
			}
			else if (bean instanceof RestTemplate template) {
				template.getInterceptors().add(interceptor);
			}
			else if (restTestClient && bean instanceof RestTestClient client) {
				return client.mutate().requestInterceptor(interceptor).build();
			}
			else if (testRestTemplate && bean instanceof TestRestTemplate template) {
				template.getRestTemplate().getInterceptors().add(interceptor);
			}
			return bean;
		}

	}

	/** The clients of spring-webflux (and spring-test's {@code WebTestClient}). */
	private static final class Reactive {

		static Object carry(Object bean, ObjectProvider<Flagstaff> flagstaffs, boolean webTestClient) {
			ExchangeFilterFunction filter = (request, next) -> {
				String id = SpringTestSupport.currentScopeId(flagstaffs);
				return next.exchange((id != null) ? ClientRequest.from(request)
					.headers((headers) -> headers.set(FlagstaffExtension.SCOPE_HEADER, id))
					.build() : request);
			};
			if (bean instanceof WebClient.Builder builder) {
				builder.filter(filter);
			}
			else if (webTestClient && bean instanceof WebTestClient client) {
				return client.mutate().filter(filter).build();
			}
			return bean;
		}

	}

}
