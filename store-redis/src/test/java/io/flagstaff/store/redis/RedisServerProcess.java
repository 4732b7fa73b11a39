package io.flagstaff.store.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.flagstaff.store.TestServices;

import static org.awaitility.Awaitility.await;

/**
 * A redis-server this test starts on its own loopback port (no persistence except an
 * explicit {@code SHUTDOWN SAVE} into its own folder), so it can be stopped and started
 * mid-run.
 */
final class RedisServerProcess implements AutoCloseable {

	private final int port;

	private final Path folder;

	private Process process;

	RedisServerProcess(Path folder) throws IOException {
		this.folder = folder;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			this.port = socket.getLocalPort();
		}
	}

	static void requireBinary() {
		boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.stream()
			.anyMatch((dir) -> Path.of(dir, "redis-server").toFile().canExecute());
		if (!found) {
			String message = "redis-server is not on the PATH; install Redis to run the restart tests";
			if (TestServices.inCi()) {
				org.assertj.core.api.Assertions.fail(message);
			}
			org.junit.jupiter.api.Assumptions.abort(message);
		}
	}

	String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	void start() throws IOException {
		this.process = new ProcessBuilder("redis-server", "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.folder.toString(), "--dbfilename", "dump.rdb")
			.redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("redis.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(10)).until(this::accepting);
	}

	/**
	 * Starts the server on a unix socket only, loads the saved data, runs a command with
	 * redis-cli, saves and stops: a change the TCP clients cannot be told about.
	 */
	void changeOffline(String... command) throws Exception {
		Path socket = this.folder.resolve("offline.sock");
		Process offline = new ProcessBuilder("redis-server", "--port", "0", "--unixsocket", socket.toString(), "--save",
				"", "--appendonly", "no", "--dir", this.folder.toString(), "--dbfilename", "dump.rdb")
			.redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("offline.log").toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> socket.toFile().exists() && cli(socket, "PING").contains("PONG"));
			cli(socket, command);
			cli(socket, "SHUTDOWN", "SAVE");
			offline.waitFor();
		}
		finally {
			offline.destroy();
		}
	}

	private static String cli(Path socket, String... command) throws Exception {
		List<String> arguments = new java.util.ArrayList<>(List.of("redis-cli", "-s", socket.toString()));
		arguments.addAll(List.of(command));
		Process cli = new ProcessBuilder(arguments).redirectErrorStream(true).start();
		String output = new String(cli.getInputStream().readAllBytes());
		cli.waitFor();
		return output;
	}

	/**
	 * Saves the data into the folder and stops the server.
	 */
	void stop() throws Exception {
		List<String> arguments = List.of("redis-cli", "-p", Integer.toString(this.port), "SHUTDOWN", "SAVE");
		new ProcessBuilder(arguments).redirectErrorStream(true).start().waitFor();
		this.process.waitFor();
	}

	/**
	 * Stops the server without saving and starts it again with no data, as a Redis
	 * without persistence comes back after a crash.
	 */
	void restartEmpty() throws Exception {
		List<String> arguments = List.of("redis-cli", "-p", Integer.toString(this.port), "SHUTDOWN", "NOSAVE");
		new ProcessBuilder(arguments).redirectErrorStream(true).start().waitFor();
		this.process.waitFor();
		java.nio.file.Files.deleteIfExists(this.folder.resolve("dump.rdb"));
		start();
	}

	boolean accepting() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
		}
	}

}
