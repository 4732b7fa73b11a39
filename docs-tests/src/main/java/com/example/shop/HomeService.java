package com.example.shop;

import io.flagstaff.spring.FeatureToggle;

import org.springframework.stereotype.Service;

@Service
public class HomeService {

	@FeatureToggle(value = "weather-widget", fallback = "noWidget")
	public String widget(String city) {
		return "Sunny in " + city;
	}

	String noWidget(String city) {
		return "";
	}

}
