package io.flagstaff.sample.catalog;

/**
 * Thrown when a request names a product the catalog does not have; answered with 404.
 */
public class UnknownProductException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param sku the SKU that was asked for
	 */
	public UnknownProductException(String sku) {
		super("No product with SKU '" + sku + "'; GET /search?q= lists products with their SKUs");
	}

}
