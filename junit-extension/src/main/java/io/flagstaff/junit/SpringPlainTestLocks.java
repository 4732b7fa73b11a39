package io.flagstaff.junit;

import java.util.ArrayList;
import java.util.List;

import io.flagstaff.Flagstaff;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Protects Spring tests that force nothing, with no configuration (registered in
 * {@code META-INF/spring.factories}): each test method holds a shared lease of every
 * {@code Flagstaff} bean of its application context, so it never runs while a test with
 * {@link GlobalOverrides global} states forces that {@code Flagstaff}. Scoped states are
 * invisible to such tests anyway. When the {@link FlagstaffExtension} also runs the test,
 * its own lease takes over (the shared lease yields to an exclusive one on the same
 * thread).
 */
final class SpringPlainTestLocks implements TestExecutionListener, Ordered {

	private static final String LEASES = SpringPlainTestLocks.class.getName() + ".leases";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) throws InterruptedException {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		List<AutoCloseable> leases = new ArrayList<>();
		try {
			for (Flagstaff flagstaff : context.getBeanProvider(Flagstaff.class)) {
				leases.add(EvaluatorLocks.TABLE.acquireYielding(flagstaff));
			}
		}
		finally {
			testContext.setAttribute(LEASES, leases);
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) throws Exception {
		Object leases = testContext.removeAttribute(LEASES);
		if (leases instanceof List<?> held) {
			for (Object lease : held) {
				((AutoCloseable) lease).close();
			}
		}
	}

}
