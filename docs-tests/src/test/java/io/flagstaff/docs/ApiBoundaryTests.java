package io.flagstaff.docs;

import io.flagstaff.architecture.ApiBoundaryContract;

/**
 * The documentation's code reaches the core through its public API only.
 */
class ApiBoundaryTests extends ApiBoundaryContract {

}
