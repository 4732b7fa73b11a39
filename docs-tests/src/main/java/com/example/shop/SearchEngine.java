package com.example.shop;

import java.util.List;

import io.flagstaff.spring.FeatureToggle;

import org.springframework.stereotype.Service;

import static io.flagstaff.spring.FeatureToggle.When.OFF;
import static io.flagstaff.spring.FeatureToggle.When.ON;

public interface SearchEngine {

	List<String> search(String query);

}

@Service
@FeatureToggle(value = "ranked-search", when = ON)
class RankedSearch implements SearchEngine {

	@Override
	public List<String> search(String query) {
		return List.of("best match for " + query, "next best");
	}

}

@Service
@FeatureToggle(value = "ranked-search", when = OFF)
class KeywordSearch implements SearchEngine {

	@Override
	public List<String> search(String query) {
		return List.of("exact match for " + query);
	}

}
