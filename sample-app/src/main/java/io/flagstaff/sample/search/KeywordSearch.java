package io.flagstaff.sample.search;

import java.util.List;
import java.util.Locale;

import io.flagstaff.sample.catalog.Catalog;
import io.flagstaff.sample.catalog.Product;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.FeatureToggle.When;

import org.springframework.stereotype.Service;

/**
 * The legacy search, used while {@code advanced-search} is off: products whose name
 * contains the query, in catalog order.
 */
@Service
@FeatureToggle(value = "advanced-search", when = When.OFF)
public class KeywordSearch implements SearchService {

	private final Catalog catalog;

	/**
	 * Creates the search.
	 * @param catalog the products
	 */
	public KeywordSearch(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public SearchResult search(String query) {
		String needle = query.trim().toLowerCase(Locale.ROOT);
		List<Product> hits = this.catalog.all()
			.stream()
			.filter((product) -> product.name().toLowerCase(Locale.ROOT).contains(needle))
			.toList();
		return new SearchResult("keyword", query, hits);
	}

}
