package io.client360.kernel.assignment;

/** How an assignment group hands out new and reassigned inquiries: by hand, in turn, or to the least busy agent. */
public enum AssignmentPolicy {
    MANUAL, ROUND_ROBIN, LEAST_OPEN
}
