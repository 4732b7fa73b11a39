package io.flagstaff.sample.pricing;

import io.flagstaff.sample.catalog.Product;
import io.flagstaff.spring.Variant;

import org.springframework.stereotype.Service;

/**
 * The {@code annual} variant of the {@code pricing} experiment. A larger discount for
 * paying a year up front.
 */
@Service
@Variant(feature = PricingTerms.FEATURE, value = "annual")
public class AnnualPricing implements PricingStrategy {

	private final PricingTerms terms;

	/**
	 * Creates the strategy.
	 * @param terms the variant terms from the flag configuration
	 */
	public AnnualPricing(PricingTerms terms) {
		this.terms = terms;
	}

	@Override
	public Quote quote(Product product) {
		return this.terms.quote(product, "annual");
	}

}
