package io.flagstaff.sample.search;

/**
 * Searches the catalog. Two implementations exist, one per state of the
 * {@code advanced-search} flag; whoever injects this interface gets Flagstaff's routing
 * proxy, which picks one on every call.
 */
public interface SearchService {

	/**
	 * Searches the catalog.
	 * @param query what the shopper typed
	 * @return the matching products and which engine found them
	 */
	SearchResult search(String query);

}
