package io.flagstaff.sample.checkout;

import java.util.concurrent.atomic.AtomicLong;

import io.flagstaff.spring.FeatureToggle;

import org.springframework.stereotype.Service;

/**
 * Takes orders. The new flow ({@code checkout-v2}) carries a health policy: after 3
 * failures within a minute the health guard switches the flag off through the store, and
 * every later checkout goes through the classic flow until someone enables it again.
 */
@Service
public class CheckoutService {

	private final AtomicLong orders = new AtomicLong(1000);

	/**
	 * Takes an order through the new flow.
	 * @param simulateFailure whether the payment gateway should fail, to see the health
	 * guard at work
	 * @return the receipt
	 * @throws PaymentGatewayException when the gateway fails
	 */
	@FeatureToggle(value = "checkout-v2", fallback = "classicCheckout")
	public Receipt checkout(boolean simulateFailure) {
		if (simulateFailure) {
			throw new PaymentGatewayException("Payment gateway timed out (simulated)");
		}
		return new Receipt("checkout-v2", nextOrderId(), "CONFIRMED");
	}

	/**
	 * The classic flow, used while {@code checkout-v2} is off. It does not use the new
	 * gateway, so it does not fail.
	 * @param simulateFailure ignored
	 * @return the receipt
	 */
	Receipt classicCheckout(boolean simulateFailure) {
		return new Receipt("classic", nextOrderId(), "CONFIRMED");
	}

	private String nextOrderId() {
		return "ord-" + this.orders.incrementAndGet();
	}

}
