package io.flagstaff.sample.web;

import io.flagstaff.FeatureNotFoundException;
import io.flagstaff.sample.catalog.UnknownProductException;
import io.flagstaff.sample.checkout.PaymentGatewayException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the shop's exceptions into problem responses. A flag that is off where no
 * fallback exists ({@code FeatureDisabledException}) is answered by the starter itself,
 * with {@code flagstaff.web.disabled-status} (503 here).
 */
@RestControllerAdvice
class ShopErrors {

	@ExceptionHandler
	ProblemDetail paymentFailed(PaymentGatewayException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownProduct(UnknownProductException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownFlag(FeatureNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
