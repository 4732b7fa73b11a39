package io.flagstaff.sample.checkout;

/**
 * The outcome of a checkout.
 *
 * @param flow the checkout flow that took the order: {@code checkout-v2} or
 * {@code classic}
 * @param orderId the order's identifier
 * @param status {@code CONFIRMED}
 */
public record Receipt(String flow, String orderId, String status) {

}
