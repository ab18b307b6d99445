package vclab.explore;

/**
 * A subtree of the depth-first search handed from one worker to another: the thread id to
 * take at each decision from the root, and the threads asleep on the last one's branch.
 */
record WorkItem(int[] path, int[] sleeping) {
    static final WorkItem ROOT = new WorkItem(new int[0], new int[0]);
}
