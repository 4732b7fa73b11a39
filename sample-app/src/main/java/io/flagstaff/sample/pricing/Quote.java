package io.flagstaff.sample.pricing;

import java.math.BigDecimal;

/**
 * A price offered to a shopper.
 *
 * @param sku the product
 * @param variant the {@code pricing} variant that priced it
 * @param listPrice the catalog price
 * @param price the price offered, per billing period
 * @param billing {@code monthly} or {@code annual}
 * @param discountPercent the discount applied to the list price
 */
public record Quote(String sku, String variant, BigDecimal listPrice, BigDecimal price, String billing,
		int discountPercent) {

}
