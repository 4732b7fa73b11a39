package io.flagstaff.sample.pricing;

import io.flagstaff.sample.catalog.Product;

/**
 * A pricing variant whose terms live in the flag configuration: the subclasses differ
 * only in the variant they carry, which is what {@code @Variant} routes on.
 */
abstract class ConfiguredPricing implements PricingStrategy {

	private final PricingTerms terms;

	private final String variant;

	ConfiguredPricing(PricingTerms terms, String variant) {
		this.terms = terms;
		this.variant = variant;
	}

	@Override
	public Quote quote(Product product) {
		return this.terms.quote(product, this.variant);
	}

}
