package io.flagstaff.sample.search;

import java.util.List;

import io.flagstaff.sample.catalog.Product;

/**
 * The answer of a search.
 *
 * @param engine the implementation that answered: {@code keyword} or {@code ranked}
 * @param query the query
 * @param hits the matching products, best first
 */
public record SearchResult(String engine, String query, List<Product> hits) {

}
