package io.client360.bench;

/**
 * One measured load step, its load generator warmed up first: with {@code warmSeconds} above 0, Gatling runs
 * {@link ApiSimulation} with the step's properties for that long (no report, no snapshots), then again in the same JVM
 * for the step's {@code seconds}, which alone are measured. A fresh Gatling JVM answers its first second slowly
 * (its HTTP client and the simulation interpreted, its connections opened): in a 5 s step at 222 reads a second, a
 * read that runs no query had a p99 of 145 ms, 175 in the first second and 4–8 in each of the next four. Arguments
 * are Gatling's; exits with the measured run's status.
 */
public final class Load {

    private Load() {
    }

    public static void main(String[] args) {
        int warmSeconds = Integer.getInteger("warmSeconds", 0);
        if (warmSeconds > 0) {
            String seconds = System.getProperty("seconds", "20");
            String snap = System.getProperty("snap");
            System.setProperty("seconds", Integer.toString(warmSeconds));
            System.clearProperty("snap");
            String[] warm = java.util.Arrays.copyOf(args, args.length + 1);
            warm[args.length] = "-nr";
            io.gatling.app.Gatling$.MODULE$.fromArgs(warm);
            System.setProperty("seconds", seconds);
            if (snap != null) {
                System.setProperty("snap", snap);
            }
        }
        System.exit(io.gatling.app.Gatling$.MODULE$.fromArgs(args));
    }
}
