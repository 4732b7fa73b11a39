package io.flagstaff.sample.web;

import io.flagstaff.sample.ShopProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP basic security: the shop and actuator reads are open, actuator writes (flipping
 * flags) and reading feedback (by GET, HEAD or any other method but the POST that gives
 * it) need the admin account, anonymous requests to them get 401 and other users 403. An
 * authenticated shopper's user name becomes the flag context's user id (the starter's
 * default principal mapping), so a header cannot impersonate them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopProperties.class)
class SecurityConfiguration {

	static final String ADMIN = "ADMIN";

	@Bean
	SecurityFilterChain shopSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/actuator/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(ADMIN)
			.requestMatchers(HttpMethod.POST, "/features/*/feedback")
			.permitAll()
			// reading feedback is for the admin, by any method (HEAD runs the GET
			// handler)
			.requestMatchers("/features/*/feedback")
			.hasRole(ADMIN)
			.anyRequest()
			.permitAll());
		http.httpBasic(Customizer.withDefaults());
		// A stateless JSON API authenticated per request: no session, so no CSRF token to
		// protect.
		http.csrf((csrf) -> csrf.disable());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	UserDetailsService shopUsers(ShopProperties properties) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(
				User.withUsername(properties.admin().username())
					.password(encoder.encode(properties.admin().password()))
					.roles(ADMIN)
					.build(),
				User.withUsername(properties.customer().username())
					.password(encoder.encode(properties.customer().password()))
					.roles("CUSTOMER")
					.build());
	}

}
