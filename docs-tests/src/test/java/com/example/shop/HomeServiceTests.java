package com.example.shop;

import io.flagstaff.junit.DisableFeatures;
import io.flagstaff.junit.EnableFeatures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class HomeServiceTests {

	@Autowired
	HomeService home;

	@Autowired
	SearchEngine search;

	@Test
	@EnableFeatures({ "weather-widget", "ranked-search" })
	void showsTheWidgetAndRanksResults() {
		assertThat(this.home.widget("Berlin")).isEqualTo("Sunny in Berlin");
		assertThat(this.search.search("lamp")).hasSize(2);
	}

	@Test
	@DisableFeatures({ "weather-widget", "ranked-search" })
	void fallsBackWhenTheFlagsAreOff() {
		assertThat(this.home.widget("Berlin")).isEmpty();
		assertThat(this.search.search("lamp")).containsExactly("exact match for lamp");
	}

}
