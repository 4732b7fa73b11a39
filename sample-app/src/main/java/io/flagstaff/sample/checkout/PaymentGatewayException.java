package io.flagstaff.sample.checkout;

/**
 * Thrown by the new checkout when its payment gateway fails; answered with 502 and
 * counted by the health guard against {@code checkout-v2}.
 */
public class PaymentGatewayException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed
	 */
	public PaymentGatewayException(String message) {
		super(message);
	}

}
