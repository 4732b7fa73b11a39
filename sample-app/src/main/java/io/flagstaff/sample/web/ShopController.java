package io.flagstaff.sample.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flagstaff.Flagstaff;
import io.flagstaff.experiments.ExperimentTracker;
import io.flagstaff.sample.catalog.Catalog;
import io.flagstaff.sample.checkout.CheckoutService;
import io.flagstaff.sample.checkout.Receipt;
import io.flagstaff.sample.pricing.PricingStrategy;
import io.flagstaff.sample.pricing.Quote;
import io.flagstaff.sample.recommend.RecommendationService;
import io.flagstaff.sample.recommend.Recommendations;
import io.flagstaff.sample.report.ReportService;
import io.flagstaff.sample.report.SalesReport;
import io.flagstaff.sample.search.SearchResult;
import io.flagstaff.sample.search.SearchService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's endpoints. None of them asks Flagstaff anything directly: the injected
 * {@link SearchService} and {@link PricingStrategy} are routing proxies, and the
 * recommendation, report and checkout services are guarded by {@code @FeatureToggle}.
 */
@RestController
public class ShopController {

	private final Catalog catalog;

	private final SearchService search;

	private final RecommendationService recommendations;

	private final PricingStrategy pricing;

	private final ReportService reports;

	private final CheckoutService checkout;

	private final ExperimentTracker experiments;

	private final Flagstaff flagstaff;

	ShopController(Catalog catalog, SearchService search, RecommendationService recommendations,
			PricingStrategy pricing, ReportService reports, CheckoutService checkout, ExperimentTracker experiments,
			Flagstaff flagstaff) {
		this.catalog = catalog;
		this.search = search;
		this.recommendations = recommendations;
		this.pricing = pricing;
		this.reports = reports;
		this.checkout = checkout;
		this.experiments = experiments;
		this.flagstaff = flagstaff;
	}

	@GetMapping("/search")
	SearchResult search(@RequestParam("q") String query) {
		if (query.isBlank()) {
			throw new IllegalArgumentException("Query parameter 'q' is empty; search for a word such as ?q=monitor");
		}
		return this.search.search(query);
	}

	@GetMapping("/recommendations")
	Recommendations recommendations() {
		return this.recommendations.recommendFor(Shoppers.context(this.flagstaff).userId());
	}

	@GetMapping("/pricing")
	List<Quote> pricing(@RequestParam(name = "sku", required = false) String sku) {
		if (sku != null) {
			return List.of(this.pricing.quote(this.catalog.get(sku)));
		}
		return this.catalog.all().stream().map(this.pricing::quote).toList();
	}

	@PostMapping("/purchase")
	Map<String, Object> purchase(@RequestBody PurchaseRequest request) {
		if (request.sku() == null || request.sku().isBlank()) {
			throw new IllegalArgumentException("Body field 'sku' is missing; send {\"sku\": \"KB-101\"}");
		}
		Quote quote = this.pricing.quote(this.catalog.get(request.sku()));
		Receipt receipt = this.checkout.checkout(false);
		int attributed = this.experiments.track("purchase", Shoppers.context(this.flagstaff));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("orderId", receipt.orderId());
		body.put("checkoutFlow", receipt.flow());
		body.put("quote", quote);
		body.put("experimentsCredited", attributed);
		return body;
	}

	@GetMapping("/reports/sales")
	SalesReport salesReport() {
		return this.reports.salesReport();
	}

	@GetMapping("/checkout")
	Receipt checkout(@RequestParam(name = "simulateFailure", defaultValue = "false") boolean simulateFailure) {
		return this.checkout.checkout(simulateFailure);
	}

	/**
	 * The body of {@code POST /purchase}.
	 *
	 * @param sku the product bought
	 */
	record PurchaseRequest(String sku) {
	}

}
