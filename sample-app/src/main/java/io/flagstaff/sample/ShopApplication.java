package io.flagstaff.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small web shop that shows every Flagstaff capability: strategy injection for search,
 * a guarded method with a fallback for recommendations, variant routing for the pricing
 * experiment, a kill switch for the heavy report and an automatic kill switch for the new
 * checkout.
 *
 * <p>
 * Run it with {@code ./mvnw -pl sample-app -am spring-boot:run}; it listens on port 8080
 * and keeps its flags in {@code ./data/features.yml}, seeded from the classpath on first
 * start.
 */
@SpringBootApplication
public class ShopApplication {

	/**
	 * Starts the shop.
	 * @param args command-line arguments, passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

	/**
	 * Seeds {@code ./data/features.yml} from the classpath on first start.
	 * @return the seeder
	 */
	@Bean
	static FeatureFileSeeder featureFileSeeder() {
		return new FeatureFileSeeder();
	}

}
