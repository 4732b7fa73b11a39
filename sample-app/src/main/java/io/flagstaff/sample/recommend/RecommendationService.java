package io.flagstaff.sample.recommend;

import java.util.Comparator;
import java.util.List;

import io.flagstaff.FeatureDisabledException;
import io.flagstaff.sample.catalog.Catalog;
import io.flagstaff.sample.catalog.Product;
import io.flagstaff.spring.FeatureToggle;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Recommends products. The personalized engine is an ops toggle: while
 * {@code recommendations} is off (say the engine's backend is struggling), every shopper
 * gets the generic best-seller list instead of an error.
 */
@Service
public class RecommendationService {

	private final Catalog catalog;

	/**
	 * Creates the service.
	 * @param catalog the products
	 */
	public RecommendationService(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Recommends products to a shopper: a category picked from the shopper's id, most
	 * expensive first.
	 * @param userId the shopper, or {@code null} when anonymous
	 * @return the recommendations
	 */
	@FeatureToggle(value = "recommendations", fallback = "bestSellers")
	public Recommendations recommendFor(@Nullable String userId) {
		List<String> categories = this.catalog.all().stream().map(Product::category).distinct().sorted().toList();
		String category = categories.get(Math.floorMod((userId != null) ? userId.hashCode() : 0, categories.size()));
		List<Product> products = this.catalog.all()
			.stream()
			.filter((product) -> product.category().equals(category))
			.sorted(Comparator.comparing(Product::price).reversed())
			.toList();
		return new Recommendations("personalized", products);
	}

	/**
	 * The fallback while {@code recommendations} is off: the same best sellers for
	 * everyone.
	 * @param userId the shopper, ignored
	 * @param ex why the personalized engine was not called
	 * @return the best sellers
	 */
	Recommendations bestSellers(@Nullable String userId, FeatureDisabledException ex) {
		return new Recommendations("best-sellers", this.catalog.all().subList(0, 3));
	}

}
