package io.flagstaff.sample.pricing;

import io.flagstaff.spring.Variant;

import org.springframework.stereotype.Service;

/**
 * The {@code discount} variant of the {@code pricing} experiment. A percentage off the
 * list price, billed monthly.
 */
@Service
@Variant(feature = PricingTerms.FEATURE, value = "discount")
public class DiscountPricing extends ConfiguredPricing {

	/**
	 * Creates the strategy.
	 * @param terms the variant terms from the flag configuration
	 */
	public DiscountPricing(PricingTerms terms) {
		super(terms, "discount");
	}

}
