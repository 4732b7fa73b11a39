package io.flagstaff.hygiene;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link HygieneInspector} found: flags past their expiry date, unused flags,
 * flags that serve everyone the same and could be removed, flags without an owner,
 * prerequisites naming missing flags. Immutable.
 *
 * @param generatedAt when the report was made
 * @param featureCount how many flags were inspected
 * @param findings what was found, in document order of the flags
 */
public record HygieneReport(Instant generatedAt, int featureCount, List<HygieneFinding> findings) {

	public HygieneReport {
		Objects.requireNonNull(generatedAt, "generatedAt");
		findings = List.copyOf(findings);
	}

	/**
	 * Returns the findings of one kind.
	 * @param kind the kind
	 * @return the findings, possibly empty
	 */
	public List<HygieneFinding> findings(HygieneFinding.Kind kind) {
		return this.findings.stream().filter((finding) -> finding.kind() == kind).toList();
	}

	/**
	 * Returns whether some flag is past its expiry date.
	 * @return {@code true} when there is an {@link HygieneFinding.Kind#EXPIRED} finding
	 */
	public boolean hasExpired() {
		return this.findings.stream().anyMatch(HygieneFinding::isError);
	}

	/**
	 * Returns whether nothing was found.
	 * @return {@code true} when there are no findings
	 */
	public boolean isClean() {
		return this.findings.isEmpty();
	}

}
