package io.flagstaff.sample.pricing;

import io.flagstaff.sample.catalog.Product;
import io.flagstaff.spring.Variant;

import org.springframework.stereotype.Service;

/**
 * The {@code discount} variant of the {@code pricing} experiment. A percentage off the
 * list price, billed monthly.
 */
@Service
@Variant(feature = PricingTerms.FEATURE, value = "discount")
public class DiscountPricing implements PricingStrategy {

	private final PricingTerms terms;

	/**
	 * Creates the strategy.
	 * @param terms the variant terms from the flag configuration
	 */
	public DiscountPricing(PricingTerms terms) {
		this.terms = terms;
	}

	@Override
	public Quote quote(Product product) {
		return this.terms.quote(product, "discount");
	}

}
