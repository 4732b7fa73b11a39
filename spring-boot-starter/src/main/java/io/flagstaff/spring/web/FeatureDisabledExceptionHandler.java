package io.flagstaff.spring.web;

import io.flagstaff.FeatureDisabledException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Turns a {@link FeatureDisabledException} escaping a controller (Spring MVC or WebFlux)
 * into a {@code 404 Not Found} (or {@code 503 Service Unavailable}, property
 * {@code flagstaff.web.disabled-status}) problem response naming the flag.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class FeatureDisabledExceptionHandler {

	private final HttpStatus status;

	/**
	 * Creates the handler.
	 * @param status the status to answer with
	 */
	public FeatureDisabledExceptionHandler(HttpStatus status) {
		this.status = status;
	}

	/**
	 * Answers a request that reached code whose flag is off.
	 * @param ex the exception
	 * @return the problem response
	 */
	@ExceptionHandler(FeatureDisabledException.class)
	public ResponseEntity<ProblemDetail> featureDisabled(FeatureDisabledException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, ex.getMessage());
		problem.setTitle("Feature disabled");
		problem.setProperty("feature", ex.getKey());
		return ResponseEntity.status(this.status).body(problem);
	}

}
