package io.flagstaff.sample.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.flagstaff.sample.catalog.Catalog;
import io.flagstaff.sample.catalog.Product;
import io.flagstaff.spring.FeatureToggle;
import io.flagstaff.spring.FeatureToggle.When;

import org.springframework.stereotype.Service;

/**
 * The new search, used while {@code advanced-search} is on: every query word is matched
 * against the words of a product's name and category, tolerating one typo per word, and
 * the products matching most words come first.
 */
@Service
@FeatureToggle(value = "advanced-search", when = When.ON)
public class RankedSearch implements SearchService {

	private final Catalog catalog;

	/**
	 * Creates the search.
	 * @param catalog the products
	 */
	public RankedSearch(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public SearchResult search(String query) {
		List<String> terms = words(query);
		List<Product> hits = this.catalog.all()
			.stream()
			.map((product) -> new Scored(product, score(terms, product)))
			.filter((scored) -> scored.score() > 0)
			.sorted(Comparator.comparingInt(Scored::score).reversed())
			.map(Scored::product)
			.toList();
		return new SearchResult("ranked", query, hits);
	}

	private static int score(List<String> terms, Product product) {
		List<String> words = words(product.name() + " " + product.category());
		int score = 0;
		for (String term : terms) {
			if (words.stream().anyMatch((word) -> matches(term, word))) {
				score++;
			}
		}
		return score;
	}

	private static boolean matches(String term, String word) {
		if (word.startsWith(term)) {
			return true;
		}
		if (term.length() <= 3) {
			return false;
		}
		// "keybord" finds "keyboard", "monitr" finds "monitors"
		return withinOneEdit(term, word)
				|| withinOneEdit(term, word.substring(0, Math.min(word.length(), term.length())));
	}

	private static boolean withinOneEdit(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 1) {
			return false;
		}
		int i = 0;
		int j = 0;
		int edits = 0;
		while (i < a.length() && j < b.length()) {
			if (a.charAt(i) == b.charAt(j)) {
				i++;
				j++;
				continue;
			}
			if (++edits > 1) {
				return false;
			}
			if (a.length() > b.length()) {
				i++;
			}
			else if (a.length() < b.length()) {
				j++;
			}
			else {
				i++;
				j++;
			}
		}
		return edits + (a.length() - i) + (b.length() - j) <= 1;
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> !word.isEmpty())
			.toList();
	}

	private record Scored(Product product, int score) {
	}

}
