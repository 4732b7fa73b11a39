package io.flagstaff.sample.pricing;

import io.flagstaff.sample.catalog.Product;
import io.flagstaff.spring.Variant;

import org.springframework.stereotype.Service;

/**
 * The {@code control} variant of the {@code pricing} experiment. The control group: list
 * prices, billed monthly. Also used while the experiment is off.
 */
@Service
@Variant(feature = PricingTerms.FEATURE, value = "control", isDefault = true)
public class ControlPricing implements PricingStrategy {

	private final PricingTerms terms;

	/**
	 * Creates the strategy.
	 * @param terms the variant terms from the flag configuration
	 */
	public ControlPricing(PricingTerms terms) {
		this.terms = terms;
	}

	@Override
	public Quote quote(Product product) {
		return this.terms.quote(product, "control");
	}

}
