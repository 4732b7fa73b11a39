package io.flagstaff.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Checks that a loopback service a store test needs is up: under {@code CI=true} a
 * missing service fails the test, elsewhere it skips it.
 */
public final class TestServices {

	private TestServices() {
	}

	/**
	 * Returns whether the build runs in CI.
	 * @return whether {@code CI=true}
	 */
	public static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/**
	 * Requires a service listening on a loopback port.
	 * @param name the service, for the message
	 * @param port the port on 127.0.0.1
	 */
	public static void require(String name, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
		}
		catch (IOException ex) {
			String message = name + " is not reachable on 127.0.0.1:" + port + " (" + ex.getMessage()
					+ "); start it (see .ci/run) to run this test";
			if (inCi()) {
				fail(message);
			}
			Assumptions.abort(message);
		}
	}

}
