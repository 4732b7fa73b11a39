package io.flagstaff.spring.aop;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs guarded calls in a class loader whose class path lacks Reactor and Reactive
 * Streams, as in an application without WebFlux.
 */
class ReactorAbsentTests {

	@Test
	void guardsPlainAndCompletionStageMethodsWithoutReactor() throws Exception {
		try (URLClassLoader loader = new URLClassLoader(classPathWithoutReactor(),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("reactor.core.publisher.Mono"));
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("org.reactivestreams.Publisher"));
			@SuppressWarnings("unchecked")
			Supplier<List<String>> calls = (Supplier<List<String>>) loader.loadClass(ReactorFreeCalls.class.getName())
				.getConstructor()
				.newInstance();
			assertThat(calls.get()).containsExactly("plain new:cart-1", "stage new:cart-2", "fallback classic:cart-3",
					"stage fallback classic:cart-4", "recorded 2");
		}
	}

	private static URL[] classPathWithoutReactor() throws Exception {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			String name = new File(entry).getName();
			if (name.startsWith("reactor-") || name.startsWith("reactive-streams")) {
				continue;
			}
			urls.add(new File(entry).toURI().toURL());
		}
		return urls.toArray(URL[]::new);
	}

}
