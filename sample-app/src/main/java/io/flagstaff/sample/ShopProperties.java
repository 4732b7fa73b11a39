package io.flagstaff.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's own settings, under {@code shop.*}.
 *
 * @param features where the default flags come from
 * @param admin the account allowed to change flags through the actuator
 * @param customer a shopper account, to show the authenticated user as flag context
 */
@ConfigurationProperties("shop")
public record ShopProperties(Features features, Account admin, Account customer) {

	/**
	 * Where the default flags come from.
	 *
	 * @param seed the document copied to {@code flagstaff.features-location} on first
	 * start
	 */
	public record Features(String seed) {
	}

	/**
	 * A user account.
	 *
	 * @param username the user name
	 * @param password the password, in plain text here (a real shop reads a hash from a
	 * secret store)
	 */
	public record Account(String username, String password) {
	}

}
