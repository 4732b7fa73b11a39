package io.flagstaff.sample.recommend;

import java.util.List;

import io.flagstaff.sample.catalog.Product;

/**
 * Products recommended to a shopper.
 *
 * @param source {@code personalized} (the {@code recommendations} flag on) or
 * {@code best-sellers} (the fallback while it is off)
 * @param products the recommended products
 */
public record Recommendations(String source, List<Product> products) {

}
