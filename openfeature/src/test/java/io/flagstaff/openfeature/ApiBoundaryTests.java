package io.flagstaff.openfeature;

import io.flagstaff.architecture.ApiBoundaryContract;

/**
 * This module reaches the core through its public API only.
 */
class ApiBoundaryTests extends ApiBoundaryContract {

}
