package io.flagstaff.spring;

import java.util.Objects;

/**
 * Thrown when Flagstaff cannot start as configured: a store type nobody provides, a
 * missing store module or flag document, a flag key the code names that no flag has (with
 * {@code flagstaff.strict=true}), a Spring Boot line the starter does not support. It
 * carries what is wrong and what to do apart, as the failure analysis Spring Boot prints
 * at startup shows them.
 */
public class FlagstaffStartupException extends IllegalStateException {

	private final String description;

	private final String action;

	/**
	 * Creates the exception.
	 * @param description what is wrong, naming the property, bean or location at fault
	 * @param action what to change
	 */
	public FlagstaffStartupException(String description, String action) {
		super(Objects.requireNonNull(description, "description") + ". " + Objects.requireNonNull(action, "action"));
		this.description = description;
		this.action = action;
	}

	/**
	 * Returns what is wrong.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Returns what to change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
