package io.flagstaff.spring.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.flagstaff.Flagstaff;
import io.flagstaff.feedback.FeedbackCollector;
import io.flagstaff.feedback.FeedbackStore;
import io.flagstaff.feedback.InMemoryFeedbackStore;
import io.flagstaff.feedback.jdbc.JdbcFeedbackStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures a {@link FeedbackCollector} over a {@link FeedbackStore} when
 * {@code flagstaff-experiments} is on the classpath: the {@link JdbcFeedbackStore} (table
 * {@code <flagstaff.store.jdbc.table-prefix>feedback}) when
 * {@code flagstaff.store.type=jdbc}, otherwise an {@link InMemoryFeedbackStore}. Each
 * bean backs off when the application declares its own.
 */
@AutoConfiguration(after = FlagstaffAutoConfiguration.class)
@ConditionalOnClass(FeedbackCollector.class)
@ConditionalOnBean(Flagstaff.class)
@EnableConfigurationProperties(FlagstaffProperties.class)
@ConditionalOnBooleanProperty(name = "flagstaff.feedback.enabled", matchIfMissing = true)
@Import(FlagstaffFeedbackAutoConfiguration.JdbcStore.class)
public final class FlagstaffFeedbackAutoConfiguration {

	/**
	 * Keeps feedback in memory when no other store is configured: lost on restart, and
	 * bounded per flag ({@code flagstaff.feedback.max-per-feature}).
	 * @param properties the properties (the bound)
	 * @return the store
	 */
	@Bean
	@ConditionalOnMissingBean(FeedbackStore.class)
	InMemoryFeedbackStore flagstaffFeedbackStore(FlagstaffProperties properties) {
		return new InMemoryFeedbackStore(properties.getFeedback().getMaxPerFeature());
	}

	/**
	 * The collector.
	 * @param store where feedback is kept
	 * @param properties the properties (the accepted rating range)
	 * @return the collector
	 */
	@Bean
	@ConditionalOnMissingBean
	FeedbackCollector feedbackCollector(FeedbackStore store, FlagstaffProperties properties) {
		FlagstaffProperties.Feedback feedback = properties.getFeedback();
		return new FeedbackCollector(store, feedback.getMinRating(), feedback.getMaxRating(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "flagstaff.store.type", havingValue = "jdbc")
	static class JdbcStore {

		@Bean
		@ConditionalOnMissingBean(FeedbackStore.class)
		JdbcFeedbackStore flagstaffJdbcFeedbackStore(FlagstaffProperties properties,
				ObjectProvider<DataSource> dataSource) {
			DataSource source = dataSource.getIfUnique();
			if (source == null) {
				throw new IllegalStateException("flagstaff.store.type=jdbc keeps feedback in the database and needs "
						+ "exactly one DataSource bean: configure spring.datasource.* or declare a FeedbackStore bean");
			}
			return JdbcFeedbackStore.create(source, properties.getStore().getJdbc().getTablePrefix() + "feedback");
		}

	}

}
