package io.flagstaff.sample.report;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Revenue per category.
 *
 * @param revenueByCategory revenue per product category, in euros
 * @param total the total revenue
 */
public record SalesReport(Map<String, BigDecimal> revenueByCategory, BigDecimal total) {

}
