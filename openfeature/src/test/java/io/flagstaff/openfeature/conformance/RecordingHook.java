package io.flagstaff.openfeature.conformance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;

/**
 * A hook that remembers which stages ran, in which order (shared with other hooks of the
 * scenario), and with which evaluation details.
 */
final class RecordingHook implements Hook<Object> {

	private final String name;

	private final List<String> journal;

	final Map<String, FlagEvaluationDetails<Object>> details = new ConcurrentHashMap<>();

	RecordingHook(String name, List<String> journal) {
		this.name = name;
		this.journal = journal;
	}

	RecordingHook() {
		this("hook", new CopyOnWriteArrayList<>());
	}

	boolean ran(String stage) {
		return this.journal.contains(this.name + ":" + stage);
	}

	@Override
	public Optional<EvaluationContext> before(HookContext<Object> ctx, Map<String, Object> hints) {
		this.journal.add(this.name + ":before");
		return Optional.empty();
	}

	@Override
	public void after(HookContext<Object> ctx, FlagEvaluationDetails<Object> details, Map<String, Object> hints) {
		this.journal.add(this.name + ":after");
		this.details.put("after", details);
	}

	@Override
	public void error(HookContext<Object> ctx, Exception error, Map<String, Object> hints) {
		this.journal.add(this.name + ":error");
	}

	@Override
	public void finallyAfter(HookContext<Object> ctx, FlagEvaluationDetails<Object> details,
			Map<String, Object> hints) {
		this.journal.add(this.name + ":finally");
		this.details.put("finally", details);
	}

}
