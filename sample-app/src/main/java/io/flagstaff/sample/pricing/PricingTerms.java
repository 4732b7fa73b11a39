package io.flagstaff.sample.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.flagstaff.FeatureSnapshot;
import io.flagstaff.Flagstaff;
import io.flagstaff.model.FeatureDefinition;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.VariantDefinition;
import io.flagstaff.sample.catalog.Product;
import io.flagstaff.spring.FeatureScope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import org.springframework.stereotype.Component;

/**
 * Reads a pricing variant's terms ({@code discountPercent}, {@code billing}) from the
 * variant's value in the flag configuration, so a change of terms in {@code features.yml}
 * applies without a deployment.
 */
@Component
public class PricingTerms {

	static final String FEATURE = "pricing";

	private final Flagstaff flagstaff;

	/**
	 * Creates the reader.
	 * @param flagstaff the flags
	 */
	public PricingTerms(Flagstaff flagstaff) {
		this.flagstaff = flagstaff;
	}

	/**
	 * Prices a product with the terms of a variant, read from the snapshot pinned for
	 * this request.
	 * @param product the product
	 * @param variant the variant
	 * @return the quote
	 */
	public Quote quote(Product product, String variant) {
		FeatureScope scope = FeatureScope.current();
		FeatureSnapshot snapshot = (scope != null) ? scope.snapshot() : this.flagstaff.snapshot();
		JsonNode terms = terms(snapshot.definition(FEATURE), variant);
		int discount = terms.path("discountPercent").asInt(0);
		String billing = terms.path("billing").asString("monthly");
		BigDecimal monthly = product.price()
			.multiply(BigDecimal.valueOf(100 - discount))
			.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
		BigDecimal price = "annual".equals(billing) ? monthly.multiply(BigDecimal.valueOf(12)) : monthly;
		return new Quote(product.sku(), variant, product.price(), price, billing, discount);
	}

	private static JsonNode terms(@Nullable FeatureDefinition definition, String variant) {
		if (definition != null) {
			for (VariantDefinition candidate : definition.variants()) {
				if (candidate.name().equals(variant) && candidate.value() instanceof FeatureValue.Json json) {
					return json.value();
				}
			}
		}
		return MissingNode.getInstance();
	}

}
