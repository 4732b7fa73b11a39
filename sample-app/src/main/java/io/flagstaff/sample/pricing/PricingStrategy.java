package io.flagstaff.sample.pricing;

import io.flagstaff.sample.catalog.Product;

/**
 * Prices a product. One implementation per variant of the {@code pricing} experiment;
 * whoever injects this interface gets Flagstaff's routing proxy, which calls the bean of
 * the variant served to the current shopper.
 */
public interface PricingStrategy {

	/**
	 * Prices a product for the current shopper.
	 * @param product the product
	 * @return the quote
	 */
	Quote quote(Product product);

}
