package io.flagstaff.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.FeatureSnapshot;
import io.flagstaff.OverrideScope;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The open {@link OverrideScope override scopes} of one {@link DefaultFlagstaff}, and the
 * scope each thread entered. While none is open, {@link #active} is false and evaluation
 * never looks here. Thread-safe.
 */
final class OverrideScopes {

	private final Map<String, Scope> open = new ConcurrentHashMap<>();

	private final ThreadLocal<@Nullable Scope> entered = new ThreadLocal<>();

	private final Supplier<CompiledSnapshot> base;

	private final Supplier<Map<String, String>> global;

	private final EvaluationRuntime runtime;

	/** Whether any scope is open: the one field the evaluation path reads. */
	volatile boolean active;

	/**
	 * Creates the scopes of one evaluator.
	 * @param base the evaluator's current snapshot (store content and global overrides)
	 * @param global the evaluator's global overrides
	 * @param runtime what scope snapshots are compiled with
	 */
	OverrideScopes(Supplier<CompiledSnapshot> base, Supplier<Map<String, String>> global, EvaluationRuntime runtime) {
		this.base = base;
		this.global = global;
		this.runtime = runtime;
	}

	/**
	 * Returns the snapshot the calling thread evaluates against.
	 * @param current the evaluator's current snapshot
	 * @return the snapshot of the scope this thread entered, or {@code current}
	 */
	CompiledSnapshot serving(CompiledSnapshot current) {
		Scope scope = this.entered.get();
		return (scope != null && scope.open) ? scope.compiledFor(current) : current;
	}

	synchronized OverrideScope open() {
		Scope scope = new Scope(UUID.randomUUID().toString());
		this.open.put(scope.id, scope);
		this.active = true;
		return scope;
	}

	@Nullable OverrideScope find(String id) {
		return this.active ? this.open.get(Objects.requireNonNull(id, "id")) : null;
	}

	@Nullable OverrideScope current() {
		if (!this.active) {
			return null;
		}
		Scope scope = this.entered.get();
		return (scope != null && scope.open) ? scope : null;
	}

	private synchronized void closed(Scope scope) {
		this.open.remove(scope.id);
		this.active = !this.open.isEmpty();
	}

	/**
	 * Checks that a flag can be forced to a value ({@code on}, {@code off} or a variant).
	 * @param snapshot the snapshot that must know the flag
	 * @param key the flag key
	 * @param value the forced value
	 * @throws FeatureNotFoundException when no flag has the key
	 * @throws IllegalArgumentException when the flag does not define the variant
	 */
	static void check(FeatureSnapshot snapshot, String key, String value) {
		FeatureDefinition definition = snapshot.definition(key);
		if (definition == null) {
			throw new FeatureNotFoundException(key, "Cannot override flag '" + key + "': no flag has that key"
					+ DidYouMean.hint(key, snapshot.featureKeys()));
		}
		if (!value.equals("on") && !value.equals("off")
				&& definition.variants().stream().noneMatch((variant) -> variant.name().equals(value))) {
			throw new IllegalArgumentException("Cannot force flag '" + key + "' to variant '" + value + "': it defines "
					+ definition.variants().stream().map(VariantDefinition::name).toList());
		}
	}

	/** A compiled scope snapshot and the snapshot it was compiled over. */
	private record Compiled(CompiledSnapshot base, CompiledSnapshot snapshot) {
	}

	private final class Scope implements OverrideScope {

		private final String id;

		private volatile boolean open = true;

		private volatile Map<String, String> forced = Map.of();

		private volatile @Nullable Compiled compiled;

		Scope(String id) {
			this.id = id;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public boolean isOpen() {
			return this.open;
		}

		@Override
		public void force(String key, boolean enabled) {
			set(key, enabled ? "on" : "off");
		}

		@Override
		public void forceVariant(String key, String variant) {
			set(key, Objects.requireNonNull(variant, "variant"));
		}

		private synchronized void set(String key, String value) {
			assertOpen();
			CompiledSnapshot current = OverrideScopes.this.base.get();
			check(current, key, value);
			Map<String, String> next = new TreeMap<>(this.forced);
			next.put(key, value);
			apply(next, current);
		}

		@Override
		public synchronized void clear(String key) {
			if (this.forced.containsKey(key)) {
				Map<String, String> next = new TreeMap<>(this.forced);
				next.remove(key);
				apply(next, OverrideScopes.this.base.get());
			}
		}

		@Override
		public synchronized void clearAll() {
			apply(Map.of(), OverrideScopes.this.base.get());
		}

		private void apply(Map<String, String> next, CompiledSnapshot current) {
			this.forced = Collections.unmodifiableMap(next);
			this.compiled = compile(current);
		}

		@Override
		public Map<String, String> current() {
			return this.forced;
		}

		@Override
		public FeatureSnapshot snapshot() {
			CompiledSnapshot current = OverrideScopes.this.base.get();
			return this.open ? compiledFor(current) : current;
		}

		CompiledSnapshot compiledFor(CompiledSnapshot current) {
			Compiled last = this.compiled;
			if (last != null && last.base() == current) {
				return last.snapshot();
			}
			synchronized (this) {
				last = this.compiled;
				if (last == null || last.base() != current) {
					last = compile(current);
					this.compiled = last;
				}
				return last.snapshot();
			}
		}

		private Compiled compile(CompiledSnapshot current) {
			if (this.forced.isEmpty()) {
				return new Compiled(current, current);
			}
			Map<String, String> overrides = new TreeMap<>(OverrideScopes.this.global.get());
			overrides.putAll(this.forced);
			return new Compiled(current,
					SnapshotCompiler.compile(current, current.featureSet(), overrides, current.version(),
							current.storeRevision(), OverrideScopes.this.runtime, "override scope " + this.id));
		}

		@Override
		public Entered enter() {
			assertOpen();
			Thread thread = Thread.currentThread();
			Scope previous = OverrideScopes.this.entered.get();
			OverrideScopes.this.entered.set(this);
			return new Entered() {

				private boolean left;

				@Override
				public void close() {
					if (!this.left && Thread.currentThread() == thread) {
						this.left = true;
						if (previous != null) {
							OverrideScopes.this.entered.set(previous);
						}
						else {
							OverrideScopes.this.entered.remove();
						}
					}
				}

			};
		}

		@Override
		public void close() {
			if (this.open) {
				this.open = false;
				closed(this);
			}
		}

		private void assertOpen() {
			if (!this.open) {
				throw new IllegalStateException("Override scope " + this.id + " is closed: open a new one");
			}
		}

		@Override
		public String toString() {
			return "OverrideScope[" + this.id + ", " + this.forced + "]";
		}

	}

}
