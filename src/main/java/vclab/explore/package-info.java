/**
 * The interleaving explorer: searches the schedules of a {@link vclab.explore.Scenario} for
 * one that breaks an invariant, panics the child, deadlocks, livelocks, times out or fails
 * the scenario's own expectations, and returns the simplest such schedule.
 *
 * <p>A scenario builds a fresh world for every run. The explorer steers the run through
 * {@link vclab.sched.Scheduler.Options#policy} and watches it through
 * {@link vclab.sched.Scheduler.Options#listeners}. The default policy keeps the current
 * thread running while it is enabled, so a schedule only records the decisions where a run
 * deviated from it: see {@link vclab.explore.Schedule} for the text format and
 * {@link vclab.explore.ReplayPolicy} to replay one.
 *
 * <p>Strategies: depth-first search within a preemption bound, searched bound by bound so
 * that the first failure has the fewest preemptions; random walks; PCT. The depth-first
 * search prunes orders of independent steps with sleep sets over the relation in
 * {@code Dependency}. A failing schedule is minimised, replayed once more to compare its
 * step fingerprint, and rendered as a story built from the steps and the model's trace.
 *
 * <p>Results are data ({@link vclab.explore.ExploreReport}); {@link
 * vclab.explore.ReportWriters} prints them as text, JSON or JUnit XML.
 */
package vclab.explore;
