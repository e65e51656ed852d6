package org.sieve.ui.model;

/**
 * What a finished run of a model measured on this computer, for the next estimate of that model.
 *
 * @param flopsPerSecond the rate its optimisation steps ran at (the step's arithmetic over its time)
 * @param stepShare      the steps its slowest layer needed, as a share of the step budget
 */
public record StepRecord(double flopsPerSecond, double stepShare) {

    /** Whether the numbers can be used (a hand-edited state file may hold anything). */
    public boolean usable() {
        return flopsPerSecond > 0 && Double.isFinite(flopsPerSecond) && stepShare > 0 && stepShare <= 1;
    }
}
