package io.flagstaff.sample.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import io.flagstaff.sample.catalog.Catalog;
import io.flagstaff.sample.catalog.Product;
import io.flagstaff.spring.FeatureToggle;

import org.springframework.stereotype.Service;

/**
 * Builds the expensive sales report. Guarded by the {@code heavy-report} kill switch
 * without a fallback: while it is off the method is not called and the request is
 * answered {@code 503 Service Unavailable} ({@code flagstaff.web.disabled-status}).
 */
@Service
public class ReportService {

	private final Catalog catalog;

	/**
	 * Creates the service.
	 * @param catalog the products
	 */
	public ReportService(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Builds the report: every product is taken to have sold as many units as its name
	 * has letters, which stands in for a scan of the order history.
	 * @return the report
	 */
	@FeatureToggle("heavy-report")
	public SalesReport salesReport() {
		Map<String, BigDecimal> revenue = new TreeMap<>();
		for (Product product : this.catalog.all()) {
			BigDecimal sold = product.price().multiply(BigDecimal.valueOf(product.name().length()));
			revenue.merge(product.category(), sold, BigDecimal::add);
		}
		BigDecimal total = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return new SalesReport(revenue, total);
	}

}
