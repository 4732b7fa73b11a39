package io.flagstaff.sample.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The shop's products: a fixed list, enough to search, recommend and price.
 */
@Component
public class Catalog {

	private final List<Product> products = List.of(product("KB-101", "Mechanical Keyboard", "peripherals", "89.00"),
			product("MS-202", "Wireless Mouse", "peripherals", "39.00"),
			product("MN-303", "27-inch Monitor", "displays", "279.00"),
			product("MN-304", "34-inch Ultrawide Monitor", "displays", "499.00"),
			product("HD-405", "Noise-cancelling Headphones", "audio", "199.00"),
			product("SP-506", "Bluetooth Speaker", "audio", "59.00"),
			product("LT-607", "Ultralight Laptop", "computers", "1299.00"),
			product("DK-708", "USB-C Docking Station", "peripherals", "149.00"),
			product("WC-809", "4K Webcam", "peripherals", "119.00"),
			product("TB-910", "Drawing Tablet", "peripherals", "229.00"));

	/**
	 * Returns every product, in catalog order.
	 * @return the products
	 */
	public List<Product> all() {
		return this.products;
	}

	/**
	 * Finds a product by its SKU.
	 * @param sku the SKU, compared ignoring case
	 * @return the product, if any
	 */
	public Optional<Product> find(String sku) {
		return this.products.stream().filter((product) -> product.sku().equalsIgnoreCase(sku)).findFirst();
	}

	/**
	 * Returns a product by its SKU.
	 * @param sku the SKU
	 * @return the product
	 * @throws UnknownProductException when there is none
	 */
	public Product get(String sku) {
		return find(sku).orElseThrow(() -> new UnknownProductException(sku));
	}

	private static Product product(String sku, String name, String category, String price) {
		return new Product(sku, name, category, new BigDecimal(price));
	}

}
