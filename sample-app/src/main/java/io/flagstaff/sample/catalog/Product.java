package io.flagstaff.sample.catalog;

import java.math.BigDecimal;

/**
 * A product of the shop.
 *
 * @param sku the stock-keeping unit, the product's identifier
 * @param name the display name
 * @param category the category, used by recommendations
 * @param price the list price in euros
 */
public record Product(String sku, String name, String category, BigDecimal price) {

}
