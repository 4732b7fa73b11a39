package io.flagstaff.sample.pricing;

import io.flagstaff.spring.Variant;

import org.springframework.stereotype.Service;

/**
 * The {@code control} variant of the {@code pricing} experiment. The control group: list
 * prices, billed monthly. Also used while the experiment is off.
 */
@Service
@Variant(feature = PricingTerms.FEATURE, value = "control", isDefault = true)
public class ControlPricing extends ConfiguredPricing {

	/**
	 * Creates the strategy.
	 * @param terms the variant terms from the flag configuration
	 */
	public ControlPricing(PricingTerms terms) {
		super(terms, "control");
	}

}
