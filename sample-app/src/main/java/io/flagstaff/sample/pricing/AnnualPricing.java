package io.flagstaff.sample.pricing;

import io.flagstaff.spring.Variant;

import org.springframework.stereotype.Service;

/**
 * The {@code annual} variant of the {@code pricing} experiment. A larger discount for
 * paying a year up front.
 */
@Service
@Variant(feature = PricingTerms.FEATURE, value = "annual")
public class AnnualPricing extends ConfiguredPricing {

	/**
	 * Creates the strategy.
	 * @param terms the variant terms from the flag configuration
	 */
	public AnnualPricing(PricingTerms terms) {
		super(terms, "annual");
	}

}
